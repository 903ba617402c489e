//! Share pools: one per (hotkey, netuid), so that stake credited to a hotkey "for all" raises
//! the value of every nominator's position.
//!
//! Storage: value `V` = `TotalHotkeyAlpha[hk][netuid]` (u64 alpha), denominator
//! `D` = `TotalHotkeyShares[hk][netuid]` (U64F64), shares of a coldkey `S` =
//! `Alpha[(hk, ck, netuid)]` (U64F64). A position is worth `⌊V/D · S⌋`. Crediting one coldkey
//! mints `Δ / (V/D)` shares; the first depositor sets one share to one alpha. A debit that would
//! leave less than 0.001 % of a position, or a pool whose value per share cannot be computed,
//! removes the whole position instead (the reference's precision rule,
//! `primitives/share-pool` at `6b86ebf30`). Zero entries are deleted, not stored.
use crate::{Alpha, Config, NetUid, Pallet, StakingHotkeys, TotalHotkeyAlpha, TotalHotkeyShares};
use substrate_fixed::types::U64F64;

/// Headroom the precision rule requires of the value per share (rao).
const PRECISION_HEADROOM: u64 = 2_628_000_000_000_000;

/// Smallest fraction of a position a partial debit may leave: 0.00001.
fn min_remaining_fraction() -> U64F64 {
    U64F64::from_num(1u8).checked_div(U64F64::from_num(100_000u32)).unwrap_or_default()
}

fn share_price(value: u64, denominator: U64F64) -> Option<U64F64> {
    U64F64::from_num(value).checked_div(denominator)
}

/// Value of `shares` in a pool of `value` over `denominator` shares, floored.
fn value_of(value: u64, denominator: U64F64, shares: U64F64) -> u64 {
    if denominator == U64F64::from_num(0u8) {
        return 0;
    }
    match share_price(value, denominator).and_then(|p| p.checked_mul(shares)) {
        Some(v) => v.saturating_to_num::<u64>(),
        None => U64F64::from_num(value)
            .checked_mul(shares)
            .and_then(|x| x.checked_div(denominator))
            .map(|v| v.saturating_to_num::<u64>())
            .unwrap_or(0),
    }
}

/// Shares that `amount` alpha buys in the pool (0 if it cannot be computed).
fn shares_for(value: u64, denominator: U64F64, amount: u64) -> U64F64 {
    let amount = U64F64::from_num(amount);
    match share_price(value, denominator).and_then(|p| amount.checked_div(p)) {
        Some(s) => s,
        None => amount
            .checked_div(U64F64::from_num(value))
            .and_then(|x| x.checked_mul(denominator))
            .unwrap_or_default(),
    }
}

impl<T: Config> Pallet<T> {
    /// Alpha held by `coldkey` through `hotkey` on `netuid`.
    pub fn get_stake_for_hotkey_and_coldkey_on_subnet(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
    ) -> u64 {
        value_of(
            TotalHotkeyAlpha::<T>::get(hotkey, netuid),
            TotalHotkeyShares::<T>::get(hotkey, netuid),
            Alpha::<T>::get((hotkey, coldkey, netuid)),
        )
    }

    /// Whether crediting `amount` to one coldkey would mint at least some shares.
    pub fn can_credit_one(hotkey: &T::AccountId, netuid: NetUid, amount: u64) -> bool {
        let denominator = TotalHotkeyShares::<T>::get(hotkey, netuid);
        denominator == U64F64::from_num(0u8) ||
            shares_for(TotalHotkeyAlpha::<T>::get(hotkey, netuid), denominator, amount) !=
                U64F64::from_num(0u8)
    }

    /// Credits `amount` alpha to all of `hotkey`'s share holders on `netuid` pro rata.
    pub fn increase_stake_for_hotkey_on_subnet(hotkey: &T::AccountId, netuid: NetUid, amount: u64) {
        TotalHotkeyAlpha::<T>::mutate(hotkey, netuid, |v| *v = v.saturating_add(amount));
    }

    /// Credits `amount` alpha to the (hotkey, coldkey) position; returns the alpha credited.
    pub fn increase_stake_for_hotkey_and_coldkey_on_subnet(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        amount: u64,
    ) -> u64 {
        if amount == 0 {
            return 0;
        }
        let value = TotalHotkeyAlpha::<T>::get(hotkey, netuid);
        let denominator = TotalHotkeyShares::<T>::get(hotkey, netuid);
        let minted = if denominator == U64F64::from_num(0u8) {
            U64F64::from_num(amount)
        } else {
            shares_for(value, denominator, amount)
        };
        if minted == U64F64::from_num(0u8) {
            return 0;
        }
        TotalHotkeyShares::<T>::insert(hotkey, netuid, denominator.saturating_add(minted));
        Alpha::<T>::mutate((hotkey, coldkey, netuid), |s| *s = s.saturating_add(minted));
        TotalHotkeyAlpha::<T>::insert(hotkey, netuid, value.saturating_add(amount));
        StakingHotkeys::<T>::mutate(coldkey, |hotkeys| {
            if !hotkeys.contains(hotkey) {
                hotkeys.push(hotkey.clone());
            }
        });
        amount
    }

    /// Debits `amount` alpha from the (hotkey, coldkey) position if it holds that much; returns
    /// the alpha actually debited (the whole position when the precision rule fires, 0 when
    /// the position is too small).
    pub fn decrease_stake_for_hotkey_and_coldkey_on_subnet(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        amount: u64,
    ) -> u64 {
        let value = TotalHotkeyAlpha::<T>::get(hotkey, netuid);
        let denominator = TotalHotkeyShares::<T>::get(hotkey, netuid);
        let shares = Alpha::<T>::get((hotkey, coldkey, netuid));
        let held = value_of(value, denominator, shares);
        if amount == 0 || held < amount {
            return 0;
        }
        let burned = shares_for(value, denominator, amount).min(shares);
        let remaining = shares.saturating_sub(burned);
        let new_denominator = denominator.saturating_sub(burned);
        let too_small = remaining
            .checked_div(shares)
            .map(|fraction| fraction < min_remaining_fraction())
            .unwrap_or(true);
        let unpriceable = U64F64::from_num(value.saturating_add(PRECISION_HEADROOM))
            .checked_div(new_denominator)
            .is_none();
        let (remaining, new_denominator, debited) = if too_small || unpriceable {
            (U64F64::from_num(0u8), denominator.saturating_sub(shares), held)
        } else {
            (remaining, new_denominator, amount)
        };
        if remaining == U64F64::from_num(0u8) {
            Alpha::<T>::remove((hotkey, coldkey, netuid));
        } else {
            Alpha::<T>::insert((hotkey, coldkey, netuid), remaining);
        }
        let new_value = value.saturating_sub(debited);
        if new_denominator == U64F64::from_num(0u8) {
            TotalHotkeyShares::<T>::remove(hotkey, netuid);
        } else {
            TotalHotkeyShares::<T>::insert(hotkey, netuid, new_denominator);
        }
        if new_value == 0 {
            TotalHotkeyAlpha::<T>::remove(hotkey, netuid);
        } else {
            TotalHotkeyAlpha::<T>::insert(hotkey, netuid, new_value);
        }
        debited
    }
}
