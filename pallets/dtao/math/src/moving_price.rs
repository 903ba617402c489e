//! The moving price (EMA) that sets each subnet's share of the TAO emission.
//!
//! With `b = block − (FirstEmissionBlockNumber − 1)` (blocks since `start_call`, both
//! subtractions saturating, an unset first emission block read as 0) and
//! `H = EMAPriceHalvingBlocks`:
//! `α = SubnetMovingAlpha · b/(b + H)` (`safe_div`) and
//! `M' = α·min(P, 1) + (1 − α)·M`, all in U96F32, stored as I96F32 (`SubnetMovingPrice`).
//! `M` is the moving price as `get_moving_alpha_price` reads it: 1 for root and stable
//! subnets, else the stored I96F32 converted to U96F32 (a negative value reads as 0).
//!
//! Reference: `update_moving_price` and `get_moving_alpha_price` in `staking/stake_utils.rs`
//! at `6b86ebf30` (storage: `SubnetMovingPrice`, `SubnetMovingAlpha`,
//! `EMAPriceHalvingBlocks`, `FirstEmissionBlockNumber`).
use crate::safe_div;
use substrate_fixed::types::{I96F32, U96F32};

/// `SubnetMovingAlpha`'s default, `I96F32::saturating_from_num(0.000003)` (bits 12 885).
pub const DEFAULT_MOVING_ALPHA_BITS: i128 = 12_885;
/// `EMAPriceHalvingBlocks`'s runtime default (`InitialEmaPriceHalvingPeriod`, ≈ 4 weeks).
pub const DEFAULT_EMA_PRICE_HALVING_BLOCKS: u64 = 201_600;

/// `get_moving_alpha_price`: 1 for root and stable subnets, else the stored moving price
/// (negative reads as 0).
pub fn moving_alpha_price(is_dynamic: bool, stored: I96F32) -> U96F32 {
    if is_dynamic {
        U96F32::saturating_from_num(stored)
    } else {
        U96F32::saturating_from_num(1u8)
    }
}

/// The EMA weight `α` of this block.
pub fn ema_weight(
    moving_alpha: I96F32,
    block: u64,
    first_emission_block: Option<u64>,
    halving_blocks: u64,
) -> U96F32 {
    let start_call_block = first_emission_block.unwrap_or_default().saturating_sub(1);
    let since_start = U96F32::saturating_from_num(block.saturating_sub(start_call_block));
    let ramp = safe_div(
        since_start,
        since_start.saturating_add(U96F32::saturating_from_num(halving_blocks)),
    );
    U96F32::saturating_from_num(moving_alpha).saturating_mul(ramp)
}

/// The next `SubnetMovingPrice`. `price` is `get_alpha_price`, `moving` the current moving
/// price as [`moving_alpha_price`] reads it.
pub fn next_moving_price(
    price: U96F32,
    moving: U96F32,
    moving_alpha: I96F32,
    block: u64,
    first_emission_block: Option<u64>,
    halving_blocks: u64,
) -> I96F32 {
    let alpha = ema_weight(moving_alpha, block, first_emission_block, halving_blocks);
    let one = U96F32::saturating_from_num(1u8);
    let one_minus_alpha = one.saturating_sub(alpha);
    let price_part = alpha.saturating_mul(price.min(one));
    let moving_part = one_minus_alpha.saturating_mul(moving);
    I96F32::saturating_from_num(price_part.saturating_add(moving_part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_alpha_bits_match_the_float_literal() {
        assert_eq!(
            I96F32::saturating_from_num(0.000003).to_bits(),
            DEFAULT_MOVING_ALPHA_BITS
        );
    }

    #[test]
    fn no_weight_in_the_start_call_block() {
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

    #[test]
    fn equal_inputs_can_lose_one_ulp() {
        // α = ½ on 3 ulps: ⌊1.5⌋ + ⌊1.5⌋ = 2 ulps, below both inputs.
        let three = U96F32::from_bits(3);
        let half = I96F32::from_num(0.5);
        let next = next_moving_price(three, three, half, 10, Some(1), 0);
        assert_eq!(next.to_bits(), 2);
    }

    #[test]
    fn stable_and_negative_moving_prices() {
        assert_eq!(
            moving_alpha_price(false, I96F32::from_num(-3)),
            U96F32::from_num(1u8)
        );
        assert_eq!(
            moving_alpha_price(true, I96F32::from_num(-3)),
            U96F32::from_num(0u8)
        );
        assert_eq!(
            moving_alpha_price(true, I96F32::from_bits(7)),
            U96F32::from_bits(7)
        );
    }
}
