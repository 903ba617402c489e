use crate::{admin::{Parameter, SubnetU16}, mock::*, pallet::Error, *};
use frame_support::{assert_noop, assert_ok, traits::Get};

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
fn a_full_subnet_of_immune_neurons_replaces_an_immune_one() {
    chain().build_and_execute(|| {
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedUids, value: 2 });
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::ImmunityPeriod, value: 10 });
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 21));
        run_blocks(2, 2);
        // `get_neuron_to_prune`: the owner's hotkey is skipped; 21 is immune (2 − 1 < 10) and the
        // only candidate, so the reference replaces it.
        assert_ok!(SubtensorModule::burned_register(origin(2), 1, 22));
        assert_eq!(Keys::<Test>::get(1, 1), Some(22));
        assert_eq!(Uids::<Test>::get(1, 21), None);
        assert_eq!(SubnetworkN::<Test>::get(1), 2);
        assert_eq!(PruningScores::<Test>::get(1), vec![0, u16::MAX]);
    });
}

#[test]
fn appending_pushes_the_reference_values() {
    chain().build_and_execute(|| {
        run_blocks(2, 2);
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 21));
        // `append_neuron` pushes PruningScores 0 and LastUpdate = block, and leaves StakeWeight.
        assert_eq!(PruningScores::<Test>::get(1), vec![0, 0]);
        assert_eq!(LastUpdate::<Test>::get(1), vec![0, 2]);
        assert_eq!(ValidatorPermit::<Test>::get(1), vec![false, false]);
        assert_eq!(Active::<Test>::get(1), vec![true, true]);
        assert_eq!(Rank::<Test>::get(1), vec![0, 0]);
        assert_eq!(ValidatorTrust::<Test>::get(1), vec![0, 0]);
        assert_eq!(Emission::<Test>::get(1), vec![0, 0]);
        assert!(StakeWeight::<Test>::get(1).is_empty());
        assert_eq!(BlockAtRegistration::<Test>::get(1, 1), 2);
    });
}

#[test]
fn replacing_keeps_what_the_reference_keeps() {
    chain().build_and_execute(|| {
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedUids, value: 3 });
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::ImmunityPeriod, value: 0 });
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 21));
        run_blocks(2, 2);
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 22));
        run_blocks(3, 3);
        // The owner (uid 0) has the lowest score but is never pruned; uids 1 and 2 tie on score,
        // so the earlier registration (uid 1, block 1) goes.
        PruningScores::<Test>::insert(1, vec![0, 7, 7]);
        Weights::<Test>::insert(1, 1, vec![(2, 65_535)]);
        Bonds::<Test>::insert(1, 1, vec![(2, 10)]);
        ValidatorPermit::<Test>::insert(1, vec![false, true, false]);
        Rank::<Test>::insert(1, vec![0, 100, 0]);
        ValidatorTrust::<Test>::insert(1, vec![0, 200, 0]);
        StakeWeight::<Test>::insert(1, vec![0, 300, 0]);
        for item in [Trust::<Test>::insert, Consensus::<Test>::insert, Incentive::<Test>::insert, Dividends::<Test>::insert] {
            item(1, vec![0, 9, 0]);
        }
        Emission::<Test>::insert(1, vec![0, 9, 0]);
        Active::<Test>::insert(1, vec![true, false, true]);
        assert_ok!(SubtensorModule::burned_register(origin(2), 1, 23));
        assert_eq!(Keys::<Test>::get(1, 1), Some(23));
        assert_eq!(Uids::<Test>::get(1, 23), Some(1));
        assert_eq!(Uids::<Test>::get(1, 21), None);
        assert_eq!(BlockAtRegistration::<Test>::get(1, 1), 3);
        // `get_neuron_to_prune` marks the pruned uid u16::MAX.
        assert_eq!(PruningScores::<Test>::get(1), vec![0, u16::MAX, 7]);
        // `replace_neuron` + `clear_neuron`: Active true; Emission, Trust, Consensus, Incentive,
        // Dividends 0; Bonds removed.
        assert_eq!(Active::<Test>::get(1), vec![true, true, true]);
        assert_eq!(Emission::<Test>::get(1), vec![0, 0, 0]);
        for v in [Trust::<Test>::get(1), Consensus::<Test>::get(1), Incentive::<Test>::get(1), Dividends::<Test>::get(1)] {
            assert_eq!(v, vec![0, 0, 0]);
        }
        assert!(Bonds::<Test>::get(1, 1).is_empty());
        // Kept from the old neuron: Weights, LastUpdate (block 1), ValidatorPermit, Rank,
        // ValidatorTrust, StakeWeight.
        assert_eq!(Weights::<Test>::get(1, 1), vec![(2, 65_535)]);
        assert_eq!(LastUpdate::<Test>::get(1), vec![0, 1, 2]);
        assert_eq!(ValidatorPermit::<Test>::get(1), vec![false, true, false]);
        assert_eq!(Rank::<Test>::get(1), vec![0, 100, 0]);
        assert_eq!(ValidatorTrust::<Test>::get(1), vec![0, 200, 0]);
        assert_eq!(StakeWeight::<Test>::get(1), vec![0, 300, 0]);
    });
}

#[test]
fn pruning_prefers_non_immune_and_reads_a_missing_score_as_u16_max() {
    chain().build_and_execute(|| {
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedUids, value: 3 });
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::ImmunityPeriod, value: 10 });
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 21));
        run_blocks(2, 12);
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 22));
        run_blocks(13, 13);
        // Block 13: uid 1 (registered at 1) is out of immunity, uid 2 (at 12) is not: uid 1 goes
        // although its score is higher.
        PruningScores::<Test>::insert(1, vec![0, 9, 1]);
        assert_eq!(SubtensorModule::neuron_to_prune(1, 13), Some(1));
        run_blocks(14, 30);
        // Both out of immunity. Uid 2's score is missing: the reference reads u16::MAX, so uid 1
        // (score 5) goes; reading it as 0 would pick uid 2.
        PruningScores::<Test>::insert(1, vec![0, 5]);
        assert_ok!(SubtensorModule::burned_register(origin(2), 1, 23));
        assert_eq!(Keys::<Test>::get(1, 1), Some(23));
        assert_eq!(PruningScores::<Test>::get(1), vec![0, u16::MAX]);
    });
}

#[test]
fn a_full_subnet_holding_only_the_owner_refuses() {
    chain().build_and_execute(|| {
        // AdminUtils refuses MaxAllowedUids ≤ SubnetworkN, so write it directly.
        assert_noop!(
            SubtensorModule::sudo_set_parameter(
                RuntimeOrigin::root(),
                Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedUids, value: 1 }
            ),
            Error::<Test>::InvalidParameter
        );
        MaxAllowedUids::<Test>::insert(1, 1);
        // The reference would take the burn and register nothing (`replace_neuron` skips the
        // owner's hotkey): deliberate difference.
        assert_noop!(SubtensorModule::burned_register(origin(1), 1, 21), Error::<Test>::NoNeuronIdAvailable);
        MaxAllowedUids::<Test>::insert(1, 0);
        assert_noop!(SubtensorModule::burned_register(origin(1), 1, 21), Error::<Test>::NoNeuronIdAvailable);
    });
}

#[test]
fn admin_checks_max_allowed_uids_and_validators_as_admin_utils() {
    chain().build_and_execute(|| {
        let p = |item, value| Parameter::SubnetU16 { netuid: 1, item, value };
        // n = 1: MaxAllowedUids must be above it; MaxAllowedValidators at most MaxAllowedUids.
        assert_noop!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), p(SubnetU16::MaxAllowedUids, 1)), Error::<Test>::InvalidParameter);
        set(p(SubnetU16::MaxAllowedUids, 2));
        set(p(SubnetU16::MaxAllowedValidators, 2));
        assert_noop!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), p(SubnetU16::MaxAllowedValidators, 3)), Error::<Test>::InvalidParameter);
    });
}

#[test]
fn admin_keeps_the_epoch_within_its_memory_and_weight_bounds() {
    // Ours (audit F17, F23): MaxAllowedUids ≤ 4,096, MaxAllowedValidators ≤ 128, and the
    // epoch's declared weight within one block; the reference accepts any pair.
    // The mock's `()` weights: epoch(n, v) = 2_008_668_000 + 527_537_737·n + 508_323_542·v ps
    // plus RocksDB's 25 µs per read (132 + 17·n) and 100 µs per write (91 + 9·n + v), that is
    // 14_408_668_000 + 1_852_537_737·n + 608_323_542·v ps, against frame_system's default
    // block of 10^12 ps. With 64 validators: n ≤ 511; with 128: n ≤ 489; at 511 neurons,
    // v ≤ 64.
    chain().balance(20, TAO).subnet(2, 20, 21, 1_000 * TAO).build_and_execute(|| {
        let p = |item, value| Parameter::SubnetU16 { netuid: 1, item, value };
        let refused = |item, value| {
            assert_noop!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), p(item, value)), Error::<Test>::InvalidParameter);
        };
        assert_eq!(<<Test as frame_system::Config>::BlockWeights as Get<frame_system::limits::BlockWeights>>::get().max_block.ref_time(), 1_000_000_000_000);
        // A new subnet has 256 UIDs and 64 validators.
        assert_eq!((MaxAllowedUids::<Test>::get(1), MaxAllowedValidators::<Test>::get(1)), (256, 64));
        refused(SubnetU16::MaxAllowedValidators, 129);
        set(p(SubnetU16::MaxAllowedUids, 511));
        refused(SubnetU16::MaxAllowedUids, 512);
        refused(SubnetU16::MaxAllowedValidators, 65);
        assert_eq!(MaxAllowedUids::<Test>::get(1), 511);
        // Raising the validators needs fewer UIDs, which cannot be lowered below the neurons:
        // a second subnet, at 489 × 128.
        let q = |item, value| Parameter::SubnetU16 { netuid: 2, item, value };
        set(q(SubnetU16::MaxAllowedUids, 489));
        set(q(SubnetU16::MaxAllowedValidators, 128));
        assert_noop!(
            SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), q(SubnetU16::MaxAllowedUids, 490)),
            Error::<Test>::InvalidParameter
        );
        set(q(SubnetU16::MaxAllowedValidators, 127));
        set(q(SubnetU16::MaxAllowedUids, 490));
        // Validators above the UIDs count as the UIDs.
        assert!(SubtensorModule::epoch_fits(100, 4096));
        assert!(!SubtensorModule::epoch_fits(4097, 1));
        // Root keeps its benchmarked size, 64.
        let r = |value| Parameter::SubnetU16 { netuid: ROOT_NETUID, item: SubnetU16::MaxAllowedUids, value };
        assert_noop!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), r(65)), Error::<Test>::InvalidParameter);
    });
}

#[test]
fn try_associate_hotkey_is_always_ok_and_keeps_the_owner() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(1), 50));
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(1), 50));
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(2), 50));
        assert_eq!(Owner::<Test>::get(50), Some(1));
        assert_eq!(OwnedHotkeys::<Test>::get(2), Vec::<AccountId>::new());
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

#[test]
fn root_register_accepts_any_coldkey_and_replaces_the_first_least_staked() {
    chain().build_and_execute(|| {
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(2), 32));
        // `create_account_if_non_existent` only: coldkey 1 may root-register 2's hotkey; the
        // owner stays 2.
        assert_ok!(SubtensorModule::root_register(origin(1), 32));
        assert_eq!(Owner::<Test>::get(32), Some(2));
        assert_eq!(Uids::<Test>::get(ROOT_NETUID, 32), Some(0));
        run_blocks(2, 2);
        set(Parameter::SubnetU16 { netuid: ROOT_NETUID, item: SubnetU16::MaxAllowedUids, value: 2 });
        assert_ok!(SubtensorModule::root_register(origin(1), 31));
        assert_eq!(Owner::<Test>::get(31), Some(1));
        // Full: 32 and 31 both have 0 root stake; the first in Keys order (uid 0) with the least
        // stake (strict `<`) is replaced by a staked newcomer. Its pruning score is not touched
        // (root does not go through `get_neuron_to_prune`), nor its LastUpdate.
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(1), 34));
        assert_ok!(SubtensorModule::add_stake(origin(1), 34, ROOT_NETUID, 10 * TAO));
        run_blocks(3, 3);
        assert_ok!(SubtensorModule::root_register(origin(1), 34));
        assert_eq!(Keys::<Test>::get(ROOT_NETUID, 0), Some(34));
        assert_eq!(Uids::<Test>::get(ROOT_NETUID, 32), None);
        assert_eq!(PruningScores::<Test>::get(ROOT_NETUID), vec![0, 0]);
        assert_eq!(LastUpdate::<Test>::get(ROOT_NETUID), vec![1, 2]);
        assert_eq!(BlockAtRegistration::<Test>::get(ROOT_NETUID, 0), 3);
    });
}

#[test]
fn root_register_with_no_root_slot_at_all_fails_as_the_reference() {
    chain().build_and_execute(|| {
        // MaxAllowedUids[0] = 0 with no member: the reference looks up `Keys[0][0]`
        // (`get_hotkey_for_net_and_uid`), which fails with HotKeyNotRegisteredInSubNet.
        MaxAllowedUids::<Test>::insert(ROOT_NETUID, 0);
        assert_noop!(SubtensorModule::root_register(origin(1), 31), Error::<Test>::HotKeyNotRegisteredInSubNet);
    });
}

#[test]
fn a_refused_burn_swap_takes_the_tao_out_of_issuance() {
    chain().build_and_execute(|| {
        // An empty dynamic pool refuses any swap. The burn still leaves coldkey 1 and, as a
        // deliberate difference (docs/emission.md §9), `TotalIssuance` too; the pool is
        // untouched.
        add_dynamic_subnet(2, 0, 0);
        NetworkRegistrationAllowed::<Test>::insert(2, true);
        let issuance = TotalIssuance::<Test>::get();
        let burn = Burn::<Test>::get(2);
        assert_ok!(SubtensorModule::burned_register(origin(1), 2, 21));
        assert_eq!(Balances::free_balance(1), 1_000 * TAO - burn);
        assert_eq!(TotalIssuance::<Test>::get(), issuance - burn);
        assert_eq!(SubnetTAO::<Test>::get(2), 0);
        assert_eq!(SubnetAlphaOut::<Test>::get(2), 0);
        assert_eq!(RAORecycledForRegistration::<Test>::get(2), burn);
        assert_eq!(Uids::<Test>::get(2, 21), Some(0));
    });
}
