//! Staking fees.
//!
//! Staking in, moving within one subnet, or leaving root or a stable subnet costs
//! [`DEFAULT_STAKING_FEE`]. Leaving a dynamic subnet costs
//! `max(⌊τ·(divs / alpha_last_epoch)⌋, ⌊τ·0.00005⌋, 50_000)` in U96F32, where `τ` is the TAO
//! the alpha would fetch now (`sim_swap_alpha_for_tao`, `None` read as 0), `divs` the hotkey's
//! alpha dividends of the subnet's last epoch (`AlphaDividendsPerSubnet`) and
//! `alpha_last_epoch` its alpha then (`TotalHotkeyAlphaLastEpoch`): at least one epoch's yield,
//! against dividend sniping. The yield is divided (`safe_div`) before it is multiplied, as in
//! the reference, so it is truncated to 32 fractional bits first.
//!
//! Reference: `calculate_staking_fee` in `staking/stake_utils.rs` at `6b86ebf30`
//! (`DefaultStakingFee`, `DefaultMinStake` in `lib.rs`).
use crate::safe_div;
use substrate_fixed::types::U96F32;

/// The flat fee (`DefaultStakingFee`, rao).
pub const DEFAULT_STAKING_FEE: u64 = 50_000;
/// Minimum stake (`DefaultMinStake`, rao): staking needs this plus the fee; unstaking must
/// fetch more than it.
pub const DEFAULT_MIN_STAKE: u64 = 500_000;

/// `U96F32::saturating_from_num(0.00005)`: bits 214_748 (`from_num(f64)` rounds to nearest).
fn min_fee_rate() -> U96F32 {
    U96F32::from_bits(214_748)
}

/// The fee for taking stake worth `tao_estimate` out of a dynamic subnet.
pub fn unstake_fee(tao_estimate: u64, alpha_dividends: u64, hotkey_alpha_last_epoch: u64) -> u64 {
    let tao = U96F32::saturating_from_num(tao_estimate);
    let yield_rate = safe_div(
        U96F32::saturating_from_num(alpha_dividends),
        U96F32::saturating_from_num(hotkey_alpha_last_epoch),
    );
    let yield_fee = tao.saturating_mul(yield_rate).saturating_to_num::<u64>();
    let rate_fee = tao
        .saturating_mul(min_fee_rate())
        .saturating_to_num::<u64>();
    yield_fee.max(rate_fee).max(DEFAULT_STAKING_FEE)
}

/// The origin of an unstake or a move, as `calculate_staking_fee` reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeOrigin {
    /// Origin subnet.
    pub netuid: u16,
    /// Not root and mechanism 1.
    pub is_dynamic: bool,
    /// `sim_swap_alpha_for_tao(netuid, ⌊alpha_estimate⌋)`, `None` as 0.
    pub tao_estimate: u64,
    /// `AlphaDividendsPerSubnet(netuid, hotkey)`.
    pub alpha_dividends: u64,
    /// `TotalHotkeyAlphaLastEpoch(hotkey, netuid)`.
    pub hotkey_alpha_last_epoch: u64,
}

/// `calculate_staking_fee`: `origin` is `None` when adding stake, `destination_netuid` is
/// `None` when unstaking.
pub fn calculate_staking_fee(origin: Option<FeeOrigin>, destination_netuid: Option<u16>) -> u64 {
    let Some(origin) = origin else {
        return DEFAULT_STAKING_FEE;
    };
    if destination_netuid == Some(origin.netuid) || !origin.is_dynamic {
        return DEFAULT_STAKING_FEE;
    }
    unstake_fee(
        origin.tao_estimate,
        origin.alpha_dividends,
        origin.hotkey_alpha_last_epoch,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_constant_matches_the_reference_rounding() {
        assert_eq!(min_fee_rate(), U96F32::from_num(0.00005));
    }

    #[test]
    fn small_amounts_pay_the_flat_fee() {
        assert_eq!(unstake_fee(1_000_000_000, 0, 0), 50_000);
    }

    #[test]
    fn large_amounts_pay_the_rate() {
        // 10_000 TAO · 0.00005 ≈ 0.5 TAO.
        assert_eq!(unstake_fee(10_000_000_000_000, 0, 0), 499_999_150);
    }

    #[test]
    fn dividend_yield_dominates_when_higher() {
        // 1 % yield last epoch on 100 TAO: 1 TAO, less the truncation of 1/100 to 32
        // fractional bits (the reference divides before it multiplies).
        assert_eq!(unstake_fee(100_000_000_000, 1, 100), 999_999_977);
    }

    #[test]
    fn flat_fee_cases() {
        let origin = FeeOrigin {
            netuid: 3,
            is_dynamic: true,
            tao_estimate: 10_000_000_000_000,
            alpha_dividends: 0,
            hotkey_alpha_last_epoch: 0,
        };
        assert_eq!(calculate_staking_fee(None, Some(3)), DEFAULT_STAKING_FEE);
        assert_eq!(
            calculate_staking_fee(Some(origin), Some(3)),
            DEFAULT_STAKING_FEE
        );
        let stable = FeeOrigin {
            is_dynamic: false,
            ..origin
        };
        assert_eq!(
            calculate_staking_fee(Some(stable), None),
            DEFAULT_STAKING_FEE
        );
        assert_eq!(calculate_staking_fee(Some(origin), None), 499_999_150);
        assert_eq!(calculate_staking_fee(Some(origin), Some(4)), 499_999_150);
    }
}
