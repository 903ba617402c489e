//! Subnets: registration with a lock cost, `start_call`, hotkey ownership, genesis.
//!
//! Reference: `subnets/subnet.rs` and `coinbase/root.rs` at `6b86ebf30`.
//! - Lock cost (`dtao_math::lock_cost`): `max(min, last·mult − ⌊last / I⌋·(block − last_block))`
//!   with `mult` 2 once any subnet was registered and `I` the reduction interval scaled by the
//!   block emission. Storage: `NetworkMinLockCost`, `NetworkLastLockCost`,
//!   `NetworkLastRegistered`, `NetworkLockReductionInterval`.
//! - Registration withdraws the lock; `NetworkMinLockCost` of it seeds the pool with as much TAO
//!   as alpha (price 1.0) and counts in `TotalStake`; the rest leaves `TotalIssuance`. The owner
//!   receives no alpha.
//! - `start_call` sets `FirstEmissionBlockNumber = block + 1`, after `DurationOfStartCall`.
use crate::{
    pallet::{Error, Event, GenesisConfig},
    Config, DurationOfStartCall, FirstEmissionBlockNumber, NetUid, NetworkLastLockCost,
    NetworkLastRegistered, NetworkLockReductionInterval, NetworkMinLockCost, NetworkRateLimit,
    NetworkRegisteredAt, NetworkRegistrationAllowed, NetworksAdded, OwnedHotkeys, Owner, Pallet,
    SubnetAlphaIn, SubnetMechanism, SubnetOwner, SubnetOwnerHotkey, SubnetTAO, Tempo,
    TotalIssuance, TotalNetworks, TotalStake, DYNAMIC_MECHANISM, ROOT_NETUID,
};
use dtao_math::{emission, lock_cost};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    traits::{
        fungible::{Inspect, Mutate},
        tokens::{Fortitude, Precision, Preservation},
    },
};

/// Tempo of a newly registered subnet.
pub const NEW_SUBNET_TEMPO: u16 = 360;
/// Tempo of the root network.
pub const ROOT_TEMPO: u16 = 100;
/// Most root validators.
pub const ROOT_MAX_UIDS: u16 = 64;

impl<T: Config> Pallet<T> {
    /// The TAO block emission at the current `TotalIssuance` (1 TAO if it cannot be computed,
    /// as the lock-cost code of the reference falls back).
    fn block_emission_or_default() -> u64 {
        emission::block_emission_for_issuance(TotalIssuance::<T>::get())
            .unwrap_or(emission::DEFAULT_BLOCK_EMISSION)
    }

    /// Blocks over which a doubled lock cost decays, scaled by the emission halvings.
    pub fn get_lock_reduction_interval() -> u64 {
        lock_cost::lock_reduction_interval(
            NetworkLockReductionInterval::<T>::get(),
            Self::block_emission_or_default(),
        )
    }

    /// What registering a subnet costs now (rao).
    pub fn get_network_lock_cost() -> u64 {
        let min_lock = NetworkMinLockCost::<T>::get();
        let interval = Self::get_lock_reduction_interval();
        lock_cost::network_lock_cost(
            Self::current_block(),
            NetworkLastLockCost::<T>::get().unwrap_or(min_lock),
            min_lock,
            NetworkLastRegistered::<T>::get(),
            interval,
        )
    }

    /// The smallest unused netuid above root.
    fn next_netuid() -> Option<NetUid> {
        (1..=NetUid::MAX).find(|n| !NetworksAdded::<T>::get(n))
    }

    /// Records `coldkey` as owner of `hotkey` (no-op if it already is).
    pub(crate) fn associate(coldkey: &T::AccountId, hotkey: &T::AccountId) {
        if Owner::<T>::contains_key(hotkey) {
            return;
        }
        Owner::<T>::insert(hotkey, coldkey);
        OwnedHotkeys::<T>::mutate(coldkey, |keys| keys.push(hotkey.clone()));
        Self::deposit_event(Event::HotkeyAssociated { coldkey: coldkey.clone(), hotkey: hotkey.clone() });
    }

    /// `try_associate_hotkey`: always `Ok`, as the reference; a hotkey that already has an
    /// owner keeps it.
    pub fn do_associate_hotkey(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
        Self::associate(&coldkey, &hotkey);
        Ok(())
    }

    /// Creates the per-subnet records of a new network (`init_new_network`).
    fn init_network(netuid: NetUid, tempo: u16, mechanism: u16) {
        NetworksAdded::<T>::insert(netuid, true);
        Tempo::<T>::insert(netuid, tempo);
        SubnetMechanism::<T>::insert(netuid, mechanism);
        NetworkRegistrationAllowed::<T>::insert(netuid, true);
        TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
    }

    /// Seeds the pool of `netuid` with `pool` TAO and as much alpha, owned by the given keys.
    fn seed_pool(netuid: NetUid, pool: u64, coldkey: &T::AccountId, hotkey: &T::AccountId) {
        SubnetTAO::<T>::insert(netuid, pool);
        SubnetAlphaIn::<T>::insert(netuid, pool);
        SubnetOwner::<T>::insert(netuid, coldkey);
        SubnetOwnerHotkey::<T>::insert(netuid, hotkey);
    }

    /// `register_network`: returns the new netuid.
    pub fn do_register_network(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
    ) -> Result<NetUid, DispatchError> {
        if let Some(owner) = Owner::<T>::get(&hotkey) {
            ensure!(owner == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        let block = Self::current_block();
        ensure!(
            block.saturating_sub(NetworkLastRegistered::<T>::get()) >= NetworkRateLimit::<T>::get(),
            Error::<T>::NetworkTxRateLimitExceeded
        );
        let lock = Self::get_network_lock_cost();
        let spendable =
            T::Currency::reducible_balance(&coldkey, Preservation::Preserve, Fortitude::Polite);
        ensure!(spendable >= lock, Error::<T>::NotEnoughBalanceToStake);
        let netuid = Self::next_netuid().ok_or(Error::<T>::NoFreeNetuid)?;

        T::Currency::burn_from(&coldkey, lock, Preservation::Preserve, Precision::Exact, Fortitude::Polite)
            .map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        NetworkLastLockCost::<T>::put(lock);

        Self::init_network(netuid, NEW_SUBNET_TEMPO, DYNAMIC_MECHANISM);
        Self::associate(&coldkey, &hotkey);
        // The owner's hotkey becomes UID 0.
        Self::place_neuron(netuid, &hotkey, None, block);
        NetworkLastRegistered::<T>::put(block);
        NetworkRegisteredAt::<T>::insert(netuid, block);

        let pool = NetworkMinLockCost::<T>::get();
        Self::seed_pool(netuid, pool, &coldkey, &hotkey);
        let burned = lock.saturating_sub(pool);
        TotalIssuance::<T>::mutate(|i| *i = i.saturating_sub(burned));
        if lock > 0 && pool > 0 {
            TotalStake::<T>::mutate(|s| *s = s.saturating_add(pool));
        }
        Self::deposit_event(Event::NetworkLockPaid { netuid, lock, pool, burned });
        Self::deposit_event(Event::NetworkAdded(netuid, DYNAMIC_MECHANISM));
        Ok(netuid)
    }

    /// `start_call`.
    pub fn do_start_call(coldkey: T::AccountId, netuid: NetUid) -> DispatchResult {
        ensure!(netuid != ROOT_NETUID, Error::<T>::NotAllowedOnRootNetwork);
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        ensure!(SubnetOwner::<T>::get(netuid) == Some(coldkey), Error::<T>::NotSubnetOwner);
        ensure!(
            !FirstEmissionBlockNumber::<T>::contains_key(netuid),
            Error::<T>::FirstEmissionBlockNumberAlreadySet
        );
        let block = Self::current_block();
        let allowed_from =
            NetworkRegisteredAt::<T>::get(netuid).saturating_add(DurationOfStartCall::<T>::get());
        ensure!(block >= allowed_from, Error::<T>::NeedWaitingMoreBlocksToStarCall);
        Self::start_emission(netuid, block);
        Ok(())
    }

    /// Starts emission on `netuid` from the block after `block`.
    pub fn start_emission(netuid: NetUid, block: u64) {
        let first = block.saturating_add(1);
        FirstEmissionBlockNumber::<T>::insert(netuid, first);
        Self::deposit_event(Event::FirstEmissionBlockNumberSet(netuid, first));
    }

    /// Builds the genesis state: root network, genesis subnets, issuance counters.
    pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
        if let Some(v) = config.network_min_lock_cost {
            NetworkMinLockCost::<T>::put(v);
        }
        if let Some(v) = config.start_call_delay {
            DurationOfStartCall::<T>::put(v);
        }
        if let Some(v) = config.network_rate_limit {
            NetworkRateLimit::<T>::put(v);
        }
        let root_tempo = if config.root_tempo == 0 { ROOT_TEMPO } else { config.root_tempo };
        Self::init_network(ROOT_NETUID, root_tempo, 0);
        NetworkRegistrationAllowed::<T>::insert(ROOT_NETUID, false);
        crate::MaxAllowedUids::<T>::insert(ROOT_NETUID, ROOT_MAX_UIDS);

        let mut staked = 0u64;
        for subnet in &config.subnets {
            assert!(subnet.netuid != ROOT_NETUID, "genesis subnet cannot use netuid 0");
            assert!(!NetworksAdded::<T>::get(subnet.netuid), "duplicate genesis netuid");
            Self::init_network(subnet.netuid, subnet.tempo, DYNAMIC_MECHANISM);
            Self::associate(&subnet.owner_coldkey, &subnet.owner_hotkey);
            Self::seed_pool(subnet.netuid, subnet.pool, &subnet.owner_coldkey, &subnet.owner_hotkey);
            Self::place_neuron(subnet.netuid, &subnet.owner_hotkey, None, 0);
            if subnet.emitting {
                FirstEmissionBlockNumber::<T>::insert(subnet.netuid, 1);
            }
            staked = staked.saturating_add(subnet.pool);
        }
        TotalStake::<T>::put(staked);
        TotalIssuance::<T>::put(T::Currency::total_issuance().saturating_add(staked));
    }
}
