//! Accounting invariants, checked after every pallet test and every conformance scenario
//! (`do_try_state`), and by `try-runtime`.
//!
//! - `check_total_stake`: `TotalStake == Σ SubnetTAO` (root included).
//! - `check_issuance`: `TotalIssuance == Balances issuance + TotalStake + Σ PendingRootDivs
//!   + Σ UndistributedRootTao`: TAO sold out of a pool for root dividends stays counted until
//!   it is paid.
//! - `check_alpha`: per subnet, `SubnetAlphaOut ≥ Σ TotalHotkeyAlpha + PendingEmission +
//!   PendingOwnerCut + UndistributedAlpha + UndistributedOwnerCut`. The excess is rounding
//!   dust of the emission split and root alpha whose sale the pool refused, both of which
//!   the reference also leaves in `SubnetAlphaOut`.
//! - `check_pools`: no dynamic pool holds a reserve below the minimum liquidity unless the
//!   pool is empty.
use crate::{
    Config, NetUid, NetworksAdded, Pallet, PendingEmission, PendingOwnerCut, PendingRootDivs,
    SubnetAlphaIn, SubnetAlphaOut, SubnetTAO, TotalHotkeyAlpha, TotalIssuance, TotalStake,
    UndistributedAlpha, UndistributedOwnerCut, UndistributedRootTao,
};
use alloc::collections::BTreeMap;
use dtao_math::pool::MIN_POOL_LIQUIDITY;
use frame_support::traits::fungible::Inspect;
use sp_runtime::TryRuntimeError;

/// Signed differences of the exact invariants: all zero on a consistent chain. Conformance
/// scenarios start from arbitrary states, so they check that blocks leave these unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Imbalances {
    /// `TotalStake − Σ SubnetTAO`.
    pub stake: i128,
    /// `TotalIssuance − (Balances issuance + TotalStake + Σ pending and undistributed root TAO)`.
    pub issuance: i128,
}

impl<T: Config> Pallet<T> {
    /// The exact invariants' differences.
    pub fn imbalances() -> Imbalances {
        let pool_tao: u128 = SubnetTAO::<T>::iter_values().map(u128::from).sum();
        let root_divs: u128 = PendingRootDivs::<T>::iter_values()
            .chain(UndistributedRootTao::<T>::iter_values())
            .map(u128::from)
            .sum();
        let total_stake = i128::from(TotalStake::<T>::get());
        let balances = i128::from(T::Currency::total_issuance());
        Imbalances {
            stake: total_stake - pool_tao as i128,
            issuance: i128::from(TotalIssuance::<T>::get()) - balances - total_stake - root_divs as i128,
        }
    }

    /// `TotalStake == Σ SubnetTAO`.
    pub fn check_total_stake() -> Result<(), TryRuntimeError> {
        if Self::imbalances().stake != 0 {
            return Err("TotalStake differs from the sum of SubnetTAO".into());
        }
        Ok(())
    }

    /// `TotalIssuance == balances + staked + pending root TAO`.
    pub fn check_issuance() -> Result<(), TryRuntimeError> {
        if Self::imbalances().issuance != 0 {
            return Err("TotalIssuance differs from balances plus staked and pending TAO".into());
        }
        Ok(())
    }

    /// Alpha outstanding covers every staked, pending and undistributed unit.
    pub fn check_alpha() -> Result<(), TryRuntimeError> {
        let mut staked: BTreeMap<NetUid, u128> = BTreeMap::new();
        for (_, netuid, alpha) in TotalHotkeyAlpha::<T>::iter() {
            *staked.entry(netuid).or_default() += u128::from(alpha);
        }
        for netuid in NetworksAdded::<T>::iter_keys() {
            let owed = staked.get(&netuid).copied().unwrap_or(0) +
                u128::from(PendingEmission::<T>::get(netuid)) +
                u128::from(PendingOwnerCut::<T>::get(netuid)) +
                u128::from(UndistributedAlpha::<T>::get(netuid)) +
                u128::from(UndistributedOwnerCut::<T>::get(netuid));
            if u128::from(SubnetAlphaOut::<T>::get(netuid)) < owed {
                log::error!(target: "dtao", "netuid {netuid}: SubnetAlphaOut below what it owes ({owed})");
                return Err("SubnetAlphaOut is less than staked plus pending alpha".into());
            }
        }
        Ok(())
    }

    /// Dynamic pools are empty or hold at least the minimum liquidity on both sides.
    pub fn check_pools() -> Result<(), TryRuntimeError> {
        for netuid in NetworksAdded::<T>::iter_keys().filter(|n| Self::is_dynamic(*n)) {
            let (tao, alpha) = (SubnetTAO::<T>::get(netuid), SubnetAlphaIn::<T>::get(netuid));
            let empty = tao == 0 && alpha == 0;
            if !empty && (tao < MIN_POOL_LIQUIDITY || alpha < MIN_POOL_LIQUIDITY) {
                return Err("a pool is below the minimum liquidity".into());
            }
        }
        Ok(())
    }

    /// All invariants.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        Self::check_total_stake()?;
        Self::check_issuance()?;
        Self::check_alpha()?;
        Self::check_pools()
    }
}
