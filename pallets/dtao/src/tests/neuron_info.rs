//! `get_neurons`, `get_neuron`, `get_neurons_lite`, `get_neuron_lite`: the reference's
//! `NeuronInfo` / `NeuronInfoLite` filled from storage, their encoding, and bad input.
use crate::{
    client_info::neuron::{NeuronInfo, NeuronInfoLite},
    mock::*,
    serving::{AxonInfo, PrometheusInfo},
    *,
};
use codec::{Compact, Encode};
use frame_support::assert_ok;

/// 10.0.0.1.
const IP4: u128 = 0x0A00_0001;

/// Alpha bought by staking 10 TAO (less the 50_000 rao fee) into a 1_000/1_000 TAO pool:
/// 10^12 · 9_999_950_000 / (10^12 + 9_999_950_000) = 9_900_941_084.2…, rounded down.
const ALPHA_21: u64 = 9_900_941_084;

/// Subnet 1: owner hotkey 11 (coldkey 10) at uid 0, hotkey 21 (coldkey 1) at uid 1 with
/// 10 TAO staked by 1.
fn chain() -> ExtBuilder {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .neuron(1, 1, 21)
        .stake(1, 21, 1, 10 * TAO)
}

/// Per-uid vectors with distinct values for uid 1, sparse weights and bonds with zeros.
fn fill_uid_1() {
    Rank::<Test>::insert(1, vec![0, 100]);
    Trust::<Test>::insert(1, vec![0, 200]);
    Consensus::<Test>::insert(1, vec![0, 300]);
    Incentive::<Test>::insert(1, vec![0, 400]);
    Dividends::<Test>::insert(1, vec![0, 500]);
    ValidatorTrust::<Test>::insert(1, vec![0, 600]);
    Emission::<Test>::insert(1, vec![0, 700]);
    LastUpdate::<Test>::insert(1, vec![0, 8]);
    ValidatorPermit::<Test>::insert(1, vec![false, true]);
    Active::<Test>::insert(1, vec![true, false]);
    PruningScores::<Test>::insert(1, vec![0, 900]);
    Weights::<Test>::insert(1, 1, vec![(0, 65_535), (1, 0)]);
    Bonds::<Test>::insert(1, 1, vec![(0, 0), (1, 42)]);
}

fn expected_uid_1() -> NeuronInfo<AccountId> {
    NeuronInfo {
        hotkey: 21,
        coldkey: 1,
        uid: Compact(1),
        netuid: Compact(1),
        active: false,
        axon_info: AxonInfo { block: 1, version: 7, ip: IP4, port: 8091, ip_type: 4, protocol: 0, placeholder1: 0, placeholder2: 0 },
        prometheus_info: PrometheusInfo::default(),
        stake: vec![(1, Compact(ALPHA_21))],
        rank: Compact(100),
        emission: Compact(700),
        incentive: Compact(400),
        consensus: Compact(300),
        trust: Compact(200),
        validator_trust: Compact(600),
        dividends: Compact(500),
        last_update: Compact(8),
        validator_permit: true,
        weights: vec![(Compact(0), Compact(65_535))],
        bonds: vec![(Compact(1), Compact(42))],
        pruning_score: Compact(900),
    }
}

#[test]
fn get_neuron_fills_every_field_from_storage() {
    chain().build_and_execute(|| {
        fill_uid_1();
        assert_ok!(SubtensorModule::serve_axon(RuntimeOrigin::signed(21), 1, 7, IP4, 8091, 4, 0, 0, 0));
        assert_eq!(SubtensorModule::get_neuron(1, 1), Some(expected_uid_1()));
        let lite = SubtensorModule::get_neuron_lite(1, 1).expect("uid 1 exists");
        let e = expected_uid_1();
        assert_eq!(
            lite,
            NeuronInfoLite {
                hotkey: e.hotkey,
                coldkey: e.coldkey,
                uid: e.uid,
                netuid: e.netuid,
                active: e.active,
                axon_info: e.axon_info,
                prometheus_info: e.prometheus_info,
                stake: e.stake,
                rank: e.rank,
                emission: e.emission,
                incentive: e.incentive,
                consensus: e.consensus,
                trust: e.trust,
                validator_trust: e.validator_trust,
                dividends: e.dividends,
                last_update: e.last_update,
                validator_permit: e.validator_permit,
                pruning_score: e.pruning_score,
            }
        );
    });
}

#[test]
fn stake_is_the_owner_with_the_hotkeys_whole_alpha() {
    chain().balance(2, 100 * TAO).build_and_execute(|| {
        // Coldkey 2 nominates 21 too: the reference still lists one pair, the owner (1) with
        // the hotkey's total alpha on the subnet.
        assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(2), 21, 1, 10 * TAO));
        let total = TotalHotkeyAlpha::<Test>::get(21, 1);
        assert!(total > ALPHA_21);
        let n = SubtensorModule::get_neuron(1, 1).expect("uid 1 exists");
        assert_eq!(n.stake, vec![(1, Compact(total))]);
        // The owner's hotkey holds no stake.
        assert_eq!(SubtensorModule::get_neuron_lite(1, 0).map(|n| n.stake), Some(vec![(10, Compact(0))]));
    });
}

#[test]
fn get_neurons_lists_uids_in_order() {
    chain().build_and_execute(|| {
        fill_uid_1();
        assert_ok!(SubtensorModule::serve_prometheus(RuntimeOrigin::signed(11), 1, 2, IP4, 9090, 4));
        let all = SubtensorModule::get_neurons(1);
        assert_eq!(all.iter().map(|n| (n.uid.0, n.hotkey, n.coldkey)).collect::<Vec<_>>(), vec![(0, 11, 10), (1, 21, 1)]);
        assert_eq!(all[0].prometheus_info, PrometheusInfo { block: 1, version: 2, ip: IP4, port: 9090, ip_type: 4 });
        assert_eq!(all[0].axon_info, AxonInfo::default());
        assert_eq!((all[0].active, all[0].pruning_score.0, all[0].weights.len()), (true, 0, 0));
        let lite = SubtensorModule::get_neurons_lite(1);
        assert_eq!(lite.len(), 2);
        assert_eq!(lite[1].emission, Compact(700));
        assert_eq!(lite[0], SubtensorModule::get_neuron_lite(1, 0).expect("uid 0 exists"));
    });
}

#[test]
fn past_the_end_of_a_vector_reads_the_reference_defaults() {
    chain().build_and_execute(|| {
        for v in [Rank::<Test>::insert, Trust::<Test>::insert, PruningScores::<Test>::insert] {
            v(1, vec![5]);
        }
        Active::<Test>::insert(1, vec![true]);
        ValidatorPermit::<Test>::insert(1, vec![true]);
        Emission::<Test>::insert(1, vec![5]);
        LastUpdate::<Test>::insert(1, vec![5]);
        let n = SubtensorModule::get_neuron(1, 1).expect("uid 1 exists");
        assert_eq!((n.rank.0, n.trust.0, n.emission.0, n.last_update.0), (0, 0, 0, 0));
        assert_eq!((n.active, n.validator_permit), (false, false));
        // `get_pruning_score_for_uid` reads a missing entry as u16::MAX.
        assert_eq!(n.pruning_score, Compact(u16::MAX));
    });
}

#[test]
fn missing_subnet_or_uid_gives_nothing() {
    chain().build_and_execute(|| {
        assert_eq!(SubtensorModule::get_neuron(1, 2), None);
        assert_eq!(SubtensorModule::get_neuron_lite(1, 2), None);
        assert_eq!(SubtensorModule::get_neuron(9, 0), None);
        assert_eq!(SubtensorModule::get_neuron_lite(9, 0), None);
        assert!(SubtensorModule::get_neurons(9).is_empty());
        assert!(SubtensorModule::get_neurons_lite(9).is_empty());
        // Root exists and has no neurons.
        assert!(SubtensorModule::get_neurons(ROOT_NETUID).is_empty());
        // A hotkey served on a subnet that does not exist is still no neuron there.
        assert_ok!(SubtensorModule::serve_axon(RuntimeOrigin::signed(21), 9, 7, IP4, 8091, 4, 0, 0, 0));
        assert!(SubtensorModule::get_neurons(9).is_empty());
    });
}

#[test]
fn get_neurons_stops_at_the_first_uid_without_a_hotkey() {
    chain().build_and_execute(|| {
        Keys::<Test>::remove(1, 0);
        assert!(SubtensorModule::get_neurons(1).is_empty());
        assert!(SubtensorModule::get_neurons_lite(1).is_empty());
        assert_eq!(SubtensorModule::get_neuron(1, 0), None);
        assert_eq!(SubtensorModule::get_neuron(1, 1).map(|n| n.hotkey), Some(21));
        // A hotkey without an owner reads as the all-zero account.
        Owner::<Test>::remove(21);
        assert_eq!(SubtensorModule::get_neuron(1, 1).map(|n| (n.coldkey, n.stake)), Some((0, vec![(0, Compact(ALPHA_21))])));
    });
}

#[test]
fn lite_encoding_is_the_reference_layout() {
    chain().build_and_execute(|| {
        // uid 0: hotkey 11, coldkey 10, nothing served, every per-uid value 0 except active.
        let mut bytes = Vec::new();
        bytes.extend(11u64.to_le_bytes());
        bytes.extend(10u64.to_le_bytes());
        bytes.extend([0, 4, 1]); // uid C(0), netuid C(1) = 1 << 2, active
        bytes.extend([0u8; 8 + 4 + 16 + 2 + 4]); // AxonInfo: block, version, ip, port, 4 × u8
        bytes.extend([0u8; 8 + 4 + 16 + 2 + 1]); // PrometheusInfo
        bytes.push(4); // one stake pair
        bytes.extend(10u64.to_le_bytes());
        bytes.push(0); // C(0) alpha
        // rank, emission, incentive, consensus, trust, validator_trust, dividends,
        // last_update (C(0) each), validator_permit false, pruning_score C(0).
        bytes.extend([0u8; 10]);
        assert_eq!(SubtensorModule::get_neuron_lite(1, 0).map(|n| n.encode()), Some(bytes.clone()));
        // The full one: weights and bonds (both empty) between validator_permit and
        // pruning_score.
        let mut full = bytes;
        full.pop();
        full.extend([0, 0, 0]);
        assert_eq!(SubtensorModule::get_neuron(1, 0).map(|n| n.encode()), Some(full));
    });
}
