//! Weight setting: `set_weights` on subnets, and root weights over subnets (used by the
//! `RootWeights` emission policy).
//!
//! Reference: `do_set_weights` in `subnets/weights.rs` at `6b86ebf30`. Checks, in this order
//! (so a bad input gets the reference's error name): not root; equal lengths; subnet exists; no
//! more UIDs than neurons; hotkey registered; stake weight at least `StakeThreshold`; version key
//! at least `WeightsVersionKey` (or that key is 0); rate limit `block − LastUpdate ≥
//! WeightsSetRateLimit` (a `LastUpdate` of 0 always passes); weights on others need a validator
//! permit; no duplicate UIDs (the whole list), then no unknown UIDs; at least
//! `min(MinAllowedWeights, N)` entries unless it is a single self-weight; the weights are
//! max-upscaled to u16 (`vec_u16_max_upscale_to_u16`: I32F32, rounded half away from zero) and,
//! unless `MaxWeightsLimit` is 65535 or it is a single self-weight, the upscaled vector
//! normalised to sum 1 must have no entry above `MaxWeightsLimit / 65535`
//! (`check_vec_max_limited`). Stored in `Weights[netuid][uid]`; `LastUpdate[netuid][uid]`
//! becomes the current block (only if that entry exists, as `set_last_update_for_uid`).
use crate::{
    pallet::{Error, Event},
    Config, LastUpdate, MaxWeightsLimit, MinAllowedWeights, NetUid, NetworksAdded, Pallet,
    StakeThreshold, SubnetworkN, Uids, ValidatorPermit, Weights, WeightsSetRateLimit,
    WeightsVersionKey, ROOT_NETUID,
};
use alloc::{collections::BTreeSet, vec::Vec};
use dtao_math::epoch::{vec_max_upscale_to_u16, I32F32};
use frame_support::{ensure, pallet_prelude::DispatchResult};

/// Scales `weights` so that the largest becomes `u16::MAX`, as the reference's
/// `vec_u16_max_upscale_to_u16`: in I32F32, `w · 65535 / max` (or `w · (65535 / max)` when
/// `max > 32768`), rounded half away from zero. All zero stays zero.
pub fn max_upscale(weights: &[u16]) -> Vec<u16> {
    let fixed: Vec<I32F32> = weights.iter().map(|w| I32F32::saturating_from_num(*w)).collect();
    vec_max_upscale_to_u16(&fixed)
}

/// The reference's `check_vec_max_limited`: `weights` normalised to sum 1 in I32F32 (the sum
/// wraps as in the release runtime; a zero sum leaves the vector as is) has no entry above
/// `limit / 65535`. Empty passes.
pub fn max_limited(weights: &[u16], limit: u16) -> bool {
    let div = |x: I32F32, y: I32F32| x.checked_div(y).unwrap_or_default();
    let limit = div(I32F32::saturating_from_num(limit), I32F32::saturating_from_num(u16::MAX));
    let fixed: Vec<I32F32> = weights.iter().map(|w| I32F32::saturating_from_num(*w)).collect();
    let sum = fixed.iter().fold(I32F32::from_bits(0), |acc, w| acc.wrapping_add(*w));
    let normalised = fixed.iter().map(|w| if sum == I32F32::from_bits(0) { *w } else { div(*w, sum) });
    normalised.max().is_none_or(|max| max <= limit)
}

/// A single weight on the caller's own UID (`is_self_weight`).
fn is_self_weight(uid: u16, uids: &[u16], values: &[u16]) -> bool {
    values.len() == 1 && uids.first() == Some(&uid)
}

impl<T: Config> Pallet<T> {
    /// The checks of `set_weights` (the dispatchable's and the transaction extension's);
    /// returns the caller's UID and the weights to store. Writes nothing.
    pub(crate) fn validate_set_weights(
        hotkey: &T::AccountId,
        netuid: NetUid,
        uids: &[u16],
        values: &[u16],
        version_key: u64,
    ) -> Result<(u16, Vec<u16>), Error<T>> {
        ensure!(netuid != ROOT_NETUID, Error::<T>::CanNotSetRootNetworkWeights);
        Self::validate_weights(hotkey, netuid, uids, values, version_key)
    }

    /// `set_weights`.
    pub fn do_set_weights(
        hotkey: T::AccountId,
        netuid: NetUid,
        uids: Vec<u16>,
        values: Vec<u16>,
        version_key: u64,
    ) -> DispatchResult {
        let (uid, scaled) = Self::validate_set_weights(&hotkey, netuid, &uids, &values, version_key)?;
        Self::store_weights(netuid, uid, uids, scaled);
        Ok(())
    }

    /// The checks of `set_root_weights` (the dispatchable's and the transaction extension's):
    /// `netuids` are the targets (each must exist and not be root). Writes nothing.
    pub(crate) fn validate_set_root_weights(
        hotkey: &T::AccountId,
        netuids: &[u16],
        values: &[u16],
        version_key: u64,
    ) -> Result<(u16, Vec<u16>), Error<T>> {
        for n in netuids {
            ensure!(*n != ROOT_NETUID && NetworksAdded::<T>::get(n), Error::<T>::UidVecContainInvalidOne);
        }
        Self::validate_weights(hotkey, ROOT_NETUID, netuids, values, version_key)
    }

    /// Root weights over subnets. Only read by the `RootWeights` emission policy.
    pub fn do_set_root_weights(
        hotkey: T::AccountId,
        netuids: Vec<u16>,
        values: Vec<u16>,
        version_key: u64,
    ) -> DispatchResult {
        let (uid, scaled) = Self::validate_set_root_weights(&hotkey, &netuids, &values, version_key)?;
        Self::store_weights(ROOT_NETUID, uid, netuids, scaled);
        Ok(())
    }

    /// The reference's `check_weights_min_stake`: the hotkey's stake weight on `netuid` is at
    /// least `StakeThreshold`.
    pub(crate) fn has_weights_min_stake(hotkey: &T::AccountId, netuid: NetUid) -> bool {
        Self::stake_weight_of(hotkey, netuid) >= StakeThreshold::<T>::get()
    }

    fn validate_weights(
        hotkey: &T::AccountId,
        netuid: NetUid,
        uids: &[u16],
        values: &[u16],
        version_key: u64,
    ) -> Result<(u16, Vec<u16>), Error<T>> {
        ensure!(uids.len() == values.len(), Error::<T>::WeightVecNotEqualSize);
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        let n = SubnetworkN::<T>::get(netuid);
        let targets = if netuid == ROOT_NETUID { u16::MAX } else { n };
        ensure!(uids.len() <= usize::from(targets), Error::<T>::UidsLengthExceedUidsInSubNet);
        let uid = Uids::<T>::get(netuid, hotkey).ok_or(Error::<T>::HotKeyNotRegisteredInSubNet)?;
        ensure!(Self::has_weights_min_stake(hotkey, netuid), Error::<T>::NotEnoughStakeToSetWeights);
        let required = WeightsVersionKey::<T>::get(netuid);
        ensure!(required == 0 || version_key >= required, Error::<T>::IncorrectWeightVersionKey);
        let block = Self::current_block();
        let last = LastUpdate::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(0);
        ensure!(
            last == 0 || block.saturating_sub(last) >= WeightsSetRateLimit::<T>::get(netuid),
            Error::<T>::SettingWeightsTooFast
        );
        let self_weight = is_self_weight(uid, uids, values);
        if !self_weight && netuid != ROOT_NETUID {
            let permitted =
                ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(false);
            ensure!(permitted, Error::<T>::NeuronNoValidatorPermit);
        }
        // All duplicates first, then unknown UIDs (`has_duplicate_uids`, `contains_invalid_uids`).
        let mut seen = BTreeSet::new();
        ensure!(uids.iter().all(|target| seen.insert(*target)), Error::<T>::DuplicateUids);
        if netuid != ROOT_NETUID {
            ensure!(uids.iter().all(|target| *target < n), Error::<T>::UidVecContainInvalidOne);
        }
        // `check_length`: the self-weight exemption does not apply on root.
        let min = usize::from(MinAllowedWeights::<T>::get(netuid).min(targets));
        ensure!(
            (netuid != ROOT_NETUID && self_weight) || values.len() >= min,
            Error::<T>::WeightVecLengthIsLow
        );
        let scaled = max_upscale(values);
        let limit = MaxWeightsLimit::<T>::get(netuid);
        ensure!(
            self_weight || limit == u16::MAX || max_limited(&scaled, limit),
            Error::<T>::MaxWeightExceeded
        );
        Ok((uid, scaled))
    }

    /// Stores validated weights and stamps the caller's `LastUpdate`.
    fn store_weights(netuid: NetUid, uid: u16, uids: Vec<u16>, scaled: Vec<u16>) {
        let block = Self::current_block();
        Weights::<T>::insert(netuid, uid, uids.into_iter().zip(scaled).collect::<Vec<_>>());
        LastUpdate::<T>::mutate(netuid, |v| {
            if let Some(slot) = v.get_mut(usize::from(uid)) {
                *slot = block;
            }
        });
        Self::deposit_event(Event::WeightsSet(netuid, uid));
    }
}

#[cfg(test)]
mod tests {
    use super::{max_limited, max_upscale};

    #[test]
    fn upscales_the_largest_weight_to_u16_max_rounding_half_away_from_zero() {
        // max 4 ≤ 32768: w · 65535 / 4 = 16383.75, 32767.5, 65535 → round → 16384, 32768, 65535.
        assert_eq!(max_upscale(&[1, 2, 4]), alloc::vec![16_384, 32_768, 65_535]);
        // max 40000 > 32768: w · (65535/40000). 65535/40000 in I32F32 is
        // ⌊65535 · 2³² / 40000⌋ = 7_036_767_043 bits (not exact), so 20000 · that =
        // 140_735_340_860_000 bits < 32767.5 · 2³² = 140_735_340_871_680: rounds to 32767 (the
        // dividing path would give exactly 32767.5 → 32768).
        assert_eq!(max_upscale(&[20_000, 40_000]), alloc::vec![32_767, 65_535]);
        assert_eq!(max_upscale(&[0, 0]), alloc::vec![0, 0]);
        assert_eq!(max_upscale(&[]), alloc::vec::Vec::<u16>::new());
    }

    #[test]
    fn max_limit_compares_the_normalised_vector() {
        // [65535, 65535] normalises to [0.5, 0.5]; 40000/65535 = 0.61.
        assert!(max_limited(&[65_535, 65_535], 40_000));
        // A single entry normalises to 1.0 > 0.61.
        assert!(!max_limited(&[65_535], 40_000));
        // [32768, 65535] (upscaled [1, 2]): max 65535/98303 = ⌊65535 · 2³² / 98303⌋ =
        // 2_863_296_966 bits; 43690/65535 = 2_863_311_530 bits (passes), 43689/65535 =
        // 2_863_245_993 bits (fails).
        assert!(max_limited(&[32_768, 65_535], 43_690));
        assert!(!max_limited(&[32_768, 65_535], 43_689));
        assert!(max_limited(&[], 0));
        // All zero: not normalised, max 0 passes any limit.
        assert!(max_limited(&[0, 0], 0));
    }
}
