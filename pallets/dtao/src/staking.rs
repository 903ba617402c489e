//! Staking is a swap: TAO staked on a subnet buys alpha from its pool; unstaking sells it.
//!
//! Reference: `staking/{add_stake,remove_stake,move_stake,stake_utils}.rs` at `6b86ebf30`.
//! - `stake_into_subnet`: `tao − fee` buys alpha, credited to (hotkey, coldkey); the fee stays
//!   in `SubnetTAO` (and `TotalStake`).
//! - `unstake_from_subnet`: the alpha is debited and sold; `fee` of the TAO stays in the pool.
//! - Fees: 50_000 rao to stake, to leave root or a stable subnet, or to move within a subnet;
//!   otherwise `max(50_000, 0.005 % of the TAO value, the hotkey's last-epoch dividend yield on
//!   it)`. Moves charge half the fee on each leg.
//! - Limits bound the *average* execution price (`dtao_math::pool::max_amount_*`).
//!
//! Deliberate difference from the reference: a move whose unstaked TAO is below
//! `500_000 + fee` fails with `AmountTooLow` and changes nothing; the reference would drop that
//! TAO (validation normally prevents it).
use crate::{
    pallet::{Error, Event},
    Config, LastColdkeyHotkeyStakeBlock, NetUid, NetworksAdded, Owner, Pallet, TransferToggle,
    AlphaDividendsPerSubnet, TotalHotkeyAlphaLastEpoch, ROOT_NETUID,
};
use dtao_math::{fee as fees, pool as math};
use frame_support::{
    ensure,
    pallet_prelude::DispatchResult,
    traits::{
        fungible::{Inspect, Mutate},
        tokens::{Fortitude, Precision, Preservation},
    },
};

/// A price limit and whether a partial fill is acceptable.
pub type Limit = Option<(u64, bool)>;

impl<T: Config> Pallet<T> {
    /// The part of `amount` a limit allows: all of it within `max`; beyond, `max` if partial
    /// fills are allowed (and `max` > 0), else `SlippageTooHigh`.
    fn within_limit(amount: u64, max: u64, allow_partial: bool) -> Result<u64, Error<T>> {
        ensure!(allow_partial || amount <= max, Error::<T>::SlippageTooHigh);
        let possible = amount.min(max);
        ensure!(possible > 0, Error::<T>::SlippageTooHigh);
        Ok(possible)
    }

    /// The current block number as u64 (the reference's block arithmetic is in u64).
    pub(crate) fn current_block() -> u64 {
        frame_system::Pallet::<T>::block_number().try_into().unwrap_or(u64::MAX)
    }

    fn ensure_subnet(netuid: NetUid) -> DispatchResult {
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubnetNotExists);
        Ok(())
    }

    fn ensure_hotkey(hotkey: &T::AccountId) -> DispatchResult {
        ensure!(Owner::<T>::contains_key(hotkey), Error::<T>::HotKeyAccountNotExists);
        Ok(())
    }

    /// The staking fee of the reference's `calculate_staking_fee` for taking `alpha` out of
    /// `origin` (`None` when adding stake) towards `destination` (`None` when unstaking).
    pub fn staking_fee(
        origin: Option<(&T::AccountId, NetUid)>,
        destination: Option<NetUid>,
        alpha: u64,
    ) -> u64 {
        let Some((hotkey, netuid)) = origin else { return fees::DEFAULT_STAKING_FEE };
        if destination == Some(netuid) || !Self::is_dynamic(netuid) {
            return fees::DEFAULT_STAKING_FEE;
        }
        let tao_estimate = Self::sim_swap_alpha_for_tao(netuid, alpha).unwrap_or(0);
        fees::unstake_fee(
            tao_estimate,
            AlphaDividendsPerSubnet::<T>::get(netuid, hotkey),
            TotalHotkeyAlphaLastEpoch::<T>::get(hotkey, netuid),
        )
    }

    /// The pool leg of staking: `tao − fee` buys alpha, the fee stays in the pool. Returns
    /// (TAO swapped, fee kept, alpha bought).
    pub fn stake_into_pool(netuid: NetUid, tao: u64, fee: u64) -> (u64, u64, u64) {
        let tao_staked = tao.saturating_sub(fee);
        let actual_fee = tao.saturating_sub(tao_staked);
        let alpha = Self::swap_tao_for_alpha(netuid, tao_staked);
        Self::credit_fee_to_pool(netuid, actual_fee);
        (tao_staked, actual_fee, alpha)
    }

    /// The pool leg of unstaking: `alpha` is sold and `fee` of the TAO stays in the pool.
    /// Returns (TAO from the swap, TAO paid out, fee kept).
    pub fn unstake_from_pool(netuid: NetUid, alpha: u64, fee: u64) -> (u64, u64, u64) {
        let tao = Self::swap_alpha_for_tao(netuid, alpha);
        let tao_out = tao.saturating_sub(fee);
        let actual_fee = tao.saturating_sub(tao_out);
        Self::credit_fee_to_pool(netuid, actual_fee);
        (tao, tao_out, actual_fee)
    }

    /// Swaps `tao` (fee included) into `netuid` and credits the alpha to (hotkey, coldkey).
    /// Returns the alpha credited.
    pub fn stake_into_subnet(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        tao: u64,
        fee: u64,
    ) -> u64 {
        let (tao_staked, actual_fee, alpha) = Self::stake_into_pool(netuid, tao, fee);
        let credited = if tao_staked > 0 && alpha > 0 {
            Self::increase_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid, alpha)
        } else {
            0
        };
        LastColdkeyHotkeyStakeBlock::<T>::insert(coldkey, hotkey, Self::current_block());
        Self::deposit_event(Event::StakeAdded(
            coldkey.clone(),
            hotkey.clone(),
            tao_staked,
            credited,
            netuid,
            actual_fee,
        ));
        credited
    }

    /// Debits `alpha` from (hotkey, coldkey) on `netuid` and sells it; returns the TAO after
    /// `fee`, which stays in the pool.
    pub fn unstake_from_subnet(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        alpha: u64,
        fee: u64,
    ) -> u64 {
        let debited =
            Self::decrease_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid, alpha);
        let (_, tao_out, actual_fee) = Self::unstake_from_pool(netuid, debited, fee);
        LastColdkeyHotkeyStakeBlock::<T>::insert(coldkey, hotkey, Self::current_block());
        Self::deposit_event(Event::StakeRemoved(
            coldkey.clone(),
            hotkey.clone(),
            tao_out,
            debited,
            netuid,
            actual_fee,
        ));
        tao_out
    }

    /// Records that `amount` TAO left circulation outside this pallet (the runtime burns
    /// transaction fees), so that `TotalIssuance` keeps counting only TAO that exists.
    pub fn note_tao_burned(amount: u64) {
        crate::TotalIssuance::<T>::mutate(|i| *i = i.saturating_sub(amount));
    }

    fn withdraw_tao(coldkey: &T::AccountId, amount: u64) -> DispatchResult {
        let spendable =
            T::Currency::reducible_balance(coldkey, Preservation::Preserve, Fortitude::Polite);
        ensure!(spendable >= amount, Error::<T>::NotEnoughBalanceToStake);
        T::Currency::burn_from(
            coldkey,
            amount,
            Preservation::Preserve,
            Precision::Exact,
            Fortitude::Polite,
        )
        .map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        Ok(())
    }

    fn deposit_tao(coldkey: &T::AccountId, amount: u64) -> DispatchResult {
        if amount > 0 {
            T::Currency::mint_into(coldkey, amount).map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        }
        Ok(())
    }

    /// `add_stake` and `add_stake_limit`.
    pub fn do_add_stake(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        amount: u64,
        limit: Limit,
    ) -> DispatchResult {
        Self::ensure_subnet(netuid)?;
        let minimum = fees::DEFAULT_MIN_STAKE.saturating_add(fees::DEFAULT_STAKING_FEE);
        ensure!(amount >= minimum, Error::<T>::AmountTooLow);
        let amount = match limit {
            None => amount,
            Some((limit_price, allow_partial)) => {
                let max = math::max_amount_add(
                    Self::is_dynamic(netuid),
                    crate::SubnetTAO::<T>::get(netuid),
                    crate::SubnetAlphaIn::<T>::get(netuid),
                    limit_price,
                );
                let possible = Self::within_limit(amount, max, allow_partial)?;
                ensure!(possible >= minimum, Error::<T>::AmountTooLow);
                possible
            },
        };
        let spendable =
            T::Currency::reducible_balance(&coldkey, Preservation::Preserve, Fortitude::Polite);
        ensure!(spendable >= amount, Error::<T>::NotEnoughBalanceToStake);
        Self::ensure_hotkey(&hotkey)?;
        let alpha = Self::sim_swap_tao_for_alpha(netuid, amount)
            .ok_or(Error::<T>::InsufficientLiquidity)?;
        ensure!(Self::can_credit_one(&hotkey, netuid, alpha), Error::<T>::InsufficientLiquidity);
        Self::withdraw_tao(&coldkey, amount)?;
        Self::stake_into_subnet(&hotkey, &coldkey, netuid, amount, fees::DEFAULT_STAKING_FEE);
        Ok(())
    }

    /// Checks shared by every way of taking `alpha` out of (hotkey, coldkey, netuid).
    fn validate_unstake(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        alpha: u64,
    ) -> DispatchResult {
        Self::ensure_subnet(netuid)?;
        let tao = Self::sim_swap_alpha_for_tao(netuid, alpha)
            .ok_or(Error::<T>::InsufficientLiquidity)?;
        ensure!(tao > fees::DEFAULT_MIN_STAKE, Error::<T>::AmountTooLow);
        Self::ensure_hotkey(hotkey)?;
        ensure!(
            Self::get_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid) >= alpha,
            Error::<T>::NotEnoughStakeToWithdraw
        );
        Ok(())
    }

    /// `remove_stake` and `remove_stake_limit`.
    pub fn do_remove_stake(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        alpha: u64,
        limit: Limit,
    ) -> DispatchResult {
        Self::validate_unstake(&coldkey, &hotkey, netuid, alpha)?;
        let sell = match limit {
            None => alpha,
            Some((limit_price, allow_partial)) => {
                let max = math::max_amount_remove(
                    Self::is_dynamic(netuid),
                    crate::SubnetTAO::<T>::get(netuid),
                    crate::SubnetAlphaIn::<T>::get(netuid),
                    limit_price,
                );
                Self::within_limit(alpha, max, allow_partial)?
            },
        };
        // The reference prices the fee on the requested amount, also when selling less.
        let fee = Self::staking_fee(Some((&hotkey, netuid)), None, alpha);
        let tao = Self::unstake_from_subnet(&hotkey, &coldkey, netuid, sell, fee);
        Self::deposit_tao(&coldkey, tao)
    }

    /// `unstake_all` (`restake_on_root = false`) and `unstake_all_alpha` (`true`).
    pub fn do_unstake_all(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        restake_on_root: bool,
    ) -> DispatchResult {
        Self::ensure_hotkey(&hotkey)?;
        let mut total = 0u64;
        let netuids: alloc::vec::Vec<NetUid> = NetworksAdded::<T>::iter_keys().collect();
        for netuid in netuids {
            if restake_on_root && netuid == ROOT_NETUID {
                continue;
            }
            let alpha = Self::get_stake_for_hotkey_and_coldkey_on_subnet(&hotkey, &coldkey, netuid);
            if alpha == 0 || Self::validate_unstake(&coldkey, &hotkey, netuid, alpha).is_err() {
                continue;
            }
            let fee = Self::staking_fee(Some((&hotkey, netuid)), None, alpha);
            let tao = Self::unstake_from_subnet(&hotkey, &coldkey, netuid, alpha, fee);
            total = total.saturating_add(tao);
        }
        if restake_on_root {
            if total > 0 {
                Self::stake_into_subnet(&hotkey, &coldkey, ROOT_NETUID, total, 0);
            }
            Ok(())
        } else {
            Self::deposit_tao(&coldkey, total)
        }
    }

    /// The common core of move, transfer and swap: unstake from the origin position, restake
    /// the TAO into the destination one. Returns the TAO moved (after the origin-side fee).
    #[allow(clippy::too_many_arguments)]
    fn transition_stake(
        origin_coldkey: &T::AccountId,
        origin_hotkey: &T::AccountId,
        destination_coldkey: &T::AccountId,
        destination_hotkey: &T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: u64,
        limit: Limit,
        check_transfer_toggle: bool,
    ) -> Result<u64, frame_support::pallet_prelude::DispatchError> {
        ensure!(
            origin_coldkey != destination_coldkey ||
                origin_hotkey != destination_hotkey ||
                origin_netuid != destination_netuid,
            Error::<T>::SameNetuid
        );
        Self::ensure_subnet(destination_netuid)?;
        Self::ensure_hotkey(destination_hotkey)?;
        Self::validate_unstake(origin_coldkey, origin_hotkey, origin_netuid, alpha)?;
        if check_transfer_toggle {
            ensure!(
                TransferToggle::<T>::get(origin_netuid) &&
                    TransferToggle::<T>::get(destination_netuid),
                Error::<T>::TransferDisallowed
            );
        }
        let moved_alpha = match limit {
            None => alpha,
            Some((limit_price, allow_partial)) => {
                let max = math::max_amount_move(
                    Self::is_dynamic(origin_netuid),
                    crate::SubnetTAO::<T>::get(origin_netuid),
                    crate::SubnetAlphaIn::<T>::get(origin_netuid),
                    Self::is_dynamic(destination_netuid),
                    crate::SubnetTAO::<T>::get(destination_netuid),
                    crate::SubnetAlphaIn::<T>::get(destination_netuid),
                    limit_price,
                );
                Self::within_limit(alpha, max, allow_partial)?
            },
        };
        let fee = Self::staking_fee(Some((origin_hotkey, origin_netuid)), Some(destination_netuid), alpha) /
            2;
        let tao = Self::unstake_from_subnet(origin_hotkey, origin_coldkey, origin_netuid, moved_alpha, fee);
        ensure!(
            tao >= fees::DEFAULT_MIN_STAKE.saturating_add(fee),
            Error::<T>::AmountTooLow
        );
        let bought = Self::sim_swap_tao_for_alpha(destination_netuid, tao.saturating_sub(fee))
            .ok_or(Error::<T>::InsufficientLiquidity)?;
        ensure!(
            Self::can_credit_one(destination_hotkey, destination_netuid, bought),
            Error::<T>::InsufficientLiquidity
        );
        Self::stake_into_subnet(destination_hotkey, destination_coldkey, destination_netuid, tao, fee);
        Ok(tao.saturating_sub(fee))
    }

    /// `move_stake`.
    pub fn do_move_stake(
        coldkey: T::AccountId,
        origin_hotkey: T::AccountId,
        destination_hotkey: T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: u64,
    ) -> DispatchResult {
        let tao = Self::transition_stake(
            &coldkey,
            &origin_hotkey,
            &coldkey,
            &destination_hotkey,
            origin_netuid,
            destination_netuid,
            alpha,
            None,
            false,
        )?;
        Self::deposit_event(Event::StakeMoved(
            coldkey,
            origin_hotkey,
            origin_netuid,
            destination_hotkey,
            destination_netuid,
            tao,
        ));
        Ok(())
    }

    /// `transfer_stake`.
    pub fn do_transfer_stake(
        coldkey: T::AccountId,
        destination_coldkey: T::AccountId,
        hotkey: T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: u64,
    ) -> DispatchResult {
        let tao = Self::transition_stake(
            &coldkey,
            &hotkey,
            &destination_coldkey,
            &hotkey,
            origin_netuid,
            destination_netuid,
            alpha,
            None,
            true,
        )?;
        Self::deposit_event(Event::StakeTransferred(
            coldkey,
            destination_coldkey,
            hotkey,
            origin_netuid,
            destination_netuid,
            tao,
        ));
        Ok(())
    }

    /// `swap_stake` and `swap_stake_limit`.
    pub fn do_swap_stake(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: u64,
        limit: Limit,
    ) -> DispatchResult {
        ensure!(origin_netuid != destination_netuid, Error::<T>::SameNetuid);
        let tao = Self::transition_stake(
            &coldkey,
            &hotkey,
            &coldkey,
            &hotkey,
            origin_netuid,
            destination_netuid,
            alpha,
            limit,
            false,
        )?;
        Self::deposit_event(Event::StakeSwapped(
            coldkey,
            hotkey,
            origin_netuid,
            destination_netuid,
            tao,
        ));
        Ok(())
    }
}
