//! Hand-checked unit tests of the epoch. The conformance vectors are replayed by
//! `tests/epoch_vectors.rs`.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::arithmetic_side_effects
)]

use super::bonds::{normal_alpha, quartile, EmaPath};
use super::dividends::{pending_validator_alpha, split_dividends, DrainInput};
use super::sparse::{is_topk, weighted_median, weighted_median_col_sparse};
use super::*;
use alloc::vec;

fn fx(x: f64) -> I32F32 {
    I32F32::from_num(x)
}

fn base(n: u16) -> EpochInput {
    let len = usize::from(n);
    EpochInput {
        n,
        current_block: 1,
        tempo: 360,
        activity_cutoff: 5000,
        kappa: 32767,
        bonds_penalty: 65535,
        bonds_moving_average: 900_000,
        alpha_low: 45875,
        alpha_high: 58982,
        max_allowed_validators: 64,
        rao_emission: 1_000_000_000,
        alpha_stake: vec![0; len],
        root_stake: vec![0; len],
        block_at_registration: vec![0; len],
        last_update: vec![1; len],
        validator_permit: vec![true; len],
        weights: vec![vec![]; len],
        bonds: vec![vec![]; len],
        ..EpochInput::default()
    }
}

/// The reference's `test_1_graph`: one neuron that only weights itself. The self-weight is
/// masked, it had no permit, so everything is 0 and the whole emission falls back to stake.
#[test]
fn one_graph() {
    let mut input = base(1);
    input.tempo = u16::MAX - 1;
    input.max_allowed_validators = 100;
    input.alpha_stake = vec![1];
    input.validator_permit = vec![false];
    input.weights = vec![vec![(0, u16::MAX)]];
    let out = epoch(&input);
    for v in [
        &out.rank,
        &out.trust,
        &out.consensus,
        &out.incentive,
        &out.dividends,
        &out.validator_trust,
    ] {
        assert_eq!(v, &vec![0u16]);
    }
    assert_eq!(out.stake_weight, vec![65535]);
    assert_eq!(out.validator_permit, vec![true]);
    assert_eq!(out.emission, vec![1_000_000_000]);
    assert_eq!(out.server_emission, vec![0]);
    assert_eq!(out.validator_emission, vec![1_000_000_000]);
    assert_eq!(out.pruning_scores, vec![65535]);
    assert_eq!(out.bonds, vec![BondsUpdate::Set(vec![])]);
    assert_eq!(out.hotkey_emission(), vec![(0, 0, 1_000_000_000)]);
}

/// One validator weighting one miner: consensus 1, incentive to the miner, bonds and
/// dividends to the validator, 50/50 split of the emission.
#[test]
fn one_validator_one_miner() {
    let mut input = base(2);
    input.alpha_stake = vec![1_000_000_000_000, 0];
    input.validator_permit = vec![true, false];
    input.weights = vec![vec![(1, u16::MAX)], vec![]];
    let out = epoch(&input);
    assert_eq!(out.stake_weight, vec![65535, 0]);
    assert_eq!(out.consensus, vec![0, 65535]);
    assert_eq!(out.incentive, vec![0, 65535]);
    assert_eq!(out.trust, vec![0, 65535]);
    assert_eq!(out.dividends, vec![65535, 0]);
    assert_eq!(out.validator_trust, vec![65535, 0]);
    assert_eq!(out.server_emission, vec![0, 500_000_000]);
    assert_eq!(out.validator_emission, vec![500_000_000, 0]);
    assert_eq!(out.emission, vec![500_000_000, 500_000_000]);
    assert_eq!(out.pruning_scores, vec![65535, 65535]);
    assert_eq!(out.bonds[0], BondsUpdate::Set(vec![(1, 65535)]));
    assert_eq!(out.trace.ema.path, EmaPath::Normal);
    // α = 1 − 0.9 in I32F32: 429496730 bits (0.9 truncated in I64F64 then I32F32).
    assert_eq!(out.trace.ema.alpha, vec![I32F32::from_bits(429_496_730)]);
}

/// A validator without a permit only loses its weights; one that loses its permit gets its
/// bonds row cleared; one that never had one keeps its row untouched.
#[test]
fn bonds_rows_follow_permits() {
    let mut input = base(3);
    input.alpha_stake = vec![10, 5, 0];
    input.max_allowed_validators = 1;
    input.validator_permit = vec![true, true, false];
    input.weights = vec![vec![(2, 65535)], vec![(2, 65535)], vec![]];
    input.bonds = vec![vec![], vec![(2, 65535)], vec![(0, 7)]];
    let out = epoch(&input);
    assert_eq!(out.validator_permit, vec![true, false, false]);
    assert!(matches!(out.bonds[0], BondsUpdate::Set(_)));
    assert_eq!(out.bonds[1], BondsUpdate::Cleared);
    assert_eq!(out.bonds[2], BondsUpdate::Unchanged);
    assert_eq!(out.bonds_after(&input.bonds)[2], vec![(0, 7)]);
}

/// `is_topk`: a stable ascending sort drops the lower uid of a tie.
#[test]
fn topk_ties_drop_lower_uid() {
    let v = [fx(0.5), fx(0.25), fx(0.25)];
    assert_eq!(is_topk(&v, 2), vec![true, false, true]);
    assert_eq!(is_topk(&v, 3), vec![true, true, true]);
    assert_eq!(is_topk(&v, 4), vec![true, true, true]);
    assert_eq!(is_topk(&v, 0), vec![false, false, false]);
}

/// Stake-weighted median: 0.6 of the stake scores 0.2, so with κ = ½ the median is 0.2; with
/// the 0.4 at 0.8 raised to 0.7 of the stake it moves to 0.8.
#[test]
fn weighted_median_by_stake() {
    let stake = [fx(0.6), fx(0.4)];
    let score = [fx(0.2), fx(0.8)];
    let median = weighted_median(&stake, &score, &[0, 1], fx(0.5), fx(0.0), fx(1.0));
    assert_eq!(median, fx(0.2));
    let stake = [fx(0.3), fx(0.7)];
    let median = weighted_median(&stake, &score, &[0, 1], fx(0.5), fx(0.0), fx(1.0));
    assert_eq!(median, fx(0.8));
    // Column form: zero-stake rows are ignored, missing entries score 0.
    let weights = vec![vec![(1, fx(1.0))], vec![], vec![(1, fx(0.5))]];
    let stake = [fx(0.25), fx(0.0), fx(0.75)];
    let cols = weighted_median_col_sparse(&stake, &weights, 3, fx(0.5));
    assert_eq!(cols, vec![fx(0.0), fx(0.5), fx(0.0)]);
}

/// The column-at-a-time median equals the reference's formulation (a dense `columns × k`
/// matrix filled row by row, last write winning, then one median per column), on inputs with
/// zero-stake rows, repeated and out-of-range columns, and empty rows.
#[test]
fn column_medians_match_the_dense_formulation() {
    fn dense_reference(stake: &[I32F32], score: &[Vec<(u16, I32F32)>], columns: u16, majority: I32F32) -> Vec<I32F32> {
        let mut use_stake: Vec<I32F32> = stake.iter().copied().filter(|s| *s > fx(0.0)).collect();
        super::sparse::normalize(&mut use_stake);
        let sum = super::fixed_sum(use_stake.iter().copied());
        let idx: Vec<usize> = (0..use_stake.len()).collect();
        let minority = sum.saturating_sub(majority);
        let mut matrix = vec![vec![fx(0.0); use_stake.len()]; usize::from(columns)];
        let mut k = 0;
        for (r, s) in stake.iter().enumerate() {
            if *s <= fx(0.0) {
                continue;
            }
            for (c, v) in &score[r] {
                if usize::from(*c) < matrix.len() {
                    matrix[usize::from(*c)][k] = *v;
                }
            }
            k += 1;
        }
        matrix.iter().map(|col| weighted_median(&use_stake, col, &idx, minority, fx(0.0), sum)).collect()
    }
    // A small linear congruential generator: the same inputs on every run.
    let mut seed: u64 = 0x5eed;
    let mut next = move |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    for case in 0..200 {
        let rows = 1 + next(12) as usize;
        let columns = next(10) as u16;
        let stake: Vec<I32F32> = (0..rows).map(|_| if next(4) == 0 { fx(0.0) } else { fx(next(1000) as f64 / 1000.0) }).collect();
        let score: Vec<Vec<(u16, I32F32)>> = (0..rows)
            .map(|_| (0..next(6)).map(|_| (next(12) as u16, fx(next(1000) as f64 / 1000.0))).collect())
            .collect();
        let majority = fx(next(1000) as f64 / 1000.0);
        assert_eq!(
            weighted_median_col_sparse(&stake, &score, columns, majority),
            dense_reference(&stake, &score, columns, majority),
            "case {case}"
        );
    }
}

/// Quartiles interpolate between neighbours at quarter positions.
#[test]
fn quartiles() {
    let data = [fx(0.0), fx(1.0), fx(0.5)];
    assert_eq!(quartile(&data, 3), fx(0.75));
    assert_eq!(quartile(&data, 1), fx(0.25));
    let data = [fx(0.0), fx(0.0), fx(0.0), fx(1.0), fx(0.0)];
    assert_eq!(quartile(&data, 3), fx(0.0));
    assert_eq!(quartile(&[], 3), fx(0.0));
    assert_eq!(quartile(&[fx(0.3)], 1), fx(0.3));
}

/// `α = 1 − BondsMovingAverage/10^6`.
#[test]
fn normal_alphas() {
    assert_eq!(normal_alpha(1_000_000), fx(0.0));
    assert_eq!(normal_alpha(0), fx(1.0));
    assert_eq!(normal_alpha(975_000).to_bits(), 107_374_183);
}

/// Max-upscaling rounds half away from zero; u16 proportions floor.
#[test]
fn u16_conversions() {
    assert_eq!(
        vec_max_upscale_to_u16(&[fx(0.5), fx(0.25), fx(0.0)]),
        vec![65535, 32768, 0]
    );
    assert_eq!(vec_max_upscale_to_u16(&[fx(0.0), fx(0.0)]), vec![0, 0]);
    assert_eq!(vec_max_upscale_to_u16(&[]), Vec::<u16>::new());
    assert_eq!(fixed_proportion_to_u16(fx(0.5)), 32767);
    assert_eq!(fixed_proportion_to_u16(fx(1.0)), 65535);
    assert_eq!(fixed_proportion_to_u16(fx(-0.5)), 0);
    assert_eq!(fixed_proportion_to_u16(fx(2.0)), 65535);
}

/// Keys iterate by little-endian bytes: 0, 256, 1, 257, … for n > 256.
#[test]
fn keys_iterate_low_byte_first() {
    assert_eq!(keys_order(3), vec![0, 1, 2]);
    let order = keys_order(258);
    assert_eq!(&order[..4], &[0, 256, 1, 257]);
    assert_eq!(order.len(), 258);
}

/// Drain: half to miners; validators share what is left after the swapped alpha, split
/// between alpha and root dividends by own stake.
#[test]
fn drain_split() {
    assert_eq!(pending_validator_alpha(1, 800, 200), 300);
    assert_eq!(pending_validator_alpha(0, 800, 200), 800);
    assert_eq!(pending_validator_alpha(1, 100, 200), 0);
    let input = DrainInput {
        pending_alpha: 800,
        pending_swapped: 200,
        pending_tao: 300,
        tao_weight: u64::MAX,
    };
    let emission = [(7u8, 0u64, 250u64), (3, 500, 0), (9, 0, 250)];
    // Hotkey 7 stakes alpha only, hotkey 9 root only.
    let stake = |h: &u8| match h {
        7 => (100, 0),
        9 => (0, 100),
        _ => (0, 0),
    };
    let split = split_dividends(&input, &emission, stake, super::dividends::keep_own_dividend);
    assert_eq!(split.incentive_sum, 500);
    assert_eq!(split.pending_validator_alpha, 300);
    let keys: Vec<u8> = split.per_hotkey.iter().map(|h| h.hotkey).collect();
    assert_eq!(keys, vec![3, 7, 9]);
    let [miner, alpha_v, root_v] = &split.per_hotkey[..] else {
        panic!("three hotkeys")
    };
    assert_eq!(miner.incentive, 500);
    assert_eq!(miner.alpha_dividend, U96F32::from_num(0));
    assert_eq!(alpha_v.dividend, U96F32::from_num(250));
    assert_eq!(alpha_v.alpha_dividend, U96F32::from_num(300));
    assert_eq!(alpha_v.tao_dividend, U96F32::from_num(0));
    assert_eq!(root_v.alpha_dividend, U96F32::from_num(0));
    assert_eq!(root_v.tao_dividend, U96F32::from_num(300));
}

/// Malformed input (short vectors, out-of-range columns, n = 0) neither panics nor reads
/// past `n`.
#[test]
fn malformed_input_does_not_panic() {
    assert_eq!(epoch(&EpochInput::default()).emission, Vec::<u64>::new());
    let mut input = base(4);
    input.alpha_stake = vec![u64::MAX, u64::MAX];
    input.root_stake = vec![u64::MAX];
    input.tao_weight = u64::MAX;
    input.last_update = vec![];
    input.validator_permit = vec![true];
    input.weights = vec![vec![(9, 65535), (1, 3), (1, 5)]];
    input.bonds = vec![
        vec![(100, 65535), (1, 0)],
        vec![],
        vec![],
        vec![],
        vec![(0, 1)],
    ];
    let out = epoch(&input);
    assert_eq!(out.emission.len(), 4);
    assert_eq!(out.bonds.len(), 4);
    let mut input = base(3);
    input.liquid_alpha_on = true;
    input.alpha_low = 0;
    input.alpha_stake = vec![1, 1, 0];
    input.weights = vec![vec![(2, 65535)], vec![(2, 1)], vec![]];
    input.rao_emission = u64::MAX;
    let out = epoch(&input);
    assert_eq!(out.trace.ema.path, EmaPath::Liquid);
}
