//! # dtao-example-runtime
//!
//! A runtime that is not ours, built the way a runtime engineer would add dTAO to theirs:
//! `pallet-dtao` as an ordinary dependency, its own `construct_runtime!` with Balances at
//! index 10 and the pallet as `Dtao` at index 42 (the dTAO runtime uses `SubtensorModule` at
//! 7), and a `Config` derived from [`pallet_dtao::config_preludes::TestDefaultConfig`] that
//! only names the currency. Its tests (`tests/`) use the pallet's test kit,
//! `pallet_dtao::testing` (feature `test-utils`).
//!
//! The pallet's crate documentation embeds [`Runtime`]'s declaration and its `Config` from
//! this file, so that the "how to add dtao to your runtime" section is code that compiles.
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::{construct_runtime, derive_impl, traits::ConstU64};

/// Account ids are plain numbers here; any `AccountId` works.
pub type AccountId = u64;

/// Balances are in rao, `u64`, as `pallet_dtao::Config::Currency` requires.
pub type Balance = u64;

type Block = frame_system::mocking::MockBlock<Runtime>;

#[docify::export(example_runtime)]
construct_runtime!(
    pub enum Runtime {
        System: frame_system = 0,
        // TAO balances, in rao.
        Balances: pallet_balances = 10,
        // dTAO under its own name and index.
        Dtao: pallet_dtao = 42,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
    type Block = Block;
    type AccountId = AccountId;
    type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
    type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
    type Balance = Balance;
    type AccountStore = System;
    type ExistentialDeposit = ConstU64<1>;
}

#[docify::export(example_config)]
#[derive_impl(pallet_dtao::config_preludes::TestDefaultConfig)]
impl pallet_dtao::Config for Runtime {
    // The only item without a default: TAO is this runtime's Balances.
    type Currency = Balances;
}
