//! Child keys and takes (reference `staking/set_children.rs`, `increase_take.rs`,
//! `decrease_take.rs` at `6b86ebf30`). The split numbers are worked by hand in U96F32 (32
//! fractional bits, products and quotients floored); see `dtao_math::epoch::childkeys`.
use crate::{mock::*, pallet::Error, *};
use frame_support::{assert_noop, assert_ok};

const OWNER: AccountId = 10;
const OWNER_HOT: AccountId = 11;
const COLD: AccountId = 1;
const PARENT: AccountId = 21;
const CHILD: AccountId = 22;
const CHILD2: AccountId = 23;
const HALF: u64 = u64::MAX / 2;
const QUARTER: u64 = u64::MAX / 4;

fn origin(who: AccountId) -> RuntimeOrigin {
    RuntimeOrigin::signed(who)
}

fn chain() -> ExtBuilder {
    ExtBuilder::default().balance(COLD, 100 * TAO).subnet(1, OWNER, OWNER_HOT, 1_000 * TAO)
}

/// Owns `hotkey` by `coldkey`.
fn own(coldkey: AccountId, hotkey: AccountId) {
    assert_ok!(SubtensorModule::try_associate_hotkey(origin(coldkey), hotkey));
}

/// Gives `hotkey` `alpha` of pool value on `netuid` with no position (the pool's value alone),
/// keeping the alpha invariant: it is outstanding alpha.
fn give_alpha(hotkey: AccountId, netuid: NetUid, alpha: u64) {
    TotalHotkeyAlpha::<Test>::mutate(hotkey, netuid, |a| *a += alpha);
    SubnetAlphaOut::<Test>::mutate(netuid, |a| *a += alpha);
}

fn link(parent: AccountId, netuid: NetUid, children: Vec<(u64, AccountId)>) {
    for (p, child) in &children {
        ParentKeys::<Test>::mutate(child, netuid, |v| v.push((*p, parent)));
    }
    ChildKeys::<Test>::insert(parent, netuid, children);
}

#[test]
fn set_children_bad_inputs_change_nothing() {
    chain().build_and_execute(|| {
        own(COLD, PARENT);
        let six: Vec<(u64, AccountId)> = (30..36).map(|c| (1, c)).collect();
        assert_noop!(SubtensorModule::set_children(origin(COLD), PARENT, 1, six), Error::<Test>::TooManyChildren);
        assert_noop!(
            SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![(u64::MAX, CHILD), (1, CHILD2)]),
            Error::<Test>::ProportionOverflow
        );
        assert_noop!(SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![(1, PARENT)]), Error::<Test>::InvalidChild);
        assert_noop!(
            SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![(1, CHILD), (2, CHILD)]),
            Error::<Test>::DuplicateChild
        );
        assert_noop!(SubtensorModule::set_children(origin(2), PARENT, 1, vec![(1, CHILD)]), Error::<Test>::NonAssociatedColdKey);
        assert_noop!(
            SubtensorModule::set_children(origin(COLD), PARENT, ROOT_NETUID, vec![(1, CHILD)]),
            Error::<Test>::RegistrationNotPermittedOnRootSubnet
        );
        assert_noop!(SubtensorModule::set_children(origin(COLD), PARENT, 9, vec![(1, CHILD)]), Error::<Test>::SubNetworkDoesNotExist);
        // Too little stake: the parent's stake in TAO (0 here) is below StakeThreshold.
        StakeThreshold::<Test>::put(1);
        assert_noop!(
            SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![(1, CHILD)]),
            Error::<Test>::NotEnoughStakeToSetChildkeys
        );
        // ... from which the subnet owner's hotkey is exempt, and so is an empty list.
        assert_ok!(SubtensorModule::set_children(origin(OWNER), OWNER_HOT, 1, vec![(1, CHILD)]));
        assert_ok!(SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![]));
        // The rate limit comes first: 150 blocks between two calls for (hotkey, netuid).
        System::set_block_number(150);
        assert_noop!(SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![(1, PARENT)]), Error::<Test>::TxRateLimitExceeded);
        System::set_block_number(151);
        assert_ok!(SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![]));
    });
}

#[test]
fn children_apply_at_the_first_epoch_block_after_the_cooldown() {
    chain().build_and_execute(|| {
        Tempo::<Test>::insert(1, 10);
        assert_ok!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), admin::Parameter::PendingChildKeyCooldown(15)));
        own(COLD, PARENT);
        assert_ok!(SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![(HALF, CHILD)]));
        // Scheduled at block 1: applies after block 1 + 15 = 16.
        assert_eq!(PendingChildKeys::<Test>::get(1, PARENT), (vec![(HALF, CHILD)], 16));
        // Epoch blocks of netuid 1, tempo 10: (n + 2) mod 11 == 10, so 8, 19, 30, ...; block 8
        // is too early (16 < 8 fails), block 19 applies.
        run_blocks(2, 18);
        assert!(ChildKeys::<Test>::get(PARENT, 1).is_empty());
        assert!(PendingChildKeys::<Test>::contains_key(1, PARENT));
        run_blocks(19, 19);
        assert_eq!(ChildKeys::<Test>::get(PARENT, 1), vec![(HALF, CHILD)]);
        assert_eq!(ParentKeys::<Test>::get(CHILD, 1), vec![(HALF, PARENT)]);
        assert!(!PendingChildKeys::<Test>::contains_key(1, PARENT));
        // An empty list revokes: the child loses the parent.
        System::set_block_number(200);
        assert_ok!(SubtensorModule::set_children(origin(COLD), PARENT, 1, vec![]));
        run_blocks(201, 229);
        assert!(ChildKeys::<Test>::get(PARENT, 1).is_empty());
        assert!(ParentKeys::<Test>::get(CHILD, 1).is_empty());
    });
}

#[test]
fn one_parent_two_children_weigh_and_split_as_the_reference() {
    chain().build_and_execute(|| {
        own(COLD, PARENT);
        own(2, CHILD);
        give_alpha(PARENT, 1, 1_000);
        give_alpha(CHILD, 1, 100);
        link(PARENT, 1, vec![(HALF, CHILD), (QUARTER, CHILD2)]);
        // p(HALF) = 0.49999999976…, p(QUARTER) = 0.24999999976…: the parent keeps
        // 1_000 − 499.99999976… − 249.99999976… = 250.00000046… → 250; the children weigh
        // 100 + 499.99999976… → 599 and 249.99999976… → 249.
        assert_eq!(SubtensorModule::inherited_stakes(&PARENT, 1).0, 250);
        assert_eq!(SubtensorModule::inherited_stakes(&CHILD, 1).0, 599);
        assert_eq!(SubtensorModule::inherited_stakes(&CHILD2, 1).0, 249);
        // Root has no child keys: own stake.
        assert_eq!(SubtensorModule::inherited_stakes(&PARENT, ROOT_NETUID).0, 0);
        // CHILD's dividend 600 with a childkey take of 6_553 (the owners differ): the parent's
        // share 499.99999995… less the take 49.99618… → 450; the child keeps 149.
        ChildkeyTake::<Test>::insert(CHILD, 1, 6_553);
        assert_eq!(SubtensorModule::dividend_recipients(&CHILD, 1, 600), vec![(PARENT, 450), (CHILD, 149)]);
        // CHILD2 owns nothing, so the parent contributes everything: it gets all 300 (no take).
        assert_eq!(SubtensorModule::dividend_recipients(&CHILD2, 1, 300), vec![(PARENT, 300), (CHILD2, 0)]);
        // The root side is lent the same way: 800 on root → the parent weighs 800 − 399.99999981…
        // − 199.99999981… = 200.00000037… → 200, CHILD 399.99999981… → 399.
        give_alpha(PARENT, ROOT_NETUID, 800);
        assert_eq!(SubtensorModule::inherited_stakes(&PARENT, 1), (250, 200));
        assert_eq!(SubtensorModule::inherited_stakes(&CHILD, 1), (599, 399));
    });
}

#[test]
fn chained_parents_weigh_and_split_as_the_reference() {
    const GRAND: AccountId = 20;
    chain().build_and_execute(|| {
        give_alpha(GRAND, 1, 2_000);
        give_alpha(PARENT, 1, 1_000);
        link(GRAND, 1, vec![(HALF, PARENT)]);
        link(PARENT, 1, vec![(QUARTER, CHILD)]);
        // PARENT: 1_000 − 1_000·p(QUARTER) + 2_000·p(HALF) = 1_749.99999976… → 1_749.
        assert_eq!(SubtensorModule::inherited_stakes(&PARENT, 1).0, 1_749);
        assert_eq!(SubtensorModule::inherited_stakes(&CHILD, 1).0, 249);
        // PARENT's dividend 1_000 (take 0): self contribution ⌊1_000·(1 − p(QUARTER))⌋ = 750,
        // GRAND's 2_000·p(HALF) = 999.99999953…; GRAND gets ⌊1_000·999.99…/1_749.99…⌋ = 571
        // (571.42857112…), PARENT keeps ⌊428.57…⌋ = 428. The shares only weigh the drain's
        // split, which then scales them to the pending alpha, so the floored rao is not lost.
        assert_eq!(SubtensorModule::dividend_recipients(&PARENT, 1, 1_000), vec![(GRAND, 571), (PARENT, 428)]);
    });
}

#[test]
fn childkey_take_bounds_and_rate_limit() {
    chain().build_and_execute(|| {
        own(COLD, CHILD);
        assert_noop!(SubtensorModule::set_childkey_take(origin(COLD), CHILD, 1, 11_797), Error::<Test>::InvalidChildkeyTake);
        assert_noop!(SubtensorModule::set_childkey_take(origin(2), CHILD, 1, 100), Error::<Test>::NonAssociatedColdKey);
        // At the bound (MaxChildkeyTake 11_796) it is accepted.
        assert_ok!(SubtensorModule::set_childkey_take(origin(COLD), CHILD, 1, 11_796));
        assert_eq!(ChildkeyTake::<Test>::get(CHILD, 1), 11_796);
        // Once per TxChildkeyTakeRateLimit (216_000) blocks per (hotkey, netuid).
        System::set_block_number(216_000);
        assert_noop!(
            SubtensorModule::set_childkey_take(origin(COLD), CHILD, 1, 0),
            Error::<Test>::TxChildkeyTakeRateLimitExceeded
        );
        System::set_block_number(216_001);
        assert_ok!(SubtensorModule::set_childkey_take(origin(COLD), CHILD, 1, 0));
        // Deliberate: a minimum set above 0 is enforced too.
        assert_ok!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), admin::Parameter::MinChildkeyTake(10)));
        System::set_block_number(500_000);
        assert_noop!(SubtensorModule::set_childkey_take(origin(COLD), CHILD, 1, 9), Error::<Test>::InvalidChildkeyTake);
    });
}

#[test]
fn delegate_take_moves_within_its_bounds_and_rate_limit() {
    chain().build_and_execute(|| {
        assert_noop!(SubtensorModule::decrease_take(origin(COLD), PARENT, 1), Error::<Test>::HotKeyAccountNotExists);
        own(COLD, PARENT);
        assert_noop!(SubtensorModule::decrease_take(origin(2), PARENT, 1), Error::<Test>::NonAssociatedColdKey);
        // No take stored yet: any take within the bounds; an increase passes the rate limit
        // (no change recorded), and up to MaxDelegateTake (11_796) only.
        assert_noop!(SubtensorModule::increase_take(origin(COLD), PARENT, 11_797), Error::<Test>::DelegateTakeTooHigh);
        assert_ok!(SubtensorModule::increase_take(origin(COLD), PARENT, 11_796));
        assert_eq!(Delegates::<Test>::get(PARENT), 11_796);
        assert_noop!(SubtensorModule::decrease_take(origin(COLD), PARENT, 11_796), Error::<Test>::DelegateTakeTooLow);
        assert_ok!(SubtensorModule::decrease_take(origin(COLD), PARENT, 5_000));
        System::assert_last_event(Event::TakeDecreased(COLD, PARENT, 5_000).into());
        // A decrease also stamps the block: an increase needs more than 216_000 blocks after it.
        System::set_block_number(216_001);
        assert_noop!(SubtensorModule::increase_take(origin(COLD), PARENT, 6_000), Error::<Test>::DelegateTxRateLimitExceeded);
        assert_noop!(SubtensorModule::increase_take(origin(COLD), PARENT, 4_000), Error::<Test>::DelegateTakeTooLow);
        System::set_block_number(216_002);
        assert_ok!(SubtensorModule::increase_take(origin(COLD), PARENT, 6_000));
        // Below MinDelegateTake: too low.
        assert_ok!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), admin::Parameter::MinDelegateTake(100)));
        assert_noop!(SubtensorModule::decrease_take(origin(COLD), PARENT, 99), Error::<Test>::DelegateTakeTooLow);
    });
}

#[test]
fn delegate_info_shows_take_and_nominators() {
    chain().build_and_execute(|| {
        // No take stored yet: not a delegate (reference `get_delegate` checks `Delegates`).
        assert_eq!(SubtensorModule::get_delegate(OWNER_HOT), None);
        assert_ok!(SubtensorModule::decrease_take(origin(OWNER), OWNER_HOT, 5_000));
        assert_ok!(SubtensorModule::add_stake(origin(COLD), OWNER_HOT, 1, 10 * TAO));
        // 10 TAO − 50_000 fee into the 1_000/1_000 TAO pool buys 9_900_941_084 alpha (U110F18).
        let alpha = 9_900_941_084u64;
        let info = SubtensorModule::get_delegate(OWNER_HOT).expect("a delegate");
        assert_eq!(info.delegate_ss58, OWNER_HOT);
        assert_eq!(info.take, codec::Compact(5_000));
        assert_eq!(info.owner_ss58, OWNER);
        assert_eq!(info.nominators, vec![(COLD, vec![(codec::Compact(1u16), codec::Compact(alpha))])]);
        // The owner hotkey is UID 0 of subnet 1; no epoch has run, so no permit, no emission,
        // and without root stake no return.
        assert_eq!(info.registrations, vec![codec::Compact(1u16)]);
        assert!(info.validator_permits.is_empty());
        assert_eq!((info.return_per_1000, info.total_daily_return), (codec::Compact(0), codec::Compact(0)));
        assert_eq!(SubtensorModule::get_delegates(), vec![info.clone()]);
        let delegated = SubtensorModule::get_delegated(COLD);
        assert_eq!(delegated.len(), 1);
        assert_eq!(delegated[0].1, (codec::Compact(1u16), codec::Compact(alpha)));
        assert!(delegated[0].0.nominators.is_empty());
    });
}
