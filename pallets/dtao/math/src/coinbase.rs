//! The per-subnet arithmetic of one block's coinbase, and the epoch schedule.
//! Reference: `run_coinbase` and `blocks_until_next_epoch` in `coinbase/run_coinbase.rs` at
//! `6b86ebf30`; all values U96F32.
use crate::safe_div;
use substrate_fixed::types::U96F32;

/// `E · M / ΣM`: the subnet's TAO share of the block emission (0 when `ΣM` is 0).
pub fn tao_in_share(block_emission: U96F32, moving_price: U96F32, total_moving: U96F32) -> U96F32 {
    block_emission
        .saturating_mul(moving_price)
        .checked_div(total_moving)
        .unwrap_or_default()
}

/// `min(tao_in / price, alpha_emission)`, with `alpha_emission` when the price is 0.
pub fn alpha_injection(tao_in: U96F32, price: U96F32, alpha_emission: U96F32) -> U96F32 {
    tao_in.checked_div(price).unwrap_or(alpha_emission).min(alpha_emission)
}

/// `raw / 65535` for a u16 proportion.
pub fn u16_fraction(raw: u16) -> U96F32 {
    safe_div(U96F32::from_num(raw), U96F32::from_num(u16::MAX))
}

/// `raw / u64::MAX` for a u64 proportion (the TAO weight).
pub fn u64_fraction(raw: u64) -> U96F32 {
    safe_div(U96F32::from_num(raw), U96F32::from_num(u64::MAX))
}

/// The owner's cut of `alpha_out`: `alpha_out · cut/65535`.
pub fn owner_cut(alpha_out: U96F32, cut: u16) -> U96F32 {
    alpha_out.saturating_mul(u16_fraction(cut))
}

/// Share of validator alpha that belongs to root:
/// `W / (W + alpha_issuance)` with `W = root_tao · tao_weight`.
pub fn root_proportion(root_tao: u64, tao_weight: u64, alpha_issuance: u64) -> U96F32 {
    let weighted = U96F32::from_num(root_tao).saturating_mul(u64_fraction(tao_weight));
    weighted
        .checked_div(weighted.saturating_add(U96F32::from_num(alpha_issuance)))
        .unwrap_or_default()
}

/// Alpha sold for root dividends: `root_proportion · alpha_out · ½` (root competes for the
/// validators' half only).
pub fn root_alpha(root_tao: u64, tao_weight: u64, alpha_issuance: u64, alpha_out: U96F32) -> U96F32 {
    root_proportion(root_tao, tao_weight, alpha_issuance)
        .saturating_mul(alpha_out)
        .saturating_mul(U96F32::from_num(0.5))
}

/// Blocks until the subnet's next epoch: `tempo − (block + netuid + 1) mod (tempo + 1)`;
/// `u64::MAX` for tempo 0 (never).
pub fn blocks_until_next_epoch(netuid: u16, tempo: u16, block: u64) -> u64 {
    if tempo == 0 {
        return u64::MAX;
    }
    let adjusted = block.wrapping_add(u64::from(netuid).saturating_add(1));
    let remainder = adjusted.checked_rem(u64::from(tempo).saturating_add(1)).unwrap_or(0);
    u64::from(tempo).saturating_sub(remainder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_split_the_emission() {
        let e = U96F32::from_num(1_000_000_000u64);
        let total = U96F32::from_num(3u8);
        assert_eq!(tao_in_share(e, U96F32::from_num(1u8), total).to_num::<u64>(), 333_333_333);
        assert_eq!(tao_in_share(e, U96F32::from_num(1u8), U96F32::from_num(0u8)), U96F32::from_num(0u8));
    }

    #[test]
    fn alpha_in_is_capped_and_price_zero_takes_the_cap() {
        let cap = U96F32::from_num(1_000u32);
        assert_eq!(alpha_injection(U96F32::from_num(10u8), U96F32::from_num(2u8), cap), U96F32::from_num(5u8));
        assert_eq!(alpha_injection(U96F32::from_num(10_000u32), U96F32::from_num(1u8), cap), cap);
        assert_eq!(alpha_injection(U96F32::from_num(10u8), U96F32::from_num(0u8), cap), cap);
    }

    #[test]
    fn epochs_are_staggered_by_netuid() {
        // (block + netuid + 1) mod (tempo + 1) == tempo
        assert_eq!(blocks_until_next_epoch(1, 10, 8), 0);
        assert_eq!(blocks_until_next_epoch(2, 10, 7), 0);
        assert_eq!(blocks_until_next_epoch(1, 10, 9), 10);
        assert_eq!(blocks_until_next_epoch(1, 0, 10), u64::MAX);
    }
}
