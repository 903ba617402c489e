//! Block emission as a function of issuance.
//!
//! `E(I) = ⌊10^9 · 2^-⌊log2(1 / (1 − I / 21e15))⌋⌋` rao per block, and 0 from 21M TAO on.
//! Everything is computed in I96F32 with substrate-fixed's `transcendental::log2`; the power of
//! two is built by repeated saturating doubling and inverted with `safe_div`, as the reference
//! does. The same curve gives the TAO emission (on `TotalIssuance`) and each subnet's alpha
//! emission (on `SubnetAlphaIn + SubnetAlphaOut`).
//!
//! Reference: `get_block_emission_for_issuance` in `coinbase/block_emission.rs` at `6b86ebf30`
//! (storage: `TotalIssuance`, `BlockEmission`; constants `TotalSupply`,
//! `DefaultBlockEmission`).
use crate::{safe_div, MathError};
use substrate_fixed::{transcendental::log2, types::I96F32};

/// 21 million TAO in rao (`TotalSupply`); also the alpha cap of every subnet.
pub const TOTAL_SUPPLY: u64 = 21_000_000_000_000_000;
/// 1 TAO per block before any halving (`DefaultBlockEmission`).
pub const DEFAULT_BLOCK_EMISSION: u64 = 1_000_000_000;

/// More doublings than this saturate the I96F32 multiplier anyway; the bound only keeps the
/// loop short for any input (the log of a valid issuance never exceeds 32).
const MAX_HALVINGS: u64 = 128;

/// The intermediates of [`block_emission_for_issuance`] (those `block_emission.json` records).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmissionTrace {
    /// `log2(1 / (1 − issuance / 21e15))` (I96F32).
    pub log2_residual: I96F32,
    /// `⌊log2_residual⌋` as u64: the number of halvings applied.
    pub floored_residual: u64,
    /// The block emission (rao).
    pub block_emission: u64,
}

/// The emission with its intermediates; `Ok(None)` when `issuance ≥ TOTAL_SUPPLY` (the
/// reference's early return of 0).
pub fn block_emission_trace(issuance: u64) -> Result<Option<EmissionTrace>, MathError> {
    let total_issuance = I96F32::saturating_from_num(issuance);
    if total_issuance >= I96F32::saturating_from_num(TOTAL_SUPPLY) {
        return Ok(None);
    }
    let one = I96F32::saturating_from_num(1u8);
    let two = I96F32::saturating_from_num(2u8);
    let supply = two.saturating_mul(I96F32::saturating_from_num(10_500_000_000_000_000u64));
    let fraction = total_issuance
        .checked_div(supply)
        .ok_or(MathError::LogarithmFailed)?;
    let remaining = one
        .checked_sub(fraction)
        .ok_or(MathError::LogarithmFailed)?;
    let inverse = one
        .checked_div(remaining)
        .ok_or(MathError::LogarithmFailed)?;
    let log2_residual: I96F32 = log2(inverse).map_err(|()| MathError::LogarithmFailed)?;
    let floored_residual = log2_residual.floor().saturating_to_num::<u64>();
    let mut multiplier = one;
    for _ in 0..floored_residual.min(MAX_HALVINGS) {
        multiplier = multiplier.saturating_mul(two);
    }
    let percentage = safe_div(one, multiplier);
    let block_emission = percentage
        .saturating_mul(I96F32::saturating_from_num(DEFAULT_BLOCK_EMISSION))
        .saturating_to_num::<u64>();
    Ok(Some(EmissionTrace {
        log2_residual,
        floored_residual,
        block_emission,
    }))
}

/// Rao emitted per block at `issuance` (0 at or above the cap).
pub fn block_emission_for_issuance(issuance: u64) -> Result<u64, MathError> {
    Ok(block_emission_trace(issuance)?.map_or(0, |t| t.block_emission))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tao_at_genesis() {
        assert_eq!(block_emission_for_issuance(0), Ok(1_000_000_000));
        let trace = block_emission_trace(0).ok().flatten();
        assert_eq!(
            trace.map(|t| (t.log2_residual, t.floored_residual)),
            Some((I96F32::from_num(0), 0))
        );
    }

    #[test]
    fn halves_at_half_supply() {
        assert_eq!(
            block_emission_for_issuance(10_500_000_000_000_000),
            Ok(500_000_000)
        );
        assert_eq!(
            block_emission_for_issuance(10_499_999_999_999_999),
            Ok(1_000_000_000)
        );
        assert_eq!(
            block_emission_for_issuance(15_750_000_000_000_000),
            Ok(250_000_000)
        );
        assert_eq!(
            block_emission_for_issuance(18_375_000_000_000_000),
            Ok(125_000_000)
        );
    }

    #[test]
    fn zero_at_and_above_the_cap() {
        assert_eq!(block_emission_for_issuance(TOTAL_SUPPLY), Ok(0));
        assert_eq!(block_emission_for_issuance(u64::MAX), Ok(0));
        assert_eq!(block_emission_trace(TOTAL_SUPPLY), Ok(None));
    }

    #[test]
    fn one_rao_below_the_cap_rounds_to_zero() {
        // 1 − x truncates to 2^-32 at worst: 32 halvings, 10^9 / 2^32 floors to 0.
        let e = block_emission_for_issuance(20_999_999_999_999_999);
        assert_eq!(e, Ok(0));
    }
}
