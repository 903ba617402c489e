//! Signed extrinsics on the real runtime (audit F7): the calls the reference makes free pay
//! no fee, and the pool (`validate_transaction`, through the whole `TxExtension`) refuses the
//! invalid ones with the reference's `SubtensorSignedExtension` codes, at its priorities.
mod common;
use common::dev_chain;
use codec::Encode;
use dtao_runtime::{
    Executive, Runtime, RuntimeCall, SignedPayload, TxExtension,
    UncheckedExtrinsic, TAO,
};
use frame_support::dispatch::GetDispatchInfo;
use sp_keyring::Sr25519Keyring::{self, Alice, Charlie};
use sp_runtime::{
    generic::Era,
    traits::TransactionExtension,
    transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError},
};


fn extension(nonce: u32) -> TxExtension {
    (
        frame_system::CheckNonZeroSender::new(),
        frame_system::CheckSpecVersion::new(),
        frame_system::CheckTxVersion::new(),
        frame_system::CheckGenesis::new(),
        frame_system::CheckEra::from(Era::Immortal),
        frame_system::CheckNonce::from(nonce),
        frame_system::CheckWeight::new(),
        pallet_transaction_payment::ChargeTransactionPayment::from(0),
        pallet_dtao::extension::SubtensorTransactionExtension::new(),
    )
}

fn signed(who: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
    let ext = extension(0);
    let payload = SignedPayload::new(call.clone(), ext.clone()).expect("implicit parts");
    let signature = payload.using_encoded(|bytes| who.sign(bytes));
    UncheckedExtrinsic::new_signed(call, who.to_account_id().into(), signature.into(), ext)
}

fn pool(uxt: UncheckedExtrinsic) -> TransactionValidity {
    let parent = frame_system::Pallet::<Runtime>::block_hash(0);
    Executive::validate_transaction(TransactionSource::External, uxt, parent)
}

fn add_stake(netuid: u16, amount: u64) -> RuntimeCall {
    RuntimeCall::SubtensorModule(pallet_dtao::Call::add_stake {
        hotkey: Charlie.to_account_id(),
        netuid,
        amount_staked: amount,
    })
}

fn partial_fee(call: RuntimeCall) -> u64 {
    let uxt = signed(Alice, call);
    let len = uxt.encoded_size() as u32;
    pallet_transaction_payment::Pallet::<Runtime>::query_info(uxt, len).partial_fee
}

#[test]
fn the_extension_is_signed_as_the_reference_names_it_with_nothing_in_it() {
    let metadata = <TxExtension as TransactionExtension<RuntimeCall>>::metadata();
    let identifiers: Vec<_> = metadata.iter().map(|m| m.identifier).collect();
    // The reference's order up to its own extension (it then has two dtao does not).
    assert_eq!(
        identifiers,
        [
            "CheckNonZeroSender",
            "CheckSpecVersion",
            "CheckTxVersion",
            "CheckGenesis",
            "CheckMortality",
            "CheckNonce",
            "CheckWeight",
            "ChargeTransactionPayment",
            "SubtensorSignedExtension",
        ]
    );
    // Zero bytes explicit: the tuple encodes as the eight before it.
    let ext = extension(3);
    let (a, b, c, d, e, f, g, h, _) = ext.clone();
    assert_eq!(ext.encode(), (a, b, c, d, e, f, g, h).encode());
}

#[test]
fn free_calls_pay_nothing_and_others_pay() {
    dev_chain().execute_with(|| {
        assert_eq!(partial_fee(add_stake(1, 10 * TAO)), 0);
        let weights = RuntimeCall::SubtensorModule(pallet_dtao::Call::set_weights {
            netuid: 1,
            dests: vec![0],
            weights: vec![1],
            version_key: 0,
        });
        assert_eq!(partial_fee(weights), 0);
        let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 8] });
        assert!(partial_fee(remark) > 0);
    });
}

#[test]
fn the_pool_refuses_invalid_free_calls_with_the_reference_codes() {
    dev_chain().execute_with(|| {
        let custom = |code: u8| Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code)));
        // Unknown subnet: 3; more than the balance: 2; below the minimum stake: 1.
        assert_eq!(pool(signed(Alice, add_stake(9, 10 * TAO))), custom(3));
        assert_eq!(pool(signed(Alice, add_stake(1, 10_000_000 * TAO))), custom(2));
        assert_eq!(pool(signed(Alice, add_stake(1, 1_000))), custom(1));
    });
}

#[test]
fn valid_calls_get_the_reference_priorities() {
    dev_chain().execute_with(|| {
        // A first stake of (Alice, Charlie): the amount, plus what `ChargeTransactionPayment`
        // gives any untipped normal call (transactions of that size that fit in a block).
        let uxt = signed(Alice, add_stake(1, 10 * TAO));
        let info = uxt.get_dispatch_info();
        let payment = pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::get_priority(
            &info,
            uxt.encoded_size(),
            0,
            0,
        );
        assert!(payment > 0);
        let validity = pool(uxt).expect("valid");
        assert_eq!(validity.priority, 10 * TAO + payment);
        // Anything else: u64::MAX.
        let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 8] });
        assert_eq!(pool(signed(Alice, remark)).expect("valid").priority, u64::MAX);
    });
}
