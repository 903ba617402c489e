//! A ready-made test runtime: System (index 0), Balances (index 1, `u64` rao, existential
//! deposit 500) and this pallet as `SubtensorModule` (index 7), with `u64` account ids. Its
//! [`ExtBuilder`] is the test kit's ([`crate::testing`]) for this runtime and checks every
//! invariant ([`Pallet::do_try_state`](crate::Pallet::do_try_state)) when a test ends. Shared
//! by the pallet's tests, its doc examples and the conformance runner (feature `test-utils`,
//! alias `mock`).
//!
//! ```
//! use pallet_dtao::mock::*;
//!
//! ExtBuilder::default().balance(1, 10 * TAO).subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
//!     run_blocks(2, 3);
//!     assert_eq!(System::block_number(), 3);
//!     assert_eq!(Balances::free_balance(1), 10 * TAO);
//! });
//! ```
#![allow(missing_docs)]
use crate as pallet_dtao;
use crate::{NetUid, DYNAMIC_MECHANISM};
use frame_support::derive_impl;

type Block = frame_system::mocking::MockBlock<Test>;

/// Account ids are plain numbers.
pub type AccountId = u64;

#[frame_support::runtime]
mod runtime {
    #[runtime::runtime]
    #[runtime::derive(
        RuntimeCall,
        RuntimeEvent,
        RuntimeError,
        RuntimeOrigin,
        RuntimeFreezeReason,
        RuntimeHoldReason,
        RuntimeSlashReason,
        RuntimeLockId,
        RuntimeTask,
        RuntimeViewFunction
    )]
    pub struct Test;

    #[runtime::pallet_index(0)]
    pub type System = frame_system;

    #[runtime::pallet_index(1)]
    pub type Balances = pallet_balances;

    #[runtime::pallet_index(7)]
    pub type SubtensorModule = pallet_dtao;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type AccountStore = System;
    type ExistentialDeposit = frame_support::traits::ConstU64<500>;
}

#[derive_impl(pallet_dtao::config_preludes::TestDefaultConfig)]
impl pallet_dtao::Config for Test {
    type Currency = Balances;
}

/// One TAO in rao.
pub use crate::testing::TAO;

/// Builds test externalities for [`Test`]: funded accounts, genesis subnets, neurons, stakes
/// and parameters; see [`testing::ExtBuilder`](crate::testing::ExtBuilder).
pub type ExtBuilder = crate::testing::ExtBuilder<Test>;

/// Runs blocks `from..=to` through `on_initialize`, checking after each block the per-block
/// conservation of alpha and TAO and every invariant ([`crate::testing::run_blocks`]).
pub fn run_blocks(from: u64, to: u64) {
    crate::testing::run_blocks::<Test>(from, to)
}

/// Creates a dynamic subnet with a pool directly in storage (for tests needing odd pools).
pub fn add_dynamic_subnet(netuid: NetUid, tao: u64, alpha_in: u64) {
    pallet_dtao::NetworksAdded::<Test>::insert(netuid, true);
    pallet_dtao::SubnetMechanism::<Test>::insert(netuid, DYNAMIC_MECHANISM);
    pallet_dtao::SubnetTAO::<Test>::insert(netuid, tao);
    pallet_dtao::SubnetAlphaIn::<Test>::insert(netuid, alpha_in);
    pallet_dtao::TotalStake::<Test>::mutate(|s| *s = s.saturating_add(tao));
    pallet_dtao::TotalIssuance::<Test>::mutate(|s| *s = s.saturating_add(tao));
}

/// The externalities the benchmarks' test suite runs in (`impl_benchmark_test_suite!`): the
/// default genesis (the root network only), at block 1.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
    ExtBuilder::default().build()
}
