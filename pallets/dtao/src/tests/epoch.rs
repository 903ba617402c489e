use crate::{admin::{Parameter, SubnetU16, SubnetU64}, consensus::EmissionPolicy, mock::*, pallet::Error, *};
use frame_support::{assert_noop, assert_ok};

fn origin(who: AccountId) -> RuntimeOrigin {
    RuntimeOrigin::signed(who)
}

fn set(p: Parameter) {
    assert_ok!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), p));
}

const VALIDATOR: AccountId = 31;
const MINER: AccountId = 41;
const NOMINATOR: AccountId = 5;

/// Subnet 1 (tempo 10, epochs at blocks 8, 19, 30, ...) with a staked validator and a miner.
fn network() -> ExtBuilder {
    ExtBuilder::default()
        .balance(1, 10_000 * TAO)
        .balance(2, 1_000 * TAO)
        .balance(NOMINATOR, 1_000 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
}

fn setup() {
    set(Parameter::Tempo { netuid: 1, tempo: 10 });
    set(Parameter::SubnetU64 { netuid: 1, item: SubnetU64::WeightsSetRateLimit, value: 0 });
    assert_ok!(SubtensorModule::burned_register(origin(1), 1, VALIDATOR));
    run_blocks(2, 2);
    assert_ok!(SubtensorModule::burned_register(origin(2), 1, MINER));
    assert_ok!(SubtensorModule::add_stake(origin(1), VALIDATOR, 1, 100 * TAO));
    assert_ok!(SubtensorModule::add_stake(origin(NOMINATOR), VALIDATOR, 1, 100 * TAO));
}

fn last_distribution() -> Option<(u64, u64, u64, u64)> {
    System::events().into_iter().rev().find_map(|r| match r.event {
        RuntimeEvent::SubtensorModule(Event::EmissionDistributed {
            incentives, alpha_dividends, alpha_kept, ..
        }) => Some((incentives, alpha_dividends, alpha_kept, 0)),
        _ => None,
    })
}

fn drained_alpha() -> u64 {
    System::events()
        .into_iter()
        .rev()
        .find_map(|r| match r.event {
            RuntimeEvent::SubtensorModule(Event::EmissionDrained { pending_alpha, .. }) => Some(pending_alpha),
            _ => None,
        })
        .unwrap_or(0)
}

#[test]
fn the_epoch_pays_miners_validators_and_nominators_and_loses_nothing() {
    network().build_and_execute(|| {
        setup();
        // First epoch: permits go to the largest stakes.
        run_blocks(3, 8);
        let permits = ValidatorPermit::<Test>::get(1);
        assert_eq!(permits.get(1), Some(&true));
        let v_uid = Uids::<Test>::get(1, VALIDATOR).unwrap();
        let m_uid = Uids::<Test>::get(1, MINER).unwrap();
        assert_ok!(SubtensorModule::set_weights(origin(VALIDATOR), 1, vec![m_uid], vec![u16::MAX], 0));
        assert_eq!(Weights::<Test>::get(1, v_uid), vec![(m_uid, u16::MAX)]);
        let miner_before = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&MINER, &2, 1);
        let v_before = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&VALIDATOR, &1, 1);
        let n_before = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&VALIDATOR, &NOMINATOR, 1);
        System::reset_events();
        run_blocks(9, 19);
        let (incentives, alpha_dividends, alpha_kept, _) = last_distribution().expect("epoch at 19");
        assert_eq!(incentives + alpha_dividends + alpha_kept, drained_alpha());
        assert!(incentives > 0 && alpha_dividends > 0);
        let miner_gain = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&MINER, &2, 1) - miner_before;
        assert_eq!(miner_gain, incentives);
        let v_gain = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&VALIDATOR, &1, 1) - v_before;
        let n_gain = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&VALIDATOR, &NOMINATOR, 1) - n_before;
        // The validator's coldkey also gets the 18 % take; the rest splits pro rata (50/50).
        assert!(v_gain > n_gain && n_gain > 0);
        assert!((v_gain + n_gain).abs_diff(alpha_dividends) <= 2);
        assert!(Incentive::<Test>::get(1).get(usize::from(m_uid)).copied().unwrap_or(0) > 0);
        assert!(AlphaDividendsPerSubnet::<Test>::get(1, VALIDATOR) > 0);
        assert_eq!(TotalHotkeyAlphaLastEpoch::<Test>::get(VALIDATOR, 1), TotalHotkeyAlpha::<Test>::get(VALIDATOR, 1));
    });
}

#[test]
fn set_weights_bad_inputs_change_nothing() {
    network().build_and_execute(|| {
        setup();
        run_blocks(3, 8);
        let m = Uids::<Test>::get(1, MINER).unwrap();
        let sw = |who, uids: Vec<u16>, w: Vec<u16>, key| SubtensorModule::set_weights(origin(who), 1, uids, w, key);
        assert_noop!(SubtensorModule::set_weights(origin(VALIDATOR), ROOT_NETUID, vec![0], vec![1], 0), Error::<Test>::CanNotSetRootNetworkWeights);
        assert_noop!(SubtensorModule::set_weights(origin(VALIDATOR), 9, vec![0], vec![1], 0), Error::<Test>::SubNetworkDoesNotExist);
        assert_noop!(sw(VALIDATOR, vec![m], vec![1, 2], 0), Error::<Test>::WeightVecNotEqualSize);
        assert_noop!(sw(99, vec![m], vec![1], 0), Error::<Test>::HotKeyNotRegisteredInSubNet);
        assert_noop!(sw(VALIDATOR, vec![m, m], vec![1, 1], 0), Error::<Test>::DuplicateUids);
        // The reference checks every UID for duplicates before any for validity (n = 3).
        assert_noop!(sw(VALIDATOR, vec![8, 0, 0], vec![1, 1, 1], 0), Error::<Test>::DuplicateUids);
        assert_noop!(sw(VALIDATOR, vec![7], vec![1], 0), Error::<Test>::UidVecContainInvalidOne);
        assert_noop!(sw(VALIDATOR, vec![0, 1, 2, 3], vec![1, 1, 1, 1], 0), Error::<Test>::UidsLengthExceedUidsInSubNet);
        set(Parameter::SubnetU64 { netuid: 1, item: SubnetU64::WeightsVersionKey, value: 5 });
        assert_noop!(sw(VALIDATOR, vec![m], vec![1], 4), Error::<Test>::IncorrectWeightVersionKey);
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MinAllowedWeights, value: 2 });
        assert_noop!(sw(VALIDATOR, vec![m], vec![1], 5), Error::<Test>::WeightVecLengthIsLow);
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MinAllowedWeights, value: 1 });
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxWeightsLimit, value: 40_000 });
        // A single weight on another UID normalises to 1.0 > 40000/65535 (`check_vec_max_limited`).
        assert_noop!(sw(VALIDATOR, vec![m], vec![1], 5), Error::<Test>::MaxWeightExceeded);
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxWeightsLimit, value: u16::MAX });
        set(Parameter::StakeThreshold(u64::MAX));
        assert_noop!(sw(VALIDATOR, vec![m], vec![1], 5), Error::<Test>::NotEnoughStakeToSetWeights);
        set(Parameter::StakeThreshold(0));
        set(Parameter::SubnetU64 { netuid: 1, item: SubnetU64::WeightsSetRateLimit, value: 100 });
        assert_noop!(sw(VALIDATOR, vec![m], vec![1], 5), Error::<Test>::SettingWeightsTooFast);
        set(Parameter::SubnetU64 { netuid: 1, item: SubnetU64::WeightsSetRateLimit, value: 0 });
        // One validator permit from the next epoch on: the largest stake keeps it.
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedValidators, value: 1 });
        run_blocks(9, 19);
        assert_eq!(ValidatorPermit::<Test>::get(1).get(usize::from(m)), Some(&false));
        // The miner holds no permit: weights on others are refused, a self-weight is fine.
        assert_noop!(sw(MINER, vec![0], vec![1], 5), Error::<Test>::NeuronNoValidatorPermit);
        assert_ok!(sw(MINER, vec![m], vec![1], 5));
    });
}

#[test]
fn set_weights_stores_the_reference_upscale_and_applies_the_normalised_max_limit() {
    network().build_and_execute(|| {
        setup();
        run_blocks(3, 8);
        let v = Uids::<Test>::get(1, VALIDATOR).unwrap();
        let m = Uids::<Test>::get(1, MINER).unwrap();
        let sw = |who, uids: Vec<u16>, w: Vec<u16>| SubtensorModule::set_weights(origin(who), 1, uids, w, 0);
        // `vec_u16_max_upscale_to_u16([1, 2])`: max 2 ≤ 32768, so 1 · 65535 / 2 = 32767.5 in
        // I32F32, rounded half away from zero → 32768; 2 → 65535.
        assert_ok!(sw(VALIDATOR, vec![0, m], vec![1, 2]));
        assert_eq!(Weights::<Test>::get(1, v), vec![(0, 32_768), (m, 65_535)]);
        assert_eq!(LastUpdate::<Test>::get(1).get(usize::from(v)), Some(&8));
        // MaxWeightsLimit 40000: [1, 1] upscales to [65535, 65535], normalised [0.5, 0.5];
        // 0.5 ≤ 40000/65535 = 0.61, so the reference accepts.
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxWeightsLimit, value: 40_000 });
        assert_ok!(sw(VALIDATOR, vec![0, m], vec![1, 1]));
        assert_eq!(Weights::<Test>::get(1, v), vec![(0, 65_535), (m, 65_535)]);
        // Limit 43689: [1, 2] → [32768, 65535], max normalised 65535/98303 = 2_863_296_966 bits
        // in I32F32 > 43689/65535 = 2_863_245_993 bits: refused; 43690/65535 =
        // 2_863_311_530 bits: accepted.
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxWeightsLimit, value: 43_689 });
        assert_noop!(sw(VALIDATOR, vec![0, m], vec![1, 2]), Error::<Test>::MaxWeightExceeded);
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxWeightsLimit, value: 43_690 });
        assert_ok!(sw(VALIDATOR, vec![0, m], vec![1, 2]));
        // Only a self-weight is exempt, whatever the limit.
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxWeightsLimit, value: 0 });
        assert_noop!(sw(VALIDATOR, vec![m], vec![1]), Error::<Test>::MaxWeightExceeded);
        assert_ok!(sw(VALIDATOR, vec![v], vec![7]));
        assert_eq!(Weights::<Test>::get(1, v), vec![(v, 65_535)]);
    });
}

#[test]
fn root_weights_policy_splits_tao_by_root_weights_and_can_be_switched() {
    ExtBuilder::default()
        .balance(1, 10_000 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .subnet(2, 20, 21, 1_000 * TAO)
        .build_and_execute(|| {
            // Both subnets at price 1 with a mature moving price of 1: equal shares under PriceEma.
            for n in [1, 2] {
                SubnetMovingPrice::<Test>::insert(n, substrate_fixed::types::I96F32::from_num(1u8));
            }
            assert_ok!(SubtensorModule::try_associate_hotkey(origin(1), 31));
            assert_ok!(SubtensorModule::add_stake(origin(1), 31, ROOT_NETUID, 100 * TAO));
            assert_ok!(SubtensorModule::root_register(origin(1), 31));
            // A fresh registration must wait `WeightsSetRateLimit` blocks, as in the reference.
            assert_noop!(
                SubtensorModule::set_root_weights(origin(31), vec![2], vec![1], 0),
                Error::<Test>::SettingWeightsTooFast
            );
            set(Parameter::SubnetU64 { netuid: ROOT_NETUID, item: SubnetU64::WeightsSetRateLimit, value: 0 });
            assert_ok!(SubtensorModule::set_root_weights(origin(31), vec![2], vec![1], 0));

            run_blocks(2, 2);
            assert_eq!(SubnetTaoInEmission::<Test>::get(1), TAO / 2);
            assert_eq!(SubnetTaoInEmission::<Test>::get(2), TAO / 2);

            set(Parameter::EmissionPolicy(EmissionPolicy::RootWeights));
            run_blocks(3, 4);
            assert_eq!(SubnetTaoInEmission::<Test>::get(1), 0);
            assert_eq!(SubnetTaoInEmission::<Test>::get(2), TAO);

            set(Parameter::EmissionPolicy(EmissionPolicy::PriceEma));
            run_blocks(5, 5);
            assert_eq!(SubnetTaoInEmission::<Test>::get(1), SubnetTaoInEmission::<Test>::get(2));
            assert!(SubnetTaoInEmission::<Test>::get(1) > TAO / 2 - 1_000);
        });
}

#[test]
fn root_weights_bad_inputs_change_nothing() {
    ExtBuilder::default().balance(1, 100 * TAO).subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(1), 31));
        assert_noop!(SubtensorModule::set_root_weights(origin(31), vec![1], vec![1], 0), Error::<Test>::HotKeyNotRegisteredInSubNet);
        assert_ok!(SubtensorModule::root_register(origin(1), 31));
        set(Parameter::SubnetU64 { netuid: ROOT_NETUID, item: SubnetU64::WeightsSetRateLimit, value: 0 });
        assert_noop!(SubtensorModule::set_root_weights(origin(31), vec![7], vec![1], 0), Error::<Test>::UidVecContainInvalidOne);
        assert_noop!(SubtensorModule::set_root_weights(origin(31), vec![0], vec![1], 0), Error::<Test>::UidVecContainInvalidOne);
        assert_noop!(SubtensorModule::set_root_weights(origin(31), vec![1, 1], vec![1, 1], 0), Error::<Test>::DuplicateUids);
    });
}

#[test]
fn rows_of_uids_without_a_permit_are_not_loaded_and_change_nothing() {
    // An ex-validator's weight row stays in storage (as in the reference), but the epoch
    // empties rows without a stored permit before reading them, so the pallet does not load
    // them (audit F17): the epoch's output is the same as with every row given.
    network().build_and_execute(|| {
        setup();
        run_blocks(3, 8);
        let v_uid = Uids::<Test>::get(1, VALIDATOR).unwrap();
        let m_uid = Uids::<Test>::get(1, MINER).unwrap();
        assert_ok!(SubtensorModule::set_weights(origin(VALIDATOR), 1, vec![m_uid], vec![u16::MAX], 0));
        // Take the miner's permit away (as the last epoch would for a pruned validator) and
        // give it a dense row, as a former validator would have.
        ValidatorPermit::<Test>::mutate(1, |permits| permits[usize::from(m_uid)] = false);
        assert_eq!(ValidatorPermit::<Test>::get(1)[usize::from(v_uid)], true);
        let n = SubnetworkN::<Test>::get(1);
        Weights::<Test>::insert(1, m_uid, (0..n).map(|j| (j, 1_000 + j)).collect::<Vec<_>>());

        let hotkeys = SubtensorModule::hotkeys_by_uid(1);
        let input = SubtensorModule::epoch_input(1, &hotkeys, 1_000_000_000, 19);
        assert!(input.weights[usize::from(m_uid)].is_empty());
        assert_eq!(input.weights[usize::from(v_uid)], vec![(m_uid, u16::MAX)]);
        let mut every_row = input.clone();
        every_row.weights = (0..n).map(|uid| Weights::<Test>::get(1, uid)).collect();
        assert_eq!(every_row.weights[usize::from(m_uid)].len(), usize::from(n));
        assert_eq!(dtao_math::epoch::epoch(&input), dtao_math::epoch::epoch(&every_row));
    });
}
