//! Extreme states (issue 11 §6): `on_initialize` never panics, and its native CPU time stays
//! within the weight it declares, with reserves at `u64::MAX` or zero, issuance at the cap,
//! 1,024 subnets, and a subnet filled to the epoch bound with validators only. The states are
//! written straight into storage, which breaks the accounting invariants on purpose, so these
//! tests skip them (`without_invariants`) except where the state is a real one.
use crate::{
    admin::{Parameter, SubnetU16},
    mock::*,
    *,
};

use frame_support::traits::Hooks;

/// CPU time of this thread, in nanoseconds. Unlike wall time it does not grow while other
/// tests, running in parallel on the same cores, hold the CPU.
fn thread_cpu_ns() -> u128 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec for the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime");
    (t.tv_sec as u128) * 1_000_000_000 + t.tv_nsec as u128
}

/// Runs blocks `from..=to` through `on_initialize` alone, and checks each one's native CPU
/// time against the weight it returns (ref_time in picoseconds).
fn run_and_check_weights(from: u64, to: u64) {
    for block in from..=to {
        System::set_block_number(block);
        let started = thread_cpu_ns();
        let weight = SubtensorModule::on_initialize(block);
        let took_ps = (thread_cpu_ns() - started).saturating_mul(1_000);
        assert!(
            took_ps <= u128::from(weight.ref_time()),
            "block {block}: took {took_ps} ps, declared {} ps",
            weight.ref_time()
        );
    }
}

/// Subnet 1 with tempo 10, so that 20 blocks cross two of its epochs (blocks 8 and 19).
fn subnet() -> ExtBuilder {
    ExtBuilder::default()
        .balance(1, 10_000 * TAO)
        .subnet(1, 10, 11, 1_000 * TAO)
        .parameter(Parameter::Tempo { netuid: 1, tempo: 10 })
}

#[test]
fn reserves_at_the_limits_never_panic() {
    for (tao, alpha) in [(u64::MAX, u64::MAX), (0, 0), (u64::MAX, 1), (1, u64::MAX), (0, u64::MAX), (u64::MAX, 0)] {
        subnet().without_invariants().build_and_execute(|| {
            SubnetTAO::<Test>::insert(1, tao);
            SubnetAlphaIn::<Test>::insert(1, alpha);
            run_and_check_weights(2, 21);
        });
    }
}

#[test]
fn issuance_at_the_cap_emits_nothing_and_never_panics() {
    subnet().without_invariants().build_and_execute(|| {
        // 21 million TAO: the halvings have taken the block emission to 0.
        TotalIssuance::<Test>::put(21_000_000 * TAO);
        let pools = (SubnetTAO::<Test>::get(1), SubnetAlphaIn::<Test>::get(1));
        run_and_check_weights(2, 21);
        assert_eq!(TotalIssuance::<Test>::get(), 21_000_000 * TAO);
        assert_eq!(SubnetTAO::<Test>::get(1), pools.0);
        // Issuance at u64::MAX (above the cap) too.
        TotalIssuance::<Test>::put(u64::MAX);
        run_and_check_weights(22, 41);
    });
}

#[test]
fn a_thousand_and_twenty_four_subnets_stay_within_their_weight() {
    let mut builder = ExtBuilder::default().balance(1, 10_000 * TAO);
    for netuid in 1..=1024u16 {
        let hotkey = 100_000 + u64::from(netuid);
        builder = builder.subnet_with(GenesisSubnet {
            netuid,
            owner_coldkey: 10,
            owner_hotkey: hotkey,
            pool: 1_000 * TAO,
            tempo: 10,
            emitting: true,
        });
    }
    builder.build_and_execute(|| {
        // With tempo 10 about 93 of them run their epoch in each block; 12 blocks cross all.
        run_and_check_weights(2, 13);
        // Every subnet ran its epoch, last at the latest block of 2..=13 with
        // (block + netuid + 1) % 11 == 10.
        for netuid in 1..=1024u16 {
            let expected = (2..=13u64).rev().find(|b| (b + u64::from(netuid) + 1) % 11 == 10).unwrap();
            assert_eq!(LastMechansimStepBlock::<Test>::get(netuid), expected, "subnet {netuid}");
        }
    });
}

#[test]
fn a_subnet_of_validators_at_the_epoch_bound_stays_within_its_weight() {
    // 128 neurons, every one a validator with a dense weight row: the most validators the
    // admin bound allows (`MAX_ALLOWED_VALIDATORS_BOUND`), all neurons validators.
    const N: u16 = crate::admin::MAX_ALLOWED_VALIDATORS_BOUND;
    let mut builder = subnet()
        .parameter(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedUids, value: N })
        .parameter(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::MaxAllowedValidators, value: N });
    // The owner's hotkey holds UID 0; 723 more neurons, each staked by coldkey 2.
    builder = builder.balance(2, 100_000 * TAO);
    for i in 1..N {
        builder = builder.neuron(1, 2, 1_000 + u64::from(i));
    }
    for i in 1..N {
        builder = builder.stake(2, 1_000 + u64::from(i), 1, TAO);
    }
    builder.build_and_execute(|| {
        assert_eq!(SubnetworkN::<Test>::get(1), N);
        let dense: Vec<(u16, u16)> = (0..N).map(|j| (j, 1 + j % 1000)).collect();
        for uid in 0..N {
            Weights::<Test>::insert(1, uid, dense.clone());
        }
        ValidatorPermit::<Test>::insert(1, vec![true; usize::from(N)]);
        LastUpdate::<Test>::insert(1, vec![1u64; usize::from(N)]);
        // Blocks 2..=20 hold the epochs at 8 and 19.
        run_and_check_weights(2, 20);
        assert!(ValidatorPermit::<Test>::get(1).iter().filter(|p| **p).count() > 1);
    });
}
