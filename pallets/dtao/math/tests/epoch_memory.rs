//! Peak heap of one epoch at the largest sizes the admin parameters allow, measured with a
//! counting allocator: it must stay well inside the runtime's WASM heap (audit F17).
//!
//! The input is the worst case the pallet can hand the epoch: `n` neurons, `v` of them with a
//! validator permit, every validator weighting and bonding every neuron (dense rows), all staked.
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]
use dtao_math::epoch::{epoch, EpochInput};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes allocated by one epoch over `n` neurons with `v` dense validators, above what the
/// input itself holds.
fn epoch_peak(n: u16, v: u16) -> usize {
    let len = usize::from(n);
    let dense: Vec<(u16, u16)> = (0..n).map(|j| (j, 1 + j % 1000)).collect();
    let input = EpochInput {
        n,
        current_block: 10_000,
        tempo: 360,
        activity_cutoff: 5000,
        kappa: 32767,
        bonds_penalty: 65535,
        bonds_moving_average: 900_000,
        alpha_low: 45875,
        alpha_high: 58982,
        max_allowed_validators: v,
        rao_emission: 1_000_000_000,
        alpha_stake: (0..len).map(|i| 1_000_000 + i as u64).collect(),
        root_stake: vec![0; len],
        block_at_registration: vec![0; len],
        last_update: vec![9_999; len],
        validator_permit: (0..len).map(|i| i < usize::from(v)).collect(),
        weights: (0..len).map(|i| if i < usize::from(v) { dense.clone() } else { Vec::new() }).collect(),
        bonds: (0..len).map(|i| if i < usize::from(v) { dense.clone() } else { Vec::new() }).collect(),
        ..EpochInput::default()
    };
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = epoch(&input);
    let peak = PEAK.load(Relaxed) - before;
    assert_eq!(out.incentive.len(), len);
    drop(out);
    peak
}

/// The largest `MaxAllowedUids × min(MaxAllowedValidators, MaxAllowedUids)` the admin setters
/// accept (`pallet_dtao::admin::MAX_EPOCH_ENTRIES`): the reference's defaults, 4,096 × 128.
const MAX_EPOCH_ENTRIES: usize = 4096 * 128;

#[test]
fn an_epoch_at_the_parameter_bounds_fits_the_wasm_heap() {
    // Measured on this machine (release): 1.6 MiB at 256 × 64, 24.3 MiB at 1,024 × 256,
    // 49 MiB at 4,096 × 128, 97.2 MiB at 4,096 × 256 and 385 MiB at 4,096 × 1,024 (about
    // 97 bytes per dense weight entry). The runtime's heap is 128 MiB; half of it is the budget,
    // leaving room for the input, the storage overlay and the WASM allocator's rounding.
    let (n, v) = (4096u16, 128u16);
    assert_eq!(usize::from(n) * usize::from(v), MAX_EPOCH_ENTRIES);
    let peak = epoch_peak(n, v);
    println!("n = {n}, validators = {v}: peak {:.1} MiB", peak as f64 / (1 << 20) as f64);
    assert!(peak < 64 << 20, "peak {peak} bytes");
    // Memory grows with the entries, not with n² (the column medians are taken one by one).
    let small = epoch_peak(1024, 128);
    assert!(small * 3 < peak, "{small} vs {peak}");
}
