use crate::{mock::*, *};

#[test]
fn emitting_subnet_gets_one_alpha_per_block_and_drains_at_its_tempo() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        Tempo::<Test>::insert(1, 10);
        // (block + netuid + 1) mod 11 == 10: blocks 8, 19, ...
        run_blocks(1, 7);
        assert_eq!(SubnetAlphaOut::<Test>::get(1), 7 * TAO);
        assert_eq!(BlocksSinceLastStep::<Test>::get(1), 7);
        // Moving price 0 at start: no TAO share yet, so no TAO minted and no alpha in.
        assert_eq!(SubnetTAO::<Test>::get(1), 1_000 * TAO);
        assert_eq!(SubnetAlphaInEmission::<Test>::get(1), 0);
        let owner_cut = PendingOwnerCut::<Test>::get(1);
        assert_eq!(owner_cut, 7 * 179_995_422);
        // A one-block EMA half-life, so that the moving price visibly moves.
        EMAPriceHalvingBlocks::<Test>::insert(1, 1);
        run_blocks(8, 8);
        assert_eq!(BlocksSinceLastStep::<Test>::get(1), 0);
        assert_eq!(PendingEmission::<Test>::get(1), 0);
        assert_eq!(PendingOwnerCut::<Test>::get(1), 0);
        // The epoch ran on the one neuron, the owner's hotkey (UID 0), before anything of the
        // drain was credited (reference `drain_pending_emission`: `epoch`, then the stake map,
        // then `distribute_dividends_and_incentives`, which credits the owner cut first). At
        // that moment the hotkey holds no stake on the subnet or on root, so every stake weight
        // is 0: no validator permit, no dividends; its miner incentive is never credited (owner
        // hotkey). So the reference pays the owner cut and nothing else (audit F1): the drained
        // alpha is all kept, and the owner's position is exactly the owner cut.
        let drained_alpha = 8 * 820_004_577;
        let distributed = System::events()
            .into_iter()
            .find_map(|r| match r.event {
                RuntimeEvent::SubtensorModule(Event::EmissionDistributed {
                    incentives, alpha_dividends, alpha_kept, owner_cut, ..
                }) => Some((incentives, alpha_dividends, alpha_kept, owner_cut)),
                _ => None,
            })
            .expect("the epoch distributed");
        let (incentives, alpha_dividends, alpha_kept, owner_cut) = distributed;
        assert_eq!(owner_cut, 8 * 179_995_422);
        assert_eq!((incentives, alpha_dividends), (0, 0));
        assert_eq!(alpha_kept, drained_alpha);
        assert_eq!(UndistributedAlpha::<Test>::get(1), drained_alpha);
        assert_eq!(SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&11, &10, 1), 8 * 179_995_422);
        assert!(SubnetMovingPrice::<Test>::get(1) > substrate_fixed::types::I96F32::from_num(0u8));
    });
}

#[test]
fn the_validator_take_is_computed_on_the_unfloored_dividend() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        // Reference `distribute_dividends_and_incentives`: take = take_float · alpha_divs on the
        // U96F32 dividend; ⌊take⌋ to the owner, ⌊alpha_divs − take⌋ to the pool (audit F9).
        // With alpha_divs = 1000.9 and the default take 11796/65535 = 0.1799954…: take =
        // 180.157…, so the owner gets 180 and the pool 820.74… → 820. Flooring the dividend
        // first (1000 → take ⌊179.995⌋ = 179, pool 821) would differ by a rao each way.
        SubnetAlphaOut::<Test>::mutate(1, |a| *a += 1_000);
        let dividend = substrate_fixed::types::U96F32::from_num(1000.9);
        let (credited, to_pool) = SubtensorModule::credit_dividend(&11, 1, dividend, u64::MAX);
        assert_eq!((credited, to_pool), (1_000, 820));
        assert_eq!(TotalHotkeyAlpha::<Test>::get(11, 1), 1_000);
        // The take came first, into an empty pool: the share pool mints shares equal to the
        // amount (reference `update_value_for_one` with a zero denominator), 180 of them, the
        // pool's only position; the 820 raised its value without minting shares.
        assert_eq!(Alpha::<Test>::get((11, 10, 1)), substrate_fixed::types::U64F64::from_num(180));
        assert_eq!(TotalHotkeyShares::<Test>::get(11, 1), substrate_fixed::types::U64F64::from_num(180));
    });
}

#[test]
fn block_emission_holds_the_last_emitting_subnets_alpha_emission() {
    // 10.5 M TAO in balances: the TAO emission has halved once. Reference
    // `get_block_emission_for_issuance`: residual = log2(1 / (1 − 10.5e15 / 21e15)) = 1, so
    // E = 1e9 / 2 = 500_000_000. Subnet 1's alpha issuance is its 1_000 TAO pool: no halving,
    // 1_000_000_000. The reference stores every computed emission in `BlockEmission`; the
    // alpha emission of step 3 of `run_coinbase` is computed after the TAO one, so the block
    // ends with 1_000_000_000 stored (audit F15).
    ExtBuilder::default().balance(1, 10_500_000 * TAO).subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        assert_eq!(SubtensorModule::get_block_emission(), 500_000_000);
        run_blocks(1, 1);
        assert_eq!(BlockEmission::<Test>::get(), 1_000_000_000);
        // The TAO used was the halved emission: moving price 0, so no TAO share, and the
        // issuance grew only by the TAO injected (0).
        assert_eq!(SubnetTaoInEmission::<Test>::get(1), 0);
    });
}

#[test]
fn subnet_without_start_call_gets_no_emission() {
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        FirstEmissionBlockNumber::<Test>::remove(1);
        run_blocks(1, 20);
        assert_eq!(SubnetAlphaOut::<Test>::get(1), 0);
        assert_eq!(SubnetMovingPrice::<Test>::get(1), substrate_fixed::types::I96F32::from_num(0u8));
    });
}

#[test]
fn root_stake_buys_a_share_of_validator_alpha_for_tao() {
    ExtBuilder::default().balance(1, 10_000 * TAO).subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        frame_support::assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(1), 11, ROOT_NETUID, 5_000 * TAO));
        let tao_before = SubnetTAO::<Test>::get(1);
        run_blocks(2, 3);
        assert!(PendingAlphaSwapped::<Test>::get(1) > 0);
        let root_divs = PendingRootDivs::<Test>::get(1);
        assert!(root_divs > 0);
        // The root share was sold to the pool: its TAO left the pool into PendingRootDivs.
        assert_eq!(SubnetTAO::<Test>::get(1), tao_before - root_divs);
    });
}

#[test]
fn on_initialize_weight_grows_with_the_subnet_count() {
    use crate::weights::WeightInfo;
    // Benchmarked: linear in the subnets, with a positive cost per subnet in time, reads
    // and writes, and in proof size.
    let w = |s: u32| <() as WeightInfo>::on_initialize(s);
    let step = w(2).saturating_sub(w(1));
    assert!(step.ref_time() > 0 && step.proof_size() > 0);
    assert_eq!(w(1_024).saturating_sub(w(1_023)), step);
    assert_eq!(w(128).ref_time(), w(1).ref_time() + 127 * step.ref_time());
}

#[test]
fn a_steady_block_reads_and_writes_less_than_the_benchmark_counts() {
    use crate::coinbase::AccessTally;
    ExtBuilder::default().subnet(1, 10, 11, 1_000 * TAO).build_and_execute(|| {
        run_blocks(1, 2);
        // Block 3: two networks (root, 1), neither at an adjustment (interval 360 for subnet 1,
        // none yet for root): 11 registration terms unread each. Both per-block counters
        // already hold 0, and subnet 1's alpha emission is 1 TAO as in block 2: three
        // comparisons read, three writes skipped.
        assert!(AdjustmentInterval::<Test>::get(ROOT_NETUID) > 3 && AdjustmentInterval::<Test>::get(1) > 3);
        assert_eq!(SubnetAlphaOutEmission::<Test>::get(1), TAO);
        frame_system::Pallet::<Test>::set_block_number(3);
        let report = SubtensorModule::block_step(3);
        assert_eq!(report.tally, AccessTally { reads_saved: 22, writes_saved: 3, reads_added: 3, writes_added: 0 });
        assert_eq!(SubnetAlphaOutEmission::<Test>::get(1), TAO);
        assert_eq!(RegistrationsThisBlock::<Test>::get(1), 0);

        // Block 4: subnet 1 adjusts every block now and had a registration in block 3.
        AdjustmentInterval::<Test>::insert(1, 1);
        RegistrationsThisBlock::<Test>::insert(1, 1);
        frame_system::Pallet::<Test>::set_block_number(4);
        let report = SubtensorModule::block_step(4);
        // Root: 11 unread, counter unchanged; subnet 1: six adjustment writes, counter reset.
        assert_eq!(report.tally, AccessTally { reads_saved: 11, writes_saved: 2, reads_added: 3, writes_added: 6 });
        assert_eq!(LastAdjustmentBlock::<Test>::get(1), 4);
        assert_eq!(RegistrationsThisBlock::<Test>::get(1), 0);
    });
}

#[test]
fn the_tally_corrects_the_benchmarked_weight_at_the_database_costs() {
    use crate::coinbase::AccessTally;
    use frame_support::weights::{constants::RocksDbWeight, Weight};
    let tally = AccessTally { reads_saved: 22, writes_saved: 3, reads_added: 3, writes_added: 6 };
    // RocksDB: 25 µs a read, 100 µs a write. +3 reads +6 writes −22 reads −3 writes from 10 ms:
    // 10_000 + 75 + 600 − 550 − 300 = 9_825 µs; proof size unchanged.
    let corrected = tally.correct(Weight::from_parts(10_000_000_000, 7), RocksDbWeight::get());
    assert_eq!(corrected, Weight::from_parts(9_825_000_000, 7));
    // Never below zero.
    assert_eq!(tally.correct(Weight::from_parts(1, 7), RocksDbWeight::get()).ref_time(), 0);
}
