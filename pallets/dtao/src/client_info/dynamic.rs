//! What clients read about a subnet's pool and emission: the reference's `DynamicInfo` and the
//! `SubnetInfoRuntimeApi` methods `get_dynamic_info` and `get_all_dynamic_info` (reference:
//! `rpc_info/dynamic_info.rs` at `6b86ebf30`). Clients compute the price as
//! `tao_in / alpha_in`; there is no price field.
use super::subnet::{zero_account, SubnetIdentityV2};
use crate::{
    Config, LastMechansimStepBlock, NetUid, NetworkRegisteredAt, NetworksAdded, Pallet,
    PendingEmission, PendingRootDivs, SubnetAlphaIn, SubnetAlphaInEmission, SubnetAlphaOut,
    SubnetAlphaOutEmission, SubnetIdentitiesV2, SubnetMovingPrice, SubnetOwner, SubnetOwnerHotkey,
    SubnetTAO, SubnetTaoInEmission, SubnetVolume, Tempo,
};
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;
use substrate_fixed::types::I96F32;

/// A subnet's pool and emission state as the reference's `DynamicInfo` encodes it.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct DynamicInfo<AccountId> {
    /// Netuid.
    pub netuid: Compact<u16>,
    /// `SubnetOwnerHotkey` (all-zero account if none).
    pub owner_hotkey: AccountId,
    /// `SubnetOwner` (all-zero account if none).
    pub owner_coldkey: AccountId,
    /// Name, UTF-8 ([`Pallet::get_name_for_subnet`]).
    pub subnet_name: Vec<Compact<u8>>,
    /// Token symbol, UTF-8 ([`Pallet::get_symbol_for_subnet`]).
    pub token_symbol: Vec<Compact<u8>>,
    /// Tempo.
    pub tempo: Compact<u16>,
    /// `LastMechansimStepBlock`.
    pub last_step: Compact<u64>,
    /// Current block less `last_step`.
    pub blocks_since_last_step: Compact<u64>,
    /// Deprecated, always 0.
    pub emission: Compact<u64>,
    /// `SubnetAlphaIn`.
    pub alpha_in: Compact<u64>,
    /// `SubnetAlphaOut`.
    pub alpha_out: Compact<u64>,
    /// `SubnetTAO`.
    pub tao_in: Compact<u64>,
    /// `SubnetAlphaOutEmission`.
    pub alpha_out_emission: Compact<u64>,
    /// `SubnetAlphaInEmission`.
    pub alpha_in_emission: Compact<u64>,
    /// `SubnetTaoInEmission`.
    pub tao_in_emission: Compact<u64>,
    /// `PendingEmission`.
    pub pending_alpha_emission: Compact<u64>,
    /// `PendingRootDivs`.
    pub pending_root_emission: Compact<u64>,
    /// `SubnetVolume`.
    pub subnet_volume: Compact<u128>,
    /// `NetworkRegisteredAt`.
    pub network_registered_at: Compact<u64>,
    /// `SubnetIdentitiesV2`.
    pub subnet_identity: Option<SubnetIdentityV2>,
    /// `SubnetMovingPrice`.
    pub moving_price: I96F32,
}

/// UTF-8 bytes as the reference's `Vec<Compact<u8>>`.
pub(crate) fn compact_bytes(bytes: Vec<u8>) -> Vec<Compact<u8>> {
    bytes.into_iter().map(Compact).collect()
}

impl<T: Config> Pallet<T> {
    /// `get_dynamic_info`: `None` if the subnet does not exist.
    pub fn get_dynamic_info(netuid: NetUid) -> Option<DynamicInfo<T::AccountId>> {
        if !NetworksAdded::<T>::get(netuid) {
            return None;
        }
        let owner_hotkey = match SubnetOwnerHotkey::<T>::get(netuid) {
            Some(hotkey) => hotkey,
            None => zero_account()?,
        };
        let owner_coldkey = match SubnetOwner::<T>::get(netuid) {
            Some(coldkey) => coldkey,
            None => zero_account()?,
        };
        let last_step = LastMechansimStepBlock::<T>::get(netuid);
        Some(DynamicInfo {
            netuid: netuid.into(),
            owner_hotkey,
            owner_coldkey,
            subnet_name: compact_bytes(Self::get_name_for_subnet(netuid)),
            token_symbol: compact_bytes(Self::get_symbol_for_subnet(netuid)),
            tempo: Tempo::<T>::get(netuid).into(),
            last_step: last_step.into(),
            blocks_since_last_step: Self::current_block().saturating_sub(last_step).into(),
            emission: 0u64.into(),
            alpha_in: SubnetAlphaIn::<T>::get(netuid).into(),
            alpha_out: SubnetAlphaOut::<T>::get(netuid).into(),
            tao_in: SubnetTAO::<T>::get(netuid).into(),
            alpha_out_emission: SubnetAlphaOutEmission::<T>::get(netuid).into(),
            alpha_in_emission: SubnetAlphaInEmission::<T>::get(netuid).into(),
            tao_in_emission: SubnetTaoInEmission::<T>::get(netuid).into(),
            pending_alpha_emission: PendingEmission::<T>::get(netuid).into(),
            pending_root_emission: PendingRootDivs::<T>::get(netuid).into(),
            subnet_volume: SubnetVolume::<T>::get(netuid).into(),
            network_registered_at: NetworkRegisteredAt::<T>::get(netuid).into(),
            subnet_identity: SubnetIdentitiesV2::<T>::get(netuid),
            moving_price: SubnetMovingPrice::<T>::get(netuid),
        })
    }

    /// `get_all_dynamic_info`: one entry per `NetworksAdded` key, in storage order (as the
    /// reference's `get_all_subnet_netuids`), root included.
    pub fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<T::AccountId>>> {
        NetworksAdded::<T>::iter_keys().map(Self::get_dynamic_info).collect()
    }
}
