//! Weight setting: `set_weights` on subnets, and root weights over subnets (used by the
//! `RootWeights` emission policy).
//!
//! Reference: `do_set_weights` in `subnets/weights.rs` at `6b86ebf30`. Checks, in order: not
//! root; equal lengths; subnet exists; no more UIDs than neurons; hotkey registered; stake
//! weight at least `StakeThreshold`; version key at least `WeightsVersionKey` (or that key is 0);
//! rate limit `block − LastUpdate ≥ WeightsSetRateLimit`; weights on others need a validator
//! permit; no duplicate or unknown UIDs; at least `min(MinAllowedWeights, N)` entries unless it
//! is a single self-weight; after max-upscaling to u16, no weight above `MaxWeightsLimit`.
//! Stored in `Weights[netuid][uid]`; `LastUpdate[netuid][uid]` becomes the current block.
use crate::{
    pallet::{Error, Event},
    Config, LastUpdate, MaxWeightsLimit, MinAllowedWeights, NetUid, NetworksAdded, Pallet,
    StakeThreshold, SubnetworkN, Uids, ValidatorPermit, Weights, WeightsSetRateLimit,
    WeightsVersionKey, ROOT_NETUID,
};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{ensure, pallet_prelude::DispatchResult};

/// Scales `weights` so that the largest becomes `u16::MAX` (all zero stays zero).
pub fn max_upscale(weights: &[u16]) -> Vec<u16> {
    let max = weights.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return weights.to_vec();
    }
    weights
        .iter()
        .map(|w| {
            let scaled = u64::from(*w).saturating_mul(u64::from(u16::MAX)) / u64::from(max);
            u16::try_from(scaled).unwrap_or(u16::MAX)
        })
        .collect()
}

impl<T: Config> Pallet<T> {
    /// `set_weights`.
    pub fn do_set_weights(
        hotkey: T::AccountId,
        netuid: NetUid,
        uids: Vec<u16>,
        values: Vec<u16>,
        version_key: u64,
    ) -> DispatchResult {
        ensure!(netuid != ROOT_NETUID, Error::<T>::CanNotSetRootNetworkWeights);
        Self::check_and_store_weights(hotkey, netuid, uids, values, version_key)
    }

    /// Root weights over subnets: `netuids` are the targets (each must exist and not be
    /// root). Only read by the `RootWeights` emission policy.
    pub fn do_set_root_weights(
        hotkey: T::AccountId,
        netuids: Vec<u16>,
        values: Vec<u16>,
        version_key: u64,
    ) -> DispatchResult {
        for n in &netuids {
            ensure!(*n != ROOT_NETUID && NetworksAdded::<T>::get(n), Error::<T>::UidVecContainInvalidOne);
        }
        Self::check_and_store_weights(hotkey, ROOT_NETUID, netuids, values, version_key)
    }

    fn check_and_store_weights(
        hotkey: T::AccountId,
        netuid: NetUid,
        uids: Vec<u16>,
        values: Vec<u16>,
        version_key: u64,
    ) -> DispatchResult {
        ensure!(uids.len() == values.len(), Error::<T>::WeightVecNotEqualSize);
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        let n = SubnetworkN::<T>::get(netuid);
        let targets = if netuid == ROOT_NETUID { u16::MAX } else { n };
        ensure!(uids.len() <= usize::from(targets), Error::<T>::UidsLengthExceedUidsInSubNet);
        let uid = Uids::<T>::get(netuid, &hotkey).ok_or(Error::<T>::HotKeyNotRegisteredInSubNet)?;
        let stake = Self::stake_weight_of(&hotkey, netuid);
        ensure!(stake >= StakeThreshold::<T>::get(), Error::<T>::NotEnoughStakeToSetWeights);
        let required = WeightsVersionKey::<T>::get(netuid);
        ensure!(required == 0 || version_key >= required, Error::<T>::IncorrectWeightVersionKey);
        let block = Self::current_block();
        let last = LastUpdate::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(0);
        ensure!(
            last == 0 || block.saturating_sub(last) >= WeightsSetRateLimit::<T>::get(netuid),
            Error::<T>::SettingWeightsTooFast
        );
        let self_only = uids.len() == 1 && uids.first() == Some(&uid);
        if !self_only && netuid != ROOT_NETUID {
            let permitted =
                ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(false);
            ensure!(permitted, Error::<T>::NeuronNoValidatorPermit);
        }
        let mut seen = BTreeSet::new();
        for target in &uids {
            ensure!(seen.insert(*target), Error::<T>::DuplicateUids);
            if netuid != ROOT_NETUID {
                ensure!(*target < n, Error::<T>::UidVecContainInvalidOne);
            }
        }
        let min = usize::from(MinAllowedWeights::<T>::get(netuid).min(targets));
        ensure!(self_only || uids.len() >= min, Error::<T>::WeightVecLengthIsLow);
        let scaled = max_upscale(&values);
        let limit = MaxWeightsLimit::<T>::get(netuid);
        ensure!(
            uids.len() <= 1 || scaled.iter().all(|w| *w <= limit),
            Error::<T>::MaxWeightExceeded
        );
        Weights::<T>::insert(netuid, uid, uids.into_iter().zip(scaled).collect::<Vec<_>>());
        LastUpdate::<T>::mutate(netuid, |v| crate::consensus::set_at(v, usize::from(uid), block));
        Self::deposit_event(Event::WeightsSet(netuid, uid));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::max_upscale;

    #[test]
    fn upscales_the_largest_weight_to_u16_max() {
        assert_eq!(max_upscale(&[1, 2, 4]), alloc::vec![16_383, 32_767, 65_535]);
        assert_eq!(max_upscale(&[0, 0]), alloc::vec![0, 0]);
        assert_eq!(max_upscale(&[]), alloc::vec::Vec::<u16>::new());
    }
}
