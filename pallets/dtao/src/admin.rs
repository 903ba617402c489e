//! Root-only parameters, set through `sudo_set_parameter` (on mainnet these are AdminUtils
//! calls). Each write emits [`Event::ParameterSet`](crate::Event::ParameterSet).
use crate::{
    pallet::{Error, Event},
    Config, DurationOfStartCall, EMAPriceHalvingBlocks, NetUid, NetworkLockReductionInterval,
    NetworkMinLockCost, NetworkPowRegistrationAllowed, NetworkRateLimit,
    NetworkRegistrationAllowed, NetworksAdded, Pallet, SubnetMovingAlpha, SubnetOwnerCut,
    TaoWeight, Tempo, TransferToggle,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use dtao_math::pool::MIN_POOL_LIQUIDITY;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use scale_info::TypeInfo;
use substrate_fixed::types::I96F32;

/// A chain or subnet parameter and its new value.
#[derive(
    Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum Parameter {
    /// `Tempo[netuid]` (0: no epochs).
    Tempo {
        /// Subnet.
        netuid: NetUid,
        /// Blocks per epoch.
        tempo: u16,
    },
    /// `SubnetOwnerCut` (raw u16, /65535).
    SubnetOwnerCut(u16),
    /// `TaoWeight` (raw u64, /u64::MAX).
    TaoWeight(u64),
    /// `SubnetMovingAlpha` as raw I96F32 bits (value = bits / 2^32), between 0 and 1.
    SubnetMovingAlphaBits(i128),
    /// `EMAPriceHalvingBlocks[netuid]`.
    EmaPriceHalvingBlocks {
        /// Subnet.
        netuid: NetUid,
        /// Blocks.
        blocks: u64,
    },
    /// `NetworkRegistrationAllowed[netuid]`.
    NetworkRegistrationAllowed {
        /// Subnet.
        netuid: NetUid,
        /// Allowed.
        allowed: bool,
    },
    /// `NetworkPowRegistrationAllowed[netuid]`.
    NetworkPowRegistrationAllowed {
        /// Subnet.
        netuid: NetUid,
        /// Allowed.
        allowed: bool,
    },
    /// `TransferToggle[netuid]`.
    TransferToggle {
        /// Subnet.
        netuid: NetUid,
        /// Transfers allowed.
        allowed: bool,
    },
    /// `NetworkMinLockCost` (rao): 0, or at least the pool minimum liquidity, since it seeds
    /// new pools.
    NetworkMinLockCost(u64),
    /// `NetworkLockReductionInterval` (blocks).
    NetworkLockReductionInterval(u64),
    /// `NetworkRateLimit` (blocks).
    NetworkRateLimit(u64),
    /// `DurationOfStartCall` (blocks).
    DurationOfStartCall(u64),
}

impl<T: Config> Pallet<T> {
    fn ensure_network(netuid: NetUid) -> DispatchResult {
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        Ok(())
    }

    /// Validates and writes one parameter.
    pub fn do_set_parameter(parameter: Parameter) -> DispatchResult {
        match parameter.clone() {
            Parameter::Tempo { netuid, tempo } => {
                Self::ensure_network(netuid)?;
                Tempo::<T>::insert(netuid, tempo);
            },
            Parameter::SubnetOwnerCut(cut) => SubnetOwnerCut::<T>::put(cut),
            Parameter::TaoWeight(weight) => TaoWeight::<T>::put(weight),
            Parameter::SubnetMovingAlphaBits(bits) => {
                let alpha = I96F32::from_bits(bits);
                ensure!(
                    alpha >= I96F32::from_num(0u8) && alpha <= I96F32::from_num(1u8),
                    Error::<T>::InvalidParameter
                );
                SubnetMovingAlpha::<T>::put(alpha);
            },
            Parameter::EmaPriceHalvingBlocks { netuid, blocks } => {
                Self::ensure_network(netuid)?;
                EMAPriceHalvingBlocks::<T>::insert(netuid, blocks);
            },
            Parameter::NetworkRegistrationAllowed { netuid, allowed } => {
                Self::ensure_network(netuid)?;
                NetworkRegistrationAllowed::<T>::insert(netuid, allowed);
            },
            Parameter::NetworkPowRegistrationAllowed { netuid, allowed } => {
                Self::ensure_network(netuid)?;
                NetworkPowRegistrationAllowed::<T>::insert(netuid, allowed);
            },
            Parameter::TransferToggle { netuid, allowed } => {
                Self::ensure_network(netuid)?;
                TransferToggle::<T>::insert(netuid, allowed);
            },
            Parameter::NetworkMinLockCost(cost) => {
                ensure!(cost == 0 || cost >= MIN_POOL_LIQUIDITY, Error::<T>::InvalidParameter);
                NetworkMinLockCost::<T>::put(cost);
            },
            Parameter::NetworkLockReductionInterval(blocks) =>
                NetworkLockReductionInterval::<T>::put(blocks),
            Parameter::NetworkRateLimit(blocks) => NetworkRateLimit::<T>::put(blocks),
            Parameter::DurationOfStartCall(blocks) => DurationOfStartCall::<T>::put(blocks),
        }
        Self::deposit_event(Event::ParameterSet(parameter));
        Ok(())
    }
}
