//! # Test kit
//!
//! Everything a runtime engineer needs to unit-test against dTAO mechanics in their own
//! runtime, behind the `test-utils` feature (`mock` is an alias):
//!
//! ```toml
//! [dev-dependencies]
//! pallet-dtao = { version = "0.1", features = ["test-utils"] }
//! ```
//!
//! Every item is generic over the runtime `T`; the one requirement is that `T::Currency` is
//! the default instance of `pallet_balances` with `Balance = u64` (balances are seeded through
//! its genesis config). The pallet's own tests use it through [`crate::mock`], where
//! `mock::ExtBuilder` is `ExtBuilder<Test>`; the `examples/runtime-integration` crate uses it
//! from outside.
//!
//! - [`ExtBuilder`]: balances, subnets with pools, neurons, stakes and parameters at block 1;
//!   [`ExtBuilder::build_and_execute`] checks every invariant
//!   ([`Pallet::do_try_state`]) when the test ends.
//! - [`run_blocks`], [`run_to_block`], [`next_epoch_block`], [`run_to_next_epoch`]: drive
//!   `on_initialize`, checking the per-block conservation of TAO and alpha and every invariant
//!   after each block.
//! - [`register_neuron`], [`stake`], [`unstake`], [`set_weights`]: the real calls, signed by
//!   the given account, returning what they changed.
//! - [`alpha_of`], [`price`], [`balance_of`]: readers.
//!
//! ## Example: stake, then unstake
//!
//! The numbers are the reference's (Subtensor `6b86ebf30`), derived by hand from its
//! `sim_swap_tao_for_alpha`, `sim_swap_alpha_for_tao` and `calculate_staking_fee`; see the
//! comments in the example.
#![doc = docify::embed!("src/testing/examples.rs", stake_then_unstake)]
//!
//! ## Example: run an epoch
#![doc = docify::embed!("src/testing/examples.rs", run_an_epoch)]
use crate::{
    admin::Parameter, Config, GenesisConfig, GenesisSubnet, NetUid, Pallet, Uids,
};
use alloc::vec::Vec;
use frame_support::traits::{fungible::Inspect, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, SaturatedConversion};
use substrate_fixed::types::U96F32;

#[cfg(test)]
mod examples;

/// One TAO in rao.
pub const TAO: u64 = 1_000_000_000;

/// Builds test externalities for runtime `T`: funded accounts, genesis subnets, and, applied
/// at block 1 in this order, parameters, neurons and stakes.
///
/// ```
/// use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
///
/// ExtBuilder::<Test>::default()
///     .balance(1, 100 * TAO)
///     .subnet(1, 10, 11, 1_000 * TAO) // owner coldkey 10, owner hotkey 11, 1_000 TAO pool
///     .neuron(1, 1, 2) // hotkey 2 of coldkey 1 on subnet 1
///     .build_and_execute(|| {
///         assert_eq!(pallet_dtao::SubnetTAO::<Test>::get(1), 1_000 * TAO);
///         assert_eq!(pallet_dtao::Uids::<Test>::get(1, 2), Some(1)); // the owner has uid 0
///         assert_eq!(testing::balance_of::<Test>(&1), 100 * TAO);
///     });
/// ```
pub struct ExtBuilder<T: Config> {
    balances: Vec<(T::AccountId, u64)>,
    genesis: GenesisConfig<T>,
    parameters: Vec<Parameter>,
    neurons: Vec<(NetUid, T::AccountId, T::AccountId)>,
    stakes: Vec<(T::AccountId, T::AccountId, NetUid, u64)>,
    skip_invariants: bool,
}

impl<T: Config> Default for ExtBuilder<T> {
    fn default() -> Self {
        Self {
            balances: Vec::new(),
            genesis: GenesisConfig::default(),
            parameters: Vec::new(),
            neurons: Vec::new(),
            stakes: Vec::new(),
            skip_invariants: false,
        }
    }
}

/// The block-1 set-up of an [`ExtBuilder`] ([`ExtBuilder::into_parts`]): parameters,
/// genesis neurons, stakes.
pub struct SetUp<T: Config> {
    parameters: Vec<Parameter>,
    neurons: Vec<(NetUid, T::AccountId, T::AccountId)>,
    stakes: Vec<(T::AccountId, T::AccountId, NetUid, u64)>,
}

impl<T> SetUp<T>
where
    T: Config + pallet_balances::Config<Balance = u64>,
{
    /// Runs the set-up in the current externalities, which hold the genesis storage: block 1,
    /// the parameters, the neurons (placed without a burn, as genesis places subnet owners),
    /// the stakes; then clears the events if there was anything to set up. Panics if a
    /// parameter or a stake is refused, naming it.
    pub fn run(self) {
        let (parameters, neurons, stakes) = (self.parameters, self.neurons, self.stakes);
        frame_system::Pallet::<T>::set_block_number(1u32.into());
        let set_up = !(parameters.is_empty() && neurons.is_empty() && stakes.is_empty());
        for parameter in parameters {
            if let Err(e) = Pallet::<T>::do_set_parameter(parameter.clone()) {
                panic!("ExtBuilder: parameter {parameter:?} refused: {e:?}");
            }
        }
        for (netuid, coldkey, hotkey) in neurons {
            Pallet::<T>::associate(&coldkey, &hotkey);
            Pallet::<T>::place_neuron(netuid, &hotkey, None, 0);
        }
        for (coldkey, hotkey, netuid, tao) in stakes {
            if let Err(e) = stake::<T>(coldkey, hotkey, netuid, tao) {
                panic!("ExtBuilder: stake of {tao} rao on subnet {netuid} refused: {e:?}");
            }
        }
        if set_up {
            frame_system::Pallet::<T>::reset_events();
        }
    }
}

impl<T: Config> ExtBuilder<T> {
    /// Gives `who` a free balance of `amount` rao at genesis.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
    /// ExtBuilder::<Test>::default().balance(7, 5 * TAO).build_and_execute(|| {
    ///     assert_eq!(testing::balance_of::<Test>(&7), 5 * TAO);
    /// });
    /// ```
    pub fn balance(mut self, who: T::AccountId, amount: u64) -> Self {
        self.balances.push((who, amount));
        self
    }

    /// Adds a genesis subnet owned by (`coldkey`, `hotkey`) whose pool holds `pool` TAO and
    /// `pool` alpha (price 1.0), with tempo 360, emitting from block 1. The owner hotkey is the
    /// subnet's uid 0.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
    /// # use substrate_fixed::types::U96F32;
    /// ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
    ///     assert_eq!(testing::price::<Test>(1), U96F32::from_num(1));
    ///     assert_eq!(pallet_dtao::Uids::<Test>::get(1, 11), Some(0));
    /// });
    /// ```
    pub fn subnet(self, netuid: NetUid, coldkey: T::AccountId, hotkey: T::AccountId, pool: u64) -> Self {
        self.subnet_with(GenesisSubnet {
            netuid,
            owner_coldkey: coldkey,
            owner_hotkey: hotkey,
            pool,
            tempo: 360,
            emitting: true,
        })
    }

    /// Adds a genesis subnet described in full (tempo, whether it emits from block 1).
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{ExtBuilder, TAO}, GenesisSubnet};
    /// ExtBuilder::<Test>::default()
    ///     .subnet_with(GenesisSubnet {
    ///         netuid: 3, owner_coldkey: 10, owner_hotkey: 11, pool: 50 * TAO, tempo: 10, emitting: false,
    ///     })
    ///     .build_and_execute(|| {
    ///         assert_eq!(pallet_dtao::Tempo::<Test>::get(3), 10);
    ///         assert_eq!(pallet_dtao::FirstEmissionBlockNumber::<Test>::get(3), None);
    ///     });
    /// ```
    pub fn subnet_with(mut self, subnet: GenesisSubnet<T::AccountId>) -> Self {
        self.genesis.subnets.push(subnet);
        self
    }

    /// Sets `NetworkMinLockCost`, `DurationOfStartCall` and `NetworkRateLimit` at genesis.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{ExtBuilder, TAO}};
    /// ExtBuilder::<Test>::default().network_params(100 * TAO, 0, 0).build_and_execute(|| {
    ///     assert_eq!(pallet_dtao::NetworkMinLockCost::<Test>::get(), 100 * TAO);
    ///     assert_eq!(pallet_dtao::DurationOfStartCall::<Test>::get(), 0);
    ///     assert_eq!(pallet_dtao::NetworkRateLimit::<Test>::get(), 0);
    /// });
    /// ```
    pub fn network_params(mut self, min_lock: u64, start_call_delay: u64, rate_limit: u64) -> Self {
        self.genesis.network_min_lock_cost = Some(min_lock);
        self.genesis.start_call_delay = Some(start_call_delay);
        self.genesis.network_rate_limit = Some(rate_limit);
        self
    }

    /// Sets the root network's tempo at genesis (default 100).
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::ExtBuilder};
    /// ExtBuilder::<Test>::default().root_tempo(20).build_and_execute(|| {
    ///     assert_eq!(pallet_dtao::Tempo::<Test>::get(0), 20);
    /// });
    /// ```
    pub fn root_tempo(mut self, tempo: u16) -> Self {
        self.genesis.root_tempo = tempo;
        self
    }

    /// Applies a root-only parameter at block 1 (as `sudo_set_parameter` would), before
    /// neurons and stakes.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{ExtBuilder, TAO}, admin::Parameter};
    /// ExtBuilder::<Test>::default()
    ///     .subnet(1, 10, 11, 1_000 * TAO)
    ///     .parameter(Parameter::Tempo { netuid: 1, tempo: 10 })
    ///     .build_and_execute(|| assert_eq!(pallet_dtao::Tempo::<Test>::get(1), 10));
    /// ```
    pub fn parameter(mut self, parameter: Parameter) -> Self {
        self.parameters.push(parameter);
        self
    }

    /// Places `hotkey`, owned by `coldkey`, as the next uid of `netuid` at block 1, without a
    /// burn (as genesis places a subnet owner's hotkey; use [`register_neuron`] for the real
    /// `burned_register`). Associates the hotkey with the coldkey unless it already has an
    /// owner.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{ExtBuilder, TAO}};
    /// ExtBuilder::<Test>::default()
    ///     .subnet(1, 10, 11, 1_000 * TAO)
    ///     .neuron(1, 1, 2)
    ///     .neuron(1, 1, 3)
    ///     .build_and_execute(|| {
    ///         assert_eq!(pallet_dtao::SubnetworkN::<Test>::get(1), 3);
    ///         assert_eq!(pallet_dtao::Uids::<Test>::get(1, 3), Some(2));
    ///         assert_eq!(pallet_dtao::Owner::<Test>::get(3), Some(1));
    ///     });
    /// ```
    pub fn neuron(mut self, netuid: NetUid, coldkey: T::AccountId, hotkey: T::AccountId) -> Self {
        self.neurons.push((netuid, coldkey, hotkey));
        self
    }

    /// Stakes `tao` rao from `coldkey`'s balance on `hotkey` in `netuid` at block 1, through
    /// the real `add_stake` (the hotkey needs an owner: make it a [`neuron`](Self::neuron) or a
    /// subnet owner). The build panics if the call fails.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
    /// ExtBuilder::<Test>::default()
    ///     .balance(1, 100 * TAO)
    ///     .subnet(1, 10, 11, 1_000 * TAO)
    ///     .neuron(1, 1, 2)
    ///     .stake(1, 2, 1, 10 * TAO)
    ///     .build_and_execute(|| {
    ///         // The reference's swap of 10 TAO less the 50_000 rao fee into a 1_000/1_000 pool
    ///         // (see the module's stake-then-unstake example).
    ///         assert_eq!(testing::alpha_of::<Test>(&2, &1, 1), 9_900_941_084);
    ///         assert_eq!(testing::balance_of::<Test>(&1), 90 * TAO);
    ///     });
    /// ```
    pub fn stake(mut self, coldkey: T::AccountId, hotkey: T::AccountId, netuid: NetUid, tao: u64) -> Self {
        self.stakes.push((coldkey, hotkey, netuid, tao));
        self
    }

    /// Does not check the invariants at the end (for tests that break them on purpose).
    pub fn without_invariants(mut self) -> Self {
        self.skip_invariants = true;
        self
    }
}

impl<T> ExtBuilder<T>
where
    T: Config + pallet_balances::Config<Balance = u64>,
{
    /// The externalities, at block 1 (no `on_initialize` has run; [`run_blocks`] from 2).
    /// Events of the block-1 set-up (parameters, stakes) are cleared.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::ExtBuilder};
    /// ExtBuilder::<Test>::default().build().execute_with(|| {
    ///     assert_eq!(frame_system::Pallet::<Test>::block_number(), 1);
    /// });
    /// ```
    pub fn build(self) -> sp_io::TestExternalities {
        let (storage, set_up) = self.into_parts();
        let mut ext = sp_io::TestExternalities::new(storage);
        ext.execute_with(|| set_up.run());
        ext
    }

    /// What [`build`](Self::build) puts together, apart: the genesis storage (System,
    /// Balances, SubtensorModule), and the block-1 set-up to run in externalities holding it,
    /// for a caller that keeps its state elsewhere than in `TestExternalities`.
    ///
    /// ```
    /// # use pallet_dtao::{mock::Test, testing::{ExtBuilder, TAO}};
    /// let (storage, set_up) = ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).into_parts();
    /// let mut ext = sp_io::TestExternalities::new(storage);
    /// ext.execute_with(|| {
    ///     set_up.run();
    ///     assert_eq!(pallet_dtao::SubnetTAO::<Test>::get(1), 1_000 * TAO);
    /// });
    /// ```
    pub fn into_parts(self) -> (sp_runtime::Storage, SetUp<T>) {
        let mut storage =
            frame_system::GenesisConfig::<T>::default().build_storage().unwrap_or_default();
        let _ = pallet_balances::GenesisConfig::<T> { balances: self.balances, ..Default::default() }
            .assimilate_storage(&mut storage);
        let _ = self.genesis.assimilate_storage(&mut storage);
        (storage, SetUp { parameters: self.parameters, neurons: self.neurons, stakes: self.stakes })
    }

    /// Runs `test` in the built externalities, then checks every invariant
    /// ([`Pallet::do_try_state`]) unless [`without_invariants`](Self::without_invariants).
    ///
    /// ```should_panic
    /// # use pallet_dtao::{mock::Test, testing::{ExtBuilder, TAO}};
    /// ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
    ///     // TAO appears in a pool from nowhere: `TotalStake` no longer adds up.
    ///     pallet_dtao::SubnetTAO::<Test>::mutate(1, |t| *t += 1);
    /// }); // panics: invariant violated after the test
    /// ```
    pub fn build_and_execute(self, test: impl FnOnce()) {
        let check = !self.skip_invariants;
        self.build().execute_with(|| {
            test();
            if check {
                check_invariants::<T>();
            }
        });
    }
}

/// Panics if any invariant ([`Pallet::do_try_state`]) is violated.
///
/// ```
/// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
/// ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).build().execute_with(|| {
///     testing::check_invariants::<Test>();
/// });
/// ```
pub fn check_invariants<T: Config>() {
    if let Err(e) = Pallet::<T>::do_try_state() {
        panic!("invariant violated after the test: {e:?}");
    }
}

/// The current block number as `u64`.
pub fn current_block<T: Config>() -> u64 {
    frame_system::Pallet::<T>::block_number().saturated_into()
}

/// Runs blocks `from..=to` through `on_initialize`, checking after each block the per-block
/// conservation of alpha and TAO ([`Pallet::check_block_conservation`]) and every invariant.
///
/// ```
/// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
/// ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
///     testing::run_blocks::<Test>(2, 5);
///     assert_eq!(testing::current_block::<Test>(), 5);
///     // Each block emits 1 alpha into the subnet (the full block emission at this issuance).
///     assert_eq!(pallet_dtao::SubnetAlphaOut::<Test>::get(1), 4 * TAO);
/// });
/// ```
pub fn run_blocks<T: Config>(from: u64, to: u64) {
    for n in from..=to {
        let block: BlockNumberFor<T> = n.saturated_into();
        frame_system::Pallet::<T>::set_block_number(block);
        let before = Pallet::<T>::snapshot();
        Pallet::<T>::on_initialize(block);
        if let Err(e) = Pallet::<T>::check_block_conservation(&before) {
            panic!("conservation violated in block {n}: {e:?}");
        }
        if let Err(e) = Pallet::<T>::do_try_state() {
            panic!("invariant violated after block {n}: {e:?}");
        }
    }
}

/// Runs the blocks after the current one up to `to` (included), as [`run_blocks`].
///
/// ```
/// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder}};
/// ExtBuilder::<Test>::default().build_and_execute(|| {
///     testing::run_to_block::<Test>(3);
///     assert_eq!(testing::current_block::<Test>(), 3);
/// });
/// ```
pub fn run_to_block<T: Config>(to: u64) {
    run_blocks::<T>(current_block::<T>().saturating_add(1), to);
}

/// The first block after the current one in which `netuid` runs its epoch (`u64::MAX` for
/// tempo 0). Subnet `netuid` with tempo `t` runs it in block `b` when
/// `(b + netuid + 1) % (t + 1) == t`, as in the reference.
///
/// ```
/// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
/// ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
///     // Tempo 360, netuid 1: (358 + 2) % 361 == 360.
///     assert_eq!(testing::next_epoch_block::<Test>(1), 358);
/// });
/// ```
pub fn next_epoch_block<T: Config>(netuid: NetUid) -> u64 {
    let next = current_block::<T>().saturating_add(1);
    next.saturating_add(Pallet::<T>::blocks_until_next_epoch(netuid, next))
}

/// Runs blocks up to and including `netuid`'s next epoch; returns that block.
///
/// See the module's "run an epoch" example.
pub fn run_to_next_epoch<T: Config>(netuid: NetUid) -> u64 {
    let epoch = next_epoch_block::<T>(netuid);
    run_to_block::<T>(epoch);
    epoch
}

/// Registers `hotkey` on `netuid` with the real `burned_register` signed by `coldkey`;
/// returns its uid.
///
/// ```
/// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
/// ExtBuilder::<Test>::default()
///     .balance(1, 10 * TAO)
///     .subnet(1, 10, 11, 1_000 * TAO)
///     .build_and_execute(|| {
///         assert_eq!(testing::register_neuron::<Test>(1, 1, 2), Ok(1));
///         // The default burn, 1 TAO, left the balance.
///         assert_eq!(testing::balance_of::<Test>(&1), 9 * TAO);
///     });
/// ```
pub fn register_neuron<T: Config>(
    netuid: NetUid,
    coldkey: T::AccountId,
    hotkey: T::AccountId,
) -> Result<u16, DispatchError> {
    Pallet::<T>::burned_register(RawOrigin::Signed(coldkey).into(), netuid, hotkey.clone())?;
    Uids::<T>::get(netuid, &hotkey).ok_or(DispatchError::Other("registered neuron has no uid"))
}

/// Stakes `tao` rao of `coldkey`'s balance on `hotkey` in `netuid` with the real `add_stake`;
/// returns the alpha the position gained.
///
/// See the module's stake-then-unstake example.
pub fn stake<T: Config>(
    coldkey: T::AccountId,
    hotkey: T::AccountId,
    netuid: NetUid,
    tao: u64,
) -> Result<u64, DispatchError> {
    let before = alpha_of::<T>(&hotkey, &coldkey, netuid);
    Pallet::<T>::add_stake(RawOrigin::Signed(coldkey.clone()).into(), hotkey.clone(), netuid, tao)?;
    Ok(alpha_of::<T>(&hotkey, &coldkey, netuid).saturating_sub(before))
}

/// Unstakes `alpha` of `coldkey`'s position on `hotkey` in `netuid` with the real
/// `remove_stake`; returns the TAO (rao) its balance gained.
///
/// See the module's stake-then-unstake example.
pub fn unstake<T: Config>(
    coldkey: T::AccountId,
    hotkey: T::AccountId,
    netuid: NetUid,
    alpha: u64,
) -> Result<u64, DispatchError> {
    let before = balance_of::<T>(&coldkey);
    Pallet::<T>::remove_stake(RawOrigin::Signed(coldkey.clone()).into(), hotkey, netuid, alpha)?;
    Ok(balance_of::<T>(&coldkey).saturating_sub(before))
}

/// Sets `hotkey`'s weights on `netuid` (`uids[i]` gets `weights[i]`) with the real
/// `set_weights`, version key 0.
///
/// See the module's "run an epoch" example.
pub fn set_weights<T: Config>(
    hotkey: T::AccountId,
    netuid: NetUid,
    uids: Vec<u16>,
    weights: Vec<u16>,
) -> DispatchResult {
    Pallet::<T>::set_weights(RawOrigin::Signed(hotkey).into(), netuid, uids, weights, 0)
}

/// The alpha of `coldkey`'s position on `hotkey` in `netuid` (its share of the hotkey's pool,
/// including the emission it earned).
///
/// ```
/// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
/// ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
///     assert_eq!(testing::alpha_of::<Test>(&11, &10, 1), 0);
/// });
/// ```
pub fn alpha_of<T: Config>(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: NetUid) -> u64 {
    Pallet::<T>::get_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid)
}

/// `netuid`'s spot price in TAO per alpha: `SubnetTAO / SubnetAlphaIn` for a dynamic subnet, 1
/// for root.
///
/// ```
/// # use pallet_dtao::{mock::Test, testing::{self, ExtBuilder, TAO}};
/// # use substrate_fixed::types::U96F32;
/// ExtBuilder::<Test>::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
///     pallet_dtao::SubnetAlphaIn::<Test>::insert(1, 4_000 * TAO);
///     assert_eq!(testing::price::<Test>(1), U96F32::from_num(0.25));
///     pallet_dtao::SubnetAlphaIn::<Test>::insert(1, 1_000 * TAO); // restore the invariants
/// });
/// ```
pub fn price<T: Config>(netuid: NetUid) -> U96F32 {
    Pallet::<T>::get_alpha_price(netuid)
}

/// `who`'s free balance in rao (as `T::Currency` reports it).
pub fn balance_of<T: Config>(who: &T::AccountId) -> u64 {
    T::Currency::balance(who)
}
