//! The transaction extension: for each covered call, pool validation rejects what the call
//! rejects (with the reference's code for that error) and accepts what it accepts, with the
//! reference's priority, and writes nothing.
use crate::{
    admin::Parameter,
    extension::{CustomTransactionError as C, SubtensorTransactionExtension, PRIORITY_VANILLA},
    mock::*,
    pallet::Error,
    *,
};
use codec::{Decode, Encode};
use frame_support::dispatch::{DispatchInfo, GetDispatchInfo};
use scale_info::{TypeDef, TypeInfo};
use sp_runtime::{
    traits::{Dispatchable, TransactionExtension, TxBaseImplication},
    transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction},
};

const COLD: AccountId = 1;
const POOR: AccountId = 2;
const OWNER_COLD: AccountId = 10;
const HOT: AccountId = 11;
const HOT2: AccountId = 12;
const NOBODY: AccountId = 99;
const U32_MAX: u64 = u32::MAX as u64;

fn chain() -> ExtBuilder {
    ExtBuilder::default()
        .balance(COLD, 100 * TAO)
        .balance(POOR, 1_000_000)
        .subnet(1, OWNER_COLD, HOT, 1_000 * TAO)
        .subnet(2, OWNER_COLD, HOT2, 1_000 * TAO)
}

/// Runs the extension's `validate` for `call` from `origin`, checking it writes nothing.
fn validate_from(origin: RuntimeOrigin, call: &RuntimeCall) -> Result<ValidTransaction, TransactionValidityError> {
    let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
    let info: DispatchInfo = call.get_dispatch_info();
    let result = SubtensorTransactionExtension::<Test>::new()
        .validate(origin, call, &info, 0, (), &TxBaseImplication(call), TransactionSource::External)
        .map(|(validity, _, _)| validity);
    assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before, "validation wrote storage");
    result
}

fn validate(who: AccountId, call: &RuntimeCall) -> Result<ValidTransaction, TransactionValidityError> {
    validate_from(RuntimeOrigin::signed(who), call)
}

fn custom(code: C) -> TransactionValidityError {
    InvalidTransaction::Custom(code as u8).into()
}

/// The pool refuses `call` with `code`, and dispatching it fails with `error`.
fn assert_rejected(who: AccountId, call: RuntimeCall, code: C, error: Error<Test>) {
    assert_eq!(validate(who, &call), Err(custom(code)), "validation of {call:?}");
    let dispatched = call.clone().dispatch(RuntimeOrigin::signed(who)).map_err(|e| e.error);
    assert_eq!(dispatched, Err(error.into()), "dispatch of {call:?}");
}

/// The pool accepts `call` with `priority` (and `longevity`), and dispatching it succeeds.
fn assert_accepted(who: AccountId, call: RuntimeCall, priority: u64, longevity: u64) {
    let validity = validate(who, &call).unwrap_or_else(|e| panic!("{call:?} refused: {e:?}"));
    assert_eq!((validity.priority, validity.longevity), (priority, longevity), "validity of {call:?}");
    assert!(call.clone().dispatch(RuntimeOrigin::signed(who)).is_ok(), "dispatch of {call:?}");
}

fn dtao(call: crate::Call<Test>) -> RuntimeCall {
    RuntimeCall::SubtensorModule(call)
}

fn add_stake(hotkey: AccountId, netuid: NetUid, amount: u64) -> RuntimeCall {
    dtao(crate::Call::add_stake { hotkey, netuid, amount_staked: amount })
}

fn remove_stake(hotkey: AccountId, netuid: NetUid, amount: u64) -> RuntimeCall {
    dtao(crate::Call::remove_stake { hotkey, netuid, amount_unstaked: amount })
}

fn set_weights(netuid: NetUid, dests: Vec<u16>, weights: Vec<u16>) -> RuntimeCall {
    dtao(crate::Call::set_weights { netuid, dests, weights, version_key: 0 })
}

#[test]
fn the_codes_and_identity_are_the_references() {
    // `impl From<CustomTransactionError> for u8` at 6b86ebf30.
    let codes = [
        (C::ColdkeyInSwapSchedule, 0),
        (C::StakeAmountTooLow, 1),
        (C::BalanceTooLow, 2),
        (C::SubnetDoesntExist, 3),
        (C::HotkeyAccountDoesntExist, 4),
        (C::NotEnoughStakeToWithdraw, 5),
        (C::RateLimitExceeded, 6),
        (C::InsufficientLiquidity, 7),
        (C::SlippageTooHigh, 8),
        (C::TransferDisallowed, 9),
        (C::HotKeyNotRegisteredInNetwork, 10),
        (C::BadRequest, 255),
    ];
    for (code, value) in codes {
        assert_eq!(code as u8, value);
    }
    assert_eq!(
        <SubtensorTransactionExtension<Test> as TransactionExtension<RuntimeCall>>::IDENTIFIER,
        "SubtensorSignedExtension"
    );
}

#[test]
fn it_encodes_to_nothing() {
    let extension = SubtensorTransactionExtension::<Test>::new();
    assert!(extension.encode().is_empty());
    assert_eq!(SubtensorTransactionExtension::<Test>::decode(&mut &[][..]), Ok(extension.clone()));
    // Decoding consumes nothing of what follows.
    let mut rest: &[u8] = &[7, 8];
    assert!(SubtensorTransactionExtension::<Test>::decode(&mut rest).is_ok());
    assert_eq!(rest, &[7, 8]);
    match SubtensorTransactionExtension::<Test>::type_info().type_def {
        TypeDef::Composite(c) => assert!(c.fields.is_empty()),
        other => panic!("not a composite: {other:?}"),
    }
    assert_eq!(extension.implicit(), Ok(()));
}

#[test]
fn add_stake_is_validated_as_the_call() {
    chain().build_and_execute(|| {
        assert_rejected(COLD, add_stake(HOT, 9, 10 * TAO), C::SubnetDoesntExist, Error::SubnetNotExists);
        // Below 500_000 + the 50_000 fee.
        assert_rejected(COLD, add_stake(HOT, 1, 549_999), C::StakeAmountTooLow, Error::AmountTooLow);
        assert_rejected(COLD, add_stake(HOT, 1, 101 * TAO), C::BalanceTooLow, Error::NotEnoughBalanceToStake);
        assert_rejected(
            COLD,
            add_stake(NOBODY, 1, 10 * TAO),
            C::HotkeyAccountDoesntExist,
            Error::HotKeyAccountNotExists,
        );
        // No earlier stake of (COLD, HOT): the priority is the amount.
        assert_accepted(COLD, add_stake(HOT, 1, 10 * TAO), 10 * TAO, u64::MAX);
        // Staked at block 1; at block 6, 5 blocks later: u32::MAX + 5 + amount.
        System::set_block_number(6);
        assert_accepted(COLD, add_stake(HOT, 1, 2 * TAO), U32_MAX + 5 + 2 * TAO, u64::MAX);
    });
}

#[test]
fn limit_orders_are_validated_with_their_limits() {
    chain().build_and_execute(|| {
        // Price 1.0: a limit of 1 rao per alpha allows nothing.
        let call = dtao(crate::Call::add_stake_limit {
            hotkey: HOT,
            netuid: 1,
            amount_staked: 10 * TAO,
            limit_price: 1,
            allow_partial: false,
        });
        assert_rejected(COLD, call, C::SlippageTooHigh, Error::SlippageTooHigh);
        let call = dtao(crate::Call::add_stake_limit {
            hotkey: HOT,
            netuid: 1,
            amount_staked: 10 * TAO,
            limit_price: 2 * TAO,
            allow_partial: false,
        });
        assert_accepted(COLD, call, 10 * TAO, u64::MAX);
        let alpha = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        // Selling at no less than 2.0 is impossible at a price near 1.0.
        let call = dtao(crate::Call::remove_stake_limit {
            hotkey: HOT,
            netuid: 1,
            amount_unstaked: alpha,
            limit_price: 2 * TAO,
            allow_partial: false,
        });
        assert_rejected(COLD, call, C::SlippageTooHigh, Error::SlippageTooHigh);
        let call = dtao(crate::Call::swap_stake_limit {
            hotkey: HOT,
            origin_netuid: 1,
            destination_netuid: 2,
            alpha_amount: alpha,
            limit_price: 2 * TAO,
            allow_partial: false,
        });
        assert_rejected(COLD, call, C::SlippageTooHigh, Error::SlippageTooHigh);
    });
}

#[test]
fn remove_stake_is_validated_as_the_call() {
    chain().stake(COLD, HOT, 1, 10 * TAO).build_and_execute(|| {
        let alpha = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        assert_rejected(COLD, remove_stake(HOT, 9, alpha), C::SubnetDoesntExist, Error::SubnetNotExists);
        // 1000 alpha sell for less than the 500_000 rao minimum.
        assert_rejected(COLD, remove_stake(HOT, 1, 1_000), C::StakeAmountTooLow, Error::AmountTooLow);
        assert_rejected(
            COLD,
            remove_stake(HOT, 1, alpha + 1),
            C::NotEnoughStakeToWithdraw,
            Error::NotEnoughStakeToWithdraw,
        );
        // Last stake at block 1 (the builder's `add_stake`), now block 1: u32::MAX + 0 + amount.
        assert_accepted(COLD, remove_stake(HOT, 1, alpha), U32_MAX + alpha, u64::MAX);
    });
}

#[test]
fn moves_are_validated_as_the_calls() {
    chain().stake(COLD, HOT, 1, 10 * TAO).build_and_execute(|| {
        let alpha = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        let move_stake = |destination_hotkey, destination_netuid, alpha_amount| {
            dtao(crate::Call::move_stake {
                origin_hotkey: HOT,
                destination_hotkey,
                origin_netuid: 1,
                destination_netuid,
                alpha_amount,
            })
        };
        assert_rejected(COLD, move_stake(HOT2, 9, alpha), C::SubnetDoesntExist, Error::SubnetNotExists);
        assert_rejected(
            COLD,
            move_stake(NOBODY, 2, alpha),
            C::HotkeyAccountDoesntExist,
            Error::HotKeyAccountNotExists,
        );
        assert_rejected(
            COLD,
            move_stake(HOT2, 2, alpha + 1),
            C::NotEnoughStakeToWithdraw,
            Error::NotEnoughStakeToWithdraw,
        );
        let swap = dtao(crate::Call::swap_stake {
            hotkey: HOT,
            origin_netuid: 1,
            destination_netuid: 7,
            alpha_amount: alpha,
        });
        assert_rejected(COLD, swap, C::SubnetDoesntExist, Error::SubnetNotExists);
        TransferToggle::<Test>::insert(2, false);
        let transfer = |destination_netuid, alpha_amount| {
            dtao(crate::Call::transfer_stake {
                destination_coldkey: POOR,
                hotkey: HOT,
                origin_netuid: 1,
                destination_netuid,
                alpha_amount,
            })
        };
        assert_rejected(COLD, transfer(2, alpha), C::TransferDisallowed, Error::TransferDisallowed);
        // Priorities follow the origin hotkey's last stake (block 1, now block 1).
        assert_accepted(COLD, transfer(1, alpha / 4), U32_MAX + alpha / 4, u64::MAX);
        assert_accepted(COLD, move_stake(HOT2, 2, alpha / 4), U32_MAX + alpha / 4, u64::MAX);
        let swap = dtao(crate::Call::swap_stake {
            hotkey: HOT,
            origin_netuid: 1,
            destination_netuid: 2,
            alpha_amount: alpha / 4,
        });
        assert_accepted(COLD, swap, U32_MAX + alpha / 4, u64::MAX);
    });
}

#[test]
fn set_weights_is_validated_as_the_call() {
    chain().neuron(1, COLD, 3).build_and_execute(|| {
        // HOT (uid 0) and 3 (uid 1) were placed at block 0; now block 10.
        System::set_block_number(10);
        assert_rejected(HOT, set_weights(9, vec![0], vec![1]), C::SubnetDoesntExist, Error::SubNetworkDoesNotExist);
        assert_rejected(
            NOBODY,
            set_weights(1, vec![0], vec![1]),
            C::HotKeyNotRegisteredInNetwork,
            Error::HotKeyNotRegisteredInSubNet,
        );
        assert_rejected(HOT, set_weights(1, vec![0, 1], vec![1]), C::BadRequest, Error::WeightVecNotEqualSize);
        // On others' UIDs without a validator permit.
        assert_rejected(HOT, set_weights(1, vec![1], vec![1]), C::BadRequest, Error::NeuronNoValidatorPermit);
        // A self-weight passes; priority u32::MAX + (10 − 0), longevity 1.
        assert_accepted(HOT, set_weights(1, vec![0], vec![1]), U32_MAX + 10, 1);
        // Again in the same block: within `WeightsSetRateLimit` (100).
        assert_rejected(HOT, set_weights(1, vec![0], vec![1]), C::RateLimitExceeded, Error::SettingWeightsTooFast);
        assert_eq!(SubtensorModule::priority_set_weights(&HOT, 1), U32_MAX);
        assert_eq!(SubtensorModule::priority_set_weights(&NOBODY, 1), 0);
    });
}

#[test]
fn weights_below_the_stake_threshold_get_the_stake_code_first() {
    chain().parameter(Parameter::StakeThreshold(TAO)).build_and_execute(|| {
        assert_rejected(
            HOT,
            set_weights(1, vec![0], vec![1]),
            C::StakeAmountTooLow,
            Error::NotEnoughStakeToSetWeights,
        );
        // The reference checks the threshold before anything: even unequal lengths get code 1.
        let call = set_weights(1, vec![0, 1], vec![1]);
        assert_eq!(validate(HOT, &call), Err(custom(C::StakeAmountTooLow)));
        let call = dtao(crate::Call::set_root_weights { netuids: vec![1], weights: vec![1], version_key: 0 });
        assert_eq!(validate(HOT, &call), Err(custom(C::StakeAmountTooLow)));
    });
}

#[test]
fn root_weights_are_validated_as_the_call() {
    chain().build_and_execute(|| {
        let call = |netuids: Vec<u16>| dtao(crate::Call::set_root_weights { netuids, weights: vec![1], version_key: 0 });
        assert_rejected(HOT, call(vec![9]), C::BadRequest, Error::UidVecContainInvalidOne);
        assert_rejected(HOT, call(vec![1]), C::HotKeyNotRegisteredInNetwork, Error::HotKeyNotRegisteredInSubNet);
    });
}

#[test]
fn burned_register_is_validated_as_the_call() {
    chain().build_and_execute(|| {
        let register = |netuid, hotkey| dtao(crate::Call::burned_register { netuid, hotkey });
        assert_rejected(COLD, register(9, 5), C::SubnetDoesntExist, Error::SubNetworkDoesNotExist);
        assert_rejected(POOR, register(1, 5), C::BalanceTooLow, Error::NotEnoughBalanceToStake);
        assert_rejected(COLD, register(1, HOT), C::BadRequest, Error::HotKeyAlreadyRegisteredInSubNet);
        assert_rejected(COLD, register(0, 5), C::BadRequest, Error::RegistrationNotPermittedOnRootSubnet);
        assert_accepted(COLD, register(1, 5), PRIORITY_VANILLA, u64::MAX);
        // One registration per block (`MaxRegistrationsPerBlock` 1).
        assert_rejected(COLD, register(1, 6), C::RateLimitExceeded, Error::TooManyRegistrationsThisBlock);
    });
}

#[test]
fn a_full_registration_interval_is_a_rate_limit_before_anything() {
    chain().build_and_execute(|| {
        // Target 2 per interval: 6 registrations fill it.
        RegistrationsThisInterval::<Test>::insert(1, 6);
        let call = dtao(crate::Call::burned_register { netuid: 1, hotkey: 5 });
        assert_rejected(COLD, call, C::RateLimitExceeded, Error::TooManyRegistrationsThisInterval);
        // Checked first, as the reference: also for a hotkey already registered there.
        let call = dtao(crate::Call::burned_register { netuid: 1, hotkey: HOT });
        assert_eq!(validate(COLD, &call), Err(custom(C::RateLimitExceeded)));
    });
}

#[test]
fn register_network_is_validated_as_the_call() {
    // `NetworkRateLimit` 7_200 by default; the last registration counts from block 0.
    chain().build_and_execute(|| {
        let call = dtao(crate::Call::register_network { hotkey: 5 });
        assert_rejected(COLD, call, C::RateLimitExceeded, Error::NetworkTxRateLimitExceeded);
    });
    chain().balance(3, 10_000 * TAO).network_params(100 * TAO, 0, 0).build_and_execute(|| {
        let call = dtao(crate::Call::register_network { hotkey: 5 });
        assert_rejected(POOR, call.clone(), C::BalanceTooLow, Error::NotEnoughBalanceToStake);
        // HOT belongs to OWNER_COLD.
        let theirs = dtao(crate::Call::register_network { hotkey: HOT });
        assert_rejected(3, theirs, C::BadRequest, Error::NonAssociatedColdKey);
        assert_accepted(3, call, PRIORITY_VANILLA, u64::MAX);
    });
}

#[test]
fn other_calls_and_unsigned_origins_pass() {
    chain().build_and_execute(|| {
        // A call the reference does not cover passes with the vanilla priority, even if its
        // dispatch would fail.
        let uncovered = dtao(crate::Call::unstake_all { hotkey: NOBODY });
        assert_eq!(validate(COLD, &uncovered).map(|v| v.priority), Ok(PRIORITY_VANILLA));
        let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
        assert_eq!(validate(COLD, &remark).map(|v| v.priority), Ok(PRIORITY_VANILLA));
        // Not signed: no check, no priority.
        let invalid = add_stake(HOT, 9, 10 * TAO);
        assert_eq!(validate_from(RuntimeOrigin::none(), &invalid), Ok(ValidTransaction::default()));
        assert_eq!(validate_from(RuntimeOrigin::root(), &invalid), Ok(ValidTransaction::default()));
    });
}

#[test]
fn the_free_calls_pay_no_fee() {
    use frame_support::dispatch::{DispatchClass, Pays};
    let info = |call: RuntimeCall| {
        let i = call.get_dispatch_info();
        (i.class, i.pays_fee)
    };
    let (normal, operational) = ((DispatchClass::Normal, Pays::No), (DispatchClass::Operational, Pays::No));
    ExtBuilder::default().build_and_execute(|| {
    assert_eq!(info(add_stake(HOT, 1, 1)), normal);
    assert_eq!(info(remove_stake(HOT, 1, 1)), normal);
    assert_eq!(info(set_weights(1, vec![], vec![])), normal);
    assert_eq!(info(dtao(crate::Call::burned_register { netuid: 1, hotkey: 5 })), normal);
    assert_eq!(info(dtao(crate::Call::root_register { hotkey: 5 })), normal);
    assert_eq!(info(dtao(crate::Call::register_network { hotkey: 5 })), operational);
    assert_eq!(info(dtao(crate::Call::unstake_all { hotkey: 5 })), operational);
    assert_eq!(info(dtao(crate::Call::decrease_take { hotkey: 5, take: 0 })), normal);
    let children = dtao(crate::Call::set_children { hotkey: 5, netuid: 1, children: vec![] });
    assert_eq!(info(children), (DispatchClass::Operational, Pays::Yes));
    assert_eq!(info(dtao(crate::Call::start_call { netuid: 1 })), (DispatchClass::Operational, Pays::Yes));
    let take = dtao(crate::Call::set_childkey_take { hotkey: 5, netuid: 1, take: 0 });
    assert_eq!(info(take), (DispatchClass::Normal, Pays::Yes));
    });
}

#[test]
fn the_storage_root_sees_a_write() {
    // The "writes nothing" checks above compare this root: a single write changes it.
    chain().build_and_execute(|| {
        let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
        LastColdkeyHotkeyStakeBlock::<Test>::insert(COLD, HOT, 1);
        assert_ne!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
    });
}

#[test]
fn serve_axon_is_validated_in_the_pool_with_the_reference_codes() {
    let axon_call = |ip: u128, port: u16| crate::Call::<Test>::serve_axon {
        netuid: 1,
        version: 1,
        ip,
        port,
        ip_type: 4,
        protocol: 0,
        placeholder1: 0,
        placeholder2: 0,
    };
    // 10.1.2.3 as a u128.
    let ip = (10 << 24) + (1 << 16) + (2 << 8) + 3;
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        // Hotkey 11 holds uid 0 on subnet 1; hotkey 99 is nowhere.
        assert_eq!(
            SubtensorModule::validate_signed_call(&99, &axon_call(ip, 8091)),
            Err(InvalidTransaction::Custom(C::HotKeyNotRegisteredInNetwork as u8).into())
        );
        // 127.0.0.1 is refused (code 11), port 0 too (code 13).
        assert_eq!(
            SubtensorModule::validate_signed_call(&11, &axon_call(0x7f00_0001, 8091)),
            Err(InvalidTransaction::Custom(11).into())
        );
        assert_eq!(
            SubtensorModule::validate_signed_call(&11, &axon_call(ip, 0)),
            Err(InvalidTransaction::Custom(13).into())
        );
        let ok = SubtensorModule::validate_signed_call(&11, &axon_call(ip, 8091)).unwrap();
        assert_eq!(ok.priority, u64::MAX);
        // Served at block 1; the default limit is 50 blocks: refused (code 12) until block 51.
        testing::run_to_block::<Test>(1);
        frame_support::assert_ok!(SubtensorModule::serve_axon(RuntimeOrigin::signed(11), 1, 1, ip, 8091, 4, 0, 0, 0));
        testing::run_to_block::<Test>(50);
        assert_eq!(
            SubtensorModule::validate_signed_call(&11, &axon_call(ip, 8091)),
            Err(InvalidTransaction::Custom(12).into())
        );
        testing::run_to_block::<Test>(51);
        assert!(SubtensorModule::validate_signed_call(&11, &axon_call(ip, 8091)).is_ok());
    });
}
