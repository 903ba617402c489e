use crate::{admin::{Parameter, SubnetU16}, mock::*, pallet::Error, *};
use frame_support::{assert_noop, assert_ok};

fn origin(who: AccountId) -> RuntimeOrigin {
    RuntimeOrigin::signed(who)
}

fn set(p: Parameter) {
    assert_ok!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), p));
}

fn chain() -> ExtBuilder {
    ExtBuilder::default()
        .balance(1, 1_000 * TAO)
        .balance(2, 1_000 * TAO)
        .balance(3, TAO / 2)
        .subnet(1, 10, 11, 1_000 * TAO)
}

#[test]
fn genesis_owner_hotkey_is_uid_zero() {
    chain().build_and_execute(|| {
        assert_eq!(SubnetworkN::<Test>::get(1), 1);
        assert_eq!(Keys::<Test>::get(1, 0), Some(11));
        assert_eq!(Uids::<Test>::get(1, 11), Some(0));
        assert_eq!(MaxAllowedUids::<Test>::get(ROOT_NETUID), 64);
    });
}

#[test]
fn burned_register_swaps_the_burn_into_the_pool_and_destroys_the_alpha() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 21));
        assert_eq!(Uids::<Test>::get(1, 21), Some(1));
        assert_eq!(Keys::<Test>::get(1, 1), Some(21));
        assert_eq!(Owner::<Test>::get(21), Some(1));
        assert_eq!(Balances::free_balance(1), 999 * TAO);
        assert_eq!(SubnetTAO::<Test>::get(1), 1_001 * TAO);
        // 1 TAO bought alpha from the pool, and that alpha was burned.
        assert!(SubnetAlphaIn::<Test>::get(1) < 1_000 * TAO);
        assert_eq!(SubnetAlphaOut::<Test>::get(1), 0);
        assert_eq!(RAORecycledForRegistration::<Test>::get(1), TAO);
        assert_eq!(RegistrationsThisBlock::<Test>::get(1), 1);
        System::assert_last_event(Event::NeuronRegistered(1, 1, 21).into());
    });
}

#[test]
fn burned_register_bad_inputs_change_nothing() {
    chain().build_and_execute(|| {
        assert_noop!(SubtensorModule::burned_register(origin(1), ROOT_NETUID, 21), Error::<Test>::RegistrationNotPermittedOnRootSubnet);
        assert_noop!(SubtensorModule::burned_register(origin(1), 9, 21), Error::<Test>::SubNetworkDoesNotExist);
        assert_noop!(SubtensorModule::burned_register(origin(1), 1, 11), Error::<Test>::HotKeyAlreadyRegisteredInSubNet);
        assert_noop!(SubtensorModule::burned_register(origin(3), 1, 31), Error::<Test>::NotEnoughBalanceToStake);
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(2), 25));
        assert_noop!(SubtensorModule::burned_register(origin(1), 1, 25), Error::<Test>::NonAssociatedColdKey);
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 21));
        assert_noop!(SubtensorModule::burned_register(origin(2), 1, 22), Error::<Test>::TooManyRegistrationsThisBlock);
        set(Parameter::NetworkRegistrationAllowed { netuid: 1, allowed: false });
        run_blocks(2, 2);
        assert_noop!(SubtensorModule::burned_register(origin(2), 1, 22), Error::<Test>::SubNetRegistrationDisabled);
    });
}

#[test]
fn a_full_subnet_of_immune_neurons_refuses_then_prunes_the_lowest_score() {
    chain().build_and_execute(|| {
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedUids, value: 2 });
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::ImmunityPeriod, value: 10 });
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 21));
        run_blocks(2, 2);
        // The owner's hotkey is never pruned; 21 is still immune.
        assert_noop!(SubtensorModule::burned_register(origin(2), 1, 22), Error::<Test>::AllNeuronsImmune);
        run_blocks(3, 12);
        assert_ok!(SubtensorModule::burned_register(origin(2), 1, 22));
        assert_eq!(Keys::<Test>::get(1, 1), Some(22));
        assert_eq!(Uids::<Test>::get(1, 21), None);
        assert_eq!(SubnetworkN::<Test>::get(1), 2);
    });
}

#[test]
fn burn_adjusts_every_interval_towards_the_target() {
    chain().build_and_execute(|| {
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::AdjustmentInterval, value: 5 });
        let burn = Burn::<Test>::get(1);
        run_blocks(2, 4);
        assert_eq!(Burn::<Test>::get(1), burn);
        // No registration in the interval: the burn falls by ~1.5 % (0.97 + 0.03 · ½).
        run_blocks(5, 5);
        assert!(Burn::<Test>::get(1).abs_diff(burn * 985 / 1000) < 10_000, "{}", Burn::<Test>::get(1));
        assert_eq!(LastAdjustmentBlock::<Test>::get(1), 5);
    });
}

#[test]
fn root_register_replaces_the_smallest_root_stake_when_full() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(1), 31));
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(2), 32));
        assert_ok!(SubtensorModule::add_stake(origin(1), 31, ROOT_NETUID, 10 * TAO));
        assert_ok!(SubtensorModule::add_stake(origin(2), 32, ROOT_NETUID, 20 * TAO));
        set(Parameter::SubnetU16 { netuid: ROOT_NETUID, item: SubnetU16::MaxAllowedUids, value: 1 });
        assert_ok!(SubtensorModule::root_register(origin(1), 31));
        assert_eq!(Uids::<Test>::get(ROOT_NETUID, 31), Some(0));
        assert_eq!(Delegates::<Test>::get(31), 11_796);
        run_blocks(2, 2);
        assert_noop!(SubtensorModule::root_register(origin(1), 33), Error::<Test>::StakeTooLowForRoot);
        assert_noop!(SubtensorModule::root_register(origin(1), 31), Error::<Test>::HotKeyAlreadyRegisteredInSubNet);
        assert_ok!(SubtensorModule::root_register(origin(2), 32));
        assert_eq!(Keys::<Test>::get(ROOT_NETUID, 0), Some(32));
        assert_eq!(Uids::<Test>::get(ROOT_NETUID, 31), None);
    });
}
