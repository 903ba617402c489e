//! `dtao-sim`: runs a scenario file on the real dtao runtime (see the crate docs).
//!
//! ```text
//! dtao-sim run sim/scenarios/sn28-feedback.toml --out out/sn28
//! dtao-sim check sim/scenarios/*.toml
//! dtao-sim replay --snapshot pairs.json --blocks 100 --out out/replay
//! dtao-sim diff out/replay/emission.jsonl chain/emission.jsonl
//! ```
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// jemalloc instead of the system allocator: a simulated block makes tens of thousands of
/// small allocations (every storage read returns a fresh `Vec`), and glibc's `free` was a
/// tenth of a block's instructions under callgrind.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(name = "dtao-sim", version, about = "Replays economic scenarios on the real dtao runtime, block by block")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs a scenario and writes its CSVs, charts and summary into --out.
    Run {
        /// The scenario file (TOML).
        scenario: PathBuf,
        /// Output folder (created).
        #[arg(long)]
        out: PathBuf,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
        /// Stop after this many blocks (at most the scenario's `blocks`).
        #[arg(long)]
        blocks: Option<u64>,
        /// Check the pallet's invariants after every N blocks and after the last (default:
        /// every block).
        #[arg(long, default_value_t = 1)]
        check_every: u64,
        /// Also write the state after the last block: `state-pairs.json` (a snapshot `replay`
        /// starts from) and `final-pairs.json` (the SubtensorModule pairs).
        #[arg(long)]
        pairs: bool,
        /// Keep the state in a trie backend under an overlay (`sp_io::TestExternalities`)
        /// instead of one sorted map: several times slower, the same output byte for byte.
        #[arg(long)]
        trie_backend: bool,
    },
    /// Runs the blocks after a raw storage snapshot (`state_getPairs` pairs as JSON) and writes
    /// `emission.jsonl` and `final-pairs.json` into --out.
    Replay {
        /// The snapshot: `[["0xkey", "0xvalue"], ...]` or `{"pairs": [...]}`.
        #[arg(long)]
        snapshot: PathBuf,
        /// Blocks to run after the snapshot's block.
        #[arg(long)]
        blocks: u64,
        /// Output folder (created).
        #[arg(long)]
        out: PathBuf,
        /// After each block: `invariants` (the pallet's, as in `run`) or `none` (a snapshot of
        /// a chain without our dust and shortfall counters).
        #[arg(long, value_enum, default_value_t = CheckArg::Invariants)]
        check: CheckArg,
    },
    /// Compares two `emission.jsonl` files block by block. Exit 0: identical; 1: they differ;
    /// 2: a file cannot be read.
    Diff {
        /// First file.
        a: PathBuf,
        /// Second file.
        b: PathBuf,
    },
    /// Checks scenario files without running them.
    Check {
        /// Scenario files.
        #[arg(required = true)]
        scenarios: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CheckArg {
    Invariants,
    None,
}

fn diff(a: &std::path::Path, b: &std::path::Path) -> ExitCode {
    let (x, y) = match (dtao_sim::audit::read(a), dtao_sim::audit::read(b)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        },
    };
    let d = dtao_sim::audit::diff(&x, &y);
    println!("{} blocks compared, {} differ, {} in only one file", d.compared, d.differing, d.unmatched.len());
    if let Some(first) = &d.first {
        println!("first difference: {first}");
    }
    if let Some(block) = d.unmatched.first() {
        println!("first block in only one file: {block}");
    }
    if d.identical() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Diff { a, b } => diff(&a, &b),
        Command::Replay { snapshot, blocks, out, check } => {
            let check = match check {
                CheckArg::Invariants => dtao_sim::snapshot::Check::Invariants,
                CheckArg::None => dtao_sim::snapshot::Check::None,
            };
            match dtao_sim::snapshot::replay(&snapshot, blocks, &out, check) {
                Ok(r) => {
                    eprintln!("blocks {}..={} replayed after the snapshot's block {}; outputs in {}", r.from + 1, r.to, r.from, out.display());
                    ExitCode::SUCCESS
                },
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                },
            }
        },
        Command::Check { scenarios } => {
            let mut failed = false;
            for path in scenarios {
                match dtao_sim::load(&path) {
                    Ok(_) => println!("{}: ok", path.display()),
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed = true;
                    },
                }
            }
            if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
        },
        Command::Run { scenario, out, quiet, blocks, check_every, pairs, trie_backend } => {
            let s = match dtao_sim::load(&scenario) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(1);
                },
            };
            let quiet = quiet || !std::io::stderr().is_terminal();
            let options = dtao_sim::Options { out: Some(out.clone()), quiet, blocks, check_every, pairs, trie: trie_backend };
            let start = std::time::Instant::now();
            match dtao_sim::run(&s, &options) {
                Ok(outcome) => {
                    print!("{}", outcome.summary);
                    let secs = start.elapsed().as_secs_f64();
                    eprintln!(
                        "{} blocks in {secs:.1} s ({:.0} blocks/s); outputs in {}",
                        outcome.blocks,
                        outcome.blocks as f64 / secs.max(1e-9),
                        out.display()
                    );
                    ExitCode::SUCCESS
                },
                Err(e) => {
                    eprintln!("error: {}: {e}", scenario.display());
                    ExitCode::from(2)
                },
            }
        },
    }
}
