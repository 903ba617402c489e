use crate::{mock::*, pallet::Error, *};
use frame_support::{assert_noop, assert_ok};

const COLD: AccountId = 1;
const OWNER_COLD: AccountId = 10;
const HOT: AccountId = 11;

fn origin(who: AccountId) -> RuntimeOrigin {
    RuntimeOrigin::signed(who)
}

fn chain() -> ExtBuilder {
    ExtBuilder::default()
        .balance(COLD, 100 * TAO)
        .balance(2, 1_000_000)
        .subnet(1, OWNER_COLD, HOT, 1_000 * TAO)
        .subnet(2, OWNER_COLD, 12, 1_000 * TAO)
}

#[test]
fn add_stake_swaps_tao_for_alpha_and_credits_the_position() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        // 10 TAO − 50_000 fee into a 1000/1000 TAO pool, in U110F18, floored.
        let alpha = 9_900_941_084;
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), alpha);
        assert_eq!(Balances::free_balance(COLD), 90 * TAO);
        assert_eq!(SubnetTAO::<Test>::get(1), 1_010 * TAO);
        assert_eq!(SubnetAlphaIn::<Test>::get(1), 1_000 * TAO - alpha);
        assert_eq!(SubnetAlphaOut::<Test>::get(1), alpha);
        assert_eq!(TotalStake::<Test>::get(), 2_010 * TAO);
        System::assert_last_event(
            Event::StakeAdded(COLD, HOT, 10 * TAO - 50_000, alpha, 1, 50_000).into(),
        );
    });
}

#[test]
fn remove_stake_sells_alpha_and_pays_the_coldkey() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let alpha = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        let tao = SubtensorModule::sim_swap_alpha_for_tao(1, alpha).unwrap();
        // Leaving a dynamic subnet costs at least 0.005 % of the TAO value: here ~0.0005 TAO.
        let fee = SubtensorModule::staking_fee(Some((&HOT, 1)), None, alpha);
        assert_eq!(fee, tao * 214_748 / (1 << 32));
        assert_ok!(SubtensorModule::remove_stake(origin(COLD), HOT, 1, alpha));
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), 0);
        assert_eq!(Balances::free_balance(COLD), 90 * TAO + tao - fee);
        // A round trip never returns more than it took: two fees and pool rounding stay behind.
        assert!(Balances::free_balance(COLD) < 100 * TAO - 100_000);
        assert_eq!(SubnetAlphaOut::<Test>::get(1), 0);
        System::assert_has_event(Event::StakeRemoved(COLD, HOT, tao - fee, alpha, 1, fee).into());
    });
}

#[test]
fn root_stake_is_one_to_one() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, ROOT_NETUID, 5 * TAO));
        assert_eq!(
            SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID),
            5 * TAO - 50_000
        );
        assert_eq!(SubnetTAO::<Test>::get(ROOT_NETUID), 5 * TAO);
    });
}

#[test]
fn nominators_share_hotkey_emission_pro_rata() {
    chain().balance(3, 100 * TAO).build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, ROOT_NETUID, 30 * TAO));
        assert_ok!(SubtensorModule::add_stake(origin(3), HOT, ROOT_NETUID, 10 * TAO));
        let a = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID);
        let b = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &3, ROOT_NETUID);
        // Emission credited to the hotkey "for all" (as dividends will be).
        SubtensorModule::increase_stake_for_hotkey_on_subnet(&HOT, ROOT_NETUID, 4 * TAO);
        let a2 = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID);
        let b2 = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &3, ROOT_NETUID);
        let expected_a = (4 * TAO as u128 * a as u128 / (a + b) as u128) as u64;
        assert!((a2 - a).abs_diff(expected_a) <= 2, "{} {} {} {}", a, b, a2 - a, expected_a);
        assert!((b2 - b).abs_diff(4 * TAO - expected_a) <= 2, "{}", b2 - b);
        // Keep the accounting whole: the credited alpha exists outside the root pool.
        SubnetAlphaOut::<Test>::mutate(ROOT_NETUID, |o| *o += 4 * TAO);
    });
}

#[test]
fn add_stake_bad_inputs_change_nothing() {
    chain().build_and_execute(|| {
        assert_noop!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 0), Error::<Test>::AmountTooLow);
        assert_noop!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 549_999), Error::<Test>::AmountTooLow);
        assert_noop!(SubtensorModule::add_stake(origin(COLD), HOT, 1, u64::MAX), Error::<Test>::NotEnoughBalanceToStake);
        assert_noop!(SubtensorModule::add_stake(origin(COLD), HOT, 9, TAO), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::add_stake(origin(2), HOT, 1, TAO), Error::<Test>::NotEnoughBalanceToStake);
        assert_noop!(SubtensorModule::add_stake(origin(COLD), 99, 1, TAO), Error::<Test>::HotKeyAccountNotExists);
        // Price is 1.0: an average price limit of 0.5 cannot be met.
        assert_noop!(
            SubtensorModule::add_stake_limit(origin(COLD), HOT, 1, TAO, TAO / 2, false),
            Error::<Test>::SlippageTooHigh
        );
        assert_noop!(
            SubtensorModule::add_stake_limit(origin(COLD), HOT, 1, TAO, TAO / 2, true),
            Error::<Test>::SlippageTooHigh
        );
    });
}

#[test]
fn add_stake_limit_partial_fills_up_to_the_limit() {
    chain().build_and_execute(|| {
        // (1000 + x)/1000 ≤ 1.01 allows x = 10 TAO of the 50 asked.
        assert_ok!(SubtensorModule::add_stake_limit(origin(COLD), HOT, 1, 50 * TAO, 1_010_000_000, true));
        assert_eq!(Balances::free_balance(COLD), 90 * TAO);
        assert_eq!(SubnetTAO::<Test>::get(1), 1_010 * TAO);
    });
}

#[test]
fn remove_stake_bad_inputs_change_nothing() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let held = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        assert_noop!(SubtensorModule::remove_stake(origin(COLD), HOT, 1, 0), Error::<Test>::AmountTooLow);
        assert_noop!(SubtensorModule::remove_stake(origin(COLD), HOT, 1, 400_000), Error::<Test>::AmountTooLow);
        assert_noop!(SubtensorModule::remove_stake(origin(COLD), HOT, 1, u64::MAX), Error::<Test>::InsufficientLiquidity);
        assert_noop!(SubtensorModule::remove_stake(origin(COLD), HOT, 9, TAO), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::remove_stake(origin(COLD), HOT, 1, held + 1), Error::<Test>::NotEnoughStakeToWithdraw);
        assert_noop!(SubtensorModule::remove_stake(origin(COLD), 99, 1, TAO), Error::<Test>::HotKeyAccountNotExists);
        assert_noop!(
            SubtensorModule::remove_stake_limit(origin(COLD), HOT, 1, held, 2 * TAO, false),
            Error::<Test>::SlippageTooHigh
        );
    });
}

#[test]
fn swap_and_move_stake_between_subnets() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let held = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        assert_ok!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 2, held / 2));
        let on_two = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 2);
        assert!(on_two > 0);
        assert_eq!(SubnetAlphaOut::<Test>::get(2), on_two);
        assert_ok!(SubtensorModule::move_stake(origin(COLD), HOT, 12, 2, 2, on_two));
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 2), 0);
        assert!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&12, &COLD, 2) > 0);
    });
}

#[test]
fn stake_transitions_bad_inputs_change_nothing() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let held = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 1, held), Error::<Test>::SameNetuid);
        assert_noop!(SubtensorModule::move_stake(origin(COLD), HOT, HOT, 1, 1, held), Error::<Test>::SameNetuid);
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 9, held), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 2, 0), Error::<Test>::AmountTooLow);
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 2, u64::MAX), Error::<Test>::InsufficientLiquidity);
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 2, held + 1), Error::<Test>::NotEnoughStakeToWithdraw);
        assert_noop!(
            SubtensorModule::swap_stake_limit(origin(COLD), HOT, 1, 2, held, 2 * TAO, false),
            Error::<Test>::SlippageTooHigh
        );
        assert_ok!(SubtensorModule::sudo_set_parameter(
            RuntimeOrigin::root(),
            admin::Parameter::TransferToggle { netuid: 1, allowed: false }
        ));
        assert_noop!(
            SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 1, held),
            Error::<Test>::TransferDisallowed
        );
    });
}

#[test]
fn unstake_all_alpha_restakes_on_root() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 2, 10 * TAO));
        assert_ok!(SubtensorModule::unstake_all_alpha(origin(COLD), HOT));
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), 0);
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 2), 0);
        let root = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID);
        assert!(root > 19 * TAO && root < 20 * TAO, "{root}");
        assert_ok!(SubtensorModule::unstake_all(origin(COLD), HOT));
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID), 0);
        assert_eq!(Balances::free_balance(COLD), 80 * TAO + root - 50_000);
    });
}

#[test]
fn transfer_stake_moves_ownership_and_rejects_bad_inputs() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let held = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        assert_noop!(SubtensorModule::transfer_stake(origin(COLD), COLD, HOT, 1, 1, held), Error::<Test>::SameNetuid);
        assert_noop!(SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 1, 0), Error::<Test>::AmountTooLow);
        assert_noop!(SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 1, u64::MAX), Error::<Test>::InsufficientLiquidity);
        assert_noop!(SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 9, 1, held), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 9, held), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::transfer_stake(origin(2), 3, HOT, 1, 1, held), Error::<Test>::NotEnoughStakeToWithdraw);
        assert_ok!(SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 1, held));
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), 0);
        assert!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &3, 1) > 0);
    });
}

#[test]
fn unstake_all_needs_a_known_hotkey_and_skips_empty_positions() {
    chain().build_and_execute(|| {
        assert_noop!(SubtensorModule::unstake_all(origin(COLD), 99), Error::<Test>::HotKeyAccountNotExists);
        assert_noop!(SubtensorModule::unstake_all_alpha(origin(COLD), 99), Error::<Test>::HotKeyAccountNotExists);
        // Nothing staked: succeeds and changes no balance.
        assert_ok!(SubtensorModule::unstake_all(origin(COLD), HOT));
        assert_eq!(Balances::free_balance(COLD), 100 * TAO);
    });
}

#[test]
fn try_associate_hotkey_only_once() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(COLD), 50));
        assert_eq!(Owner::<Test>::get(50), Some(COLD));
        assert_noop!(SubtensorModule::try_associate_hotkey(origin(2), 50), Error::<Test>::HotKeyAlreadyAssociated);
    });
}

#[test]
fn view_functions_quote_what_the_calls_do() {
    chain().build_and_execute(|| {
        let quote = SubtensorModule::quote_stake(1, 10 * TAO);
        assert_eq!(quote, Some(9_900_941_084));
        assert_eq!(SubtensorModule::alpha_price_bits(1), 1u128 << 32);
        assert_eq!(SubtensorModule::quote_stake(9, TAO), None);
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), quote.unwrap());
        assert_eq!(SubtensorModule::quote_unstake(1, u64::MAX), None);
        assert_eq!(SubtensorModule::network_registration_cost(), 1_000 * TAO);
    });
}
