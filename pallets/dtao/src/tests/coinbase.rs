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
        // The epoch ran on the one neuron, the owner's hotkey (UID 0): it earns the validators'
        // share (the reference never credits the owner hotkey's miner incentive), and the owner
        // cut is credited first. Everything drained is credited or kept, to the rao.
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
        assert_eq!(incentives, 0);
        assert!(alpha_dividends > 0);
        assert_eq!(incentives + alpha_dividends + alpha_kept, drained_alpha);
        assert_eq!(UndistributedAlpha::<Test>::get(1), alpha_kept);
        let owner_stake = SubtensorModule::get_stake_for_hotkey_and_coldkey_on_subnet(&11, &10, 1);
        assert!(owner_stake.abs_diff(owner_cut + alpha_dividends) <= 1, "{owner_stake}");
        assert!(SubnetMovingPrice::<Test>::get(1) > substrate_fixed::types::I96F32::from_num(0u8));
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
    let one = <() as WeightInfo>::on_initialize(1);
    let many = <() as WeightInfo>::on_initialize(64);
    assert!(many.ref_time() > 32 * one.ref_time() / 2);
    assert!(many.ref_time() > one.ref_time());
}
