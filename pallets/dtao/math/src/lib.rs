//! # dtao-math
//!
//! The pure formulas of Bittensor's dynamic TAO at Subtensor commit `6b86ebf30`, with the
//! reference's fixed-point types (substrate-fixed) and operation order, so that every result
//! matches the reference bit for bit. No storage, no FRAME: callers pass values in and write
//! results back.
//!
//! | module | formula | reference |
//! |---|---|---|
//! | [`emission`] | block emission for an issuance (halvings, 21M cap) | `coinbase/block_emission.rs` |
//! | [`pool`] | price, constant-product swaps, limit-price amounts | `staking/stake_utils.rs`, `add_stake.rs`, `remove_stake.rs`, `move_stake.rs` |
//! | [`fee`] | staking fee | `staking/stake_utils.rs` (`calculate_staking_fee`) |
//! | [`moving_price`] | the price EMA | `staking/stake_utils.rs` (`update_moving_price`) |
//! | [`coinbase`] | per-subnet split of a block's emission, epoch schedule | `coinbase/run_coinbase.rs` |
//! | [`lock_cost`] | subnet registration lock cost | `coinbase/root.rs` |
//! | [`burn`] | registration burn and difficulty adjustment | `coinbase/block_step.rs` |
//!
//! Arithmetic never panics: it saturates, or checks and falls back, exactly where the
//! reference does.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![deny(
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

pub mod burn;
pub mod coinbase;
pub mod emission;
pub mod fee;
pub mod lock_cost;
pub mod moving_price;
pub mod pool;

pub use substrate_fixed::types::{I64F64, I96F32, U110F18, U64F64, U96F32};

/// `x / y`, or 0 when `y` is 0 or the quotient overflows (the reference's `safe_div`).
pub(crate) fn safe_div<F: substrate_fixed::traits::Fixed>(x: F, y: F) -> F {
    x.checked_div(y).unwrap_or_default()
}
