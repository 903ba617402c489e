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

/// Fuzzer finding `root-unstake-beyond-subnet-tao` (fuzz/regressions): a root position that
/// grew by root dividends sells more than `SubnetTAO[0]` holds. The pool values are the
/// reference's saturating swap, worked out by hand; the shortfall is counted so that every
/// invariant stays exact.
#[test]
fn root_unstake_beyond_the_pool_keeps_the_accounts_exact() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, ROOT_NETUID, 5 * TAO));
        // SubnetTAO[0] = 5 TAO (the 50_000 fee stays in the pool), SubnetAlphaOut[0] = 5 TAO − 50_000.
        // A root dividend of 2 TAO, as a drain pays it: TAO the root sale took from subnet 1's
        // pool, credited as root stake outside the root pool.
        SubnetTAO::<Test>::mutate(1, |t| *t -= 2 * TAO);
        TotalStake::<Test>::mutate(|t| *t -= 2 * TAO);
        SubtensorModule::increase_stake_for_hotkey_on_subnet(&HOT, ROOT_NETUID, 2 * TAO);
        RootDividendsOutsidePool::<Test>::put(2 * TAO);
        crate::testing::check_invariants::<Test>();

        let position = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID);
        // V/D = 6_999_950_000 / 4_999_950_000, truncated in U64F64, times S = 4_999_950_000
        // floors one rao short of the 7 TAO − 50_000 the hotkey holds.
        assert_eq!(position, 7 * TAO - 50_001);
        assert_ok!(SubtensorModule::remove_stake(origin(COLD), HOT, ROOT_NETUID, position));
        // The reference's state: the swap empties both root counters, then the fee returns to
        // the pool; `TotalStake` loses the whole sale: 2005 − 2 − (7 TAO − 50_001) + 50_000.
        assert_eq!(SubnetTAO::<Test>::get(ROOT_NETUID), 50_000);
        assert_eq!(SubnetAlphaOut::<Test>::get(ROOT_NETUID), 0);
        assert_eq!(TotalStake::<Test>::get(), 1_996 * TAO + 100_001);
        assert_eq!(Balances::free_balance(COLD), 102 * TAO - 100_001);
        // Our accounts: 2 TAO − 50_001 taken from `TotalStake` beyond what it held; 2 TAO − 1 of
        // the dividend alpha left root (the rao the share pool could not pay stays with the
        // hotkey); the pool's earlier fee paid out in place of dividend TAO.
        assert_eq!(TotalStakeShortfall::<Test>::get(), 2 * TAO - 50_001);
        assert_eq!(RootDividendsOutsidePool::<Test>::get(), 1);
        assert_eq!(TotalHotkeyAlpha::<Test>::get(HOT, ROOT_NETUID), 1);
        assert_eq!(StrandedTao::<Test>::get(), 50_000);
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
        // Checks in `validate_add_stake` order: the slippage check precedes the balance and
        // hotkey checks, the balance check precedes the hotkey check.
        assert_noop!(
            SubtensorModule::add_stake_limit(origin(2), 99, 1, 1_000 * TAO, TAO / 2, false),
            Error::<Test>::SlippageTooHigh
        );
        assert_noop!(SubtensorModule::add_stake(origin(2), 99, 1, TAO), Error::<Test>::NotEnoughBalanceToStake);
        assert_noop!(SubtensorModule::add_stake(origin(2), 99, 9, 0), Error::<Test>::SubnetNotExists);
        // The balance is checked on the requested amount, not on what the limit allows
        // (10 TAO here): the reference fails with NotEnoughBalanceToStake.
        assert_noop!(
            SubtensorModule::add_stake_limit(origin(COLD), HOT, 1, 1_000 * TAO, 1_010_000_000, true),
            Error::<Test>::NotEnoughBalanceToStake
        );
    });
}

#[test]
fn add_stake_of_the_whole_balance_keeps_the_existential_deposit() {
    chain().build_and_execute(|| {
        // The check accepts the whole balance (reducible to 0, `Expendable`); the withdrawal
        // is best-effort and keeps ED = 500 rao (`Preserve`), so 100 TAO − 500 is staked:
        // 100e9 − 500 − 50_000 = 99_999_949_500 TAO into the 1000/1000 TAO pool buys
        // ⌊1e12 − 1e24/(1e12 + 99_999_949_500)⌋ (U110F18) = 90_909_049_173 alpha.
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 100 * TAO));
        assert_eq!(Balances::free_balance(COLD), 500);
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), 90_909_049_173);
        assert_eq!(SubnetTAO::<Test>::get(1), 1_000 * TAO + 100 * TAO - 500);
        System::assert_last_event(Event::StakeAdded(COLD, HOT, 99_999_949_500, 90_909_049_173, 1, 50_000).into());
        assert_eq!(StakingHotkeys::<Test>::get(COLD), vec![HOT]);
    });
}

#[test]
fn withdraw_tao_takes_what_it_can_and_keeps_the_existential_deposit() {
    chain().balance(5, 500).build_and_execute(|| {
        // `remove_balance_from_coldkey_account`: 0 asked is Ok(0); BestEffort + Preserve
        // withdraws min(asked, balance − ED); nothing withdrawn of a positive amount is
        // ZeroBalanceAfterWithdrawn.
        assert_eq!(SubtensorModule::withdraw_tao(&COLD, 0), Ok(0));
        assert_eq!(SubtensorModule::withdraw_tao(&5, 100), Err(Error::<Test>::ZeroBalanceAfterWithdrawn.into()));
        assert!(SubtensorModule::can_remove_balance_from_coldkey_account(&5, 500));
        assert!(!SubtensorModule::can_remove_balance_from_coldkey_account(&5, 501));
        assert_eq!(SubtensorModule::withdraw_tao(&COLD, 200 * TAO), Ok(100 * TAO - 500));
        assert_eq!(Balances::free_balance(COLD), 500);
        // Keep the books: the burned TAO left the chain.
        SubtensorModule::note_tao_burned(100 * TAO - 500);
    });
}

#[test]
fn limit_orders_that_allow_nothing_succeed_and_move_nothing() {
    chain().build_and_execute(|| {
        // Price 1.0 and a limit of 0.5: `get_max_amount_add` is 0. With allow_partial the
        // reference validates the requested 1 TAO, withdraws 0 and runs
        // `stake_into_subnet(0, fee)`: StakeAdded with zeros, LastColdkeyHotkeyStakeBlock
        // written, no StakingHotkeys entry; the hotkey (not the caller's) becomes a delegate.
        assert_ok!(SubtensorModule::add_stake_limit(origin(COLD), HOT, 1, TAO, TAO / 2, true));
        System::assert_last_event(Event::StakeAdded(COLD, HOT, 0, 0, 1, 0).into());
        assert_eq!(Balances::free_balance(COLD), 100 * TAO);
        assert_eq!(LastColdkeyHotkeyStakeBlock::<Test>::get(COLD, HOT), Some(1));
        assert!(StakingHotkeys::<Test>::get(COLD).is_empty());
        assert!(Delegates::<Test>::contains_key(HOT));
        assert_eq!(SubnetTAO::<Test>::get(1), 1_000 * TAO);

        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let held = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        let pool = (SubnetTAO::<Test>::get(1), SubnetAlphaIn::<Test>::get(1));
        System::set_block_number(2);
        // Selling at ≥ 2.0 when the price is ~1.02: `get_max_amount_remove` is 0; the
        // reference unstakes 0 alpha for 0 TAO (the fee on 0 TAO is 0).
        assert_ok!(SubtensorModule::remove_stake_limit(origin(COLD), HOT, 1, held, 2 * TAO, true));
        System::assert_last_event(Event::StakeRemoved(COLD, HOT, 0, 0, 1, 0).into());
        assert_eq!(LastColdkeyHotkeyStakeBlock::<Test>::get(COLD, HOT), Some(2));
        // A price ratio of 2.0 when it is ~1.02: `get_max_amount_move` is 0; the unstake of 0
        // gives 0 TAO, below the minimum, so nothing is staked and 0 is moved.
        assert_ok!(SubtensorModule::swap_stake_limit(origin(COLD), HOT, 1, 2, held, 2 * TAO, true));
        System::assert_has_event(Event::StakeRemoved(COLD, HOT, 0, 0, 1, 0).into());
        System::assert_last_event(Event::StakeSwapped(COLD, HOT, 1, 2, 0).into());
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), held);
        assert_eq!((SubnetTAO::<Test>::get(1), SubnetAlphaIn::<Test>::get(1)), pool);
        assert_eq!(SubnetAlphaOut::<Test>::get(2), 0);
    });
}

#[test]
fn a_partial_add_stake_limit_of_one_rao_pays_it_as_the_fee() {
    chain().build_and_execute(|| {
        add_dynamic_subnet(3, TAO, TAO);
        // Pool 1/1 TAO, limit 1e9 + 1: max = ⌊(1e9 + 1)·1e9 / 1e9⌋ − 1e9 = 1 rao. The
        // reference puts no minimum on the partial amount: 1 rao is withdrawn and kept as the
        // fee (`tao_staked` = 0, no alpha).
        assert_ok!(SubtensorModule::add_stake_limit(origin(COLD), HOT, 3, TAO, TAO + 1, true));
        System::assert_last_event(Event::StakeAdded(COLD, HOT, 0, 0, 3, 1).into());
        assert_eq!(Balances::free_balance(COLD), 100 * TAO - 1);
        assert_eq!(SubnetTAO::<Test>::get(3), TAO + 1);
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 3), 0);
    });
}

#[test]
fn unstake_all_alpha_with_nothing_still_restakes_zero_on_root() {
    chain().build_and_execute(|| {
        // The reference calls `stake_into_subnet(root, 0, 0)` regardless.
        assert_ok!(SubtensorModule::unstake_all_alpha(origin(COLD), HOT));
        System::assert_last_event(Event::StakeAdded(COLD, HOT, 0, 0, ROOT_NETUID, 0).into());
        assert_eq!(LastColdkeyHotkeyStakeBlock::<Test>::get(COLD, HOT), Some(1));
        assert!(StakingHotkeys::<Test>::get(COLD).is_empty());
        // `unstake_all` skips every position `validate_remove_stake` rejects, empty ones
        // included: no event, no stake block.
        System::reset_events();
        assert_ok!(SubtensorModule::unstake_all(origin(COLD), 12));
        assert!(System::events().is_empty());
        assert_eq!(LastColdkeyHotkeyStakeBlock::<Test>::get(COLD, 12), None);
    });
}

#[test]
fn a_swap_within_one_subnet_round_trips_through_the_pool() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let held = 9_900_941_084;
        let half = held / 2;
        // Same netuid: fee 50_000 / 2 per leg. Selling 4_950_470_542 alpha from the
        // 1_010e9 / 990_099_058_916 pool gives 5_024_850_622 TAO, 5_024_825_622 after the fee;
        // restaking it (fee 25_000 again) buys 4_950_421_404 alpha from the
        // (1_010e9 − 5_024_850_622 + 25_000) / (990_099_058_916 + half) pool. The share price
        // stays 1, so the position is held − half + 4_950_421_404.
        assert_ok!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 1, half));
        System::assert_last_event(Event::StakeSwapped(COLD, HOT, 1, 1, 5_024_800_622).into());
        assert_eq!(
            SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1),
            held - half + 4_950_421_404
        );
        assert_eq!(SubnetTAO::<Test>::get(1), 1_010 * TAO);
        assert_eq!(SubnetAlphaIn::<Test>::get(1), 990_099_108_054);
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
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 9, held), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 9, 8, 0), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 2, 0), Error::<Test>::AmountTooLow);
        // `validate_stake_transition` order: stake before the pool simulation, hotkeys before
        // stake, the origin hotkey before the destination one.
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 2, u64::MAX), Error::<Test>::NotEnoughStakeToWithdraw);
        assert_noop!(SubtensorModule::move_stake(origin(COLD), 99, 98, 1, 2, u64::MAX), Error::<Test>::HotKeyAccountNotExists);
        assert_noop!(SubtensorModule::move_stake(origin(COLD), HOT, 98, 1, 2, u64::MAX), Error::<Test>::HotKeyAccountNotExists);
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
        assert_noop!(SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 1, 0), Error::<Test>::AmountTooLow);
        assert_noop!(SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 1, u64::MAX), Error::<Test>::NotEnoughStakeToWithdraw);
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
fn try_associate_hotkey_keeps_the_first_owner() {
    chain().build_and_execute(|| {
        // `create_account_if_non_existent`: Owner, OwnedHotkeys and StakingHotkeys.
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(COLD), 50));
        assert_eq!(Owner::<Test>::get(50), Some(COLD));
        assert_eq!(OwnedHotkeys::<Test>::get(COLD), vec![50]);
        assert_eq!(StakingHotkeys::<Test>::get(COLD), vec![50]);
        // The reference's call ignores the result: Ok, nothing changes.
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(2), 50));
        assert_eq!(Owner::<Test>::get(50), Some(COLD));
        assert!(StakingHotkeys::<Test>::get(2).is_empty());
    });
}

#[test]
fn remove_stake_limit_checks_slippage_before_hotkey_and_stake() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        // `validate_remove_stake`: subnet, TAO value, slippage, hotkey, stake.
        assert_noop!(
            SubtensorModule::remove_stake_limit(origin(COLD), 99, 1, TAO, 2 * TAO, false),
            Error::<Test>::SlippageTooHigh
        );
        assert_noop!(
            SubtensorModule::remove_stake_limit(origin(2), HOT, 1, TAO, 2 * TAO, false),
            Error::<Test>::SlippageTooHigh
        );
        assert_noop!(SubtensorModule::remove_stake(origin(2), 99, 1, TAO), Error::<Test>::HotKeyAccountNotExists);
        assert_noop!(SubtensorModule::remove_stake(origin(2), 99, 1, 1), Error::<Test>::AmountTooLow);
    });
}

#[test]
fn a_move_into_a_pool_that_refuses_the_swap_fails() {
    chain().build_and_execute(|| {
        add_dynamic_subnet(4, TAO, 10_000_100);
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, 1, 10 * TAO));
        let held = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1);
        // ~9.8 TAO into a pool holding 10_000_100 alpha would leave it below 10_000_000. The
        // reference reads the refusal as 0 alpha, which passes for a hotkey without shares on
        // subnet 4, and then burns the TAO; dtao fails, after every reference check.
        assert_noop!(SubtensorModule::swap_stake(origin(COLD), HOT, 1, 4, held), Error::<Test>::InsufficientLiquidity);
        assert_ok!(SubtensorModule::sudo_set_parameter(
            RuntimeOrigin::root(),
            admin::Parameter::TransferToggle { netuid: 1, allowed: false }
        ));
        assert_noop!(
            SubtensorModule::transfer_stake(origin(COLD), 3, HOT, 1, 4, held),
            Error::<Test>::TransferDisallowed
        );
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

#[test]
fn a_credit_too_small_for_a_share_raises_the_pool_value() {
    chain().build_and_execute(|| {
        use substrate_fixed::types::U64F64;
        // One share of 2^-64 worth 1e9 alpha: V/D overflows U64F64, so the reference's
        // `get_shares_per_update` falls back to (u/V)·D = (1000/1e9 → bits 18_446_744_073)
        // · 2^-64 = 0 shares. A zero share change is applied as non-negative: no share is
        // minted, V still grows by the full 1000 and the update (1000) is returned.
        TotalHotkeyAlpha::<Test>::insert(HOT, 1, TAO);
        TotalHotkeyShares::<Test>::insert(HOT, 1, U64F64::from_bits(1));
        Alpha::<Test>::insert((HOT, COLD, 1), U64F64::from_bits(1));
        assert!(!SubtensorModule::can_credit_one(&HOT, 1, 1_000));
        assert_eq!(SubtensorModule::increase_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &3, 1, 1_000), 1_000);
        assert_eq!(TotalHotkeyAlpha::<Test>::get(HOT, 1), TAO + 1_000);
        assert!(!Alpha::<Test>::contains_key((HOT, 3, 1)));
        assert_eq!(TotalHotkeyShares::<Test>::get(HOT, 1), U64F64::from_bits(1));
        // The one holder's position: ⌊V·S/D⌋ = V.
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, 1), TAO + 1_000);
        // Keep the books: that alpha is outstanding.
        SubnetAlphaOut::<Test>::mutate(1, |o| *o += TAO + 1_000);
    });
}

#[test]
fn a_move_below_the_minimum_strands_its_tao_as_the_reference_does() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::add_stake(origin(COLD), HOT, ROOT_NETUID, 5 * TAO));
        let held = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID);
        let (root_tao, issuance, balance) =
            (SubnetTAO::<Test>::get(ROOT_NETUID), TotalIssuance::<Test>::get(), Balances::free_balance(COLD));
        // Reference `transition_stake_internal`, root → root, 548_644 alpha (the case of the
        // public scenario-2, block 73059): fee = DefaultStakingFee 50_000 (root is involved)
        // halved per leg = 25_000; root swaps 1:1, so 548_644 TAO come out, 523_644 after the
        // fee (which stays in SubnetTAO[0]). 523_644 < 500_000 + 25_000: not restaked, not paid.
        assert_ok!(SubtensorModule::move_stake(origin(COLD), HOT, 12, ROOT_NETUID, ROOT_NETUID, 548_644));
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&HOT, &COLD, ROOT_NETUID), held - 548_644);
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&12, &COLD, ROOT_NETUID), 0);
        assert_eq!(SubnetTAO::<Test>::get(ROOT_NETUID), root_tao - 523_644);
        assert_eq!(Balances::free_balance(COLD), balance);
        // The TAO stays in TotalIssuance, as in the reference, and is counted as stranded.
        assert_eq!(TotalIssuance::<Test>::get(), issuance);
        assert_eq!(StrandedTao::<Test>::get(), 523_644);
        System::assert_has_event(
            Event::MoveTaoStranded { coldkey: COLD, hotkey: HOT, netuid: ROOT_NETUID, tao: 523_644 }.into(),
        );
    });
}
