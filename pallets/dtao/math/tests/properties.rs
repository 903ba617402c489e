//! Property tests of the pool, coinbase and EMA formulas.
use dtao_math::{
    coinbase::tao_in_share,
    emission::TOTAL_SUPPLY,
    moving_price::next_moving_price,
    pool::{PoolReserves, MIN_POOL_LIQUIDITY},
    I96F32, U96F32,
};
use proptest::prelude::*;

/// Reserves up to the 21M cap: `k` stays far from U110F18 saturation (about 2^110).
fn reserve() -> impl Strategy<Value = u64> {
    prop_oneof![0..=10 * MIN_POOL_LIQUIDITY, 0..=TOTAL_SUPPLY]
}

fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![0..=1_000_000u64, 0..=TOTAL_SUPPLY, 0..=(1u64 << 62)]
}

fn k(pool: &PoolReserves) -> u128 {
    u128::from(pool.tao).saturating_mul(u128::from(pool.alpha_in))
}

proptest! {
    /// Buying and selling back (either way round) never returns more than was put in.
    #[test]
    fn round_trip_never_gains(tao in reserve(), alpha in reserve(), x in amount()) {
        let pool = PoolReserves { tao, alpha_in: alpha, alpha_out: 0 };
        let buy = pool.apply_tao_for_alpha(true, x);
        let back = buy.reserves.apply_alpha_for_tao(true, buy.amount_out);
        let (bought, returned) = (buy.amount_out, back.amount_out);
        prop_assert!(returned <= x, "{} TAO -> {} alpha -> {} TAO", x, bought, returned);
        let sell = pool.apply_alpha_for_tao(true, x);
        let back = sell.reserves.apply_tao_for_alpha(true, sell.amount_out);
        let (bought, returned) = (sell.amount_out, back.amount_out);
        prop_assert!(returned <= x, "{} alpha -> {} TAO -> {} alpha", x, bought, returned);
    }

    /// `k = T·A` does not decrease across a swap, except by the truncation of the new
    /// reserve to 18 fractional bits: less than `(R_in + x) / 2^18` (see
    /// `pool::tests::k_can_dip_by_the_18_bit_truncation` for a case where it does).
    #[test]
    fn k_never_decreases_beyond_the_truncation(
        tao in reserve(),
        alpha in reserve(),
        x in amount(),
        tao_in in any::<bool>(),
    ) {
        let pool = PoolReserves { tao, alpha_in: alpha, alpha_out: 0 };
        let out = if tao_in {
            pool.apply_tao_for_alpha(true, x)
        } else {
            pool.apply_alpha_for_tao(true, x)
        };
        let reserve_in = if tao_in { out.reserves.tao } else { out.reserves.alpha_in };
        let slack = u128::from(reserve_in >> 18).saturating_add(1);
        prop_assert!(k(&out.reserves).saturating_add(slack) >= k(&pool));
        if out.sim.is_some() {
            let reserve_out = if tao_in { out.reserves.alpha_in } else { out.reserves.tao };
            prop_assert!(reserve_out >= MIN_POOL_LIQUIDITY);
        } else {
            prop_assert_eq!(out.reserves, pool);
        }
    }

    /// The subnets' TAO shares of one block never sum to more than the block emission.
    #[test]
    fn tao_shares_never_exceed_the_emission(
        emission in prop_oneof![0..=1_000_000_000u64, any::<u64>()],
        moving_bits in prop::collection::vec(
            prop_oneof![0..=(1u128 << 33), 0..=(1u128 << 80)],
            1..64,
        ),
    ) {
        let e = U96F32::saturating_from_num(emission);
        let moving: Vec<U96F32> = moving_bits.iter().map(|b| U96F32::from_bits(*b)).collect();
        let total = moving.iter().fold(U96F32::from_num(0u8), |acc, m| acc.saturating_add(*m));
        let sum = moving
            .iter()
            .map(|m| u128::from(tao_in_share(e, *m, total).saturating_to_num::<u64>()))
            .fold(0u128, u128::saturating_add);
        prop_assert!(sum <= u128::from(emission), "sum {} > emission {}", sum, emission);
    }

    /// The EMA lands between `min(price, 1)` and the old moving price (one ulp below the
    /// lower input at worst: each of the two products is truncated).
    #[test]
    fn ema_stays_between_its_inputs(
        price_bits in prop_oneof![0..=(1u128 << 33), 0..=(1u128 << 64)],
        moving_bits in prop_oneof![0..=(1u128 << 33), 0..=(1u128 << 64)],
        alpha_bits in prop_oneof![0..=100_000i128, 0..=(1i128 << 32)],
        block in 0..=10_000_000u64,
        first in prop::option::of(0..=10_000_000u64),
        halving in 0..=1_000_000u64,
        settled in any::<bool>(),
    ) {
        // Half the cases start from a settled EMA (moving = price), where truncation shows.
        let moving_bits = if settled { price_bits.min(1u128 << 32) } else { moving_bits };
        let price = U96F32::from_bits(price_bits);
        let moving = U96F32::from_bits(moving_bits);
        let alpha = I96F32::from_bits(alpha_bits);
        let next = next_moving_price(price, moving, alpha, block, first, halving);
        let clipped = price.min(U96F32::from_num(1u8)).to_bits();
        let (lo, hi) = (clipped.min(moving_bits), clipped.max(moving_bits));
        let next = u128::try_from(next.to_bits()).unwrap_or(0);
        prop_assert!(
            next <= hi && next.saturating_add(1) >= lo,
            "{} not in [{}-1, {}]",
            next,
            lo,
            hi
        );
    }
}
