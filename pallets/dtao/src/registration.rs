//! Neuron registration: `burned_register` on subnets, `root_register` on root, UID assignment
//! and pruning, and the per-block burn/difficulty adjustment.
//!
//! Reference: `subnets/registration.rs`, `subnets/uids.rs`, `coinbase/root.rs`,
//! `coinbase/block_step.rs` at `6b86ebf30`.
//! - The burn (`Burn[netuid]`) is withdrawn from the coldkey and swapped into the subnet pool;
//!   the alpha it buys is destroyed (`SubnetAlphaOut` decreases). `TotalIssuance` is unchanged:
//!   the TAO moves from balances into `SubnetTAO`.
//! - UIDs are appended up to `MaxAllowedUids`; then the non-immune neuron with the lowest
//!   `PruningScores` entry (ties: earliest registration; never the owner's hotkey) is replaced.
//!   Stake lives on hotkeys, not UIDs, and is not touched.
//! - Every `AdjustmentInterval` blocks, `Burn` and `Difficulty` move towards the target
//!   registration rate (`dtao_math::burn`); the interval counters reset.
//! - Root holds at most `MaxAllowedUids[0]` (64) validators; when full, a newcomer replaces the
//!   one with the least root stake, if it has strictly more.
//!
//! Deliberate difference: when a full subnet has only immune neurons, registration fails with
//! `AllNeuronsImmune` (the reference would replace an immune one).
use crate::{
    pallet::{Error, Event},
    AdjustmentAlpha, AdjustmentInterval, BlockAtRegistration, Bonds, Burn,
    BurnRegistrationsThisInterval, Config, Difficulty, ImmunityPeriod, Keys, LastAdjustmentBlock,
    LastUpdate, MaxAllowedUids, MaxBurn, MaxDifficulty, MaxRegistrationsPerBlock, MinBurn,
    MinDifficulty, NetUid, NetworkRegistrationAllowed, NetworksAdded, Owner, POWRegistrationsThisInterval,
    Pallet, PruningScores, RAORecycledForRegistration, RegistrationsThisBlock,
    RegistrationsThisInterval, SubnetOwnerHotkey, SubnetworkN, TargetRegistrationsPerInterval,
    TotalHotkeyAlpha, Uids, ValidatorPermit, Weights, Delegates, ROOT_NETUID,
};
use crate::consensus::set_at;
use dtao_math::burn::{self, BurnInputs, BurnOutcome};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    traits::{
        fungible::{Inspect, Mutate},
        tokens::{Fortitude, Precision, Preservation},
    },
};

/// Root's validator take when `root_register` makes a hotkey a delegate.
const DEFAULT_TAKE: u16 = 11_796;

impl<T: Config> Pallet<T> {
    /// Checks the per-block and per-interval registration limits of `netuid`.
    fn ensure_registration_slots(netuid: NetUid) -> DispatchResult {
        ensure!(
            RegistrationsThisBlock::<T>::get(netuid) < MaxRegistrationsPerBlock::<T>::get(netuid),
            Error::<T>::TooManyRegistrationsThisBlock
        );
        ensure!(
            RegistrationsThisInterval::<T>::get(netuid) <
                TargetRegistrationsPerInterval::<T>::get(netuid).saturating_mul(3),
            Error::<T>::TooManyRegistrationsThisInterval
        );
        Ok(())
    }

    fn count_registration(netuid: NetUid, burned: bool) {
        RegistrationsThisBlock::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
        RegistrationsThisInterval::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
        if burned {
            BurnRegistrationsThisInterval::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
        }
    }

    /// `burned_register`: returns the UID given to `hotkey`.
    pub fn do_burned_register(
        coldkey: T::AccountId,
        netuid: NetUid,
        hotkey: T::AccountId,
    ) -> Result<u16, DispatchError> {
        ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        ensure!(NetworkRegistrationAllowed::<T>::get(netuid), Error::<T>::SubNetRegistrationDisabled);
        Self::ensure_registration_slots(netuid)?;
        ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotKeyAlreadyRegisteredInSubNet);
        let burn = Burn::<T>::get(netuid);
        let spendable =
            T::Currency::reducible_balance(&coldkey, Preservation::Preserve, Fortitude::Polite);
        ensure!(spendable >= burn, Error::<T>::NotEnoughBalanceToStake);
        if let Some(owner) = Owner::<T>::get(&hotkey) {
            ensure!(owner == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        let block = Self::current_block();
        let slot = Self::free_uid(netuid, block)?;

        T::Currency::burn_from(&coldkey, burn, Preservation::Preserve, Precision::Exact, Fortitude::Polite)
            .map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        if Self::sim_swap_tao_for_alpha(netuid, burn).is_some() {
            Self::burn_into_pool(netuid, burn);
        } else {
            // The reference withdraws the TAO and puts it nowhere: it leaves circulation.
            Self::note_tao_burned(burn);
        }
        Self::associate(&coldkey, &hotkey);
        let uid = Self::place_neuron(netuid, &hotkey, slot, block);
        Self::count_registration(netuid, true);
        RAORecycledForRegistration::<T>::mutate(netuid, |r| *r = r.saturating_add(burn));
        Self::deposit_event(Event::NeuronRegistered(netuid, uid, hotkey));
        Ok(uid)
    }

    /// The UID a new neuron of `netuid` gets: `Ok(None)` to append, `Ok(Some(uid))` to replace.
    fn free_uid(netuid: NetUid, block: u64) -> Result<Option<u16>, DispatchError> {
        let max = MaxAllowedUids::<T>::get(netuid);
        ensure!(max != 0, Error::<T>::NoNeuronIdAvailable);
        if SubnetworkN::<T>::get(netuid) < max {
            return Ok(None);
        }
        Self::neuron_to_prune(netuid, block).map(Some).ok_or_else(|| Error::<T>::AllNeuronsImmune.into())
    }

    /// The non-immune neuron with the lowest pruning score (ties: earliest registration),
    /// never the owner's hotkey.
    pub fn neuron_to_prune(netuid: NetUid, block: u64) -> Option<u16> {
        let n = SubnetworkN::<T>::get(netuid);
        let owner_uid = SubnetOwnerHotkey::<T>::get(netuid).and_then(|h| Uids::<T>::get(netuid, h));
        let scores = PruningScores::<T>::get(netuid);
        let immunity = u64::from(ImmunityPeriod::<T>::get(netuid));
        (0..n)
            .filter(|uid| Some(*uid) != owner_uid)
            .filter(|uid| {
                block.saturating_sub(BlockAtRegistration::<T>::get(netuid, uid)) >= immunity
            })
            .min_by_key(|uid| {
                let score = scores.get(usize::from(*uid)).copied().unwrap_or(0);
                (score, BlockAtRegistration::<T>::get(netuid, uid), *uid)
            })
    }

    /// Puts `hotkey` at a new UID (`slot` = None) or in place of the neuron at `slot`.
    pub(crate) fn place_neuron(netuid: NetUid, hotkey: &T::AccountId, slot: Option<u16>, block: u64) -> u16 {
        let uid = match slot {
            None => {
                let uid = SubnetworkN::<T>::get(netuid);
                SubnetworkN::<T>::insert(netuid, uid.saturating_add(1));
                uid
            },
            Some(uid) => {
                if let Some(old) = Keys::<T>::take(netuid, uid) {
                    Uids::<T>::remove(netuid, old);
                }
                Bonds::<T>::remove(netuid, uid);
                Weights::<T>::remove(netuid, uid);
                uid
            },
        };
        Keys::<T>::insert(netuid, uid, hotkey);
        Uids::<T>::insert(netuid, hotkey, uid);
        BlockAtRegistration::<T>::insert(netuid, uid, block);
        let index = usize::from(uid);
        LastUpdate::<T>::mutate(netuid, |v| set_at(v, index, block));
        ValidatorPermit::<T>::mutate(netuid, |v| set_at(v, index, false));
        PruningScores::<T>::mutate(netuid, |v| set_at(v, index, u16::MAX));
        crate::consensus::reset_neuron_results::<T>(netuid, index);
        uid
    }

    /// `root_register`: joins the root network, replacing the member with the least root stake
    /// when it is full.
    pub fn do_root_register(coldkey: T::AccountId, hotkey: T::AccountId) -> Result<u16, DispatchError> {
        ensure!(NetworksAdded::<T>::get(ROOT_NETUID), Error::<T>::RootNetworkDoesNotExist);
        Self::ensure_registration_slots(ROOT_NETUID)?;
        ensure!(!Uids::<T>::contains_key(ROOT_NETUID, &hotkey), Error::<T>::HotKeyAlreadyRegisteredInSubNet);
        if let Some(owner) = Owner::<T>::get(&hotkey) {
            ensure!(owner == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        let block = Self::current_block();
        let slot = if SubnetworkN::<T>::get(ROOT_NETUID) < MaxAllowedUids::<T>::get(ROOT_NETUID) {
            None
        } else {
            let stake_of = |uid: &u16| {
                Keys::<T>::get(ROOT_NETUID, uid)
                    .map(|hk| TotalHotkeyAlpha::<T>::get(hk, ROOT_NETUID))
                    .unwrap_or(0)
            };
            let weakest = (0..SubnetworkN::<T>::get(ROOT_NETUID))
                .min_by_key(|uid| (stake_of(uid), *uid))
                .ok_or(Error::<T>::NoNeuronIdAvailable)?;
            ensure!(
                TotalHotkeyAlpha::<T>::get(&hotkey, ROOT_NETUID) > stake_of(&weakest),
                Error::<T>::StakeTooLowForRoot
            );
            Some(weakest)
        };
        Self::associate(&coldkey, &hotkey);
        let uid = Self::place_neuron(ROOT_NETUID, &hotkey, slot, block);
        if !Delegates::<T>::contains_key(&hotkey) {
            Delegates::<T>::insert(&hotkey, DEFAULT_TAKE);
        }
        Self::count_registration(ROOT_NETUID, false);
        Self::deposit_event(Event::NeuronRegistered(ROOT_NETUID, uid, hotkey));
        Ok(uid)
    }

    /// One network's burn and difficulty adjustment at `block` (the per-network body of the
    /// reference's `adjust_registration_terms_for_networks`). Also resets the per-block counter.
    pub fn adjust_registration_terms(netuid: NetUid, block: u64) -> BurnOutcome {
        let outcome = burn::adjust(&BurnInputs {
            current_block: block,
            last_adjustment_block: LastAdjustmentBlock::<T>::get(netuid),
            adjustment_interval: AdjustmentInterval::<T>::get(netuid),
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
        if outcome.interval_reached {
            Burn::<T>::insert(netuid, outcome.burn);
            Difficulty::<T>::insert(netuid, outcome.difficulty);
            LastAdjustmentBlock::<T>::insert(netuid, block);
            RegistrationsThisInterval::<T>::insert(netuid, 0);
            POWRegistrationsThisInterval::<T>::insert(netuid, 0);
            BurnRegistrationsThisInterval::<T>::insert(netuid, 0);
        }
        RegistrationsThisBlock::<T>::insert(netuid, 0);
        outcome
    }
}
