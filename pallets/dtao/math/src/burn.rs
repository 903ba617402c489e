//! Registration burn and PoW difficulty adjustment, once per `AdjustmentInterval`.
//!
//! When `block − LastAdjustmentBlock ≥ AdjustmentInterval`, with `r` registrations this
//! interval (`r_pow` PoW, `r_burn` burned) against the target `t`, the value `cur` (burn or
//! difficulty) becomes
//! `next = a·cur + (1 − a)·cur·(r + t)/(2t)` in U110F18 (`a = AdjustmentAlpha/u64::MAX`,
//! `safe_div`, u16 saturating sums), clamped to `[min, max]` (`max` wins when `next ≥ max`).
//! Which of the two moves depends on `r > t` and on `r_pow` against `r_burn` (cases A–F on
//! [`BurnOutcome::case`]). The caller then resets the interval counters and sets
//! `LastAdjustmentBlock`.
//!
//! Reference: `adjust_registration_terms_for_networks`, `upgraded_burn`,
//! `upgraded_difficulty` in `coinbase/block_step.rs` at `6b86ebf30` (storage: `Burn`,
//! `Difficulty`, `LastAdjustmentBlock`, `AdjustmentInterval`, `RegistrationsThisInterval`,
//! `POWRegistrationsThisInterval`, `BurnRegistrationsThisInterval`,
//! `TargetRegistrationsPerInterval`, `AdjustmentAlpha`, `MinBurn`, `MaxBurn`,
//! `MinDifficulty`, `MaxDifficulty`).
use crate::safe_div;
use substrate_fixed::types::U110F18;

/// Per-network registration counters and parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BurnInputs {
    /// Current block.
    pub current_block: u64,
    /// `LastAdjustmentBlock`.
    pub last_adjustment_block: u64,
    /// `AdjustmentInterval`.
    pub adjustment_interval: u16,
    /// `Burn`.
    pub burn: u64,
    /// `Difficulty`.
    pub difficulty: u64,
    /// `RegistrationsThisInterval`.
    pub registrations: u16,
    /// `POWRegistrationsThisInterval`.
    pub pow_registrations: u16,
    /// `BurnRegistrationsThisInterval`.
    pub burn_registrations: u16,
    /// `TargetRegistrationsPerInterval`.
    pub target: u16,
    /// `AdjustmentAlpha` (raw u64).
    pub adjustment_alpha: u64,
    /// `MinBurn`.
    pub min_burn: u64,
    /// `MaxBurn`.
    pub max_burn: u64,
    /// `MinDifficulty`.
    pub min_difficulty: u64,
    /// `MaxDifficulty`.
    pub max_difficulty: u64,
}

/// The outcome of one adjustment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BurnOutcome {
    /// Whether the interval was reached (then the counters reset).
    pub interval_reached: bool,
    /// The branch: A (over target, PoW > burn: difficulty), B (over target, PoW < burn: burn),
    /// F (over target, equal: both), C (at or under target, PoW > burn: burn), D (at or under
    /// target, PoW < burn: difficulty), E (at or under, equal: both), '-' (no adjustment).
    pub case: char,
    /// New burn.
    pub burn: u64,
    /// New difficulty.
    pub difficulty: u64,
}

/// `a·cur + (1 − a)·cur·(regs + target)/(2·target)`, clamped to `[min, max]`.
pub fn upgraded_value(
    current: u64,
    registrations: u16,
    target: u16,
    alpha: u64,
    min: u64,
    max: u64,
) -> u64 {
    let updated = safe_div(
        U110F18::saturating_from_num(current).saturating_mul(U110F18::saturating_from_num(
            registrations.saturating_add(target),
        )),
        U110F18::saturating_from_num(target.saturating_add(target)),
    );
    let alpha = safe_div(
        U110F18::saturating_from_num(alpha),
        U110F18::saturating_from_num(u64::MAX),
    );
    let next = alpha
        .saturating_mul(U110F18::saturating_from_num(current))
        .saturating_add(
            U110F18::saturating_from_num(1u8)
                .saturating_sub(alpha)
                .saturating_mul(updated),
        );
    if next >= U110F18::saturating_from_num(max) {
        max
    } else if next <= U110F18::saturating_from_num(min) {
        min
    } else {
        next.saturating_to_num::<u64>()
    }
}

/// Whether `current_block` is an adjustment block: `AdjustmentInterval` blocks or more since
/// the last adjustment (saturating). The reference reads the other inputs only then.
pub fn interval_reached(current_block: u64, last_adjustment_block: u64, adjustment_interval: u16) -> bool {
    current_block.saturating_sub(last_adjustment_block) >= u64::from(adjustment_interval)
}

/// One network's adjustment.
pub fn adjust(i: &BurnInputs) -> BurnOutcome {
    if !interval_reached(i.current_block, i.last_adjustment_block, i.adjustment_interval) {
        return BurnOutcome {
            interval_reached: false,
            case: '-',
            burn: i.burn,
            difficulty: i.difficulty,
        };
    }
    let burn = || {
        upgraded_value(
            i.burn,
            i.registrations,
            i.target,
            i.adjustment_alpha,
            i.min_burn,
            i.max_burn,
        )
    };
    let difficulty = || {
        upgraded_value(
            i.difficulty,
            i.registrations,
            i.target,
            i.adjustment_alpha,
            i.min_difficulty,
            i.max_difficulty,
        )
    };
    let over = i.registrations > i.target;
    let (case, new_burn, new_difficulty) =
        match (over, i.pow_registrations.cmp(&i.burn_registrations)) {
            (true, core::cmp::Ordering::Greater) => ('A', i.burn, difficulty()),
            (true, core::cmp::Ordering::Less) => ('B', burn(), i.difficulty),
            (true, core::cmp::Ordering::Equal) => ('F', burn(), difficulty()),
            (false, core::cmp::Ordering::Greater) => ('C', burn(), i.difficulty),
            (false, core::cmp::Ordering::Less) => ('D', i.burn, difficulty()),
            (false, core::cmp::Ordering::Equal) => ('E', burn(), difficulty()),
        };
    BurnOutcome {
        interval_reached: true,
        case,
        burn: new_burn,
        difficulty: new_difficulty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_subnet_defaults_move_the_burn_by_the_documented_factors() {
        // 0.97, which U110F18 holds to 18 fractional bits.
        let a = 17_893_341_751_498_265_066;
        let b = 1_000_000_000;
        assert_eq!(upgraded_value(b, 1, 1, a, 0, u64::MAX), b);
        assert!(upgraded_value(b, 0, 1, a, 0, u64::MAX).abs_diff(985_000_000) < 10_000);
        assert!(upgraded_value(b, 3, 1, a, 0, u64::MAX).abs_diff(1_030_000_000) < 10_000);
    }
}
