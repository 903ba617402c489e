//! The epoch: Yuma consensus over a subnet's neurons, and the distribution of the emission
//! drained at the subnet's tempo to miners, validators, nominators, root stakers and the owner.
//!
//! Reference: `epoch/run_epoch.rs` (`epoch`) and `drain_pending_emission` in
//! `coinbase/run_coinbase.rs` at `6b86ebf30`. The consensus and the dividend split are pure
//! functions in `dtao_math::epoch`; this module reads their inputs from storage and writes the
//! results: `StakeWeight`, `Active`, `ValidatorPermit`, `Rank`, `Trust`, `Consensus`,
//! `Incentive`, `Dividends`, `ValidatorTrust`, `PruningScores`, `Emission`, `Bonds`.
//!
//! Payout, in the reference's order, after the epoch and the split have read the stakes: the
//! owner cut to the owner's (hotkey, coldkey); each
//! miner's incentive to its (hotkey, owner coldkey), except the owner's own hotkey (the
//! reference never credits it); validators' alpha dividends, less the hotkey's take (credited to
//! its owner), to the hotkey's share pool, so that nominators gain pro rata; root dividends in
//! TAO likewise on root. `AlphaDividendsPerSubnet`, `TaoDividendsPerSubnet` and
//! `TotalHotkeyAlphaLastEpoch` record the epoch for the unstake fee and for clients.
//!
//! Accounting: every drained unit is either credited or kept (`UndistributedAlpha`,
//! `UndistributedRootTao`), and [`Event::EmissionDistributed`] reports both, so that
//! `credited + kept = drained` to the rao. One deliberate difference from the reference keeps
//! that true: credited alpha never exceeds the drained pending alpha (the reference over-pays
//! miners by the root-sold alpha when no validator earns dividends). Root dividends paid in TAO
//! become root stake without entering `SubnetTAO[0]`, `SubnetAlphaOut[0]` or `TotalStake`, as
//! in the reference; `RootDividendsOutsidePool` counts them for the invariants.
use crate::{
    pallet::Event, Active, ActivityCutoff, AlphaDividendsPerSubnet, AlphaValues,
    BlockAtRegistration, Bonds, BondsMovingAverage, BondsPenalty, Config, Consensus, Delegates,
    Dividends, Emission, Incentive, Keys, Kappa, LastUpdate, LiquidAlphaOn, MaxAllowedValidators,
    NetUid, Owner, Pallet, PruningScores, Rank, StakeWeight, SubnetOwner,
    SubnetOwnerHotkey, SubnetworkN, RootDividendsOutsidePool, TaoDividendsPerSubnet, TaoWeight, Tempo,
    TotalHotkeyAlpha, TotalHotkeyAlphaLastEpoch, Trust, Uids, UndistributedAlpha,
    UndistributedOwnerCut, UndistributedRootTao, ValidatorPermit, ValidatorTrust, Weights,
    ROOT_NETUID,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use dtao_math::{
    coinbase::u16_fraction,
    epoch::{
        self,
        dividends::{split_dividends, DrainInput, DrainSplit},
        stake::stake_weights,
        BondsUpdate, EpochInput, EpochOutput,
    },
};
use scale_info::TypeInfo;
use substrate_fixed::types::U96F32;

/// How the TAO block emission is split between subnets.
#[derive(
    Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, TypeInfo,
    MaxEncodedLen, serde::Serialize, serde::Deserialize,
)]
pub enum EmissionPolicy {
    /// The reference (`6b86ebf30`): in proportion to each subnet's moving price.
    #[default]
    PriceEma,
    /// Pre-dTAO: in proportion to the root validators' stake-weighted root weights on each
    /// subnet (`Σ_i stake_i · w_ij`, rows normalised), without the reference's sigmoid
    /// consensus step.
    RootWeights,
}

fn floor(x: U96F32) -> u64 {
    x.saturating_to_num::<u64>()
}

/// What an epoch paid and kept.
#[derive(Default)]
struct Paid {
    incentives: u64,
    alpha_dividends: u64,
    tao_dividends: u64,
}

impl<T: Config> Pallet<T> {
    /// The hotkeys of `netuid` by UID.
    pub fn hotkeys_by_uid(netuid: NetUid) -> Vec<Option<T::AccountId>> {
        (0..SubnetworkN::<T>::get(netuid)).map(|uid| Keys::<T>::get(netuid, uid)).collect()
    }

    /// The stake weight of a hotkey on a subnet (inherited alpha plus TAO weight times
    /// inherited root stake), as the weight-setting threshold reads it.
    pub fn stake_weight_of(hotkey: &T::AccountId, netuid: NetUid) -> u64 {
        let (alpha, root) = Self::inherited_stakes(hotkey, netuid);
        let weights = stake_weights(&[alpha], &[root], TaoWeight::<T>::get());
        weights.first().map(|w| w.saturating_to_num::<u64>()).unwrap_or(0)
    }

    /// The consensus inputs of `netuid` from storage; `hotkeys` are its hotkeys by UID
    /// ([`Self::hotkeys_by_uid`]).
    pub fn epoch_input(netuid: NetUid, hotkeys: &[Option<T::AccountId>], rao_emission: u64, block: u64) -> EpochInput {
        let n = SubnetworkN::<T>::get(netuid);
        // The stakes the epoch weighs: each hotkey's own, less what it lends its children,
        // plus what its parents lend it (`get_stake_weights_for_network`).
        let (alpha_stake, root_stake): (Vec<u64>, Vec<u64>) = hotkeys
            .iter()
            .map(|hk| hk.as_ref().map(|hk| Self::inherited_stakes(hk, netuid)).unwrap_or((0, 0)))
            .unzip();
        let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
        let validator_permit = ValidatorPermit::<T>::get(netuid);
        // Only rows of uids holding a permit count: the epoch empties the others (step 5,
        // `mask_rows_sparse` with the stored permits) before reading them, so they are not
        // loaded. Ex-validators keep their rows in storage (the reference never clears them);
        // loading all of them could hold n × n entries, beyond the heap the admin bound keeps
        // the epoch in (audit F17).
        let weights = (0..n)
            .map(|uid| {
                if validator_permit.get(usize::from(uid)).copied().unwrap_or(false) {
                    Weights::<T>::get(netuid, uid)
                } else {
                    Vec::new()
                }
            })
            .collect();
        EpochInput {
            n,
            current_block: block,
            tempo: Tempo::<T>::get(netuid),
            activity_cutoff: ActivityCutoff::<T>::get(netuid),
            kappa: Kappa::<T>::get(netuid),
            bonds_penalty: BondsPenalty::<T>::get(netuid),
            bonds_moving_average: BondsMovingAverage::<T>::get(netuid),
            liquid_alpha_on: LiquidAlphaOn::<T>::get(netuid),
            alpha_low,
            alpha_high,
            max_allowed_validators: MaxAllowedValidators::<T>::get(netuid),
            owner_uid: SubnetOwnerHotkey::<T>::get(netuid).and_then(|h| Uids::<T>::get(netuid, h)),
            tao_weight: TaoWeight::<T>::get(),
            rao_emission,
            alpha_stake,
            root_stake,
            block_at_registration: (0..n).map(|uid| BlockAtRegistration::<T>::get(netuid, uid)).collect(),
            last_update: LastUpdate::<T>::get(netuid),
            validator_permit,
            weights,
            bonds: (0..n).map(|uid| Bonds::<T>::get(netuid, uid)).collect(),
        }
    }

    /// Runs Yuma consensus on `netuid` (hotkeys by UID given) and stores its results.
    pub fn run_epoch(netuid: NetUid, hotkeys: &[Option<T::AccountId>], rao_emission: u64, block: u64) -> EpochOutput {
        let output = epoch::epoch(&Self::epoch_input(netuid, hotkeys, rao_emission, block));
        StakeWeight::<T>::insert(netuid, output.stake_weight.clone());
        Active::<T>::insert(netuid, output.active.clone());
        ValidatorPermit::<T>::insert(netuid, output.validator_permit.clone());
        Rank::<T>::insert(netuid, output.rank.clone());
        Trust::<T>::insert(netuid, output.trust.clone());
        Consensus::<T>::insert(netuid, output.consensus.clone());
        Incentive::<T>::insert(netuid, output.incentive.clone());
        Dividends::<T>::insert(netuid, output.dividends.clone());
        ValidatorTrust::<T>::insert(netuid, output.validator_trust.clone());
        PruningScores::<T>::insert(netuid, output.pruning_scores.clone());
        Emission::<T>::insert(netuid, output.emission.clone());
        for (uid, update) in output.bonds.iter().enumerate() {
            let uid = u16::try_from(uid).unwrap_or(u16::MAX);
            match update {
                BondsUpdate::Set(row) => Bonds::<T>::insert(netuid, uid, row.clone()),
                BondsUpdate::Cleared => Bonds::<T>::remove(netuid, uid),
                BondsUpdate::Unchanged => {},
            }
        }
        output
    }

    /// Credits one hotkey's dividend as `distribute_dividends_and_incentives` does: the take
    /// `take_fraction · dividend` is computed on the unfloored dividend; `⌊take⌋` goes to the
    /// hotkey's owner and `⌊dividend − take⌋` to the whole share pool, so that nominators gain
    /// pro rata. Never credits more than `budget`. Returns (credited, credited to the pool).
    pub(crate) fn credit_dividend(hotkey: &T::AccountId, netuid: NetUid, dividend: U96F32, budget: u64) -> (u64, u64) {
        let take = u16_fraction(Delegates::<T>::get(hotkey)).saturating_mul(dividend);
        let rest = floor(dividend.saturating_sub(take)).min(budget);
        let take = floor(take).min(budget.saturating_sub(rest));
        let owner_part = match Owner::<T>::get(hotkey) {
            Some(owner) => Self::increase_stake_for_hotkey_and_coldkey_on_subnet(hotkey, &owner, netuid, take),
            None => 0,
        };
        Self::increase_stake_for_hotkey_on_subnet(hotkey, netuid, rest);
        (owner_part.saturating_add(rest), rest)
    }

    /// Distributes one drain of `netuid` (the reference's `drain_pending_emission`) and returns
    /// the event reporting it.
    pub fn distribute_emission(
        netuid: NetUid,
        pending_alpha: u64,
        pending_tao: u64,
        pending_swapped: u64,
        owner_cut: u64,
        block: u64,
    ) -> Event<T> {
        // The reference's order: the epoch and the split read the stakes before anything of
        // this drain is credited, the owner cut first among the credits.
        let split = Self::epoch_and_split(netuid, pending_alpha, pending_tao, pending_swapped, block);
        let owner_cut_paid = Self::credit_owner_cut(netuid, owner_cut);
        let paid = match split {
            Some((_, split)) => Self::pay(netuid, pending_alpha, &split),
            None => Paid::default(),
        };
        let alpha_kept = pending_alpha.saturating_sub(paid.incentives.saturating_add(paid.alpha_dividends));
        let tao_kept = pending_tao.saturating_sub(paid.tao_dividends);
        UndistributedAlpha::<T>::mutate(netuid, |a| *a = a.saturating_add(alpha_kept));
        UndistributedRootTao::<T>::mutate(netuid, |t| *t = t.saturating_add(tao_kept));
        Event::EmissionDistributed {
            netuid,
            incentives: paid.incentives,
            alpha_dividends: paid.alpha_dividends,
            tao_dividends: paid.tao_dividends,
            owner_cut: owner_cut_paid,
            alpha_kept,
            tao_kept,
        }
    }

    /// Runs the epoch of `netuid` on the drained amounts and splits the result per hotkey, as
    /// `drain_pending_emission` does before paying (`None` for a subnet without neurons).
    pub fn epoch_and_split(
        netuid: NetUid,
        pending_alpha: u64,
        pending_tao: u64,
        pending_swapped: u64,
        block: u64,
    ) -> Option<(EpochOutput, DrainSplit<T::AccountId>)> {
        if SubnetworkN::<T>::get(netuid) == 0 {
            return None;
        }
        let hotkeys = Self::hotkeys_by_uid(netuid);
        let output = Self::run_epoch(netuid, &hotkeys, pending_alpha.saturating_add(pending_swapped), block);
        let rows: Vec<(T::AccountId, u64, u64)> = output
            .hotkey_emission()
            .into_iter()
            .filter_map(|(uid, server, validator)| {
                hotkeys.get(usize::from(uid)).cloned().flatten().map(|hk| (hk, server, validator))
            })
            .collect();
        let split = split_dividends(
            &DrainInput { pending_alpha, pending_swapped, pending_tao, tao_weight: TaoWeight::<T>::get() },
            &rows,
            |hk: &T::AccountId| {
                (TotalHotkeyAlpha::<T>::get(hk, netuid), TotalHotkeyAlpha::<T>::get(hk, ROOT_NETUID))
            },
            |hk: &T::AccountId, dividend: u64| Self::dividend_recipients(hk, netuid, dividend),
        );
        Some((output, split))
    }

    /// The owner cut to the owner's (hotkey, coldkey); what cannot be credited is kept.
    fn credit_owner_cut(netuid: NetUid, owner_cut: u64) -> u64 {
        let owner = SubnetOwner::<T>::get(netuid).zip(SubnetOwnerHotkey::<T>::get(netuid));
        let credited = match owner {
            Some((coldkey, hotkey)) =>
                Self::increase_stake_for_hotkey_and_coldkey_on_subnet(&hotkey, &coldkey, netuid, owner_cut),
            None => 0,
        };
        UndistributedOwnerCut::<T>::mutate(netuid, |o| *o = o.saturating_add(owner_cut.saturating_sub(credited)));
        credited
    }

    fn pay(netuid: NetUid, pending_alpha: u64, split: &DrainSplit<T::AccountId>) -> Paid {
        let mut paid = Paid::default();
        let mut budget = pending_alpha;
        let owner_hotkey = SubnetOwnerHotkey::<T>::get(netuid);
        for row in &split.per_hotkey {
            if row.incentive == 0 || Some(&row.hotkey) == owner_hotkey.as_ref() {
                continue;
            }
            let Some(coldkey) = Owner::<T>::get(&row.hotkey) else { continue };
            let amount = row.incentive.min(budget);
            let credited =
                Self::increase_stake_for_hotkey_and_coldkey_on_subnet(&row.hotkey, &coldkey, netuid, amount);
            budget = budget.saturating_sub(credited);
            paid.incentives = paid.incentives.saturating_add(credited);
        }
        // Every hotkey of the epoch gets an entry, zero included, as in the reference.
        let _ = AlphaDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
        for row in &split.per_hotkey {
            let (credited, to_pool) = Self::credit_dividend(&row.hotkey, netuid, row.alpha_dividend, budget);
            budget = budget.saturating_sub(credited);
            paid.alpha_dividends = paid.alpha_dividends.saturating_add(credited);
            AlphaDividendsPerSubnet::<T>::mutate(netuid, &row.hotkey, |d| *d = d.saturating_add(to_pool));
            TotalHotkeyAlphaLastEpoch::<T>::insert(&row.hotkey, netuid, TotalHotkeyAlpha::<T>::get(&row.hotkey, netuid));
        }
        let _ = TaoDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
        let mut root_tao = 0u64;
        for row in &split.per_hotkey {
            let (credited, to_pool) = Self::credit_dividend(&row.hotkey, ROOT_NETUID, row.tao_dividend, u64::MAX);
            root_tao = root_tao.saturating_add(credited);
            TaoDividendsPerSubnet::<T>::mutate(netuid, &row.hotkey, |d| *d = d.saturating_add(to_pool));
        }
        // As in the reference, root dividends become root stake (`TotalHotkeyAlpha` on root)
        // without entering `SubnetTAO[0]`, `SubnetAlphaOut[0]` or `TotalStake`; the invariants
        // count them through `RootDividendsOutsidePool`.
        RootDividendsOutsidePool::<T>::mutate(|t| *t = t.saturating_add(root_tao));
        paid.tao_dividends = root_tao;
        paid
    }
}
