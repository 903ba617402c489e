//! Weights of `pallet_dtao`'s calls and of its `on_initialize`. Placeholder estimates (counted
//! from the code, priced at RocksDB constants) until `scripts/benchmark` generates this file
//! from the benchmarks in `src/benchmarking.rs`.
#![allow(unused_parens)]
#![allow(clippy::unnecessary_cast)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions of `pallet_dtao`, one per benchmark.
pub trait WeightInfo {
    /// The benchmark `add_stake`.
    fn add_stake() -> Weight;
    /// The benchmark `add_stake_limit`.
    fn add_stake_limit() -> Weight;
    /// The benchmark `remove_stake`.
    fn remove_stake() -> Weight;
    /// The benchmark `remove_stake_limit`.
    fn remove_stake_limit() -> Weight;
    /// The benchmark `unstake_all`.
    fn unstake_all(s: u32) -> Weight;
    /// The benchmark `unstake_all_alpha`.
    fn unstake_all_alpha(s: u32) -> Weight;
    /// The benchmark `move_stake`.
    fn move_stake() -> Weight;
    /// The benchmark `transfer_stake`.
    fn transfer_stake() -> Weight;
    /// The benchmark `swap_stake`.
    fn swap_stake() -> Weight;
    /// The benchmark `swap_stake_limit`.
    fn swap_stake_limit() -> Weight;
    /// The benchmark `register_network`.
    fn register_network() -> Weight;
    /// The benchmark `register_network_with_identity`.
    fn register_network_with_identity() -> Weight;
    /// The benchmark `burned_register`.
    fn burned_register(n: u32) -> Weight;
    /// The benchmark `root_register`.
    fn root_register() -> Weight;
    /// The benchmark `set_weights`.
    fn set_weights(n: u32) -> Weight;
    /// The benchmark `set_root_weights`.
    fn set_root_weights(n: u32) -> Weight;
    /// The benchmark `try_associate_hotkey`.
    fn try_associate_hotkey() -> Weight;
    /// The benchmark `start_call`.
    fn start_call() -> Weight;
    /// The benchmark `set_children`.
    fn set_children(n: u32) -> Weight;
    /// The benchmark `set_childkey_take`.
    fn set_childkey_take() -> Weight;
    /// The benchmark `decrease_take`.
    fn decrease_take() -> Weight;
    /// The benchmark `increase_take`.
    fn increase_take() -> Weight;
    /// The benchmark `serve_axon`.
    fn serve_axon() -> Weight;
    /// The benchmark `serve_axon_tls`.
    fn serve_axon_tls() -> Weight;
    /// The benchmark `serve_prometheus`.
    fn serve_prometheus() -> Weight;
    /// The benchmark `sudo_set_parameter`.
    fn sudo_set_parameter() -> Weight;
    /// The benchmark `on_initialize`.
    fn on_initialize(s: u32) -> Weight;
    /// The benchmark `epoch`.
    fn epoch(n: u32, v: u32) -> Weight;
}

/// The weights with the runtime's database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn add_stake() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(14, 10))
    }
    fn add_stake_limit() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(14, 10))
    }
    fn remove_stake() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(16, 10))
    }
    fn remove_stake_limit() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(16, 10))
    }
    fn unstake_all(s: u32) -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(Weight::from_parts(40000000, 0).saturating_mul(s.into())).saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(s.into()))).saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into()))).saturating_add(T::DbWeight::get().reads_writes(8, 6))
    }
    fn unstake_all_alpha(s: u32) -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(Weight::from_parts(40000000, 0).saturating_mul(s.into())).saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(s.into()))).saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into()))).saturating_add(T::DbWeight::get().reads_writes(8, 6))
    }
    fn move_stake() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(28, 20))
    }
    fn transfer_stake() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(28, 20))
    }
    fn swap_stake() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(28, 20))
    }
    fn swap_stake_limit() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(28, 20))
    }
    fn register_network() -> Weight {
        Weight::from_parts(200_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(12, 20))
    }
    fn register_network_with_identity() -> Weight {
        Weight::from_parts(200_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(12, 21))
    }
    fn burned_register(n: u32) -> Weight {
        Weight::from_parts(250_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads_writes(30, 24))
    }
    fn root_register() -> Weight {
        Weight::from_parts(250_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(30, 24))
    }
    fn set_weights(n: u32) -> Weight {
        Weight::from_parts(30_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads_writes(12, 2))
    }
    fn set_root_weights(n: u32) -> Weight {
        Weight::from_parts(30_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads_writes(12, 2))
    }
    fn try_associate_hotkey() -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(1, 2))
    }
    fn start_call() -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(4, 1))
    }
    fn set_children(n: u32) -> Weight {
        Weight::from_parts(25_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads_writes(8, 2))
    }
    fn set_childkey_take() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(4, 2))
    }
    fn decrease_take() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(4, 2))
    }
    fn increase_take() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(4, 2))
    }
    fn serve_axon() -> Weight {
        Weight::from_parts(46_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(8, 2))
    }
    fn serve_axon_tls() -> Weight {
        Weight::from_parts(46_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(8, 2))
    }
    fn serve_prometheus() -> Weight {
        Weight::from_parts(45_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(8, 1))
    }
    fn sudo_set_parameter() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(1, 1))
    }
    fn on_initialize(s: u32) -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(Weight::from_parts(40000000, 0).saturating_mul(s.into())).saturating_add(T::DbWeight::get().reads((24_u64).saturating_mul(s.into()))).saturating_add(T::DbWeight::get().writes((16_u64).saturating_mul(s.into()))).saturating_add(T::DbWeight::get().reads_writes(8, 2))
    }
    fn epoch(n: u32, v: u32) -> Weight {
        Weight::from_parts(2_000_000, 0).saturating_add(Weight::from_parts(2000000, 0).saturating_mul(n.into())).saturating_add(Weight::from_parts(2000000, 0).saturating_mul(v.into())).saturating_add(Weight::from_parts(40_000, 0).saturating_mul(u64::from(n).saturating_mul(u64::from(v)))).saturating_add(T::DbWeight::get().reads_writes(u64::from(n).saturating_mul(8), u64::from(n).saturating_mul(4))).saturating_add(T::DbWeight::get().reads_writes(8, 4))
    }
}

/// The same weights with RocksDB's generic database costs, for test runtimes.
impl WeightInfo for () {
    fn add_stake() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(14, 10))
    }
    fn add_stake_limit() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(14, 10))
    }
    fn remove_stake() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(16, 10))
    }
    fn remove_stake_limit() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(16, 10))
    }
    fn unstake_all(s: u32) -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(Weight::from_parts(40000000, 0).saturating_mul(s.into())).saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(s.into()))).saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(s.into()))).saturating_add(RocksDbWeight::get().reads_writes(8, 6))
    }
    fn unstake_all_alpha(s: u32) -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(Weight::from_parts(40000000, 0).saturating_mul(s.into())).saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(s.into()))).saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(s.into()))).saturating_add(RocksDbWeight::get().reads_writes(8, 6))
    }
    fn move_stake() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(28, 20))
    }
    fn transfer_stake() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(28, 20))
    }
    fn swap_stake() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(28, 20))
    }
    fn swap_stake_limit() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(28, 20))
    }
    fn register_network() -> Weight {
        Weight::from_parts(200_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(12, 20))
    }
    fn register_network_with_identity() -> Weight {
        Weight::from_parts(200_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(12, 21))
    }
    fn burned_register(n: u32) -> Weight {
        Weight::from_parts(250_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(RocksDbWeight::get().reads_writes(30, 24))
    }
    fn root_register() -> Weight {
        Weight::from_parts(250_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(30, 24))
    }
    fn set_weights(n: u32) -> Weight {
        Weight::from_parts(30_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(RocksDbWeight::get().reads_writes(12, 2))
    }
    fn set_root_weights(n: u32) -> Weight {
        Weight::from_parts(30_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(RocksDbWeight::get().reads_writes(12, 2))
    }
    fn try_associate_hotkey() -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(1, 2))
    }
    fn start_call() -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(4, 1))
    }
    fn set_children(n: u32) -> Weight {
        Weight::from_parts(25_000_000, 0).saturating_add(Weight::from_parts(500000, 0).saturating_mul(n.into())).saturating_add(RocksDbWeight::get().reads_writes(8, 2))
    }
    fn set_childkey_take() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(4, 2))
    }
    fn decrease_take() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(4, 2))
    }
    fn increase_take() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(4, 2))
    }
    fn serve_axon() -> Weight {
        Weight::from_parts(46_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(8, 2))
    }
    fn serve_axon_tls() -> Weight {
        Weight::from_parts(46_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(8, 2))
    }
    fn serve_prometheus() -> Weight {
        Weight::from_parts(45_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(8, 1))
    }
    fn sudo_set_parameter() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
    }
    fn on_initialize(s: u32) -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(Weight::from_parts(40000000, 0).saturating_mul(s.into())).saturating_add(RocksDbWeight::get().reads((24_u64).saturating_mul(s.into()))).saturating_add(RocksDbWeight::get().writes((16_u64).saturating_mul(s.into()))).saturating_add(RocksDbWeight::get().reads_writes(8, 2))
    }
    fn epoch(n: u32, v: u32) -> Weight {
        Weight::from_parts(2_000_000, 0).saturating_add(Weight::from_parts(2000000, 0).saturating_mul(n.into())).saturating_add(Weight::from_parts(2000000, 0).saturating_mul(v.into())).saturating_add(Weight::from_parts(40_000, 0).saturating_mul(u64::from(n).saturating_mul(u64::from(v)))).saturating_add(RocksDbWeight::get().reads_writes(u64::from(n).saturating_mul(8), u64::from(n).saturating_mul(4))).saturating_add(RocksDbWeight::get().reads_writes(8, 4))
    }
}
