//! Root-only parameters, set through `sudo_set_parameter` (on mainnet these are AdminUtils
//! calls). Each write emits [`Event::ParameterSet`].
use crate::{
    pallet::{Error, Event},
    Config, DurationOfStartCall, EMAPriceHalvingBlocks, NetUid, NetworkLockReductionInterval,
    NetworkMinLockCost, NetworkPowRegistrationAllowed, NetworkRateLimit,
    NetworkRegistrationAllowed, NetworksAdded, Pallet, SubnetMovingAlpha, SubnetOwnerCut,
    TaoWeight, Tempo, TransferToggle,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use dtao_math::pool::MIN_POOL_LIQUIDITY;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use scale_info::TypeInfo;
use substrate_fixed::types::I96F32;

/// The most neurons a subnet may be set to hold (`MaxAllowedUids`): the reference's default,
/// 4,096, the top of the epoch benchmark's range. The reference accepts any `u16` (audit F17).
pub const MAX_ALLOWED_UIDS_BOUND: u16 = 4096;

/// The most validator permits a subnet may be set to have (`MaxAllowedValidators`): the
/// reference's default, 128, the top of the epoch benchmark's range, so that the epoch's
/// declared weight is never extrapolated. The reference accepts up to `MaxAllowedUids`.
pub const MAX_ALLOWED_VALIDATORS_BOUND: u16 = 128;

/// The most dense weight entries one epoch holds at these bounds, 4,096 × 128. An epoch keeps
/// about 97 bytes per entry at its peak (49 MiB here, `dtao-math/tests/epoch_memory.rs`),
/// within the runtime's 128 MiB WASM heap; the reference accepts any pair, and 4,096 × 1,024
/// needs 385 MiB, which would halt the chain at the subnet's first epoch (audit F17).
pub const MAX_EPOCH_ENTRIES: u32 = MAX_ALLOWED_UIDS_BOUND as u32 * MAX_ALLOWED_VALIDATORS_BOUND as u32;

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
    /// `SubnetEmissionPolicy`: how TAO emission is split between subnets.
    EmissionPolicy(crate::consensus::EmissionPolicy),
    /// `StakeThreshold`: stake weight needed to set weights.
    StakeThreshold(u64),
    /// A per-subnet u16 hyperparameter.
    SubnetU16 {
        /// Subnet.
        netuid: NetUid,
        /// Which one.
        item: SubnetU16,
        /// New value.
        value: u16,
    },
    /// A per-subnet u64 hyperparameter.
    SubnetU64 {
        /// Subnet.
        netuid: NetUid,
        /// Which one.
        item: SubnetU64,
        /// New value.
        value: u64,
    },
    /// `LiquidAlphaOn[netuid]`.
    LiquidAlphaOn {
        /// Subnet.
        netuid: NetUid,
        /// On.
        on: bool,
    },
    /// `MinDelegateTake` (raw u16, /65535), at most `MaxDelegateTake`.
    MinDelegateTake(u16),
    /// `MaxDelegateTake` (raw u16, /65535), at least `MinDelegateTake`.
    MaxDelegateTake(u16),
    /// `MinChildkeyTake` (raw u16, /65535), at most `MaxChildkeyTake`.
    MinChildkeyTake(u16),
    /// `MaxChildkeyTake` (raw u16, /65535), at least `MinChildkeyTake`.
    MaxChildkeyTake(u16),
    /// `TxDelegateTakeRateLimit`: blocks between a take change and an increase.
    TxDelegateTakeRateLimit(u64),
    /// `TxChildkeyTakeRateLimit`: blocks between two childkey-take changes.
    TxChildkeyTakeRateLimit(u64),
    /// `PendingChildKeyCooldown`: blocks before scheduled children apply (the reference's
    /// compile-time `DefaultPendingCooldown`: 7_200, or 15 with `fast-blocks`).
    PendingChildKeyCooldown(u64),
}

/// Per-subnet u16 hyperparameters.
#[derive(
    Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum SubnetU16 {
    /// `MaxAllowedUids` (above the current number of neurons, at most
    /// [`MAX_ALLOWED_UIDS_BOUND`], at most [`crate::subnets::ROOT_MAX_UIDS`] on root, and with
    /// an epoch that fits in a block: [`Pallet::epoch_fits`]).
    MaxAllowedUids,
    /// `ImmunityPeriod`.
    ImmunityPeriod,
    /// `MaxAllowedValidators` (at most `MaxAllowedUids` and [`MAX_ALLOWED_VALIDATORS_BOUND`],
    /// with an epoch that fits in a block: [`Pallet::epoch_fits`]).
    MaxAllowedValidators,
    /// `MinAllowedWeights`.
    MinAllowedWeights,
    /// `MaxWeightsLimit`.
    MaxWeightsLimit,
    /// `Kappa`.
    Kappa,
    /// `ActivityCutoff`.
    ActivityCutoff,
    /// `BondsPenalty`.
    BondsPenalty,
    /// `TargetRegistrationsPerInterval`.
    TargetRegistrationsPerInterval,
    /// `AdjustmentInterval`.
    AdjustmentInterval,
    /// `MaxRegistrationsPerBlock`.
    MaxRegistrationsPerBlock,
}

/// Per-subnet u64 hyperparameters.
#[derive(
    Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum SubnetU64 {
    /// `WeightsSetRateLimit`.
    WeightsSetRateLimit,
    /// `WeightsVersionKey`.
    WeightsVersionKey,
    /// `BondsMovingAverage` (at most 1_000_000).
    BondsMovingAverage,
    /// `Burn`.
    Burn,
    /// `MinBurn`.
    MinBurn,
    /// `MaxBurn`.
    MaxBurn,
    /// `ServingRateLimit` (AdminUtils `sudo_set_serving_rate_limit`; 0: no limit).
    ServingRateLimit,
}

impl<T: Config> Pallet<T> {
    /// Whether an epoch of `uids` neurons with `validators` permits (at most `uids`) stays
    /// within the bounds: at most [`MAX_ALLOWED_UIDS_BOUND`] neurons and
    /// [`MAX_ALLOWED_VALIDATORS_BOUND`] permits (the WASM heap, and the benchmark's range), and
    /// a declared weight, `WeightInfo::epoch(uids, validators)`, within one block's
    /// `max_block` (the reference's AdminUtils checks neither). A block that runs several
    /// epochs can still weigh more than one of them; see docs/performance.md.
    pub fn epoch_fits(uids: u16, validators: u16) -> bool {
        use crate::weights::WeightInfo;
        let validators = validators.min(uids);
        let block = <T as frame_system::Config>::BlockWeights::get().max_block;
        uids <= MAX_ALLOWED_UIDS_BOUND &&
            validators <= MAX_ALLOWED_VALIDATORS_BOUND &&
            T::WeightInfo::epoch(u32::from(uids), u32::from(validators)).all_lte(block)
    }

    fn set_subnet_u16(netuid: NetUid, item: SubnetU16, value: u16) -> DispatchResult {
        use crate::*;
        match item {
            // AdminUtils `sudo_set_max_allowed_uids`: `SubnetworkN < value`; ours: the epoch's
            // memory and weight bounds, and root's benchmarked size.
            SubnetU16::MaxAllowedUids => {
                ensure!(SubnetworkN::<T>::get(netuid) < value, Error::<T>::InvalidParameter);
                ensure!(
                    netuid != ROOT_NETUID || value <= crate::subnets::ROOT_MAX_UIDS,
                    Error::<T>::InvalidParameter
                );
                ensure!(Self::epoch_fits(value, MaxAllowedValidators::<T>::get(netuid)), Error::<T>::InvalidParameter);
                MaxAllowedUids::<T>::insert(netuid, value)
            },
            SubnetU16::ImmunityPeriod => ImmunityPeriod::<T>::insert(netuid, value),
            // AdminUtils `sudo_set_max_allowed_validators`: `value ≤ MaxAllowedUids`; ours: the
            // epoch's memory and weight bounds.
            SubnetU16::MaxAllowedValidators => {
                let uids = MaxAllowedUids::<T>::get(netuid);
                ensure!(value <= uids && value <= MAX_ALLOWED_VALIDATORS_BOUND, Error::<T>::InvalidParameter);
                ensure!(Self::epoch_fits(uids, value), Error::<T>::InvalidParameter);
                MaxAllowedValidators::<T>::insert(netuid, value)
            },
            SubnetU16::MinAllowedWeights => MinAllowedWeights::<T>::insert(netuid, value),
            SubnetU16::MaxWeightsLimit => MaxWeightsLimit::<T>::insert(netuid, value),
            SubnetU16::Kappa => Kappa::<T>::insert(netuid, value),
            SubnetU16::ActivityCutoff => ActivityCutoff::<T>::insert(netuid, value),
            SubnetU16::BondsPenalty => BondsPenalty::<T>::insert(netuid, value),
            SubnetU16::TargetRegistrationsPerInterval => {
                ensure!(value > 0, Error::<T>::InvalidParameter);
                TargetRegistrationsPerInterval::<T>::insert(netuid, value)
            },
            SubnetU16::AdjustmentInterval => AdjustmentInterval::<T>::insert(netuid, value),
            SubnetU16::MaxRegistrationsPerBlock => MaxRegistrationsPerBlock::<T>::insert(netuid, value),
        }
        Ok(())
    }

    fn set_subnet_u64(netuid: NetUid, item: SubnetU64, value: u64) -> DispatchResult {
        use crate::*;
        match item {
            SubnetU64::WeightsSetRateLimit => WeightsSetRateLimit::<T>::insert(netuid, value),
            SubnetU64::WeightsVersionKey => WeightsVersionKey::<T>::insert(netuid, value),
            SubnetU64::BondsMovingAverage => {
                ensure!(value <= 1_000_000, Error::<T>::InvalidParameter);
                BondsMovingAverage::<T>::insert(netuid, value)
            },
            SubnetU64::Burn => Burn::<T>::insert(netuid, value),
            SubnetU64::MinBurn => MinBurn::<T>::insert(netuid, value),
            SubnetU64::MaxBurn => MaxBurn::<T>::insert(netuid, value),
            SubnetU64::ServingRateLimit => ServingRateLimit::<T>::insert(netuid, value),
        }
        Ok(())
    }

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
            Parameter::EmissionPolicy(policy) => crate::SubnetEmissionPolicy::<T>::put(policy),
            Parameter::StakeThreshold(stake) => crate::StakeThreshold::<T>::put(stake),
            Parameter::LiquidAlphaOn { netuid, on } => {
                Self::ensure_network(netuid)?;
                crate::LiquidAlphaOn::<T>::insert(netuid, on);
            },
            Parameter::SubnetU16 { netuid, item, value } => {
                Self::ensure_network(netuid)?;
                Self::set_subnet_u16(netuid, item, value)?;
            },
            Parameter::MinDelegateTake(take) => {
                ensure!(take <= crate::MaxDelegateTake::<T>::get(), Error::<T>::InvalidParameter);
                crate::MinDelegateTake::<T>::put(take);
            },
            Parameter::MaxDelegateTake(take) => {
                ensure!(take >= crate::MinDelegateTake::<T>::get(), Error::<T>::InvalidParameter);
                crate::MaxDelegateTake::<T>::put(take);
            },
            Parameter::MinChildkeyTake(take) => {
                ensure!(take <= crate::MaxChildkeyTake::<T>::get(), Error::<T>::InvalidParameter);
                crate::MinChildkeyTake::<T>::put(take);
            },
            Parameter::MaxChildkeyTake(take) => {
                ensure!(take >= crate::MinChildkeyTake::<T>::get(), Error::<T>::InvalidParameter);
                crate::MaxChildkeyTake::<T>::put(take);
            },
            Parameter::TxDelegateTakeRateLimit(blocks) => crate::TxDelegateTakeRateLimit::<T>::put(blocks),
            Parameter::TxChildkeyTakeRateLimit(blocks) => crate::TxChildkeyTakeRateLimit::<T>::put(blocks),
            Parameter::PendingChildKeyCooldown(blocks) => crate::PendingChildKeyCooldown::<T>::put(blocks),
            Parameter::SubnetU64 { netuid, item, value } => {
                Self::ensure_network(netuid)?;
                Self::set_subnet_u64(netuid, item, value)?;
            },
        }
        Self::deposit_event(Event::ParameterSet(parameter));
        Ok(())
    }
}
