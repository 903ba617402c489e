//! Weights of the pallet's calls and of `on_initialize`.
//!
//! `on_initialize` is weighed per subnet (each subnet costs a fixed number of storage reads and
//! writes in the coinbase) plus, for the subnets whose tempo comes up, per neuron in the epoch. The reference weights (`ref_time`) below are estimates until the
//! benchmarks land; the read/write counts are counted from the code.
use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions the runtime provides.
pub trait WeightInfo {
    /// `on_initialize` with `subnets` subnets, epochs excluded.
    fn on_initialize(subnets: u32) -> Weight;
    /// The epochs that ran in a block, over `neurons` neurons in all (Yuma consensus is
    /// quadratic in the worst case; the estimate is per neuron with a dense-weights margin).
    fn epoch(neurons: u32) -> Weight;
    /// `add_stake`, `add_stake_limit`.
    fn add_stake() -> Weight;
    /// `remove_stake`, `remove_stake_limit`.
    fn remove_stake() -> Weight;
    /// `unstake_all`, `unstake_all_alpha`.
    fn unstake_all() -> Weight;
    /// `move_stake`, `transfer_stake`, `swap_stake`, `swap_stake_limit`.
    fn move_stake() -> Weight;
    /// `register_network`.
    fn register_network() -> Weight;
    /// `try_associate_hotkey`.
    fn try_associate_hotkey() -> Weight;
    /// `start_call`.
    fn start_call() -> Weight;
    /// `sudo_set_parameter`.
    fn set_parameter() -> Weight;
    /// `burned_register`, `root_register`.
    fn burned_register() -> Weight;
    /// `set_weights`, `set_root_weights` with `n` entries.
    fn set_weights(n: u32) -> Weight;
    /// `set_children` with `n` children.
    fn set_children(n: u32) -> Weight;
    /// `set_childkey_take`, `increase_take`, `decrease_take`.
    fn set_take() -> Weight;
    /// `serve_axon`, `serve_axon_tls`.
    fn serve_axon() -> Weight;
    /// `serve_prometheus`.
    fn serve_prometheus() -> Weight;
}

/// Reads per subnet per block in the coinbase (prices, reserves, flags, pendings, EMA inputs).
const COINBASE_READS_PER_SUBNET: u64 = 24;
/// Writes per subnet per block in the coinbase (reserves, emissions, pendings, EMA, counters).
const COINBASE_WRITES_PER_SUBNET: u64 = 16;

impl WeightInfo for () {
    fn on_initialize(subnets: u32) -> Weight {
        let n = u64::from(subnets);
        Weight::from_parts(20_000_000, 0)
            .saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(n))
            .saturating_add(RocksDbWeight::get().reads(8u64.saturating_add(COINBASE_READS_PER_SUBNET.saturating_mul(n))))
            .saturating_add(RocksDbWeight::get().writes(2u64.saturating_add(COINBASE_WRITES_PER_SUBNET.saturating_mul(n))))
    }
    fn epoch(neurons: u32) -> Weight {
        let n = u64::from(neurons);
        Weight::from_parts(2_000_000, 0)
            .saturating_mul(n)
            .saturating_add(Weight::from_parts(20_000, 0).saturating_mul(n.saturating_mul(n)))
            .saturating_add(RocksDbWeight::get().reads_writes(n.saturating_mul(8), n.saturating_mul(4)))
    }
    fn add_stake() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(14, 10))
    }
    fn remove_stake() -> Weight {
        Weight::from_parts(150_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(16, 10))
    }
    fn unstake_all() -> Weight {
        Weight::from_parts(600_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(64, 40))
    }
    fn move_stake() -> Weight {
        Weight::from_parts(300_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(28, 20))
    }
    fn register_network() -> Weight {
        Weight::from_parts(200_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(12, 20))
    }
    fn try_associate_hotkey() -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(1, 2))
    }
    fn start_call() -> Weight {
        Weight::from_parts(20_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(4, 1))
    }
    fn burned_register() -> Weight {
        Weight::from_parts(250_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(30, 24))
    }
    fn set_weights(n: u32) -> Weight {
        Weight::from_parts(30_000_000, 0)
            .saturating_add(Weight::from_parts(200_000, 0).saturating_mul(u64::from(n)))
            .saturating_add(RocksDbWeight::get().reads_writes(12, 2))
    }
    fn set_parameter() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
    }
    fn set_children(n: u32) -> Weight {
        // Owner, rate limit, subnet, stake threshold (one price per subnet is bounded by the
        // subnets; counted as 8), then the pending entry and the rate-limit block.
        Weight::from_parts(25_000_000, 0)
            .saturating_add(Weight::from_parts(500_000, 0).saturating_mul(u64::from(n)))
            .saturating_add(RocksDbWeight::get().reads_writes(8, 2))
    }
    fn set_take() -> Weight {
        Weight::from_parts(15_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(4, 2))
    }
    fn serve_axon() -> Weight {
        // The reference's 46_000_000 with 4 reads: the UID on this subnet (a hotkey served on
        // a subnet it is not on scans the others, counted as 4 more), rate limit, previous
        // axon; writes the axon and the certificate.
        Weight::from_parts(46_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(8, 2))
    }
    fn serve_prometheus() -> Weight {
        // As `serve_axon`, the reference's 45_000_000; writes the endpoint.
        Weight::from_parts(45_000_000, 0).saturating_add(RocksDbWeight::get().reads_writes(8, 1))
    }
}
