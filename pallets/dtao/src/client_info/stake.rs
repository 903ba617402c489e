//! What clients read about a coldkey's stakes: the reference's `StakeInfo` and the
//! `StakeInfoRuntimeApi` methods `get_stake_info_for_coldkey(s)`,
//! `get_stake_info_for_hotkey_coldkey_netuid` and `get_stake_fee` (reference:
//! `rpc_info/stake_info.rs` at `6b86ebf30`).
use crate::{
    AlphaDividendsPerSubnet, Config, NetUid, NetworksAdded, Pallet, StakingHotkeys,
    TaoDividendsPerSubnet, Uids,
};
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;

/// One (hotkey, coldkey, netuid) stake as the reference's `StakeInfo` encodes it.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct StakeInfo<AccountId> {
    /// The hotkey staked on.
    pub hotkey: AccountId,
    /// The staking coldkey.
    pub coldkey: AccountId,
    /// The subnet.
    pub netuid: Compact<u16>,
    /// The position's alpha.
    pub stake: Compact<u64>,
    /// Always 0.
    pub locked: Compact<u64>,
    /// The hotkey's `AlphaDividendsPerSubnet` (its whole last-epoch alpha dividend, not this
    /// position's share).
    pub emission: Compact<u64>,
    /// The hotkey's `TaoDividendsPerSubnet`.
    pub tao_emission: Compact<u64>,
    /// Always 0.
    pub drain: Compact<u64>,
    /// Whether the hotkey holds a UID on the subnet.
    pub is_registered: bool,
}

/// A coldkey with its stake infos (`get_stake_info_for_coldkeys`).
pub type ColdkeyStakes<AccountId> = (AccountId, Vec<StakeInfo<AccountId>>);

impl<T: Config> Pallet<T> {
    fn stake_info(hotkey: T::AccountId, coldkey: T::AccountId, netuid: NetUid, alpha: u64) -> StakeInfo<T::AccountId> {
        StakeInfo {
            emission: AlphaDividendsPerSubnet::<T>::get(netuid, &hotkey).into(),
            tao_emission: TaoDividendsPerSubnet::<T>::get(netuid, &hotkey).into(),
            is_registered: Uids::<T>::contains_key(netuid, &hotkey),
            hotkey,
            coldkey,
            netuid: netuid.into(),
            stake: alpha.into(),
            locked: 0u64.into(),
            drain: 0u64.into(),
        }
    }

    /// `get_stake_info_for_coldkey`: every nonzero stake of `coldkey` over its
    /// `StakingHotkeys`, subnet by subnet in `NetworksAdded` storage order, hotkeys in list
    /// order within a subnet.
    pub fn get_stake_info_for_coldkey(coldkey_account: T::AccountId) -> Vec<StakeInfo<T::AccountId>> {
        let hotkeys = StakingHotkeys::<T>::get(&coldkey_account);
        let mut out = Vec::new();
        for netuid in NetworksAdded::<T>::iter_keys() {
            for hotkey in &hotkeys {
                let alpha = Self::get_stake_for_hotkey_and_coldkey_on_subnet(hotkey, &coldkey_account, netuid);
                if alpha > 0 {
                    out.push(Self::stake_info(hotkey.clone(), coldkey_account.clone(), netuid, alpha));
                }
            }
        }
        out
    }

    /// `get_stake_info_for_coldkeys`: [`Self::get_stake_info_for_coldkey`] for each coldkey,
    /// in the order given (an empty list answers empty).
    pub fn get_stake_info_for_coldkeys(
        coldkey_accounts: Vec<T::AccountId>,
    ) -> Vec<ColdkeyStakes<T::AccountId>> {
        coldkey_accounts
            .into_iter()
            .map(|coldkey| {
                let info = Self::get_stake_info_for_coldkey(coldkey.clone());
                (coldkey, info)
            })
            .collect()
    }

    /// `get_stake_info_for_hotkey_coldkey_netuid`: always `Some`, as in the reference, with a
    /// zero stake where there is none (even on a subnet that does not exist).
    pub fn get_stake_info_for_hotkey_coldkey_netuid(
        hotkey_account: T::AccountId,
        coldkey_account: T::AccountId,
        netuid: NetUid,
    ) -> Option<StakeInfo<T::AccountId>> {
        let alpha = Self::get_stake_for_hotkey_and_coldkey_on_subnet(&hotkey_account, &coldkey_account, netuid);
        Some(Self::stake_info(hotkey_account, coldkey_account, netuid, alpha))
    }

    /// `get_stake_fee`: the reference's `calculate_staking_fee` for moving `amount` (alpha
    /// when `origin` is set, else TAO) from `origin` (hotkey, netuid) to `destination`; the
    /// coldkeys do not matter. Adding stake (`origin` `None`), moving within one subnet and
    /// leaving root or a non-dynamic subnet cost the flat 50_000 rao
    /// (`dtao_math::fee::DEFAULT_STAKING_FEE`); leaving a dynamic subnet costs at least that.
    pub fn get_stake_fee(
        origin: Option<(T::AccountId, NetUid)>,
        _origin_coldkey_account: T::AccountId,
        destination: Option<(T::AccountId, NetUid)>,
        _destination_coldkey_account: T::AccountId,
        amount: u64,
    ) -> u64 {
        let origin = origin.as_ref().map(|(hotkey, netuid)| (hotkey, *netuid));
        Self::staking_fee(origin, destination.map(|(_, netuid)| netuid), amount)
    }
}
