//! `Registry` on the real runtime, with the reference runtime's `AllowIdentityReg` rules and
//! deposits: a subnet owner names itself; a coldkey names a hotkey it owns once the hotkey has
//! a root UID; nobody else may; clearing releases the 0.1 TAO deposit; every invariant
//! (`do_try_state`) holds with the deposit on hold.
mod common;
use common::dev_chain;
use dtao_runtime::{Runtime, RuntimeCall, RuntimeHoldReason, RuntimeOrigin};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use pallet_registry::{Data, HoldReason, IdentityInfo, IdentityOf};
use sp_keyring::Sr25519Keyring::{Alice, Charlie, Eve};
use sp_runtime::{traits::Dispatchable, AccountId32};

type Registry = pallet_registry::Pallet<Runtime>;
type Balances = pallet_balances::Pallet<Runtime>;
type Dtao = pallet_dtao::Pallet<Runtime>;

const DEPOSIT: u64 = 100_000_000;

fn info(name: &[u8]) -> Box<IdentityInfo<<Runtime as pallet_registry::Config>::MaxAdditionalFields>> {
    Box::new(IdentityInfo { display: Data::raw(name).unwrap(), ..Default::default() })
}

fn held(who: &AccountId32) -> u64 {
    Balances::balance_on_hold(&RuntimeHoldReason::Registry(HoldReason::RegistryIdentity), who)
}

#[test]
fn a_subnet_owner_names_itself_and_gets_the_deposit_back_on_clearing() {
    dev_chain().execute_with(|| {
        let alice = Alice.to_account_id();
        let free = Balances::free_balance(&alice);
        let call = RuntimeCall::Registry(pallet_registry::Call::set_identity {
            identified: alice.clone(),
            info: info(b"alice"),
        });
        assert_ok!(call.dispatch(RuntimeOrigin::signed(alice.clone())));
        assert_eq!(held(&alice), DEPOSIT);
        assert_eq!(Balances::free_balance(&alice), free - DEPOSIT);
        assert_eq!(IdentityOf::<Runtime>::get(&alice).unwrap().info.display, Data::raw(b"alice").unwrap());
        Dtao::do_try_state().expect("invariants hold with the deposit on hold");
        assert_ok!(Registry::clear_identity(RuntimeOrigin::signed(alice.clone()), alice.clone()));
        assert_eq!((held(&alice), Balances::free_balance(&alice)), (0, free));
        Dtao::do_try_state().expect("invariants hold after the release");
    });
}

#[test]
fn an_account_that_owns_no_subnet_cannot_name_itself() {
    dev_chain().execute_with(|| {
        let eve = Eve.to_account_id();
        assert_noop!(
            Registry::set_identity(RuntimeOrigin::signed(eve.clone()), eve, info(b"eve")),
            pallet_registry::Error::<Runtime>::CannotRegister
        );
    });
}

#[test]
fn a_coldkey_names_its_hotkey_once_the_hotkey_is_on_root() {
    dev_chain().execute_with(|| {
        let (alice, charlie) = (Alice.to_account_id(), Charlie.to_account_id());
        // Charlie is the hotkey Alice's subnet 1 was registered with, but holds no root UID.
        assert_eq!(pallet_dtao::Owner::<Runtime>::get(&charlie), Some(alice.clone()));
        assert_noop!(
            Registry::set_identity(RuntimeOrigin::signed(alice.clone()), charlie.clone(), info(b"charlie")),
            pallet_registry::Error::<Runtime>::CannotRegister
        );
        assert_ok!(Dtao::root_register(RuntimeOrigin::signed(alice.clone()), charlie.clone()));
        assert_ok!(Registry::set_identity(RuntimeOrigin::signed(alice.clone()), charlie.clone(), info(b"charlie")));
        assert_eq!(held(&alice), DEPOSIT);
        // Eve may clear neither; the owner may.
        assert_noop!(
            Registry::clear_identity(RuntimeOrigin::signed(Eve.to_account_id()), charlie.clone()),
            pallet_registry::Error::<Runtime>::CannotClear
        );
        assert_ok!(Registry::clear_identity(RuntimeOrigin::signed(alice.clone()), charlie));
        assert_eq!(held(&alice), 0);
        Dtao::do_try_state().expect("invariants hold");
    });
}
