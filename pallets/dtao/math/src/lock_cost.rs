//! Subnet registration lock cost: doubles on each registration, then decays linearly.
//!
//! `I = ⌊interval · (E / 10^9)⌋` in I64F64 (the interval halves with the emission `E`; an
//! interval of 2^63 or more saturates), and
//! `cost = max(min, last·mult − ⌊last / I⌋·(block − last_block))` in saturating u64, with
//! `mult = 1` while `last_block` is 0 and 2 after, and `⌊last / I⌋ = 0` for `I = 0`.
//!
//! Reference: `get_network_lock_cost` and `get_lock_reduction_interval` in `coinbase/root.rs`
//! at `6b86ebf30` (storage: `NetworkLastLockCost`, `NetworkMinLockCost`,
//! `NetworkLastRegistered`, `NetworkLockReductionInterval`; the caller passes
//! `get_block_emission().unwrap_or(10^9)` as `E`).
use substrate_fixed::types::I64F64;

/// The effective reduction interval for the block emission `block_emission`.
pub fn lock_reduction_interval(interval: u64, block_emission: u64) -> u64 {
    let interval = I64F64::saturating_from_num(interval);
    let halving = I64F64::saturating_from_num(block_emission)
        .checked_div(I64F64::saturating_from_num(1_000_000_000u64))
        .unwrap_or_default();
    interval.saturating_mul(halving).saturating_to_num::<u64>()
}

/// The lock cost at `current_block`.
pub fn network_lock_cost(
    current_block: u64,
    last_lock: u64,
    min_lock: u64,
    last_registered: u64,
    reduction_interval: u64,
) -> u64 {
    let mult: u64 = if last_registered == 0 { 1 } else { 2 };
    let per_block = last_lock.checked_div(reduction_interval).unwrap_or(0);
    let decay = per_block.saturating_mul(current_block.saturating_sub(last_registered));
    let cost = last_lock.saturating_mul(mult).saturating_sub(decay);
    if cost < min_lock {
        min_lock
    } else {
        cost
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_then_decays_to_the_minimum() {
        let min = 1_000;
        assert_eq!(network_lock_cost(100, 1_000, min, 100, 100), 2_000);
        assert_eq!(network_lock_cost(150, 1_000, min, 100, 100), 1_500);
        assert_eq!(network_lock_cost(300, 1_000, min, 100, 100), 1_000);
        assert_eq!(network_lock_cost(5, 0, min, 0, 100), 1_000);
        assert_eq!(network_lock_cost(5, 4_000, min, 0, 0), 4_000);
    }

    #[test]
    fn interval_halves_with_emission() {
        assert_eq!(lock_reduction_interval(100_800, 1_000_000_000), 100_800);
        assert_eq!(lock_reduction_interval(100_800, 500_000_000), 50_400);
        assert_eq!(lock_reduction_interval(100_800, 0), 0);
    }

    #[test]
    fn huge_intervals_saturate_in_i64f64() {
        assert_eq!(
            lock_reduction_interval(u64::MAX, 1_000_000_000),
            u64::MAX >> 1
        );
    }
}
