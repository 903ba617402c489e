//! `coinbase.json`: multi-block emission scenarios, each block through the pallet's real
//! `on_initialize`, with the scenario's pool events applied between blocks. Every recorded
//! column of every subnet and block is compared, then the final state. The exact invariants
//! (`TotalStake` vs Σ `SubnetTAO`, issuance vs balances, stake and pending TAO) start from the
//! scenario's arbitrary state, so each block must leave their differences unchanged.
use super::swap::{apply_op, compare_pool, compare_results};
use crate::{
    compare::{bool_of, field_bits, opt_u64_of, u64_of, Diff},
    FileReport,
};
use frame_support::traits::Hooks;
use pallet_dtao::{admin::Parameter, mock::*, *};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use substrate_fixed::types::{I96F32, U96F32};

fn bits_string(bits: impl ToString) -> Value {
    Value::String(bits.to_string())
}

fn load_state(state: &Value) -> Result<(), String> {
    System::set_block_number(u64_of(state, "block")?);
    TotalIssuance::<Test>::put(u64_of(state, "total_issuance")?);
    TotalStake::<Test>::put(u64_of(state, "total_stake")?);
    TaoWeight::<Test>::put(u64_of(state, "tao_weight")?);
    SubnetOwnerCut::<Test>::put(u16::try_from(u64_of(state, "subnet_owner_cut")?).map_err(|e| e.to_string())?);
    SubnetMovingAlpha::<Test>::put(I96F32::from_bits(field_bits(state, "subnet_moving_alpha")?));
    NetworksAdded::<Test>::insert(ROOT_NETUID, true);
    SubnetTAO::<Test>::insert(ROOT_NETUID, u64_of(state, "root_subnet_tao")?);
    for s in state.get("subnets").and_then(Value::as_array).ok_or("no subnets")? {
        let netuid = u16::try_from(u64_of(s, "netuid")?).map_err(|e| e.to_string())?;
        NetworksAdded::<Test>::insert(netuid, true);
        SubnetMechanism::<Test>::insert(netuid, u64_of(s, "mechanism")? as u16);
        SubnetTAO::<Test>::insert(netuid, u64_of(s, "subnet_tao")?);
        SubnetAlphaIn::<Test>::insert(netuid, u64_of(s, "alpha_in")?);
        SubnetAlphaOut::<Test>::insert(netuid, u64_of(s, "alpha_out")?);
        SubnetMovingPrice::<Test>::insert(netuid, I96F32::from_bits(field_bits(s, "moving_price")?));
        Tempo::<Test>::insert(netuid, u64_of(s, "tempo")? as u16);
        NetworkRegistrationAllowed::<Test>::insert(netuid, bool_of(s, "registration_allowed")?);
        NetworkPowRegistrationAllowed::<Test>::insert(netuid, bool_of(s, "pow_registration_allowed")?);
        if let Some(first) = opt_u64_of(s, "first_emission_block")? {
            FirstEmissionBlockNumber::<Test>::insert(netuid, first);
        }
        if let Some(at) = opt_u64_of(s, "network_registered_at")? {
            NetworkRegisteredAt::<Test>::insert(netuid, at);
        }
        EMAPriceHalvingBlocks::<Test>::insert(netuid, u64_of(s, "ema_price_halving_blocks")?);
        PendingEmission::<Test>::insert(netuid, u64_of(s, "pending_emission")?);
        PendingRootDivs::<Test>::insert(netuid, u64_of(s, "pending_root_divs")?);
        PendingAlphaSwapped::<Test>::insert(netuid, u64_of(s, "pending_alpha_swapped")?);
        PendingOwnerCut::<Test>::insert(netuid, u64_of(s, "pending_owner_cut")?);
        BlocksSinceLastStep::<Test>::insert(netuid, u64_of(s, "blocks_since_last_step")?);
    }
    Ok(())
}

/// Whether a counter of the exact invariants sits at a saturation bound (u64::MAX, or 0 for
/// the totals, which saturating subtraction clamps).
fn saturated() -> bool {
    [TotalStake::<Test>::get(), TotalIssuance::<Test>::get()].iter().any(|t| *t == 0 || *t == u64::MAX) ||
        SubnetTAO::<Test>::iter_values().any(|t| t == u64::MAX) ||
        PendingRootDivs::<Test>::iter_values().any(|t| t == u64::MAX)
}

fn compare_state(diff: &mut Diff, state: &Value) -> Result<(), String> {
    diff.u64_field(state, "total_issuance", TotalIssuance::<Test>::get());
    diff.u64_field(state, "total_stake", TotalStake::<Test>::get());
    diff.u64_field(state, "tao_weight", TaoWeight::<Test>::get());
    diff.u64_field(state, "subnet_owner_cut", u64::from(SubnetOwnerCut::<Test>::get()));
    diff.u64_field(state, "root_subnet_tao", SubnetTAO::<Test>::get(ROOT_NETUID));
    diff.bits_field(state, "subnet_moving_alpha", SubnetMovingAlpha::<Test>::get().to_bits());
    for s in state.get("subnets").and_then(Value::as_array).ok_or("no subnets")? {
        let n = u64_of(s, "netuid")? as u16;
        let mut d = Diff::default();
        d.u64_field(s, "subnet_tao", SubnetTAO::<Test>::get(n));
        d.u64_field(s, "alpha_in", SubnetAlphaIn::<Test>::get(n));
        d.u64_field(s, "alpha_out", SubnetAlphaOut::<Test>::get(n));
        d.bits_field(s, "moving_price", SubnetMovingPrice::<Test>::get(n).to_bits());
        d.eq("first_emission_block", opt_u64_of(s, "first_emission_block")?, FirstEmissionBlockNumber::<Test>::get(n));
        d.eq("registration_allowed", bool_of(s, "registration_allowed")?, NetworkRegistrationAllowed::<Test>::get(n));
        d.u64_field(s, "pending_emission", PendingEmission::<Test>::get(n));
        d.u64_field(s, "pending_root_divs", PendingRootDivs::<Test>::get(n));
        d.u64_field(s, "pending_alpha_swapped", PendingAlphaSwapped::<Test>::get(n));
        d.u64_field(s, "pending_owner_cut", PendingOwnerCut::<Test>::get(n));
        d.u64_field(s, "blocks_since_last_step", BlocksSinceLastStep::<Test>::get(n));
        diff.0.extend(d.0.into_iter().map(|m| format!("final netuid {n} {m}")));
    }
    Ok(())
}

/// Applies one scenario event at the current block; returns its results for comparison.
fn apply_event(event: &Value, block: u64) -> Result<Vec<(&'static str, Option<u64>)>, String> {
    let kind = event.get("type").and_then(Value::as_str).ok_or("event without type")?;
    let netuid = || -> Result<NetUid, String> { Ok(u64_of(event, "netuid")? as u16) };
    let set = |p: Parameter| SubtensorModule::do_set_parameter(p).map_err(|e| format!("{e:?}"));
    Ok(match kind {
        "start_call" => {
            SubtensorModule::start_emission(netuid()?, block);
            vec![("first_emission_block", FirstEmissionBlockNumber::<Test>::get(netuid()?))]
        },
        "set_tao_weight" => {
            set(Parameter::TaoWeight(u64_of(event, "value")?))?;
            vec![]
        },
        "set_registration_allowed" => {
            let n = netuid()?;
            set(Parameter::NetworkRegistrationAllowed { netuid: n, allowed: bool_of(event, "registration_allowed")? })?;
            set(Parameter::NetworkPowRegistrationAllowed {
                netuid: n,
                allowed: bool_of(event, "pow_registration_allowed")?,
            })?;
            vec![]
        },
        op => apply_op(netuid()?, op, event)?,
    })
}

/// Our value of every recorded column for one subnet in this block.
fn our_record(
    netuid: NetUid,
    pre: &Pre,
    emission: Option<&pallet_dtao::Event<Test>>,
    drained: Option<&pallet_dtao::Event<Test>>,
) -> BTreeMap<&'static str, Value> {
    let mut r = BTreeMap::new();
    r.insert("netuid", json!(netuid));
    r.insert("emitting", json!(pre.emitting));
    let null = Value::Null;
    let (price, used, alpha_emission) = if pre.emitting {
        (bits_string(pre.price.to_bits()), bits_string(pre.moving_used.to_bits()), json!(pre.alpha_emission))
    } else {
        (null.clone(), null.clone(), null.clone())
    };
    r.insert("price_bits", price);
    r.insert("moving_price_used_bits", used);
    r.insert("alpha_emission", alpha_emission);
    let emission_cols = ["tao_in", "alpha_in", "alpha_out", "owner_cut", "root_alpha", "root_tao", "pending_alpha"];
    match emission {
        Some(pallet_dtao::Event::SubnetEmission {
            tao_in, alpha_in, alpha_out, owner_cut, root_alpha, root_tao, pending_alpha, ..
        }) => {
            for (k, v) in emission_cols
                .iter()
                .zip([tao_in, alpha_in, alpha_out, owner_cut, root_alpha, root_tao, pending_alpha])
            {
                r.insert(k, json!(v));
            }
        },
        _ => emission_cols.iter().for_each(|k| {
            r.insert(k, Value::Null);
        }),
    }
    r.insert("subnet_tao", json!(SubnetTAO::<Test>::get(netuid)));
    r.insert("alpha_in_reserve", json!(SubnetAlphaIn::<Test>::get(netuid)));
    r.insert("alpha_out_reserve", json!(SubnetAlphaOut::<Test>::get(netuid)));
    r.insert("moving_price_bits", bits_string(SubnetMovingPrice::<Test>::get(netuid).to_bits()));
    r.insert("pending_emission", json!(PendingEmission::<Test>::get(netuid)));
    r.insert("pending_root_divs", json!(PendingRootDivs::<Test>::get(netuid)));
    r.insert("pending_alpha_swapped", json!(PendingAlphaSwapped::<Test>::get(netuid)));
    r.insert("pending_owner_cut", json!(PendingOwnerCut::<Test>::get(netuid)));
    r.insert("blocks_since_last_step", json!(BlocksSinceLastStep::<Test>::get(netuid)));
    r.insert("epoch", json!(drained.is_some()));
    let drained_cols = ["drained_pending_alpha", "drained_pending_tao", "drained_pending_swapped", "drained_owner_cut"];
    match drained {
        Some(pallet_dtao::Event::EmissionDrained { pending_alpha, pending_tao, pending_swapped, owner_cut, .. }) => {
            for (k, v) in drained_cols.iter().zip([pending_alpha, pending_tao, pending_swapped, owner_cut]) {
                r.insert(k, json!(v));
            }
        },
        _ => drained_cols.iter().for_each(|k| {
            r.insert(k, Value::Null);
        }),
    }
    r
}

/// What the pallet reports for a subnet before the block's coinbase.
struct Pre {
    emitting: bool,
    price: U96F32,
    moving_used: U96F32,
    alpha_emission: u64,
}

/// Replays every scenario of the file.
pub fn scenarios(doc: &Value, report: &mut FileReport) -> Result<(), String> {
    let fields: Vec<String> = doc
        .get("subnet_record_fields")
        .and_then(Value::as_array)
        .ok_or("no `subnet_record_fields`")?
        .iter()
        .filter_map(|f| f.as_str().map(str::to_string))
        .collect();
    let scenarios = doc.get("scenarios").and_then(Value::as_array).ok_or("no `scenarios`")?;
    for sc in scenarios {
        let name = sc.get("name").and_then(Value::as_str).unwrap_or("?").to_string();
        let mut diff = Diff::default();
        ExtBuilder::default()
            .build()
            .execute_with(|| replay_scenario(sc, &fields, &mut diff))
            .map_err(|e| format!("scenario {name}: {e}"))?;
        diff.0.truncate(6);
        report.record(&format!("scenario {name}"), diff.0);
    }
    Ok(())
}

fn replay_scenario(sc: &Value, fields: &[String], diff: &mut Diff) -> Result<(), String> {
    let init = sc.get("initial_state").ok_or("no initial_state")?;
    load_state(init)?;
    let first_block = u64_of(init, "block")?;
    let events = sc.get("events").and_then(Value::as_array).cloned().unwrap_or_default();
    for e in events.iter().filter(|e| u64_of(e, "after_block").is_ok_and(|b| b < first_block)) {
        let b = u64_of(e, "after_block")?;
        System::set_block_number(b);
        apply_event(e, b)?;
    }
    let mut baseline = SubtensorModule::imbalances();
    for rec in sc.get("blocks").and_then(Value::as_array).ok_or("no blocks")? {
        let block = u64_of(rec, "block")?;
        System::set_block_number(block);
        let subnets: Vec<NetUid> = {
            let mut v: Vec<NetUid> = NetworksAdded::<Test>::iter_keys().filter(|n| *n != ROOT_NETUID).collect();
            v.sort();
            v
        };
        let pre: BTreeMap<NetUid, Pre> = subnets
            .iter()
            .map(|&n| {
                (n, Pre {
                    emitting: FirstEmissionBlockNumber::<Test>::contains_key(n),
                    price: SubtensorModule::get_alpha_price(n),
                    moving_used: SubtensorModule::get_moving_alpha_price(n),
                    alpha_emission: SubtensorModule::get_alpha_block_emission(n),
                })
            })
            .collect();
        let total_moving = pre
            .values()
            .filter(|p| p.emitting)
            .fold(U96F32::from_num(0u8), |acc, p| acc.saturating_add(p.moving_used));
        let saturated_before = saturated();
        // The TAO emission the block uses (the vectors' `block_emission`). `BlockEmission`
        // storage ends the block holding the last emitting subnet's alpha emission, as in the
        // reference, so it is not what this column records.
        let tao_emission = SubtensorModule::get_block_emission();
        // frame_system keeps no events in block 0, so there the runner takes the same events
        // from `block_step`, the body of `on_initialize`.
        let coinbase_events: Vec<pallet_dtao::Event<Test>> = if block == 0 {
            SubtensorModule::block_step(block).events
        } else {
            System::reset_events();
            SubtensorModule::on_initialize(block);
            System::events()
                .into_iter()
                .filter_map(|r| match r.event {
                    RuntimeEvent::SubtensorModule(e) => Some(e),
                    _ => None,
                })
                .collect()
        };
        let mut d = Diff::default();
        d.u64_field(rec, "block_emission", tao_emission);
        d.bits_field(rec, "total_moving_prices", total_moving.to_bits() as i128);
        d.u64_field(rec, "total_issuance", TotalIssuance::<Test>::get());
        d.u64_field(rec, "total_stake", TotalStake::<Test>::get());
        let mut emissions = BTreeMap::new();
        let mut drains = BTreeMap::new();
        for e in coinbase_events {
            match &e {
                pallet_dtao::Event::SubnetEmission { netuid, .. } => {
                    emissions.insert(*netuid, e.clone());
                },
                pallet_dtao::Event::EmissionDrained { netuid, .. } => {
                    drains.insert(*netuid, e.clone());
                },
                _ => {},
            }
        }
        let expected_rows = rec.get("subnets").and_then(Value::as_array).ok_or("no subnets in block")?;
        d.eq("subnet count", expected_rows.len(), subnets.len());
        for (row, &netuid) in expected_rows.iter().zip(&subnets) {
            let row = row.as_array().ok_or("subnet row is not an array")?;
            let pre = pre.get(&netuid).ok_or("missing pre-state")?;
            let ours = our_record(netuid, pre, emissions.get(&netuid), drains.get(&netuid));
            for (name, expected) in fields.iter().zip(row) {
                match ours.get(name.as_str()) {
                    Some(v) if v == expected => {},
                    Some(v) => d.0.push(format!("netuid {netuid} {name}: expected {expected}, got {v}")),
                    None => d.0.push(format!("column `{name}` unknown to the runner")),
                }
            }
        }
        // A saturated u64 counter loses track by construction (as in the reference): the
        // conservation check applies to blocks where none saturates.
        if !saturated_before && !saturated() {
            d.eq("invariant imbalances (unchanged by the block)", baseline, SubtensorModule::imbalances());
        }
        let applied: Vec<&Value> =
            events.iter().filter(|e| u64_of(e, "after_block").is_ok_and(|b| b == block)).collect();
        let expected_events = rec.get("events_after").and_then(Value::as_array).cloned().unwrap_or_default();
        d.eq("events applied", expected_events.len(), applied.len());
        for (e, expected) in applied.iter().zip(&expected_events) {
            let results = apply_event(e, block)?;
            if let Some(res) = expected.get("result") {
                compare_results(&mut d, res, &results);
            }
            if let (Some(after), Ok(n)) = (expected.get("state_after"), u64_of(e, "netuid")) {
                compare_pool(&mut d, n as u16, after);
            }
        }
        // Scenario events are pool-level operations without balances: re-take the baseline.
        baseline = SubtensorModule::imbalances();
        diff.0.extend(d.0.into_iter().map(|m| format!("block {block}: {m}")));
        if diff.0.len() > 6 {
            return Ok(());
        }
    }
    if let Some(fin) = sc.get("final_state") {
        compare_state(diff, fin)?;
    }
    Ok(())
}
