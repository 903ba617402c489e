//! `DtaoApi` and its view functions: quotes equal what the extrinsics then do, pending
//! accumulators and the next epoch block, the emission breakdown of a block's events, and
//! `None` for what does not exist.
use crate::{client_info::dtao::*, mock::*, *};
use frame_support::assert_ok;

const COLD: AccountId = 1;
const OWNER_COLD: AccountId = 10;
const HOT: AccountId = 11;

fn chain() -> ExtBuilder {
    ExtBuilder::default().balance(COLD, 100 * TAO).subnet(1, OWNER_COLD, HOT, 1_000 * TAO)
}

#[test]
fn stake_quote_is_what_add_stake_then_does() {
    chain().build_and_execute(|| {
        let quote = SubtensorModule::quote_add_stake(1, 10 * TAO).unwrap();
        // 10 TAO − 50_000 fee into a 1000/1000 pool: 9_900_941_084 alpha (the U110F18
        // constant product, as in the staking tests). At the spot price 1.0 the swapped TAO
        // would buy 9_999_950_000 alpha; the difference is the price impact. The price after
        // is 1_010e9 / (1_000e9 − 9_900_941_084) in U96F32: ⌊1_010e9 · 2^32 / 990_099_058_916⌋.
        assert_eq!(
            quote,
            StakeQuote {
                tao: 10 * TAO,
                fee: 50_000,
                tao_swapped: 9_999_950_000,
                alpha: 9_900_941_084,
                alpha_at_spot: 9_999_950_000,
                slippage: 99_008_916,
                price_before_bits: 1 << 32,
                price_after_bits: 4_381_295_921,
            }
        );
        assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(COLD), HOT, 1, 10 * TAO));
        assert_eq!(testing::alpha_of::<Test>(&HOT, &COLD, 1), quote.alpha);
        assert_eq!(testing::price::<Test>(1).to_bits(), quote.price_after_bits);
        // The view function gives the same numbers (here, after the stake, for the next one).
        assert_eq!(
            SubtensorModule::stake_quote(1, TAO),
            SubtensorModule::quote_add_stake(1, TAO)
        );
    });
}

#[test]
fn unstake_quote_is_what_remove_stake_then_does() {
    chain().build_and_execute(|| {
        let alpha = testing::stake::<Test>(COLD, HOT, 1, 10 * TAO).unwrap();
        let quote = SubtensorModule::quote_remove_stake(&HOT, 1, alpha).unwrap();
        assert_eq!(quote.alpha, alpha);
        // No dividends yet: the fee is the minimum rate, 214_748 / 2^32 of the TAO estimate,
        // above the 50_000 rao floor here.
        let rate_fee = ((u128::from(quote.tao_swapped) * 214_748) >> 32) as u64;
        assert!(rate_fee > 50_000);
        assert_eq!(quote.fee, rate_fee);
        assert_eq!(quote.tao, quote.tao_swapped - rate_fee);
        let price = testing::price::<Test>(1);
        assert_eq!(quote.price_before_bits, price.to_bits());
        assert_eq!(quote.tao_at_spot, (substrate_fixed::types::U96F32::from_num(alpha) * price).to_num::<u64>());
        assert_eq!(quote.slippage, quote.tao_at_spot - quote.tao_swapped);
        let paid = testing::unstake::<Test>(COLD, HOT, 1, alpha).unwrap();
        assert_eq!(paid, quote.tao);
        assert_eq!(testing::price::<Test>(1).to_bits(), quote.price_after_bits);
    });
}

#[test]
fn quotes_for_missing_subnets_or_refused_swaps_are_none() {
    chain().build_and_execute(|| {
        assert_eq!(SubtensorModule::quote_add_stake(9, TAO), None);
        assert_eq!(SubtensorModule::quote_remove_stake(&HOT, 9, TAO), None);
        assert_eq!(SubtensorModule::pending_emission_info(9), None);
        // More alpha than the pool can pay out leaves it below its minimum liquidity.
        assert_eq!(SubtensorModule::quote_remove_stake(&HOT, 1, u64::MAX), None);
    });
}

#[test]
fn pending_emission_reports_the_accumulators_and_the_next_epoch_block() {
    chain().build_and_execute(|| {
        // Tempo 360, netuid 1: the epoch runs where (b + 2) % 361 == 360, so at b = 358.
        let info = SubtensorModule::pending_emission_info(1).unwrap();
        assert_eq!(info.tempo, 360);
        assert_eq!(info.next_epoch_block, 358);
        testing::run_to_block::<Test>(5);
        let info = SubtensorModule::pending_emission_info(1).unwrap();
        assert_eq!(info.pending_alpha, PendingEmission::<Test>::get(1));
        assert_eq!(info.pending_owner_cut, PendingOwnerCut::<Test>::get(1));
        assert_eq!(info.pending_root_tao, PendingRootDivs::<Test>::get(1));
        assert_eq!(info.pending_alpha_swapped, PendingAlphaSwapped::<Test>::get(1));
        assert!(info.pending_alpha > 0);
        assert_eq!(SubtensorModule::pending_emission(1), Some(info));
        testing::run_to_block::<Test>(358);
        // At 358 the epoch ran and drained the accumulators; the next is 361 blocks later.
        let info = SubtensorModule::pending_emission_info(1).unwrap();
        assert_eq!((info.pending_alpha, info.next_epoch_block), (0, 719));
    });
}

#[test]
fn emission_breakdown_reads_the_blocks_subnet_emission_events() {
    chain().build_and_execute(|| {
        testing::run_to_block::<Test>(3);
        let events: Vec<Event<Test>> = System::events()
            .into_iter()
            .filter_map(|r| if let RuntimeEvent::SubtensorModule(e) = r.event { Some(e) } else { None })
            .collect();
        let breakdown = SubtensorModule::emission_breakdown(&events);
        // One entry per subnet that emitted in block 3, in event order.
        let netuids: Vec<_> = breakdown.iter().map(|b| b.netuid).collect();
        let emitted: Vec<_> = events
            .iter()
            .filter_map(|e| if let Event::SubnetEmission { netuid, .. } = e { Some(*netuid) } else { None })
            .collect();
        assert_eq!(netuids, emitted);
        let one = breakdown.iter().find(|b| b.netuid == 1).unwrap();
        // The stored per-block emission of subnet 1 is what its entry says.
        assert_eq!(one.alpha_out, SubnetAlphaOutEmission::<Test>::get(1));
        assert_eq!(one.tao_in, SubnetTaoInEmission::<Test>::get(1));
        assert_eq!(one.alpha_in, SubnetAlphaInEmission::<Test>::get(1));
        assert_eq!(SubtensorModule::emission_breakdown(&[]), vec![]);
    });
}
