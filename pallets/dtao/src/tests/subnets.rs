use crate::{mock::*, pallet::Error, *};
use frame_support::{assert_noop, assert_ok};

fn origin(who: AccountId) -> RuntimeOrigin {
    RuntimeOrigin::signed(who)
}

#[test]
fn register_network_seeds_the_pool_and_burns_the_rest_of_the_lock() {
    ExtBuilder::default()
        .balance(1, 5_000 * TAO)
        .network_params(100 * TAO, 10, 0)
        .build_and_execute(|| {
            System::set_block_number(100);
            let issuance = TotalIssuance::<Test>::get();
            assert_eq!(SubtensorModule::get_network_lock_cost(), 100 * TAO);
            assert_ok!(SubtensorModule::register_network(origin(1), 2));
            assert_eq!(SubnetTAO::<Test>::get(1), 100 * TAO);
            assert_eq!(SubnetAlphaIn::<Test>::get(1), 100 * TAO);
            assert_eq!(SubnetAlphaOut::<Test>::get(1), 0);
            assert_eq!(SubnetOwner::<Test>::get(1), Some(1));
            assert_eq!(SubnetOwnerHotkey::<Test>::get(1), Some(2));
            assert_eq!(Owner::<Test>::get(2), Some(1));
            assert_eq!(Tempo::<Test>::get(1), 360);
            assert_eq!(NetworkRegisteredAt::<Test>::get(1), 100);
            assert_eq!(Balances::free_balance(1), 4_900 * TAO);
            assert_eq!(TotalIssuance::<Test>::get(), issuance);

            // The next registration costs double; the lock above the pool seed leaves issuance.
            assert_eq!(SubtensorModule::get_network_lock_cost(), 200 * TAO);
            assert_ok!(SubtensorModule::register_network(origin(1), 3));
            assert_eq!(SubnetTAO::<Test>::get(2), 100 * TAO);
            assert_eq!(TotalIssuance::<Test>::get(), issuance - 100 * TAO);
            System::assert_last_event(Event::NetworkAdded(2, DYNAMIC_MECHANISM).into());

            // It decays linearly over the reduction interval (100_800 blocks at 1 TAO/block).
            System::set_block_number(100 + 50_400);
            assert_eq!(SubtensorModule::get_network_lock_cost(), 400 * TAO - 200 * TAO / 100_800 * 50_400);
        });
}

#[test]
fn register_network_bad_inputs_change_nothing() {
    ExtBuilder::default()
        .balance(1, 5_000 * TAO)
        .balance(4, TAO)
        .network_params(100 * TAO, 10, 7_200)
        .build_and_execute(|| {
            System::set_block_number(10_000);
            assert_noop!(SubtensorModule::register_network(origin(4), 5), Error::<Test>::NotEnoughBalanceToStake);
            assert_ok!(SubtensorModule::register_network(origin(1), 2));
            assert_noop!(SubtensorModule::register_network(origin(1), 3), Error::<Test>::NetworkTxRateLimitExceeded);
            System::set_block_number(20_000);
            assert_noop!(SubtensorModule::register_network(origin(4), 2), Error::<Test>::NonAssociatedColdKey);
        });
}

#[test]
fn start_call_starts_emission_after_the_delay() {
    ExtBuilder::default()
        .balance(1, 5_000 * TAO)
        .network_params(100 * TAO, 10, 0)
        .build_and_execute(|| {
            System::set_block_number(5);
            assert_ok!(SubtensorModule::register_network(origin(1), 2));
            // `ensure_subnet_owner` answers a non-owner with BadOrigin; root has no owner.
            assert_noop!(SubtensorModule::start_call(origin(1), ROOT_NETUID), sp_runtime::DispatchError::BadOrigin);
            assert_noop!(SubtensorModule::start_call(origin(1), 7), Error::<Test>::SubNetworkDoesNotExist);
            assert_noop!(SubtensorModule::start_call(origin(9), 1), sp_runtime::DispatchError::BadOrigin);
            assert_noop!(SubtensorModule::start_call(origin(1), 1), Error::<Test>::NeedWaitingMoreBlocksToStarCall);
            System::set_block_number(15);
            assert_ok!(SubtensorModule::start_call(origin(1), 1));
            assert_eq!(FirstEmissionBlockNumber::<Test>::get(1), Some(16));
            assert_noop!(SubtensorModule::start_call(origin(1), 1), Error::<Test>::FirstEmissionBlockNumberAlreadySet);
        });
}

#[test]
fn parameters_are_root_only_and_validated() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        use admin::Parameter;
        assert_noop!(
            SubtensorModule::sudo_set_parameter(origin(10), Parameter::SubnetOwnerCut(0)),
            sp_runtime::DispatchError::BadOrigin
        );
        assert_ok!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), Parameter::Tempo { netuid: 1, tempo: 10 }));
        assert_eq!(Tempo::<Test>::get(1), 10);
        assert_noop!(
            SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), Parameter::Tempo { netuid: 5, tempo: 10 }),
            Error::<Test>::SubNetworkDoesNotExist
        );
        assert_noop!(
            SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), Parameter::NetworkMinLockCost(5)),
            Error::<Test>::InvalidParameter
        );
        assert_noop!(
            SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), Parameter::SubnetMovingAlphaBits(-1)),
            Error::<Test>::InvalidParameter
        );
    });
}

#[test]
fn register_network_with_exactly_the_lock_pays_it_less_the_existential_deposit() {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .network_params(100 * TAO, 10, 0)
        .build_and_execute(|| {
            System::set_block_number(100);
            let issuance = TotalIssuance::<Test>::get();
            // Lock max(100 TAO, 100 TAO − ⌊100e9 / 100_800⌋·100) = 100 TAO = the balance. The
            // reference accepts (reducible to 0) and withdraws best-effort keeping ED = 500:
            // 99_999_999_500 is paid and recorded as the last lock.
            assert_eq!(SubtensorModule::get_network_lock_cost(), 100 * TAO);
            assert_ok!(SubtensorModule::register_network(origin(1), 2));
            assert_eq!(Balances::free_balance(1), 500);
            assert_eq!(NetworkLastLockCost::<Test>::get(), Some(100 * TAO - 500));
            // The pool is seeded with the full NetworkMinLockCost, as in the reference; the
            // 500 rao it lacks are counted as issued here (docs/emission.md §9).
            assert_eq!(SubnetTAO::<Test>::get(1), 100 * TAO);
            assert_eq!(SubnetAlphaIn::<Test>::get(1), 100 * TAO);
            assert_eq!(TotalIssuance::<Test>::get(), issuance + 500);
            System::assert_has_event(Event::NetworkLockPaid { netuid: 1, lock: 100 * TAO - 500, pool: 100 * TAO, burned: 0 }.into());
            // Next lock, same block: 2 · 99_999_999_500.
            assert_eq!(SubtensorModule::get_network_lock_cost(), 199_999_999_000);
        });
}

#[test]
fn an_unset_last_lock_reads_as_the_initial_minimum() {
    ExtBuilder::default().build_and_execute(|| {
        // The reference's NetworkLastLockCost defaults to InitialNetworkMinLockCost (1_000
        // TAO), whatever NetworkMinLockCost is now. Block 1, never registered (mult 1):
        // 1e12 − ⌊1e12 / 100_800⌋·1 = 999_990_079_366 > 100 TAO.
        assert_ok!(SubtensorModule::sudo_set_parameter(
            RuntimeOrigin::root(),
            admin::Parameter::NetworkMinLockCost(100 * TAO)
        ));
        assert_eq!(NetworkLastLockCost::<Test>::get(), None);
        assert_eq!(SubtensorModule::get_network_lock_cost(), 999_990_079_366);
    });
}

#[test]
fn a_new_subnet_gets_the_explicit_values_of_init_new_network() {
    ExtBuilder::default()
        .balance(1, 5_000 * TAO)
        .network_params(100 * TAO, 10, 0)
        .build_and_execute(|| {
            assert_ok!(SubtensorModule::register_network(origin(1), 2));
            assert_eq!(MaxAllowedUids::<Test>::get(1), 256);
            assert_eq!(MaxAllowedValidators::<Test>::get(1), 64);
            assert_eq!(MinAllowedWeights::<Test>::get(1), 1);
            assert_eq!(MaxWeightsLimit::<Test>::get(1), u16::MAX);
            assert_eq!(AdjustmentInterval::<Test>::get(1), 360);
            assert_eq!(TargetRegistrationsPerInterval::<Test>::get(1), 1);
            assert_eq!(AdjustmentAlpha::<Test>::get(1), 17_893_341_751_498_265_066);
            assert_eq!(ImmunityPeriod::<Test>::get(1), 5_000);
            assert_eq!(MinDifficulty::<Test>::get(1), u64::MAX);
            assert_eq!(MaxDifficulty::<Test>::get(1), u64::MAX);
            assert_eq!(Tempo::<Test>::get(1), 360);
            assert!(NetworkRegistrationAllowed::<Test>::get(1));
            // Defaults the reference stores explicitly.
            assert!(Kappa::<Test>::contains_key(1));
            assert!(Difficulty::<Test>::contains_key(1));
            assert!(ActivityCutoff::<Test>::contains_key(1));
            assert!(RegistrationsThisInterval::<Test>::contains_key(1));
            assert!(POWRegistrationsThisInterval::<Test>::contains_key(1));
            assert!(BurnRegistrationsThisInterval::<Test>::contains_key(1));
            // `create_account_if_non_existent` for the owner hotkey.
            assert_eq!(StakingHotkeys::<Test>::get(1), vec![2]);
            assert_eq!(OwnedHotkeys::<Test>::get(1), vec![2]);
        });
}

#[test]
fn register_network_with_identity_stores_it_and_refuses_overlong_fields() {
    use crate::client_info::subnet::SubnetIdentityV2;
    let identity = |name_len: usize| SubnetIdentityV2 {
        subnet_name: vec![b'n'; name_len],
        github_repo: b"https://github.com/x/y".to_vec(),
        discord: vec![b'd'; 256],
        ..Default::default()
    };
    ExtBuilder::default()
        .balance(1, 5_000 * TAO)
        .network_params(100 * TAO, 10, 0)
        .build_and_execute(|| {
            System::set_block_number(100);
            // The name may be 256 bytes (the reference's limit), not 257.
            assert_noop!(
                SubtensorModule::register_network_with_identity(origin(1), 2, Some(identity(257))),
                Error::<Test>::InvalidIdentity
            );
            assert_ok!(SubtensorModule::register_network_with_identity(origin(1), 2, Some(identity(256))));
            assert_eq!(SubnetIdentitiesV2::<Test>::get(1), Some(identity(256)));
            assert_eq!(SubnetTAO::<Test>::get(1), 100 * TAO);
            System::assert_has_event(Event::SubnetIdentitySet(1).into());
            System::assert_last_event(Event::NetworkAdded(1, DYNAMIC_MECHANISM).into());
            // Without an identity it is `register_network`.
            assert_ok!(SubtensorModule::register_network_with_identity(origin(1), 3, None));
            assert_eq!(SubnetIdentitiesV2::<Test>::get(2), None);
        });
}
