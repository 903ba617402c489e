//! Child keys: a parent hotkey lends a proportion of its stake weight on one subnet to child
//! hotkeys, and the children pass the matching share of their dividends back (reference at
//! `6b86ebf30`: `get_inherited_for_hotkey_on_subnet`, `get_tao_inherited_for_hotkey_on_subnet`
//! in `staking/stake_utils.rs`; `get_self_contribution` and
//! `get_parent_child_dividends_distribution` in `coinbase/run_coinbase.rs`).
//!
//! Proportions are raw u64, `p = raw / u64::MAX` (U96F32). With `own` a hotkey's stake (its
//! `TotalHotkeyAlpha` on the subnet, or on root for the TAO side):
//! - inherited stake `⌊own − Σ_children own·p_c + Σ_parents parent_own·p_p⌋` (U96F32,
//!   saturating), the stake the epoch weighs (alpha and root separately);
//! - self contribution `⌊α·r + R·r·tw⌋` with `r = 1 − Σ_children p_c` (saturating) and
//!   `tw = TaoWeight / u64::MAX`;
//! - each parent's contribution `α_p·p + R_p·p·tw` (its own stakes);
//! - a dividend `d` is split by contribution: parent `i` gets `d·c_i / C` (`C` = self + Σ
//!   parents; 0 when `C` is 0) less the childkey take `take·(d·c_i/C)` unless the parent and
//!   the child have the same owner; the hotkey keeps `⌊d − Σ parents' shares + Σ takes⌋`;
//!   each parent's share is floored.
use super::{safe_div, stake::tao_weight, Vec, U96F32};

/// `raw / u64::MAX` (U96F32): a child-key proportion.
pub fn proportion(raw: u64) -> U96F32 {
    safe_div(U96F32::saturating_from_num(raw), U96F32::saturating_from_num(u64::MAX))
}

/// The stake a hotkey weighs with on a subnet: its own, less what it lends to its children,
/// plus what its parents lend to it. `children` are the proportions lent; `parents` are
/// (proportion, the parent's own stake).
pub fn inherited_stake(own: u64, children: &[u64], parents: &[(u64, u64)]) -> u64 {
    let initial = U96F32::saturating_from_num(own);
    let to_children = children.iter().fold(U96F32::from_num(0u8), |acc, p| {
        acc.saturating_add(initial.saturating_mul(proportion(*p)))
    });
    let from_parents = parents.iter().fold(U96F32::from_num(0u8), |acc, (p, parent)| {
        acc.saturating_add(U96F32::saturating_from_num(*parent).saturating_mul(proportion(*p)))
    });
    initial.saturating_sub(to_children).saturating_add(from_parents).saturating_to_num::<u64>()
}

/// A parent of the hotkey whose dividend is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parent {
    /// The proportion the parent lends (raw u64).
    pub proportion: u64,
    /// The parent's own alpha on the subnet.
    pub alpha: u64,
    /// The parent's own stake on root.
    pub root: u64,
    /// Whether the parent's owner coldkey is the child's: then no childkey take.
    pub same_owner: bool,
}

/// The hotkey's own contribution to its stake weight: `⌊(α + R·tw) · (1 − Σ children p)⌋`
/// computed as the reference does (`get_self_contribution`).
pub fn self_contribution(alpha: u64, root: u64, children: &[u64], raw_tao_weight: u64) -> u64 {
    let remaining = children
        .iter()
        .fold(U96F32::from_num(1u8), |acc, p| acc.saturating_sub(proportion(*p)));
    let tw = tao_weight(raw_tao_weight);
    let alpha_part = U96F32::saturating_from_num(alpha).saturating_mul(remaining);
    let root_part = U96F32::saturating_from_num(root).saturating_mul(remaining).saturating_mul(tw);
    alpha_part.saturating_add(root_part).saturating_to_num::<u64>()
}

/// Splits a hotkey's validator `dividend` between its parents and itself. Returns each
/// parent's share (in `parents`' order) and the hotkey's own share.
pub fn split_with_parents(
    dividend: u64,
    childkey_take: u16,
    own: (u64, u64),
    children: &[u64],
    parents: &[Parent],
    raw_tao_weight: u64,
) -> (Vec<u64>, u64) {
    let validating = U96F32::saturating_from_num(dividend);
    let take = safe_div(U96F32::saturating_from_num(childkey_take), U96F32::saturating_from_num(u16::MAX));
    let tw = tao_weight(raw_tao_weight);
    let mut total = U96F32::saturating_from_num(self_contribution(own.0, own.1, children, raw_tao_weight));
    let contributions: Vec<U96F32> = parents
        .iter()
        .map(|p| {
            let share = proportion(p.proportion);
            let alpha = U96F32::saturating_from_num(p.alpha).saturating_mul(share);
            let root = U96F32::saturating_from_num(p.root).saturating_mul(share).saturating_mul(tw);
            let c = alpha.saturating_add(root);
            total = total.saturating_add(c);
            c
        })
        .collect();
    let mut remaining = validating;
    let mut takes = U96F32::from_num(0u8);
    let shares = parents
        .iter()
        .zip(contributions)
        .map(|(p, c)| {
            let factor = c.checked_div(total).unwrap_or(U96F32::from_num(0u8));
            let emission = validating.saturating_mul(factor);
            remaining = remaining.saturating_sub(emission);
            let cut = if p.same_owner { U96F32::from_num(0u8) } else { take.saturating_mul(emission) };
            takes = takes.saturating_add(cut);
            emission.saturating_sub(cut).saturating_to_num::<u64>()
        })
        .collect();
    (shares, remaining.saturating_add(takes).saturating_to_num::<u64>())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HALF: u64 = u64::MAX / 2;

    #[test]
    fn without_links_the_stake_and_the_dividend_are_the_hotkeys_own() {
        assert_eq!(inherited_stake(1_000, &[], &[]), 1_000);
        assert_eq!(split_with_parents(777, 11_796, (1_000, 0), &[], &[], 0), (Vec::new(), 777));
    }

    #[test]
    fn a_child_weighs_what_its_parent_lends() {
        // Worked in U96F32 by hand (32 fractional bits, products and quotients floored):
        // p = ((2^63 − 1)·2^32) / (2^64 − 1) floors to 2^31 − 1 ulps = 0.49999999976716935.
        let p = proportion(HALF);
        assert_eq!(p.to_bits(), (1u128 << 31) - 1);
        // The parent keeps 1_000 − 1_000·p = 500.00000023… → 500.
        assert_eq!(inherited_stake(1_000, &[HALF], &[]), 500);
        // A child with 100 of its own weighs 100 + 1_000·p = 599.99999976… → 599.
        assert_eq!(inherited_stake(100, &[], &[(HALF, 1_000)]), 599);
    }

    #[test]
    fn a_dividend_goes_back_to_the_parent_by_contribution_less_the_childkey_take() {
        // Child: own alpha 100, no root, no children: self contribution 100. Parent lends p of
        // 1_000 alpha: contribution c = 499.99999976…; C = 599.99999976…. Dividend 600:
        // factor c/C = 0.83333333325…, share 600·factor = 499.99999995…; childkey take
        // 6_553/65_535 = 0.09999237…, cut = 49.99618522…. Parent ⌊share − cut⌋ = 450; the
        // child keeps ⌊600 − share + cut⌋ = ⌊149.99618…⌋ = 149.
        let parent = Parent { proportion: HALF, alpha: 1_000, root: 0, same_owner: false };
        let (shares, own) = split_with_parents(600, 6_553, (100, 0), &[], &[parent], 0);
        assert_eq!(shares, vec![450]);
        assert_eq!(own, 149);
        // Same owner: no take; parent ⌊499.99999995…⌋ = 499, child ⌊100.00000004…⌋ = 100.
        let parent = Parent { same_owner: true, ..parent };
        assert_eq!(split_with_parents(600, 6_553, (100, 0), &[], &[parent], 0), (vec![499], 100));
    }

    #[test]
    fn nothing_to_split_when_no_one_contributes() {
        let parent = Parent { proportion: HALF, alpha: 0, root: 0, same_owner: false };
        // C = 0: every factor is 0, the hotkey keeps the whole dividend.
        assert_eq!(split_with_parents(600, 6_553, (0, 0), &[], &[parent], 0), (vec![0], 600));
    }
}
