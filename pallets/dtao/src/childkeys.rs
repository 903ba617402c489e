//! Child keys and takes: `set_children` schedules a parent hotkey's children on a subnet,
//! which apply at the subnet's first epoch block after the cooldown; the epoch weighs each
//! hotkey with the stake its parents lend it (less what it lends its children), and the drain
//! passes each child's dividend back to its parents by contribution, less the childkey take
//! (the math is in `dtao_math::epoch::childkeys`). The delegate take moves within
//! `MinDelegateTake..=MaxDelegateTake` with `decrease_take` and (rate-limited)
//! `increase_take`.
//!
//! Reference at `6b86ebf30`: `staking/set_children.rs` (`do_schedule_children`,
//! `do_set_pending_children`, `do_set_childkey_take`), `staking/increase_take.rs`,
//! `staking/decrease_take.rs`, `utils/rate_limiting.rs`, `try_set_pending_children` in
//! `coinbase/block_step.rs`, `get_inherited_for_hotkey_on_subnet` and
//! `get_tao_inherited_for_hotkey_on_subnet` in `staking/stake_utils.rs`, and
//! `get_parent_child_dividends_distribution` in `coinbase/run_coinbase.rs`.
//!
//! One deliberate difference: `set_childkey_take` also refuses a take below
//! `MinChildkeyTake` (the reference checks only the maximum); with the default minimum of 0
//! nothing changes.
use crate::{
    pallet::{Error, Event},
    ChildKeys, ChildkeyTake, Config, Delegates, LastTxBlockDelegateTake, MaxChildkeyTake,
    MaxDelegateTake, MinChildkeyTake, MinDelegateTake, NetUid, NetworksAdded, Owner, Pallet,
    ParentKeys, PendingChildKeyCooldown, PendingChildKeys, StakeThreshold, SubnetOwnerHotkey,
    TaoWeight, TotalHotkeyAlpha, TransactionKeyLastBlock, TxChildkeyTakeRateLimit,
    TxDelegateTakeRateLimit, ROOT_NETUID,
};
use alloc::vec::Vec;
use dtao_math::epoch::childkeys::{inherited_stake, split_with_parents, Parent};
use frame_support::{ensure, pallet_prelude::DispatchResult};

/// A hotkey's children: (proportion, child) pairs, as `ChildKeys` stores them.
type ChildList<T> = Vec<(u64, <T as frame_system::Config>::AccountId)>;

/// Most children a hotkey may have on one subnet.
pub const MAX_CHILDREN: usize = 5;
/// Blocks between two `set_children` of a (hotkey, netuid) (the reference's constant 150).
pub const SET_CHILDREN_RATE_LIMIT: u64 = 150;

/// The rate-limited calls of `TransactionKeyLastBlock` (the reference's `TransactionType`).
#[derive(Clone, Copy)]
enum RateLimited {
    SetChildren = 0,
    SetChildkeyTake = 1,
}

impl<T: Config> Pallet<T> {
    fn passes_rate_limit(kind: RateLimited, hotkey: &T::AccountId, netuid: NetUid, limit: u64) -> bool {
        let last = TransactionKeyLastBlock::<T>::get((hotkey, netuid, kind as u16));
        last == 0 || Self::current_block().saturating_sub(last) >= limit
    }

    fn stamp(kind: RateLimited, hotkey: &T::AccountId, netuid: NetUid) {
        TransactionKeyLastBlock::<T>::insert((hotkey, netuid, kind as u16), Self::current_block());
    }

    /// The hotkey's stake in TAO over every subnet, each alpha valued at its price
    /// (`get_total_stake_for_hotkey`).
    pub fn total_stake_for_hotkey(hotkey: &T::AccountId) -> u64 {
        NetworksAdded::<T>::iter_keys().fold(0u64, |acc, netuid| {
            let alpha = substrate_fixed::types::U96F32::saturating_from_num(TotalHotkeyAlpha::<T>::get(hotkey, netuid));
            acc.saturating_add(alpha.saturating_mul(Self::get_alpha_price(netuid)).saturating_to_num::<u64>())
        })
    }

    /// `set_children`: validates and schedules the children of `hotkey` on `netuid`; they
    /// apply at the subnet's first epoch block after `PendingChildKeyCooldown` blocks. An
    /// empty list revokes the children.
    pub fn do_schedule_children(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        children: Vec<(u64, T::AccountId)>,
    ) -> DispatchResult {
        ensure!(
            Self::passes_rate_limit(RateLimited::SetChildren, &hotkey, netuid, SET_CHILDREN_RATE_LIMIT),
            Error::<T>::TxRateLimitExceeded
        );
        ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        ensure!(Self::coldkey_owns_hotkey(&coldkey, &hotkey), Error::<T>::NonAssociatedColdKey);
        ensure!(children.len() <= MAX_CHILDREN, Error::<T>::TooManyChildren);
        ensure!(children.iter().all(|(_, child)| *child != hotkey), Error::<T>::InvalidChild);
        children
            .iter()
            .try_fold(0u64, |acc, (proportion, _)| acc.checked_add(*proportion))
            .ok_or(Error::<T>::ProportionOverflow)?;
        for (i, (_, child)) in children.iter().enumerate() {
            let earlier = children.get(..i).unwrap_or_default();
            ensure!(earlier.iter().all(|(_, c)| c != child), Error::<T>::DuplicateChild);
        }
        ensure!(
            children.is_empty() ||
                Self::total_stake_for_hotkey(&hotkey) >= StakeThreshold::<T>::get() ||
                SubnetOwnerHotkey::<T>::get(netuid).as_ref() == Some(&hotkey),
            Error::<T>::NotEnoughStakeToSetChildkeys
        );
        Self::stamp(RateLimited::SetChildren, &hotkey, netuid);
        let cooldown_block = Self::current_block().saturating_add(PendingChildKeyCooldown::<T>::get());
        PendingChildKeys::<T>::insert(netuid, &hotkey, (children.clone(), cooldown_block));
        Self::deposit_event(Event::SetChildrenScheduled(hotkey, netuid, cooldown_block, children));
        Ok(())
    }

    /// At every network's epoch block (after the coinbase, root included), applies its
    /// pending children whose cooldown block is before this block (`try_set_pending_children`).
    pub fn try_set_pending_children(block: u64) {
        let netuids: Vec<NetUid> = NetworksAdded::<T>::iter_keys().collect();
        for netuid in netuids {
            if Self::blocks_until_next_epoch(netuid, block) == 0 {
                Self::apply_pending_children(netuid, block);
            }
        }
    }

    /// `do_set_pending_children`: the old children lose this parent, the new ones gain it.
    fn apply_pending_children(netuid: NetUid, block: u64) {
        let due: Vec<(T::AccountId, ChildList<T>)> = PendingChildKeys::<T>::iter_prefix(netuid)
            .filter(|(_, (_, cooldown))| *cooldown < block)
            .map(|(hotkey, (children, _))| (hotkey, children))
            .collect();
        for (hotkey, children) in due {
            for (_, old_child) in ChildKeys::<T>::get(&hotkey, netuid) {
                ParentKeys::<T>::mutate(&old_child, netuid, |parents| parents.retain(|(_, p)| *p != hotkey));
            }
            ChildKeys::<T>::insert(&hotkey, netuid, children.clone());
            for (proportion, child) in &children {
                ParentKeys::<T>::mutate(child, netuid, |parents| parents.push((*proportion, hotkey.clone())));
            }
            PendingChildKeys::<T>::remove(netuid, &hotkey);
            Self::deposit_event(Event::SetChildren(hotkey, netuid, children));
        }
    }

    /// `set_childkey_take`.
    pub fn do_set_childkey_take(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        take: u16,
    ) -> DispatchResult {
        ensure!(Self::coldkey_owns_hotkey(&coldkey, &hotkey), Error::<T>::NonAssociatedColdKey);
        ensure!(
            take <= MaxChildkeyTake::<T>::get() && take >= MinChildkeyTake::<T>::get(),
            Error::<T>::InvalidChildkeyTake
        );
        ensure!(
            Self::passes_rate_limit(RateLimited::SetChildkeyTake, &hotkey, netuid, TxChildkeyTakeRateLimit::<T>::get()),
            Error::<T>::TxChildkeyTakeRateLimitExceeded
        );
        Self::stamp(RateLimited::SetChildkeyTake, &hotkey, netuid);
        ChildkeyTake::<T>::insert(&hotkey, netuid, take);
        Self::deposit_event(Event::ChildKeyTakeSet(hotkey, take));
        Ok(())
    }

    /// `do_take_checks`: the hotkey exists and the coldkey owns it.
    fn take_checks(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
        ensure!(Owner::<T>::contains_key(hotkey), Error::<T>::HotKeyAccountNotExists);
        ensure!(Self::coldkey_owns_hotkey(coldkey, hotkey), Error::<T>::NonAssociatedColdKey);
        Ok(())
    }

    /// `decrease_take`: below the current take (if one is stored), at least `MinDelegateTake`.
    pub fn do_decrease_take(coldkey: T::AccountId, hotkey: T::AccountId, take: u16) -> DispatchResult {
        Self::take_checks(&coldkey, &hotkey)?;
        if let Ok(current) = Delegates::<T>::try_get(&hotkey) {
            ensure!(take < current, Error::<T>::DelegateTakeTooLow);
        }
        ensure!(take >= MinDelegateTake::<T>::get(), Error::<T>::DelegateTakeTooLow);
        Delegates::<T>::insert(&hotkey, take);
        LastTxBlockDelegateTake::<T>::insert(&hotkey, Self::current_block());
        Self::deposit_event(Event::TakeDecreased(coldkey, hotkey, take));
        Ok(())
    }

    /// `increase_take`: above the current take (if one is stored), at most `MaxDelegateTake`,
    /// and more than `TxDelegateTakeRateLimit` blocks after the last take change.
    pub fn do_increase_take(coldkey: T::AccountId, hotkey: T::AccountId, take: u16) -> DispatchResult {
        Self::take_checks(&coldkey, &hotkey)?;
        if let Ok(current) = Delegates::<T>::try_get(&hotkey) {
            ensure!(take > current, Error::<T>::DelegateTakeTooLow);
        }
        ensure!(take <= MaxDelegateTake::<T>::get(), Error::<T>::DelegateTakeTooHigh);
        let block = Self::current_block();
        let (limit, last) = (TxDelegateTakeRateLimit::<T>::get(), LastTxBlockDelegateTake::<T>::get(&hotkey));
        let too_soon = limit != 0 && last != 0 && block.saturating_sub(last) <= limit;
        ensure!(!too_soon, Error::<T>::DelegateTxRateLimitExceeded);
        LastTxBlockDelegateTake::<T>::insert(&hotkey, block);
        Delegates::<T>::insert(&hotkey, take);
        Self::deposit_event(Event::TakeIncreased(coldkey, hotkey, take));
        Ok(())
    }

    fn proportions(links: &[(u64, T::AccountId)]) -> Vec<u64> {
        links.iter().map(|(p, _)| *p).collect()
    }

    /// The (alpha, root) stakes `hotkey` weighs with on `netuid`: its own, less what it lends
    /// its children, plus what its parents lend it (`get_inherited_for_hotkey_on_subnet` and
    /// `get_tao_inherited_for_hotkey_on_subnet`; on root the alpha side is the own stake).
    pub fn inherited_stakes(hotkey: &T::AccountId, netuid: NetUid) -> (u64, u64) {
        let (own_alpha, own_root) =
            (TotalHotkeyAlpha::<T>::get(hotkey, netuid), TotalHotkeyAlpha::<T>::get(hotkey, ROOT_NETUID));
        let children = Self::proportions(&ChildKeys::<T>::get(hotkey, netuid));
        let parents = ParentKeys::<T>::get(hotkey, netuid);
        let lent = |stake_on: NetUid| -> Vec<(u64, u64)> {
            parents.iter().map(|(p, parent)| (*p, TotalHotkeyAlpha::<T>::get(parent, stake_on))).collect()
        };
        let alpha =
            if netuid == ROOT_NETUID { own_alpha } else { inherited_stake(own_alpha, &children, &lent(netuid)) };
        (alpha, inherited_stake(own_root, &children, &lent(ROOT_NETUID)))
    }

    /// Who receives `hotkey`'s validator `dividend` on `netuid`: its parents by contribution
    /// (less the childkey take) and itself (`get_parent_child_dividends_distribution`).
    pub fn dividend_recipients(hotkey: &T::AccountId, netuid: NetUid, dividend: u64) -> Vec<(T::AccountId, u64)> {
        let links = ParentKeys::<T>::get(hotkey, netuid);
        let owner = Owner::<T>::get(hotkey);
        let parents: Vec<Parent> = links
            .iter()
            .map(|(proportion, parent)| Parent {
                proportion: *proportion,
                alpha: TotalHotkeyAlpha::<T>::get(parent, netuid),
                root: TotalHotkeyAlpha::<T>::get(parent, ROOT_NETUID),
                same_owner: Owner::<T>::get(parent) == owner,
            })
            .collect();
        let children = Self::proportions(&ChildKeys::<T>::get(hotkey, netuid));
        let own = (TotalHotkeyAlpha::<T>::get(hotkey, netuid), TotalHotkeyAlpha::<T>::get(hotkey, ROOT_NETUID));
        let (shares, kept) = split_with_parents(
            dividend,
            ChildkeyTake::<T>::get(hotkey, netuid),
            own,
            &children,
            &parents,
            TaoWeight::<T>::get(),
        );
        let mut out: Vec<(T::AccountId, u64)> =
            links.into_iter().zip(shares).map(|((_, parent), share)| (parent, share)).collect();
        out.push((hotkey.clone(), kept));
        out
    }
}
