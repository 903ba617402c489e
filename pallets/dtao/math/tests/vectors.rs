//! Replays the Subtensor conformance vectors (`shared/conformance/*.json`, taken from the
//! reference at `6b86ebf30`) through dtao-math and requires every recorded value to match
//! bit for bit. Each test collects all mismatches before failing, and skips (with a message)
//! only when the conformance directory is absent.
#![cfg(feature = "std")]

mod coinbase_replay;
mod common;

use common::{bits_i, bits_u, field, load, opt_u64, u64_of, Mismatches};
use dtao_math::{
    burn::{adjust, BurnInputs},
    emission::{block_emission_for_issuance, block_emission_trace, DEFAULT_BLOCK_EMISSION},
    fee::{calculate_staking_fee, FeeOrigin},
    lock_cost::{lock_reduction_interval, network_lock_cost},
    moving_price::{moving_alpha_price, next_moving_price},
    pool::{alpha_price, sim_swap_alpha_for_tao, PoolReserves},
    I96F32,
};
use serde_json::Value;

#[test]
fn block_emission_vectors() {
    let Some(file) = load("block_emission.json") else {
        return;
    };
    let mut m = Mismatches::new("block_emission.json");
    let cases = file["cases"].as_array().expect("cases");
    for (i, case) in cases.iter().enumerate() {
        let issuance = u64_of(&case["total_issuance"]);
        let at = format!("case {i} (issuance {issuance})");
        m.eq(
            &at,
            "block_emission",
            block_emission_for_issuance(issuance).ok(),
            Some(u64_of(&case["block_emission"])),
        );
        let trace = block_emission_trace(issuance).ok().flatten();
        if case["log2_residual"].is_null() {
            m.eq(&at, "trace", trace.is_none(), true);
        } else {
            m.eq(
                &at,
                "log2_residual",
                trace.map(|t| t.log2_residual.to_bits()),
                Some(bits_i(&case["log2_residual"])),
            );
            m.eq(
                &at,
                "floored_residual",
                trace.map(|t| t.floored_residual),
                Some(u64_of(&case["floored_residual"])),
            );
        }
        m.case_done();
    }
    m.finish(81);
}

fn reserves_of(input: &Value) -> PoolReserves {
    PoolReserves {
        tao: u64_of(&input["subnet_tao"]),
        alpha_in: u64_of(&input["alpha_in"]),
        alpha_out: u64_of(&input["alpha_out"]),
    }
}

#[test]
fn swap_vectors() {
    let Some(file) = load("swap.json") else {
        return;
    };
    let mut m = Mismatches::new("swap.json");
    let cases = file["cases"].as_array().expect("cases");
    for (i, case) in cases.iter().enumerate() {
        let (input, expected) = (&case["input"], &case["expected"]);
        let op = input["op"].as_str().expect("op");
        let at = format!("case {i} ({op})");
        let dynamic = u64_of(&input["mechanism"]) == 1;
        let pool = reserves_of(input);
        let total_stake = u64_of(&input["total_stake"]);
        let amount = u64_of(&input["amount"]);
        let mut got: Vec<(&str, Value)> = Vec::new();
        let (after, stake_change) = match op {
            "swap_tao_for_alpha" | "swap_alpha_for_tao" | "burned_register" => {
                let out = match op {
                    "swap_tao_for_alpha" => pool.apply_tao_for_alpha(dynamic, amount),
                    "swap_alpha_for_tao" => pool.apply_alpha_for_tao(dynamic, amount),
                    _ => pool.apply_burned_registration(dynamic, amount),
                };
                if op != "burned_register" {
                    got.push(("sim", out.sim.map_or(Value::Null, Value::from)));
                }
                got.push(("amount_out", out.amount_out.into()));
                (out.reserves, out.total_stake)
            }
            "add_stake" => {
                let out = pool.apply_stake(dynamic, amount, u64_of(&input["fee"]));
                got.push(("tao_staked", out.swapped.into()));
                got.push(("actual_fee", out.actual_fee.into()));
                got.push(("amount_out", out.amount_out.into()));
                (out.reserves, out.total_stake)
            }
            "remove_stake" => {
                let origin = FeeOrigin {
                    netuid: 1,
                    is_dynamic: dynamic,
                    tao_estimate: sim_swap_alpha_for_tao(dynamic, pool.tao, pool.alpha_in, amount)
                        .unwrap_or(0),
                    alpha_dividends: u64_of(&input["alpha_dividends_per_subnet"]),
                    hotkey_alpha_last_epoch: u64_of(&input["total_hotkey_alpha_last_epoch"]),
                };
                let fee = calculate_staking_fee(Some(origin), None);
                let out = pool.apply_unstake(dynamic, amount, fee);
                got.push(("fee", fee.into()));
                got.push(("tao_swapped", out.swapped.into()));
                got.push(("actual_fee", out.actual_fee.into()));
                got.push(("amount_out", out.amount_out.into()));
                (out.reserves, out.total_stake)
            }
            other => panic!("unknown op {other}"),
        };
        got.push(("subnet_tao", after.tao.into()));
        got.push(("alpha_in", after.alpha_in.into()));
        got.push(("alpha_out", after.alpha_out.into()));
        got.push(("total_stake", stake_change.apply(total_stake).into()));
        let price_before = alpha_price(dynamic, pool.tao, pool.alpha_in).to_bits();
        let price_after = alpha_price(dynamic, after.tao, after.alpha_in).to_bits();
        m.eq(
            &at,
            "price_before",
            price_before,
            bits_u(&expected["price_before"]),
        );
        m.eq(
            &at,
            "price_after",
            price_after,
            bits_u(&expected["price_after"]),
        );
        for (name, value) in &got {
            m.eq(&at, name, value, field(expected, name));
        }
        let checked = got.len().saturating_add(2);
        m.eq(
            &at,
            "number of expected fields checked",
            checked,
            expected.as_object().map_or(0, |o| o.len()),
        );
        m.case_done();
    }
    m.finish(666);
}

#[test]
fn moving_price_vectors() {
    let Some(file) = load("moving_price.json") else {
        return;
    };
    let mut m = Mismatches::new("moving_price.json");
    for (s, sequence) in file["sequences"]
        .as_array()
        .expect("sequences")
        .iter()
        .enumerate()
    {
        let initial = &sequence["initial"];
        let dynamic = u64_of(&initial["mechanism"]) == 1;
        let moving_alpha = I96F32::from_bits(bits_i(&initial["subnet_moving_alpha"]));
        let first_emission = opt_u64(&initial["first_emission_block"]);
        let halving = u64_of(&initial["ema_price_halving_blocks"]);
        let mut stored = I96F32::from_bits(bits_i(&initial["moving_price"]));
        for (k, step) in sequence["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .enumerate()
        {
            let at = format!("sequence {s} step {k}");
            let price = alpha_price(
                dynamic,
                u64_of(&step["subnet_tao"]),
                u64_of(&step["alpha_in"]),
            );
            m.eq(&at, "price", price.to_bits(), bits_u(&step["price"]));
            let block = u64_of(&step["block"]);
            stored = next_moving_price(
                price,
                moving_alpha_price(dynamic, stored),
                moving_alpha,
                block,
                first_emission,
                halving,
            );
            m.eq(
                &at,
                "moving_price",
                stored.to_bits(),
                bits_i(&step["moving_price"]),
            );
            m.case_done();
        }
    }
    m.finish(1248);
}

#[test]
fn lock_cost_vectors() {
    let Some(file) = load("lock_cost.json") else {
        return;
    };
    let mut m = Mismatches::new("lock_cost.json");
    for (i, case) in file["cases"].as_array().expect("cases").iter().enumerate() {
        let (input, expected) = (&case["input"], &case["expected"]);
        let at = format!("case {i}");
        let emission = block_emission_for_issuance(u64_of(&input["total_issuance"]))
            .unwrap_or(DEFAULT_BLOCK_EMISSION);
        let interval =
            lock_reduction_interval(u64_of(&input["network_lock_reduction_interval"]), emission);
        m.eq(
            &at,
            "lock_reduction_interval",
            interval,
            u64_of(&expected["lock_reduction_interval"]),
        );
        let cost = network_lock_cost(
            u64_of(&input["current_block"]),
            u64_of(&input["network_last_lock_cost"]),
            u64_of(&input["network_min_lock_cost"]),
            u64_of(&input["network_last_registered"]),
            interval,
        );
        m.eq(&at, "lock_cost", cost, u64_of(&expected["lock_cost"]));
        m.case_done();
    }
    m.finish(50);
}

fn u16_of(v: &Value) -> u16 {
    u16::try_from(u64_of(v)).expect("u16")
}

#[test]
fn burn_vectors() {
    let Some(file) = load("burn.json") else {
        return;
    };
    let mut m = Mismatches::new("burn.json");
    for (i, case) in file["cases"].as_array().expect("cases").iter().enumerate() {
        let (input, expected) = (&case["input"], &case["expected"]);
        let at = format!("case {i}");
        let inputs = BurnInputs {
            current_block: u64_of(&input["current_block"]),
            last_adjustment_block: u64_of(&input["last_adjustment_block"]),
            adjustment_interval: u16_of(&input["adjustment_interval"]),
            burn: u64_of(&input["burn"]),
            difficulty: u64_of(&input["difficulty"]),
            registrations: u16_of(&input["registrations_this_interval"]),
            pow_registrations: u16_of(&input["pow_registrations_this_interval"]),
            burn_registrations: u16_of(&input["burn_registrations_this_interval"]),
            target: u16_of(&input["target_registrations_per_interval"]),
            adjustment_alpha: u64_of(&input["adjustment_alpha"]),
            min_burn: u64_of(&input["min_burn"]),
            max_burn: u64_of(&input["max_burn"]),
            min_difficulty: u64_of(&input["min_difficulty"]),
            max_difficulty: u64_of(&input["max_difficulty"]),
        };
        let out = adjust(&inputs);
        m.eq(
            &at,
            "interval_reached",
            out.interval_reached,
            expected["interval_reached"].as_bool().expect("bool"),
        );
        m.eq(
            &at,
            "case",
            out.case.to_string(),
            expected["case"].as_str().expect("case").to_string(),
        );
        m.eq(&at, "burn", out.burn, u64_of(&expected["burn"]));
        m.eq(
            &at,
            "difficulty",
            out.difficulty,
            u64_of(&expected["difficulty"]),
        );
        m.case_done();
    }
    m.finish(70);
}

#[test]
fn coinbase_vectors() {
    let Some(file) = load("coinbase.json") else {
        return;
    };
    coinbase_replay::run(&file);
}
