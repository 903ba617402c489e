//! Limit-price helpers: the most a limit order may trade.
//!
//! Limit prices are rao per alpha (`10^9` = 1.0 TAO per alpha) and bound the **average**
//! execution price of the constant-product swap, not the price after it:
//! * add: `(T + x) / A ≤ L` gives `x = ⌊L·A / 10^9⌋ − T` (u128);
//! * remove: `T / (A + y) ≥ L` gives `y = ⌊T·10^9 / L⌋ − A` (u128);
//! * move between two dynamic pools (`L` = rao-scaled `P_o / P_d`, U64F64):
//!   `⌊A_d·(T_o/ΣT) / (L/10^9) − A_o·(T_d/ΣT)⌋`.
//!
//! Results above `u64::MAX` are capped. Root and stable pools never slip: the limit then
//! allows everything or nothing. Quirk kept: the add guard compares the limit with the spot
//! price truncated to an integer before scaling.
//!
//! Reference: `get_max_amount_add` (`staking/add_stake.rs`), `get_max_amount_remove`
//! (`staking/remove_stake.rs`), `get_max_amount_move` (`staking/move_stake.rs`) at `6b86ebf30`
//! (storage: `SubnetTAO`, `SubnetAlphaIn`, `SubnetMechanism`).
use crate::{pool::alpha_price, safe_div};
use substrate_fixed::types::U64F64;

const RAO: u64 = crate::pool::RAO_PER_TAO;

fn cap_u64(x: u128) -> u64 {
    u64::try_from(x).unwrap_or(u64::MAX)
}

/// Most TAO that can be staked with the average price `(T + x)/A` at or below `limit_price`.
/// `is_dynamic`: not root and mechanism 1.
pub fn max_amount_add(is_dynamic: bool, tao: u64, alpha_in: u64, limit_price: u64) -> u64 {
    if !is_dynamic {
        return if limit_price >= RAO { u64::MAX } else { 0 };
    }
    if alpha_in == 0 || tao == 0 {
        return 0;
    }
    let price_floor = alpha_price(true, tao, alpha_in).saturating_to_num::<u128>();
    if u128::from(limit_price) < price_floor.saturating_mul(u128::from(RAO)) || limit_price == 0 {
        return 0;
    }
    let bound = u128::from(limit_price)
        .saturating_mul(u128::from(alpha_in))
        .checked_div(u128::from(RAO))
        .unwrap_or(0);
    cap_u64(bound.saturating_sub(u128::from(tao)))
}

/// Most alpha that can be unstaked with the average price `T/(A + y)` at or above
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
    let scaled_tao = u128::from(tao).saturating_mul(u128::from(RAO));
    let spot = scaled_tao.checked_div(u128::from(alpha_in)).unwrap_or(0);
    if u128::from(limit_price) >= spot {
        return 0;
    }
    let bound = scaled_tao.checked_div(u128::from(limit_price)).unwrap_or(0);
    cap_u64(bound.saturating_sub(u128::from(alpha_in)))
}

/// Most alpha that can be moved from pool `o` to pool `d` keeping the price ratio
/// `P_o / P_d` (rao-scaled) at or above `limit_price`.
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
    let rao = U64F64::saturating_from_num(RAO);
    match (origin_dynamic, destination_dynamic) {
        (false, false) => {
            if limit_price > RAO {
                0
            } else {
                u64::MAX
            }
        }
        (false, true) => {
            if limit_price == 0 {
                return u64::MAX;
            }
            // The limit is P_o / P_d with P_o = 1, so the destination limit is its inverse.
            let destination_limit = safe_div(rao, U64F64::saturating_from_num(limit_price))
                .saturating_mul(rao)
                .saturating_to_num::<u64>();
            max_amount_add(true, destination_tao, destination_alpha, destination_limit)
        }
        (true, false) => max_amount_remove(true, origin_tao, origin_alpha, limit_price),
        (true, true) => max_amount_move_dynamic(
            origin_tao,
            origin_alpha,
            destination_tao,
            destination_alpha,
            limit_price,
        ),
    }
}

fn max_amount_move_dynamic(
    origin_tao: u64,
    origin_alpha: u64,
    destination_tao: u64,
    destination_alpha: u64,
    limit_price: u64,
) -> u64 {
    if origin_tao == 0 || destination_tao == 0 || origin_alpha == 0 || destination_alpha == 0 {
        return 0;
    }
    let limit = U64F64::saturating_from_num(limit_price)
        .checked_div(U64F64::saturating_from_num(RAO))
        .unwrap_or_default();
    let current = safe_div(
        alpha_price(true, origin_tao, origin_alpha),
        alpha_price(true, destination_tao, destination_alpha),
    );
    // U64F64 against U96F32: an exact comparison of the values, as in the reference.
    if limit > current {
        return 0;
    }
    if limit_price == 0 {
        return u64::MAX;
    }
    let t_o = U64F64::saturating_from_num(origin_tao);
    let t_d = U64F64::saturating_from_num(destination_tao);
    let t_sum = t_d.saturating_add(t_o);
    let share_o = safe_div(t_o, t_sum);
    let share_d = safe_div(t_d, t_sum);
    safe_div(
        U64F64::saturating_from_num(destination_alpha).saturating_mul(share_o),
        limit,
    )
    .saturating_sub(U64F64::saturating_from_num(origin_alpha).saturating_mul(share_d))
    .saturating_to_num::<u64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAO: u64 = 1_000_000_000;

    #[test]
    fn add_limit_bounds_the_average_price() {
        // Pool 150/100: price 1.5. A limit of 2.0 allows x with (150 + x)/100 <= 2: x = 50.
        assert_eq!(
            max_amount_add(true, 150 * TAO, 100 * TAO, 2 * TAO),
            50 * TAO
        );
        assert_eq!(max_amount_add(true, 150 * TAO, 100 * TAO, TAO), 0);
        assert_eq!(max_amount_add(true, 150 * TAO, 100 * TAO, 0), 0);
        assert_eq!(max_amount_add(false, 1, 1, TAO), u64::MAX);
        assert_eq!(max_amount_add(false, 1, 1, TAO - 1), 0);
    }

    #[test]
    fn add_guard_uses_the_integer_part_of_the_price() {
        // Spot exactly 18_446_744_073: ⌊P⌋·10^9 ≤ u64::MAX, the guard passes, the formula
        // gives ⌊u64::MAX·10/10^9⌋ − T = 7.
        assert_eq!(max_amount_add(true, 184_467_440_730, 10, u64::MAX), 7);
        // One more TAO per alpha and no u64 limit can reach the price.
        assert_eq!(max_amount_add(true, 184_467_440_740, 10, u64::MAX), 0);
        // Price 0.5 (floors to 0): the guard passes and the formula itself gives 0.
        assert_eq!(max_amount_add(true, 50 * TAO, 100 * TAO, TAO / 4), 0);
    }

    #[test]
    fn remove_limit_bounds_the_average_price() {
        // Pool 100/100: T/(A + y) >= 0.5 gives y = 100.
        assert_eq!(
            max_amount_remove(true, 100 * TAO, 100 * TAO, TAO / 2),
            100 * TAO
        );
        assert_eq!(max_amount_remove(true, 100 * TAO, 100 * TAO, TAO), 0);
        assert_eq!(max_amount_remove(true, 100 * TAO, 100 * TAO, 0), u64::MAX);
        assert_eq!(max_amount_remove(false, 1, 1, TAO), u64::MAX);
        assert_eq!(max_amount_remove(false, 1, 1, TAO + 1), 0);
    }

    #[test]
    fn move_between_stable_pools_never_slips() {
        assert_eq!(max_amount_move(false, 1, 1, false, 1, 1, TAO), u64::MAX);
        assert_eq!(max_amount_move(false, 1, 1, false, 1, 1, TAO + 1), 0);
    }

    #[test]
    fn move_from_stable_is_an_add_at_the_inverse_limit() {
        // Limit 0.5 → destination limit 2.0 on a 150/100 pool: 50 TAO.
        assert_eq!(
            max_amount_move(false, 0, 0, true, 150 * TAO, 100 * TAO, TAO / 2),
            50 * TAO
        );
        assert_eq!(
            max_amount_move(false, 0, 0, true, 150 * TAO, 100 * TAO, 0),
            u64::MAX
        );
    }

    #[test]
    fn move_between_dynamic_pools() {
        // Equal pools 100/100: ratio 1. Limit 0.5: 100·½/0.5 − 100·½ = 50.
        let m = max_amount_move(
            true,
            100 * TAO,
            100 * TAO,
            true,
            100 * TAO,
            100 * TAO,
            TAO / 2,
        );
        assert_eq!(m, 50 * TAO);
        assert_eq!(
            max_amount_move(
                true,
                100 * TAO,
                100 * TAO,
                true,
                100 * TAO,
                100 * TAO,
                TAO + 1
            ),
            0
        );
        assert_eq!(
            max_amount_move(true, 100 * TAO, 100 * TAO, true, 100 * TAO, 100 * TAO, 0),
            u64::MAX
        );
        assert_eq!(
            max_amount_move(true, 0, 100 * TAO, true, 100 * TAO, 100 * TAO, 1),
            0
        );
    }

    #[test]
    fn move_limit_is_compared_exactly_across_fixed_types() {
        // The limit 7.14582629 (U64F64) exceeds the U96F32 ratio P_o/P_d by less than 2^-32
        // but lies below the exact ratio of the reserves. Compared exactly (as the reference
        // does) it refuses; a limit truncated to 32 fractional bits would pass the guard and
        // allow 2_755.
        let m = max_amount_move(
            true,
            8_157_320_755_134_485,
            2_144_083_877_955_713,
            true,
            4_433_106_280_037_139,
            8_326_353_200_124_614,
            7_145_826_290,
        );
        assert_eq!(m, 0);
        let just_below = max_amount_move(
            true,
            8_157_320_755_134_485,
            2_144_083_877_955_713,
            true,
            4_433_106_280_037_139,
            8_326_353_200_124_614,
            7_145_826_289,
        );
        assert!(just_below > 0);
    }

    #[test]
    fn move_with_a_tiny_limit_overflows_to_zero() {
        // Reference quirk: A_d·share_o / 1e-9 overflows U64F64 and `safe_div` gives 0, so a
        // limit of 1 rao allows nothing although a limit of 0 allows everything.
        assert_eq!(
            max_amount_move(true, 100 * TAO, 100 * TAO, true, 100 * TAO, 100 * TAO, 1),
            0
        );
    }
}
