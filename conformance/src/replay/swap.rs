//! `swap.json`: pool swaps and the pool legs of staking, unstaking and burned registration on
//! netuid 1.
use crate::{
    compare::{u64_of, Diff},
    FileReport,
};
use pallet_dtao::{mock::*, *};
use serde_json::Value;

/// The hotkey whose last-epoch dividends feed the unstake fee.
const HOTKEY: AccountId = 7;

/// Loads the pool of netuid 1 from a case or event input.
pub fn load_pool(netuid: NetUid, input: &Value) -> Result<(), String> {
    NetworksAdded::<Test>::insert(netuid, true);
    if let Some(m) = input.get("mechanism").and_then(Value::as_u64) {
        SubnetMechanism::<Test>::insert(netuid, m as u16);
    }
    SubnetTAO::<Test>::insert(netuid, u64_of(input, "subnet_tao")?);
    SubnetAlphaIn::<Test>::insert(netuid, u64_of(input, "alpha_in")?);
    SubnetAlphaOut::<Test>::insert(netuid, u64_of(input, "alpha_out")?);
    Ok(())
}

/// Applies one pool operation and returns its results by field name.
pub fn apply_op(netuid: NetUid, op: &str, input: &Value) -> Result<Vec<(&'static str, Option<u64>)>, String> {
    let amount = u64_of(input, "amount")?;
    Ok(match op {
        "swap_tao_for_alpha" => vec![
            ("sim", SubtensorModule::sim_swap_tao_for_alpha(netuid, amount)),
            ("amount_out", Some(SubtensorModule::swap_tao_for_alpha(netuid, amount))),
        ],
        "swap_alpha_for_tao" => vec![
            ("sim", SubtensorModule::sim_swap_alpha_for_tao(netuid, amount)),
            ("amount_out", Some(SubtensorModule::swap_alpha_for_tao(netuid, amount))),
        ],
        "add_stake" => {
            let (staked, fee, alpha) = SubtensorModule::stake_into_pool(netuid, amount, u64_of(input, "fee")?);
            vec![("tao_staked", Some(staked)), ("actual_fee", Some(fee)), ("amount_out", Some(alpha))]
        },
        "remove_stake" => {
            let fee = match input.get("fee").and_then(Value::as_u64) {
                Some(fee) => fee,
                None => {
                    AlphaDividendsPerSubnet::<Test>::insert(netuid, HOTKEY, u64_of(input, "alpha_dividends_per_subnet")?);
                    TotalHotkeyAlphaLastEpoch::<Test>::insert(HOTKEY, netuid, u64_of(input, "total_hotkey_alpha_last_epoch")?);
                    SubtensorModule::staking_fee(Some((&HOTKEY, netuid)), None, amount)
                },
            };
            let (tao, out, actual_fee) = SubtensorModule::unstake_from_pool(netuid, amount, fee);
            vec![("fee", Some(fee)), ("tao_swapped", Some(tao)), ("actual_fee", Some(actual_fee)), ("amount_out", Some(out))]
        },
        "burned_register" => vec![("amount_out", Some(SubtensorModule::burn_into_pool(netuid, amount)))],
        other => return Err(format!("unknown op `{other}`")),
    })
}

/// Compares operation results with the expected object (`sim`: null means `None`).
pub fn compare_results(diff: &mut Diff, expected: &Value, results: &[(&'static str, Option<u64>)]) {
    for (key, value) in results {
        if let Some(e) = expected.get(*key) {
            diff.eq(key, e.as_u64(), *value);
        }
    }
}

/// Compares the pool of `netuid` and `TotalStake` with the expected object.
pub fn compare_pool(diff: &mut Diff, netuid: NetUid, expected: &Value) {
    diff.u64_field(expected, "subnet_tao", SubnetTAO::<Test>::get(netuid));
    diff.u64_field(expected, "alpha_in", SubnetAlphaIn::<Test>::get(netuid));
    diff.u64_field(expected, "alpha_out", SubnetAlphaOut::<Test>::get(netuid));
    diff.u64_field(expected, "total_stake", TotalStake::<Test>::get());
}

/// Replays every swap case.
pub fn swaps(cases: &[Value], report: &mut FileReport) -> Result<(), String> {
    for (i, case) in cases.iter().enumerate() {
        let input = case.get("input").ok_or("case without `input`")?;
        let expected = case.get("expected").ok_or("case without `expected`")?;
        let op = input.get("op").and_then(Value::as_str).ok_or("case without `op`")?;
        let mut diff = Diff::default();
        ExtBuilder::default().build().execute_with(|| -> Result<(), String> {
            load_pool(1, input)?;
            TotalStake::<Test>::put(u64_of(input, "total_stake")?);
            diff.bits_field(expected, "price_before", SubtensorModule::get_alpha_price(1).to_bits() as i128);
            let results = apply_op(1, op, input)?;
            compare_results(&mut diff, expected, &results);
            compare_pool(&mut diff, 1, expected);
            diff.bits_field(expected, "price_after", SubtensorModule::get_alpha_price(1).to_bits() as i128);
            Ok(())
        })?;
        report.record(&format!("case {i} ({op})"), diff.0);
    }
    Ok(())
}
