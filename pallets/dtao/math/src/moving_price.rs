//! The moving price (EMA) that sets each subnet's share of TAO emission.
//!
//! `b = block − (FirstEmissionBlockNumber − 1)` (blocks since `start_call`, unset reads as 0),
//! `α = SubnetMovingAlpha · b/(b + EMAPriceHalvingBlocks)`,
//! `moving' = α·min(price, 1) + (1 − α)·moving`, in U96F32, stored as I96F32.
//! Reference: `update_moving_price` in `staking/stake_utils.rs` at `6b86ebf30`.
use crate::safe_div;
use substrate_fixed::types::{I96F32, U96F32};

/// The EMA weight of this block.
pub fn ema_weight(
    moving_alpha: I96F32,
    block: u64,
    first_emission_block: Option<u64>,
    halving_blocks: u64,
) -> U96F32 {
    let start_call_block = first_emission_block.unwrap_or(0).saturating_sub(1);
    let since_start = U96F32::from_num(block.saturating_sub(start_call_block));
    let ramp = safe_div(since_start, since_start.saturating_add(U96F32::from_num(halving_blocks)));
    U96F32::saturating_from_num(moving_alpha).saturating_mul(ramp)
}

/// The next moving price. `moving` is the current one as the coinbase reads it (1 for stable
/// subnets, negative read as 0).
pub fn next_moving_price(
    price: U96F32,
    moving: U96F32,
    moving_alpha: I96F32,
    block: u64,
    first_emission_block: Option<u64>,
    halving_blocks: u64,
) -> I96F32 {
    let alpha = ema_weight(moving_alpha, block, first_emission_block, halving_blocks);
    let one = U96F32::from_num(1u8);
    let minus_alpha = one.saturating_sub(alpha);
    let price_part = alpha.saturating_mul(price.min(one));
    let moving_part = minus_alpha.saturating_mul(moving);
    I96F32::saturating_from_num(price_part.saturating_add(moving_part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_weight_before_start_call() {
        let a = ema_weight(I96F32::from_bits(12_885), 100, Some(101), 201_600);
        assert_eq!(a, U96F32::from_num(0u8));
    }

    #[test]
    fn weight_ramps_to_half_at_the_halving_time() {
        let a = ema_weight(I96F32::from_num(1u8), 201_600, Some(1), 201_600);
        assert_eq!(a, U96F32::from_num(0.5));
    }

    #[test]
    fn price_is_clipped_at_one() {
        let next = next_moving_price(
            U96F32::from_num(5u8),
            U96F32::from_num(0u8),
            I96F32::from_num(1u8),
            201_600,
            Some(1),
            201_600,
        );
        assert_eq!(next, I96F32::from_num(0.5));
    }
}
