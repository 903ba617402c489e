//! Simulated blocks per second on the real runtime: 64 and 128 subnets, each with 256 neurons
//! (the owner, 64 validators, 191 miners) and tempo 360, the full coinbase every block and
//! each subnet's epoch once per tempo; validators re-set their weights after each epoch.
//!
//! `cargo bench -p dtao-sim --bench blocks` (`SKIP_WASM_BUILD=1` as for every native build).
//! `DTAO_SIM_BENCH_BLOCKS` sets the blocks timed (default 722: two tempos; the first tempo's
//! epochs run before any validator has set weights, the second's are the steady state of a
//! day, so a day of 7,200 blocks runs a little slower per block than these 722; set 7200 to
//! time a day); `DTAO_SIM_BENCH_SUBNETS` a comma-separated list of subnet counts (default
//! `64,128`). Each configuration is timed twice: with the pallet's invariants checked after
//! every block (the default of `dtao-sim run`) and with `--check-every 7200` (once a
//! simulated day); `DTAO_SIM_BENCH_CHECK_EVERY` picks others (default `1,7200`). The set-up
//! (genesis and 32,768 neurons) is not timed; it is printed. `DTAO_SIM_BENCH_STATE=flat,trie`
//! also times the state in `sp_io::TestExternalities` (`dtao-sim run --trie-backend`;
//! default `flat` only).
use dtao_sim::{run, scenario::parse, Options};

// As the `dtao-sim` binary: a simulated block makes tens of thousands of small allocations.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
use std::time::Instant;

fn scenario(subnets: u16, blocks: u64) -> String {
    let mut s = format!("name = \"bench-{subnets}\"\nblocks = {blocks}\nseed = 1\n\n[chain]\nema_price_halving_blocks = 0\n");
    for n in 1..=subnets {
        s.push_str(&format!("\n[[subnets]]\nnetuid = {n}\ntao = 10000\nalpha_in = 100000\nmoving_price = 0.1\n"));
    }
    s.push_str("\n[[populations]]\nvalidators = 64\nminers = 191\nvalidator_stake = 1000\nweights = \"random\"\n");
    s.push_str("\n[[root_stakers]]\nhotkey = \"root\"\nstake = 1000000\n");
    s
}

fn main() {
    let blocks: u64 = std::env::var("DTAO_SIM_BENCH_BLOCKS").ok().and_then(|v| v.parse().ok()).unwrap_or(722);
    let counts: Vec<u16> = std::env::var("DTAO_SIM_BENCH_SUBNETS")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![64, 128]);
    let checks: Vec<u64> = std::env::var("DTAO_SIM_BENCH_CHECK_EVERY")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 7_200]);
    let states: Vec<bool> = std::env::var("DTAO_SIM_BENCH_STATE")
        .unwrap_or_else(|_| "flat".into())
        .split(',')
        .map(|x| x.trim() == "trie")
        .collect();
    println!("{:>8} {:>6} {:>8} {:>14} {:>10} {:>12} {:>16}", "subnets", "state", "blocks", "invariants", "seconds", "blocks/s", "7,200 blocks (s)");
    for subnets in counts {
        for (&trie, &check_every) in states.iter().flat_map(|t| checks.iter().map(move |c| (t, c))) {
            let s = parse(&scenario(subnets, blocks)).expect("bench scenario");
            let options = Options { out: None, quiet: true, blocks: None, check_every, pairs: false, trie };
            let start = Instant::now();
            let outcome = run(&s, &options).expect("runs");
            let total = start.elapsed().as_secs_f64();
            let secs = outcome.run_seconds;
            let rate = outcome.blocks as f64 / secs;
            let label = match check_every {
                0 | 1 => "every block".to_string(),
                7_200 => "once a day".to_string(),
                n => format!("every {n}"),
            };
            println!(
                "{subnets:>8} {:>6} {:>8} {label:>14} {secs:>10.2} {rate:>12.1} {:>16.1}   (set-up {:.1} s)",
                if trie { "trie" } else { "flat" },
                outcome.blocks,
                7_200.0 / rate,
                total - secs
            );
        }
    }
}
