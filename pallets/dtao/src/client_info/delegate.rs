//! What clients read about delegates (validator hotkeys with a take): the reference's
//! `DelegateInfo` and the `DelegateInfoRuntimeApi` methods `get_delegates`, `get_delegate`,
//! `get_delegated` (reference: `rpc_info/delegate_info.rs` at `6b86ebf30`; the runtime
//! declares the API under the same trait and method names, which the Bittensor SDK and btcli
//! call by name). Filled from storage; read-only.
use crate::{
    Alpha, Config, Delegates, Emission, NetUid, NetworksAdded, Owner, Pallet, Tempo,
    TotalHotkeyAlpha, Uids, ValidatorPermit, ROOT_NETUID,
};
use alloc::{collections::BTreeMap, vec::Vec};
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;
use substrate_fixed::types::U64F64;

/// A nominator's stakes on one delegate: (netuid, alpha) pairs.
pub type NominatorStakes = Vec<(Compact<u16>, Compact<u64>)>;

/// A delegate as the reference's `DelegateInfo` encodes it (field for field).
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct DelegateInfo<AccountId> {
    /// The delegate hotkey.
    pub delegate_ss58: AccountId,
    /// Its delegate take (raw u16, /65535).
    pub take: Compact<u16>,
    /// Each nominator coldkey with its (netuid, alpha) stakes on this hotkey.
    pub nominators: Vec<(AccountId, NominatorStakes)>,
    /// The hotkey's owner coldkey.
    pub owner_ss58: AccountId,
    /// Netuids where the hotkey holds a UID.
    pub registrations: Vec<Compact<u16>>,
    /// Netuids where that UID holds a validator permit.
    pub validator_permits: Vec<Compact<u16>>,
    /// Nominators' daily return per 1_000 TAO of root stake, after the take.
    pub return_per_1000: Compact<u64>,
    /// The hotkey's daily emission: Σ over its UIDs of `Emission · 7_200 / Tempo`.
    pub total_daily_return: Compact<u64>,
}

/// A delegated stake: (the delegate, (netuid, alpha)).
pub type Delegated<AccountId> = (DelegateInfo<AccountId>, (Compact<u16>, Compact<u64>));

impl<T: Config> Pallet<T> {
    fn delegate_info(delegate: &T::AccountId, with_nominators: bool) -> DelegateInfo<T::AccountId> {
        let mut nominators: BTreeMap<T::AccountId, NominatorStakes> = BTreeMap::new();
        if with_nominators {
            for ((coldkey, netuid), shares) in Alpha::<T>::iter_prefix((delegate,)) {
                if shares == U64F64::from_num(0u8) {
                    continue;
                }
                let stake = Self::get_stake_for_hotkey_and_coldkey_on_subnet(delegate, &coldkey, netuid);
                nominators.entry(coldkey).or_default().push((netuid.into(), stake.into()));
            }
        }
        let mut netuids: Vec<NetUid> = NetworksAdded::<T>::iter_keys().collect();
        netuids.sort();
        let mut registrations = Vec::new();
        let mut validator_permits = Vec::new();
        let mut per_day = U64F64::from_num(0u8);
        for netuid in netuids {
            let Some(uid) = Uids::<T>::get(netuid, delegate) else { continue };
            registrations.push(netuid.into());
            let index = usize::from(uid);
            if ValidatorPermit::<T>::get(netuid).get(index).copied().unwrap_or(false) {
                validator_permits.push(netuid.into());
            }
            let emission = U64F64::from_num(Emission::<T>::get(netuid).get(index).copied().unwrap_or(0));
            let tempo = U64F64::from_num(Tempo::<T>::get(netuid));
            if tempo > U64F64::from_num(0u8) {
                let epochs = U64F64::from_num(7_200u32).checked_div(tempo).unwrap_or_default();
                per_day = per_day.saturating_add(emission.saturating_mul(epochs));
            }
        }
        let take = Delegates::<T>::get(delegate);
        let root_stake = U64F64::from_num(TotalHotkeyAlpha::<T>::get(delegate, ROOT_NETUID));
        let return_per_1000 = if root_stake > U64F64::from_num(0u8) {
            let without_take = U64F64::from_num(1u8)
                .saturating_sub(U64F64::from_num(take).checked_div(U64F64::from_num(u16::MAX)).unwrap_or_default());
            let thousand_tao = root_stake.checked_div(U64F64::from_num(1_000_000_000_000u64)).unwrap_or_default();
            per_day.saturating_mul(without_take).checked_div(thousand_tao).unwrap_or_default()
        } else {
            U64F64::from_num(0u8)
        };
        DelegateInfo {
            delegate_ss58: delegate.clone(),
            take: take.into(),
            nominators: nominators.into_iter().collect(),
            owner_ss58: Owner::<T>::get(delegate).unwrap_or_else(|| {
                // The reference's `Owner` defaults to the all-zero account.
                T::AccountId::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes())
                    .unwrap_or_else(|_| delegate.clone())
            }),
            registrations,
            validator_permits,
            return_per_1000: return_per_1000.saturating_to_num::<u64>().into(),
            total_daily_return: per_day.saturating_to_num::<u64>().into(),
        }
    }

    /// `get_delegate`: the delegate's info, if the hotkey has a take stored.
    pub fn get_delegate(delegate: T::AccountId) -> Option<DelegateInfo<T::AccountId>> {
        Delegates::<T>::contains_key(&delegate).then(|| Self::delegate_info(&delegate, true))
    }

    /// `get_delegates`: every hotkey with a take stored.
    pub fn get_delegates() -> Vec<DelegateInfo<T::AccountId>> {
        Delegates::<T>::iter_keys().map(|d| Self::delegate_info(&d, true)).collect()
    }

    /// `get_delegated`: every (delegate, netuid) where `coldkey` holds shares, with its stake.
    pub fn get_delegated(coldkey: T::AccountId) -> Vec<Delegated<T::AccountId>> {
        let mut out = Vec::new();
        for delegate in Delegates::<T>::iter_keys() {
            for (netuid, _) in Alpha::<T>::iter_prefix((&delegate, &coldkey)) {
                let stake = Self::get_stake_for_hotkey_and_coldkey_on_subnet(&delegate, &coldkey, netuid);
                out.push((Self::delegate_info(&delegate, false), (netuid.into(), stake.into())));
            }
        }
        out
    }
}
