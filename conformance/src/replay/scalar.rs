//! Block emission, moving price, lock cost and burn adjustment vectors.
use crate::{
    compare::{bits_of, bool_of, field_bits, opt_u64_of, u64_of, Diff},
    FileReport,
};
use pallet_dtao::{mock::*, *};
use serde_json::Value;
use substrate_fixed::types::I96F32;

/// `block_emission.json`: `get_block_emission` at a given `TotalIssuance`.
pub fn block_emission(cases: &[Value], report: &mut FileReport) -> Result<(), String> {
    for (i, case) in cases.iter().enumerate() {
        let issuance = u64_of(case, "total_issuance")?;
        let mut diff = Diff::default();
        ExtBuilder::default().build().execute_with(|| {
            TotalIssuance::<Test>::put(issuance);
            diff.u64_field(case, "block_emission", SubtensorModule::get_block_emission());
            // The reference stores every emission it computes, but returns 0 at or above the
            // supply cap before storing anything (`block_emission.rs`), so there `BlockEmission`
            // keeps its default of 1 TAO.
            let stored = match dtao_math::emission::block_emission_trace(issuance) {
                Ok(Some(_)) => u64_of(case, "block_emission").ok(),
                _ => Some(<pallet_dtao::DefaultBlockEmission as frame_support::traits::Get<u64>>::get()),
            };
            diff.eq("BlockEmission storage", stored, Some(BlockEmission::<Test>::get()));
        });
        let trace = dtao_math::emission::block_emission_trace(issuance).map_err(|e| format!("{e:?}"))?;
        match (case.get("log2_residual"), trace) {
            (Some(Value::Null) | None, None) => {},
            (Some(v), Some(t)) if !v.is_null() => {
                diff.eq("log2_residual", bits_of(v)?, t.log2_residual.to_bits());
                diff.u64_field(case, "floored_residual", t.floored_residual);
            },
            (v, t) => diff.0.push(format!("log2_residual: expected {v:?}, got {t:?}")),
        }
        report.record(&format!("case {i} (issuance {issuance})"), diff.0);
    }
    Ok(())
}

/// `moving_price.json`: `update_moving_price` step by step on netuid 1.
pub fn moving_price(sequences: &[Value], report: &mut FileReport) -> Result<(), String> {
    for seq in sequences {
        let name = seq.get("name").and_then(Value::as_str).unwrap_or("?").to_string();
        let init = seq.get("initial").ok_or("sequence without `initial`")?;
        let steps = seq.get("steps").and_then(Value::as_array).ok_or("sequence without `steps`")?;
        let mut results = Vec::new();
        let mechanism = u64_of(init, "mechanism")? as u16;
        let moving = field_bits(init, "moving_price")?;
        let first = opt_u64_of(init, "first_emission_block")?;
        let halving = u64_of(init, "ema_price_halving_blocks")?;
        let moving_alpha = field_bits(init, "subnet_moving_alpha")?;
        ExtBuilder::default().build().execute_with(|| -> Result<(), String> {
            NetworksAdded::<Test>::insert(1, true);
            SubnetMechanism::<Test>::insert(1, mechanism);
            SubnetMovingPrice::<Test>::insert(1, I96F32::from_bits(moving));
            if let Some(f) = first {
                FirstEmissionBlockNumber::<Test>::insert(1, f);
            }
            EMAPriceHalvingBlocks::<Test>::insert(1, halving);
            SubnetMovingAlpha::<Test>::put(I96F32::from_bits(moving_alpha));
            for step in steps {
                let block = u64_of(step, "block")?;
                SubnetTAO::<Test>::insert(1, u64_of(step, "subnet_tao")?);
                SubnetAlphaIn::<Test>::insert(1, u64_of(step, "alpha_in")?);
                System::set_block_number(block);
                let mut diff = Diff::default();
                diff.bits_field(step, "price", SubtensorModule::get_alpha_price(1).to_bits() as i128);
                SubtensorModule::update_moving_price(1, block);
                diff.bits_field(step, "moving_price", SubnetMovingPrice::<Test>::get(1).to_bits());
                results.push((format!("{name} @ block {block}"), diff.0));
            }
            Ok(())
        })?;
        for (case, diff) in results {
            report.record(&case, diff);
        }
    }
    Ok(())
}

/// `lock_cost.json`: `get_network_lock_cost` and the lock reduction interval.
pub fn lock_cost(cases: &[Value], report: &mut FileReport) -> Result<(), String> {
    for (i, case) in cases.iter().enumerate() {
        let input = case.get("input").ok_or("case without `input`")?;
        let expected = case.get("expected").ok_or("case without `expected`")?;
        let mut diff = Diff::default();
        let (block, last_lock, min_lock, last_reg, interval, issuance) = (
            u64_of(input, "current_block")?,
            u64_of(input, "network_last_lock_cost")?,
            u64_of(input, "network_min_lock_cost")?,
            u64_of(input, "network_last_registered")?,
            u64_of(input, "network_lock_reduction_interval")?,
            u64_of(input, "total_issuance")?,
        );
        ExtBuilder::default().build().execute_with(|| {
            System::set_block_number(block);
            NetworkLastLockCost::<Test>::put(last_lock);
            NetworkMinLockCost::<Test>::put(min_lock);
            NetworkLastRegistered::<Test>::put(last_reg);
            NetworkLockReductionInterval::<Test>::put(interval);
            TotalIssuance::<Test>::put(issuance);
            diff.u64_field(expected, "lock_reduction_interval", SubtensorModule::get_lock_reduction_interval());
            diff.u64_field(expected, "lock_cost", SubtensorModule::get_network_lock_cost());
        });
        report.record(&format!("case {i}"), diff.0);
    }
    Ok(())
}

/// `burn.json`: one network's burn and difficulty adjustment, in the pallet's storage.
pub fn burn(cases: &[Value], report: &mut FileReport) -> Result<(), String> {
    for (i, case) in cases.iter().enumerate() {
        let input = case.get("input").ok_or("case without `input`")?;
        let expected = case.get("expected").ok_or("case without `expected`")?;
        let u16_of = |k: &str| -> Result<u16, String> {
            u16::try_from(u64_of(input, k)?).map_err(|_| format!("`{k}` is not a u16"))
        };
        let inputs = dtao_math::burn::BurnInputs {
            current_block: u64_of(input, "current_block")?,
            last_adjustment_block: u64_of(input, "last_adjustment_block")?,
            adjustment_interval: u16_of("adjustment_interval")?,
            burn: u64_of(input, "burn")?,
            difficulty: u64_of(input, "difficulty")?,
            registrations: u16_of("registrations_this_interval")?,
            pow_registrations: u16_of("pow_registrations_this_interval")?,
            burn_registrations: u16_of("burn_registrations_this_interval")?,
            target: u16_of("target_registrations_per_interval")?,
            adjustment_alpha: u64_of(input, "adjustment_alpha")?,
            min_burn: u64_of(input, "min_burn")?,
            max_burn: u64_of(input, "max_burn")?,
            min_difficulty: u64_of(input, "min_difficulty")?,
            max_difficulty: u64_of(input, "max_difficulty")?,
        };
        // Through the pallet: the counters and parameters in storage of netuid 1.
        let out = ExtBuilder::default().build().execute_with(|| {
            AdjustmentInterval::<Test>::insert(1, inputs.adjustment_interval);
            LastAdjustmentBlock::<Test>::insert(1, inputs.last_adjustment_block);
            Burn::<Test>::insert(1, inputs.burn);
            Difficulty::<Test>::insert(1, inputs.difficulty);
            RegistrationsThisInterval::<Test>::insert(1, inputs.registrations);
            POWRegistrationsThisInterval::<Test>::insert(1, inputs.pow_registrations);
            BurnRegistrationsThisInterval::<Test>::insert(1, inputs.burn_registrations);
            TargetRegistrationsPerInterval::<Test>::insert(1, inputs.target);
            AdjustmentAlpha::<Test>::insert(1, inputs.adjustment_alpha);
            MinBurn::<Test>::insert(1, inputs.min_burn);
            MaxBurn::<Test>::insert(1, inputs.max_burn);
            MinDifficulty::<Test>::insert(1, inputs.min_difficulty);
            MaxDifficulty::<Test>::insert(1, inputs.max_difficulty);
            // `None` outside an adjustment block: case '-', nothing stored.
            let outcome = SubtensorModule::adjust_registration_terms(1, inputs.current_block, &mut Default::default())
                .map_or((false, '-'), |o| (o.interval_reached, o.case));
            // What the pallet stored must be what it reports.
            let stored = (Burn::<Test>::get(1), Difficulty::<Test>::get(1));
            let reset = RegistrationsThisInterval::<Test>::get(1) == 0 &&
                LastAdjustmentBlock::<Test>::get(1) == inputs.current_block;
            (outcome, stored, reset)
        });
        let (out, stored, reset) = out;
        let mut diff = Diff::default();
        let (interval_reached, case) = out;
        diff.eq("interval_reached", bool_of(expected, "interval_reached")?, interval_reached);
        diff.eq(
            "case",
            expected.get("case").and_then(Value::as_str).unwrap_or("?").to_string(),
            case.to_string(),
        );
        diff.u64_field(expected, "burn", stored.0);
        diff.u64_field(expected, "difficulty", stored.1);
        diff.eq("counters reset with the interval", interval_reached, reset);
        report.record(&format!("case {i}"), diff.0);
    }
    Ok(())
}
