//! Block emission as a function of issuance: `10^9 · 2^-⌊log2(1 / (1 − I/21e15))⌋` rao, 0 from
//! 21M TAO on. Used for TAO (on `TotalIssuance`) and for each subnet's alpha (on
//! `SubnetAlphaIn + SubnetAlphaOut`). Reference: `get_block_emission_for_issuance`,
//! computed in I96F32 with substrate-fixed's `log2`.
use substrate_fixed::{transcendental::log2, types::I96F32};

/// 21 million TAO in rao.
pub const TOTAL_SUPPLY: u64 = 21_000_000_000_000_000;
/// 1 TAO per block before any halving.
pub const DEFAULT_BLOCK_EMISSION: u64 = 1_000_000_000;

/// Why the emission could not be computed (callers treat it as 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmissionError {
    /// A checked operation or the logarithm failed.
    LogarithmFailed,
}

/// The intermediates of [`block_emission_for_issuance`], for auditors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmissionTrace {
    /// `log2(1 / (1 − issuance / 21e15))`.
    pub log2_residual: I96F32,
    /// Its floor, as the number of halvings.
    pub floored_residual: u64,
    /// The block emission (rao).
    pub block_emission: u64,
}

/// The emission and its intermediates; `Ok(None)` when issuance is at or above the cap.
pub fn block_emission_trace(issuance: u64) -> Result<Option<EmissionTrace>, EmissionError> {
    if issuance >= TOTAL_SUPPLY {
        return Ok(None);
    }
    let one = I96F32::from_num(1u8);
    let half_supply = I96F32::from_num(10_500_000_000_000_000u64);
    let fraction = I96F32::from_num(issuance)
        .checked_div(I96F32::from_num(2u8).saturating_mul(half_supply))
        .ok_or(EmissionError::LogarithmFailed)?;
    let remaining = one.checked_sub(fraction).ok_or(EmissionError::LogarithmFailed)?;
    let inverse = one.checked_div(remaining).ok_or(EmissionError::LogarithmFailed)?;
    let log2_residual: I96F32 = log2(inverse).map_err(|_| EmissionError::LogarithmFailed)?;
    let floored_residual = log2_residual.floor().saturating_to_num::<u64>();
    let mut multiplier = one;
    for _ in 0..floored_residual.min(128) {
        multiplier = multiplier.saturating_mul(I96F32::from_num(2u8));
    }
    let percentage = crate::safe_div(one, multiplier);
    let block_emission = percentage
        .saturating_mul(I96F32::from_num(DEFAULT_BLOCK_EMISSION))
        .saturating_to_num::<u64>();
    Ok(Some(EmissionTrace { log2_residual, floored_residual, block_emission }))
}

/// Rao emitted per block at `issuance`.
pub fn block_emission_for_issuance(issuance: u64) -> Result<u64, EmissionError> {
    Ok(block_emission_trace(issuance)?.map_or(0, |t| t.block_emission))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tao_at_genesis() {
        assert_eq!(block_emission_for_issuance(0), Ok(1_000_000_000));
    }

    #[test]
    fn halves_at_half_supply() {
        assert_eq!(block_emission_for_issuance(10_500_000_000_000_000), Ok(500_000_000));
        assert_eq!(block_emission_for_issuance(10_499_999_999_999_999), Ok(1_000_000_000));
        assert_eq!(block_emission_for_issuance(15_750_000_000_000_000), Ok(250_000_000));
    }

    #[test]
    fn zero_at_and_above_the_cap() {
        assert_eq!(block_emission_for_issuance(TOTAL_SUPPLY), Ok(0));
        assert_eq!(block_emission_for_issuance(u64::MAX), Ok(0));
    }
}
