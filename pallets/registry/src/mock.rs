//! Test runtime: System, Balances (`u64` rao, existential deposit 500) and this pallet with the
//! reference runtime's constants (one extra field, 0.1 TAO per identity and per field).
//! Accounts below 100 may set their own identity; account 1 also owns the "hotkey" 10 and may
//! set and clear its identity.
#![allow(missing_docs)]
use crate as pallet_registry;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

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

    #[runtime::pallet_index(17)]
    pub type Registry = pallet_registry;
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
    type RuntimeHoldReason = RuntimeHoldReason;
}

/// The coldkey 1 owns the hotkey 10.
pub const COLDKEY: u64 = 1;
pub const HOTKEY: u64 = 10;

pub struct TestRules;
impl pallet_registry::CanRegisterIdentity<u64> for TestRules {
    fn can_register(who: &u64, identified: &u64) -> bool {
        (who == identified && *who < 100) || (*who == COLDKEY && *identified == HOTKEY)
    }
    fn can_clear(who: &u64, identified: &u64) -> bool {
        who == identified || (*who == COLDKEY && *identified == HOTKEY)
    }
}

parameter_types! {
    pub const InitialDeposit: u64 = 100_000_000;
    pub const FieldDeposit: u64 = 100_000_000;
}

impl pallet_registry::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    type CanRegister = TestRules;
    type WeightInfo = ();
    type MaxAdditionalFields = ConstU32<1>;
    type InitialDeposit = InitialDeposit;
    type FieldDeposit = FieldDeposit;
}

/// Accounts 1, 2 and 3 hold 1 TAO each; 4 holds 0.05 TAO, half a deposit.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    pallet_balances::GenesisConfig::<Test> {
        balances: vec![(1, 1_000_000_000), (2, 1_000_000_000), (3, 1_000_000_000), (4, 50_000_000)],
        ..Default::default()
    }
    .assimilate_storage(&mut storage)
    .unwrap();
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}
