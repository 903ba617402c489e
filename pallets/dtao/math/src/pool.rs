//! Pool prices and the constant-product (Uniswap V2, no fee) swap.
//!
//! A subnet pool holds `SubnetTAO` (TAO reserve `T`) and `SubnetAlphaIn` (alpha reserve `A`);
//! `SubnetAlphaOut` counts the alpha outside it. Dynamic pools (`SubnetMechanism` = 1) swap on
//! `k = A·T` in U110F18 (`k` saturates near 2^110):
//! * TAO in: `A' = k / (T + x)` (`safe_div`), out `⌊A − A'⌋`;
//! * alpha in: `T' = k / (A + y)` (0 if the division fails), out `⌊T − T'⌋`;
//!
//! and a swap is refused (`None`) when the new reserve on the output side is below
//! [`MIN_POOL_LIQUIDITY`] (so always for an empty pool). Root and stable pools swap 1:1 and are
//! priced at 1. The price is `T / A` in U96F32, 0 when `A` is 0.
//!
//! [`PoolReserves`] applies a swap to the three reserves as `swap_tao_for_alpha` /
//! `swap_alpha_for_tao` do (saturating u64) and reports the `TotalStake` and `SubnetVolume`
//! changes for the caller to apply. The limit-price helpers live in [`crate::limit`] and are
//! re-exported here.
//!
//! Reference: `get_alpha_price`, `sim_swap_tao_for_alpha`, `sim_swap_alpha_for_tao`,
//! `swap_tao_for_alpha`, `swap_alpha_for_tao`, `stake_into_subnet`, `unstake_from_subnet` in
//! `staking/stake_utils.rs` at `6b86ebf30` (`DefaultMinimumPoolLiquidity` in `lib.rs`).
use crate::safe_div;
use substrate_fixed::types::{U110F18, U96F32};

pub use crate::limit::{max_amount_add, max_amount_move, max_amount_remove};

/// Smallest reserve a swap may leave on its output side (`DefaultMinimumPoolLiquidity`, rao).
pub const MIN_POOL_LIQUIDITY: u64 = 10_000_000;
/// Rao per TAO (and alpha-rao per alpha).
pub const RAO_PER_TAO: u64 = 1_000_000_000;

/// Spot price in TAO per alpha. `is_dynamic`: not root and mechanism 1. 1 for root and stable
/// pools, 0 for an empty alpha reserve, else `T / A` (0 if that overflows).
pub fn alpha_price(is_dynamic: bool, tao: u64, alpha_in: u64) -> U96F32 {
    if !is_dynamic {
        return U96F32::saturating_from_num(1u8);
    }
    if alpha_in == 0 {
        return U96F32::saturating_from_num(0u8);
    }
    U96F32::saturating_from_num(tao)
        .checked_div(U96F32::saturating_from_num(alpha_in))
        .unwrap_or_default()
}

/// `⌊R_out − k / (R_in + amount)⌋`, or `None` below the minimum liquidity.
fn constant_product_out(reserve_in: u64, reserve_out: u64, amount_in: u64) -> Option<u64> {
    let reserve_in = U110F18::saturating_from_num(reserve_in);
    let reserve_out = U110F18::saturating_from_num(reserve_out);
    let k = reserve_out.saturating_mul(reserve_in);
    let new_reserve_out = safe_div(
        k,
        reserve_in.saturating_add(U110F18::saturating_from_num(amount_in)),
    );
    if new_reserve_out >= U110F18::saturating_from_num(MIN_POOL_LIQUIDITY) {
        Some(
            reserve_out
                .saturating_sub(new_reserve_out)
                .saturating_to_num::<u64>(),
        )
    } else {
        None
    }
}

/// Alpha that `tao` buys, or `None` if the pool refuses. `is_dynamic`: mechanism 1 (the
/// reference tests only the mechanism here; root has mechanism 0).
pub fn sim_swap_tao_for_alpha(
    is_dynamic: bool,
    tao_reserve: u64,
    alpha_reserve: u64,
    tao: u64,
) -> Option<u64> {
    if is_dynamic {
        constant_product_out(tao_reserve, alpha_reserve, tao)
    } else {
        Some(tao)
    }
}

/// TAO that `alpha` buys, or `None` if the pool refuses. `is_dynamic` as in
/// [`sim_swap_tao_for_alpha`].
pub fn sim_swap_alpha_for_tao(
    is_dynamic: bool,
    tao_reserve: u64,
    alpha_reserve: u64,
    alpha: u64,
) -> Option<u64> {
    if is_dynamic {
        constant_product_out(alpha_reserve, tao_reserve, alpha)
    } else {
        Some(alpha)
    }
}

/// `(amount − fee, fee actually taken)`, saturating: the split of `stake_into_subnet` and
/// `unstake_from_subnet`.
pub fn split_fee(amount: u64, fee: u64) -> (u64, u64) {
    let net = amount.saturating_sub(fee);
    (net, amount.saturating_sub(net))
}

/// A change of `TotalStake`: first `decrease`, then `increase`, both saturating (the order in
/// which the reference applies them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StakeChange {
    /// Subtracted first.
    pub decrease: u64,
    /// Added second.
    pub increase: u64,
}

impl StakeChange {
    /// `total − decrease + increase`, saturating at each step.
    pub fn apply(self, total: u64) -> u64 {
        total
            .saturating_sub(self.decrease)
            .saturating_add(self.increase)
    }
}

/// A pool's reserves: `SubnetTAO`, `SubnetAlphaIn`, `SubnetAlphaOut`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolReserves {
    /// `SubnetTAO` (rao).
    pub tao: u64,
    /// `SubnetAlphaIn`: alpha in the pool.
    pub alpha_in: u64,
    /// `SubnetAlphaOut`: alpha outside the pool.
    pub alpha_out: u64,
}

/// The result of one swap on [`PoolReserves`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapOutcome {
    /// The simulation: `None` when the pool refused (then nothing changed).
    pub sim: Option<u64>,
    /// What the swap returns: the simulated amount, or 0 when refused.
    pub amount_out: u64,
    /// The reserves afterwards.
    pub reserves: PoolReserves,
    /// The change to `TotalStake`.
    pub total_stake: StakeChange,
    /// TAO to add to `SubnetVolume` (0 when refused).
    pub volume: u64,
}

/// The pool leg of a stake or unstake with its fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StakeOutcome {
    /// Staking: `amount − fee` (TAO swapped). Unstaking: the TAO the swap returned.
    pub swapped: u64,
    /// The fee actually taken (credited to the pool's TAO reserve).
    pub actual_fee: u64,
    /// Staking: alpha bought. Unstaking: TAO paid out (`swapped − actual_fee`).
    pub amount_out: u64,
    /// The reserves afterwards.
    pub reserves: PoolReserves,
    /// The change to `TotalStake` (swap and fee).
    pub total_stake: StakeChange,
    /// TAO to add to `SubnetVolume`.
    pub volume: u64,
}

impl PoolReserves {
    /// Spot price (see [`alpha_price`]).
    pub fn price(&self, is_dynamic: bool) -> U96F32 {
        alpha_price(is_dynamic, self.tao, self.alpha_in)
    }

    /// `SubnetAlphaIn + SubnetAlphaOut` (saturating): the issuance that drives the alpha
    /// emission.
    pub fn alpha_issuance(&self) -> u64 {
        self.alpha_in.saturating_add(self.alpha_out)
    }

    /// `swap_tao_for_alpha`: `A −= α`, `O += α`, `T += tao`, `TotalStake += tao`.
    pub fn apply_tao_for_alpha(self, is_dynamic: bool, tao: u64) -> SwapOutcome {
        let sim = sim_swap_tao_for_alpha(is_dynamic, self.tao, self.alpha_in, tao);
        let Some(alpha) = sim else {
            return self.refused();
        };
        SwapOutcome {
            sim,
            amount_out: alpha,
            reserves: PoolReserves {
                tao: self.tao.saturating_add(tao),
                alpha_in: self.alpha_in.saturating_sub(alpha),
                alpha_out: self.alpha_out.saturating_add(alpha),
            },
            total_stake: StakeChange {
                decrease: 0,
                increase: tao,
            },
            volume: tao,
        }
    }

    /// `swap_alpha_for_tao`: `A += alpha`, `O −= alpha`, `T −= τ`, `TotalStake −= τ`.
    pub fn apply_alpha_for_tao(self, is_dynamic: bool, alpha: u64) -> SwapOutcome {
        let sim = sim_swap_alpha_for_tao(is_dynamic, self.tao, self.alpha_in, alpha);
        let Some(tao) = sim else {
            return self.refused();
        };
        SwapOutcome {
            sim,
            amount_out: tao,
            reserves: PoolReserves {
                tao: self.tao.saturating_sub(tao),
                alpha_in: self.alpha_in.saturating_add(alpha),
                alpha_out: self.alpha_out.saturating_sub(alpha),
            },
            total_stake: StakeChange {
                decrease: tao,
                increase: 0,
            },
            volume: tao,
        }
    }

    /// The pool part of `stake_into_subnet(tao, fee)`: `tao − fee` buys alpha, then the fee is
    /// added to `SubnetTAO` and `TotalStake`, even when the swap is refused.
    pub fn apply_stake(self, is_dynamic: bool, tao: u64, fee: u64) -> StakeOutcome {
        let (tao_staked, actual_fee) = split_fee(tao, fee);
        let swap = self.apply_tao_for_alpha(is_dynamic, tao_staked);
        let mut reserves = swap.reserves;
        reserves.tao = reserves.tao.saturating_add(actual_fee);
        StakeOutcome {
            swapped: tao_staked,
            actual_fee,
            amount_out: swap.amount_out,
            reserves,
            total_stake: StakeChange {
                decrease: 0,
                increase: swap.total_stake.increase.saturating_add(actual_fee),
            },
            volume: swap.volume,
        }
    }

    /// The pool part of `unstake_from_subnet(alpha, fee)`: `alpha` is sold, the fee is taken
    /// from the TAO received and added back to `SubnetTAO` and `TotalStake`.
    pub fn apply_unstake(self, is_dynamic: bool, alpha: u64, fee: u64) -> StakeOutcome {
        let swap = self.apply_alpha_for_tao(is_dynamic, alpha);
        let (tao_unstaked, actual_fee) = split_fee(swap.amount_out, fee);
        let mut reserves = swap.reserves;
        reserves.tao = reserves.tao.saturating_add(actual_fee);
        StakeOutcome {
            swapped: swap.amount_out,
            actual_fee,
            amount_out: tao_unstaked,
            reserves,
            total_stake: StakeChange {
                decrease: swap.total_stake.decrease,
                increase: actual_fee,
            },
            volume: swap.volume,
        }
    }

    /// The pool part of a burned registration: `tao` buys alpha, which is destroyed
    /// (`SubnetAlphaOut −= α`). Returns the swap with the burn applied.
    pub fn apply_burned_registration(self, is_dynamic: bool, tao: u64) -> SwapOutcome {
        let mut swap = self.apply_tao_for_alpha(is_dynamic, tao);
        swap.reserves.alpha_out = swap.reserves.alpha_out.saturating_sub(swap.amount_out);
        swap
    }

    fn refused(self) -> SwapOutcome {
        SwapOutcome {
            sim: None,
            amount_out: 0,
            reserves: self,
            total_stake: StakeChange::default(),
            volume: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAO: u64 = 1_000_000_000;

    #[test]
    fn one_tao_into_a_thousand_tao_pool() {
        assert_eq!(
            sim_swap_tao_for_alpha(true, 1_000 * TAO, 1_000 * TAO, TAO),
            Some(999_000_999)
        );
        assert_eq!(
            sim_swap_alpha_for_tao(true, 1_000 * TAO, 1_000 * TAO, TAO),
            Some(999_000_999)
        );
    }

    #[test]
    fn refuses_to_drain_below_minimum_liquidity() {
        assert_eq!(sim_swap_tao_for_alpha(true, 1_000, 1_000, 1_000), None);
        assert_eq!(sim_swap_tao_for_alpha(true, 0, 0, 5), None);
        assert_eq!(
            sim_swap_alpha_for_tao(true, 2 * MIN_POOL_LIQUIDITY, TAO, u64::MAX),
            None
        );
        // Exactly at the minimum is allowed: 2e7 · 1e7 / (1e7 + 1e7) = 1e7 left.
        assert_eq!(
            sim_swap_tao_for_alpha(
                true,
                MIN_POOL_LIQUIDITY,
                2 * MIN_POOL_LIQUIDITY,
                MIN_POOL_LIQUIDITY
            ),
            Some(MIN_POOL_LIQUIDITY)
        );
    }

    #[test]
    fn k_can_dip_by_the_18_bit_truncation() {
        // k/(T + x) lies within 2^-18 above an integer n; U110F18 truncates it to n, so the
        // buyer gets ⌊A − n⌋, one rao more than exact rounding in favour of the pool would
        // give, and T·A drops by 760_281 (less than (T + x)/2^18).
        let (t, a, x) = (67_011_337_983u64, 9_996_918_888_657u64, 574_905_842_962u64);
        let out = PoolReserves {
            tao: t,
            alpha_in: a,
            alpha_out: 0,
        }
        .apply_tao_for_alpha(true, x);
        assert_eq!(out.amount_out, 8_953_315_554_267);
        let k_before = u128::from(t) * u128::from(a);
        let k_after = u128::from(out.reserves.tao) * u128::from(out.reserves.alpha_in);
        assert_eq!(k_before - k_after, 760_281);
    }

    #[test]
    fn saturated_k_pays_out_for_nothing() {
        // Near u64::MAX reserves k = A·T saturates at U110F18::MAX, so k/(R_in + 0) < R_out:
        // a swap of 0 returns something (faithful to the reference).
        let out = sim_swap_alpha_for_tao(true, u64::MAX, u64::MAX, 0);
        assert!(matches!(out, Some(x) if x > 0));
    }

    #[test]
    fn stable_pools_swap_one_to_one() {
        assert_eq!(sim_swap_tao_for_alpha(false, 0, 0, 123), Some(123));
        assert_eq!(sim_swap_alpha_for_tao(false, 0, 0, 456), Some(456));
        assert_eq!(alpha_price(false, 5, 7), U96F32::from_num(1u8));
    }

    #[test]
    fn price_is_tao_over_alpha() {
        assert_eq!(alpha_price(true, 3 * TAO, 2 * TAO), U96F32::from_num(1.5));
        assert_eq!(alpha_price(true, 3 * TAO, 0), U96F32::from_num(0u8));
    }

    #[test]
    fn reserves_move_as_the_reference_swaps_them() {
        let pool = PoolReserves {
            tao: 1_000 * TAO,
            alpha_in: 1_000 * TAO,
            alpha_out: 5 * TAO,
        };
        let buy = pool.apply_tao_for_alpha(true, TAO);
        assert_eq!(buy.amount_out, 999_000_999);
        assert_eq!(
            buy.reserves,
            PoolReserves {
                tao: 1_001 * TAO,
                alpha_in: 1_000 * TAO - 999_000_999,
                alpha_out: 5 * TAO + 999_000_999
            }
        );
        assert_eq!(buy.total_stake.apply(10 * TAO), 11 * TAO);
        let refused = PoolReserves::default().apply_alpha_for_tao(true, TAO);
        assert_eq!(
            (refused.sim, refused.reserves, refused.volume),
            (None, PoolReserves::default(), 0)
        );
    }

    #[test]
    fn stake_fee_stays_in_the_pool_even_when_the_swap_is_refused() {
        let pool = PoolReserves {
            tao: 1_000,
            alpha_in: 1_000,
            alpha_out: 0,
        };
        let out = pool.apply_stake(true, 100_000, 50_000);
        assert_eq!(
            (out.swapped, out.actual_fee, out.amount_out),
            (50_000, 50_000, 0)
        );
        assert_eq!(out.reserves.tao, 51_000);
        assert_eq!(
            out.total_stake,
            StakeChange {
                decrease: 0,
                increase: 50_000
            }
        );
    }

    #[test]
    fn unstake_pays_out_less_the_fee() {
        let pool = PoolReserves {
            tao: 1_000 * TAO,
            alpha_in: 1_000 * TAO,
            alpha_out: 500 * TAO,
        };
        let out = pool.apply_unstake(true, TAO, 50_000);
        assert_eq!(
            (out.swapped, out.actual_fee, out.amount_out),
            (999_000_999, 50_000, 998_950_999)
        );
        assert_eq!(out.reserves.tao, 999_001_049_001);
        assert_eq!(
            out.total_stake.apply(5_000_000 * TAO),
            4_999_999_001_049_001
        );
    }
}
