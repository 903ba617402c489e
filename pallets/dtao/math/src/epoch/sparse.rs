//! The vector and sparse-matrix operations that the sparse epoch uses (reference:
//! `epoch/math.rs` at `6b86ebf30`), in I32F32 (I64F64 for the stake sum).
//!
//! A [`SparseMatrix`] holds one row per uid; a row is a list of `(column, value)` entries in
//! stored order. Entries whose value is 0 are kept: they are "present" for the operations that
//! look at presence (for example [`col_clip_sparse`] passes a 0 through). Functions that build
//! a dense row first (`interpolate`, the EMAs) emit only positive values, in column order.
//!
//! The reference indexes with `[]` and panics on out-of-range columns or mismatched lengths;
//! here such entries are skipped (an out-of-range entry is dropped, a missing vector value
//! reads as 0). [`super::epoch`] filters its inputs first, so these paths are unreachable from
//! it. Plain sums (the reference's `Iterator::sum`, which wraps in the release runtime) wrap;
//! everything else saturates or falls back to 0 exactly where the reference does.
use super::{fixed_sum, safe_div, Vec, I32F32, I64F64};

/// A sparse matrix: row `i` lists the `(column, value)` entries of uid `i`.
pub type SparseMatrix = Vec<Vec<(u16, I32F32)>>;

fn zero() -> I32F32 {
    I32F32::from_bits(0)
}

fn zeros(len: usize) -> Vec<I32F32> {
    let mut v = Vec::new();
    v.resize(len, zero());
    v
}

/// `x_i / Σx` in place; unchanged when the sum is 0 (`inplace_normalize`).
pub fn normalize(x: &mut [I32F32]) {
    let total = fixed_sum(x.iter().copied());
    normalize_with_sum(x, total);
}

/// `x_i / sum` in place; unchanged when `sum` is 0 (`inplace_normalize_using_sum`).
pub fn normalize_with_sum(x: &mut [I32F32], sum: I32F32) {
    if sum == zero() {
        return;
    }
    for value in x.iter_mut() {
        *value = safe_div(*value, sum);
    }
}

/// `x_i / Σx` in place for I64F64; unchanged when the sum is 0 (`inplace_normalize_64`).
pub fn normalize_64(x: &mut [I64F64]) {
    let total = x
        .iter()
        .fold(I64F64::from_bits(0), |acc, v| acc.wrapping_add(*v));
    if total == I64F64::from_bits(0) {
        return;
    }
    for value in x.iter_mut() {
        *value = safe_div(*value, total);
    }
}

/// Whether the (wrapping) sum of `x` is 0 (`is_zero`).
pub fn is_zero(x: &[I32F32]) -> bool {
    fixed_sum(x.iter().copied()) == zero()
}

/// `x_i / y_i`, 0 where `y_i` is 0 or the division overflows (`vecdiv`).
pub fn vecdiv(x: &[I32F32], y: &[I32F32]) -> Vec<I32F32> {
    x.iter()
        .zip(y)
        .map(|(xi, yi)| {
            if *yi != zero() {
                safe_div(*xi, *yi)
            } else {
                zero()
            }
        })
        .collect()
}

/// Sets `v_i` to 0 where `mask_i` is true (`inplace_mask_vector`).
pub fn mask_vector(mask: &[bool], v: &mut [I32F32]) {
    for (m, value) in mask.iter().zip(v.iter_mut()) {
        if *m {
            *value = zero();
        }
    }
}

/// `true` for the `k` largest entries (`is_topk`): all true when `len < k`; otherwise the
/// `len − k` first uids of a stable ascending sort lose, so among equal values the lower uid
/// loses first.
pub fn is_topk(v: &[I32F32], k: usize) -> Vec<bool> {
    let len = v.len();
    let mut result = Vec::new();
    result.resize(len, true);
    if len < k {
        return result;
    }
    let mut order: Vec<(I32F32, usize)> = v.iter().copied().zip(0..len).collect();
    // Stable sort on the value only, as `sort_by_key(|&i| &v[i])`.
    order.sort_by_key(|(value, _)| *value);
    for (_, idx) in order.iter().take(len.saturating_sub(k)) {
        if let Some(slot) = result.get_mut(*idx) {
            *slot = false;
        }
    }
    result
}

/// Divides every row by its sum when that sum is positive (`inplace_row_normalize_sparse`).
pub fn row_normalize_sparse(m: &mut [Vec<(u16, I32F32)>]) {
    for row in m.iter_mut() {
        let total = fixed_sum(row.iter().map(|(_, v)| *v));
        if total > zero() {
            for (_, value) in row.iter_mut() {
                *value = safe_div(*value, total);
            }
        }
    }
}

/// Row sums (`row_sum_sparse`).
pub fn row_sum_sparse(m: &[Vec<(u16, I32F32)>]) -> Vec<I32F32> {
    m.iter()
        .map(|row| fixed_sum(row.iter().map(|(_, v)| *v)))
        .collect()
}

/// Per-column saturating sum or maximum over `columns` columns.
fn column_fold(
    m: &[Vec<(u16, I32F32)>],
    columns: u16,
    f: impl Fn(I32F32, I32F32) -> I32F32,
) -> Vec<I32F32> {
    let mut acc = zeros(usize::from(columns));
    for row in m {
        for (j, value) in row {
            if let Some(slot) = acc.get_mut(usize::from(*j)) {
                *slot = f(*slot, *value);
            }
        }
    }
    acc
}

/// Divides every entry by its column's value in `by`, skipping columns where it is 0.
fn divide_columns(m: &mut [Vec<(u16, I32F32)>], by: &[I32F32]) {
    for row in m.iter_mut() {
        for (j, value) in row.iter_mut() {
            match by.get(usize::from(*j)) {
                Some(d) if *d != zero() => *value = safe_div(*value, *d),
                _ => {}
            }
        }
    }
}

/// Divides every column by its (saturating) sum, skipping zero sums
/// (`inplace_col_normalize_sparse`).
pub fn col_normalize_sparse(m: &mut [Vec<(u16, I32F32)>], columns: u16) {
    let sums = column_fold(m, columns, |acc, v| acc.saturating_add(v));
    divide_columns(m, &sums);
}

/// Divides every column by its maximum (starting from 0), skipping zero maxima
/// (`inplace_col_max_upscale_sparse`).
pub fn col_max_upscale_sparse(m: &mut [Vec<(u16, I32F32)>], columns: u16) {
    let maxima = column_fold(m, columns, |acc, v| if acc < v { v } else { acc });
    divide_columns(m, &maxima);
}

/// Empties the rows where `mask_i` is true (`mask_rows_sparse`).
pub fn mask_rows_sparse(mask: &[bool], m: &[Vec<(u16, I32F32)>]) -> SparseMatrix {
    mask.iter()
        .zip(m)
        .map(|(masked, row)| if *masked { Vec::new() } else { row.clone() })
        .collect()
}

/// Drops the diagonal entries, except the one at `(keep, keep)` when `keep` is given
/// (`mask_diag_sparse`, `mask_diag_sparse_except_index`).
pub fn mask_diag_sparse(m: &[Vec<(u16, I32F32)>], keep: Option<u16>) -> SparseMatrix {
    m.iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .filter(|(j, _)| i != usize::from(*j) || keep == Some(*j))
                .copied()
                .collect()
        })
        .collect()
}

/// Drops entry `(i, j)` where `masked(row_values_i, col_values_j)` (`vec_mask_sparse_matrix`).
pub fn mask_by_row_and_col(
    m: &[Vec<(u16, I32F32)>],
    row_values: &[u64],
    col_values: &[u64],
    masked: impl Fn(u64, u64) -> bool,
) -> SparseMatrix {
    m.iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .filter(
                    |(j, _)| match (row_values.get(i), col_values.get(usize::from(*j))) {
                        (Some(a), Some(b)) => !masked(*a, *b),
                        _ => false,
                    },
                )
                .copied()
                .collect()
        })
        .collect()
}

/// Drops entry `(i, j)` where `masked(scalar, col_values_j)` (`scalar_vec_mask_sparse_matrix`).
pub fn mask_by_col(
    m: &[Vec<(u16, I32F32)>],
    scalar: u64,
    col_values: &[u64],
    masked: impl Fn(u64, u64) -> bool,
) -> SparseMatrix {
    m.iter()
        .map(|row| {
            row.iter()
                .filter(|(j, _)| match col_values.get(usize::from(*j)) {
                    Some(b) => !masked(scalar, *b),
                    None => false,
                })
                .copied()
                .collect()
        })
        .collect()
}

/// `r_j = Σ_i v_i · m_ij` over `columns` columns (`matmul_sparse`).
pub fn matmul_sparse(m: &[Vec<(u16, I32F32)>], v: &[I32F32], columns: u16) -> Vec<I32F32> {
    let mut result = zeros(usize::from(columns));
    for (row, vi) in m.iter().zip(v) {
        for (j, value) in row {
            if let Some(slot) = result.get_mut(usize::from(*j)) {
                *slot = slot.saturating_add(vi.saturating_mul(*value));
            }
        }
    }
    result
}

/// `r_i = Σ_j v_j · m_ij` (`matmul_transpose_sparse`).
pub fn matmul_transpose_sparse(m: &[Vec<(u16, I32F32)>], v: &[I32F32]) -> Vec<I32F32> {
    m.iter()
        .map(|row| {
            row.iter().fold(zero(), |acc, (j, value)| {
                let vj = v.get(usize::from(*j)).copied().unwrap_or_else(zero);
                acc.saturating_add(vj.saturating_mul(*value))
            })
        })
        .collect()
}

/// `m_ij · v_i` (`row_hadamard_sparse`).
pub fn row_hadamard_sparse(m: &[Vec<(u16, I32F32)>], v: &[I32F32]) -> SparseMatrix {
    m.iter()
        .zip(v)
        .map(|(row, vi)| {
            row.iter()
                .map(|(j, value)| (*j, value.saturating_mul(*vi)))
                .collect()
        })
        .collect()
}

/// Clips each entry at its column threshold `t_j` (`col_clip_sparse`): an entry above `t_j`
/// becomes `t_j`, or is dropped when `t_j` is not positive; other entries pass unchanged.
pub fn col_clip_sparse(m: &[Vec<(u16, I32F32)>], thresholds: &[I32F32]) -> SparseMatrix {
    m.iter()
        .map(|row| {
            let mut out = Vec::with_capacity(row.len());
            for (j, value) in row {
                let Some(t) = thresholds.get(usize::from(*j)).copied() else {
                    continue;
                };
                if t < *value {
                    if zero() < t {
                        out.push((*j, t));
                    }
                } else {
                    out.push((*j, *value));
                }
            }
            out
        })
        .collect()
}

/// Densifies a row into `columns` slots; a repeated column keeps its last value.
fn dense_row(row: Option<&Vec<(u16, I32F32)>>, columns: u16) -> Vec<I32F32> {
    let mut dense = zeros(usize::from(columns));
    for (j, value) in row.into_iter().flatten() {
        if let Some(slot) = dense.get_mut(usize::from(*j)) {
            *slot = *value;
        }
    }
    dense
}

/// `A + ratio · (B − A)` (`interpolate_sparse`): `A` itself when `ratio` is 0, `B` when it is 1,
/// otherwise dense per row, keeping the positive results in column order.
pub fn interpolate_sparse(
    a: &[Vec<(u16, I32F32)>],
    b: &[Vec<(u16, I32F32)>],
    columns: u16,
    ratio: I32F32,
) -> SparseMatrix {
    if ratio == zero() {
        return a.to_vec();
    }
    if ratio == I32F32::saturating_from_num(1) {
        return b.to_vec();
    }
    a.iter()
        .enumerate()
        .map(|(i, row_a)| {
            let dense_a = dense_row(Some(row_a), columns);
            let dense_b = dense_row(b.get(i), columns);
            let mut out = Vec::new();
            for (j, (va, vb)) in (0..columns).zip(dense_a.iter().zip(&dense_b)) {
                let value = va.saturating_add(ratio.saturating_mul(vb.saturating_sub(*va)));
                if zero() < value {
                    out.push((j, value));
                }
            }
            out
        })
        .collect()
}

/// Keeps the positive entries of a dense row, in column order.
fn positive_entries(dense: &[I32F32]) -> Vec<(u16, I32F32)> {
    (0..=u16::MAX)
        .zip(dense)
        .filter(|(_, v)| **v > zero())
        .map(|(j, v)| (j, *v))
        .collect()
}

/// `α · new + (1 − α) · old` for a scalar `α` (`mat_ema_sparse`). The matrix is taken as square
/// (`new.len()` columns); each term is added into a dense row, the positive results are kept.
pub fn mat_ema_sparse(
    new: &[Vec<(u16, I32F32)>],
    old: &[Vec<(u16, I32F32)>],
    alpha: I32F32,
) -> SparseMatrix {
    let n = new.len();
    let one_minus_alpha = I32F32::saturating_from_num(1).saturating_sub(alpha);
    new.iter()
        .zip(old)
        .map(|(new_row, old_row)| {
            let mut dense = zeros(n);
            for (j, value) in new_row {
                if let Some(slot) = dense.get_mut(usize::from(*j)) {
                    *slot = slot.saturating_add(alpha.saturating_mul(*value));
                }
            }
            for (j, value) in old_row {
                if let Some(slot) = dense.get_mut(usize::from(*j)) {
                    *slot = slot.saturating_add(one_minus_alpha.saturating_mul(*value));
                }
            }
            positive_entries(&dense)
        })
        .collect()
}

/// `α_j · new + (1 − α_j) · old` with one `α` per column (`mat_ema_alpha_vec_sparse`; a missing
/// `α_j` reads as 0). Quirk kept: a `new` entry *overwrites* its dense slot (a repeated column
/// keeps the last), the `old` entries are added on top.
pub fn mat_ema_alpha_vec_sparse(
    new: &[Vec<(u16, I32F32)>],
    old: &[Vec<(u16, I32F32)>],
    alpha: &[I32F32],
) -> SparseMatrix {
    let n = new.len();
    let alpha_of = |j: u16| alpha.get(usize::from(j)).copied().unwrap_or_else(zero);
    new.iter()
        .zip(old)
        .map(|(new_row, old_row)| {
            let mut dense = zeros(n);
            for (j, value) in new_row {
                if let Some(slot) = dense.get_mut(usize::from(*j)) {
                    *slot = alpha_of(*j).saturating_mul(*value);
                }
            }
            for (j, value) in old_row {
                let one_minus_alpha = I32F32::saturating_from_num(1).saturating_sub(alpha_of(*j));
                if let Some(slot) = dense.get_mut(usize::from(*j)) {
                    *slot = slot.saturating_add(one_minus_alpha.saturating_mul(*value));
                }
            }
            positive_entries(&dense)
        })
        .collect()
}

/// Stake-weighted median of `score` over the indices in `partition` (`weighted_median`):
/// a binary search with the middle element as pivot. `minority = 1 − κ` (of the stake sum);
/// `[lo, hi]` is the stake segment the partition covers. The reference recurses; this loops.
pub fn weighted_median(
    stake: &[I32F32],
    score: &[I32F32],
    partition: &[usize],
    minority: I32F32,
    lo: I32F32,
    hi: I32F32,
) -> I32F32 {
    let value = |slice: &[I32F32], idx: usize| slice.get(idx).copied().unwrap_or_else(zero);
    let mut partition: Vec<usize> = partition.to_vec();
    let (mut lo, mut hi) = (lo, hi);
    loop {
        let len = partition.len();
        let Some(first) = partition.first() else {
            return zero();
        };
        if len == 1 {
            return value(score, *first);
        }
        let mid = len.checked_div(2).unwrap_or_default();
        let pivot = partition
            .get(mid)
            .map(|idx| value(score, *idx))
            .unwrap_or_else(zero);
        let (mut lo_stake, mut hi_stake) = (zero(), zero());
        let (mut lower, mut upper) = (Vec::new(), Vec::new());
        for idx in &partition {
            let s = value(score, *idx);
            if s == pivot {
                continue;
            }
            if s < pivot {
                lo_stake = lo_stake.saturating_add(value(stake, *idx));
                lower.push(*idx);
            } else {
                hi_stake = hi_stake.saturating_add(value(stake, *idx));
                upper.push(*idx);
            }
        }
        let lower_edge = lo.saturating_add(lo_stake);
        let upper_edge = hi.saturating_sub(hi_stake);
        if lower_edge <= minority && minority < upper_edge {
            return pivot;
        } else if minority < lower_edge && !lower.is_empty() {
            partition = lower;
            hi = lower_edge;
        } else if upper_edge <= minority && !upper.is_empty() {
            partition = upper;
            lo = upper_edge;
        } else {
            return pivot;
        }
    }
}

/// Stake-weighted median of every column over the rows with positive stake
/// (`weighted_median_col_sparse`). Those stakes are renormalised; `minority = Σ − majority`
/// (saturating); a missing entry scores 0 and a repeated column keeps its last value.
///
/// The reference fills a dense `columns × k` matrix first (`k`: rows with positive stake),
/// which at 4,096 neurons is 128 MiB, the whole default WASM heap (audit F17). Here the
/// entries are grouped by column and each column is made dense only while its median is
/// taken: memory is the entries plus one column, and every median is computed from the same
/// column, so the results are the same.
pub fn weighted_median_col_sparse(
    stake: &[I32F32],
    score: &[Vec<(u16, I32F32)>],
    columns: u16,
    majority: I32F32,
) -> Vec<I32F32> {
    let mut use_stake: Vec<I32F32> = stake.iter().copied().filter(|s| *s > zero()).collect();
    normalize(&mut use_stake);
    let stake_sum = fixed_sum(use_stake.iter().copied());
    let stake_idx: Vec<usize> = (0..use_stake.len()).collect();
    let minority = stake_sum.saturating_sub(majority);
    // by_column[c]: (k, value) in row order, k counting the rows with positive stake.
    let mut by_column: Vec<Vec<(usize, I32F32)>> = Vec::new();
    by_column.resize(usize::from(columns), Vec::new());
    let staked_rows = stake.iter().enumerate().filter(|(_, s)| **s > zero()).map(|(r, _)| r);
    for (k, r) in staked_rows.enumerate() {
        for (c, value) in score.get(r).into_iter().flatten() {
            if let Some(entries) = by_column.get_mut(usize::from(*c)) {
                entries.push((k, *value));
            }
        }
    }
    let mut column = zeros(use_stake.len());
    by_column
        .iter()
        .map(|entries| {
            column.iter_mut().for_each(|v| *v = zero());
            for (k, value) in entries {
                if let Some(slot) = column.get_mut(*k) {
                    *slot = *value;
                }
            }
            weighted_median(&use_stake, &column, &stake_idx, minority, zero(), stake_sum)
        })
        .collect()
}
