//! The split that `drain_pending_emission` makes of an epoch's output, before paying it
//! (reference: `drain_pending_emission`, `calculate_dividends_and_incentives`,
//! `calculate_dividend_distribution` in `coinbase/run_coinbase.rs` at `6b86ebf30`), for
//! hotkeys without child or parent keys.
//!
//! With `pa = pending_alpha`, `ps = pending_swapped`, `pt = pending_tao` (the epoch ran on
//! `pa + ps`) and `tw = TaoWeight / u64::MAX` (U96F32):
//! 1. `incentive_sum = Σ server_emission` (u64; the reference's unchecked `sum`, which wraps in
//!    the release runtime);
//! 2. `pending_validator_alpha = ⌊(pa + ps) / 2⌋ − ps` (saturating) when `incentive_sum ≠ 0`,
//!    else `pa`;
//! 3. per hotkey (summed over repeated hotkeys): `incentive` (u64) and `dividend` (U96F32 of
//!    the validator emission, after passing their shares to the hotkey's parents; without
//!    parents the hotkey keeps all of it);
//! 4. per hotkey with own stakes `(α, R)`: `root_prop = R·tw / (α + R·tw)` (0 when that fails),
//!    `root_div = dividend · root_prop`, `alpha_div = dividend − root_div`;
//! 5. `tao_dividend = pt · root_div / Σ root_div`,
//!    `alpha_dividend = pending_validator_alpha · alpha_div / Σ alpha_div` (each share 0 when
//!    its total is 0).
//!
//! The child/parent split of step 3 is the `distribute` argument ([`super::childkeys`]).
//! Not covered: the validator take and the owner-hotkey incentive burn of
//! `distribute_dividends_and_incentives`.
use super::stake::tao_weight;
use super::{BTreeMap, Vec, U96F32};

/// The pending amounts that `drain_pending_emission` receives, and `TaoWeight`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrainInput {
    /// `PendingEmission` (alpha for miners and validators, rao).
    pub pending_alpha: u64,
    /// `PendingAlphaSwapped` (alpha already sold for root dividends, rao).
    pub pending_swapped: u64,
    /// `PendingRootDivs` (TAO for root stakers, rao).
    pub pending_tao: u64,
    /// `TaoWeight`, raw u64 (divided by `u64::MAX`).
    pub tao_weight: u64,
}

impl DrainInput {
    /// What the epoch receives: `pending_alpha + pending_swapped` (saturating).
    pub fn rao_emission(&self) -> u64 {
        self.pending_alpha.saturating_add(self.pending_swapped)
    }
}

/// One hotkey's part of the split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HotkeyDrain<K> {
    /// The hotkey.
    pub hotkey: K,
    /// Miner incentive (alpha, rao).
    pub incentive: u64,
    /// Epoch validator emission, the weight of this hotkey's dividends.
    pub dividend: U96F32,
    /// Alpha dividend (`prop_alpha_dividends`).
    pub alpha_dividend: U96F32,
    /// Root (TAO) dividend (`tao_dividends`).
    pub tao_dividend: U96F32,
}

/// The split of one drain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrainSplit<K> {
    /// Sum of the epoch's server emissions.
    pub incentive_sum: u64,
    /// Alpha left for validators.
    pub pending_validator_alpha: u64,
    /// Every hotkey of the epoch's output, ascending (the reference's `BTreeMap` order).
    pub per_hotkey: Vec<HotkeyDrain<K>>,
}

/// Alpha left for validators: `⌊(pa + ps) / 2⌋ − ps` (saturating) when miners earned an
/// incentive, else all of `pending_alpha`.
pub fn pending_validator_alpha(
    incentive_sum: u64,
    pending_alpha: u64,
    pending_swapped: u64,
) -> u64 {
    if incentive_sum != 0 {
        pending_alpha
            .saturating_add(pending_swapped)
            .checked_div(2)
            .unwrap_or_default()
            .saturating_sub(pending_swapped)
    } else {
        pending_alpha
    }
}

/// A hotkey without child-key links keeps its whole validator emission: the `distribute`
/// argument of [`split_dividends`] for such subnets.
pub fn keep_own_dividend<K: Clone>(hotkey: &K, dividend: u64) -> Vec<(K, u64)> {
    core::iter::once((hotkey.clone(), dividend)).collect()
}

/// Splits an epoch's output `(hotkey, server_emission, validator_emission)` into incentives,
/// alpha dividends and TAO dividends. `distribute(hotkey, validator_emission)` passes a
/// hotkey's emission to its parents and itself (`get_parent_child_dividends_distribution`;
/// [`keep_own_dividend`] without child keys); `own_stake(recipient)` gives a recipient's own
/// `(TotalHotkeyAlpha on the subnet, TotalHotkeyAlpha on root)`. Every recipient is in the
/// result, in key order, parents outside the epoch included (with no incentive).
pub fn split_dividends<K: Ord + Clone>(
    input: &DrainInput,
    hotkey_emission: &[(K, u64, u64)],
    own_stake: impl Fn(&K) -> (u64, u64),
    distribute: impl Fn(&K, u64) -> Vec<(K, u64)>,
) -> DrainSplit<K> {
    let zero = U96F32::from_bits(0);
    let incentive_sum = hotkey_emission
        .iter()
        .fold(0u64, |acc, (_, incentive, _)| acc.wrapping_add(*incentive));
    let validator_alpha =
        pending_validator_alpha(incentive_sum, input.pending_alpha, input.pending_swapped);

    let mut incentives: BTreeMap<K, u64> = BTreeMap::new();
    let mut dividends: BTreeMap<K, U96F32> = BTreeMap::new();
    for (hotkey, incentive, dividend) in hotkey_emission {
        let slot = incentives.entry(hotkey.clone()).or_insert(0);
        *slot = slot.saturating_add(*incentive);
        for (recipient, part) in distribute(hotkey, *dividend) {
            let slot = dividends.entry(recipient).or_insert(zero);
            *slot = slot.saturating_add(U96F32::saturating_from_num(part));
        }
    }

    let tw = tao_weight(input.tao_weight);
    let mut total_root = zero;
    let mut total_alpha = zero;
    // (root_div, alpha_div) per hotkey, in key order.
    let mut parts: BTreeMap<K, (U96F32, U96F32)> = BTreeMap::new();
    for (hotkey, dividend) in &dividends {
        let (alpha, root) = own_stake(hotkey);
        let root_alpha = U96F32::saturating_from_num(root).saturating_mul(tw);
        let total = U96F32::saturating_from_num(alpha).saturating_add(root_alpha);
        let root_prop = root_alpha.checked_div(total).unwrap_or(zero);
        let root_div = dividend.saturating_mul(root_prop);
        let alpha_div = dividend.saturating_sub(root_div);
        total_root = total_root.saturating_add(root_div);
        total_alpha = total_alpha.saturating_add(alpha_div);
        parts.insert(hotkey.clone(), (root_div, alpha_div));
    }

    let pending_tao = U96F32::saturating_from_num(input.pending_tao);
    let pending_alpha = U96F32::saturating_from_num(validator_alpha);
    for recipient in dividends.keys() {
        incentives.entry(recipient.clone()).or_insert(0);
    }
    let per_hotkey = incentives
        .into_iter()
        .map(|(hotkey, incentive)| {
            let dividend = dividends.get(&hotkey).copied().unwrap_or(zero);
            let (root_div, alpha_div) = parts.get(&hotkey).copied().unwrap_or((zero, zero));
            let tao_dividend =
                pending_tao.saturating_mul(root_div.checked_div(total_root).unwrap_or(zero));
            let alpha_dividend =
                pending_alpha.saturating_mul(alpha_div.checked_div(total_alpha).unwrap_or(zero));
            HotkeyDrain {
                hotkey,
                incentive,
                dividend,
                alpha_dividend,
                tao_dividend,
            }
        })
        .collect();

    DrainSplit {
        incentive_sum,
        pending_validator_alpha: validator_alpha,
        per_hotkey,
    }
}
