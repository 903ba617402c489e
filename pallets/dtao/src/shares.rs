//! Share pools: one per (hotkey, netuid), so that stake credited to a hotkey "for all" raises
//! the value of every nominator's position.
//!
//! Storage: value `V` = `TotalHotkeyAlpha[hk][netuid]` (u64 alpha), denominator
//! `D` = `TotalHotkeyShares[hk][netuid]` (U64F64), shares of a coldkey `S` =
//! `Alpha[(hk, ck, netuid)]` (U64F64). The arithmetic is that of `primitives/share-pool` at
//! `6b86ebf30`, operation by operation:
//! - value of a position: `⌊(V/D)·S⌋` (or `⌊V·S/D⌋` when `V/D` overflows), saturating;
//! - an update of `u` alpha for one coldkey changes its shares by `u / (V/D)` in I64F64
//!   (or `(u/V)·D` when `V/D` overflows; 0 when the division fails). The first depositor
//!   (`D = 0`) gets `S = D = u`. A non-negative share change, even 0, is applied and `V` grows
//!   by the full `u`;
//! - a debit that would leave less than 0.00001 of the position (the f64 literal, U64F64 bits
//!   184_467_440_737_096), or a denominator that cannot price `V + 2_628_000_000_000_000`,
//!   removes the whole position instead, and `V` drops by its value;
//! - zero values, shares and denominators are deleted, not stored.
use crate::{Alpha, Config, NetUid, Pallet, TotalHotkeyAlpha, TotalHotkeyShares};
use substrate_fixed::types::{I64F64, U64F64};

/// Headroom the precision rule requires of the value per share (rao): a year of emission.
const PRECISION_HEADROOM: u64 = 2_628_000_000_000_000;

/// Smallest fraction of a position a partial debit may leave: the reference's
/// `U64F64::saturating_from_num(0.00001)`, converted from the f64 literal (nearest), whose
/// bits are 184_467_440_737_096 (`1/100000` in U64F64 would truncate to ...095).
const MIN_REMAINING_FRACTION_BITS: u128 = 184_467_440_737_096;

fn zero() -> U64F64 {
    U64F64::from_bits(0)
}

/// The reference's `amount as i64` for alpha amounts, saturating instead of wrapping (alpha
/// amounts are far below 2^63).
fn signed(amount: u64) -> i64 {
    i64::try_from(amount).unwrap_or(i64::MAX)
}

/// `SharePool::get_value_from_shares`.
fn value_of(value: u64, denominator: U64F64, shares: U64F64) -> u64 {
    let shared = U64F64::saturating_from_num(value);
    match shared.checked_div(denominator) {
        Some(per_share) => per_share.saturating_mul(shares),
        None => shared.saturating_mul(shares).checked_div(denominator).unwrap_or_else(zero),
    }
    .saturating_to_num::<u64>()
}

/// `SharePool::get_shares_per_update`.
fn shares_per_update(update: i64, shared: U64F64, denominator: U64F64) -> I64F64 {
    let update = I64F64::saturating_from_num(update);
    match shared.checked_div(denominator) {
        Some(per_share) => update
            .checked_div(I64F64::saturating_from_num(per_share))
            .unwrap_or_else(|| I64F64::from_bits(0)),
        None => update
            .checked_div(I64F64::saturating_from_num(shared))
            .unwrap_or_else(|| I64F64::from_bits(0))
            .saturating_mul(I64F64::saturating_from_num(denominator)),
    }
}

impl<T: Config> Pallet<T> {
    /// Alpha held by `coldkey` through `hotkey` on `netuid`.
    pub fn get_stake_for_hotkey_and_coldkey_on_subnet(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
    ) -> u64 {
        if !Alpha::<T>::contains_key((hotkey, coldkey, netuid)) {
            return 0;
        }
        value_of(
            TotalHotkeyAlpha::<T>::get(hotkey, netuid),
            TotalHotkeyShares::<T>::get(hotkey, netuid),
            Alpha::<T>::get((hotkey, coldkey, netuid)),
        )
    }

    /// Whether crediting `amount` to one coldkey would mint some shares (the reference's
    /// `try_increase_stake_for_hotkey_and_coldkey_on_subnet`; always true for an empty pool).
    pub fn can_credit_one(hotkey: &T::AccountId, netuid: NetUid, amount: u64) -> bool {
        let denominator = TotalHotkeyShares::<T>::get(hotkey, netuid);
        if denominator == zero() {
            return true;
        }
        let shared = U64F64::saturating_from_num(TotalHotkeyAlpha::<T>::get(hotkey, netuid));
        shares_per_update(signed(amount), shared, denominator) != I64F64::from_bits(0)
    }

    fn set_shared_value(hotkey: &T::AccountId, netuid: NetUid, value: U64F64) {
        if value != zero() {
            TotalHotkeyAlpha::<T>::insert(hotkey, netuid, value.saturating_to_num::<u64>());
        } else {
            TotalHotkeyAlpha::<T>::remove(hotkey, netuid);
        }
    }

    fn set_share(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: NetUid, share: U64F64) {
        if share != zero() {
            Alpha::<T>::insert((hotkey, coldkey, netuid), share);
        } else {
            Alpha::<T>::remove((hotkey, coldkey, netuid));
        }
    }

    fn set_denominator(hotkey: &T::AccountId, netuid: NetUid, denominator: U64F64) {
        if denominator != zero() {
            TotalHotkeyShares::<T>::insert(hotkey, netuid, denominator);
        } else {
            TotalHotkeyShares::<T>::remove(hotkey, netuid);
        }
    }

    /// `SharePool::update_value_for_all`.
    fn update_value_for_all(hotkey: &T::AccountId, netuid: NetUid, update: i64) {
        let shared = U64F64::saturating_from_num(TotalHotkeyAlpha::<T>::get(hotkey, netuid));
        let change = U64F64::saturating_from_num(update.unsigned_abs());
        let value =
            if update >= 0 { shared.saturating_add(change) } else { shared.saturating_sub(change) };
        Self::set_shared_value(hotkey, netuid, value);
    }

    /// `SharePool::update_value_for_one`: returns the update actually applied.
    fn update_value_for_one(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        update: i64,
    ) -> i64 {
        let value = TotalHotkeyAlpha::<T>::get(hotkey, netuid);
        let shared = U64F64::saturating_from_num(value);
        let current = Alpha::<T>::get((hotkey, coldkey, netuid));
        let denominator = TotalHotkeyShares::<T>::get(hotkey, netuid);
        let initial_value = signed(value_of(value, denominator, current));
        let mut actual = update;
        if denominator == zero() {
            let first = U64F64::saturating_from_num(update);
            Self::set_denominator(hotkey, netuid, first);
            Self::set_share(hotkey, coldkey, netuid, first);
        } else {
            let change = shares_per_update(update, shared, denominator);
            if change >= I64F64::from_bits(0) {
                let minted = U64F64::saturating_from_num(change);
                Self::set_denominator(hotkey, netuid, denominator.saturating_add(minted));
                Self::set_share(hotkey, coldkey, netuid, current.saturating_add(minted));
            } else {
                let burned = U64F64::saturating_from_num(change.saturating_neg());
                let mut new_denominator = denominator.saturating_sub(burned);
                let mut new_share = current.saturating_sub(burned);
                let too_small = new_share.checked_div(current).unwrap_or_else(zero) <
                    U64F64::from_bits(MIN_REMAINING_FRACTION_BITS);
                let unpriceable = shared
                    .saturating_add(U64F64::saturating_from_num(PRECISION_HEADROOM))
                    .checked_div(new_denominator)
                    .is_none();
                if too_small || unpriceable {
                    new_share = zero();
                    new_denominator = denominator.saturating_sub(current);
                    actual = initial_value.saturating_neg();
                }
                Self::set_denominator(hotkey, netuid, new_denominator);
                Self::set_share(hotkey, coldkey, netuid, new_share);
            }
        }
        Self::update_value_for_all(hotkey, netuid, actual);
        actual
    }

    /// Credits `amount` alpha to all of `hotkey`'s share holders on `netuid` pro rata.
    pub fn increase_stake_for_hotkey_on_subnet(hotkey: &T::AccountId, netuid: NetUid, amount: u64) {
        Self::update_value_for_all(hotkey, netuid, signed(amount));
    }

    /// Credits `amount` alpha to the (hotkey, coldkey) position; returns the alpha credited.
    /// As in the reference, an amount too small to mint a share still raises the pool's value
    /// (to the other holders' benefit) and counts as credited.
    pub fn increase_stake_for_hotkey_and_coldkey_on_subnet(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        amount: u64,
    ) -> u64 {
        Self::update_value_for_one(hotkey, coldkey, netuid, signed(amount)).max(0).unsigned_abs()
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
        if !Alpha::<T>::contains_key((hotkey, coldkey, netuid)) ||
            Self::get_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid) < amount
        {
            return 0;
        }
        Self::update_value_for_one(hotkey, coldkey, netuid, signed(amount).saturating_neg())
            .saturating_neg()
            .max(0)
            .unsigned_abs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_threshold_is_the_f64_literal() {
        // The reference converts the f64 literal 0.00001 = 184467440737095.53…/2^64 to the
        // nearest U64F64: bits …096. The exact 1/100000 truncates to …095.
        assert_eq!(U64F64::saturating_from_num(0.00001f64).to_bits(), MIN_REMAINING_FRACTION_BITS);
        assert_eq!(
            U64F64::from_num(1u8).checked_div(U64F64::from_num(100_000u32)).map(|x| x.to_bits()),
            Some(184_467_440_737_095)
        );
    }
}
