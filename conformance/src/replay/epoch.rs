//! `epoch.json`: Yuma consensus and the per-hotkey dividend split, through the pallet: the
//! case's neurons, stakes, weights, bonds and hyperparameters are written to storage of netuid
//! 1, `epoch_and_split` runs (the epoch that `drain_pending_emission` runs), and every stored
//! vector, the returned emissions, the bonds left in storage and the split are compared.
use crate::{
    compare::{bits_of, bool_of, opt_u64_of, u64_of, Diff},
    FileReport,
};
use pallet_dtao::{mock::*, *};
use serde_json::Value;

const NETUID: NetUid = 1;

fn u64s(v: &Value, key: &str) -> Result<Vec<u64>, String> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("`{key}` is not an array"))?
        .iter()
        .map(|x| x.as_u64().ok_or_else(|| format!("`{key}` holds a non-integer")))
        .collect()
}

fn u16s(v: &Value, key: &str) -> Result<Vec<u16>, String> {
    u64s(v, key)?.into_iter().map(|x| u16::try_from(x).map_err(|e| e.to_string())).collect()
}

fn bools(v: &Value, key: &str) -> Result<Vec<bool>, String> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("`{key}` is not an array"))?
        .iter()
        .map(|x| x.as_bool().ok_or_else(|| format!("`{key}` holds a non-bool")))
        .collect()
}

fn matrix(v: &Value, key: &str) -> Result<Vec<Vec<(u16, u16)>>, String> {
    let rows = v.get(key).and_then(Value::as_array).ok_or_else(|| format!("`{key}` is not an array"))?;
    rows.iter()
        .map(|row| {
            row.as_array()
                .ok_or("matrix row is not an array")?
                .iter()
                .map(|pair| {
                    let p = pair.as_array().ok_or("matrix entry is not a pair")?;
                    let get = |i: usize| -> Result<u16, String> {
                        p.get(i)
                            .and_then(Value::as_u64)
                            .and_then(|x| u16::try_from(x).ok())
                            .ok_or_else(|| "bad matrix entry".to_string())
                    };
                    Ok((get(0)?, get(1)?))
                })
                .collect()
        })
        .collect()
}

fn load(input: &Value) -> Result<(u64, u64, u64, u64), String> {
    let n = u16::try_from(u64_of(input, "n")?).map_err(|e| e.to_string())?;
    let block = u64_of(input, "current_block")?;
    System::set_block_number(block);
    NetworksAdded::<Test>::insert(NETUID, true);
    SubnetMechanism::<Test>::insert(NETUID, DYNAMIC_MECHANISM);
    SubnetworkN::<Test>::insert(NETUID, n);
    let u16_of = |k: &str| -> Result<u16, String> { u16::try_from(u64_of(input, k)?).map_err(|e| e.to_string()) };
    Tempo::<Test>::insert(NETUID, u16_of("tempo")?);
    ActivityCutoff::<Test>::insert(NETUID, u16_of("activity_cutoff")?);
    Kappa::<Test>::insert(NETUID, u16_of("kappa")?);
    BondsPenalty::<Test>::insert(NETUID, u16_of("bonds_penalty")?);
    BondsMovingAverage::<Test>::insert(NETUID, u64_of(input, "bonds_moving_average")?);
    LiquidAlphaOn::<Test>::insert(NETUID, bool_of(input, "liquid_alpha_on")?);
    AlphaValues::<Test>::insert(NETUID, (u16_of("alpha_low")?, u16_of("alpha_high")?));
    MaxAllowedValidators::<Test>::insert(NETUID, u16_of("max_allowed_validators")?);
    TaoWeight::<Test>::put(u64_of(input, "tao_weight")?);
    let hotkeys = u64s(input, "hotkey")?;
    let alpha = u64s(input, "alpha_stake")?;
    let root = u64s(input, "root_stake")?;
    let registered = u64s(input, "block_at_registration")?;
    let weights = matrix(input, "weights")?;
    let bonds = matrix(input, "bonds")?;
    for (uid, hk) in hotkeys.iter().enumerate() {
        let uid16 = u16::try_from(uid).map_err(|e| e.to_string())?;
        Keys::<Test>::insert(NETUID, uid16, hk);
        Uids::<Test>::insert(NETUID, hk, uid16);
        TotalHotkeyAlpha::<Test>::insert(hk, NETUID, alpha.get(uid).copied().unwrap_or(0));
        TotalHotkeyAlpha::<Test>::insert(hk, ROOT_NETUID, root.get(uid).copied().unwrap_or(0));
        BlockAtRegistration::<Test>::insert(NETUID, uid16, registered.get(uid).copied().unwrap_or(0));
        Weights::<Test>::insert(NETUID, uid16, weights.get(uid).cloned().unwrap_or_default());
        Bonds::<Test>::insert(NETUID, uid16, bonds.get(uid).cloned().unwrap_or_default());
    }
    LastUpdate::<Test>::insert(NETUID, u64s(input, "last_update")?);
    ValidatorPermit::<Test>::insert(NETUID, bools(input, "validator_permit")?);
    if let Some(owner) = opt_u64_of(input, "owner_uid")? {
        let hk = hotkeys.get(owner as usize).copied().ok_or("owner_uid out of range")?;
        SubnetOwnerHotkey::<Test>::insert(NETUID, hk);
    }
    Ok((
        u64_of(input, "pending_alpha")?,
        u64_of(input, "pending_tao")?,
        u64_of(input, "pending_swapped")?,
        block,
    ))
}

fn compare(diff: &mut Diff, expected: &Value) -> Result<(), String> {
    let n = SubnetworkN::<Test>::get(NETUID);
    let vectors: [(&str, Vec<u16>); 8] = [
        ("stake_weight", StakeWeight::<Test>::get(NETUID)),
        ("rank", Rank::<Test>::get(NETUID)),
        ("trust", Trust::<Test>::get(NETUID)),
        ("consensus", Consensus::<Test>::get(NETUID)),
        ("incentive", Incentive::<Test>::get(NETUID)),
        ("dividends", Dividends::<Test>::get(NETUID)),
        ("validator_trust", ValidatorTrust::<Test>::get(NETUID)),
        ("pruning_scores", PruningScores::<Test>::get(NETUID)),
    ];
    for (key, ours) in vectors {
        diff.eq(key, u16s(expected, key)?, ours);
    }
    diff.eq("active", bools(expected, "active")?, Active::<Test>::get(NETUID));
    diff.eq("validator_permit", bools(expected, "validator_permit")?, ValidatorPermit::<Test>::get(NETUID));
    diff.eq("emission", u64s(expected, "emission")?, Emission::<Test>::get(NETUID));
    diff.eq("bonds_after", matrix(expected, "bonds_after")?, (0..n).map(|uid| Bonds::<Test>::get(NETUID, uid)).collect::<Vec<_>>());
    Ok(())
}

/// Replays every epoch case.
pub fn epochs(cases: &[Value], report: &mut FileReport) -> Result<(), String> {
    for (i, case) in cases.iter().enumerate() {
        let name = case.get("name").and_then(Value::as_str).unwrap_or("?").to_string();
        let input = case.get("input").ok_or("case without `input`")?;
        let expected = case.get("expected").ok_or("case without `expected`")?;
        let mut diff = Diff::default();
        ExtBuilder::default().build().execute_with(|| -> Result<(), String> {
            let (pa, pt, ps, block) = load(input)?;
            let Some((output, split)) = SubtensorModule::epoch_and_split(NETUID, pa, pt, ps, block) else {
                diff.0.push("no epoch ran".into());
                return Ok(());
            };
            compare(&mut diff, expected)?;
            diff.eq("server_emission", u64s(expected, "server_emission")?, output.server_emission.clone());
            diff.eq("validator_emission", u64s(expected, "validator_emission")?, output.validator_emission.clone());
            let hotkeys = u64s(input, "hotkey")?;
            let ours: Vec<Vec<u64>> = output
                .hotkey_emission()
                .into_iter()
                .map(|(uid, s, v)| vec![hotkeys.get(usize::from(uid)).copied().unwrap_or(u64::MAX), s, v])
                .collect();
            let theirs: Vec<Vec<u64>> = expected
                .get("hotkey_emission")
                .and_then(Value::as_array)
                .ok_or("no hotkey_emission")?
                .iter()
                .map(|t| t.as_array().map(|t| t.iter().filter_map(Value::as_u64).collect()).unwrap_or_default())
                .collect();
            diff.eq("hotkey_emission", theirs, ours);
            let drain = expected.get("drain").ok_or("no drain")?;
            diff.u64_field(drain, "incentive_sum", split.incentive_sum);
            diff.u64_field(drain, "pending_validator_alpha", split.pending_validator_alpha);
            let rows = drain.get("per_hotkey").and_then(Value::as_array).ok_or("no per_hotkey")?;
            diff.eq("per_hotkey rows", rows.len(), split.per_hotkey.len());
            // The vectors list hotkeys in UID order; the split is keyed (BTreeMap) by hotkey.
            for row in rows {
                let hotkey = u64_of(row, "hotkey")?;
                let Some(ours) = split.per_hotkey.iter().find(|h| h.hotkey == hotkey) else {
                    diff.0.push(format!("hotkey {hotkey} missing from the split"));
                    continue;
                };
                diff.u64_field(row, "incentive", ours.incentive);
                for (key, value) in [
                    ("dividend", ours.dividend),
                    ("alpha_dividend", ours.alpha_dividend),
                    ("tao_dividend", ours.tao_dividend),
                ] {
                    if let Some(e) = row.get(key) {
                        diff.eq(key, bits_of(e)?, value.to_bits() as i128);
                    }
                }
            }
            Ok(())
        })?;
        diff.0.truncate(6);
        report.record(&format!("case {i} ({name})"), diff.0);
    }
    Ok(())
}
