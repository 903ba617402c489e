//! Errors of the few formulas that can fail.
//!
//! Only the block emission can report an error, and it does so where the reference's
//! `get_block_emission_for_issuance` returns `Err("Logarithm calculation failed")`
//! (`coinbase/block_emission.rs` at `6b86ebf30`). None of those paths is reachable for a `u64`
//! issuance below 21M TAO, but the reference checks them, and so do we; callers fall back
//! exactly as the reference callers do (`unwrap_or(0)` in the coinbase, `unwrap_or(10^9)` in
//! the lock-reduction interval).

/// Why a formula could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
    /// A checked step of the emission logarithm (a division, the subtraction `1 − x`, or
    /// `log2` itself) failed.
    LogarithmFailed,
}

impl core::fmt::Display for MathError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::LogarithmFailed => f.write_str("Logarithm calculation failed"),
        }
    }
}
