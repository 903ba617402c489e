//! Whole runs: outputs checked against values worked out by hand, and byte-for-byte
//! reproducibility.
use dtao_sim::{run, scenario::parse, Options};
use std::path::{Path, PathBuf};

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dtao-sim-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn run_in(source: &str, dir: &Path) -> String {
    let s = parse(source).expect("valid scenario");
    run(&s, &Options { out: Some(dir.to_path_buf()), quiet: true, blocks: None, check_every: 1, pairs: false, trie: false }).expect("runs").summary
}

/// The `blocks.csv` row of (block, netuid), as column → value.
fn row(dir: &Path, block: u64, netuid: u16) -> std::collections::BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join("blocks.csv")).expect("blocks.csv");
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().expect("header").split(',').map(str::to_string).collect();
    let prefix = format!("{block},{netuid},");
    let line = lines.find(|l| l.starts_with(&prefix)).expect("row present");
    header.into_iter().zip(line.split(',').map(str::to_string)).collect()
}

/// Alpha bought by `x` rao into a (tao, alpha) pool, worked out by hand from the reference's
/// swap: `k = T·A`, the new alpha reserve `k/(T + x)` in U110F18 (truncated to 2⁻¹⁸), the
/// output `⌊A − that⌋`.
fn alpha_bought(tao: u128, alpha: u128, x: u128) -> u64 {
    let new_reserve_bits = (tao * alpha) * (1 << 18) / (tao + x);
    (((alpha << 18) - new_reserve_bits) >> 18) as u64
}

#[test]
fn a_stake_into_a_1000_by_1000_pool_buys_what_the_swap_formula_gives() {
    // A subnet that does not emit, so block 1's coinbase leaves its pool alone; a 10 TAO
    // stake in block 1 pays the 50,000 rao fee (kept in the pool) and swaps the rest.
    let source = r#"
name = "hand"
blocks = 2
[[accounts]]
name = "buyer"
balance = 100
[[subnets]]
netuid = 1
tao = 1000
emitting = false
[[actors]]
name = "buy"
kind = "stake"
account = "buyer"
hotkey = "sn1-owner-hk"
netuid = 1
amount = 10
at = 1
"#;
    let dir = out_dir("hand");
    run_in(source, &dir);
    let t = 1_000_000_000_000u128;
    let swapped = 10_000_000_000u128 - 50_000;
    // By hand: k/(T+x) = 10^24 / 1_009_999_950_000 = 990_099_058_916.19…, so 9_900_941_083.8…
    // before the fixed-point truncation of the reserve, which rounds the output up to …084.
    let expected = alpha_bought(t, t, swapped);
    assert_eq!(expected, 9_900_941_084);
    let actions = std::fs::read_to_string(dir.join("actions.csv")).expect("actions.csv");
    assert_eq!(actions.lines().nth(1), Some(format!("1,buy,add_stake,1,10000000000,{expected},ok").as_str()));
    let r = row(&dir, 1, 1);
    assert_eq!(r["pool_tao_rao"], "1010000000000", "the whole 10 TAO, fee included, is in the pool");
    assert_eq!(r["pool_alpha_rao"], (1_000_000_000_000u64 - expected).to_string());
    assert_eq!(r["tao_in_rao"], "0");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_equal_subnets_split_the_block_emission_in_half() {
    // Issuance far below the first halving: the block emission is 1 TAO. Equal moving prices
    // (0.5 each): tao_in = 1 TAO · 0.5 / 1.0 = 0.5 TAO each. Price 1, so alpha_in =
    // min(tao_in / price, alpha emission) = 0.5 alpha; alpha_out = the alpha emission, 1
    // alpha. Owner cut = ⌊10^9 · 11,796 / 65,535⌋ = 179,995,422 (the default cut, 0.18). No
    // root stake: nothing sold for root.
    let source = r#"
name = "split"
blocks = 3
[[subnets]]
netuid = 1
tao = 1000
moving_price = 0.5
[[subnets]]
netuid = 2
tao = 1000
moving_price = 0.5
"#;
    let dir = out_dir("split");
    run_in(source, &dir);
    for netuid in [1, 2] {
        let r = row(&dir, 1, netuid);
        assert_eq!(r["tao_in_rao"], "500000000");
        assert_eq!(r["emission_share"], "0.500000000");
        assert_eq!(r["alpha_in_rao"], "500000000");
        assert_eq!(r["alpha_out_rao"], "1000000000");
        assert_eq!(r["owner_cut_rao"], "179995422");
        assert_eq!(r["root_alpha_sold_rao"], "0");
        assert_eq!(r["pool_tao_rao"], "1000500000000");
        assert_eq!(r["pool_alpha_rao"], "1000500000000");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Random trades, a root staker, validators and an epoch: every output file the same bytes
/// on a second run.
const BUSY: &str = r#"
name = "busy"
blocks = 120
seed = 7
sample_every = 3
[[accounts]]
name = "trader"
balance = 5000
[[subnets]]
netuid = 1
tao = 1000
tempo = 20
[[subnets]]
netuid = 2
tao = 2000
alpha_in = 4000
tempo = 30
[[populations]]
validators = 3
miners = 5
validator_stake = 50
weights = "random"
[[root_stakers]]
hotkey = "root1"
stake = 1000
weights = { "1" = 1.0, "2" = 3.0 }
[[actors]]
name = "noise"
kind = "random_trader"
account = "trader"
netuids = [1, 2]
probability = 0.5
min = 1
max = 20
at = 1
every = 1
[[actors]]
name = "policy"
kind = "set_emission_policy"
policy = "root_weights"
at = 60
"#;

#[test]
fn the_same_scenario_gives_the_same_bytes() {
    let (a, b) = (out_dir("det-a"), out_dir("det-b"));
    let sa = run_in(BUSY, &a);
    let sb = run_in(BUSY, &b);
    assert_eq!(sa, sb);
    let mut files: Vec<_> = std::fs::read_dir(&a).expect("out").map(|e| e.expect("entry").file_name()).collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    for f in &files {
        let (x, y) = (std::fs::read(a.join(f)).expect("a"), std::fs::read(b.join(f)).expect("b"));
        assert!(x == y, "{f:?} differs between two runs");
    }
    // The random trader traded, the validators' epochs were recorded, and the policy switch
    // went through.
    let actions = std::fs::read_to_string(a.join("actions.csv")).expect("actions");
    assert!(actions.lines().filter(|l| l.contains(",noise,add_stake,")).count() > 5);
    assert!(actions.contains("60,policy,sudo_set_parameter,0,0,0,ok"));
    let epochs = std::fs::read_to_string(a.join("epochs.csv")).expect("epochs");
    assert!(epochs.lines().any(|l| l.contains(",sn1-v0,")));
    // A different seed trades differently.
    let c = out_dir("det-c");
    run_in(&BUSY.replace("seed = 7", "seed = 8"), &c);
    assert_ne!(std::fs::read(a.join("actions.csv")).expect("a"), std::fs::read(c.join("actions.csv")).expect("c"));
    for d in [a, b, c] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn every_shipped_scenario_is_valid() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("scenarios/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            dtao_sim::load(&path).unwrap_or_else(|e| panic!("{e}"));
            n += 1;
        }
    }
    assert!(n >= 2);
}

#[test]
fn a_broken_invariant_stops_the_run_naming_the_block() {
    use dtao_runtime::Runtime;
    use dtao_sim::world::{account, close_block, open_block};
    let mut ext = pallet_dtao::testing::ExtBuilder::<Runtime>::default()
        .subnet(1, account("owner"), account("owner-hk"), 1_000 * dtao_sim::scenario::RAO)
        .build();
    ext.execute_with(|| {
        frame_system::Pallet::<Runtime>::set_block_number(4);
        open_block(5);
        assert_eq!(close_block(5, true), Ok(()));
        frame_system::Pallet::<Runtime>::set_block_number(5);
        open_block(6);
        // TAO appears in a pool from nowhere: `TotalStake` no longer adds up.
        pallet_dtao::SubnetTAO::<Runtime>::mutate(1, |t| *t += 1);
        let e = close_block(6, true).expect_err("the invariants catch it");
        assert!(e.contains("invariant violated after block 6"), "{e}");
        assert!(e.contains("TotalStake differs from the sum of SubnetTAO"), "{e}");
    });
}
