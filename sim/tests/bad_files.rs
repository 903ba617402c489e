//! Bad scenario files: each gives a message naming the line or field at fault, and the CLI
//! exits non-zero.
use dtao_sim::scenario::parse;
use std::process::Command;

/// A valid scenario; each case below breaks one thing in it.
const GOOD: &str = r#"name = "good"
blocks = 100
seed = 1

[[accounts]]
name = "buyer"
balance = 1000

[[subnets]]
netuid = 1
tao = 1000

[[actors]]
name = "buy"
kind = "stake"
account = "buyer"
hotkey = "sn1-owner-hk"
netuid = 1
amount = "10.5"
at = 5
"#;

fn error_of(source: &str) -> String {
    match parse(source) {
        Ok(_) => panic!("accepted:\n{source}"),
        Err(e) => e.to_string(),
    }
}

fn assert_mentions(message: &str, parts: &[&str]) {
    for p in parts {
        assert!(message.contains(p), "{message:?} does not mention {p:?}");
    }
}

#[test]
fn the_good_file_parses() {
    let s = parse(GOOD).expect("valid");
    assert_eq!(s.actors[0].get_ref().amount.map(|a| a.0), Some(10_500_000_000));
}

#[test]
fn an_unknown_actor_kind_is_named_with_its_line() {
    let e = error_of(&GOOD.replace(r#"kind = "stake""#, r#"kind = "teleport""#));
    // `kind` is on line 15.
    assert_mentions(&e, &["line 15", "unknown variant `teleport`", "pump_and_hold"]);
}

#[test]
fn a_negative_amount_is_refused_with_its_line() {
    let e = error_of(&GOOD.replace(r#"amount = "10.5""#, "amount = -3"));
    assert_mentions(&e, &["line 19", "amount \"-3\" is negative"]);
}

#[test]
fn an_over_large_amount_is_refused_with_its_line() {
    let e = error_of(&GOOD.replace("balance = 1000", "balance = 21000001"));
    assert_mentions(&e, &["line 7", "above the 21,000,000 TAO supply"]);
}

#[test]
fn a_float_amount_is_refused() {
    let e = error_of(&GOOD.replace("tao = 1000", "tao = 1000.5"));
    assert_mentions(&e, &["line 11", "TOML float", "\"1000.5\""]);
}

#[test]
fn a_missing_subnet_names_the_actor_and_the_netuid() {
    let e = error_of(&GOOD.replace("netuid = 1\namount", "netuid = 9\namount"));
    // The actor's table starts on line 13 (`[[actors]]`).
    assert_mentions(&e, &["line 13", "actors[0] (`buy`", "`netuid` = 9 is not a subnet of this scenario"]);
}

#[test]
fn an_unknown_hotkey_is_named() {
    let e = error_of(&GOOD.replace(r#"hotkey = "sn1-owner-hk""#, r#"hotkey = "nobody""#));
    assert_mentions(&e, &["actors[0] (`buy`", "`hotkey` = `nobody` is not a hotkey"]);
}

#[test]
fn a_schedule_past_the_end_is_refused() {
    let e = error_of(&GOOD.replace("at = 5", "at = 101"));
    assert_mentions(&e, &["line 13", "`at` = 101 is past the end of the run (`blocks` = 100)"]);
    let e = error_of(&GOOD.replace("at = 5", "at = 5\nevery = 10\nuntil = 200"));
    assert_mentions(&e, &["`until` = 200 is past the end of the run"]);
}

#[test]
fn a_pump_holding_past_the_end_is_refused() {
    let pump = GOOD.replace(r#"kind = "stake""#, r#"kind = "pump_and_hold""#).replace("at = 5", "at = 50\nspread = 10\nhold = 45");
    let e = error_of(&pump);
    assert_mentions(&e, &["actors[0] (`buy`, kind PumpAndHold)", "ends past the run"]);
}

#[test]
fn a_malformed_file_names_the_line() {
    let e = error_of(&GOOD.replace("seed = 1", "seed = = 1"));
    assert_mentions(&e, &["line 3"]);
}

#[test]
fn an_unknown_field_is_named() {
    let e = error_of(&GOOD.replace("at = 5", "at = 5\nspeed = 3"));
    assert_mentions(&e, &["line 21", "unknown field `speed`"]);
}

#[test]
fn a_missing_required_field_is_named() {
    let e = error_of(&GOOD.replace("amount = \"10.5\"\n", ""));
    assert_mentions(&e, &["actors[0] (`buy`", "`amount` is missing"]);
    let e = error_of(&GOOD.replace("blocks = 100\n", ""));
    assert_mentions(&e, &["missing field `blocks`"]);
}

#[test]
fn a_fraction_out_of_range_is_named() {
    let e = error_of(&GOOD.replace("seed = 1", "seed = 1\n[chain]\ntao_weight = 1.5"));
    assert_mentions(&e, &["`chain.tao_weight` = 1.5 is not a fraction between 0 and 1"]);
}

#[test]
fn the_command_line_exits_non_zero_with_the_message() {
    let dir = std::env::temp_dir().join(format!("dtao-sim-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad.toml");
    std::fs::write(&path, GOOD.replace(r#"kind = "stake""#, r#"kind = "teleport""#)).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_dtao-sim"))
        .args(["run", path.to_str().expect("utf-8"), "--out", dir.join("out").to_str().expect("utf-8"), "--quiet"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_mentions(&stderr, &["bad.toml", "line 15", "unknown variant `teleport`"]);
    assert!(!dir.join("out").exists(), "nothing is written for a bad file");
    let out = Command::new(env!("CARGO_BIN_EXE_dtao-sim")).args(["check", path.to_str().expect("utf-8")]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
