//! What clients read about a subnet's parameters: the reference's `SubnetInfo`,
//! `SubnetInfov2`, `SubnetHyperparams` and `SubnetIdentityV2`, and the
//! `SubnetInfoRuntimeApi` methods `get_subnet_info(_v2)`, `get_subnets_info(_v2)` and
//! `get_subnet_hyperparams` (reference: `rpc_info/subnet_info.rs` at `6b86ebf30`). Also the
//! `SubnetRegistrationRuntimeApi` method `get_network_registration_cost`.
//!
//! Parameters dtao does not keep in storage read as the reference's defaults, named below.
//! Unlike `DynamicInfo`, `blocks_since_last_step` here is the `BlocksSinceLastStep` counter.
use crate::{
    ActivityCutoff, AdjustmentAlpha, AdjustmentInterval, AlphaValues, BlocksSinceLastStep,
    BondsMovingAverage, Burn, Config, Difficulty, ImmunityPeriod, Kappa, LiquidAlphaOn,
    MaxAllowedUids, MaxAllowedValidators, MaxBurn, MaxDifficulty, MaxRegistrationsPerBlock,
    MaxWeightsLimit, MinAllowedWeights, MinBurn, MinDifficulty, NetUid, NetworkRegistrationAllowed,
    NetworksAdded, Pallet, ServingRateLimit, SubnetIdentitiesV2, SubnetOwner, SubnetworkN,
    TargetRegistrationsPerInterval, Tempo, WeightsSetRateLimit, WeightsVersionKey,
};
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;

/// `Rho` is not kept: mainnet's `InitialRho` (the reference's `DefaultRho`).
pub const RHO: u16 = 10;
/// `ScalingLawPower` is not kept: mainnet's `InitialScalingLawPower` (0.5 as 50).
pub const SCALING_LAW_POWER: u16 = 50;
/// `NetworkModality` is not kept: text (0), what `init_new_network` writes and
/// `DefaultModality` reads.
pub const NETWORK_MODALITY: u16 = 0;
/// `RevealPeriodEpochs` is not kept: the reference's `DefaultRevealPeriodEpochs`.
pub const REVEAL_PERIOD_EPOCHS: u64 = 1;

/// A subnet's identity as the reference's `SubnetIdentityV2` encodes it.
#[derive(Encode, Decode, codec::DecodeWithMemTracking, Default, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SubnetIdentityV2 {
    /// The subnet's name.
    pub subnet_name: Vec<u8>,
    /// Its GitHub repository.
    pub github_repo: Vec<u8>,
    /// Its contact.
    pub subnet_contact: Vec<u8>,
    /// Its website.
    pub subnet_url: Vec<u8>,
    /// Its Discord.
    pub discord: Vec<u8>,
    /// A description.
    pub description: Vec<u8>,
    /// Anything else.
    pub additional: Vec<u8>,
}

/// The reference's `SubnetInfo` (v1), field for field.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct SubnetInfo<AccountId> {
    /// Netuid.
    pub netuid: Compact<u16>,
    /// Rho ([`RHO`]).
    pub rho: Compact<u16>,
    /// Kappa.
    pub kappa: Compact<u16>,
    /// PoW difficulty.
    pub difficulty: Compact<u64>,
    /// Immunity period (blocks).
    pub immunity_period: Compact<u16>,
    /// Most validators.
    pub max_allowed_validators: Compact<u16>,
    /// Fewest weights a validator must set.
    pub min_allowed_weights: Compact<u16>,
    /// Largest single weight.
    pub max_weights_limit: Compact<u16>,
    /// Scaling law power ([`SCALING_LAW_POWER`]).
    pub scaling_law_power: Compact<u16>,
    /// Neurons registered.
    pub subnetwork_n: Compact<u16>,
    /// Most neurons.
    pub max_allowed_uids: Compact<u16>,
    /// `BlocksSinceLastStep`.
    pub blocks_since_last_step: Compact<u64>,
    /// Tempo.
    pub tempo: Compact<u16>,
    /// Modality ([`NETWORK_MODALITY`]).
    pub network_modality: Compact<u16>,
    /// Deprecated, always empty.
    pub network_connect: Vec<[u16; 2]>,
    /// Deprecated, always 0.
    pub emission_values: Compact<u64>,
    /// Registration burn.
    pub burn: Compact<u64>,
    /// Owner coldkey (all-zero account if none).
    pub owner: AccountId,
}

/// The reference's `SubnetInfov2`: `SubnetInfo` with `emission_value` and the identity.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct SubnetInfov2<AccountId> {
    /// Netuid.
    pub netuid: Compact<u16>,
    /// Rho ([`RHO`]).
    pub rho: Compact<u16>,
    /// Kappa.
    pub kappa: Compact<u16>,
    /// PoW difficulty.
    pub difficulty: Compact<u64>,
    /// Immunity period (blocks).
    pub immunity_period: Compact<u16>,
    /// Most validators.
    pub max_allowed_validators: Compact<u16>,
    /// Fewest weights a validator must set.
    pub min_allowed_weights: Compact<u16>,
    /// Largest single weight.
    pub max_weights_limit: Compact<u16>,
    /// Scaling law power ([`SCALING_LAW_POWER`]).
    pub scaling_law_power: Compact<u16>,
    /// Neurons registered.
    pub subnetwork_n: Compact<u16>,
    /// Most neurons.
    pub max_allowed_uids: Compact<u16>,
    /// `BlocksSinceLastStep`.
    pub blocks_since_last_step: Compact<u64>,
    /// Tempo.
    pub tempo: Compact<u16>,
    /// Modality ([`NETWORK_MODALITY`]).
    pub network_modality: Compact<u16>,
    /// Deprecated, always empty.
    pub network_connect: Vec<[u16; 2]>,
    /// Deprecated, always 0.
    pub emission_value: Compact<u64>,
    /// Registration burn.
    pub burn: Compact<u64>,
    /// Owner coldkey (all-zero account if none).
    pub owner: AccountId,
    /// `SubnetIdentitiesV2`.
    pub identity: Option<SubnetIdentityV2>,
}

/// The reference's `SubnetHyperparams`, field for field.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct SubnetHyperparams {
    /// Rho ([`RHO`]).
    pub rho: Compact<u16>,
    /// Kappa.
    pub kappa: Compact<u16>,
    /// Immunity period.
    pub immunity_period: Compact<u16>,
    /// Fewest weights.
    pub min_allowed_weights: Compact<u16>,
    /// Largest single weight.
    pub max_weights_limit: Compact<u16>,
    /// Tempo.
    pub tempo: Compact<u16>,
    /// PoW difficulty floor.
    pub min_difficulty: Compact<u64>,
    /// PoW difficulty ceiling.
    pub max_difficulty: Compact<u64>,
    /// Weights version key.
    pub weights_version: Compact<u64>,
    /// Blocks between weight sets.
    pub weights_rate_limit: Compact<u64>,
    /// Registration adjustment interval.
    pub adjustment_interval: Compact<u16>,
    /// Activity cutoff.
    pub activity_cutoff: Compact<u16>,
    /// Whether registration is open.
    pub registration_allowed: bool,
    /// Target registrations per interval.
    pub target_regs_per_interval: Compact<u16>,
    /// Burn floor.
    pub min_burn: Compact<u64>,
    /// Burn ceiling.
    pub max_burn: Compact<u64>,
    /// Bonds moving average.
    pub bonds_moving_avg: Compact<u64>,
    /// Most registrations per block.
    pub max_regs_per_block: Compact<u16>,
    /// Serving rate limit.
    pub serving_rate_limit: Compact<u64>,
    /// Most validators.
    pub max_validators: Compact<u16>,
    /// Registration adjustment alpha.
    pub adjustment_alpha: Compact<u64>,
    /// PoW difficulty.
    pub difficulty: Compact<u64>,
    /// Commit-reveal period ([`REVEAL_PERIOD_EPOCHS`]).
    pub commit_reveal_period: Compact<u64>,
    /// Commit-reveal (`CommitRevealWeightsEnabled`, always `false` in dtao).
    pub commit_reveal_weights_enabled: bool,
    /// Liquid alpha high.
    pub alpha_high: Compact<u16>,
    /// Liquid alpha low.
    pub alpha_low: Compact<u16>,
    /// Whether liquid alpha is on.
    pub liquid_alpha_enabled: bool,
}

/// The all-zero account, the reference's default for `SubnetOwner`, `Owner` and `Keys`.
/// `None` only for an account type that cannot decode from zeroes.
pub(crate) fn zero_account<A: Decode>() -> Option<A> {
    A::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes()).ok()
}

impl<T: Config> Pallet<T> {
    /// The netuids of existing subnets in ascending order (as `get_subnets_info` lists them).
    fn added_netuids_ascending() -> Vec<NetUid> {
        let mut netuids: Vec<NetUid> =
            NetworksAdded::<T>::iter().filter(|(_, added)| *added).map(|(n, _)| n).collect();
        netuids.sort();
        netuids
    }

    /// `get_subnet_info`: `None` if the subnet does not exist.
    pub fn get_subnet_info(netuid: NetUid) -> Option<SubnetInfo<T::AccountId>> {
        let v2 = Self::get_subnet_info_v2(netuid)?;
        Some(SubnetInfo {
            netuid: v2.netuid,
            rho: v2.rho,
            kappa: v2.kappa,
            difficulty: v2.difficulty,
            immunity_period: v2.immunity_period,
            max_allowed_validators: v2.max_allowed_validators,
            min_allowed_weights: v2.min_allowed_weights,
            max_weights_limit: v2.max_weights_limit,
            scaling_law_power: v2.scaling_law_power,
            subnetwork_n: v2.subnetwork_n,
            max_allowed_uids: v2.max_allowed_uids,
            blocks_since_last_step: v2.blocks_since_last_step,
            tempo: v2.tempo,
            network_modality: v2.network_modality,
            network_connect: v2.network_connect,
            emission_values: v2.emission_value,
            burn: v2.burn,
            owner: v2.owner,
        })
    }

    /// `get_subnets_info`: every existing subnet, by ascending netuid.
    pub fn get_subnets_info() -> Vec<Option<SubnetInfo<T::AccountId>>> {
        Self::added_netuids_ascending().into_iter().map(Self::get_subnet_info).collect()
    }

    /// `get_subnet_info_v2`: `None` if the subnet does not exist.
    pub fn get_subnet_info_v2(netuid: NetUid) -> Option<SubnetInfov2<T::AccountId>> {
        if !NetworksAdded::<T>::get(netuid) {
            return None;
        }
        let owner = match SubnetOwner::<T>::get(netuid) {
            Some(owner) => owner,
            None => zero_account()?,
        };
        Some(SubnetInfov2 {
            netuid: netuid.into(),
            rho: RHO.into(),
            kappa: Kappa::<T>::get(netuid).into(),
            difficulty: Difficulty::<T>::get(netuid).into(),
            immunity_period: ImmunityPeriod::<T>::get(netuid).into(),
            max_allowed_validators: MaxAllowedValidators::<T>::get(netuid).into(),
            min_allowed_weights: MinAllowedWeights::<T>::get(netuid).into(),
            max_weights_limit: MaxWeightsLimit::<T>::get(netuid).into(),
            scaling_law_power: SCALING_LAW_POWER.into(),
            subnetwork_n: SubnetworkN::<T>::get(netuid).into(),
            max_allowed_uids: MaxAllowedUids::<T>::get(netuid).into(),
            blocks_since_last_step: BlocksSinceLastStep::<T>::get(netuid).into(),
            tempo: Tempo::<T>::get(netuid).into(),
            network_modality: NETWORK_MODALITY.into(),
            network_connect: Vec::new(),
            emission_value: 0u64.into(),
            burn: Burn::<T>::get(netuid).into(),
            owner,
            identity: SubnetIdentitiesV2::<T>::get(netuid),
        })
    }

    /// `get_subnets_info_v2`: every existing subnet, by ascending netuid.
    pub fn get_subnets_info_v2() -> Vec<Option<SubnetInfov2<T::AccountId>>> {
        Self::added_netuids_ascending().into_iter().map(Self::get_subnet_info_v2).collect()
    }

    /// `get_subnet_hyperparams`: `None` if the subnet does not exist.
    pub fn get_subnet_hyperparams(netuid: NetUid) -> Option<SubnetHyperparams> {
        if !NetworksAdded::<T>::get(netuid) {
            return None;
        }
        let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
        Some(SubnetHyperparams {
            rho: RHO.into(),
            kappa: Kappa::<T>::get(netuid).into(),
            immunity_period: ImmunityPeriod::<T>::get(netuid).into(),
            min_allowed_weights: MinAllowedWeights::<T>::get(netuid).into(),
            max_weights_limit: MaxWeightsLimit::<T>::get(netuid).into(),
            tempo: Tempo::<T>::get(netuid).into(),
            min_difficulty: MinDifficulty::<T>::get(netuid).into(),
            max_difficulty: MaxDifficulty::<T>::get(netuid).into(),
            weights_version: WeightsVersionKey::<T>::get(netuid).into(),
            weights_rate_limit: WeightsSetRateLimit::<T>::get(netuid).into(),
            adjustment_interval: AdjustmentInterval::<T>::get(netuid).into(),
            activity_cutoff: ActivityCutoff::<T>::get(netuid).into(),
            registration_allowed: NetworkRegistrationAllowed::<T>::get(netuid),
            target_regs_per_interval: TargetRegistrationsPerInterval::<T>::get(netuid).into(),
            min_burn: MinBurn::<T>::get(netuid).into(),
            max_burn: MaxBurn::<T>::get(netuid).into(),
            bonds_moving_avg: BondsMovingAverage::<T>::get(netuid).into(),
            max_regs_per_block: MaxRegistrationsPerBlock::<T>::get(netuid).into(),
            serving_rate_limit: ServingRateLimit::<T>::get(netuid).into(),
            max_validators: MaxAllowedValidators::<T>::get(netuid).into(),
            adjustment_alpha: AdjustmentAlpha::<T>::get(netuid).into(),
            difficulty: Difficulty::<T>::get(netuid).into(),
            commit_reveal_period: REVEAL_PERIOD_EPOCHS.into(),
            commit_reveal_weights_enabled: crate::CommitRevealWeightsEnabled::<T>::get(netuid),
            alpha_high: alpha_high.into(),
            alpha_low: alpha_low.into(),
            liquid_alpha_enabled: LiquidAlphaOn::<T>::get(netuid),
        })
    }

    /// `get_network_registration_cost` (`SubnetRegistrationRuntimeApi`): the lock cost now.
    pub fn get_network_registration_cost() -> u64 {
        Self::get_network_lock_cost()
    }
}
