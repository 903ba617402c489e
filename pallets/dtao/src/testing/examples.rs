//! The examples embedded (with docify) in the test kit's and the crate's documentation. Each
//! is a test; the numbers they assert are the reference's, derived by hand from its source
//! (Subtensor `6b86ebf30`), not read from our output.
use crate::{
    admin::{Parameter, SubnetU64},
    mock::{RuntimeEvent, System, Test},
    testing::{self, ExtBuilder, TAO},
    Event, GenesisSubnet, PendingEmission, Uids,
};

/// The drained amounts reported by the last `EmissionDrained` event: (alpha, owner cut).
fn last_drain() -> Option<(u64, u64)> {
    System::events().into_iter().rev().find_map(|r| match r.event {
        RuntimeEvent::SubtensorModule(Event::EmissionDrained { pending_alpha, owner_cut, .. }) => {
            Some((pending_alpha, owner_cut))
        },
        _ => None,
    })
}

/// What the last `EmissionDistributed` event reports: (incentives, alpha dividends, alpha kept).
fn last_distribution() -> Option<(u64, u64, u64)> {
    System::events().into_iter().rev().find_map(|r| match r.event {
        RuntimeEvent::SubtensorModule(Event::EmissionDistributed {
            incentives, alpha_dividends, alpha_kept, ..
        }) => Some((incentives, alpha_dividends, alpha_kept)),
        _ => None,
    })
}

#[docify::export]
#[test]
fn stake_then_unstake() {
    // Coldkey 1 holds 100 TAO; subnet 1's pool holds 1_000 TAO and 1_000 alpha; hotkey 2 (of
    // coldkey 1) is a neuron of subnet 1.
    ExtBuilder::<Test>::default()
        .balance(1, 100 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .neuron(1, 1, 2)
        .build_and_execute(|| {
            // Stake 10 TAO. The reference takes the 50_000 rao fee, then swaps
            // t = 9_999_950_000 rao into the pool in U110F18:
            //   alpha = A − k / (T + t),  A = T = 10^12, k = A·T,
            // = ⌊10^12 − ⌊10^24·2^18 / (10^12 + t)⌋ / 2^18⌋ = 9_900_941_084.
            let alpha = testing::stake::<Test>(1, 2, 1, 10 * TAO).unwrap();
            assert_eq!(alpha, 9_900_941_084);
            assert_eq!(testing::alpha_of::<Test>(&2, &1, 1), 9_900_941_084);
            assert_eq!(testing::balance_of::<Test>(&1), 90 * TAO);
            // The whole 10 TAO (fee included) is now in the pool.
            assert_eq!(crate::SubnetTAO::<Test>::get(1), 1_010 * TAO);

            // Unstake it all. Selling a = 9_900_941_084 into T' = 1_010·10^9, A' = A − a
            // yields T' − k'/(A' + a) = 9_999_950_494 rao; the fee is
            // max(⌊9_999_950_494 · 214_748 / 2^32⌋, 50_000) = 499_996 rao, where 214_748 is
            // the U96F32 bits of 0.00005 (no dividends yet, so the dividend-based fee is 0).
            let tao = testing::unstake::<Test>(1, 2, 1, alpha).unwrap();
            assert_eq!(tao, 9_999_950_494 - 499_996);
            assert_eq!(testing::alpha_of::<Test>(&2, &1, 1), 0);
            // The round trip cost 549_502 rao: both fees and the pool's curvature.
            assert_eq!(testing::balance_of::<Test>(&1), 100 * TAO - 549_502);
        });
}

#[docify::export]
#[test]
fn run_an_epoch() {
    // Subnet 1 with tempo 10: its epochs run in the blocks b with (b + 2) % 11 == 10, that is
    // 8, 19, 30, ... A validator (hotkey 31, 100 TAO staked by coldkey 1) and a miner (41).
    ExtBuilder::<Test>::default()
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
            // Per block the subnet emits 10^9 alpha (the full block emission at this
            // issuance). The owner cut is 10^9 × c with c = 11_796 / 65_535 in U96F32
            // (773_074_452 bits): 179_995_422.xx, of which ⌊·⌋ = 179_995_422 is pending for the
            // owner, and ⌊10^9 − 179_995_422.xx⌋ = 820_004_577 for the epoch (no root stake,
            // so no root alpha).
            let epoch = testing::run_to_next_epoch::<Test>(1);
            assert_eq!(epoch, 8);
            // Blocks 2..=8 emitted: 7 blocks drained.
            assert_eq!(last_drain(), Some((7 * 820_004_577, 7 * 179_995_422)));
            assert_eq!(PendingEmission::<Test>::get(1), 0);

            // The first epoch gave the validator its permit: it now weights the miner.
            let miner = Uids::<Test>::get(1, 41).unwrap();
            testing::set_weights::<Test>(31, 1, vec![miner], vec![u16::MAX]).unwrap();
            let miner_before = testing::alpha_of::<Test>(&41, &2, 1);
            System::reset_events();

            assert_eq!(testing::run_to_next_epoch::<Test>(1), 19);
            // Blocks 9..=19: 11 blocks drained, and every drained alpha is accounted for.
            assert_eq!(last_drain(), Some((11 * 820_004_577, 11 * 179_995_422)));
            let (incentives, dividends, kept) = last_distribution().unwrap();
            assert_eq!(incentives + dividends + kept, 11 * 820_004_577);
            // The miner earned the incentives, into its own position.
            assert!(incentives > 0);
            assert_eq!(testing::alpha_of::<Test>(&41, &2, 1) - miner_before, incentives);
        });
}
