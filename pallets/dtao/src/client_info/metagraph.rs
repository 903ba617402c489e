//! What clients read about a subnet's neurons as a whole: the reference's `Metagraph`,
//! `SelectiveMetagraph`, `SubnetState` and `ChainIdentityV2`, and the `SubnetInfoRuntimeApi`
//! methods `get_metagraph`, `get_all_metagraphs`, `get_selective_metagraph` and
//! `get_subnet_state` (reference: `rpc_info/metagraph.rs` and `rpc_info/show_subnet.rs` at
//! `6b86ebf30`). Per-UID vectors are the storage vectors as stored; stakes are each UID's
//! inherited (alpha, root) stakes and their weighted total, as the epoch weighs them.
//!
//! `get_selective_metagraph` answers what the reference answers, including two of its slips:
//! the answer's `netuid` is always 0 (the reference never copies it), and index 56
//! (`validator_permit`) leaves its field `None` (the reference fills `active` instead, then
//! copies the empty `validator_permit`).
use super::{
    dynamic::compact_bytes,
    subnet::{zero_account, SubnetIdentityV2, REVEAL_PERIOD_EPOCHS, RHO},
};
use crate::{
    serving::AxonInfo, Active, ActivityCutoff, AdjustmentAlpha, AdjustmentInterval, AlphaDividendsPerSubnet,
    AlphaValues, Axons, BlockAtRegistration, BondsMovingAverage, Burn, Config, Consensus, Difficulty, Dividends,
    Emission, IdentitiesV2, ImmunityPeriod, Incentive, Kappa, Keys, LastMechansimStepBlock, LastUpdate,
    LiquidAlphaOn, MaxAllowedUids, MaxAllowedValidators, MaxBurn, MaxDifficulty, MaxRegistrationsPerBlock,
    MaxWeightsLimit, MinAllowedWeights, MinBurn, MinDifficulty, NetUid, NetworkPowRegistrationAllowed,
    NetworkRegisteredAt, NetworkRegistrationAllowed, NetworksAdded, Owner, Pallet, PendingEmission,
    PendingRootDivs, PruningScores, Rank, ServingRateLimit, SubnetAlphaIn, SubnetAlphaInEmission,
    SubnetAlphaOut, SubnetAlphaOutEmission, SubnetIdentitiesV2, SubnetMovingPrice, SubnetOwner,
    SubnetOwnerHotkey, SubnetTAO, SubnetTaoInEmission, SubnetVolume, SubnetworkN, TaoDividendsPerSubnet,
    TaoWeight, TargetRegistrationsPerInterval, Tempo, Trust, ValidatorPermit, WeightsSetRateLimit,
    WeightsVersionKey,
};
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use dtao_math::epoch::stake::stake_weights;
use scale_info::TypeInfo;
use substrate_fixed::types::{I64F64, I96F32};

/// `LastHotkeyEmissionOnNetuid` is never written in the reference at `6b86ebf30`, so every
/// `SubnetState.emission_history` entry reads its default.
pub const LAST_HOTKEY_EMISSION: u64 = 0;

/// The `SelectiveMetagraph` index the reference answers with nothing (`validator_permit`).
pub const UNANSWERED_VALIDATOR_PERMIT_INDEX: u16 = 56;

/// A coldkey's identity as the reference's `ChainIdentityV2` encodes it.
#[derive(Encode, Decode, Default, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ChainIdentityV2 {
    /// Name.
    pub name: Vec<u8>,
    /// Website.
    pub url: Vec<u8>,
    /// GitHub repository.
    pub github_repo: Vec<u8>,
    /// Image.
    pub image: Vec<u8>,
    /// Discord.
    pub discord: Vec<u8>,
    /// Description.
    pub description: Vec<u8>,
    /// Anything else.
    pub additional: Vec<u8>,
}

/// Declares `Metagraph` and `SelectiveMetagraph` from one list of (selective index, field,
/// type), in the reference's field order, so that both stay in step.
macro_rules! metagraph_structs {
    ($($(#[$doc:meta])* $index:literal $field:ident: $ty:ty,)*) => {
        /// A subnet's metagraph as the reference's `Metagraph` encodes it.
        #[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
        pub struct Metagraph<AccountId> {
            /// Netuid.
            pub netuid: Compact<u16>,
            $($(#[$doc])* pub $field: $ty,)*
        }

        /// The reference's `SelectiveMetagraph`: `Metagraph` with each field an `Option`,
        /// `Some` for the indexes asked for.
        #[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
        pub struct SelectiveMetagraph<AccountId> {
            /// Always 0 in answers (as in the reference).
            pub netuid: Compact<u16>,
            $($(#[$doc])* pub $field: Option<$ty>,)*
        }

        impl<AccountId: Clone> SelectiveMetagraph<AccountId> {
            /// Every field `None`, netuid 0 (the reference's `Default`).
            pub fn empty() -> Self {
                Self { netuid: Compact(0), $($field: None,)* }
            }

            /// Copies the field of selective index `index` from `full`; unknown indexes and
            /// [`UNANSWERED_VALIDATOR_PERMIT_INDEX`] leave everything as it is.
            fn copy_field(&mut self, full: &Metagraph<AccountId>, index: u16) {
                if index == UNANSWERED_VALIDATOR_PERMIT_INDEX {
                    return;
                }
                match index {
                    $($index => self.$field = Some(full.$field.clone()),)*
                    _ => {}
                }
            }
        }
    };
}

metagraph_structs! {
    /// Name, UTF-8.
    0 name: Vec<Compact<u8>>,
    /// Token symbol, UTF-8.
    1 symbol: Vec<Compact<u8>>,
    /// `SubnetIdentitiesV2`.
    2 identity: Option<SubnetIdentityV2>,
    /// `NetworkRegisteredAt`.
    3 network_registered_at: Compact<u64>,
    /// `SubnetOwnerHotkey`.
    4 owner_hotkey: AccountId,
    /// `SubnetOwner`.
    5 owner_coldkey: AccountId,
    /// The current block.
    6 block: Compact<u64>,
    /// Tempo.
    7 tempo: Compact<u16>,
    /// `LastMechansimStepBlock`.
    8 last_step: Compact<u64>,
    /// `block` less `last_step`.
    9 blocks_since_last_step: Compact<u64>,
    /// Deprecated, always 0.
    10 subnet_emission: Compact<u64>,
    /// `SubnetAlphaIn`.
    11 alpha_in: Compact<u64>,
    /// `SubnetAlphaOut`.
    12 alpha_out: Compact<u64>,
    /// `SubnetTAO`.
    13 tao_in: Compact<u64>,
    /// `SubnetAlphaOutEmission`.
    14 alpha_out_emission: Compact<u64>,
    /// `SubnetAlphaInEmission`.
    15 alpha_in_emission: Compact<u64>,
    /// `SubnetTaoInEmission`.
    16 tao_in_emission: Compact<u64>,
    /// `PendingEmission`.
    17 pending_alpha_emission: Compact<u64>,
    /// `PendingRootDivs`.
    18 pending_root_emission: Compact<u64>,
    /// `SubnetVolume`.
    19 subnet_volume: Compact<u128>,
    /// `SubnetMovingPrice`.
    20 moving_price: I96F32,
    /// Rho (the reference's default).
    21 rho: Compact<u16>,
    /// Kappa.
    22 kappa: Compact<u16>,
    /// Fewest weights.
    23 min_allowed_weights: Compact<u16>,
    /// Largest single weight.
    24 max_weights_limit: Compact<u16>,
    /// Weights version key.
    25 weights_version: Compact<u64>,
    /// Blocks between weight sets.
    26 weights_rate_limit: Compact<u64>,
    /// Activity cutoff.
    27 activity_cutoff: Compact<u16>,
    /// Most validators.
    28 max_validators: Compact<u16>,
    /// `SubnetworkN`.
    29 num_uids: Compact<u16>,
    /// `MaxAllowedUids`.
    30 max_uids: Compact<u16>,
    /// Registration burn.
    31 burn: Compact<u64>,
    /// PoW difficulty.
    32 difficulty: Compact<u64>,
    /// Whether registration is open.
    33 registration_allowed: bool,
    /// Whether PoW registration is open.
    34 pow_registration_allowed: bool,
    /// Immunity period.
    35 immunity_period: Compact<u16>,
    /// PoW difficulty floor.
    36 min_difficulty: Compact<u64>,
    /// PoW difficulty ceiling.
    37 max_difficulty: Compact<u64>,
    /// Burn floor.
    38 min_burn: Compact<u64>,
    /// Burn ceiling.
    39 max_burn: Compact<u64>,
    /// Registration adjustment alpha.
    40 adjustment_alpha: Compact<u64>,
    /// Registration adjustment interval.
    41 adjustment_interval: Compact<u16>,
    /// Target registrations per interval.
    42 target_regs_per_interval: Compact<u16>,
    /// Most registrations per block.
    43 max_regs_per_block: Compact<u16>,
    /// Serving rate limit.
    44 serving_rate_limit: Compact<u64>,
    /// Commit-reveal (the reference's default).
    45 commit_reveal_weights_enabled: bool,
    /// Commit-reveal period (the reference's default).
    46 commit_reveal_period: Compact<u64>,
    /// Whether liquid alpha is on.
    47 liquid_alpha_enabled: bool,
    /// Liquid alpha high.
    48 alpha_high: Compact<u16>,
    /// Liquid alpha low.
    49 alpha_low: Compact<u16>,
    /// Bonds moving average.
    50 bonds_moving_avg: Compact<u64>,
    /// Hotkey per UID.
    51 hotkeys: Vec<AccountId>,
    /// Owner coldkey per UID.
    52 coldkeys: Vec<AccountId>,
    /// `IdentitiesV2` of each UID's coldkey.
    53 identities: Vec<Option<ChainIdentityV2>>,
    /// Axon per UID (zeroes when none is served).
    54 axons: Vec<AxonInfo>,
    /// `Active`.
    55 active: Vec<bool>,
    /// `ValidatorPermit`.
    56 validator_permit: Vec<bool>,
    /// `PruningScores`.
    57 pruning_score: Vec<Compact<u16>>,
    /// `LastUpdate`.
    58 last_update: Vec<Compact<u64>>,
    /// `Emission`.
    59 emission: Vec<Compact<u64>>,
    /// `Dividends`.
    60 dividends: Vec<Compact<u16>>,
    /// `Incentive`.
    61 incentives: Vec<Compact<u16>>,
    /// `Consensus`.
    62 consensus: Vec<Compact<u16>>,
    /// `Trust`.
    63 trust: Vec<Compact<u16>>,
    /// `Rank`.
    64 rank: Vec<Compact<u16>>,
    /// `BlockAtRegistration` per UID.
    65 block_at_registration: Vec<Compact<u64>>,
    /// Inherited alpha stake per UID.
    66 alpha_stake: Vec<Compact<u64>>,
    /// Inherited root stake per UID.
    67 tao_stake: Vec<Compact<u64>>,
    /// Alpha plus `TaoWeight` times root stake per UID.
    68 total_stake: Vec<Compact<u64>>,
    /// `TaoDividendsPerSubnet` per UID's hotkey.
    69 tao_dividends_per_hotkey: Vec<(AccountId, Compact<u64>)>,
    /// `AlphaDividendsPerSubnet` per UID's hotkey.
    70 alpha_dividends_per_hotkey: Vec<(AccountId, Compact<u64>)>,
}

/// A subnet's per-UID state as the reference's `SubnetState` encodes it.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct SubnetState<AccountId> {
    /// Netuid.
    pub netuid: Compact<u16>,
    /// Hotkey per UID.
    pub hotkeys: Vec<AccountId>,
    /// Owner coldkey per UID.
    pub coldkeys: Vec<AccountId>,
    /// `Active`.
    pub active: Vec<bool>,
    /// `ValidatorPermit`.
    pub validator_permit: Vec<bool>,
    /// `PruningScores`.
    pub pruning_score: Vec<Compact<u16>>,
    /// `LastUpdate`.
    pub last_update: Vec<Compact<u64>>,
    /// `Emission`.
    pub emission: Vec<Compact<u64>>,
    /// `Dividends`.
    pub dividends: Vec<Compact<u16>>,
    /// `Incentive`.
    pub incentives: Vec<Compact<u16>>,
    /// `Consensus`.
    pub consensus: Vec<Compact<u16>>,
    /// `Trust`.
    pub trust: Vec<Compact<u16>>,
    /// `Rank`.
    pub rank: Vec<Compact<u16>>,
    /// `BlockAtRegistration` per UID.
    pub block_at_registration: Vec<Compact<u64>>,
    /// Inherited alpha stake per UID.
    pub alpha_stake: Vec<Compact<u64>>,
    /// Inherited root stake per UID.
    pub tao_stake: Vec<Compact<u64>>,
    /// Alpha plus `TaoWeight` times root stake per UID.
    pub total_stake: Vec<Compact<u64>>,
    /// Per subnet (`NetworksAdded` storage order), each UID hotkey's last emission there
    /// ([`LAST_HOTKEY_EMISSION`]).
    pub emission_history: Vec<Vec<Compact<u64>>>,
}

/// The per-UID keys and stakes both the metagraph and the subnet state list.
struct Neurons<AccountId> {
    hotkeys: Vec<AccountId>,
    coldkeys: Vec<AccountId>,
    block_at_registration: Vec<Compact<u64>>,
    alpha_stake: Vec<Compact<u64>>,
    tao_stake: Vec<Compact<u64>>,
    total_stake: Vec<Compact<u64>>,
}

fn compact_all<X: Copy>(values: Vec<X>) -> Vec<Compact<X>> {
    values.into_iter().map(Compact).collect()
}

/// The reference's I64F64 round trip (`saturating_from_num`, then `fixed64_to_u64`).
fn through_i64f64(x: u64) -> Compact<u64> {
    Compact(I64F64::saturating_from_num(x).saturating_to_num::<u64>())
}

impl<T: Config> Pallet<T> {
    /// UID by UID: hotkey (`Keys`, the all-zero account where a slot is empty, as the
    /// reference's default), its owner (likewise), registration block and stakes. `None` only
    /// if the account type cannot hold the all-zero account.
    fn neurons(netuid: NetUid) -> Option<Neurons<T::AccountId>> {
        let zero: T::AccountId = zero_account()?;
        let n = SubnetworkN::<T>::get(netuid);
        let mut out = Neurons {
            hotkeys: Vec::new(),
            coldkeys: Vec::new(),
            block_at_registration: Vec::new(),
            alpha_stake: Vec::new(),
            tao_stake: Vec::new(),
            total_stake: Vec::new(),
        };
        let (mut alpha, mut root) = (Vec::new(), Vec::new());
        for uid in 0..n {
            let key = Keys::<T>::get(netuid, uid);
            let (a, r) = key.as_ref().map(|hk| Self::inherited_stakes(hk, netuid)).unwrap_or((0, 0));
            alpha.push(a);
            root.push(r);
            let hotkey = key.unwrap_or_else(|| zero.clone());
            out.coldkeys.push(Owner::<T>::get(&hotkey).unwrap_or_else(|| zero.clone()));
            out.hotkeys.push(hotkey);
            out.block_at_registration.push(BlockAtRegistration::<T>::get(netuid, uid).into());
        }
        out.total_stake = stake_weights(&alpha, &root, TaoWeight::<T>::get())
            .into_iter()
            .map(|x| Compact(x.saturating_to_num::<u64>()))
            .collect();
        out.alpha_stake = alpha.into_iter().map(through_i64f64).collect();
        out.tao_stake = root.into_iter().map(through_i64f64).collect();
        Some(out)
    }

    /// `get_metagraph`: `None` if the subnet does not exist.
    pub fn get_metagraph(netuid: NetUid) -> Option<Metagraph<T::AccountId>> {
        if !NetworksAdded::<T>::get(netuid) {
            return None;
        }
        let zero: T::AccountId = zero_account()?;
        let neurons = Self::neurons(netuid)?;
        let identities = neurons.coldkeys.iter().map(IdentitiesV2::<T>::get).collect();
        let axons = neurons.hotkeys.iter().map(|hk| Axons::<T>::get(netuid, hk).unwrap_or_default()).collect();
        let dividends_of = |read: fn(NetUid, &T::AccountId) -> u64| -> Vec<(T::AccountId, Compact<u64>)> {
            neurons.hotkeys.iter().map(|hk| (hk.clone(), Compact(read(netuid, hk)))).collect()
        };
        let tao_dividends_per_hotkey = dividends_of(|n, hk| TaoDividendsPerSubnet::<T>::get(n, hk));
        let alpha_dividends_per_hotkey = dividends_of(|n, hk| AlphaDividendsPerSubnet::<T>::get(n, hk));
        let block = Self::current_block();
        let last_step = LastMechansimStepBlock::<T>::get(netuid);
        let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
        Some(Metagraph {
            netuid: netuid.into(),
            name: compact_bytes(Self::get_name_for_subnet(netuid)),
            symbol: compact_bytes(Self::get_symbol_for_subnet(netuid)),
            identity: SubnetIdentitiesV2::<T>::get(netuid),
            network_registered_at: NetworkRegisteredAt::<T>::get(netuid).into(),
            owner_hotkey: SubnetOwnerHotkey::<T>::get(netuid).unwrap_or_else(|| zero.clone()),
            owner_coldkey: SubnetOwner::<T>::get(netuid).unwrap_or(zero),
            block: block.into(),
            tempo: Tempo::<T>::get(netuid).into(),
            last_step: last_step.into(),
            blocks_since_last_step: block.saturating_sub(last_step).into(),
            subnet_emission: 0u64.into(),
            alpha_in: SubnetAlphaIn::<T>::get(netuid).into(),
            alpha_out: SubnetAlphaOut::<T>::get(netuid).into(),
            tao_in: SubnetTAO::<T>::get(netuid).into(),
            alpha_out_emission: SubnetAlphaOutEmission::<T>::get(netuid).into(),
            alpha_in_emission: SubnetAlphaInEmission::<T>::get(netuid).into(),
            tao_in_emission: SubnetTaoInEmission::<T>::get(netuid).into(),
            pending_alpha_emission: PendingEmission::<T>::get(netuid).into(),
            pending_root_emission: PendingRootDivs::<T>::get(netuid).into(),
            subnet_volume: SubnetVolume::<T>::get(netuid).into(),
            moving_price: SubnetMovingPrice::<T>::get(netuid),
            rho: RHO.into(),
            kappa: Kappa::<T>::get(netuid).into(),
            min_allowed_weights: MinAllowedWeights::<T>::get(netuid).into(),
            max_weights_limit: MaxWeightsLimit::<T>::get(netuid).into(),
            weights_version: WeightsVersionKey::<T>::get(netuid).into(),
            weights_rate_limit: WeightsSetRateLimit::<T>::get(netuid).into(),
            activity_cutoff: ActivityCutoff::<T>::get(netuid).into(),
            max_validators: MaxAllowedValidators::<T>::get(netuid).into(),
            num_uids: SubnetworkN::<T>::get(netuid).into(),
            max_uids: MaxAllowedUids::<T>::get(netuid).into(),
            burn: Burn::<T>::get(netuid).into(),
            difficulty: Difficulty::<T>::get(netuid).into(),
            registration_allowed: NetworkRegistrationAllowed::<T>::get(netuid),
            pow_registration_allowed: NetworkPowRegistrationAllowed::<T>::get(netuid),
            immunity_period: ImmunityPeriod::<T>::get(netuid).into(),
            min_difficulty: MinDifficulty::<T>::get(netuid).into(),
            max_difficulty: MaxDifficulty::<T>::get(netuid).into(),
            min_burn: MinBurn::<T>::get(netuid).into(),
            max_burn: MaxBurn::<T>::get(netuid).into(),
            adjustment_alpha: AdjustmentAlpha::<T>::get(netuid).into(),
            adjustment_interval: AdjustmentInterval::<T>::get(netuid).into(),
            target_regs_per_interval: TargetRegistrationsPerInterval::<T>::get(netuid).into(),
            max_regs_per_block: MaxRegistrationsPerBlock::<T>::get(netuid).into(),
            serving_rate_limit: ServingRateLimit::<T>::get(netuid).into(),
            commit_reveal_weights_enabled: crate::CommitRevealWeightsEnabled::<T>::get(netuid),
            commit_reveal_period: REVEAL_PERIOD_EPOCHS.into(),
            liquid_alpha_enabled: LiquidAlphaOn::<T>::get(netuid),
            alpha_high: alpha_high.into(),
            alpha_low: alpha_low.into(),
            bonds_moving_avg: BondsMovingAverage::<T>::get(netuid).into(),
            hotkeys: neurons.hotkeys,
            coldkeys: neurons.coldkeys,
            identities,
            axons,
            active: Active::<T>::get(netuid),
            validator_permit: ValidatorPermit::<T>::get(netuid),
            pruning_score: compact_all(PruningScores::<T>::get(netuid)),
            last_update: compact_all(LastUpdate::<T>::get(netuid)),
            emission: compact_all(Emission::<T>::get(netuid)),
            dividends: compact_all(Dividends::<T>::get(netuid)),
            incentives: compact_all(Incentive::<T>::get(netuid)),
            consensus: compact_all(Consensus::<T>::get(netuid)),
            trust: compact_all(Trust::<T>::get(netuid)),
            rank: compact_all(Rank::<T>::get(netuid)),
            block_at_registration: neurons.block_at_registration,
            alpha_stake: neurons.alpha_stake,
            tao_stake: neurons.tao_stake,
            total_stake: neurons.total_stake,
            tao_dividends_per_hotkey,
            alpha_dividends_per_hotkey,
        })
    }

    /// `get_all_metagraphs`: one entry per `NetworksAdded` key, in storage order.
    pub fn get_all_metagraphs() -> Vec<Option<Metagraph<T::AccountId>>> {
        NetworksAdded::<T>::iter_keys().map(Self::get_metagraph).collect()
    }

    /// `get_selective_metagraph`: the metagraph fields of the given selective indexes (0 to
    /// 70, the `Metagraph` field order after `netuid`); `None` if the subnet does not exist.
    pub fn get_selective_metagraph(
        netuid: NetUid,
        metagraph_indexes: Vec<u16>,
    ) -> Option<SelectiveMetagraph<T::AccountId>> {
        let full = Self::get_metagraph(netuid)?;
        let mut out = SelectiveMetagraph::empty();
        for index in metagraph_indexes {
            out.copy_field(&full, index);
        }
        Some(out)
    }

    /// `get_subnet_state`: `None` if the subnet does not exist.
    pub fn get_subnet_state(netuid: NetUid) -> Option<SubnetState<T::AccountId>> {
        if !NetworksAdded::<T>::get(netuid) {
            return None;
        }
        let neurons = Self::neurons(netuid)?;
        let history_row: Vec<Compact<u64>> =
            neurons.hotkeys.iter().map(|_| Compact(LAST_HOTKEY_EMISSION)).collect();
        let emission_history = NetworksAdded::<T>::iter_keys().map(|_| history_row.clone()).collect();
        Some(SubnetState {
            netuid: netuid.into(),
            hotkeys: neurons.hotkeys,
            coldkeys: neurons.coldkeys,
            active: Active::<T>::get(netuid),
            validator_permit: ValidatorPermit::<T>::get(netuid),
            pruning_score: compact_all(PruningScores::<T>::get(netuid)),
            last_update: compact_all(LastUpdate::<T>::get(netuid)),
            emission: compact_all(Emission::<T>::get(netuid)),
            dividends: compact_all(Dividends::<T>::get(netuid)),
            incentives: compact_all(Incentive::<T>::get(netuid)),
            consensus: compact_all(Consensus::<T>::get(netuid)),
            trust: compact_all(Trust::<T>::get(netuid)),
            rank: compact_all(Rank::<T>::get(netuid)),
            block_at_registration: neurons.block_at_registration,
            alpha_stake: neurons.alpha_stake,
            tao_stake: neurons.tao_stake,
            total_stake: neurons.total_stake,
            emission_history,
        })
    }
}
