//! Weights of `set_identity` and `clear_identity`.
//!
//! Until this pallet is benchmarked here (the benchmarking issue), the compute and proof-size
//! figures are the reference's own benchmark results (`pallets/registry/src/weights.rs` at
//! `6b86ebf30`: 41 µs / 3,499 bytes and 36 µs / 3,860 bytes), priced with the runtime's
//! database weights: one read and one write of `IdentityOf` each, the hold's account writes
//! being inside the measured figure.
use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions the runtime provides.
pub trait WeightInfo {
    /// `set_identity`.
    fn set_identity() -> Weight;
    /// `clear_identity`.
    fn clear_identity() -> Weight;
}

/// The weights for a runtime `T`, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn set_identity() -> Weight {
        Weight::from_parts(41_000_000, 3_499).saturating_add(T::DbWeight::get().reads_writes(1, 1))
    }
    fn clear_identity() -> Weight {
        Weight::from_parts(36_000_000, 3_860).saturating_add(T::DbWeight::get().reads_writes(1, 1))
    }
}

/// Zero weights, for tests.
impl WeightInfo for () {
    fn set_identity() -> Weight {
        Weight::zero()
    }
    fn clear_identity() -> Weight {
        Weight::zero()
    }
}
