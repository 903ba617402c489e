//! Subnets: registration with a lock cost, `start_call`, hotkey ownership, genesis.
//!
//! Reference: `subnets/subnet.rs` and `coinbase/root.rs` at `6b86ebf30`.
//! - Lock cost (`dtao_math::lock_cost`): `max(min, last·mult − ⌊last / I⌋·(block − last_block))`
//!   with `mult` 2 once any subnet was registered and `I` the reduction interval scaled by the
//!   block emission. Storage: `NetworkMinLockCost`, `NetworkLastLockCost` (unset: the initial
//!   minimum, the reference's `InitialNetworkMinLockCost`), `NetworkLastRegistered`,
//!   `NetworkLockReductionInterval`.
//! - Registration checks the lock as staking checks a balance and withdraws it best-effort,
//!   keeping the existential deposit ([`Pallet::withdraw_tao`]); the amount actually withdrawn
//!   becomes `NetworkLastLockCost`. `NetworkMinLockCost` seeds the pool with as much TAO as
//!   alpha (price 1.0) and counts in `TotalStake`; the rest of the withdrawal leaves
//!   `TotalIssuance`. The owner receives no alpha.
//! - `start_call` sets `FirstEmissionBlockNumber = block + 1`, after `DurationOfStartCall`.
use crate::{
    client_info::subnet::SubnetIdentityV2,
    pallet::{Error, Event, GenesisConfig, GenesisSubnet},
    Config, DurationOfStartCall, FirstEmissionBlockNumber, NetUid, NetworkLastLockCost,
    NetworkLastRegistered, NetworkLockReductionInterval, NetworkMinLockCost, NetworkRateLimit,
    NetworkRegisteredAt, NetworkRegistrationAllowed, NetworksAdded, OwnedHotkeys, Owner, Pallet,
    SubnetAlphaIn, SubnetMechanism, SubnetOwner, SubnetOwnerHotkey, SubnetTAO, Tempo,
    TotalIssuance, TotalNetworks, TotalStake, DYNAMIC_MECHANISM, ROOT_NETUID,
    AdjustmentAlpha, AdjustmentInterval, ImmunityPeriod, MaxAllowedUids, MaxAllowedValidators,
    MaxDifficulty, MaxWeightsLimit, MinAllowedWeights, MinDifficulty, SubnetworkN,
    TargetRegistrationsPerInterval, ActivityCutoff, BurnRegistrationsThisInterval, Difficulty, Kappa,
    POWRegistrationsThisInterval, RegistrationsThisInterval, StakingHotkeys,
};
use dtao_math::{emission, lock_cost};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    traits::{fungible::Inspect, Get},
};

/// Tempo of a newly registered subnet.
pub const NEW_SUBNET_TEMPO: u16 = 360;
/// Tempo of the root network.
pub const ROOT_TEMPO: u16 = 100;
/// Most root validators.
pub const ROOT_MAX_UIDS: u16 = 64;

impl<T: Config> Pallet<T> {
    /// Whether `coldkey` owns `hotkey` (`Owner`; the reference's `coldkey_owns_hotkey`).
    pub fn coldkey_owns_hotkey(coldkey: &T::AccountId, hotkey: &T::AccountId) -> bool {
        crate::Owner::<T>::get(hotkey).as_ref() == Some(coldkey)
    }

    /// The TAO block emission at the current `TotalIssuance` (1 TAO if it cannot be computed,
    /// as the lock-cost code of the reference falls back).
    fn block_emission_or_default() -> u64 {
        // The reference's `get_block_emission`, which stores its result in `BlockEmission`.
        Self::block_emission_for_issuance(TotalIssuance::<T>::get())
            .unwrap_or(emission::DEFAULT_BLOCK_EMISSION)
    }

    /// Blocks over which a doubled lock cost decays, scaled by the emission halvings.
    pub fn get_lock_reduction_interval() -> u64 {
        lock_cost::lock_reduction_interval(
            NetworkLockReductionInterval::<T>::get(),
            Self::block_emission_or_default(),
        )
    }

    /// What registering a subnet costs now (rao). An unset `NetworkLastLockCost` reads as the
    /// initial minimum lock (the reference's `InitialNetworkMinLockCost`, 1_000 TAO), not the
    /// current `NetworkMinLockCost`.
    pub fn get_network_lock_cost() -> u64 {
        let last_lock =
            NetworkLastLockCost::<T>::get().unwrap_or_else(crate::pallet::DefaultNetworkMinLockCost::get);
        let min_lock = NetworkMinLockCost::<T>::get();
        let last_registered = NetworkLastRegistered::<T>::get();
        let interval = Self::get_lock_reduction_interval();
        lock_cost::network_lock_cost(Self::current_block(), last_lock, min_lock, last_registered, interval)
    }

    /// The smallest unused netuid above root.
    pub(crate) fn next_netuid() -> Option<NetUid> {
        (1..=NetUid::MAX).find(|n| !NetworksAdded::<T>::get(n))
    }

    /// Records `coldkey` as owner of `hotkey`, unless the hotkey has an owner: the reference's
    /// `create_account_if_non_existent` (`Owner`, `OwnedHotkeys` and `StakingHotkeys`).
    pub(crate) fn associate(coldkey: &T::AccountId, hotkey: &T::AccountId) {
        if Owner::<T>::contains_key(hotkey) {
            return;
        }
        Owner::<T>::insert(hotkey, coldkey);
        OwnedHotkeys::<T>::mutate(coldkey, |keys| {
            if !keys.contains(hotkey) {
                keys.push(hotkey.clone());
            }
        });
        StakingHotkeys::<T>::mutate(coldkey, |keys| {
            if !keys.contains(hotkey) {
                keys.push(hotkey.clone());
            }
        });
        Self::deposit_event(Event::HotkeyAssociated { coldkey: coldkey.clone(), hotkey: hotkey.clone() });
    }

    /// `try_associate_hotkey`: always `Ok`, as the reference; a hotkey that already has an
    /// owner keeps it.
    pub fn do_associate_hotkey(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
        Self::associate(&coldkey, &hotkey);
        Ok(())
    }

    /// Creates the per-subnet records of a new network, with the values that the reference's
    /// `init_new_network` writes explicitly (they differ from the storage defaults, which are
    /// mainnet's `Initial*` constants).
    fn init_network(netuid: NetUid, tempo: u16, mechanism: u16) {
        NetworksAdded::<T>::insert(netuid, true);
        SubnetworkN::<T>::insert(netuid, 0);
        Tempo::<T>::insert(netuid, tempo);
        SubnetMechanism::<T>::insert(netuid, mechanism);
        TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
        NetworkRegistrationAllowed::<T>::insert(netuid, true);
        MaxAllowedUids::<T>::insert(netuid, 256);
        MaxAllowedValidators::<T>::insert(netuid, 64);
        MinAllowedWeights::<T>::insert(netuid, 1);
        MaxWeightsLimit::<T>::insert(netuid, u16::MAX);
        AdjustmentInterval::<T>::insert(netuid, 360);
        TargetRegistrationsPerInterval::<T>::insert(netuid, 1);
        AdjustmentAlpha::<T>::insert(netuid, 17_893_341_751_498_265_066);
        ImmunityPeriod::<T>::insert(netuid, 5_000);
        MinDifficulty::<T>::insert(netuid, u64::MAX);
        MaxDifficulty::<T>::insert(netuid, u64::MAX);
        // Defaults the reference makes explicit (the others above are written already).
        if !Kappa::<T>::contains_key(netuid) {
            Kappa::<T>::insert(netuid, Kappa::<T>::get(netuid));
        }
        if !Difficulty::<T>::contains_key(netuid) {
            Difficulty::<T>::insert(netuid, Difficulty::<T>::get(netuid));
        }
        if !ActivityCutoff::<T>::contains_key(netuid) {
            ActivityCutoff::<T>::insert(netuid, ActivityCutoff::<T>::get(netuid));
        }
        if !RegistrationsThisInterval::<T>::contains_key(netuid) {
            RegistrationsThisInterval::<T>::insert(netuid, RegistrationsThisInterval::<T>::get(netuid));
        }
        if !POWRegistrationsThisInterval::<T>::contains_key(netuid) {
            POWRegistrationsThisInterval::<T>::insert(netuid, POWRegistrationsThisInterval::<T>::get(netuid));
        }
        if !BurnRegistrationsThisInterval::<T>::contains_key(netuid) {
            BurnRegistrationsThisInterval::<T>::insert(netuid, BurnRegistrationsThisInterval::<T>::get(netuid));
        }
    }

    /// Creates one subnet as genesis does: its records, the owner's keys at UID 0, and a pool
    /// of `pool` TAO and as much alpha (the caller counts the pool in `TotalStake` and
    /// `TotalIssuance`).
    pub(crate) fn seed_subnet(subnet: &GenesisSubnet<T::AccountId>) {
        Self::init_network(subnet.netuid, subnet.tempo, DYNAMIC_MECHANISM);
        Self::associate(&subnet.owner_coldkey, &subnet.owner_hotkey);
        Self::seed_pool(subnet.netuid, subnet.pool, &subnet.owner_coldkey, &subnet.owner_hotkey);
        Self::place_neuron(subnet.netuid, &subnet.owner_hotkey, None, 0);
        if subnet.emitting {
            FirstEmissionBlockNumber::<T>::insert(subnet.netuid, 1);
        }
    }

    /// Creates the root network as the reference's `migrate_create_root_network` does.
    pub(crate) fn init_root_network(tempo: u16) {
        NetworksAdded::<T>::insert(ROOT_NETUID, true);
        TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
        MaxAllowedUids::<T>::insert(ROOT_NETUID, ROOT_MAX_UIDS);
        MaxAllowedValidators::<T>::insert(ROOT_NETUID, 64);
        MinAllowedWeights::<T>::insert(ROOT_NETUID, 0);
        MaxWeightsLimit::<T>::insert(ROOT_NETUID, u16::MAX);
        Tempo::<T>::insert(ROOT_NETUID, tempo);
        NetworkRegistrationAllowed::<T>::insert(ROOT_NETUID, true);
        TargetRegistrationsPerInterval::<T>::insert(ROOT_NETUID, 1);
    }

    /// Seeds the pool of `netuid` with `pool` TAO and as much alpha, owned by the given keys.
    fn seed_pool(netuid: NetUid, pool: u64, coldkey: &T::AccountId, hotkey: &T::AccountId) {
        SubnetTAO::<T>::insert(netuid, pool);
        SubnetAlphaIn::<T>::insert(netuid, pool);
        SubnetOwner::<T>::insert(netuid, coldkey);
        SubnetOwnerHotkey::<T>::insert(netuid, hotkey);
    }

    /// The checks of `register_network` (the dispatchable's and the transaction extension's):
    /// returns the netuid it would get and the lock cost. Writes nothing.
    pub(crate) fn validate_register_network(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
    ) -> Result<(NetUid, u64), Error<T>> {
        if let Some(owner) = Owner::<T>::get(hotkey) {
            ensure!(&owner == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        ensure!(
            Self::current_block().saturating_sub(NetworkLastRegistered::<T>::get()) >=
                NetworkRateLimit::<T>::get(),
            Error::<T>::NetworkTxRateLimitExceeded
        );
        let lock = Self::get_network_lock_cost();
        ensure!(
            Self::can_remove_balance_from_coldkey_account(coldkey, lock),
            Error::<T>::NotEnoughBalanceToStake
        );
        let netuid = Self::next_netuid().ok_or(Error::<T>::NoFreeNetuid)?;
        Ok((netuid, lock))
    }

    /// `register_network`: returns the new netuid.
    pub fn do_register_network(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        identity: Option<SubnetIdentityV2>,
    ) -> Result<NetUid, DispatchError> {
        let (netuid, lock) = Self::validate_register_network(&coldkey, &hotkey)?;
        // The reference checks the identity last and fails the whole (transactional) call;
        // checking it before any write gives the same outcome and error.
        if let Some(identity) = &identity {
            ensure!(is_valid_subnet_identity(identity), Error::<T>::InvalidIdentity);
        }
        let block = Self::current_block();

        // What was actually withdrawn (the existential deposit stays) is the lock paid.
        let paid = Self::withdraw_tao(&coldkey, lock)?;
        NetworkLastLockCost::<T>::put(paid);

        Self::init_network(netuid, NEW_SUBNET_TEMPO, DYNAMIC_MECHANISM);
        Self::associate(&coldkey, &hotkey);
        // The owner's hotkey becomes UID 0.
        Self::place_neuron(netuid, &hotkey, None, block);
        NetworkLastRegistered::<T>::put(block);
        NetworkRegisteredAt::<T>::insert(netuid, block);

        let pool = NetworkMinLockCost::<T>::get();
        Self::seed_pool(netuid, pool, &coldkey, &hotkey);
        let burned = paid.saturating_sub(pool);
        TotalIssuance::<T>::mutate(|i| *i = i.saturating_sub(burned));
        if paid > 0 && pool > 0 {
            TotalStake::<T>::mutate(|s| *s = s.saturating_add(pool));
            // Deliberate (docs/emission.md §9): a withdrawal that kept the existential deposit
            // can pay less than the pool seed; the reference seeds the full pool without
            // counting the difference anywhere, dtao counts it as issued.
            TotalIssuance::<T>::mutate(|i| *i = i.saturating_add(pool.saturating_sub(paid)));
        }
        Self::deposit_event(Event::NetworkLockPaid { netuid, lock: paid, pool, burned });
        if let Some(identity) = identity {
            crate::SubnetIdentitiesV2::<T>::insert(netuid, identity);
            Self::deposit_event(Event::SubnetIdentitySet(netuid));
        }
        Self::deposit_event(Event::NetworkAdded(netuid, DYNAMIC_MECHANISM));
        Ok(netuid)
    }

    /// `start_call`. As in the reference (`ensure_subnet_owner`), a caller that does not own
    /// the subnet gets `BadOrigin`; root has no owner.
    pub fn do_start_call(coldkey: T::AccountId, netuid: NetUid) -> DispatchResult {
        ensure!(NetworksAdded::<T>::get(netuid), Error::<T>::SubNetworkDoesNotExist);
        ensure!(SubnetOwner::<T>::get(netuid) == Some(coldkey), DispatchError::BadOrigin);
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
            // The genesis minimum plays the reference's `InitialNetworkMinLockCost`, which is
            // also what an unset last lock cost reads as.
            NetworkMinLockCost::<T>::put(v);
            NetworkLastLockCost::<T>::put(v);
        }
        if let Some(v) = config.start_call_delay {
            DurationOfStartCall::<T>::put(v);
        }
        if let Some(v) = config.network_rate_limit {
            NetworkRateLimit::<T>::put(v);
        }
        if let Some(v) = config.pending_childkey_cooldown {
            crate::PendingChildKeyCooldown::<T>::put(v);
        }
        let root_tempo = if config.root_tempo == 0 { ROOT_TEMPO } else { config.root_tempo };
        Self::init_root_network(root_tempo);

        let mut staked = 0u64;
        for subnet in &config.subnets {
            assert!(subnet.netuid != ROOT_NETUID, "genesis subnet cannot use netuid 0");
            assert!(!NetworksAdded::<T>::get(subnet.netuid), "duplicate genesis netuid");
            Self::seed_subnet(subnet);
            staked = staked.saturating_add(subnet.pool);
        }
        TotalStake::<T>::put(staked);
        TotalIssuance::<T>::put(T::Currency::total_issuance().saturating_add(staked));
        crate::TrackedBalancesIssuance::<T>::put(T::Currency::total_issuance());
    }
}

/// The reference's `is_valid_subnet_identity` (`utils/identity.rs`): each field within its
/// length limit (name and Discord 256 bytes, the others 1,024).
pub fn is_valid_subnet_identity(identity: &SubnetIdentityV2) -> bool {
    identity.subnet_name.len() <= 256
        && identity.github_repo.len() <= 1024
        && identity.subnet_contact.len() <= 1024
        && identity.subnet_url.len() <= 1024
        && identity.discord.len() <= 256
        && identity.description.len() <= 1024
        && identity.additional.len() <= 1024
}
