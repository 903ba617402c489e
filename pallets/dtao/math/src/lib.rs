//! # dtao-math
//!
//! The pure formulas of Bittensor's dynamic TAO at Subtensor commit `6b86ebf30`, with the
//! reference's fixed-point types (substrate-fixed) and operation order, so that every result
//! matches the reference bit for bit (checked against the conformance vectors in
//! `tests/vectors.rs`). No storage, no FRAME: callers pass values in and write results back.
//! Arithmetic never panics: it saturates, or checks and falls back, exactly where the
//! reference does.
//!
//! | module | formula | reference (`pallets/subtensor/src/…`) |
//! |---|---|---|
//! | [`emission`] | block emission for an issuance (halvings, 21M cap) | `coinbase/block_emission.rs` |
//! | [`pool`] | price, constant-product swaps, reserve updates | `staking/stake_utils.rs` |
//! | [`limit`] | limit-price amounts | `staking/add_stake.rs`, `remove_stake.rs`, `move_stake.rs` |
//! | [`fee`] | staking fee | `staking/stake_utils.rs` (`calculate_staking_fee`) |
//! | [`moving_price`] | the price EMA | `staking/stake_utils.rs` (`update_moving_price`) |
//! | [`coinbase`] | per-subnet split of a block's emission, epoch schedule | `coinbase/run_coinbase.rs` |
//! | [`lock_cost`] | subnet registration lock cost | `coinbase/root.rs` |
//! | [`burn`] | registration burn and difficulty adjustment | `coinbase/block_step.rs` |
//! | [`epoch`] | Yuma consensus (sparse epoch, bond EMA, liquid alpha) and the drain's dividend split | `epoch/run_epoch.rs`, `epoch/math.rs`, `coinbase/run_coinbase.rs` |
//! | [`error`] | [`MathError`] | |
//!
//! ## API
//!
//! ```text
//! emission::TOTAL_SUPPLY: u64 = 21_000_000_000_000_000
//! emission::DEFAULT_BLOCK_EMISSION: u64 = 1_000_000_000
//! emission::block_emission_for_issuance(issuance: u64) -> Result<u64, MathError>
//! emission::block_emission_trace(issuance: u64) -> Result<Option<EmissionTrace>, MathError>
//!     EmissionTrace { log2_residual: I96F32, floored_residual: u64, block_emission: u64 }
//!
//! pool::MIN_POOL_LIQUIDITY: u64 = 10_000_000;  pool::RAO_PER_TAO: u64 = 1_000_000_000
//! pool::alpha_price(is_dynamic: bool, tao: u64, alpha_in: u64) -> U96F32
//! pool::sim_swap_tao_for_alpha(is_dynamic, tao_reserve, alpha_reserve, tao: u64) -> Option<u64>
//! pool::sim_swap_alpha_for_tao(is_dynamic, tao_reserve, alpha_reserve, alpha: u64) -> Option<u64>
//! pool::split_fee(amount: u64, fee: u64) -> (u64 /* net */, u64 /* actual fee */)
//! pool::PoolReserves { tao, alpha_in, alpha_out }   (all u64)
//!     .price(is_dynamic) -> U96F32;  .alpha_issuance() -> u64
//!     .apply_tao_for_alpha(is_dynamic, tao) -> SwapOutcome          (swap_tao_for_alpha)
//!     .apply_alpha_for_tao(is_dynamic, alpha) -> SwapOutcome        (swap_alpha_for_tao)
//!     .apply_stake(is_dynamic, tao, fee) -> StakeOutcome            (stake_into_subnet, pool part)
//!     .apply_unstake(is_dynamic, alpha, fee) -> StakeOutcome        (unstake_from_subnet, pool part)
//!     .apply_burned_registration(is_dynamic, tao) -> SwapOutcome    (swap, then AlphaOut −= bought)
//! pool::SwapOutcome { sim: Option<u64>, amount_out, reserves, total_stake: StakeChange, volume }
//! pool::StakeOutcome { swapped, actual_fee, amount_out, reserves, total_stake: StakeChange, volume }
//! pool::StakeChange { decrease, increase }.apply(total_stake: u64) -> u64
//! pool::{max_amount_add, max_amount_remove, max_amount_move}       (re-exported from `limit`)
//! limit::max_amount_add(is_dynamic, tao, alpha_in, limit_price: u64) -> u64
//! limit::max_amount_remove(is_dynamic, tao, alpha_in, limit_price: u64) -> u64
//! limit::max_amount_move(origin_dynamic, origin_tao, origin_alpha,
//!                        destination_dynamic, destination_tao, destination_alpha, limit_price) -> u64
//!
//! fee::DEFAULT_STAKING_FEE: u64 = 50_000;  fee::DEFAULT_MIN_STAKE: u64 = 500_000
//! fee::unstake_fee(tao_estimate, alpha_dividends, hotkey_alpha_last_epoch: u64) -> u64
//! fee::calculate_staking_fee(origin: Option<FeeOrigin>, destination_netuid: Option<u16>) -> u64
//!     FeeOrigin { netuid: u16, is_dynamic, tao_estimate, alpha_dividends, hotkey_alpha_last_epoch }
//!
//! moving_price::DEFAULT_MOVING_ALPHA_BITS: i128 = 12_885
//! moving_price::DEFAULT_EMA_PRICE_HALVING_BLOCKS: u64 = 201_600
//! moving_price::moving_alpha_price(is_dynamic, stored: I96F32) -> U96F32
//! moving_price::ema_weight(moving_alpha: I96F32, block, first_emission_block: Option<u64>,
//!                          halving_blocks) -> U96F32
//! moving_price::next_moving_price(price: U96F32, moving: U96F32, moving_alpha: I96F32, block: u64,
//!                                 first_emission_block: Option<u64>, halving_blocks: u64) -> I96F32
//!
//! coinbase::tao_in_share(block_emission, moving_price, total_moving: U96F32) -> U96F32
//! coinbase::alpha_injection(tao_in, price, alpha_emission: U96F32) -> U96F32
//! coinbase::u16_fraction(raw: u16) -> U96F32;  coinbase::u64_fraction(raw: u64) -> U96F32
//! coinbase::owner_cut(alpha_out: U96F32, cut: u16) -> U96F32
//! coinbase::root_proportion(root_tao, tao_weight, alpha_issuance: u64) -> U96F32
//! coinbase::root_alpha(root_tao, tao_weight, alpha_issuance: u64, alpha_out: U96F32) -> U96F32
//! coinbase::subnet_emission(&SubnetEmissionInput) -> SubnetEmission
//!     SubnetEmissionInput { block_emission, total_moving_prices, moving_price: U96F32, is_dynamic,
//!                           reserves: PoolReserves, registration_open: bool, owner_cut: u16,
//!                           tao_weight: u64, root_tao: u64 }
//!     SubnetEmission { price: U96F32, alpha_emission, tao_in, alpha_in, alpha_out, owner_cut,
//!                      root_alpha, root_tao, pending_alpha, reserves: PoolReserves, volume }
//! coinbase::blocks_until_next_epoch(netuid: u16, tempo: u16, block: u64) -> u64
//! coinbase::should_run_epoch(netuid: u16, tempo: u16, block: u64) -> bool
//!
//! lock_cost::lock_reduction_interval(interval: u64, block_emission: u64) -> u64
//! lock_cost::network_lock_cost(current_block, last_lock, min_lock, last_registered,
//!                              reduction_interval: u64) -> u64
//!
//! burn::BurnInputs { current_block, last_adjustment_block, adjustment_interval: u16, burn,
//!                    difficulty, registrations, pow_registrations, burn_registrations,
//!                    target: u16, adjustment_alpha, min_burn, max_burn, min_difficulty,
//!                    max_difficulty }
//! burn::adjust(&BurnInputs) -> BurnOutcome { interval_reached: bool, case: char, burn, difficulty }
//! burn::upgraded_value(current: u64, registrations: u16, target: u16, alpha: u64, min, max) -> u64
//! ```
//!
//! `is_dynamic` means "constant-product pool": for prices and limits the reference tests
//! `netuid != 0 && SubnetMechanism == 1`, for swaps only `SubnetMechanism == 1`; the two agree
//! because root has mechanism 0.
//!
//! ## Example
//!
//! The reference's numbers, derived by hand: staking 10 TAO (less the 50_000 rao fee) into a
//! pool of 1_000 TAO and 1_000 alpha buys `⌊A − ⌊A·T·2^18 / (T + t)⌋ / 2^18⌋` alpha in U110F18;
//! a subnet with a small alpha issuance emits the full 10^9 rao per block, of which the owner
//! cut is `10^9 × (11_796 / 65_535 as U96F32)`.
//!
//! ```
//! use dtao_math::{coinbase, emission, fee, pool, U96F32};
//!
//! let tao = 10_000_000_000 - fee::DEFAULT_STAKING_FEE;
//! let bought = pool::sim_swap_tao_for_alpha(true, 1_000_000_000_000, 1_000_000_000_000, tao);
//! assert_eq!(bought, Some(9_900_941_084));
//! assert_eq!(emission::block_emission_for_issuance(2_000_000_000_000), Ok(1_000_000_000));
//! let cut = coinbase::owner_cut(U96F32::from_num(1_000_000_000u64), 11_796);
//! assert_eq!(cut.to_num::<u64>(), 179_995_422);
//! ```
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
pub mod epoch;
pub mod error;
pub mod fee;
pub mod limit;
pub mod lock_cost;
pub mod moving_price;
pub mod pool;

pub use error::MathError;
pub use substrate_fixed::types::{I64F64, I96F32, U110F18, U64F64, U96F32};

/// `x / y`, or 0 when `y` is 0 or the quotient overflows (the reference's `safe_div`).
pub(crate) fn safe_div<F: substrate_fixed::traits::Fixed>(x: F, y: F) -> F {
    x.checked_div(y).unwrap_or_default()
}
