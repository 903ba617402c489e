//! Pools: prices and constant-product swaps against storage.
//!
//! Each subnet pool holds `SubnetTAO` (TAO reserve) and `SubnetAlphaIn` (alpha reserve);
//! `SubnetAlphaOut` counts the alpha outside it. Dynamic subnets (`SubnetMechanism` = 1) swap
//! on `x·y = k` in U110F18 and refuse a swap that would leave the output reserve below
//! 10_000_000 rao; root and stable subnets swap 1:1 at price 1.0. The formulas are
//! `dtao_math::pool`; this module applies their results, saturating, to `SubnetTAO`,
//! `SubnetAlphaIn`, `SubnetAlphaOut`, `TotalStake` and `SubnetVolume`, in the reference's
//! `swap_tao_for_alpha` / `swap_alpha_for_tao` order (`staking/stake_utils.rs`).
use crate::{
    Config, NetUid, Pallet, SubnetAlphaIn, SubnetAlphaOut, SubnetMechanism, SubnetMovingPrice,
    SubnetTAO, SubnetVolume, TotalStake, DYNAMIC_MECHANISM, ROOT_NETUID,
};
use dtao_math::pool as math;
use substrate_fixed::types::U96F32;

impl<T: Config> Pallet<T> {
    /// Whether the subnet trades on a constant-product pool (not root, mechanism 1).
    pub fn is_dynamic(netuid: NetUid) -> bool {
        netuid != ROOT_NETUID && SubnetMechanism::<T>::get(netuid) == DYNAMIC_MECHANISM
    }

    /// Spot price in TAO per alpha: 1 for root and stable subnets, else
    /// `SubnetTAO / SubnetAlphaIn` (0 for an empty pool).
    pub fn get_alpha_price(netuid: NetUid) -> U96F32 {
        math::alpha_price(
            Self::is_dynamic(netuid),
            SubnetTAO::<T>::get(netuid),
            SubnetAlphaIn::<T>::get(netuid),
        )
    }

    /// The price that sets the subnet's emission share: 1 for root and stable subnets, else the
    /// moving price (negative reads as 0).
    pub fn get_moving_alpha_price(netuid: NetUid) -> U96F32 {
        if !Self::is_dynamic(netuid) {
            return U96F32::from_num(1u8);
        }
        let moving = SubnetMovingPrice::<T>::get(netuid);
        if moving.is_negative() {
            U96F32::from_num(0u8)
        } else {
            U96F32::from_bits(moving.to_bits().unsigned_abs())
        }
    }

    /// Alpha that `tao` would buy now, or `None` if the pool refuses.
    pub fn sim_swap_tao_for_alpha(netuid: NetUid, tao: u64) -> Option<u64> {
        math::sim_swap_tao_for_alpha(
            SubnetMechanism::<T>::get(netuid) == DYNAMIC_MECHANISM,
            SubnetTAO::<T>::get(netuid),
            SubnetAlphaIn::<T>::get(netuid),
            tao,
        )
    }

    /// TAO that `alpha` would fetch now, or `None` if the pool refuses.
    pub fn sim_swap_alpha_for_tao(netuid: NetUid, alpha: u64) -> Option<u64> {
        math::sim_swap_alpha_for_tao(
            SubnetMechanism::<T>::get(netuid) == DYNAMIC_MECHANISM,
            SubnetTAO::<T>::get(netuid),
            SubnetAlphaIn::<T>::get(netuid),
            alpha,
        )
    }

    /// Sells `tao` to the pool; returns the alpha bought (0, and nothing changed, if refused).
    pub fn swap_tao_for_alpha(netuid: NetUid, tao: u64) -> u64 {
        let Some(alpha) = Self::sim_swap_tao_for_alpha(netuid, tao) else { return 0 };
        SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_sub(alpha));
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_add(alpha));
        SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(tao));
        TotalStake::<T>::mutate(|t| *t = t.saturating_add(tao));
        SubnetVolume::<T>::mutate(netuid, |v| *v = v.saturating_add(u128::from(tao)));
        alpha
    }

    /// Sells `alpha` to the pool; returns the TAO received (0, and nothing changed, if
    /// refused).
    pub fn swap_alpha_for_tao(netuid: NetUid, alpha: u64) -> u64 {
        let Some(tao) = Self::sim_swap_alpha_for_tao(netuid, alpha) else { return 0 };
        if netuid == ROOT_NETUID {
            Self::note_root_sale_beyond_pool(alpha, tao);
        }
        SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_add(alpha));
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(alpha));
        SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_sub(tao));
        TotalStake::<T>::mutate(|t| *t = t.saturating_sub(tao));
        SubnetVolume::<T>::mutate(netuid, |v| *v = v.saturating_add(u128::from(tao)));
        tao
    }

    /// The pool leg of a burned registration: `tao` buys alpha, which is destroyed
    /// (`SubnetAlphaOut` decreases). Returns the alpha bought and burned.
    pub fn burn_into_pool(netuid: NetUid, tao: u64) -> u64 {
        let alpha = Self::swap_tao_for_alpha(netuid, tao);
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(alpha));
        alpha
    }

    /// Adds a staking fee to the pool's TAO reserve (and `TotalStake`).
    pub(crate) fn credit_fee_to_pool(netuid: NetUid, fee: u64) {
        SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(fee));
        TotalStake::<T>::mutate(|t| *t = t.saturating_add(fee));
    }
}
