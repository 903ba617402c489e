//! The bond EMA, with liquid alpha (reference: `compute_ema_bonds_sparse`,
//! `compute_ema_bonds_normal_sparse`, `compute_ema_bonds_with_liquid_alpha_sparse`,
//! `calculate_logistic_params`, `compute_alpha_values`, `clamp_alpha_values` in
//! `epoch/run_epoch.rs`, `quantile`, `safe_ln`, `safe_exp` in `epoch/math.rs`,
//! `get_alpha_values_32` in `utils/misc.rs`, at `6b86ebf30`).
//!
//! * Normal path: `B = α·ΔB + (1 − α)·B_old` with
//!   `α = 1 − I32F32(I64F64(BondsMovingAverage) / 10^6)`.
//! * Liquid path, taken when `LiquidAlphaOn`, some consensus `c_j ≠ 0`, and
//!   `q75 > q25 || q75 ≠ 0 || q25 < 0` for the quartiles `q75`, `q25` of the consensus
//!   (that is, unless `q75 = 0`): a logistic curve through `(q25, alpha_low)` and
//!   `(q75, alpha_high)`:
//!   `a = (ln(1/α_high − 1) − ln(1/α_low − 1)) / (q25 − q75)`, `b = ln(1/α_low − 1) + a·q25`
//!   (`a = b = 0` when `q75 ≤ q25` or an alpha is 0), `α_j = 1 / (1 + e^(b − a·c_j))`
//!   clamped by `min(α_high)` then `max(α_low)`, and `B_ij = α_j·ΔB_ij + (1 − α_j)·B_old,ij`.
//!
//! `ln` and `exp` are substrate-fixed's `transcendental` functions in I32F32, 0 on error.
use super::sparse::{mat_ema_alpha_vec_sparse, mat_ema_sparse, SparseMatrix};
use super::{safe_div, u16_proportion, Vec, I32F32, I64F64};
use substrate_fixed::transcendental::{exp, ln};

/// Which EMA ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmaPath {
    /// One `α` for every column (from `BondsMovingAverage`).
    Normal,
    /// One `α` per column (liquid alpha).
    Liquid,
}

/// What the bond EMA computed, to check or display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmaTrace {
    /// The path taken.
    pub path: EmaPath,
    /// Consensus 0.75 quantile; `Some` when liquid alpha is on and some consensus is not 0.
    pub consensus_high: Option<I32F32>,
    /// Consensus 0.25 quantile; `Some` exactly when `consensus_high` is.
    pub consensus_low: Option<I32F32>,
    /// Logistic slope `a`; `Some` on the liquid path.
    pub logistic_a: Option<I32F32>,
    /// Logistic intercept `b`; `Some` on the liquid path.
    pub logistic_b: Option<I32F32>,
    /// The clamped per-column alphas (liquid), or the single scalar alpha (normal).
    pub alpha: Vec<I32F32>,
}

/// The hyperparameters of the bond EMA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmaParams {
    /// `BondsMovingAverage` (parts per million kept from the old bonds).
    pub bonds_moving_average: u64,
    /// `LiquidAlphaOn`.
    pub liquid_alpha_on: bool,
    /// `AlphaValues.0` (u16 proportion).
    pub alpha_low: u16,
    /// `AlphaValues.1` (u16 proportion).
    pub alpha_high: u16,
}

/// `ln(x)` in I32F32, 0 on error (`safe_ln`; e.g. for `x ≤ 0`).
pub fn safe_ln(x: I32F32) -> I32F32 {
    ln::<I32F32, I32F32>(x).unwrap_or_default()
}

/// `e^x` in I32F32, 0 on error (`safe_exp`; e.g. on overflow).
pub fn safe_exp(x: I32F32) -> I32F32 {
    exp::<I32F32, I32F32>(x).unwrap_or_default()
}

/// The `k/4` quantile of `data` (`k` = 1 or 3 for the epoch's 0.25 and 0.75), as the
/// reference's `quantile(data, k/4)`: sort, position `p = k/4 · (len − 1)`, and
/// `v[⌊p⌋] + (v[⌈p⌉] − v[⌊p⌋]) · (p − ⌊p⌋)` (saturating); 0 for empty data. The reference
/// computes `p` in f64, which is exact for quarters, so this uses integers instead.
pub fn quartile(data: &[I32F32], k: u8) -> I32F32 {
    let mut sorted = data.to_vec();
    sorted.sort_unstable();
    let Some(last) = sorted.len().checked_sub(1) else {
        return I32F32::from_bits(0);
    };
    let scaled = last.saturating_mul(usize::from(k));
    let low = scaled.checked_div(4).unwrap_or_default();
    let quarters = scaled.checked_rem(4).unwrap_or_default();
    let at = |idx: usize| sorted.get(idx).copied().unwrap_or_default();
    if quarters == 0 {
        return at(low);
    }
    let (low_value, high_value) = (at(low), at(low.saturating_add(1)));
    // p − ⌊p⌋ = quarters/4, exact in I32F32: quarters · 2^30 bits.
    let weight = I32F32::from_bits(
        i64::try_from(quarters)
            .unwrap_or_default()
            .saturating_mul(1_073_741_824),
    );
    low_value.saturating_add(high_value.saturating_sub(low_value).saturating_mul(weight))
}

/// `1/x − 1` (saturating, `1/x` by `safe_div`).
fn odds(x: I32F32) -> I32F32 {
    let one = I32F32::saturating_from_num(1);
    safe_div(one, x).saturating_sub(one)
}

/// The logistic parameters `(a, b)` (`calculate_logistic_params`).
pub fn logistic_params(
    alpha_high: I32F32,
    alpha_low: I32F32,
    consensus_high: I32F32,
    consensus_low: I32F32,
) -> (I32F32, I32F32) {
    let zero = I32F32::from_bits(0);
    if consensus_high <= consensus_low || alpha_low == zero || alpha_high == zero {
        return (zero, zero);
    }
    let a = safe_div(
        safe_ln(odds(alpha_high)).saturating_sub(safe_ln(odds(alpha_low))),
        consensus_low.saturating_sub(consensus_high),
    );
    let b = safe_ln(odds(alpha_low)).saturating_add(a.saturating_mul(consensus_low));
    (a, b)
}

/// `α_j = 1 / (1 + e^(b − a·c_j))`, clamped by `min(alpha_high)` then `max(alpha_low)`
/// (`compute_alpha_values`, `clamp_alpha_values`).
pub fn liquid_alphas(
    consensus: &[I32F32],
    a: I32F32,
    b: I32F32,
    alpha_high: I32F32,
    alpha_low: I32F32,
) -> Vec<I32F32> {
    let one = I32F32::saturating_from_num(1);
    consensus
        .iter()
        .map(|c| {
            let e = safe_exp(b.saturating_sub(a.saturating_mul(*c)));
            safe_div(one, one.saturating_add(e))
                .min(alpha_high)
                .max(alpha_low)
        })
        .collect()
}

/// The normal-path `α = 1 − BondsMovingAverage / 10^6` (the division in I64F64).
pub fn normal_alpha(bonds_moving_average: u64) -> I32F32 {
    let kept = safe_div(
        I64F64::saturating_from_num(bonds_moving_average),
        I64F64::saturating_from_num(1_000_000u32),
    );
    I32F32::saturating_from_num(1).saturating_sub(I32F32::saturating_from_num(kept))
}

/// The bond EMA of `delta` (ΔB, column-normalised) over `old` (masked, column-normalised
/// bonds), with the path chosen from `consensus` (`compute_ema_bonds_sparse`). The result is
/// not yet column-normalised.
pub fn ema_bonds(
    params: &EmaParams,
    consensus: &[I32F32],
    delta: &[Vec<(u16, I32F32)>],
    old: &[Vec<(u16, I32F32)>],
) -> (SparseMatrix, EmaTrace) {
    let zero = I32F32::from_bits(0);
    let mut trace = EmaTrace {
        path: EmaPath::Normal,
        consensus_high: None,
        consensus_low: None,
        logistic_a: None,
        logistic_b: None,
        alpha: Vec::new(),
    };
    if params.liquid_alpha_on && consensus.iter().any(|c| *c != zero) {
        let high = quartile(consensus, 3);
        let low = quartile(consensus, 1);
        trace.consensus_high = Some(high);
        trace.consensus_low = Some(low);
        if high > low || high != zero || low < zero {
            let alpha_low = u16_proportion(params.alpha_low);
            let alpha_high = u16_proportion(params.alpha_high);
            let (a, b) = logistic_params(alpha_high, alpha_low, high, low);
            let alphas = liquid_alphas(consensus, a, b, alpha_high, alpha_low);
            let bonds = mat_ema_alpha_vec_sparse(delta, old, &alphas);
            trace.path = EmaPath::Liquid;
            trace.logistic_a = Some(a);
            trace.logistic_b = Some(b);
            trace.alpha = alphas;
            return (bonds, trace);
        }
    }
    let alpha = normal_alpha(params.bonds_moving_average);
    trace.alpha.push(alpha);
    (mat_ema_sparse(delta, old, alpha), trace)
}
