//! Neuron registration: `burned_register` on subnets, `root_register` on root, UID assignment
//! and pruning, and the per-block burn/difficulty adjustment.
//!
//! Reference: `subnets/registration.rs`, `subnets/uids.rs`, `coinbase/root.rs`,
//! `coinbase/block_step.rs` at `6b86ebf30`.
//! - The burn (`Burn[netuid]`) is withdrawn from the coldkey and swapped into the subnet pool;
//!   the alpha it buys is destroyed (`SubnetAlphaOut` decreases). `TotalIssuance` is unchanged:
//!   the TAO moves from balances into `SubnetTAO`.
//! - UIDs are appended up to `MaxAllowedUids` (`append_neuron`); then a neuron is replaced
//!   (`get_neuron_to_prune`, `replace_neuron`): never the owner's hotkey; the lowest
//!   `PruningScores` entry (missing reads as `u16::MAX`) among non-immune neurons, ties to the
//!   earliest registration, then the lowest UID; if every candidate is immune, the same rule among
//!   the immune ones. Its pruning score becomes `u16::MAX`. Stake lives on hotkeys, not UIDs, and
//!   is not touched.
//! - Appending pushes `Rank`, `Trust`, `Emission`, `Consensus`, `Incentive`, `Dividends`,
//!   `PruningScores`, `ValidatorTrust` 0, `Active` true, `ValidatorPermit` false and
//!   `LastUpdate` = the block (`StakeWeight`, `Weights`, `Bonds` untouched). Replacing sets
//!   `Active` true, zeroes `Emission`, `Trust`, `Consensus`, `Incentive`, `Dividends` and removes
//!   `Bonds` and the old hotkey's `Axons` and `NeuronCertificates` entries; the old neuron's
//!   `Weights`, `LastUpdate`, `ValidatorPermit`, `Rank`, `ValidatorTrust`, `StakeWeight` and
//!   the old hotkey's `Prometheus` entry stay (as in the reference).
//! - Every `AdjustmentInterval` blocks, `Burn` and `Difficulty` move towards the target
//!   registration rate (`dtao_math::burn`); the interval counters reset.
//! - Root holds at most `MaxAllowedUids[0]` (64) validators; when full, a newcomer replaces the
//!   first (in `Keys` order) with the least root stake, if it has strictly more. Any coldkey may
//!   root-register any hotkey; `Owner` is only set if the hotkey has none.
//!
//! Deliberate differences:
//! - a full subnet whose only neuron is the owner's hotkey (`MaxAllowedUids` = 1) refuses with
//!   `NoNeuronIdAvailable`; the reference takes the burn and registers nothing.
//! - when the pool refuses the burn swap, the withdrawn TAO is also taken out of `TotalIssuance`
//!   (`docs/emission.md` §9).
use crate::{
    pallet::{Error, Event},
    Active, AdjustmentAlpha, AdjustmentInterval, Axons, BlockAtRegistration, Bonds, Burn,
    BurnRegistrationsThisInterval, Config, Consensus, Delegates, Difficulty, Dividends, Emission,
    ImmunityPeriod, Incentive, Keys, LastAdjustmentBlock, LastUpdate, MaxAllowedUids, MaxBurn,
    MaxDifficulty, MaxRegistrationsPerBlock, MinBurn, MinDifficulty, NetUid,
    NetworkRegistrationAllowed, NetworksAdded, NeuronCertificates, Owner, POWRegistrationsThisInterval, Pallet,
    PruningScores, RAORecycledForRegistration, Rank, RegistrationsThisBlock,
    RegistrationsThisInterval, SubnetOwnerHotkey, SubnetworkN, TargetRegistrationsPerInterval,
    TotalHotkeyAlpha, Trust, Uids, ValidatorPermit, ValidatorTrust, ROOT_NETUID,
};
use alloc::vec::Vec;
use crate::weights::WeightInfo;
use frame_support::{traits::Get, weights::Weight};
use crate::coinbase::AccessTally;
use dtao_math::burn::{self, BurnInputs, BurnOutcome};
use frame_support::{ensure, pallet_prelude::DispatchError};

/// Root's validator take when `root_register` makes a hotkey a delegate.
const DEFAULT_TAKE: u16 = 11_796;

/// Sets `v[index]` if it exists (`set_element_at`): never grows the vector.
fn set_existing<V>(v: &mut [V], index: usize, value: V) {
    if let Some(slot) = v.get_mut(index) {
        *slot = value;
    }
}

impl<T: Config> Pallet<T> {
    /// Checks the per-block and per-interval registration limits of `netuid`.
    fn ensure_registration_slots(netuid: NetUid) -> Result<(), Error<T>> {
        ensure!(
            RegistrationsThisBlock::<T>::get(netuid) < MaxRegistrationsPerBlock::<T>::get(netuid),
            Error::<T>::TooManyRegistrationsThisBlock
        );
        ensure!(!Self::registration_interval_full(netuid), Error::<T>::TooManyRegistrationsThisInterval);
        Ok(())
    }

    /// `netuid` had three times its target registrations this interval (the reference's
    /// transaction extension rejects registrations on it first).
    pub(crate) fn registration_interval_full(netuid: NetUid) -> bool {
        RegistrationsThisInterval::<T>::get(netuid) >=
            TargetRegistrationsPerInterval::<T>::get(netuid).saturating_mul(3)
    }

    fn count_registration(netuid: NetUid, burned: bool) {
        RegistrationsThisBlock::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
        RegistrationsThisInterval::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
        if burned {
            BurnRegistrationsThisInterval::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
        }
    }

    /// The checks of `burned_register` (the dispatchable's and the transaction extension's):
    /// returns the burn and the UID slot `free_uid` picks. Writes nothing.
    pub(crate) fn validate_burned_register(
        coldkey: &T::AccountId,
        netuid: NetUid,
        hotkey: &T::AccountId,
    ) -> Result<(u64, Option<u16>), Error<T>> {
        ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        ensure!(NetworkRegistrationAllowed::<T>::get(netuid), Error::<T>::SubNetRegistrationDisabled);
        Self::ensure_registration_slots(netuid)?;
        ensure!(!Uids::<T>::contains_key(netuid, hotkey), Error::<T>::HotKeyAlreadyRegisteredInSubNet);
        let burn = Burn::<T>::get(netuid);
        ensure!(Self::can_remove_balance_from_coldkey_account(coldkey, burn), Error::<T>::NotEnoughBalanceToStake);
        if let Some(owner) = Owner::<T>::get(hotkey) {
            ensure!(&owner == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        let slot = Self::free_uid(netuid, Self::current_block())?;
        Ok((burn, slot))
    }

    /// The weight of `burned_register` on `netuid`: its benchmark at the subnet's size (a
    /// full subnet is scanned for the neuron to prune), and the read of that size.
    pub fn burned_register_weight(netuid: NetUid) -> Weight {
        T::WeightInfo::burned_register(u32::from(SubnetworkN::<T>::get(netuid)))
            .saturating_add(T::DbWeight::get().reads(1))
    }

    /// `burned_register`: returns the UID given to `hotkey`.
    pub fn do_burned_register(
        coldkey: T::AccountId,
        netuid: NetUid,
        hotkey: T::AccountId,
    ) -> Result<u16, DispatchError> {
        let (burn, slot) = Self::validate_burned_register(&coldkey, netuid, &hotkey)?;
        let block = Self::current_block();

        // As the reference: withdraw what the balance allows down to the existential deposit,
        // and burn that into the pool (`RAORecycledForRegistration` still counts `Burn`).
        let paid = Self::withdraw_tao(&coldkey, burn)?;
        if Self::sim_swap_tao_for_alpha(netuid, paid).is_some() {
            Self::burn_into_pool(netuid, paid);
        } else {
            // The reference withdraws the TAO and puts it nowhere (it leaves circulation) but
            // keeps it in `TotalIssuance`; here it also leaves `TotalIssuance`, so that the
            // issuance invariant holds (deliberate, `docs/emission.md` §9).
            Self::note_tao_burned(paid);
        }
        Self::associate(&coldkey, &hotkey);
        if let Some(pruned) = slot {
            // `get_neuron_to_prune` marks the UID it picks.
            PruningScores::<T>::mutate(netuid, |v| set_existing(v, usize::from(pruned), u16::MAX));
        }
        let uid = Self::place_neuron(netuid, &hotkey, slot, block);
        Self::count_registration(netuid, true);
        RAORecycledForRegistration::<T>::mutate(netuid, |r| *r = r.saturating_add(burn));
        Self::deposit_event(Event::NeuronRegistered(netuid, uid, hotkey));
        Ok(uid)
    }

    /// The UID a new neuron of `netuid` gets: `Ok(None)` to append, `Ok(Some(uid))` to replace.
    fn free_uid(netuid: NetUid, block: u64) -> Result<Option<u16>, Error<T>> {
        let max = MaxAllowedUids::<T>::get(netuid);
        ensure!(max != 0, Error::<T>::NoNeuronIdAvailable);
        if SubnetworkN::<T>::get(netuid) < max {
            return Ok(None);
        }
        Self::neuron_to_prune(netuid, block).map(Some).ok_or(Error::<T>::NoNeuronIdAvailable)
    }

    /// The neuron `get_neuron_to_prune` picks at `block`: never the owner's hotkey; among
    /// non-immune neurons (`block − BlockAtRegistration ≥ ImmunityPeriod`) if there is one, else
    /// among immune ones, the lowest pruning score (missing reads as `u16::MAX`), then the
    /// earliest registration, then the lowest UID. `None` when the owner's hotkey is the only
    /// neuron (or there is none).
    pub fn neuron_to_prune(netuid: NetUid, block: u64) -> Option<u16> {
        let n = SubnetworkN::<T>::get(netuid);
        let owner_uid = SubnetOwnerHotkey::<T>::get(netuid).and_then(|h| Uids::<T>::get(netuid, h));
        let scores = PruningScores::<T>::get(netuid);
        let immunity = u64::from(ImmunityPeriod::<T>::get(netuid));
        let key = |uid: u16| {
            let score = scores.get(usize::from(uid)).copied().unwrap_or(u16::MAX);
            (score, BlockAtRegistration::<T>::get(netuid, uid), uid)
        };
        let (immune, mortal): (Vec<u16>, Vec<u16>) = (0..n)
            .filter(|uid| Some(*uid) != owner_uid)
            .partition(|uid| block.saturating_sub(BlockAtRegistration::<T>::get(netuid, uid)) < immunity);
        let pool = if mortal.is_empty() { immune } else { mortal };
        pool.into_iter().min_by_key(|uid| key(*uid))
    }

    /// Puts `hotkey` at a new UID (`slot` = None, `append_neuron`) or in place of the neuron at
    /// `slot` (`replace_neuron`).
    pub(crate) fn place_neuron(netuid: NetUid, hotkey: &T::AccountId, slot: Option<u16>, block: u64) -> u16 {
        let uid = match slot {
            None => {
                let uid = SubnetworkN::<T>::get(netuid);
                SubnetworkN::<T>::insert(netuid, uid.saturating_add(1));
                for item in [Rank::<T>::mutate, Trust::<T>::mutate, Consensus::<T>::mutate] {
                    item(netuid, |v: &mut Vec<u16>| v.push(0));
                }
                for item in [Incentive::<T>::mutate, Dividends::<T>::mutate] {
                    item(netuid, |v: &mut Vec<u16>| v.push(0));
                }
                for item in [PruningScores::<T>::mutate, ValidatorTrust::<T>::mutate] {
                    item(netuid, |v: &mut Vec<u16>| v.push(0));
                }
                Active::<T>::mutate(netuid, |v| v.push(true));
                Emission::<T>::mutate(netuid, |v| v.push(0));
                LastUpdate::<T>::mutate(netuid, |v| v.push(block));
                ValidatorPermit::<T>::mutate(netuid, |v| v.push(false));
                uid
            },
            Some(uid) => {
                if let Some(old) = Keys::<T>::take(netuid, uid) {
                    Uids::<T>::remove(netuid, &old);
                    // `replace_neuron` drops the old hotkey's certificate and axon on this
                    // subnet (not its Prometheus entry).
                    NeuronCertificates::<T>::remove(netuid, &old);
                    Axons::<T>::remove(netuid, &old);
                }
                let index = usize::from(uid);
                Active::<T>::mutate(netuid, |v| set_existing(v, index, true));
                Emission::<T>::mutate(netuid, |v| set_existing(v, index, 0));
                for item in [Trust::<T>::mutate, Consensus::<T>::mutate] {
                    item(netuid, |v: &mut Vec<u16>| set_existing(v, index, 0));
                }
                for item in [Incentive::<T>::mutate, Dividends::<T>::mutate] {
                    item(netuid, |v: &mut Vec<u16>| set_existing(v, index, 0));
                }
                Bonds::<T>::remove(netuid, uid);
                uid
            },
        };
        Keys::<T>::insert(netuid, uid, hotkey);
        Uids::<T>::insert(netuid, hotkey, uid);
        BlockAtRegistration::<T>::insert(netuid, uid, block);
        uid
    }

    /// `root_register`: joins the root network, replacing the member with the least root stake
    /// when it is full.
    pub fn do_root_register(coldkey: T::AccountId, hotkey: T::AccountId) -> Result<u16, DispatchError> {
        ensure!(NetworksAdded::<T>::get(ROOT_NETUID), Error::<T>::RootNetworkDoesNotExist);
        Self::ensure_registration_slots(ROOT_NETUID)?;
        ensure!(!Uids::<T>::contains_key(ROOT_NETUID, &hotkey), Error::<T>::HotKeyAlreadyRegisteredInSubNet);
        // `create_account_if_non_existent`: no ownership check.
        Self::associate(&coldkey, &hotkey);
        let block = Self::current_block();
        let n = SubnetworkN::<T>::get(ROOT_NETUID);
        let slot = if n < MaxAllowedUids::<T>::get(ROOT_NETUID) {
            None
        } else {
            // The first UID in `Keys` iteration order with the least root stake.
            let mut lowest: (u64, u16) = (u64::MAX, 0);
            for uid in dtao_math::epoch::keys_order(n) {
                if let Some(hk) = Keys::<T>::get(ROOT_NETUID, uid) {
                    let stake = TotalHotkeyAlpha::<T>::get(hk, ROOT_NETUID);
                    if stake < lowest.0 {
                        lowest = (stake, uid);
                    }
                }
            }
            ensure!(Keys::<T>::contains_key(ROOT_NETUID, lowest.1), Error::<T>::HotKeyNotRegisteredInSubNet);
            ensure!(
                lowest.0 < TotalHotkeyAlpha::<T>::get(&hotkey, ROOT_NETUID),
                Error::<T>::StakeTooLowForRoot
            );
            Some(lowest.1)
        };
        let uid = Self::place_neuron(ROOT_NETUID, &hotkey, slot, block);
        if !Delegates::<T>::contains_key(&hotkey) {
            Delegates::<T>::insert(&hotkey, DEFAULT_TAKE);
        }
        Self::count_registration(ROOT_NETUID, false);
        Self::deposit_event(Event::NeuronRegistered(ROOT_NETUID, uid, hotkey));
        Ok(uid)
    }

    /// One network's burn and difficulty adjustment at `block` (the per-network body of the
    /// reference's `adjust_registration_terms_for_networks`); `None` when `block` is not an
    /// adjustment block. As the reference, it reads `LastAdjustmentBlock` and
    /// `AdjustmentInterval`, and the other eleven inputs only at an adjustment. Also resets the
    /// per-block registration counter, leaving it alone when it already holds 0. What it
    /// read and wrote, against the benchmarked `on_initialize`, goes into `tally`.
    pub fn adjust_registration_terms(netuid: NetUid, block: u64, tally: &mut AccessTally) -> Option<BurnOutcome> {
        let last_adjustment_block = LastAdjustmentBlock::<T>::get(netuid);
        let adjustment_interval = AdjustmentInterval::<T>::get(netuid);
        let outcome = if burn::interval_reached(block, last_adjustment_block, adjustment_interval) {
            let outcome = burn::adjust(&BurnInputs {
                current_block: block,
                last_adjustment_block,
                adjustment_interval,
                burn: Burn::<T>::get(netuid),
                difficulty: Difficulty::<T>::get(netuid),
                registrations: RegistrationsThisInterval::<T>::get(netuid),
                pow_registrations: POWRegistrationsThisInterval::<T>::get(netuid),
                burn_registrations: BurnRegistrationsThisInterval::<T>::get(netuid),
                target: TargetRegistrationsPerInterval::<T>::get(netuid),
                adjustment_alpha: AdjustmentAlpha::<T>::get(netuid),
                min_burn: MinBurn::<T>::get(netuid),
                max_burn: MaxBurn::<T>::get(netuid),
                min_difficulty: MinDifficulty::<T>::get(netuid),
                max_difficulty: MaxDifficulty::<T>::get(netuid),
            });
            Burn::<T>::insert(netuid, outcome.burn);
            Difficulty::<T>::insert(netuid, outcome.difficulty);
            LastAdjustmentBlock::<T>::insert(netuid, block);
            RegistrationsThisInterval::<T>::insert(netuid, 0);
            POWRegistrationsThisInterval::<T>::insert(netuid, 0);
            BurnRegistrationsThisInterval::<T>::insert(netuid, 0);
            tally.writes_added = tally.writes_added.saturating_add(6);
            Some(outcome)
        } else {
            tally.reads_saved = tally.reads_saved.saturating_add(11);
            None
        };
        Self::put_if_changed::<RegistrationsThisBlock<T>, u16>(netuid, 0, tally);
        outcome
    }
}
