//! The subnet, metagraph, stake and registration answers clients read (`client_info`), with
//! values worked out from the reference's `init_new_network`, its defaults and the pool
//! formulas.
use crate::{
    client_info::{metagraph::ChainIdentityV2, stake::StakeInfo, subnet::SubnetIdentityV2},
    mock::*,
    serving::AxonInfo,
    *,
};
use codec::Compact;
use substrate_fixed::types::I96F32;

type Pallet = crate::Pallet<Test>;

/// The alpha that 10 TAO less the 50_000 rao fee buys from a 1_000/1_000 TAO pool:
/// k = 10^24, new alpha reserve ⌊k·2^18 / (10^12 + 9_999_950_000)⌋ / 2^18 in U110F18,
/// alpha = ⌊10^12 − that⌋.
const ALPHA_FOR_10_TAO: u64 = 9_900_941_084;

fn c16(values: &[u16]) -> Vec<Compact<u16>> {
    values.iter().copied().map(Compact).collect()
}

fn c64(values: &[u64]) -> Vec<Compact<u64>> {
    values.iter().copied().map(Compact).collect()
}

fn bytes(b: &[u8]) -> Vec<Compact<u8>> {
    b.iter().copied().map(Compact).collect()
}

#[test]
fn dynamic_info_of_a_genesis_subnet() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        let info = Pallet::get_dynamic_info(1).expect("subnet 1 exists");
        assert_eq!(info.netuid, Compact(1));
        assert_eq!(info.owner_hotkey, 11);
        assert_eq!(info.owner_coldkey, 10);
        assert_eq!(info.subnet_name, bytes(b"apex"));
        assert_eq!(info.token_symbol, bytes("α".as_bytes()));
        assert_eq!(info.token_symbol, bytes(&[0xCE, 0xB1]));
        assert_eq!(info.tempo, Compact(360));
        // No step yet: last_step 0, and we are at block 1.
        assert_eq!(info.last_step, Compact(0));
        assert_eq!(info.blocks_since_last_step, Compact(1));
        assert_eq!(info.emission, Compact(0));
        assert_eq!(info.alpha_in, Compact(1_000 * TAO));
        assert_eq!(info.tao_in, Compact(1_000 * TAO));
        assert_eq!(info.alpha_out, Compact(0));
        assert_eq!(info.pending_alpha_emission, Compact(0));
        assert_eq!(info.subnet_volume, Compact(0));
        assert_eq!(info.network_registered_at, Compact(0));
        assert_eq!(info.subnet_identity, None);
        assert_eq!(info.moving_price, I96F32::from_num(0));
    });
}

#[test]
fn dynamic_info_follows_stake_and_blocks() {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .neuron(1, 1, 2)
        .stake(1, 2, 1, 10 * TAO)
        .build_and_execute(|| {
            let info = Pallet::get_dynamic_info(1).expect("subnet 1 exists");
            // The fee stays in the pool: 1_000 + 10 TAO.
            assert_eq!(info.tao_in, Compact(1_010 * TAO));
            assert_eq!(info.alpha_in, Compact(1_000 * TAO - ALPHA_FOR_10_TAO));
            assert_eq!(info.alpha_out, Compact(ALPHA_FOR_10_TAO));
            // Volume counts the TAO swapped (10 TAO less the fee).
            assert_eq!(info.subnet_volume, Compact(9_999_950_000));
            LastMechansimStepBlock::<Test>::insert(1, 1);
            frame_system::Pallet::<Test>::set_block_number(7);
            let info = Pallet::get_dynamic_info(1).expect("subnet 1 exists");
            assert_eq!(info.last_step, Compact(1));
            assert_eq!(info.blocks_since_last_step, Compact(6));
        });
}

#[test]
fn root_dynamic_info_has_no_owner() {
    ExtBuilder::default().build_and_execute(|| {
        let info = Pallet::get_dynamic_info(ROOT_NETUID).expect("root exists");
        assert_eq!(info.netuid, Compact(0));
        // The reference's default owner: the all-zero account, 0 in the mock.
        assert_eq!(info.owner_hotkey, 0);
        assert_eq!(info.owner_coldkey, 0);
        assert_eq!(info.subnet_name, bytes(b"root"));
        assert_eq!(info.token_symbol, bytes(&[0xCE, 0xA4])); // Τ
        assert_eq!(info.tempo, Compact(100));
    });
}

#[test]
fn all_dynamic_info_lists_every_subnet_in_storage_order() {
    ExtBuilder::default()
        .subnet(1, 10, 11, 1_000 * TAO)
        .subnet(2, 20, 21, 500 * TAO)
        .subnet(256, 30, 31, 100 * TAO)
        .build_and_execute(|| {
            let all = Pallet::get_all_dynamic_info();
            assert_eq!(all.len(), 4);
            assert!(all.iter().all(Option::is_some));
            // `NetworksAdded` keys are the netuid's two little-endian bytes (Identity), so
            // storage order is 0 (00 00), 256 (00 01), 1 (01 00), 2 (02 00).
            let netuids: Vec<u16> = all.iter().flatten().map(|d| d.netuid.0).collect();
            assert_eq!(netuids, vec![0, 256, 1, 2]);
            let d256 = all.iter().flatten().find(|d| d.netuid.0 == 256).expect("256 listed");
            assert_eq!(d256.subnet_name, bytes(b"ethiopic_wi"));
            assert_eq!(d256.token_symbol, bytes(&[0xE1, 0x8B, 0x8A])); // ዊ
            assert_eq!(d256.tao_in, Compact(100 * TAO));
            let d2 = all.iter().flatten().find(|d| d.netuid.0 == 2).expect("2 listed");
            assert_eq!(d2.owner_coldkey, 20);
            assert_eq!(d2.subnet_name, bytes(b"omron"));
            // `get_subnets_info(_v2)` list by ascending netuid instead.
            let v2: Vec<u16> = Pallet::get_subnets_info_v2().iter().flatten().map(|s| s.netuid.0).collect();
            assert_eq!(v2, vec![0, 1, 2, 256]);
            let v1: Vec<u16> = Pallet::get_subnets_info().iter().flatten().map(|s| s.netuid.0).collect();
            assert_eq!(v1, vec![0, 1, 2, 256]);
        });
}

#[test]
fn names_and_symbols_follow_the_tables() {
    ExtBuilder::default().build_and_execute(|| {
        assert_eq!(Pallet::get_name_for_subnet(438), b"ra".to_vec());
        assert_eq!(Pallet::get_symbol_for_subnet(438), vec![0xE0, 0xB6, 0xB0]); // ධ
        assert_eq!(Pallet::get_name_for_subnet(439), b"unknown".to_vec());
        assert_eq!(Pallet::get_symbol_for_subnet(439), vec![0xCE, 0xA4]);
        assert_eq!(Pallet::get_name_for_subnet(u16::MAX), b"unknown".to_vec());
        SubnetName::<Test>::insert(3, b"mine".to_vec());
        assert_eq!(Pallet::get_name_for_subnet(3), b"mine".to_vec());
        // An unset name reads as the storage default, 𝜏, only through the storage item.
        assert_eq!(SubnetName::<Test>::get(4), vec![0xF0, 0x9D, 0x9C, 0x8F]);
        assert_eq!(Pallet::get_name_for_subnet(4), b"targon".to_vec());
    });
}

#[test]
fn subnet_info_and_hyperparams_of_a_genesis_subnet() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        let identity = SubnetIdentityV2 { subnet_name: b"one".to_vec(), ..Default::default() };
        SubnetIdentitiesV2::<Test>::insert(1, identity.clone());
        let v2 = Pallet::get_subnet_info_v2(1).expect("subnet 1 exists");
        assert_eq!(v2.rho, Compact(10));
        assert_eq!(v2.kappa, Compact(32_767));
        assert_eq!(v2.difficulty, Compact(10_000_000));
        assert_eq!(v2.immunity_period, Compact(5_000));
        assert_eq!(v2.max_allowed_validators, Compact(64));
        assert_eq!(v2.min_allowed_weights, Compact(1));
        assert_eq!(v2.max_weights_limit, Compact(u16::MAX));
        assert_eq!(v2.scaling_law_power, Compact(50));
        assert_eq!(v2.subnetwork_n, Compact(1));
        assert_eq!(v2.max_allowed_uids, Compact(256));
        assert_eq!(v2.blocks_since_last_step, Compact(0));
        assert_eq!(v2.tempo, Compact(360));
        assert_eq!(v2.network_modality, Compact(0));
        assert!(v2.network_connect.is_empty());
        assert_eq!(v2.emission_value, Compact(0));
        assert_eq!(v2.burn, Compact(TAO));
        assert_eq!(v2.owner, 10);
        assert_eq!(v2.identity, Some(identity));
        let v1 = Pallet::get_subnet_info(1).expect("subnet 1 exists");
        assert_eq!(v1.emission_values, Compact(0));
        assert_eq!(v1.owner, 10);
        assert_eq!(v1.max_allowed_uids, Compact(256));

        let h = Pallet::get_subnet_hyperparams(1).expect("subnet 1 exists");
        assert_eq!(h.rho, Compact(10));
        assert_eq!(h.tempo, Compact(360));
        assert_eq!(h.min_difficulty, Compact(u64::MAX));
        assert_eq!(h.max_difficulty, Compact(u64::MAX));
        assert_eq!(h.weights_version, Compact(0));
        assert_eq!(h.weights_rate_limit, Compact(100));
        assert_eq!(h.adjustment_interval, Compact(360));
        assert_eq!(h.activity_cutoff, Compact(5_000));
        assert!(h.registration_allowed);
        assert_eq!(h.target_regs_per_interval, Compact(1));
        assert_eq!(h.min_burn, Compact(500_000));
        assert_eq!(h.max_burn, Compact(100 * TAO));
        assert_eq!(h.bonds_moving_avg, Compact(900_000));
        assert_eq!(h.max_regs_per_block, Compact(1));
        assert_eq!(h.serving_rate_limit, Compact(50));
        assert_eq!(h.max_validators, Compact(64));
        assert_eq!(h.adjustment_alpha, Compact(17_893_341_751_498_265_066));
        assert_eq!(h.difficulty, Compact(10_000_000));
        assert_eq!(h.commit_reveal_period, Compact(1));
        assert!(!h.commit_reveal_weights_enabled);
        assert_eq!(h.alpha_high, Compact(58_982));
        assert_eq!(h.alpha_low, Compact(45_875));
        assert!(!h.liquid_alpha_enabled);
    });
}

#[test]
fn missing_subnet_answers_none() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        assert_eq!(Pallet::get_subnet_info(9), None);
        assert_eq!(Pallet::get_subnet_info_v2(9), None);
        assert_eq!(Pallet::get_subnet_hyperparams(9), None);
        assert_eq!(Pallet::get_dynamic_info(9), None);
        assert_eq!(Pallet::get_metagraph(9), None);
        assert_eq!(Pallet::get_selective_metagraph(9, vec![0, 1]), None);
        assert_eq!(Pallet::get_subnet_state(9), None);
        assert_eq!(Pallet::get_subnets_info_v2().len(), 2);
    });
}

#[test]
fn metagraph_vectors_have_one_entry_per_uid() {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .neuron(1, 1, 2)
        .neuron(1, 1, 3)
        .stake(1, 2, 1, 10 * TAO)
        .build_and_execute(|| {
            let identity = ChainIdentityV2 { name: b"cold one".to_vec(), ..Default::default() };
            IdentitiesV2::<Test>::insert(1, identity.clone());
            let axon = AxonInfo { block: 1, version: 2, ip: 3, port: 4, ip_type: 4, protocol: 0, ..Default::default() };
            Axons::<Test>::insert(1, 3, axon.clone());
            let m = Pallet::get_metagraph(1).expect("subnet 1 exists");
            assert_eq!(SubnetworkN::<Test>::get(1), 3);
            assert_eq!(m.num_uids, Compact(3));
            assert_eq!(m.hotkeys, vec![11, 2, 3]);
            assert_eq!(m.coldkeys, vec![10, 1, 1]);
            assert_eq!(m.identities, vec![None, Some(identity.clone()), Some(identity)]);
            assert_eq!(m.axons, vec![AxonInfo::default(), AxonInfo::default(), axon]);
            assert_eq!(m.active, vec![true; 3]);
            assert_eq!(m.validator_permit, vec![false; 3]);
            for v in [&m.pruning_score, &m.dividends, &m.incentives, &m.consensus, &m.trust, &m.rank] {
                assert_eq!(v, &c16(&[0, 0, 0]));
            }
            assert_eq!(m.last_update, c64(&[0, 0, 0]));
            assert_eq!(m.emission, c64(&[0, 0, 0]));
            assert_eq!(m.block_at_registration, c64(&[0, 0, 0]));
            // No children, no root stake: the stakes are the hotkeys' own alpha.
            assert_eq!(m.alpha_stake, c64(&[0, ALPHA_FOR_10_TAO, 0]));
            assert_eq!(m.tao_stake, c64(&[0, 0, 0]));
            assert_eq!(m.total_stake, c64(&[0, ALPHA_FOR_10_TAO, 0]));
            assert_eq!(m.tao_dividends_per_hotkey, vec![(11, Compact(0)), (2, Compact(0)), (3, Compact(0))]);
            assert_eq!(m.alpha_dividends_per_hotkey.len(), 3);
            assert_eq!(m.name, bytes(b"apex"));
            assert_eq!(m.owner_hotkey, 11);
            assert_eq!(m.owner_coldkey, 10);
            assert_eq!(m.block, Compact(1));
            assert_eq!(m.blocks_since_last_step, Compact(1));
            assert_eq!(m.max_uids, Compact(256));
            assert_eq!(m.rho, Compact(10));
            assert_eq!(m.alpha_in, Compact(1_000 * TAO - ALPHA_FOR_10_TAO));
            assert_eq!(m.serving_rate_limit, Compact(50));
            assert!(!m.pow_registration_allowed);
            assert_eq!(Pallet::get_all_metagraphs().len(), 2);

            let s = Pallet::get_subnet_state(1).expect("subnet 1 exists");
            assert_eq!(s.hotkeys, vec![11, 2, 3]);
            assert_eq!(s.coldkeys, vec![10, 1, 1]);
            assert_eq!(s.alpha_stake, c64(&[0, ALPHA_FOR_10_TAO, 0]));
            assert_eq!(s.active.len(), 3);
            // One row per network (root and 1), one zero per UID.
            assert_eq!(s.emission_history, vec![c64(&[0, 0, 0]), c64(&[0, 0, 0])]);
        });
}

#[test]
fn root_stake_counts_with_the_tao_weight() {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .build_and_execute(|| {
            // Hotkey 11 (the owner's, uid 0 on subnet 1) holds 10 TAO of root stake (root's
            // stable pool swaps 1:1, less the 50_000 rao fee).
            assert!(crate::testing::stake::<Test>(1, 11, ROOT_NETUID, 10 * TAO).is_ok());
            let root = 10 * TAO - 50_000;
            let m = Pallet::get_metagraph(1).expect("subnet 1 exists");
            assert_eq!(m.tao_stake, c64(&[root]));
            assert_eq!(m.alpha_stake, c64(&[0]));
            // TaoWeight 971_718_665_099_567_868 / u64::MAX in U96F32 (32 fractional bits):
            // w = ⌊971_718_665_099_567_868 · 2^32 / (2^64 − 1)⌋ / 2^32 = 226_245_882 / 2^32,
            // exact in I64F64; ⌊9_999_950_000 · 226_245_882 / 2^32⌋ = 526_767_109.
            assert_eq!(m.total_stake, c64(&[526_767_109]));
        });
}

#[test]
fn selective_metagraph_answers_the_indexes_asked() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        let s = Pallet::get_selective_metagraph(1, vec![0, 7, 29, 51, 55, 56, 99]).expect("subnet 1 exists");
        // As in the reference: netuid is never copied, and 56 (validator_permit) stays None.
        assert_eq!(s.netuid, Compact(0));
        assert_eq!(s.name, Some(bytes(b"apex")));
        assert_eq!(s.tempo, Some(Compact(360)));
        assert_eq!(s.num_uids, Some(Compact(1)));
        assert_eq!(s.hotkeys, Some(vec![11]));
        assert_eq!(s.active, Some(vec![true]));
        assert_eq!(s.validator_permit, None);
        assert_eq!(s.symbol, None);
        assert_eq!(s.alpha_dividends_per_hotkey, None);
        let none = Pallet::get_selective_metagraph(1, vec![]).expect("subnet 1 exists");
        assert_eq!(none, crate::client_info::metagraph::SelectiveMetagraph::empty());
    });
}

#[test]
fn stake_info_after_staking() {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .neuron(1, 1, 2)
        .stake(1, 2, 1, 10 * TAO)
        .build_and_execute(|| {
            let expected = StakeInfo {
                hotkey: 2,
                coldkey: 1,
                netuid: Compact(1),
                stake: Compact(ALPHA_FOR_10_TAO),
                locked: Compact(0),
                emission: Compact(0),
                tao_emission: Compact(0),
                drain: Compact(0),
                is_registered: true,
            };
            assert_eq!(Pallet::get_stake_info_for_coldkey(1), vec![expected.clone()]);
            assert_eq!(
                Pallet::get_stake_info_for_coldkeys(vec![1, 99]),
                vec![(1, vec![expected.clone()]), (99, vec![])]
            );
            assert_eq!(Pallet::get_stake_info_for_coldkeys(vec![]), vec![]);
            assert_eq!(Pallet::get_stake_info_for_hotkey_coldkey_netuid(2, 1, 1), Some(expected));
            // No stake, or no subnet: still an answer, with zero stake, as in the reference.
            let empty = Pallet::get_stake_info_for_hotkey_coldkey_netuid(2, 1, 7).expect("always Some");
            assert_eq!(empty.stake, Compact(0));
            assert!(!empty.is_registered);
            assert_eq!(Pallet::get_stake_info_for_coldkey(99), vec![]);
            // The owner's coldkey holds no stake (the pool seed is not a position).
            assert_eq!(Pallet::get_stake_info_for_coldkey(10), vec![]);
        });
}

#[test]
fn stake_fee_is_the_reference_calculation() {
    ExtBuilder::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .neuron(1, 1, 2)
        .stake(1, 2, 1, 10 * TAO)
        .build_and_execute(|| {
            // Adding stake, moving within a subnet, leaving root: the flat fee.
            assert_eq!(Pallet::get_stake_fee(None, 1, Some((2, 1)), 1, 100 * TAO), 50_000);
            assert_eq!(Pallet::get_stake_fee(Some((2, 1)), 1, Some((3, 1)), 1, 100 * TAO), 50_000);
            assert_eq!(Pallet::get_stake_fee(Some((2, 0)), 1, None, 1, 100 * TAO), 50_000);
            // Selling 100 TAO of alpha into the (1_010 TAO, 1_000 TAO − ALPHA_FOR_10_TAO) pool
            // fetches ⌊T − ⌊k·2^18/(A + a)⌋/2^18⌋ = 92_652_130_257 rao (U110F18); no dividends,
            // so the fee is ⌊92_652_130_257 · 214_748 / 2^32⌋ = 4_632_598 (0.00005 in U96F32).
            assert_eq!(Pallet::get_stake_fee(Some((2, 1)), 1, None, 1, 100 * TAO), 4_632_598);
            // Half a TAO of alpha fetches 509_792_529 rao, whose 0.00005 is 25_489: the flat
            // fee is the floor.
            assert_eq!(Pallet::get_stake_fee(Some((2, 1)), 1, Some((2, 0)), 1, TAO / 2), 50_000);
        });
}

#[test]
fn registration_cost_is_the_lock_cost() {
    ExtBuilder::default().build_and_execute(|| {
        // No subnet registered yet (last lock block 0): the last lock, 1_000 TAO, once, less
        // ⌊10^12 / 100_800⌋ per block since, floored at the 1_000 TAO minimum.
        assert_eq!(Pallet::get_network_registration_cost(), 1_000 * TAO);
    });
}
