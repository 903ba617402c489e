//! Stake weights of a subnet's neurons (reference: `get_stake_weights_for_network` and
//! `get_tao_weight` in `staking/stake_utils.rs`, and the first lines of `Pallet::epoch` in
//! `epoch/run_epoch.rs`, at `6b86ebf30`).
//!
//! `W_i = alpha_i + root_i · tw` in I64F64 (saturating), with `tw = I64F64(TaoWeight / u64::MAX)`
//! (the division in U96F32), then `s = W / ΣW` (unchanged when the sum is 0) converted to I32F32.
//!
//! `alpha_i` and `root_i` are the *inherited* alpha and root stakes
//! (`get_inherited_for_hotkey_on_subnet`, `get_tao_inherited_for_hotkey_on_subnet`); without
//! child or parent keys they are the hotkey's own `TotalHotkeyAlpha` on the subnet and on root.
use super::sparse::normalize_64;
use super::{safe_div, Vec, I32F32, I64F64, U96F32};

/// `TaoWeight / u64::MAX` in U96F32 (`get_tao_weight`).
pub fn tao_weight(raw: u64) -> U96F32 {
    safe_div(
        U96F32::saturating_from_num(raw),
        U96F32::saturating_from_num(u64::MAX),
    )
}

/// `alpha_i + root_i · tw` per uid, I64F64 (saturating); a missing root stake reads as 0.
pub fn stake_weights(alpha_stake: &[u64], root_stake: &[u64], raw_tao_weight: u64) -> Vec<I64F64> {
    let tw = I64F64::saturating_from_num(tao_weight(raw_tao_weight));
    alpha_stake
        .iter()
        .enumerate()
        .map(|(i, alpha)| {
            let root = root_stake.get(i).copied().unwrap_or_default();
            I64F64::saturating_from_num(*alpha)
                .saturating_add(I64F64::saturating_from_num(root).saturating_mul(tw))
        })
        .collect()
}

/// The epoch's normalised stake `s` (I32F32): [`stake_weights`] divided by their sum.
pub fn normalized_stake(
    alpha_stake: &[u64],
    root_stake: &[u64],
    raw_tao_weight: u64,
) -> Vec<I32F32> {
    let mut weights = stake_weights(alpha_stake, root_stake, raw_tao_weight);
    normalize_64(&mut weights);
    weights
        .into_iter()
        .map(I32F32::saturating_from_num)
        .collect()
}
