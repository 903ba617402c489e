//! End-to-end scenarios produced by the reference pallet itself (`scenarios*.json`; format in
//! `../shared/conformance/scenarios/README.md`). Each scenario's start state is loaded raw into
//! a runtime whose accounts encode as the reference's ([`runtime`]); then, block by block,
//! `on_initialize` runs, every extrinsic goes through the real dispatchable and must give the
//! reference's outcome, and every recorded field must match bit for bit: the scalars, every
//! subnet, the outputs of every epoch that ran, and every keyed collection (stakes, shares,
//! balances, owners, takes). The first diverging block of a scenario is reported with each
//! differing item and key, and the scenario stops there.
pub mod calls;
pub mod runtime;
pub mod state;

use crate::{compare::u64_of, FileReport};
use frame_support::traits::Hooks;
use pallet_dtao::invariants::Imbalances;
use runtime::{Runtime, System};
use serde_json::{Map, Value};
use state::Collection;
use std::collections::BTreeMap;

type Pallet = pallet_dtao::Pallet<Runtime>;

/// Most mismatches reported per block.
const MAX_REPORTED: usize = 12;

fn hex(s: &str) -> Result<Vec<u8>, String> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    if !s.len().is_multiple_of(2) {
        return Err(format!("odd hex length: {s}"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| format!("bad hex `{s}`: {e}")))
        .collect()
}

fn array<'a>(v: &'a Value, key: &str) -> Result<&'a Vec<Value>, String> {
    v.get(key).and_then(Value::as_array).ok_or_else(|| format!("no `{key}` array"))
}

/// Externalities holding the scenario's start state: the raw `SubtensorModule` pairs, the
/// balances (deposited as the reference did), and the start block.
fn start_state(scenario: &Value) -> Result<sp_io::TestExternalities, String> {
    use sp_runtime::BuildStorage;
    let mut balances = Vec::new();
    for pair in array(scenario, "balances")? {
        let who = pair.get(0).ok_or("bad balance")?;
        let free = pair.get(1).and_then(Value::as_u64).ok_or("bad balance")?;
        balances.push((calls::account(who)?, free));
    }
    let storage = runtime::RuntimeGenesisConfig {
        balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
        ..Default::default()
    }
    .build_storage()?;
    let mut ext = sp_io::TestExternalities::new(storage);
    let pairs = array(scenario, "initial_storage")?
        .iter()
        .map(|kv| {
            let k = kv.get(0).and_then(Value::as_str).ok_or("bad storage pair")?;
            let v = kv.get(1).and_then(Value::as_str).ok_or("bad storage pair")?;
            Ok((hex(k)?, hex(v)?))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let start = u64_of(scenario, "start_block")?;
    // The reference's pending-children cooldown is a compile-time constant; the file records
    // the one it was built with (15 with `fast-blocks`), ours is a parameter.
    let cooldown = scenario
        .get("initial_state")
        .and_then(|s| s.get("params"))
        .and_then(|p| p.get("DefaultPendingCooldown"))
        .and_then(Value::as_u64);
    ext.execute_with(|| {
        for (k, v) in &pairs {
            sp_io::storage::set(k, v);
        }
        if let Some(blocks) = cooldown {
            pallet_dtao::PendingChildKeyCooldown::<Runtime>::put(blocks);
        }
        System::set_block_number(start);
    });
    Ok(ext)
}

/// Field-by-field differences of two JSON objects (keys of `expected` only).
fn diff_object(what: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    let Some(e) = expected.as_object() else { return };
    for (k, ev) in e {
        let av = actual.get(k).unwrap_or(&Value::Null);
        if ev != av {
            out.push(format!("{what}.{k}: expected {}, got {}", short(ev), short(av)));
        }
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 300 { format!("{}…", &s[..300]) } else { s }
}

fn compare_collection(name: &str, expected: &Collection, out: &mut Vec<String>) {
    let Some(ours) = state::collection(name, expected) else {
        out.push(format!("{name}: collection not modelled"));
        return;
    };
    for (key, (_, ev)) in expected {
        match ours.get(key) {
            Some((_, av)) if av == ev => {},
            Some((_, av)) => out.push(format!("{name}{key}: expected {}, got {}", short(ev), short(av))),
            None => out.push(format!("{name}{key}: expected {}, got nothing", short(ev))),
        }
    }
    for (key, (_, av)) in &ours {
        if !expected.contains_key(key) {
            out.push(format!("{name}{key}: expected nothing, got {}", short(av)));
        }
    }
}

/// Compares our state after block `n` with the block's expected state.
fn compare_block(n: u64, expected: &Value, maps: &BTreeMap<String, Collection>, out: &mut Vec<String>) {
    let scalars = Value::Object(state::scalars());
    let mut e_scalars = Map::new();
    for k in ["TotalIssuance", "TotalStake", "BlockEmission", "TotalNetworks", "NetworkLastRegistered", "NetworkLastLockCost"] {
        if let Some(v) = expected.get(k) {
            e_scalars.insert(k.into(), v.clone());
        }
    }
    diff_object("state", &Value::Object(e_scalars), &scalars, out);
    let ours: Vec<u16> = {
        let mut v: Vec<u16> = pallet_dtao::NetworksAdded::<Runtime>::iter().filter(|(_, a)| *a).map(|(n, _)| n).collect();
        v.sort();
        v
    };
    let subnets = expected.get("subnets").and_then(Value::as_array).cloned().unwrap_or_default();
    let theirs: Vec<u16> = subnets.iter().filter_map(|s| s.get("netuid")?.as_u64()).map(|n| n as u16).collect();
    if ours != theirs {
        out.push(format!("NetworksAdded: expected {theirs:?}, got {ours:?}"));
    }
    for s in &subnets {
        let Some(netuid) = s.get("netuid").and_then(Value::as_u64) else { continue };
        diff_object(&format!("subnet {netuid}"), s, &state::subnet(netuid as u16), out);
    }
    let epochs = expected.get("epochs").and_then(Value::as_array).cloned().unwrap_or_default();
    let ran: Vec<u16> = ours
        .iter()
        .copied()
        .filter(|&netuid| netuid != 0 && pallet_dtao::LastMechansimStepBlock::<Runtime>::get(netuid) == n)
        .collect();
    let expected_ran: Vec<u16> = epochs.iter().filter_map(|e| e.get("netuid")?.as_u64()).map(|n| n as u16).collect();
    if ran != expected_ran {
        out.push(format!("epochs ran: expected {expected_ran:?}, got {ran:?}"));
    }
    for e in &epochs {
        let Some(netuid) = e.get("netuid").and_then(Value::as_u64) else { continue };
        diff_object(&format!("epoch {netuid}"), e, &state::epoch(netuid as u16), out);
    }
    for (name, c) in maps {
        compare_collection(name, c, out);
    }
}

/// The exact invariants, from a start state whose implicit remainders we do not know: every
/// imbalance stays what it was at the start (0 for a subnet registered during the run), and
/// the share pools stay consistent if they were.
fn check_invariants(baseline: &Imbalances, pools_consistent: bool, out: &mut Vec<String>) {
    let now = Pallet::imbalances();
    if now.stake != baseline.stake {
        out.push(format!("invariant: TotalStake − Σ SubnetTAO moved from {} to {}", baseline.stake, now.stake));
    }
    if now.issuance != baseline.issuance {
        out.push(format!("invariant: TotalIssuance imbalance moved from {} to {}", baseline.issuance, now.issuance));
    }
    for (netuid, d) in &now.alpha {
        let was = baseline.alpha.get(netuid).copied().unwrap_or(0);
        if *d != was {
            out.push(format!("invariant: subnet {netuid} alpha imbalance moved from {was} to {d}"));
        }
    }
    if pools_consistent {
        if let Err(e) = Pallet::check_share_pools() {
            out.push(format!("invariant: {e:?}"));
        }
    }
}

fn apply_changes(maps: &mut BTreeMap<String, Collection>, changes: &Value) -> Result<(), String> {
    let Some(changes) = changes.as_object() else { return Ok(()) };
    for (name, entries) in changes {
        let c = maps.entry(name.clone()).or_default();
        for entry in entries.as_array().ok_or_else(|| format!("changes.{name} is not an array"))? {
            state::apply_entry(c, entry)?;
        }
    }
    Ok(())
}

/// What one scenario's replay found.
struct Outcome {
    blocks_passed: usize,
    mismatches: Vec<String>,
}

fn replay(scenario: &Value) -> Result<Outcome, String> {
    let mut maps: BTreeMap<String, Collection> = BTreeMap::new();
    let initial = scenario.get("initial_state").ok_or("no initial_state")?;
    apply_changes(&mut maps, initial.get("maps").unwrap_or(&Value::Null))?;
    let mut ext = start_state(scenario)?;
    let blocks = array(scenario, "blocks")?;
    let (baseline, pools_consistent) = ext.execute_with(|| (Pallet::imbalances(), Pallet::check_share_pools().is_ok()));
    let mut passed = 0;
    for block in blocks {
        let n = u64_of(block, "block")?;
        let expected = block.get("state").ok_or("block without state")?;
        apply_changes(&mut maps, expected.get("changes").unwrap_or(&Value::Null))?;
        let mut out = Vec::new();
        ext.execute_with(|| -> Result<(), String> {
            System::set_block_number(n);
            let before = Pallet::snapshot();
            Pallet::on_initialize(n);
            if let Err(e) = Pallet::check_block_conservation(&before) {
                out.push(format!("conservation over on_initialize: {e:?}"));
            }
            for (i, x) in array(block, "extrinsics")?.iter().enumerate() {
                let name = x.get("call").and_then(Value::as_str).ok_or("extrinsic without call")?;
                let want = calls::expected_outcome(x.get("expect").ok_or("extrinsic without expect")?)?;
                let signer = calls::account(x.get("signer").ok_or("extrinsic without signer")?)?;
                let got = match calls::build(name, x.get("args").unwrap_or(&Value::Null)) {
                    Ok(call) => calls::dispatch(call, signer),
                    Err(e) => e,
                };
                if got != want {
                    out.push(format!("extrinsic {i} {name} {}: expected {want}, got {got}", short(&x["args"])));
                }
            }
            compare_block(n, expected, &maps, &mut out);
            check_invariants(&baseline, pools_consistent, &mut out);
            Ok(())
        })?;
        if !out.is_empty() {
            let total = out.len();
            out.truncate(MAX_REPORTED);
            if total > MAX_REPORTED {
                out.push(format!("… {} more", total - MAX_REPORTED));
            }
            return Ok(Outcome {
                blocks_passed: passed,
                mismatches: out.into_iter().map(|m| format!("block {n}: {m}")).collect(),
            });
        }
        passed += 1;
    }
    Ok(Outcome { blocks_passed: passed, mismatches: Vec::new() })
}

/// Replays every scenario of a `scenarios*.json` file; one case per scenario.
pub fn scenarios(doc: &Value, report: &mut FileReport) -> Result<(), String> {
    let (mut blocks, mut total) = (0usize, 0usize);
    for s in array(doc, "scenarios")? {
        let name = s.get("name").and_then(Value::as_str).unwrap_or("?").to_owned();
        total += s.get("blocks").and_then(Value::as_array).map_or(0, Vec::len);
        match replay(s) {
            Ok(o) => {
                blocks += o.blocks_passed;
                report.record(&name, o.mismatches);
            },
            Err(e) => report.record(&name, vec![format!("cannot replay: {e}")]),
        }
    }
    report.detail = Some(format!("{blocks} of {total} blocks matched"));
    Ok(())
}
