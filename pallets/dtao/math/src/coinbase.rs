//! The per-subnet arithmetic of one block's coinbase, and the epoch schedule.
//!
//! For each emitting subnet (all U96F32, in this order):
//! 1. `tao_in = E·M / ΣM` (multiply first; 0 when `ΣM` is 0 or the division overflows);
//! 2. `α = E_alpha(A + O)` (the emission curve on the subnet's alpha issuance, error as 0);
//! 3. `alpha_in = min(tao_in / P, α)`, `α` when `P` is 0; `alpha_out = α`;
//! 4. if both registration flags are off, `tao_in := 0` (after `alpha_in` was computed);
//! 5. inject `⌊alpha_in⌋`, `⌊alpha_out⌋`, `⌊tao_in⌋` into the pool;
//! 6. `owner = alpha_out · SubnetOwnerCut/65535`, `alpha_out −= owner`;
//! 7. `W = R · TaoWeight/u64::MAX`, `root_alpha = W/(W + A + O) · alpha_out · ½` (issuance
//!    after injection), `pending = alpha_out − root_alpha`; `⌊root_alpha⌋` is sold through
//!    the pool (a refused sale returns 0 TAO and changes nothing).
//!
//! Subnets do not interact within a block (each touches only its own pool; the root TAO `R`
//! is read, never written), so [`subnet_emission`] computes one subnet's whole step. The
//! caller adds `tao_in` to `TotalStake` and `TotalIssuance` for every subnet before it
//! subtracts any `root_tao` from `TotalStake`, as the reference's loops do.
//!
//! Epochs run when `(block + netuid + 1) mod (tempo + 1) = tempo`; never for tempo 0.
//!
//! Reference: `run_coinbase`, `should_run_epoch`, `blocks_until_next_epoch` in
//! `coinbase/run_coinbase.rs`, `get_tao_weight` in `staking/stake_utils.rs`,
//! `get_float_subnet_owner_cut` in `utils/misc.rs`, at `6b86ebf30` (storage: `SubnetTAO`,
//! `SubnetAlphaIn`, `SubnetAlphaOut`, `SubnetMovingPrice`, `SubnetOwnerCut`, `TaoWeight`,
//! `NetworkRegistrationAllowed`, `NetworkPowRegistrationAllowed`, `Tempo`, `Pending*`).
use crate::{
    emission::block_emission_for_issuance,
    pool::{alpha_price, PoolReserves},
    safe_div,
};
use substrate_fixed::types::U96F32;

/// `E · M / ΣM`: the subnet's TAO share of the block emission (0 when `ΣM` is 0).
pub fn tao_in_share(block_emission: U96F32, moving_price: U96F32, total_moving: U96F32) -> U96F32 {
    block_emission
        .saturating_mul(moving_price)
        .checked_div(total_moving)
        .unwrap_or_default()
}

/// `min(tao_in / price, alpha_emission)`, with `alpha_emission` when the division fails
/// (price 0).
pub fn alpha_injection(tao_in: U96F32, price: U96F32, alpha_emission: U96F32) -> U96F32 {
    tao_in
        .checked_div(price)
        .unwrap_or(alpha_emission)
        .min(alpha_emission)
}

/// `raw / 65535` for a u16 proportion (`get_float_subnet_owner_cut`).
pub fn u16_fraction(raw: u16) -> U96F32 {
    safe_div(
        U96F32::saturating_from_num(raw),
        U96F32::saturating_from_num(u16::MAX),
    )
}

/// `raw / u64::MAX` for a u64 proportion (`get_tao_weight`).
pub fn u64_fraction(raw: u64) -> U96F32 {
    safe_div(
        U96F32::saturating_from_num(raw),
        U96F32::saturating_from_num(u64::MAX),
    )
}

/// The owner's cut of `alpha_out`: `alpha_out · cut/65535`.
pub fn owner_cut(alpha_out: U96F32, cut: u16) -> U96F32 {
    alpha_out.saturating_mul(u16_fraction(cut))
}

/// Root's share of the validators' alpha: `W / (W + alpha_issuance)` with
/// `W = root_tao · tao_weight/u64::MAX` (0 if the division fails).
pub fn root_proportion(root_tao: u64, tao_weight: u64, alpha_issuance: u64) -> U96F32 {
    let weighted = U96F32::saturating_from_num(root_tao).saturating_mul(u64_fraction(tao_weight));
    weighted
        .checked_div(weighted.saturating_add(U96F32::saturating_from_num(alpha_issuance)))
        .unwrap_or_default()
}

/// Alpha sold for root dividends: `root_proportion · alpha_out · ½` (root competes for the
/// validators' half only).
pub fn root_alpha(
    root_tao: u64,
    tao_weight: u64,
    alpha_issuance: u64,
    alpha_out: U96F32,
) -> U96F32 {
    root_proportion(root_tao, tao_weight, alpha_issuance)
        .saturating_mul(alpha_out)
        .saturating_mul(U96F32::saturating_from_num(0.5))
}

/// Blocks until the subnet's next epoch: `tempo − (block + netuid + 1) mod (tempo + 1)`
/// (wrapping add); `u64::MAX` for tempo 0 (never).
pub fn blocks_until_next_epoch(netuid: u16, tempo: u16, block: u64) -> u64 {
    if tempo == 0 {
        return u64::MAX;
    }
    let adjusted = block.wrapping_add(u64::from(netuid).saturating_add(1));
    let remainder = adjusted
        .checked_rem(u64::from(tempo).saturating_add(1))
        .unwrap_or(0);
    u64::from(tempo).saturating_sub(remainder)
}

/// Whether the subnet's epoch (and drain) runs in `block`.
pub fn should_run_epoch(netuid: u16, tempo: u16, block: u64) -> bool {
    blocks_until_next_epoch(netuid, tempo, block) == 0
}

/// What one emitting subnet's coinbase step reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubnetEmissionInput {
    /// The TAO block emission `E` (U96F32 of the u64 emission).
    pub block_emission: U96F32,
    /// `ΣM` over the emitting subnets, read before any update.
    pub total_moving_prices: U96F32,
    /// This subnet's `get_moving_alpha_price` before the update.
    pub moving_price: U96F32,
    /// Mechanism 1 (constant product); the subnet is never root.
    pub is_dynamic: bool,
    /// The pool before the injection.
    pub reserves: PoolReserves,
    /// `NetworkRegistrationAllowed || NetworkPowRegistrationAllowed`.
    pub registration_open: bool,
    /// `SubnetOwnerCut` (raw u16).
    pub owner_cut: u16,
    /// `TaoWeight` (raw u64).
    pub tao_weight: u64,
    /// `SubnetTAO(0)`.
    pub root_tao: u64,
}

/// One subnet's coinbase step: the amounts (floored as they are stored) and the pool after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubnetEmission {
    /// `get_alpha_price` before the injection.
    pub price: U96F32,
    /// The subnet's alpha emission `α` for this block.
    pub alpha_emission: u64,
    /// TAO injected (`SubnetTaoInEmission`); add to `TotalStake` and `TotalIssuance`.
    pub tao_in: u64,
    /// Alpha injected into the pool (`SubnetAlphaInEmission`).
    pub alpha_in: u64,
    /// Alpha added outside the pool (`SubnetAlphaOutEmission`), `= alpha_emission`.
    pub alpha_out: u64,
    /// Added to `PendingOwnerCut`.
    pub owner_cut: u64,
    /// Sold for root and added to `PendingAlphaSwapped` (even if the sale is refused).
    pub root_alpha: u64,
    /// TAO the sale returned: added to `PendingRootDivs`, subtracted from `TotalStake`.
    pub root_tao: u64,
    /// Added to `PendingEmission`.
    pub pending_alpha: u64,
    /// The pool after the injection and the root sale.
    pub reserves: PoolReserves,
    /// TAO to add to `SubnetVolume` (the root sale).
    pub volume: u64,
}

/// One emitting subnet's coinbase step, in the reference's order and types.
pub fn subnet_emission(input: &SubnetEmissionInput) -> SubnetEmission {
    let pool = input.reserves;
    let price = alpha_price(input.is_dynamic, pool.tao, pool.alpha_in);
    let tao_in = tao_in_share(
        input.block_emission,
        input.moving_price,
        input.total_moving_prices,
    );
    let alpha_emission = U96F32::saturating_from_num(
        block_emission_for_issuance(pool.alpha_issuance()).unwrap_or(0),
    );
    let alpha_in = alpha_injection(tao_in, price, alpha_emission);
    let tao_in = if input.registration_open {
        tao_in
    } else {
        U96F32::saturating_from_num(0u8)
    };

    let floor = |x: U96F32| x.saturating_to_num::<u64>();
    let (tao_in, alpha_in, alpha_out) = (floor(tao_in), floor(alpha_in), floor(alpha_emission));
    let injected = PoolReserves {
        tao: pool.tao.saturating_add(tao_in),
        alpha_in: pool.alpha_in.saturating_add(alpha_in),
        alpha_out: pool.alpha_out.saturating_add(alpha_out),
    };

    let owner = owner_cut(alpha_emission, input.owner_cut);
    let remaining = alpha_emission.saturating_sub(owner);
    let root = root_alpha(
        input.root_tao,
        input.tao_weight,
        injected.alpha_issuance(),
        remaining,
    );
    let pending = remaining.saturating_sub(root);
    let sale = injected.apply_alpha_for_tao(input.is_dynamic, floor(root));

    SubnetEmission {
        price,
        alpha_emission: alpha_out,
        tao_in,
        alpha_in,
        alpha_out,
        owner_cut: floor(owner),
        root_alpha: floor(root),
        root_tao: sale.amount_out,
        pending_alpha: floor(pending),
        reserves: sale.reserves,
        volume: sale.volume,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_split_the_emission() {
        let e = U96F32::from_num(1_000_000_000u64);
        let total = U96F32::from_num(3u8);
        assert_eq!(
            tao_in_share(e, U96F32::from_num(1u8), total).to_num::<u64>(),
            333_333_333
        );
        assert_eq!(
            tao_in_share(e, U96F32::from_num(1u8), U96F32::from_num(0u8)),
            U96F32::from_num(0u8)
        );
    }

    #[test]
    fn alpha_in_is_capped_and_price_zero_takes_the_cap() {
        let cap = U96F32::from_num(1_000u32);
        assert_eq!(
            alpha_injection(U96F32::from_num(10u8), U96F32::from_num(2u8), cap),
            U96F32::from_num(5u8)
        );
        assert_eq!(
            alpha_injection(U96F32::from_num(10_000u32), U96F32::from_num(1u8), cap),
            cap
        );
        assert_eq!(
            alpha_injection(U96F32::from_num(10u8), U96F32::from_num(0u8), cap),
            cap
        );
    }

    #[test]
    fn epochs_are_staggered_by_netuid() {
        // (block + netuid + 1) mod (tempo + 1) == tempo
        assert_eq!(blocks_until_next_epoch(1, 10, 8), 0);
        assert_eq!(blocks_until_next_epoch(2, 10, 7), 0);
        assert_eq!(blocks_until_next_epoch(1, 10, 9), 10);
        assert_eq!(blocks_until_next_epoch(1, 0, 10), u64::MAX);
        assert!(should_run_epoch(0, 1, 0) && !should_run_epoch(1, 1, 0));
        // u64::MAX + 101 wraps to 100 = tempo: the epoch runs.
        assert_eq!(blocks_until_next_epoch(100, 100, u64::MAX), 0);
    }

    #[test]
    fn owner_cut_default_is_eighteen_percent() {
        let cut = owner_cut(U96F32::from_num(1_000_000_000u64), 11_796).to_num::<u64>();
        assert_eq!(cut, 179_995_422);
    }

    #[test]
    fn one_subnet_fresh_first_block() {
        // coinbase.json `single_subnet_fresh`, block 5_300_000 (moving price still 0).
        let input = SubnetEmissionInput {
            block_emission: U96F32::from_num(1_000_000_000u64),
            total_moving_prices: U96F32::from_num(0u8),
            moving_price: U96F32::from_num(0u8),
            is_dynamic: true,
            reserves: PoolReserves {
                tao: 1_000_000_000_000,
                alpha_in: 1_000_000_000_000,
                alpha_out: 200_000_000_000,
            },
            registration_open: true,
            owner_cut: 11_796,
            tao_weight: 971_718_665_099_567_868,
            root_tao: 3_000_000_000_000_000,
        };
        let out = subnet_emission(&input);
        assert_eq!(out.price, U96F32::from_num(1u8));
        assert_eq!(
            (out.tao_in, out.alpha_in, out.alpha_out),
            (0, 0, 1_000_000_000)
        );
        assert_eq!(
            (
                out.owner_cut,
                out.root_alpha,
                out.root_tao,
                out.pending_alpha
            ),
            (179_995_422, 406_909_864, 406_744_355, 413_094_713)
        );
        assert_eq!(
            out.reserves,
            PoolReserves {
                tao: 999_593_255_645,
                alpha_in: 1_000_406_909_864,
                alpha_out: 200_593_090_136
            }
        );
    }
}
