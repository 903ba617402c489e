//! The admin bound on an epoch's size (audit F17, F23) with the runtime's own weights and
//! database costs: `sudo_set_parameter` refuses `MaxAllowedUids` / `MaxAllowedValidators`
//! whose epoch would weigh more than a block.
use dtao_runtime::Runtime;
use frame_support::weights::constants::WEIGHT_REF_TIME_PER_SECOND;

type Dtao = pallet_dtao::Pallet<Runtime>;

#[test]
fn an_epoch_that_fits_in_a_block_bounds_the_subnet_size() {
    let block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
    assert_eq!(block.ref_time(), 2 * WEIGHT_REF_TIME_PER_SECOND);
    // weights.rs: epoch(n, v) = 2_008_668_000 + 527_537_737·n + 508_323_542·v ps, plus
    // (132 + 17·n) ParityDB reads at 4_491 ns and (91 + 9·n + v) writes at 20_366 ns:
    // 4_454_786_000 + 787_178_737·n + 528_689_542·v ps against 2·10^12.
    // v = 128: n ≤ (2·10^12 − 72_127_047_376) / 787_178_737 = 2_449.09.
    assert!(Dtao::epoch_fits(2449, 128));
    assert!(!Dtao::epoch_fits(2450, 128));
    // v = 64, a new subnet's validators: n ≤ 2_492.07.
    assert!(Dtao::epoch_fits(2492, 64));
    assert!(!Dtao::epoch_fits(2493, 64));
    // A new subnet's 256 × 64, and the reference's storage defaults 4_096 × 128, which do not.
    assert!(Dtao::epoch_fits(256, 64));
    assert!(!Dtao::epoch_fits(4096, 128));
}
