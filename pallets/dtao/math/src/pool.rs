//! Pool prices and the constant-product (V2) swap, with the limit-price helpers.
//!
//! Dynamic pools swap on `k = SubnetTAO · SubnetAlphaIn` in U110F18 (`k` saturates near
//! 2^110): selling `x` TAO leaves `k / (T + x)` alpha in the pool, and the buyer gets the
//! difference, floored. A swap is refused (`None`) when the output reserve would fall below
//! [`MIN_POOL_LIQUIDITY`] (so always for an empty pool). Root and stable pools swap 1:1.
//! Reference: `get_alpha_price`, `sim_swap_tao_for_alpha`, `sim_swap_alpha_for_tao`,
//! `get_max_amount_add/remove/move` in `staking/` at `6b86ebf30`.
use crate::safe_div;
use substrate_fixed::types::{U110F18, U64F64, U96F32};

/// Smallest reserve a swap may leave on its output side (rao).
pub const MIN_POOL_LIQUIDITY: u64 = 10_000_000;
/// Rao per TAO: limit prices are in rao per alpha.
const RAO: u64 = 1_000_000_000;

/// Spot price (TAO per alpha): 1 for root and stable pools, 0 for an empty alpha reserve.
pub fn alpha_price(is_dynamic: bool, tao: u64, alpha_in: u64) -> U96F32 {
    if !is_dynamic {
        return U96F32::from_num(1u8);
    }
    if alpha_in == 0 {
        return U96F32::from_num(0u8);
    }
    U96F32::from_num(tao).checked_div(U96F32::from_num(alpha_in)).unwrap_or_default()
}

fn sim_constant_product(reserve_in: u64, reserve_out: u64, amount_in: u64) -> Option<u64> {
    let reserve_in = U110F18::from_num(reserve_in);
    let reserve_out = U110F18::from_num(reserve_out);
    let k = reserve_in.saturating_mul(reserve_out);
    let new_reserve_out = safe_div(k, reserve_in.saturating_add(U110F18::from_num(amount_in)));
    if new_reserve_out >= U110F18::from_num(MIN_POOL_LIQUIDITY) {
        Some(reserve_out.saturating_sub(new_reserve_out).saturating_to_num::<u64>())
    } else {
        None
    }
}

/// Alpha bought by `tao`, or `None` if the pool refuses. `is_constant_product`: mechanism 1.
pub fn sim_swap_tao_for_alpha(
    is_constant_product: bool,
    tao_reserve: u64,
    alpha_reserve: u64,
    tao: u64,
) -> Option<u64> {
    if is_constant_product {
        sim_constant_product(tao_reserve, alpha_reserve, tao)
    } else {
        Some(tao)
    }
}

/// TAO bought by `alpha`, or `None` if the pool refuses.
pub fn sim_swap_alpha_for_tao(
    is_constant_product: bool,
    tao_reserve: u64,
    alpha_reserve: u64,
    alpha: u64,
) -> Option<u64> {
    if is_constant_product {
        sim_constant_product(alpha_reserve, tao_reserve, alpha)
    } else {
        Some(alpha)
    }
}

/// Most TAO that can be staked so that the average price `(T + x)/A` stays at or below
/// `limit_price` (rao per alpha).
pub fn max_amount_add(is_dynamic: bool, tao: u64, alpha_in: u64, limit_price: u64) -> u64 {
    if !is_dynamic {
        return if limit_price >= RAO { u64::MAX } else { 0 };
    }
    if alpha_in == 0 || tao == 0 || limit_price == 0 {
        return 0;
    }
    let price_floor = alpha_price(true, tao, alpha_in).saturating_to_num::<u64>();
    if limit_price < price_floor.saturating_mul(RAO) {
        return 0;
    }
    let bound = u128::from(limit_price)
        .saturating_mul(u128::from(alpha_in))
        .checked_div(u128::from(RAO))
        .unwrap_or(0);
    let max = bound.saturating_sub(u128::from(tao));
    u64::try_from(max).unwrap_or(u64::MAX)
}

/// Most alpha that can be unstaked so that the average price `T/(A + y)` stays at or above
/// `limit_price`.
pub fn max_amount_remove(is_dynamic: bool, tao: u64, alpha_in: u64, limit_price: u64) -> u64 {
    if !is_dynamic {
        return if limit_price <= RAO { u64::MAX } else { 0 };
    }
    if alpha_in == 0 || tao == 0 {
        return 0;
    }
    if limit_price == 0 {
        return u64::MAX;
    }
    let spot = u128::from(tao)
        .saturating_mul(u128::from(RAO))
        .checked_div(u128::from(alpha_in))
        .unwrap_or(0);
    if u128::from(limit_price) >= spot {
        return 0;
    }
    let bound = u128::from(tao)
        .saturating_mul(u128::from(RAO))
        .checked_div(u128::from(limit_price))
        .unwrap_or(0);
    u64::try_from(bound.saturating_sub(u128::from(alpha_in))).unwrap_or(u64::MAX)
}

/// Most alpha that can be moved from pool `o` to pool `d` with the price ratio `P_o / P_d`
/// (rao-scaled) kept at or above `limit_price`.
#[allow(clippy::too_many_arguments)]
pub fn max_amount_move(
    origin_dynamic: bool,
    origin_tao: u64,
    origin_alpha: u64,
    destination_dynamic: bool,
    destination_tao: u64,
    destination_alpha: u64,
    limit_price: u64,
) -> u64 {
    match (origin_dynamic, destination_dynamic) {
        (false, false) => {
            if limit_price > RAO {
                0
            } else {
                u64::MAX
            }
        },
        (false, true) => {
            if limit_price == 0 {
                return u64::MAX;
            }
            let inverse = U64F64::from_num(RAO)
                .checked_div(U64F64::from_num(limit_price))
                .unwrap_or_default()
                .saturating_mul(U64F64::from_num(RAO))
                .saturating_to_num::<u64>();
            max_amount_add(true, destination_tao, destination_alpha, inverse)
        },
        (true, false) => max_amount_remove(true, origin_tao, origin_alpha, limit_price),
        (true, true) => {
            if origin_tao == 0 || origin_alpha == 0 || destination_tao == 0 || destination_alpha == 0
            {
                return 0;
            }
            let limit = U64F64::from_num(limit_price)
                .checked_div(U64F64::from_num(RAO))
                .unwrap_or_default();
            let ratio = alpha_price(true, origin_tao, origin_alpha)
                .checked_div(alpha_price(true, destination_tao, destination_alpha))
                .unwrap_or_default();
            if U96F32::from_num(limit) > ratio {
                return 0;
            }
            if limit_price == 0 {
                return u64::MAX;
            }
            let t_sum = U64F64::from_num(origin_tao).saturating_add(U64F64::from_num(destination_tao));
            let share_o = U64F64::from_num(origin_tao).checked_div(t_sum).unwrap_or_default();
            let share_d = U64F64::from_num(destination_tao).checked_div(t_sum).unwrap_or_default();
            let first = U64F64::from_num(destination_alpha)
                .saturating_mul(share_o)
                .checked_div(limit)
                .unwrap_or_else(U64F64::max_value);
            let second = U64F64::from_num(origin_alpha).saturating_mul(share_d);
            first.saturating_sub(second).saturating_to_num::<u64>()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAO: u64 = 1_000_000_000;

    #[test]
    fn one_tao_into_a_thousand_tao_pool() {
        assert_eq!(sim_swap_tao_for_alpha(true, 1_000 * TAO, 1_000 * TAO, TAO), Some(999_000_999));
    }

    #[test]
    fn refuses_to_drain_below_minimum_liquidity() {
        assert_eq!(sim_swap_tao_for_alpha(true, 1_000, 1_000, 1_000), None);
        assert_eq!(sim_swap_tao_for_alpha(true, 0, 0, 5), None);
        assert_eq!(sim_swap_alpha_for_tao(true, 2 * MIN_POOL_LIQUIDITY, TAO, u64::MAX), None);
    }

    #[test]
    fn stable_pools_swap_one_to_one() {
        assert_eq!(sim_swap_tao_for_alpha(false, 0, 0, 123), Some(123));
        assert_eq!(alpha_price(false, 5, 7), U96F32::from_num(1u8));
    }

    #[test]
    fn price_is_tao_over_alpha() {
        assert_eq!(alpha_price(true, 3 * TAO, 2 * TAO), U96F32::from_num(1.5));
        assert_eq!(alpha_price(true, 3 * TAO, 0), U96F32::from_num(0u8));
    }

    #[test]
    fn add_limit_bounds_the_average_price() {
        // Pool 150/100: price 1.5. A limit of 2.0 allows x with (150 + x)/100 <= 2: x = 50.
        assert_eq!(max_amount_add(true, 150 * TAO, 100 * TAO, 2 * TAO), 50 * TAO);
        assert_eq!(max_amount_add(true, 150 * TAO, 100 * TAO, TAO), 0);
        assert_eq!(max_amount_add(false, 1, 1, TAO), u64::MAX);
    }

    #[test]
    fn remove_limit_bounds_the_average_price() {
        // Pool 100/100: T/(A + y) >= 0.5 gives y = 100.
        assert_eq!(max_amount_remove(true, 100 * TAO, 100 * TAO, TAO / 2), 100 * TAO);
        assert_eq!(max_amount_remove(true, 100 * TAO, 100 * TAO, TAO), 0);
        assert_eq!(max_amount_remove(true, 100 * TAO, 100 * TAO, 0), u64::MAX);
    }
}
