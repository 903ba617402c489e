//! Yuma consensus: one subnet's epoch, as `Pallet::epoch` (the sparse version that
//! `drain_pending_emission` calls) computes it at Subtensor `6b86ebf30`
//! (`epoch/run_epoch.rs`, `epoch/math.rs`), and the dividend split that follows it
//! ([`dividends`]). Pure functions: the caller reads storage into an [`EpochInput`] and writes
//! the [`EpochOutput`] back.
//!
//! All vectors and matrices are I32F32 and indexed by uid; matrices are sparse
//! ([`sparse::SparseMatrix`]). With `n` neurons, block `B`, and per uid `i` its
//! `LastUpdate` `u_i` and `BlockAtRegistration` `r_i`:
//! 1. **active**: `u_i + ActivityCutoff ≥ B` (saturating add);
//! 2. **stake** `s`: `alpha + root · TaoWeight`, normalised ([`stake`]);
//! 3. **new permits**: the top `MaxAllowedValidators` of `s` ([`sparse::is_topk`]);
//! 4. **active stake** `a`: `s` zeroed where inactive or without a (previous) permit,
//!    normalised;
//! 5. **weights** `W` (u16 as stored, entries with a column `≥ n` dropped): rows of uids
//!    without a permit emptied; the diagonal dropped except the subnet owner's own weight;
//!    `W_ij` dropped if `u_i ≤ r_j`; rows normalised;
//! 6. `prerank = Wᵀa`; **consensus** `c_j` = the `a`-weighted median of column `j` at
//!    `κ = Kappa/65535` ([`sparse::weighted_median_col_sparse`]);
//! 7. **clipped** `W̄_ij = min(W_ij, c_j)` (dropped where that is above a non-positive `c_j`);
//!    **validator trust** = row sums of `W̄`; `rank = W̄ᵀa`; **trust** = `rank / prerank`
//!    (0 where `prerank` is 0); **incentive** = `rank` normalised (stored as both rank and
//!    incentive);
//! 8. **bonds**: `W_b = W + β(W̄ − W)` with `β = BondsPenalty/65535`; stored bonds with
//!    `B − Tempo ≤ r_j` dropped, columns normalised; `ΔB = W_b ∘ a` (rows), columns
//!    normalised; EMA ([`bonds`]); columns normalised;
//! 9. **dividends** = `B·incentive`, normalised;
//! 10. **emission**: with `Σ = Σ(incentive + dividends)`, server `incentive/Σ`, validator
//!     `dividends/Σ`, combined `(incentive + dividends)` normalised; if `Σ = 0`, validator and
//!     combined become `a` (or `s` when `a` sums to 0). Each is multiplied by `rao_emission` in
//!     I96F32 and floored to u64;
//! 11. **storage**: u16 proportions `⌊x · 65535⌋` ([`fixed_proportion_to_u16`]); pruning
//!     scores are the combined emission max-upscaled ([`vec_max_upscale_to_u16`]); bonds
//!     column max-upscaled, written for uids with a new permit, cleared for uids that only had
//!     an old one, left alone otherwise ([`BondsUpdate`]).
//!
//! Reference quirks reproduced: `is_topk` lets the lower uid lose a tie; the median uses the
//! middle element as pivot; `col_clip_sparse` keeps 0-valued entries; liquid alpha falls back
//! to the normal EMA when the 0.75 quantile of consensus is 0, and its per-column EMA lets a
//! `ΔB` entry overwrite (not add to) its slot; the EMAs drop non-positive results, but a tiny
//! stored bond can round down to an explicit 0 entry; plain sums wrap as the release runtime
//! does (unreachable with real supplies). Where the reference would panic (an out-of-range
//! column in a stored bonds row, vectors shorter than `n`), entries are dropped and missing
//! values read as 0 / `false`.
//!
//! ```text
//! epoch(&EpochInput) -> EpochOutput
//! EpochOutput::hotkey_emission() -> Vec<(u16 uid, u64 server, u64 validator)>   (Keys order)
//! EpochOutput::bonds_after(&[Vec<(u16, u16)>]) -> Vec<Vec<(u16, u16)>>
//! keys_order(n: u16) -> Vec<u16>
//! fixed_proportion_to_u16(I32F32) -> u16;  vec_max_upscale_to_u16(&[I32F32]) -> Vec<u16>
//! stake::{tao_weight, stake_weights, normalized_stake}
//! bonds::{ema_bonds, quartile, logistic_params, liquid_alphas, normal_alpha, EmaTrace}
//! dividends::split_dividends(&DrainInput, &[(K, u64, u64)], own_stake) -> DrainSplit<K>
//! sparse::{…}  (the matrix helpers)
//! ```
extern crate alloc;

use alloc::{collections::BTreeMap, vec::Vec};
pub use substrate_fixed::types::I32F32;
use substrate_fixed::{
    traits::Fixed,
    types::{I64F64, I96F32, U96F32},
};

pub mod bonds;
pub mod childkeys;
pub mod dividends;
pub mod sparse;
pub mod stake;
#[cfg(test)]
mod tests;

use bonds::{ema_bonds, EmaParams, EmaTrace};
use sparse::SparseMatrix;

/// `x / y`, 0 when `y` is 0 or the quotient overflows (`safe_div`).
pub(crate) fn safe_div<F: Fixed>(x: F, y: F) -> F {
    x.checked_div(y).unwrap_or_default()
}

/// The reference's `Iterator::sum` of I32F32 (wrapping, as in the release runtime).
pub(crate) fn fixed_sum(values: impl Iterator<Item = I32F32>) -> I32F32 {
    values.fold(I32F32::from_bits(0), |acc, v| acc.wrapping_add(v))
}

/// `raw / 65535` in I32F32 (`get_float_kappa`, `get_float_bonds_penalty`,
/// `get_alpha_values_32`).
pub(crate) fn u16_proportion(raw: u16) -> I32F32 {
    safe_div(
        I32F32::saturating_from_num(raw),
        I32F32::saturating_from_num(u16::MAX),
    )
}

/// `⌊x · 65535⌋` as u16, saturating (0 for negative values) (`fixed_proportion_to_u16`).
pub fn fixed_proportion_to_u16(x: I32F32) -> u16 {
    x.saturating_mul(I32F32::saturating_from_num(u16::MAX))
        .saturating_to_num::<u16>()
}

/// Scales so that the maximum becomes 65535, rounding half away from zero
/// (`vec_max_upscale_to_u16`). A zero maximum gives `⌊x · 65535⌋`; a maximum above 32768
/// multiplies by `65535 / max` instead of dividing `x · 65535` by it.
pub fn vec_max_upscale_to_u16(v: &[I32F32]) -> Vec<u16> {
    let u16_max = I32F32::saturating_from_num(u16::MAX);
    let Some(max) = v.iter().max().copied() else {
        return Vec::new();
    };
    if max == I32F32::from_bits(0) {
        return v
            .iter()
            .map(|x| x.saturating_mul(u16_max).saturating_to_num::<u16>())
            .collect();
    }
    if max > I32F32::saturating_from_num(32768) {
        let factor = safe_div(u16_max, max);
        return v
            .iter()
            .map(|x| {
                x.saturating_mul(factor)
                    .saturating_round()
                    .saturating_to_num::<u16>()
            })
            .collect();
    }
    v.iter()
        .map(|x| {
            safe_div(x.saturating_mul(u16_max), max)
                .saturating_round()
                .saturating_to_num::<u16>()
        })
        .collect()
}

/// The order in which the reference iterates `Keys(netuid, uid)` (Identity-hashed u16, so by
/// little-endian bytes: low byte first). Ascending for `n ≤ 256`.
pub fn keys_order(n: u16) -> Vec<u16> {
    let mut uids: Vec<u16> = (0..n).collect();
    uids.sort_by_key(|uid| uid.to_le_bytes());
    uids
}

/// What one epoch reads (storage items in brackets). Per-uid vectors are read up to `n`;
/// missing values read as 0 / `false` / an empty row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochInput {
    /// Number of neurons (`SubnetworkN`); every uid below it has a hotkey.
    pub n: u16,
    /// Current block number.
    pub current_block: u64,
    /// `Tempo`.
    pub tempo: u16,
    /// `ActivityCutoff`.
    pub activity_cutoff: u16,
    /// `Kappa` (u16 proportion).
    pub kappa: u16,
    /// `BondsPenalty` (u16 proportion).
    pub bonds_penalty: u16,
    /// `BondsMovingAverage` (parts per million).
    pub bonds_moving_average: u64,
    /// `LiquidAlphaOn`.
    pub liquid_alpha_on: bool,
    /// `AlphaValues.0` (u16 proportion).
    pub alpha_low: u16,
    /// `AlphaValues.1` (u16 proportion).
    pub alpha_high: u16,
    /// `MaxAllowedValidators`.
    pub max_allowed_validators: u16,
    /// Uid of `SubnetOwnerHotkey`, if registered: its self-weight is kept.
    pub owner_uid: Option<u16>,
    /// `TaoWeight`, raw u64 (divided by `u64::MAX`).
    pub tao_weight: u64,
    /// Alpha to distribute (`pending_alpha + pending_swapped`, rao).
    pub rao_emission: u64,
    /// Inherited alpha stake per uid (own `TotalHotkeyAlpha` without child keys).
    pub alpha_stake: Vec<u64>,
    /// Inherited root stake per uid (own root `TotalHotkeyAlpha` without child keys).
    pub root_stake: Vec<u64>,
    /// `BlockAtRegistration` per uid.
    pub block_at_registration: Vec<u64>,
    /// `LastUpdate` per uid.
    pub last_update: Vec<u64>,
    /// `ValidatorPermit` per uid (from the previous epoch).
    pub validator_permit: Vec<bool>,
    /// `Weights` rows, `(uid, u16)` as stored (row max-upscaled).
    pub weights: Vec<Vec<(u16, u16)>>,
    /// `Bonds` rows, `(uid, u16)` as stored (column max-upscaled).
    pub bonds: Vec<Vec<(u16, u16)>>,
}

/// What the epoch does to one uid's `Bonds` row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BondsUpdate {
    /// The uid has a new permit: write this row.
    Set(Vec<(u16, u16)>),
    /// The uid lost its permit: write an empty row.
    Cleared,
    /// The uid had no permit and has none: leave the row alone.
    Unchanged,
}

/// The epoch's intermediate I32F32 vectors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpochTrace {
    /// Normalised stake `s`.
    pub stake: Vec<I32F32>,
    /// Active stake `a` (inactive and non-permitted zeroed, renormalised).
    pub active_stake: Vec<I32F32>,
    /// Consensus (weighted median per column).
    pub consensus: Vec<I32F32>,
    /// Row sums of the clipped weights.
    pub validator_trust: Vec<I32F32>,
    /// Normalised ranks.
    pub incentive: Vec<I32F32>,
    /// Ranks over preranks, before normalisation.
    pub trust: Vec<I32F32>,
    /// Normalised dividends.
    pub dividends: Vec<I32F32>,
    /// Server share of the emission (after the zero-emission fallback).
    pub normalized_server_emission: Vec<I32F32>,
    /// Validator share of the emission (after the zero-emission fallback).
    pub normalized_validator_emission: Vec<I32F32>,
    /// Combined share of the emission (after the zero-emission fallback).
    pub normalized_combined_emission: Vec<I32F32>,
    /// The bond EMA.
    pub ema: EmaTrace,
}

/// What one epoch stores and returns. Vectors have `n` entries, indexed by uid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpochOutput {
    /// `StakeWeight`.
    pub stake_weight: Vec<u16>,
    /// `Active`.
    pub active: Vec<bool>,
    /// `ValidatorPermit` (new).
    pub validator_permit: Vec<bool>,
    /// `Rank` (equal to `Incentive`).
    pub rank: Vec<u16>,
    /// `Trust`.
    pub trust: Vec<u16>,
    /// `Consensus`.
    pub consensus: Vec<u16>,
    /// `Incentive`.
    pub incentive: Vec<u16>,
    /// `Dividends`.
    pub dividends: Vec<u16>,
    /// `ValidatorTrust`.
    pub validator_trust: Vec<u16>,
    /// `PruningScores`.
    pub pruning_scores: Vec<u16>,
    /// `Emission` (combined, rao).
    pub emission: Vec<u64>,
    /// Miner (server) emission per uid, rao.
    pub server_emission: Vec<u64>,
    /// Validator emission per uid, rao.
    pub validator_emission: Vec<u64>,
    /// What happens to each uid's `Bonds` row.
    pub bonds: Vec<BondsUpdate>,
    /// Intermediate values.
    pub trace: EpochTrace,
}

impl EpochOutput {
    /// The value `epoch` returns: `(uid, server_emission, validator_emission)` in
    /// [`keys_order`].
    pub fn hotkey_emission(&self) -> Vec<(u16, u64, u64)> {
        let n = u16::try_from(self.server_emission.len()).unwrap_or(u16::MAX);
        keys_order(n)
            .into_iter()
            .map(|uid| {
                let i = usize::from(uid);
                (
                    uid,
                    self.server_emission.get(i).copied().unwrap_or_default(),
                    self.validator_emission.get(i).copied().unwrap_or_default(),
                )
            })
            .collect()
    }

    /// The whole `Bonds` storage after the epoch, given the rows before it.
    pub fn bonds_after(&self, before: &[Vec<(u16, u16)>]) -> Vec<Vec<(u16, u16)>> {
        self.bonds
            .iter()
            .enumerate()
            .map(|(i, update)| match update {
                BondsUpdate::Set(row) => row.clone(),
                BondsUpdate::Cleared => Vec::new(),
                BondsUpdate::Unchanged => before.get(i).cloned().unwrap_or_default(),
            })
            .collect()
    }
}

/// `v` read up to `len` entries, missing ones as the default.
fn per_uid<T: Copy + Default>(v: &[T], len: usize) -> Vec<T> {
    let mut out: Vec<T> = v.iter().copied().take(len).collect();
    out.resize(len, T::default());
    out
}

/// `n` stored u16 rows as I32F32, entries with a column `≥ n` dropped.
fn load_rows(rows: &[Vec<(u16, u16)>], n: u16) -> SparseMatrix {
    (0..usize::from(n))
        .map(|i| {
            rows.get(i)
                .into_iter()
                .flatten()
                .filter(|(j, _)| *j < n)
                .map(|(j, v)| (*j, I32F32::saturating_from_num(*v)))
                .collect()
        })
        .collect()
}

/// Each normalised share times `rao_emission` in I96F32, floored to u64.
fn to_rao(shares: &[I32F32], rao_emission: I96F32) -> Vec<u64> {
    shares
        .iter()
        .map(|x| {
            I96F32::saturating_from_num(*x)
                .saturating_mul(rao_emission)
                .saturating_to_num::<u64>()
        })
        .collect()
}

fn to_u16(v: &[I32F32]) -> Vec<u16> {
    v.iter().copied().map(fixed_proportion_to_u16).collect()
}

/// Runs one epoch (Yuma consensus) of a subnet; see the module documentation.
pub fn epoch(input: &EpochInput) -> EpochOutput {
    let n = input.n;
    let len = usize::from(n);
    let current_block = input.current_block;

    // Activity.
    let last_update = per_uid(&input.last_update, len);
    let cutoff = u64::from(input.activity_cutoff);
    let inactive: Vec<bool> = last_update
        .iter()
        .map(|u| u.saturating_add(cutoff) < current_block)
        .collect();
    let active: Vec<bool> = inactive.iter().map(|b| !b).collect();
    let block_at_registration = per_uid(&input.block_at_registration, len);

    // Stake.
    let stake = stake::normalized_stake(
        &per_uid(&input.alpha_stake, len),
        &per_uid(&input.root_stake, len),
        input.tao_weight,
    );

    // Validator permits.
    let validator_permit = per_uid(&input.validator_permit, len);
    let forbids: Vec<bool> = validator_permit.iter().map(|b| !b).collect();
    let new_permit = sparse::is_topk(&stake, usize::from(input.max_allowed_validators));

    // Active stake.
    let mut active_stake = stake.clone();
    sparse::mask_vector(&inactive, &mut active_stake);
    sparse::mask_vector(&forbids, &mut active_stake);
    sparse::normalize(&mut active_stake);

    // Weights.
    let mut weights = load_rows(&input.weights, n);
    weights = sparse::mask_rows_sparse(&forbids, &weights);
    weights = sparse::mask_diag_sparse(&weights, input.owner_uid);
    weights = sparse::mask_by_row_and_col(
        &weights,
        &last_update,
        &block_at_registration,
        |updated, registered| updated <= registered,
    );
    sparse::row_normalize_sparse(&mut weights);

    // Consensus, validator trust.
    let preranks = sparse::matmul_sparse(&weights, &active_stake, n);
    let kappa = u16_proportion(input.kappa);
    let consensus = sparse::weighted_median_col_sparse(&active_stake, &weights, n, kappa);
    let clipped = sparse::col_clip_sparse(&weights, &consensus);
    let validator_trust = sparse::row_sum_sparse(&clipped);

    // Ranks, trust, incentive.
    let mut ranks = sparse::matmul_sparse(&clipped, &active_stake, n);
    let trust = sparse::vecdiv(&ranks, &preranks);
    sparse::normalize(&mut ranks);
    let incentive = ranks;

    // Bonds.
    let bonds_penalty = u16_proportion(input.bonds_penalty);
    let weights_for_bonds = sparse::interpolate_sparse(&weights, &clipped, n, bonds_penalty);
    let last_tempo = current_block.saturating_sub(u64::from(input.tempo));
    let mut old_bonds = sparse::mask_by_col(
        &load_rows(&input.bonds, n),
        last_tempo,
        &block_at_registration,
        |last_tempo, registered| last_tempo <= registered,
    );
    sparse::col_normalize_sparse(&mut old_bonds, n);
    let mut delta = sparse::row_hadamard_sparse(&weights_for_bonds, &active_stake);
    sparse::col_normalize_sparse(&mut delta, n);
    let params = EmaParams {
        bonds_moving_average: input.bonds_moving_average,
        liquid_alpha_on: input.liquid_alpha_on,
        alpha_low: input.alpha_low,
        alpha_high: input.alpha_high,
    };
    let (mut ema, ema_trace) = ema_bonds(&params, &consensus, &delta, &old_bonds);
    sparse::col_normalize_sparse(&mut ema, n);

    // Dividends.
    let mut dividends = sparse::matmul_transpose_sparse(&ema, &incentive);
    sparse::normalize(&mut dividends);

    // Emission.
    let combined: Vec<I32F32> = incentive
        .iter()
        .zip(&dividends)
        .map(|(i, d)| i.saturating_add(*d))
        .collect();
    let emission_sum = fixed_sum(combined.iter().copied());
    let mut server_share = incentive.clone();
    let mut validator_share = dividends.clone();
    let mut combined_share = combined;
    sparse::normalize_with_sum(&mut server_share, emission_sum);
    sparse::normalize_with_sum(&mut validator_share, emission_sum);
    sparse::normalize(&mut combined_share);
    if emission_sum == I32F32::from_bits(0) {
        let fallback = if sparse::is_zero(&active_stake) {
            &stake
        } else {
            &active_stake
        };
        validator_share.clone_from(fallback);
        combined_share.clone_from(fallback);
    }
    let rao = I96F32::saturating_from_num(input.rao_emission);
    let server_emission = to_rao(&server_share, rao);
    let validator_emission = to_rao(&validator_share, rao);
    let emission = to_rao(&combined_share, rao);

    // Bonds storage.
    sparse::col_max_upscale_sparse(&mut ema, n);
    let bonds = new_permit
        .iter()
        .zip(&validator_permit)
        .zip(&ema)
        .map(|((new, old), row)| {
            if *new {
                BondsUpdate::Set(
                    row.iter()
                        .map(|(j, v)| (*j, fixed_proportion_to_u16(*v)))
                        .collect(),
                )
            } else if *old {
                BondsUpdate::Cleared
            } else {
                BondsUpdate::Unchanged
            }
        })
        .collect();

    let rank = to_u16(&incentive);
    EpochOutput {
        stake_weight: to_u16(&stake),
        active,
        validator_permit: new_permit,
        incentive: rank.clone(),
        rank,
        trust: to_u16(&trust),
        consensus: to_u16(&consensus),
        dividends: to_u16(&dividends),
        validator_trust: to_u16(&validator_trust),
        pruning_scores: vec_max_upscale_to_u16(&combined_share),
        emission,
        server_emission,
        validator_emission,
        bonds,
        trace: EpochTrace {
            stake,
            active_stake,
            consensus,
            validator_trust,
            incentive,
            trust,
            dividends,
            normalized_server_emission: server_share,
            normalized_validator_emission: validator_share,
            normalized_combined_emission: combined_share,
            ema: ema_trace,
        },
    }
}
