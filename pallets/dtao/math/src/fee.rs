//! Staking fees. Staking in, moving within a subnet, or leaving root or a stable subnet costs
//! [`DEFAULT_STAKING_FEE`]. Leaving a dynamic subnet costs
//! `max(⌊τ·(divs/alpha_last_epoch)⌋, ⌊τ·0.00005⌋, 50_000)` where `τ` is the TAO the alpha would
//! fetch now, `divs` the hotkey's alpha dividends of the subnet's last epoch
//! (`AlphaDividendsPerSubnet`) and `alpha_last_epoch` its alpha then
//! (`TotalHotkeyAlphaLastEpoch`): at least one epoch's yield, against dividend sniping.
//! Reference: `calculate_staking_fee` in `staking/stake_utils.rs` (U96F32).
use crate::safe_div;
use substrate_fixed::types::U96F32;

/// The flat fee (rao).
pub const DEFAULT_STAKING_FEE: u64 = 50_000;
/// Minimum stake (rao): staking needs this plus the fee; unstaking must fetch more than it.
pub const DEFAULT_MIN_STAKE: u64 = 500_000;

/// `U96F32(0.00005)`: bits 214_748 (rounded to nearest, as `from_num(f64)` does).
fn min_fee_rate() -> U96F32 {
    U96F32::from_bits(214_748)
}

/// The fee for taking stake worth `tao_estimate` out of a dynamic subnet.
pub fn unstake_fee(tao_estimate: u64, alpha_dividends: u64, hotkey_alpha_last_epoch: u64) -> u64 {
    let tao = U96F32::from_num(tao_estimate);
    let yield_rate =
        safe_div(U96F32::from_num(alpha_dividends), U96F32::from_num(hotkey_alpha_last_epoch));
    let yield_fee = tao.saturating_mul(yield_rate).saturating_to_num::<u64>();
    let rate_fee = tao.saturating_mul(min_fee_rate()).saturating_to_num::<u64>();
    yield_fee.max(rate_fee).max(DEFAULT_STAKING_FEE)
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
        // 1 % yield last epoch on 100 TAO: 1 TAO.
        assert_eq!(unstake_fee(100_000_000_000, 1, 100), 1_000_000_000);
    }
}
