//! The replay runtime for reference scenarios: System, Balances (ED 500) and pallet-dtao under
//! the name `SubtensorModule`, with `AccountId = sp_core::U256` as in the reference's mock, so
//! that account encodings, storage keys, iteration order and `Ord` are all the reference's.
#![allow(missing_docs)]
use frame_support::derive_impl;
use sp_core::U256;

type Block = frame_system::mocking::MockBlock<Runtime>;

/// Accounts are 256-bit integers; account `n` is `U256::from(n)`.
pub type AccountId = U256;

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
    pub struct Runtime;

    #[runtime::pallet_index(0)]
    pub type System = frame_system;

    #[runtime::pallet_index(1)]
    pub type Balances = pallet_balances;

    #[runtime::pallet_index(7)]
    pub type SubtensorModule = pallet_dtao;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
    type Block = Block;
    type AccountId = AccountId;
    type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
    type AccountStore = System;
    type ExistentialDeposit = frame_support::traits::ConstU64<500>;
}

#[derive_impl(pallet_dtao::config_preludes::TestDefaultConfig)]
impl pallet_dtao::Config for Runtime {
    type Currency = Balances;
}
