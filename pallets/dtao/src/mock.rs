//! A test runtime: System, Balances (u64 rao) and this pallet, with an [`ExtBuilder`] that
//! checks every invariant ([`Pallet::do_try_state`](crate::Pallet::do_try_state)) when a test
//! ends. Shared by the pallet's tests and the conformance runner (feature `mock`).
#![allow(missing_docs)]
use crate as pallet_dtao;
use crate::{NetUid, DYNAMIC_MECHANISM};
use frame_support::{derive_impl, traits::Hooks};
use sp_runtime::BuildStorage;

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

impl pallet_dtao::Config for Test {
    type Currency = Balances;
    type WeightInfo = ();
}

/// One TAO in rao.
pub const TAO: u64 = 1_000_000_000;

/// Builds test externalities: funded accounts, optional genesis subnets.
#[derive(Default)]
pub struct ExtBuilder {
    balances: alloc::vec::Vec<(AccountId, u64)>,
    genesis: pallet_dtao::GenesisConfig<Test>,
    skip_invariants: bool,
}

impl ExtBuilder {
    /// Gives `who` a free balance of `amount` rao.
    pub fn balance(mut self, who: AccountId, amount: u64) -> Self {
        self.balances.push((who, amount));
        self
    }

    /// Adds a genesis subnet owned by (`coldkey`, `hotkey`) with `pool` TAO and alpha.
    pub fn subnet(mut self, netuid: NetUid, coldkey: AccountId, hotkey: AccountId, pool: u64) -> Self {
        self.genesis.subnets.push(pallet_dtao::GenesisSubnet {
            netuid,
            owner_coldkey: coldkey,
            owner_hotkey: hotkey,
            pool,
            tempo: 360,
            emitting: true,
        });
        self
    }

    /// Sets `NetworkMinLockCost`, `DurationOfStartCall` and `NetworkRateLimit` at genesis.
    pub fn network_params(mut self, min_lock: u64, start_call_delay: u64, rate_limit: u64) -> Self {
        self.genesis.network_min_lock_cost = Some(min_lock);
        self.genesis.start_call_delay = Some(start_call_delay);
        self.genesis.network_rate_limit = Some(rate_limit);
        self
    }

    /// Does not check the invariants at the end (for tests that break them on purpose).
    pub fn without_invariants(mut self) -> Self {
        self.skip_invariants = true;
        self
    }

    /// The externalities, at block 1.
    pub fn build(self) -> sp_io::TestExternalities {
        let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
        let _ = pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
            .assimilate_storage(&mut storage);
        let _ = self.genesis.assimilate_storage(&mut storage);
        let mut ext = sp_io::TestExternalities::new(storage);
        ext.execute_with(|| System::set_block_number(1));
        ext
    }

    /// Runs `test`, then checks every invariant.
    pub fn build_and_execute(self, test: impl FnOnce()) {
        let check = !self.skip_invariants;
        self.build().execute_with(|| {
            test();
            if check {
                if let Err(e) = SubtensorModule::do_try_state() {
                    panic!("invariant violated after the test: {e:?}");
                }
            }
        });
    }
}

/// Runs blocks `from..=to` through `on_initialize`, checking after each block the per-block
/// conservation of alpha and TAO and every invariant.
pub fn run_blocks(from: u64, to: u64) {
    for n in from..=to {
        System::set_block_number(n);
        let before = SubtensorModule::snapshot();
        SubtensorModule::on_initialize(n);
        if let Err(e) = SubtensorModule::check_block_conservation(&before) {
            panic!("conservation violated in block {n}: {e:?}");
        }
        if let Err(e) = SubtensorModule::do_try_state() {
            panic!("invariant violated after block {n}: {e:?}");
        }
    }
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
