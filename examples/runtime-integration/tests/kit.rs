//! Tests of the example runtime, written with the pallet's test kit (`pallet_dtao::testing`),
//! as a runtime engineer would write them for their own runtime. The numbers are the
//! reference's (Subtensor `6b86ebf30`), derived by hand from its source; the derivations are
//! in the comments.
use codec::Encode;
use dtao_example_runtime::{Dtao, Runtime, RuntimeCall, RuntimeEvent, System};
use frame_support::{assert_noop, StorageHasher, Twox128};
use pallet_dtao::{
    admin::{Parameter, SubnetU64},
    testing::{self, ExtBuilder, TAO},
    Error, Event, GenesisSubnet,
};
use substrate_fixed::types::U96F32;

type Kit = ExtBuilder<Runtime>;

fn drained() -> Option<(u64, u64)> {
    System::events().into_iter().rev().find_map(|r| match r.event {
        RuntimeEvent::Dtao(Event::EmissionDrained { pending_alpha, owner_cut, .. }) => {
            Some((pending_alpha, owner_cut))
        },
        _ => None,
    })
}

#[test]
fn the_pallet_lives_under_its_own_name_and_index() {
    Kit::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        // Call index: pallet 42, `add_stake` is call 2 (the reference's index).
        let call = RuntimeCall::Dtao(pallet_dtao::Call::add_stake { hotkey: 11, netuid: 1, amount_staked: 1 });
        assert_eq!(&call.encode()[..2], &[42, 2]);
        // Storage lives under the name given in construct_runtime!.
        let key = pallet_dtao::SubnetTAO::<Runtime>::hashed_key_for(1);
        assert_eq!(&key[..16], &Twox128::hash(b"Dtao")[..]);
    });
}

#[test]
fn stake_and_unstake_at_the_reference_prices() {
    Kit::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .neuron(1, 1, 2)
        .build_and_execute(|| {
            assert_eq!(testing::price::<Runtime>(1), U96F32::from_num(1));
            // 10 TAO less the 50_000 rao fee, t = 9_999_950_000, into a 10^12 / 10^12 pool:
            // ⌊10^12 − ⌊10^24·2^18 / (10^12 + t)⌋ / 2^18⌋ = 9_900_941_084 alpha (U110F18).
            let alpha = testing::stake::<Runtime>(1, 2, 1, 10 * TAO).unwrap();
            assert_eq!(alpha, 9_900_941_084);
            // Price after: 1_010·10^9 / (10^12 − 9_900_941_084), ≈ 1.0201.
            let p = testing::price::<Runtime>(1).to_num::<f64>();
            assert!((p - 1_010e9 / (1e12 - 9_900_941_084.0)).abs() < 1e-9);
            // Selling it all back: 9_999_950_494 rao out of the pool, less the fee
            // max(⌊9_999_950_494 · 214_748 / 2^32⌋, 50_000) = 499_996.
            assert_eq!(testing::unstake::<Runtime>(1, 2, 1, alpha), Ok(9_999_950_494 - 499_996));
            assert_eq!(testing::balance_of::<Runtime>(&1), 100 * TAO - 549_502);
        });
}

#[test]
fn a_real_registration_burns_and_refuses_a_second_one_in_the_reference_order() {
    Kit::default()
        .balance(1, 10 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .build_and_execute(|| {
            // The owner hotkey is uid 0; the default burn is 1 TAO.
            assert_eq!(testing::register_neuron::<Runtime>(1, 1, 2), Ok(1));
            assert_eq!(testing::balance_of::<Runtime>(&1), 9 * TAO);
            // The reference checks the per-block limit (MaxRegistrationsPerBlock = 1) before
            // whether the hotkey is registered (`do_burned_registration`, checks 4 then 4'').
            let again = || Dtao::burned_register(frame_system::RawOrigin::Signed(1).into(), 1, 2);
            assert_noop!(again(), Error::<Runtime>::TooManyRegistrationsThisBlock);
            // Next block: 1 registration this interval < 3 × target, so the next check speaks.
            testing::run_to_block::<Runtime>(2);
            assert_noop!(again(), Error::<Runtime>::HotKeyAlreadyRegisteredInSubNet);
        });
}

#[test]
fn an_epoch_drains_what_the_blocks_emitted() {
    Kit::default()
        .balance(1, 1_000 * TAO)
        .subnet_with(GenesisSubnet {
            netuid: 1,
            owner_coldkey: 10,
            owner_hotkey: 11,
            pool: 1_000 * TAO,
            tempo: 10,
            emitting: true,
        })
        .parameter(Parameter::SubnetU64 { netuid: 1, item: SubnetU64::WeightsSetRateLimit, value: 0 })
        .neuron(1, 1, 31)
        .neuron(1, 2, 41)
        .stake(1, 31, 1, 100 * TAO)
        .build_and_execute(|| {
            // Tempo 10 on netuid 1: epochs in blocks b with (b + 2) % 11 == 10.
            assert_eq!(testing::next_epoch_block::<Runtime>(1), 8);
            assert_eq!(testing::run_to_next_epoch::<Runtime>(1), 8);
            // Per block 10^9 alpha: owner cut 10^9 × (11_796/65_535 as U96F32, 773_074_452
            // bits) = 179_995_422.xx, floored; the epoch gets ⌊10^9 − 179_995_422.xx⌋ =
            // 820_004_577. Blocks 2..=8 emitted.
            assert_eq!(drained(), Some((7 * 820_004_577, 7 * 179_995_422)));
            let miner = pallet_dtao::Uids::<Runtime>::get(1, 41).unwrap();
            testing::set_weights::<Runtime>(31, 1, vec![miner], vec![u16::MAX]).unwrap();
            assert_eq!(testing::run_to_next_epoch::<Runtime>(1), 19);
            assert_eq!(drained(), Some((11 * 820_004_577, 11 * 179_995_422)));
            // The miner was paid.
            assert!(testing::alpha_of::<Runtime>(&41, &2, 1) > 0);
        });
}
