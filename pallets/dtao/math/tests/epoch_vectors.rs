//! Replays every case of `shared/conformance/epoch.json` (Yuma consensus at Subtensor
//! `6b86ebf30`) through `dtao_math::epoch` and checks every expected field exactly: the u16
//! storage vectors, `active`, the new permits, the u64 emissions, the returned
//! `hotkey_emission` tuples, the bonds storage after the epoch, the I32F32 intermediates
//! (`fixed`, `ema`) and the drain split (`drain`). See `shared/conformance/README-epoch.md`.
use dtao_math::epoch::{
    bonds::EmaPath,
    dividends::{split_dividends, DrainInput},
    epoch, BondsUpdate, EpochInput, EpochOutput, I32F32,
};
use serde_json::Value;
use std::path::PathBuf;
use substrate_fixed::types::U96F32;

mod common;

fn load() -> Value {
    let path: PathBuf = common::conformance_dir().join("epoch.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("epoch.json parses")
}

fn u64_of(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a u64: {v}"))
}

fn u16_of(v: &Value) -> u16 {
    u16::try_from(u64_of(v)).unwrap_or_else(|_| panic!("not a u16: {v}"))
}

fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}"))
}

fn u64s(v: &Value) -> Vec<u64> {
    arr(v).iter().map(u64_of).collect()
}

fn u16s(v: &Value) -> Vec<u16> {
    arr(v).iter().map(u16_of).collect()
}

fn bools(v: &Value) -> Vec<bool> {
    arr(v)
        .iter()
        .map(|b| b.as_bool().unwrap_or_else(|| panic!("not a bool: {b}")))
        .collect()
}

fn matrix(v: &Value) -> Vec<Vec<(u16, u16)>> {
    arr(v)
        .iter()
        .map(|row| {
            arr(row)
                .iter()
                .map(|pair| {
                    let pair = arr(pair);
                    assert_eq!(pair.len(), 2, "sparse entry {pair:?}");
                    (u16_of(&pair[0]), u16_of(&pair[1]))
                })
                .collect()
        })
        .collect()
}

fn i32f32_bits(v: &Value) -> i64 {
    v.as_str()
        .unwrap_or_else(|| panic!("bits not a string: {v}"))
        .parse()
        .unwrap_or_else(|e| panic!("bad I32F32 bits {v}: {e}"))
}

fn u96f32_bits(v: &Value) -> u128 {
    v["bits"]
        .as_str()
        .unwrap_or_else(|| panic!("bits not a string: {v}"))
        .parse()
        .unwrap_or_else(|e| panic!("bad U96F32 bits {v}: {e}"))
}

fn input_of(i: &Value) -> EpochInput {
    EpochInput {
        n: u16_of(&i["n"]),
        current_block: u64_of(&i["current_block"]),
        tempo: u16_of(&i["tempo"]),
        activity_cutoff: u16_of(&i["activity_cutoff"]),
        kappa: u16_of(&i["kappa"]),
        bonds_penalty: u16_of(&i["bonds_penalty"]),
        bonds_moving_average: u64_of(&i["bonds_moving_average"]),
        liquid_alpha_on: i["liquid_alpha_on"].as_bool().expect("liquid_alpha_on"),
        alpha_low: u16_of(&i["alpha_low"]),
        alpha_high: u16_of(&i["alpha_high"]),
        max_allowed_validators: u16_of(&i["max_allowed_validators"]),
        owner_uid: if i["owner_uid"].is_null() {
            None
        } else {
            Some(u16_of(&i["owner_uid"]))
        },
        tao_weight: u64_of(&i["tao_weight"]),
        rao_emission: u64_of(&i["rao_emission"]),
        alpha_stake: u64s(&i["alpha_stake"]),
        root_stake: u64s(&i["root_stake"]),
        block_at_registration: u64s(&i["block_at_registration"]),
        last_update: u64s(&i["last_update"]),
        validator_permit: bools(&i["validator_permit"]),
        weights: matrix(&i["weights"]),
        bonds: matrix(&i["bonds"]),
    }
}

/// Collects mismatches of one case instead of stopping at the first.
struct Check {
    errors: Vec<String>,
}

impl Check {
    fn eq<T: PartialEq + std::fmt::Debug>(&mut self, field: &str, got: T, want: T) {
        if got != want {
            self.errors
                .push(format!("{field}:\n      got  {got:?}\n      want {want:?}"));
        }
    }
}

fn bits(v: &[I32F32]) -> Vec<i64> {
    v.iter().map(|x| x.to_bits()).collect()
}

fn check_fixed(c: &mut Check, out: &EpochOutput, fixed: &Value) {
    let t = &out.trace;
    let fields: [(&str, &Vec<I32F32>); 10] = [
        ("stake_bits", &t.stake),
        ("active_stake_bits", &t.active_stake),
        ("consensus_bits", &t.consensus),
        ("validator_trust_bits", &t.validator_trust),
        ("incentive_bits", &t.incentive),
        ("trust_bits", &t.trust),
        ("dividends_bits", &t.dividends),
        (
            "normalized_server_emission_bits",
            &t.normalized_server_emission,
        ),
        (
            "normalized_validator_emission_bits",
            &t.normalized_validator_emission,
        ),
        (
            "normalized_combined_emission_bits",
            &t.normalized_combined_emission,
        ),
    ];
    let expected_keys = fixed.as_object().expect("fixed is an object").len();
    c.eq("fixed: number of fields", expected_keys, fields.len());
    for (key, got) in fields {
        let want: Vec<i64> = arr(&fixed[key]).iter().map(i32f32_bits).collect();
        c.eq(&format!("fixed.{key}"), bits(got), want);
    }
}

fn check_ema(c: &mut Check, out: &EpochOutput, ema: &Value) {
    let t = &out.trace.ema;
    let path = match t.path {
        EmaPath::Normal => "normal",
        EmaPath::Liquid => "liquid",
    };
    c.eq("ema.path", path, ema["path"].as_str().expect("ema.path"));
    let opt = |v: &Value| (!v.is_null()).then(|| i32f32_bits(&v["bits"]));
    let got = |x: Option<I32F32>| x.map(|x| x.to_bits());
    c.eq(
        "ema.consensus_high",
        got(t.consensus_high),
        opt(&ema["consensus_high"]),
    );
    c.eq(
        "ema.consensus_low",
        got(t.consensus_low),
        opt(&ema["consensus_low"]),
    );
    c.eq("ema.logistic_a", got(t.logistic_a), opt(&ema["logistic_a"]));
    c.eq("ema.logistic_b", got(t.logistic_b), opt(&ema["logistic_b"]));
    let want: Vec<i64> = arr(&ema["alpha_bits"]).iter().map(i32f32_bits).collect();
    c.eq("ema.alpha_bits", bits(&t.alpha), want);
}

fn check_drain(c: &mut Check, input: &Value, out: &EpochOutput, drain: &Value) {
    let hotkeys = u64s(&input["hotkey"]);
    let alpha = u64s(&input["alpha_stake"]);
    let root = u64s(&input["root_stake"]);
    let drain_input = DrainInput {
        pending_alpha: u64_of(&input["pending_alpha"]),
        pending_swapped: u64_of(&input["pending_swapped"]),
        pending_tao: u64_of(&input["pending_tao"]),
        tao_weight: u64_of(&input["tao_weight"]),
    };
    c.eq(
        "input.rao_emission",
        drain_input.rao_emission(),
        u64_of(&input["rao_emission"]),
    );
    let emission: Vec<(u64, u64, u64)> = out
        .hotkey_emission()
        .into_iter()
        .map(|(uid, s, v)| (hotkeys[usize::from(uid)], s, v))
        .collect();
    let own_stake = |hotkey: &u64| {
        let uid = hotkeys
            .iter()
            .position(|h| h == hotkey)
            .expect("hotkey of the epoch output");
        (alpha[uid], root[uid])
    };
    let split = split_dividends(&drain_input, &emission, own_stake, dtao_math::epoch::dividends::keep_own_dividend);
    c.eq(
        "drain.incentive_sum",
        split.incentive_sum,
        u64_of(&drain["incentive_sum"]),
    );
    c.eq(
        "drain.pending_validator_alpha",
        split.pending_validator_alpha,
        u64_of(&drain["pending_validator_alpha"]),
    );
    let want = arr(&drain["per_hotkey"]);
    c.eq(
        "drain.per_hotkey length",
        split.per_hotkey.len(),
        want.len(),
    );
    for w in want {
        let hotkey = u64_of(&w["hotkey"]);
        let Some(got) = split.per_hotkey.iter().find(|h| h.hotkey == hotkey) else {
            c.errors.push(format!("drain: hotkey {hotkey} missing"));
            continue;
        };
        let b = |x: U96F32| x.to_bits();
        c.eq(
            &format!("drain[{hotkey}].incentive"),
            got.incentive,
            u64_of(&w["incentive"]),
        );
        c.eq(
            &format!("drain[{hotkey}].dividend"),
            b(got.dividend),
            u96f32_bits(&w["dividend"]),
        );
        c.eq(
            &format!("drain[{hotkey}].alpha_dividend"),
            b(got.alpha_dividend),
            u96f32_bits(&w["alpha_dividend"]),
        );
        c.eq(
            &format!("drain[{hotkey}].tao_dividend"),
            b(got.tao_dividend),
            u96f32_bits(&w["tao_dividend"]),
        );
    }
    // Ascending hotkeys, as the reference's BTreeMap iterates.
    let order: Vec<u64> = split.per_hotkey.iter().map(|h| h.hotkey).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    c.eq("drain.per_hotkey order", order, sorted);
}

/// What the reference unit test asserts (redundant with `bonds_after`, kept as a cross-check).
fn check_reference(c: &mut Check, out: &EpochOutput, e: &Value, reference: &Value) {
    if let Some(test) = reference.as_str() {
        // test_1_graph / test_10_graph: rank = trust = consensus = incentive = dividends = 0.
        for (field, v) in [
            ("rank", &out.rank),
            ("trust", &out.trust),
            ("consensus", &out.consensus),
            ("incentive", &out.incentive),
            ("dividends", &out.dividends),
        ] {
            c.eq(
                &format!("{test}: {field} all 0"),
                v.iter().all(|x| *x == 0),
                true,
            );
        }
        return;
    }
    let column = u16_of(&reference["bonds_column"]);
    let want = u16s(&reference["bonds_rows_0_3"]);
    let after = matrix(&e["bonds_after"]);
    let got: Vec<u16> = after
        .iter()
        .take(4)
        .map(|row| {
            row.iter()
                .find(|(j, _)| *j == column)
                .map_or(0, |(_, v)| *v)
        })
        .collect();
    c.eq("reference_check bonds column", got, want);
}

fn run_case(case: &Value) -> Vec<String> {
    let i = &case["input"];
    let e = &case["expected"];
    let input = input_of(i);
    let out = epoch(&input);
    let mut c = Check { errors: Vec::new() };

    c.eq("stake_weight", &out.stake_weight, &u16s(&e["stake_weight"]));
    c.eq("active", &out.active, &bools(&e["active"]));
    c.eq(
        "validator_permit",
        &out.validator_permit,
        &bools(&e["validator_permit"]),
    );
    c.eq("rank", &out.rank, &u16s(&e["rank"]));
    c.eq("trust", &out.trust, &u16s(&e["trust"]));
    c.eq("consensus", &out.consensus, &u16s(&e["consensus"]));
    c.eq("incentive", &out.incentive, &u16s(&e["incentive"]));
    c.eq("dividends", &out.dividends, &u16s(&e["dividends"]));
    c.eq(
        "validator_trust",
        &out.validator_trust,
        &u16s(&e["validator_trust"]),
    );
    c.eq(
        "pruning_scores",
        &out.pruning_scores,
        &u16s(&e["pruning_scores"]),
    );
    c.eq("emission", &out.emission, &u64s(&e["emission"]));
    c.eq(
        "server_emission",
        &out.server_emission,
        &u64s(&e["server_emission"]),
    );
    c.eq(
        "validator_emission",
        &out.validator_emission,
        &u64s(&e["validator_emission"]),
    );

    let hotkeys = u64s(&i["hotkey"]);
    let got: Vec<[u64; 3]> = out
        .hotkey_emission()
        .into_iter()
        .map(|(uid, s, v)| [hotkeys[usize::from(uid)], s, v])
        .collect();
    let want: Vec<[u64; 3]> = arr(&e["hotkey_emission"])
        .iter()
        .map(|t| {
            let t = u64s(t);
            [t[0], t[1], t[2]]
        })
        .collect();
    c.eq("hotkey_emission", got, want);

    c.eq(
        "bonds_after",
        out.bonds_after(&input.bonds),
        matrix(&e["bonds_after"]),
    );
    let written: Vec<&str> = out
        .bonds
        .iter()
        .map(|b| match b {
            BondsUpdate::Set(_) => "set",
            BondsUpdate::Cleared => "cleared",
            BondsUpdate::Unchanged => "unchanged",
        })
        .collect();
    let want: Vec<&str> = arr(&e["bonds_written"])
        .iter()
        .map(|s| s.as_str().expect("bonds_written entry"))
        .collect();
    c.eq("bonds_written", written, want);

    check_fixed(&mut c, &out, &e["fixed"]);
    check_ema(&mut c, &out, &e["ema"]);
    check_drain(&mut c, i, &out, &e["drain"]);
    if let Some(reference) = case.get("reference_check") {
        check_reference(&mut c, &out, e, reference);
    }
    c.errors
}

#[test]
fn every_epoch_vector_matches() {
    let doc = load();
    let cases = arr(&doc["cases"]);
    assert_eq!(cases.len(), 68, "case count");
    let mut failed = Vec::new();
    for case in cases {
        let name = case["name"].as_str().expect("case name");
        let errors = run_case(case);
        if !errors.is_empty() {
            failed.push(format!("{name}:\n    {}", errors.join("\n    ")));
        }
    }
    println!(
        "epoch.json: {} of {} cases pass",
        cases.len() - failed.len(),
        cases.len()
    );
    assert!(
        failed.is_empty(),
        "{} cases fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// Chains: round r+1's input carries round r's bonds and permits (the file's own claim).
#[test]
fn chain_rounds_carry_bonds_and_permits() {
    let doc = load();
    let cases = arr(&doc["cases"]);
    let chain: Vec<&Value> = cases.iter().filter(|c| c["kind"] == "chain").collect();
    assert_eq!(chain.len(), 15);
    for pair in chain.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (na, nb) = (a["name"].as_str().unwrap(), b["name"].as_str().unwrap());
        if na.split("_r").next() != nb.split("_r").next() {
            continue;
        }
        let out = epoch(&input_of(&a["input"]));
        let next = input_of(&b["input"]);
        assert_eq!(
            out.bonds_after(&input_of(&a["input"]).bonds),
            next.bonds,
            "{na} -> {nb}"
        );
        assert_eq!(out.validator_permit, next.validator_permit, "{na} -> {nb}");
    }
}
