//! The audit trail: `emission.jsonl` against the run's own CSV, `diff`, and a replay from a
//! raw snapshot of the sim's own state against the uninterrupted run.
use dtao_sim::{audit, run, scenario::parse, snapshot, Options};
use std::path::{Path, PathBuf};

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dtao-sim-audit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Two emitting subnets with stake but no weights (so that no validator votes after an
/// epoch: a replay has no actors), a root staker, epochs every 20 blocks.
fn quiet_chain(blocks: u64) -> String {
    format!(
        r#"
name = "audit"
blocks = {blocks}
[[subnets]]
netuid = 1
tao = 1000
alpha_in = 2000
moving_price = 0.5
tempo = 20
[[subnets]]
netuid = 2
tao = 3000
tempo = 20
[[neurons]]
netuid = 1
hotkey = "v1"
stake = 100
[[neurons]]
netuid = 2
hotkey = "v2"
stake = 50
[[root_stakers]]
hotkey = "root-v"
stake = 500
"#
    )
}

fn run_to(blocks: u64, dir: &Path, pairs: bool) {
    let s = parse(&quiet_chain(blocks)).expect("valid scenario");
    run(&s, &Options { out: Some(dir.to_path_buf()), quiet: true, blocks: None, check_every: 1, pairs, trie: false }).expect("runs");
}

#[test]
fn emission_jsonl_holds_every_block_and_agrees_with_blocks_csv() {
    let dir = out_dir("csv");
    run_to(25, &dir, false);
    let records = audit::read(&dir.join("emission.jsonl")).expect("readable");
    assert_eq!(records.iter().map(|r| r.block).collect::<Vec<_>>(), (1..=25).collect::<Vec<_>>());
    let csv = std::fs::read_to_string(dir.join("blocks.csv")).expect("blocks.csv");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect("column");
    let mut checked = 0;
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let (block, netuid): (u64, u16) = (f[0].parse().unwrap(), f[1].parse().unwrap());
        let record = &records[usize::try_from(block - 1).unwrap()];
        let b = record.subnets.iter().find(|s| s.netuid == netuid).expect("the subnet emitted");
        assert_eq!(f[col("tao_in_rao")], b.tao_in.to_string());
        assert_eq!(f[col("alpha_in_rao")], b.alpha_in.to_string());
        assert_eq!(f[col("alpha_out_rao")], b.alpha_out.to_string());
        assert_eq!(f[col("owner_cut_rao")], b.owner_cut.to_string());
        assert_eq!(f[col("root_alpha_sold_rao")], b.root_alpha.to_string());
        assert_eq!(f[col("root_tao_received_rao")], b.root_tao.to_string());
        checked += 1;
    }
    assert_eq!(checked, 50);
    // The owner's cut is 18 % of alpha_out (u16 11_796 / 65_535 of it), never more.
    let b = &records[0].subnets[0];
    assert!(b.alpha_out > 0 && b.owner_cut <= b.alpha_out / 5 && b.owner_cut >= b.alpha_out / 6);
}

#[test]
fn lines_round_trip_and_keep_u64_max() {
    let text = r#"{"block":7,"subnets":[{"netuid":3,"tao_in":"18446744073709551615","alpha_in":"1","alpha_out":"2","owner_cut":"3","root_alpha":"4","root_tao":"5","pending_alpha":"6"}]}"#;
    let r = audit::parse(text).expect("parses");
    assert_eq!((r.block, r.subnets[0].netuid, r.subnets[0].tao_in, r.subnets[0].pending_alpha), (7, 3, u64::MAX, 6));
    assert_eq!(audit::line(&r), text);
}

#[test]
fn diff_finds_a_changed_field_and_a_missing_block() {
    let dir = out_dir("diff");
    run_to(6, &dir, false);
    let a = audit::read(&dir.join("emission.jsonl")).expect("readable");
    assert!(audit::diff(&a, &a).identical());
    let mut b = a.clone();
    b[3].subnets[1].root_tao += 1;
    b.pop();
    let d = audit::diff(&a, &b);
    assert_eq!((d.compared, d.differing, d.unmatched.clone()), (5, 1, vec![6]));
    let first = d.first.expect("a difference");
    assert!(first.starts_with("block 4, subnet ") && first.contains("root_tao"), "{first}");
}

#[test]
fn a_malformed_emission_file_names_its_line() {
    let dir = out_dir("bad-jsonl");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("e.jsonl");
    std::fs::write(&path, "{\"block\":1,\"subnets\":[]}\n{\"block\":2,\"subnets\":[{\"netuid\":1,\"tao_in\":\"-4\"}]}\n").unwrap();
    let e = audit::read(&path).unwrap_err();
    assert!(e.contains("e.jsonl:2: subnets[0]: `tao_in`"), "{e}");
}

#[test]
fn a_replay_from_a_snapshot_continues_the_run_exactly() {
    // Blocks 1..=30, a snapshot, then 40 blocks replayed (two epochs of each subnet), against
    // blocks 1..=70 run at once.
    let (part, whole, replayed) = (out_dir("part"), out_dir("whole"), out_dir("replayed"));
    run_to(30, &part, true);
    run_to(70, &whole, true);
    let r = snapshot::replay(&part.join("state-pairs.json"), 40, &replayed, snapshot::Check::Invariants).expect("replays");
    assert_eq!((r.from, r.to), (30, 70));
    let got = audit::read(&replayed.join("emission.jsonl")).unwrap();
    let want: Vec<_> = audit::read(&whole.join("emission.jsonl")).unwrap().into_iter().filter(|r| r.block > 30).collect();
    assert_eq!(got.len(), 40);
    assert_eq!(got, want);
    let final_pairs = |dir: &Path| std::fs::read_to_string(dir.join("final-pairs.json")).unwrap();
    assert_eq!(final_pairs(&replayed), final_pairs(&whole));
    // The state moved on between the two snapshots.
    assert_ne!(final_pairs(&part), final_pairs(&whole));
}

#[test]
fn invariants_or_none_after_each_replayed_block() {
    // The same state without `TotalStake` (which reads as 0): the stake invariant fails at
    // once; `Check::None` runs it anyway.
    let dir = out_dir("check");
    run_to(3, &dir, true);
    let mut pairs = snapshot::read(&dir.join("state-pairs.json")).unwrap();
    let issuance_key = [sp_io::hashing::twox_128(b"SubtensorModule"), sp_io::hashing::twox_128(b"TotalStake")].concat();
    let before = pairs.len();
    pairs.retain(|(k, _)| *k != issuance_key);
    assert_eq!(pairs.len(), before - 1);
    let cut = dir.join("cut.json");
    std::fs::write(&cut, snapshot::format(&pairs)).unwrap();
    let e = snapshot::replay(&cut, 2, &dir.join("a"), snapshot::Check::Invariants).unwrap_err();
    assert!(e.contains("invariant violated after block 4"), "{e}");
    assert_eq!(snapshot::replay(&cut, 2, &dir.join("b"), snapshot::Check::None).unwrap().to, 5);
}

#[test]
fn malformed_snapshots_are_refused_with_the_fault() {
    let cases = [
        ("[[\"0x00\"", "not JSON"),
        ("{\"pair\": []}", "without a `pairs` list"),
        ("[[\"0x00\", \"0x01\", \"0x02\"]]", "pair 0: expected"),
        ("[[\"00\", \"0x01\"]]", "pair 0: \"00\" does not start with 0x"),
        ("[[\"0x0\", \"0x01\"]]", "odd number"),
        ("[[\"0x0g\", \"0x01\"]]", "is not hex"),
        ("[[\"0x01\", \"0xé0\"]]", "is not hex"),
        ("[[\"0x01\", \"0x01\"], [\"0x01\", \"0x02\"]]", "key 0x01 appears twice"),
    ];
    for (text, fault) in cases {
        let e = snapshot::parse(text).unwrap_err();
        assert!(e.contains(fault), "{text}: {e}");
    }
    let e = snapshot::read(Path::new("/nonexistent/pairs.json")).unwrap_err();
    assert!(e.contains("cannot read"), "{e}");
    assert_eq!(snapshot::parse("{\"pairs\": [[\"0x0A\", \"0x\"]]}").unwrap(), vec![(vec![10u8], vec![])]);
}
