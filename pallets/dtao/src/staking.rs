//! Staking is a swap: TAO staked on a subnet buys alpha from its pool; unstaking sells it.
//!
//! Reference: `staking/{add_stake,remove_stake,move_stake,stake_utils,helpers}.rs` at
//! `6b86ebf30`, check by check and in the same order (`validate_add_stake`,
//! `validate_remove_stake`, `validate_stake_transition`).
//! - `stake_into_subnet`: `tao − fee` buys alpha, credited to (hotkey, coldkey); the fee stays
//!   in `SubnetTAO` (and `TotalStake`). It runs, event and `LastColdkeyHotkeyStakeBlock`
//!   included, even for 0 TAO (a limit order that allows nothing, `unstake_all_alpha` with
//!   nothing to restake).
//! - `unstake_from_subnet`: the alpha is debited and sold; `fee` of the TAO stays in the pool.
//! - Fees: 50_000 rao to stake, to leave root or a stable subnet, or to move within a subnet;
//!   otherwise `max(50_000, 0.005 % of the TAO value, the hotkey's last-epoch dividend yield on
//!   it)`. Moves charge half the fee on each leg.
//! - Limits bound the *average* execution price (`dtao_math::pool::max_amount_*`). Validation
//!   is on the requested amount; with `allow_partial` the call then executes
//!   `min(requested, max)`, which may be 0 (or less than the minimum stake).
//! - Balances: the balance check accepts what is reducible down to 0
//!   (`can_remove_balance_from_coldkey_account`); the withdrawal keeps the existential deposit
//!   and takes what it can (`BestEffort`, `Preserve`), and the amount actually withdrawn is what
//!   is staked ([`Pallet::withdraw_tao`]).
//!
//! Deliberate differences from the reference (`docs/emission.md` §9):
//! - a move whose unstaked TAO is positive but below `500_000 + fee` fails with `AmountTooLow`
//!   and changes nothing; the reference would drop that TAO;
//! - a move whose destination pool refuses the swap fails with `InsufficientLiquidity`; the
//!   reference does so only when the destination hotkey already has shares there, and
//!   otherwise destroys the TAO;
//! - a payout below the existential deposit to an empty account fails (`mint_into`), where
//!   the reference's best-effort deposit drops it.
use crate::{
    pallet::{Error, Event},
    Config, Delegates, LastColdkeyHotkeyStakeBlock, NetUid, NetworksAdded, Owner, Pallet,
    StakingHotkeys, TransferToggle, AlphaDividendsPerSubnet, TotalHotkeyAlphaLastEpoch,
    TotalNetworks, ROOT_NETUID,
};
use crate::weights::WeightInfo;
use frame_support::{traits::Get, weights::Weight};
use dtao_math::{fee as fees, pool as math};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    traits::{
        fungible::{Inspect, Mutate},
        tokens::{Fortitude, Precision, Preservation},
    },
};

/// A price limit and whether a partial fill is acceptable.
pub type Limit = Option<(u64, bool)>;

impl<T: Config> Pallet<T> {
    /// The current block number as u64 (the reference's block arithmetic is in u64).
    pub(crate) fn current_block() -> u64 {
        frame_system::Pallet::<T>::block_number().try_into().unwrap_or(u64::MAX)
    }

    fn hotkey_account_exists(hotkey: &T::AccountId) -> bool {
        Owner::<T>::contains_key(hotkey)
    }

    /// `maybe_become_delegate`: makes the stored take of `hotkey` explicit.
    fn maybe_become_delegate(hotkey: &T::AccountId) {
        if !Delegates::<T>::contains_key(hotkey) {
            Delegates::<T>::insert(hotkey, Delegates::<T>::get(hotkey));
        }
    }

    /// `maybe_become_delegate` unless `coldkey` owns `hotkey`.
    fn become_delegate_unless_owner(hotkey: &T::AccountId, coldkey: &T::AccountId) {
        if Owner::<T>::get(hotkey).as_ref() != Some(coldkey) {
            Self::maybe_become_delegate(hotkey);
        }
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
        let mut credited = 0;
        if tao_staked > 0 && alpha > 0 {
            credited =
                Self::increase_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid, alpha);
            StakingHotkeys::<T>::mutate(coldkey, |hotkeys| {
                if !hotkeys.contains(hotkey) {
                    hotkeys.push(hotkey.clone());
                }
            });
        }
        // Bought alpha that no position holds (the share pool credits the full amount, so
        // this is defensive) stays outstanding, as in the reference.
        Self::note_alpha_dust(netuid, alpha.saturating_sub(credited));
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
        // The precision rule can debit a whole position, whose sale the pool may refuse: the
        // alpha then leaves the position but stays outstanding, as in the reference.
        if debited > 0 && Self::sim_swap_alpha_for_tao(netuid, debited).is_none() {
            Self::note_alpha_dust(netuid, debited);
        }
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

    /// The reference's `can_remove_balance_from_coldkey_account`: `amount` is at most what is
    /// reducible down to zero (`Expendable`), and the currency allows the withdrawal.
    pub fn can_remove_balance_from_coldkey_account(coldkey: &T::AccountId, amount: u64) -> bool {
        let current =
            T::Currency::reducible_balance(coldkey, Preservation::Expendable, Fortitude::Polite);
        if amount > current {
            return false;
        }
        T::Currency::can_withdraw(coldkey, amount).into_result(false).is_ok()
    }

    /// The reference's `remove_balance_from_coldkey_account`: withdraws (burns) up to `amount`
    /// from `coldkey`, keeping the existential deposit (`BestEffort`, `Preserve`), and returns
    /// the amount actually withdrawn, which is what the caller must stake, lock or burn.
    /// 0 asked is `Ok(0)`; a failed withdrawal is `BalanceWithdrawalError`; a positive amount
    /// asked of which nothing could be withdrawn is `ZeroBalanceAfterWithdrawn`.
    pub fn withdraw_tao(coldkey: &T::AccountId, amount: u64) -> Result<u64, DispatchError> {
        if amount == 0 {
            return Ok(0);
        }
        let withdrawn = T::Currency::burn_from(
            coldkey,
            amount,
            Preservation::Preserve,
            Precision::BestEffort,
            Fortitude::Polite,
        )
        .map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        ensure!(withdrawn != 0, Error::<T>::ZeroBalanceAfterWithdrawn);
        Self::note_own_balances_change(-i128::from(withdrawn));
        Ok(withdrawn)
    }

    fn deposit_tao(coldkey: &T::AccountId, amount: u64) -> DispatchResult {
        if amount > 0 {
            let minted =
                T::Currency::mint_into(coldkey, amount).map_err(|_| Error::<T>::BalanceWithdrawalError)?;
            Self::note_own_balances_change(i128::from(minted));
        }
        Ok(())
    }

    /// `validate_add_stake`.
    fn validate_add_stake(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        amount: u64,
        max_amount: u64,
        allow_partial: bool,
    ) -> Result<(), Error<T>> {
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubnetNotExists);
        let minimum = fees::DEFAULT_MIN_STAKE.saturating_add(fees::DEFAULT_STAKING_FEE);
        ensure!(amount >= minimum, Error::<T>::AmountTooLow);
        if !allow_partial {
            ensure!(amount <= max_amount, Error::<T>::SlippageTooHigh);
        }
        ensure!(
            Self::can_remove_balance_from_coldkey_account(coldkey, amount),
            Error::<T>::NotEnoughBalanceToStake
        );
        ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
        let alpha = Self::sim_swap_tao_for_alpha(netuid, amount)
            .ok_or(Error::<T>::InsufficientLiquidity)?;
        ensure!(Self::can_credit_one(hotkey, netuid, alpha), Error::<T>::InsufficientLiquidity);
        Ok(())
    }

    /// The checks of `add_stake` and `add_stake_limit` (the dispatchable's and the transaction
    /// extension's); returns the most the call executes. Writes nothing.
    pub(crate) fn validate_add_stake_call(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        amount: u64,
        limit: Limit,
    ) -> Result<u64, Error<T>> {
        let (max_amount, allow_partial) = match limit {
            None => (amount, false),
            Some((limit_price, allow_partial)) => (
                math::max_amount_add(
                    Self::is_dynamic(netuid),
                    crate::SubnetTAO::<T>::get(netuid),
                    crate::SubnetAlphaIn::<T>::get(netuid),
                    limit_price,
                ),
                allow_partial,
            ),
        };
        Self::validate_add_stake(coldkey, hotkey, netuid, amount, max_amount, allow_partial)?;
        Ok(max_amount)
    }

    /// `add_stake` and `add_stake_limit`.
    pub fn do_add_stake(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        amount: u64,
        limit: Limit,
    ) -> DispatchResult {
        let max_amount = Self::validate_add_stake_call(&coldkey, &hotkey, netuid, amount, limit)?;
        if limit.is_some() {
            Self::become_delegate_unless_owner(&hotkey, &coldkey);
        }
        let tao = Self::withdraw_tao(&coldkey, amount.min(max_amount))?;
        Self::stake_into_subnet(&hotkey, &coldkey, netuid, tao, fees::DEFAULT_STAKING_FEE);
        Ok(())
    }

    /// `validate_remove_stake`.
    fn validate_remove_stake(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        alpha: u64,
        max_amount: u64,
        allow_partial: bool,
    ) -> Result<(), Error<T>> {
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubnetNotExists);
        let tao = Self::sim_swap_alpha_for_tao(netuid, alpha)
            .ok_or(Error::<T>::InsufficientLiquidity)?;
        ensure!(tao > fees::DEFAULT_MIN_STAKE, Error::<T>::AmountTooLow);
        if !allow_partial {
            ensure!(alpha <= max_amount, Error::<T>::SlippageTooHigh);
        }
        ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
        ensure!(
            Self::get_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid) >= alpha,
            Error::<T>::NotEnoughStakeToWithdraw
        );
        Ok(())
    }

    /// The checks of `remove_stake` and `remove_stake_limit` (the dispatchable's and the
    /// transaction extension's); returns the most the call executes. Writes nothing.
    pub(crate) fn validate_remove_stake_call(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        alpha: u64,
        limit: Limit,
    ) -> Result<u64, Error<T>> {
        let (max_amount, allow_partial) = match limit {
            None => (alpha, false),
            Some((limit_price, allow_partial)) => (
                math::max_amount_remove(
                    Self::is_dynamic(netuid),
                    crate::SubnetTAO::<T>::get(netuid),
                    crate::SubnetAlphaIn::<T>::get(netuid),
                    limit_price,
                ),
                allow_partial,
            ),
        };
        Self::validate_remove_stake(coldkey, hotkey, netuid, alpha, max_amount, allow_partial)?;
        Ok(max_amount)
    }

    /// `remove_stake` and `remove_stake_limit`.
    pub fn do_remove_stake(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        alpha: u64,
        limit: Limit,
    ) -> DispatchResult {
        let max_amount = Self::validate_remove_stake_call(&coldkey, &hotkey, netuid, alpha, limit)?;
        // The reference prices the fee on the requested amount, also when selling less.
        let fee = Self::staking_fee(Some((&hotkey, netuid)), None, alpha);
        let tao = Self::unstake_from_subnet(&hotkey, &coldkey, netuid, alpha.min(max_amount), fee);
        Self::deposit_tao(&coldkey, tao)
    }

    /// The weight of `unstake_all` (`alpha_only`: `unstake_all_alpha`): its benchmark with
    /// stake on every subnet there is, and the read of how many there are.
    pub fn unstake_all_weight(alpha_only: bool) -> Weight {
        let subnets = u32::from(TotalNetworks::<T>::get());
        let weight = if alpha_only {
            T::WeightInfo::unstake_all_alpha(subnets)
        } else {
            T::WeightInfo::unstake_all(subnets)
        };
        weight.saturating_add(T::DbWeight::get().reads(1))
    }

    /// `unstake_all` (`restake_on_root = false`) and `unstake_all_alpha` (`true`). Positions
    /// that `validate_remove_stake` rejects (empty ones included) are skipped; the unstaked TAO
    /// is paid out per subnet, or restaked on root in one `stake_into_subnet` that runs even
    /// for 0 TAO.
    pub fn do_unstake_all(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        restake_on_root: bool,
    ) -> DispatchResult {
        ensure!(Self::hotkey_account_exists(&hotkey), Error::<T>::HotKeyAccountNotExists);
        let mut total = 0u64;
        let netuids: alloc::vec::Vec<NetUid> = NetworksAdded::<T>::iter_keys().collect();
        for netuid in netuids {
            if restake_on_root && netuid == ROOT_NETUID {
                continue;
            }
            let alpha = Self::get_stake_for_hotkey_and_coldkey_on_subnet(&hotkey, &coldkey, netuid);
            if Self::validate_remove_stake(&coldkey, &hotkey, netuid, alpha, alpha, false).is_err() ||
                alpha == 0
            {
                continue;
            }
            let fee = Self::staking_fee(Some((&hotkey, netuid)), None, alpha);
            let tao = Self::unstake_from_subnet(&hotkey, &coldkey, netuid, alpha, fee);
            if restake_on_root {
                total = total.saturating_add(tao);
            } else {
                Self::deposit_tao(&coldkey, tao)?;
            }
        }
        if restake_on_root {
            Self::stake_into_subnet(&hotkey, &coldkey, ROOT_NETUID, total, 0);
        }
        Ok(())
    }

    /// `validate_stake_transition`, then the deliberate refusal of a destination pool that
    /// would refuse the swap (see the module doc).
    #[allow(clippy::too_many_arguments)]
    fn validate_stake_transition(
        origin_coldkey: &T::AccountId,
        origin_hotkey: &T::AccountId,
        destination_hotkey: &T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: u64,
        max_amount: u64,
        allow_partial: Option<bool>,
        check_transfer_toggle: bool,
    ) -> Result<(), Error<T>> {
        ensure!(NetworksAdded::<T>::get(origin_netuid), Error::<T>::SubnetNotExists);
        if origin_netuid != destination_netuid {
            ensure!(NetworksAdded::<T>::get(destination_netuid), Error::<T>::SubnetNotExists);
        }
        ensure!(Self::hotkey_account_exists(origin_hotkey), Error::<T>::HotKeyAccountNotExists);
        ensure!(Self::hotkey_account_exists(destination_hotkey), Error::<T>::HotKeyAccountNotExists);
        ensure!(
            alpha <=
                Self::get_stake_for_hotkey_and_coldkey_on_subnet(origin_hotkey, origin_coldkey, origin_netuid),
            Error::<T>::NotEnoughStakeToWithdraw
        );
        let tao = Self::sim_swap_alpha_for_tao(origin_netuid, alpha)
            .ok_or(Error::<T>::InsufficientLiquidity)?;
        ensure!(tao > fees::DEFAULT_MIN_STAKE, Error::<T>::AmountTooLow);
        if allow_partial == Some(false) {
            ensure!(alpha <= max_amount, Error::<T>::SlippageTooHigh);
        }
        let expected = Self::sim_swap_tao_for_alpha(destination_netuid, tao);
        ensure!(
            Self::can_credit_one(destination_hotkey, destination_netuid, expected.unwrap_or(0)),
            Error::<T>::InsufficientLiquidity
        );
        if check_transfer_toggle {
            ensure!(TransferToggle::<T>::get(origin_netuid), Error::<T>::TransferDisallowed);
            ensure!(TransferToggle::<T>::get(destination_netuid), Error::<T>::TransferDisallowed);
        }
        // Deliberate, after every reference check: a refused destination swap reads as 0 alpha
        // above, which passes for a hotkey without shares there, and the reference then
        // destroys the TAO; dtao refuses the move.
        ensure!(expected.is_some(), Error::<T>::InsufficientLiquidity);
        Ok(())
    }

    /// The checks of move, transfer and swap (the dispatchables' and the transaction
    /// extension's); returns the most the call executes. Writes nothing.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn validate_transition_call(
        origin_coldkey: &T::AccountId,
        origin_hotkey: &T::AccountId,
        destination_hotkey: &T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: u64,
        limit: Limit,
        check_transfer_toggle: bool,
    ) -> Result<u64, Error<T>> {
        let max_amount = match limit {
            None => alpha,
            Some((limit_price, _)) => math::max_amount_move(
                Self::is_dynamic(origin_netuid),
                crate::SubnetTAO::<T>::get(origin_netuid),
                crate::SubnetAlphaIn::<T>::get(origin_netuid),
                Self::is_dynamic(destination_netuid),
                crate::SubnetTAO::<T>::get(destination_netuid),
                crate::SubnetAlphaIn::<T>::get(destination_netuid),
                limit_price,
            ),
        };
        Self::validate_stake_transition(
            origin_coldkey,
            origin_hotkey,
            destination_hotkey,
            origin_netuid,
            destination_netuid,
            alpha,
            max_amount,
            limit.map(|(_, allow_partial)| allow_partial),
            check_transfer_toggle,
        )?;
        Ok(max_amount)
    }

    /// The common core of move, transfer and swap (`transition_stake_internal`): unstake from
    /// the origin position, restake the TAO into the destination one. Returns the TAO moved
    /// (after the origin-side fee).
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
    ) -> Result<u64, DispatchError> {
        let max_amount = Self::validate_transition_call(
            origin_coldkey,
            origin_hotkey,
            destination_hotkey,
            origin_netuid,
            destination_netuid,
            alpha,
            limit,
            check_transfer_toggle,
        )?;
        let fee = Self::staking_fee(Some((origin_hotkey, origin_netuid)), Some(destination_netuid), alpha)
            .saturating_div(2);
        let tao = Self::unstake_from_subnet(
            origin_hotkey,
            origin_coldkey,
            origin_netuid,
            alpha.min(max_amount),
            fee,
        );
        if tao >= fees::DEFAULT_MIN_STAKE.saturating_add(fee) {
            // Deliberate: the reference would burn TAO the destination pool refuses.
            ensure!(
                Self::sim_swap_tao_for_alpha(destination_netuid, tao.saturating_sub(fee)).is_some(),
                Error::<T>::InsufficientLiquidity
            );
            Self::become_delegate_unless_owner(destination_hotkey, destination_coldkey);
            Self::stake_into_subnet(destination_hotkey, destination_coldkey, destination_netuid, tao, fee);
        } else if tao > 0 {
            // As the reference: TAO unstaked below the minimum stake (plus fee) is not restaked,
            // nor paid back; it stays in `TotalIssuance` and is counted in `StrandedTao`, and
            // the event reports it.
            Self::note_stranded_tao(tao);
            Self::deposit_event(Event::MoveTaoStranded {
                coldkey: origin_coldkey.clone(),
                hotkey: origin_hotkey.clone(),
                netuid: origin_netuid,
                tao,
            });
        }
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
