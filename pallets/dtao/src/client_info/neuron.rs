//! What clients read about neurons: the reference's `NeuronInfo` and `NeuronInfoLite` and the
//! `NeuronInfoRuntimeApi` methods `get_neurons`, `get_neuron`, `get_neurons_lite`,
//! `get_neuron_lite` (reference: `rpc_info/neuron_info.rs` at `6b86ebf30`). Filled from
//! storage as the reference fills them; read-only.
//!
//! - `stake` holds one pair: the hotkey's owner coldkey with the hotkey's whole alpha on the
//!   subnet (`TotalHotkeyAlpha`, nominators included), not a per-coldkey breakdown.
//! - The per-UID vectors read 0 (`false` for `active` and `validator_permit`) where the UID is
//!   past their end; `pruning_score` reads `u16::MAX` there.
//! - `weights` and `bonds` are (uid, value) pairs with the zero values left out.
//! - An axon or Prometheus endpoint never served reads as all zeros; a hotkey without an owner
//!   reads as the all-zero account (the reference's `Owner` default).
//! - `get_neurons` walks UIDs from 0 and stops at the first without a hotkey.
use crate::{
    serving::{AxonInfo, PrometheusInfo},
    Active, Axons, Bonds, Config, Consensus, Dividends, Emission, Incentive, Keys, LastUpdate,
    NetUid, NetworksAdded, Owner, Pallet, Prometheus, PruningScores, Rank, SubnetworkN,
    TotalHotkeyAlpha, Trust, ValidatorPermit, ValidatorTrust, Weights,
};
use alloc::{vec, vec::Vec};
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;

/// A neuron as the reference's `NeuronInfo` encodes it (field for field).
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct NeuronInfo<AccountId> {
    /// The neuron's hotkey.
    pub hotkey: AccountId,
    /// The hotkey's owner coldkey.
    pub coldkey: AccountId,
    /// Its UID.
    pub uid: Compact<u16>,
    /// Its subnet.
    pub netuid: Compact<u16>,
    /// `Active`.
    pub active: bool,
    /// Its axon.
    pub axon_info: AxonInfo,
    /// Its Prometheus endpoint.
    pub prometheus_info: PrometheusInfo,
    /// (owner coldkey, the hotkey's total alpha on the subnet).
    pub stake: Vec<(AccountId, Compact<u64>)>,
    /// `Rank`.
    pub rank: Compact<u16>,
    /// `Emission` (alpha rao per epoch).
    pub emission: Compact<u64>,
    /// `Incentive`.
    pub incentive: Compact<u16>,
    /// `Consensus`.
    pub consensus: Compact<u16>,
    /// `Trust`.
    pub trust: Compact<u16>,
    /// `ValidatorTrust`.
    pub validator_trust: Compact<u16>,
    /// `Dividends`.
    pub dividends: Compact<u16>,
    /// `LastUpdate`.
    pub last_update: Compact<u64>,
    /// `ValidatorPermit`.
    pub validator_permit: bool,
    /// Its non-zero weights: (uid, weight).
    pub weights: Vec<(Compact<u16>, Compact<u16>)>,
    /// Its non-zero bonds: (uid, bond).
    pub bonds: Vec<(Compact<u16>, Compact<u16>)>,
    /// `PruningScores`.
    pub pruning_score: Compact<u16>,
}

/// A neuron as the reference's `NeuronInfoLite` encodes it: `NeuronInfo` without weights and
/// bonds.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct NeuronInfoLite<AccountId> {
    /// The neuron's hotkey.
    pub hotkey: AccountId,
    /// The hotkey's owner coldkey.
    pub coldkey: AccountId,
    /// Its UID.
    pub uid: Compact<u16>,
    /// Its subnet.
    pub netuid: Compact<u16>,
    /// `Active`.
    pub active: bool,
    /// Its axon.
    pub axon_info: AxonInfo,
    /// Its Prometheus endpoint.
    pub prometheus_info: PrometheusInfo,
    /// (owner coldkey, the hotkey's total alpha on the subnet).
    pub stake: Vec<(AccountId, Compact<u64>)>,
    /// `Rank`.
    pub rank: Compact<u16>,
    /// `Emission` (alpha rao per epoch).
    pub emission: Compact<u64>,
    /// `Incentive`.
    pub incentive: Compact<u16>,
    /// `Consensus`.
    pub consensus: Compact<u16>,
    /// `Trust`.
    pub trust: Compact<u16>,
    /// `ValidatorTrust`.
    pub validator_trust: Compact<u16>,
    /// `Dividends`.
    pub dividends: Compact<u16>,
    /// `LastUpdate`.
    pub last_update: Compact<u64>,
    /// `ValidatorPermit`.
    pub validator_permit: bool,
    /// `PruningScores`.
    pub pruning_score: Compact<u16>,
}

/// `v[index]`, or `default` past the end.
fn at<V: Copy>(v: &[V], index: usize, default: V) -> V {
    v.get(index).copied().unwrap_or(default)
}

/// A subnet's per-UID vectors, read once for all its neurons.
struct PerUid {
    active: Vec<bool>,
    rank: Vec<u16>,
    emission: Vec<u64>,
    incentive: Vec<u16>,
    consensus: Vec<u16>,
    trust: Vec<u16>,
    validator_trust: Vec<u16>,
    dividends: Vec<u16>,
    last_update: Vec<u64>,
    validator_permit: Vec<bool>,
    pruning_score: Vec<u16>,
}

impl PerUid {
    fn read<T: Config>(netuid: NetUid) -> Self {
        Self {
            active: Active::<T>::get(netuid),
            rank: Rank::<T>::get(netuid),
            emission: Emission::<T>::get(netuid),
            incentive: Incentive::<T>::get(netuid),
            consensus: Consensus::<T>::get(netuid),
            trust: Trust::<T>::get(netuid),
            validator_trust: ValidatorTrust::<T>::get(netuid),
            dividends: Dividends::<T>::get(netuid),
            last_update: LastUpdate::<T>::get(netuid),
            validator_permit: ValidatorPermit::<T>::get(netuid),
            pruning_score: PruningScores::<T>::get(netuid),
        }
    }
}

/// The non-zero entries of sparse (uid, value) pairs.
fn nonzero(pairs: Vec<(u16, u16)>) -> Vec<(Compact<u16>, Compact<u16>)> {
    pairs.into_iter().filter(|(_, v)| *v > 0).map(|(i, v)| (i.into(), v.into())).collect()
}

impl<T: Config> Pallet<T> {
    /// The lite info of the neuron at `uid` on an existing `netuid`, if a hotkey holds it.
    fn neuron_lite(netuid: NetUid, uid: u16, v: &PerUid) -> Option<NeuronInfoLite<T::AccountId>> {
        let hotkey = Keys::<T>::get(netuid, uid)?;
        let coldkey = Owner::<T>::get(&hotkey).unwrap_or_else(|| {
            // The reference's `Owner` defaults to the all-zero account.
            T::AccountId::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes())
                .unwrap_or_else(|_| hotkey.clone())
        });
        let i = usize::from(uid);
        let stake = vec![(coldkey.clone(), TotalHotkeyAlpha::<T>::get(&hotkey, netuid).into())];
        Some(NeuronInfoLite {
            axon_info: Axons::<T>::get(netuid, &hotkey).unwrap_or_default(),
            prometheus_info: Prometheus::<T>::get(netuid, &hotkey).unwrap_or_default(),
            hotkey,
            coldkey,
            uid: uid.into(),
            netuid: netuid.into(),
            active: at(&v.active, i, false),
            stake,
            rank: at(&v.rank, i, 0).into(),
            emission: at(&v.emission, i, 0).into(),
            incentive: at(&v.incentive, i, 0).into(),
            consensus: at(&v.consensus, i, 0).into(),
            trust: at(&v.trust, i, 0).into(),
            validator_trust: at(&v.validator_trust, i, 0).into(),
            dividends: at(&v.dividends, i, 0).into(),
            last_update: at(&v.last_update, i, 0).into(),
            validator_permit: at(&v.validator_permit, i, false),
            pruning_score: at(&v.pruning_score, i, u16::MAX).into(),
        })
    }

    /// The full info: the lite one with the weights and bonds.
    fn neuron_full(netuid: NetUid, uid: u16, v: &PerUid) -> Option<NeuronInfo<T::AccountId>> {
        let lite = Self::neuron_lite(netuid, uid, v)?;
        Some(NeuronInfo {
            hotkey: lite.hotkey,
            coldkey: lite.coldkey,
            uid: lite.uid,
            netuid: lite.netuid,
            active: lite.active,
            axon_info: lite.axon_info,
            prometheus_info: lite.prometheus_info,
            stake: lite.stake,
            rank: lite.rank,
            emission: lite.emission,
            incentive: lite.incentive,
            consensus: lite.consensus,
            trust: lite.trust,
            validator_trust: lite.validator_trust,
            dividends: lite.dividends,
            last_update: lite.last_update,
            validator_permit: lite.validator_permit,
            weights: nonzero(Weights::<T>::get(netuid, uid)),
            bonds: nonzero(Bonds::<T>::get(netuid, uid)),
            pruning_score: lite.pruning_score,
        })
    }

    /// UIDs 0, 1, … of `netuid` up to `SubnetworkN` or the first without a hotkey, mapped by
    /// `info`; empty if the subnet does not exist.
    fn neurons_with<I>(netuid: NetUid, info: impl Fn(NetUid, u16, &PerUid) -> Option<I>) -> Vec<I> {
        if !NetworksAdded::<T>::get(netuid) {
            return Vec::new();
        }
        let v = PerUid::read::<T>(netuid);
        (0..SubnetworkN::<T>::get(netuid)).map_while(|uid| info(netuid, uid, &v)).collect()
    }

    /// `get_neurons`: every neuron of `netuid`.
    pub fn get_neurons(netuid: NetUid) -> Vec<NeuronInfo<T::AccountId>> {
        Self::neurons_with(netuid, Self::neuron_full)
    }

    /// `get_neuron`: the neuron at `uid`, if the subnet exists and a hotkey holds the UID.
    pub fn get_neuron(netuid: NetUid, uid: u16) -> Option<NeuronInfo<T::AccountId>> {
        NetworksAdded::<T>::get(netuid).then(|| Self::neuron_full(netuid, uid, &PerUid::read::<T>(netuid))).flatten()
    }

    /// `get_neurons_lite`: every neuron of `netuid`, without weights and bonds.
    pub fn get_neurons_lite(netuid: NetUid) -> Vec<NeuronInfoLite<T::AccountId>> {
        Self::neurons_with(netuid, Self::neuron_lite)
    }

    /// `get_neuron_lite`: the neuron at `uid`, without weights and bonds.
    pub fn get_neuron_lite(netuid: NetUid, uid: u16) -> Option<NeuronInfoLite<T::AccountId>> {
        NetworksAdded::<T>::get(netuid).then(|| Self::neuron_lite(netuid, uid, &PerUid::read::<T>(netuid))).flatten()
    }
}
