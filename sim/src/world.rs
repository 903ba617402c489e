//! The simulated chain: the real `dtao_runtime::Runtime`, run natively in `TestExternalities`.
//!
//! Set-up (block 0): the genesis of System, Balances and SubtensorModule as the runtime's
//! genesis builds them (through the pallet's test kit, `pallet_dtao::testing::ExtBuilder`,
//! which also places genesis neurons without a burn, as genesis places subnet owners); then
//! a pool's alpha reserve and moving price where the scenario sets them (plain storage writes,
//! as a state snapshot would hold them); then, through the real dispatchables, the root
//! parameters (`sudo_set_parameter`, root origin), root registrations, stakes and root weights.
//!
//! Each block `n` (1..) is what `frame_executive` runs, without extrinsic encoding and
//! signatures: `System::reset_events` and `System::initialize`, every pallet's
//! `on_initialize` (the coinbase and epochs are SubtensorModule's), the timestamp inherent,
//! the actors' calls dispatched with signed (or root) origins through
//! `RuntimeCall::dispatch`, every pallet's `on_finalize`; then
//! `SubtensorModule::do_try_state` (all the pallet's invariants). `System::finalize` (header
//! and storage root) is skipped: it does not change the state the pallets read. Fees are not
//! charged on this path; the pallet's calls the actors make are `Pays::No` on chain anyway,
//! and the transaction extension's checks are the dispatchables' own `validate_*` checks,
//! which run inside the calls.
use dtao_runtime::{AllPalletsWithSystem, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin};
use frame_support::traits::{OnFinalize, OnInitialize};
use pallet_dtao::admin::Parameter;
use sp_core::{crypto::AccountId32, H256};
use sp_io::hashing::blake2_256;
use sp_runtime::{traits::Dispatchable, DispatchError};

/// The account id of a scenario name.
pub fn account(name: &str) -> AccountId32 {
    AccountId32::new(blake2_256(format!("dtao-sim:{name}").as_bytes()))
}

/// A dispatch error as a short name (`NotEnoughBalanceToStake`).
pub fn error_name(e: &DispatchError) -> String {
    match e {
        DispatchError::Module(m) => m.message.map(str::to_string).unwrap_or_else(|| format!("{e:?}")),
        other => format!("{other:?}"),
    }
}

/// Dispatches `call` signed by `who`.
pub fn signed(who: &AccountId32, call: pallet_dtao::Call<Runtime>) -> Result<(), String> {
    RuntimeCall::SubtensorModule(call)
        .dispatch(RuntimeOrigin::signed(who.clone()))
        .map(|_| ())
        .map_err(|e| error_name(&e.error))
}

/// Root sets a parameter through `sudo_set_parameter`.
pub fn root_set(parameter: Parameter) -> Result<(), String> {
    RuntimeCall::SubtensorModule(pallet_dtao::Call::sudo_set_parameter { parameter })
        .dispatch(RuntimeOrigin::root())
        .map(|_| ())
        .map_err(|e| error_name(&e.error))
}

/// Opens block `n`: events cleared, System initialised, every `on_initialize`, the timestamp
/// inherent (12 s blocks).
pub fn open_block(n: u32) {
    frame_system::Pallet::<Runtime>::reset_events();
    let parent = H256(blake2_256(&n.saturating_sub(1).to_le_bytes()));
    frame_system::Pallet::<Runtime>::initialize(&n, &parent, &Default::default());
    <AllPalletsWithSystem as OnInitialize<u32>>::on_initialize(n);
    let now = u64::from(n).saturating_mul(12_000);
    // The inherent: `None` origin, as the block builder applies it.
    let _ = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }).dispatch(RuntimeOrigin::none());
}

/// Closes block `n`: every `on_finalize`, then, if `check`, the pallet's invariants.
pub fn close_block(n: u32, check: bool) -> Result<(), String> {
    <AllPalletsWithSystem as OnFinalize<u32>>::on_finalize(n);
    if !check {
        return Ok(());
    }
    pallet_dtao::Pallet::<Runtime>::do_try_state().map_err(|e| format!("invariant violated after block {n}: {e:?}"))
}

/// The SubtensorModule events of the current block.
pub fn dtao_events() -> Vec<pallet_dtao::Event<Runtime>> {
    frame_system::Pallet::<Runtime>::read_events_no_consensus()
        .filter_map(|record| match record.event {
            RuntimeEvent::SubtensorModule(e) => Some(e),
            _ => None,
        })
        .collect()
}
