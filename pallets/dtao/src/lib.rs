//! # pallet-dtao
//!
//! Bittensor's dynamic TAO (dTAO) mechanics as a FRAME pallet, reproducing Subtensor at commit
//! `6b86ebf30` (2025-04-11: constant-product pools, price-proportional emission). In a runtime
//! it is named `SubtensorModule`, and its storage items carry the reference's names, so that
//! storage keys match mainnet where the data means the same thing.
//!
//! ## Architecture
//! The formulas live in the `dtao-math` crate (no FRAME, no storage); this pallet reads
//! storage, calls them, and writes the results back. One module per mechanism:
//! - [`pool`]: prices and the constant-product swaps against `SubnetTAO` / `SubnetAlphaIn`.
//! - [`shares`]: per-(hotkey, netuid) share pools, so nominators' alpha grows with emission.
//! - [`staking`]: staking *is* a swap: add/remove/move/transfer/swap stake, limits, fees.
//! - [`subnets`]: network registration with lock cost, `start_call`, hotkey ownership.
//! - [`coinbase`]: the per-block emission in `on_initialize`, pending accumulators, drains.
//! - [`consensus`]: the epoch (Yuma consensus) and the payout of drained emission; the
//!   emission policy switch.
//! - [`registration`]: `burned_register`, `root_register`, UIDs, pruning, burn adjustment.
//! - [`set_weights`]: `set_weights` and root weights.
//! - [`admin`]: root-only parameter setters.
//! - [`invariants`]: the accounting invariants checked after every test (`do_try_state`).
//!
//! ## Calls
//! Neurons: `set_weights` (0), `burned_register` (7), `set_root_weights` (201, ours),
//! `root_register` (62). Staking: `add_stake` (2), `remove_stake` (3), `unstake_all` (83),
//! `unstake_all_alpha` (84), `move_stake` (85), `transfer_stake` (86), `swap_stake` (87),
//! `add_stake_limit` (88), `remove_stake_limit` (89), `swap_stake_limit` (90). Subnets:
//! `register_network` (59), `try_associate_hotkey` (91), `start_call` (92). Serving:
//! `serve_axon` (4), `serve_prometheus` (5), `serve_axon_tls` (40). Root:
//! `sudo_set_parameter` (200).
//!
//! ## Where drained emission goes
//! At each subnet's tempo the four pending accumulators are drained into the epoch, which pays
//! miners, validators (and through share pools their nominators), root stakers and the owner.
//! What has no recipient is kept in `UndistributedAlpha`, `UndistributedRootTao` and
//! `UndistributedOwnerCut`; [`Event::EmissionDistributed`] reports credited and kept amounts,
//! which add up to what was drained. See `docs/epoch.md`.
//!
//! ## Add dtao to your runtime
//!
//! 1. Depend on it (and on `pallet-balances`, whose `u64` balances are TAO in rao), with its
//!    `std` feature in your runtime's `std`:
//!    ```toml
//!    [dependencies]
//!    pallet-dtao = { version = "0.1", default-features = false }
//!    [features]
//!    std = ["pallet-dtao/std"]          # and try-runtime = ["pallet-dtao/try-runtime"]
//!    ```
//! 2. Implement [`Config`]. Only [`Config::Currency`] has no default; derive the rest from
//!    [`config_preludes::TestDefaultConfig`]:
#![doc = docify::embed!("../../examples/runtime-integration/src/lib.rs", example_config)]
//! 3. Add the pallet to your runtime, under any name and index. The dTAO runtime names it
//!    `SubtensorModule` (index 7) so that storage keys match mainnet's; this example names it
//!    `Dtao` at index 42:
#![doc = docify::embed!("../../examples/runtime-integration/src/lib.rs", example_runtime)]
//! 4. Give it a genesis: [`GenesisConfig`] creates the root network and any number of subnets
//!    with seeded pools. Every field, with a JSON patch for `chain-spec-builder`, is in
//!    `docs/genesis.md`. The view functions ([`Pallet::quote_stake`] and others) are served by
//!    the standard `RuntimeViewFunction` API; `try-runtime` runs [`Pallet::do_try_state`].
//!
//! The whole example runtime, with its tests, is the `dtao-example-runtime` crate
//! (`examples/runtime-integration`). `README.md` lists the calls, events, errors and
//! invariants.
//!
//! ## Test against it
//!
//! With the `test-utils` feature the pallet exports a test kit, the `testing` module, generic
//! over your runtime (an externalities builder that checks every invariant when a test ends,
//! block and epoch drivers, call helpers, readers), and `mock`, a ready-made runtime. Staking
//! then unstaking, with the reference's numbers derived in the comments:
#![doc = docify::embed!("src/testing/examples.rs", stake_then_unstake)]
//!
//! Running an epoch:
#![doc = docify::embed!("src/testing/examples.rs", run_an_epoch)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod accounting;
pub mod admin;
pub mod childkeys;
pub mod client_info;
pub mod serving;
pub mod coinbase;
pub mod extension;
pub mod consensus;
pub mod invariants;
pub mod pool;
pub mod registration;
pub mod set_weights;
pub mod shares;
pub mod staking;
pub mod subnets;
pub mod weights;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

#[cfg(any(test, feature = "test-utils"))]
pub mod mock;
#[cfg(any(test, feature = "test-utils"))]
pub mod testing;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use weights::WeightInfo;

/// Subnet identifier; netuid 0 is the root network.
pub type NetUid = u16;

/// The root network's netuid.
pub const ROOT_NETUID: NetUid = 0;

/// Subnet mechanism of a constant-product (dynamic) pool.
pub const DYNAMIC_MECHANISM: u16 = 1;

// Calls keep the reference's argument lists (`serve_axon` has eight).
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use alloc::vec::Vec;
    use frame_support::{pallet_prelude::*, traits::fungible};
    use frame_system::pallet_prelude::*;
    use substrate_fixed::types::{I96F32, U64F64};

    /// The in-code storage version.
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    #[pallet::without_storage_info]
    pub struct Pallet<T>(_);

    /// Configuration of the pallet.
    ///
    /// Only [`Config::Currency`] has no default: derive the rest from
    /// [`config_preludes::TestDefaultConfig`] with
    /// `#[derive_impl(pallet_dtao::config_preludes::TestDefaultConfig)]`.
    #[pallet::config(with_default)]
    pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
        /// TAO: balances in rao (1 TAO = 10^9 rao), usually `pallet_balances` with
        /// `Balance = u64`.
        #[pallet::no_default]
        type Currency: fungible::Mutate<Self::AccountId, Balance = u64>;
        /// Weights of calls and of `on_initialize`; `()` is the unit weight set.
        type WeightInfo: WeightInfo;
    }

    /// Default implementations of [`DefaultConfig`], to derive a [`Config`] from.
    pub mod config_preludes {
        use super::*;
        use frame_support::derive_impl;

        /// Defaults for test runtimes and mocks: unit weights. Use with
        /// `#[derive_impl(pallet_dtao::config_preludes::TestDefaultConfig)]`.
        pub struct TestDefaultConfig;

        #[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
        impl frame_system::DefaultConfig for TestDefaultConfig {}

        #[frame_support::register_default_impl(TestDefaultConfig)]
        impl DefaultConfig for TestDefaultConfig {
            type WeightInfo = ();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Defaults (the reference's `type_value`s and runtime constants).
    // ---------------------------------------------------------------------------------------

    /// Default `TaoWeight`: 971_718_665_099_567_868 / u64::MAX ≈ 0.0527.
    #[pallet::type_value]
    pub fn DefaultTaoWeight() -> u64 {
        971_718_665_099_567_868
    }
    /// Default `SubnetOwnerCut`: 11_796 / 65_535 ≈ 18 %.
    #[pallet::type_value]
    pub fn DefaultSubnetOwnerCut() -> u16 {
        11_796
    }
    /// Default `SubnetMovingAlpha`: 0.000003 (I96F32 bits 12_885).
    #[pallet::type_value]
    pub fn DefaultMovingAlpha() -> I96F32 {
        I96F32::from_bits(12_885)
    }
    /// Default `EMAPriceHalvingBlocks`: 201_600 blocks (4 weeks of 12 s blocks).
    #[pallet::type_value]
    pub fn DefaultEmaPriceHalvingBlocks() -> u64 {
        201_600
    }
    /// Default `Tempo`: 360 blocks.
    #[pallet::type_value]
    pub fn DefaultTempo() -> u16 {
        360
    }
    /// Default `NetworkMinLockCost`: 1_000 TAO.
    #[pallet::type_value]
    pub fn DefaultNetworkMinLockCost() -> u64 {
        1_000_000_000_000
    }
    /// Default `NetworkLockReductionInterval`: 100_800 blocks (14 days).
    #[pallet::type_value]
    pub fn DefaultNetworkLockReductionInterval() -> u64 {
        100_800
    }
    /// Default `NetworkRateLimit`: 7_200 blocks between subnet registrations.
    #[pallet::type_value]
    pub fn DefaultNetworkRateLimit() -> u64 {
        7_200
    }
    /// Default `DurationOfStartCall`: 50_400 blocks (7 days).
    #[pallet::type_value]
    pub fn DefaultDurationOfStartCall() -> u64 {
        50_400
    }
    /// Default `TransferToggle`: transfers allowed.
    #[pallet::type_value]
    pub fn DefaultTrue() -> bool {
        true
    }
    /// Default `MaxAllowedUids`: mainnet's `InitialMaxAllowedUids`, 4_096 (a registered
    /// subnet gets 256 explicitly).
    #[pallet::type_value]
    pub fn DefaultMaxAllowedUids() -> u16 {
        4_096
    }
    /// Default `ImmunityPeriod`: mainnet's `InitialImmunityPeriod`, 4_096 blocks (a registered
    /// subnet gets 5_000 explicitly).
    #[pallet::type_value]
    pub fn DefaultImmunityPeriod() -> u16 {
        4_096
    }
    /// Default `Burn`: 1 TAO.
    #[pallet::type_value]
    pub fn DefaultBurn() -> u64 {
        1_000_000_000
    }
    /// Default `MinBurn`: 500_000 rao.
    #[pallet::type_value]
    pub fn DefaultMinBurn() -> u64 {
        500_000
    }
    /// Default `MaxBurn`: 100 TAO.
    #[pallet::type_value]
    pub fn DefaultMaxBurn() -> u64 {
        100_000_000_000
    }
    /// Default `Difficulty`: 10_000_000.
    #[pallet::type_value]
    pub fn DefaultDifficulty() -> u64 {
        10_000_000
    }
    /// Default `MinDifficulty`: mainnet's `InitialMinDifficulty`, 10_000_000 (a registered
    /// subnet gets u64::MAX explicitly).
    #[pallet::type_value]
    pub fn DefaultMinDifficulty() -> u64 {
        10_000_000
    }
    /// Default `MaxDifficulty`: mainnet's `InitialMaxDifficulty`, u64::MAX / 4 (a registered
    /// subnet gets u64::MAX explicitly).
    #[pallet::type_value]
    pub fn DefaultMaxDifficulty() -> u64 {
        u64::MAX / 4
    }
    /// Default `AdjustmentInterval`: mainnet's `InitialAdjustmentInterval`, 100 blocks (a
    /// registered subnet gets 360 explicitly).
    #[pallet::type_value]
    pub fn DefaultAdjustmentInterval() -> u16 {
        100
    }
    /// Default `AdjustmentAlpha`: mainnet's `InitialAdjustmentAlpha`, 0 (a registered subnet
    /// gets 0.97 explicitly).
    #[pallet::type_value]
    pub fn DefaultAdjustmentAlpha() -> u64 {
        0
    }
    /// Default `TargetRegistrationsPerInterval`: mainnet's initial value, 2 (a registered
    /// subnet gets 1 explicitly).
    #[pallet::type_value]
    pub fn DefaultTargetRegistrationsPerInterval() -> u16 {
        2
    }
    /// Default 1 (`MaxRegistrationsPerBlock`).
    #[pallet::type_value]
    pub fn DefaultOne() -> u16 {
        1
    }
    /// Default `MinAllowedWeights`: mainnet's `InitialMinAllowedWeights`, 1_024 (a registered
    /// subnet gets 1 explicitly).
    #[pallet::type_value]
    pub fn DefaultMinAllowedWeights() -> u16 {
        1_024
    }
    /// Default `MaxWeightsLimit`: mainnet's `InitialMaxWeightsLimit`, 1_000 (a registered
    /// subnet gets u16::MAX explicitly).
    #[pallet::type_value]
    pub fn DefaultMaxWeightsLimit() -> u16 {
        1_000
    }
    /// Default `BlockEmission`: 1 TAO.
    #[pallet::type_value]
    pub fn DefaultBlockEmission() -> u64 {
        1_000_000_000
    }
    /// Default `Kappa`: 32_767 (≈ 0.5).
    #[pallet::type_value]
    pub fn DefaultKappa() -> u16 {
        32_767
    }
    /// Default `ActivityCutoff`: 5_000 blocks.
    #[pallet::type_value]
    pub fn DefaultActivityCutoff() -> u16 {
        5_000
    }
    /// Default `BondsPenalty`: 65_535 (1.0).
    #[pallet::type_value]
    pub fn DefaultU16Max() -> u16 {
        u16::MAX
    }
    /// Default `BondsMovingAverage`: 900_000 (bond EMA weight 0.1).
    #[pallet::type_value]
    pub fn DefaultBondsMovingAverage() -> u64 {
        900_000
    }
    /// Default `AlphaValues` (liquid alpha low, high): (45_875, 58_982) ≈ (0.70, 0.90).
    #[pallet::type_value]
    pub fn DefaultAlphaValues() -> (u16, u16) {
        (45_875, 58_982)
    }
    /// Default `MaxAllowedValidators`: mainnet's `InitialMaxAllowedValidators`, 128 (a
    /// registered subnet gets 64 explicitly).
    #[pallet::type_value]
    pub fn DefaultMaxAllowedValidators() -> u16 {
        128
    }
    /// Default `WeightsSetRateLimit`: 100 blocks.
    #[pallet::type_value]
    pub fn DefaultWeightsSetRateLimit() -> u64 {
        100
    }
    /// Default `Delegates` take: 11_796 / 65_535.
    #[pallet::type_value]
    pub fn DefaultDelegateTake() -> u16 {
        11_796
    }
    /// Default `TxDelegateTakeRateLimit` and `TxChildkeyTakeRateLimit`: mainnet's 216_000
    /// blocks (30 days).
    #[pallet::type_value]
    pub fn DefaultTakeRateLimit() -> u64 {
        216_000
    }
    /// Default `PendingChildKeyCooldown`: mainnet's 7_200 blocks (1 day).
    #[pallet::type_value]
    pub fn DefaultPendingChildKeyCooldown() -> u64 {
        7_200
    }

    // ---------------------------------------------------------------------------------------
    // Global accounting.
    // ---------------------------------------------------------------------------------------

    /// All TAO in existence (rao): balances plus staked TAO plus TAO pending as root dividends.
    #[pallet::storage]
    pub type TotalIssuance<T> = StorageValue<_, u64, ValueQuery>;

    /// TAO held in subnet pools, root included (Σ `SubnetTAO`).
    #[pallet::storage]
    pub type TotalStake<T> = StorageValue<_, u64, ValueQuery>;

    /// The TAO block emission last computed (rao).
    #[pallet::storage]
    pub type BlockEmission<T> = StorageValue<_, u64, ValueQuery, DefaultBlockEmission>;

    /// Weight of root stake in subnets, as raw u64 (fraction = raw / u64::MAX).
    #[pallet::storage]
    pub type TaoWeight<T> = StorageValue<_, u64, ValueQuery, DefaultTaoWeight>;

    /// Owner's cut of each subnet's alpha emission, raw u16 (fraction = raw / 65_535).
    #[pallet::storage]
    pub type SubnetOwnerCut<T> = StorageValue<_, u16, ValueQuery, DefaultSubnetOwnerCut>;

    /// Largest per-block weight of the moving-price EMA.
    #[pallet::storage]
    pub type SubnetMovingAlpha<T> = StorageValue<_, I96F32, ValueQuery, DefaultMovingAlpha>;

    /// Floor of the subnet lock cost (rao); also the TAO and alpha that seed a new pool.
    #[pallet::storage]
    pub type NetworkMinLockCost<T> = StorageValue<_, u64, ValueQuery, DefaultNetworkMinLockCost>;

    /// Lock paid by the last subnet registration (rao); `None` reads as the minimum.
    #[pallet::storage]
    pub type NetworkLastLockCost<T> = StorageValue<_, u64, OptionQuery>;

    /// Block of the last subnet registration (0: none yet).
    #[pallet::storage]
    pub type NetworkLastRegistered<T> = StorageValue<_, u64, ValueQuery>;

    /// Blocks over which a doubled lock cost decays back (scaled by the emission halvings).
    #[pallet::storage]
    pub type NetworkLockReductionInterval<T> =
        StorageValue<_, u64, ValueQuery, DefaultNetworkLockReductionInterval>;

    /// Blocks that must pass between two subnet registrations.
    #[pallet::storage]
    pub type NetworkRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultNetworkRateLimit>;

    /// Blocks after registration before the owner may call `start_call`.
    #[pallet::storage]
    pub type DurationOfStartCall<T> = StorageValue<_, u64, ValueQuery, DefaultDurationOfStartCall>;

    /// Number of networks, root included.
    #[pallet::storage]
    pub type TotalNetworks<T> = StorageValue<_, u16, ValueQuery>;

    // ---------------------------------------------------------------------------------------
    // Per subnet.
    // ---------------------------------------------------------------------------------------

    /// Whether a netuid exists.
    #[pallet::storage]
    pub type NetworksAdded<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;

    /// Pool mechanism: 0 stable (1:1, root), 1 dynamic (constant product).
    #[pallet::storage]
    pub type SubnetMechanism<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;

    /// TAO reserve of each subnet pool (root: all TAO staked on root).
    #[pallet::storage]
    pub type SubnetTAO<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Alpha reserve of each subnet pool.
    #[pallet::storage]
    pub type SubnetAlphaIn<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Alpha outside the pool: staked, pending, or left as rounding dust.
    #[pallet::storage]
    pub type SubnetAlphaOut<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// EMA of the spot price clipped at 1.0, which sets each subnet's TAO emission share.
    #[pallet::storage]
    pub type SubnetMovingPrice<T> = StorageMap<_, Identity, NetUid, I96F32, ValueQuery>;

    /// Cumulative TAO traded through the pool.
    #[pallet::storage]
    pub type SubnetVolume<T> = StorageMap<_, Identity, NetUid, u128, ValueQuery>;

    /// TAO injected into the pool in the last block.
    #[pallet::storage]
    pub type SubnetTaoInEmission<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Alpha injected into the pool in the last block.
    #[pallet::storage]
    pub type SubnetAlphaInEmission<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Alpha emitted outside the pool in the last block.
    #[pallet::storage]
    pub type SubnetAlphaOutEmission<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Alpha accumulated for miners and validators until the next epoch.
    #[pallet::storage]
    pub type PendingEmission<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// TAO from selling the root share of alpha, accumulated until the next epoch.
    #[pallet::storage]
    pub type PendingRootDivs<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Alpha sold for root dividends (counted even when the sale was refused).
    #[pallet::storage]
    pub type PendingAlphaSwapped<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Owner's alpha accumulated until the next epoch.
    #[pallet::storage]
    pub type PendingOwnerCut<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Blocks since the subnet's last epoch.
    #[pallet::storage]
    pub type BlocksSinceLastStep<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Block of the subnet's last epoch (the reference's spelling).
    #[pallet::storage]
    pub type LastMechansimStepBlock<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Blocks per epoch; 0 never runs an epoch.
    #[pallet::storage]
    pub type Tempo<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultTempo>;

    /// First block with emission (`start_call` block + 1); unset: no emission yet.
    #[pallet::storage]
    pub type FirstEmissionBlockNumber<T> = StorageMap<_, Identity, NetUid, u64, OptionQuery>;

    /// Half-life, in blocks since `start_call`, of the EMA weight's ramp.
    #[pallet::storage]
    pub type EMAPriceHalvingBlocks<T> =
        StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultEmaPriceHalvingBlocks>;

    /// Whether burned registration is open.
    #[pallet::storage]
    pub type NetworkRegistrationAllowed<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;

    /// Whether proof-of-work registration is open.
    #[pallet::storage]
    pub type NetworkPowRegistrationAllowed<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;

    /// Block at which the subnet was registered.
    #[pallet::storage]
    pub type NetworkRegisteredAt<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Coldkey that owns the subnet.
    #[pallet::storage]
    pub type SubnetOwner<T: Config> = StorageMap<_, Identity, NetUid, T::AccountId, OptionQuery>;

    /// Hotkey of the subnet owner.
    #[pallet::storage]
    pub type SubnetOwnerHotkey<T: Config> =
        StorageMap<_, Identity, NetUid, T::AccountId, OptionQuery>;

    /// Whether stake may change coldkey on this subnet.
    #[pallet::storage]
    pub type TransferToggle<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery, DefaultTrue>;

    /// Drained validator and miner alpha (pending emission plus alpha sold for root) that the
    /// epoch will distribute once it is implemented.
    #[pallet::storage]
    pub type UndistributedAlpha<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Drained root-dividend TAO awaiting distribution to root stakers.
    #[pallet::storage]
    pub type UndistributedRootTao<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// TAO paid as root dividends: root stake (`TotalHotkeyAlpha` on root) that, as in the
    /// reference, never entered `SubnetTAO[0]`, `SubnetAlphaOut[0]` or `TotalStake`. Not a
    /// reference item; the invariants count it.
    #[pallet::storage]
    pub type RootDividendsOutsidePool<T> = StorageValue<_, u64, ValueQuery>;

    /// What `TotalStake` lacks of `Σ SubnetTAO`: TAO that root sales beyond `SubnetTAO[0]`
    /// took out of `TotalStake` although it never held it (root dividends). Not a reference
    /// item; see [`crate::accounting`].
    #[pallet::storage]
    pub type TotalStakeShortfall<T> = StorageValue<_, u64, ValueQuery>;

    /// Outstanding alpha of a subnet that nobody holds (rounding and refused sales), which the
    /// reference leaves in `SubnetAlphaOut`. Not a reference item; see [`crate::accounting`].
    #[pallet::storage]
    pub type AlphaDust<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// TAO removed from stake and paid to nobody, as the reference does for a move below the
    /// minimum stake; still counted in `TotalIssuance`. Not a reference item.
    #[pallet::storage]
    pub type StrandedTao<T> = StorageValue<_, u64, ValueQuery>;

    /// Balances' total issuance as this pallet last accounted for it; outside changes are
    /// taken into `TotalIssuance` at the next block. Not a reference item.
    #[pallet::storage]
    pub type TrackedBalancesIssuance<T> = StorageValue<_, u64, OptionQuery>;

    /// Drained owner alpha that could not be credited (no owner hotkey recorded).
    #[pallet::storage]
    pub type UndistributedOwnerCut<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    // ---------------------------------------------------------------------------------------
    // Hotkeys and stake.
    // ---------------------------------------------------------------------------------------

    /// Coldkey that owns each hotkey.
    #[pallet::storage]
    pub type Owner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

    /// Hotkeys a coldkey owns.
    #[pallet::storage]
    pub type OwnedHotkeys<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, Vec<T::AccountId>, ValueQuery>;

    /// Hotkeys a coldkey has staked to.
    #[pallet::storage]
    pub type StakingHotkeys<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, Vec<T::AccountId>, ValueQuery>;

    /// Validator take of each hotkey, raw u16.
    #[pallet::storage]
    pub type Delegates<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, u16, ValueQuery, DefaultDelegateTake>;

    /// Total alpha of a hotkey on a subnet: the value of its share pool.
    #[pallet::storage]
    pub type TotalHotkeyAlpha<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, u64, ValueQuery>;

    /// Total shares of a hotkey's pool on a subnet.
    #[pallet::storage]
    pub type TotalHotkeyShares<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, U64F64, ValueQuery>;

    /// Shares of (hotkey, coldkey) in the hotkey's pool on a subnet.
    #[pallet::storage]
    pub type Alpha<T: Config> = StorageNMap<
        _,
        (
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Identity, NetUid>,
        ),
        U64F64,
        ValueQuery,
    >;

    /// Alpha dividends paid to a hotkey in the subnet's last epoch (feeds the unstake fee).
    #[pallet::storage]
    pub type AlphaDividendsPerSubnet<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, u64, ValueQuery>;

    /// A hotkey's alpha at the subnet's last epoch (feeds the unstake fee).
    #[pallet::storage]
    pub type TotalHotkeyAlphaLastEpoch<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, u64, ValueQuery>;

    /// Block of the last stake operation of (coldkey, hotkey).
    #[pallet::storage]
    pub type LastColdkeyHotkeyStakeBlock<T: Config> = StorageDoubleMap<
        _,
        Twox64Concat,
        T::AccountId,
        Twox64Concat,
        T::AccountId,
        u64,
        OptionQuery,
    >;


    // ---------------------------------------------------------------------------------------
    // Child keys and takes.
    // ---------------------------------------------------------------------------------------

    /// Children of (parent hotkey, netuid): (proportion raw u64, child).
    #[pallet::storage]
    pub type ChildKeys<T: Config> = StorageDoubleMap<
        _,
        Blake2_128Concat,
        T::AccountId,
        Identity,
        NetUid,
        Vec<(u64, T::AccountId)>,
        ValueQuery,
    >;

    /// Parents of (child hotkey, netuid): (proportion raw u64, parent).
    #[pallet::storage]
    pub type ParentKeys<T: Config> = StorageDoubleMap<
        _,
        Blake2_128Concat,
        T::AccountId,
        Identity,
        NetUid,
        Vec<(u64, T::AccountId)>,
        ValueQuery,
    >;

    /// Children scheduled by `set_children`, with the block after which they apply.
    #[pallet::storage]
    pub type PendingChildKeys<T: Config> = StorageDoubleMap<
        _,
        Identity,
        NetUid,
        Blake2_128Concat,
        T::AccountId,
        (Vec<(u64, T::AccountId)>, u64),
        ValueQuery,
    >;

    /// Childkey take of (hotkey, netuid), raw u16 (/65535).
    #[pallet::storage]
    pub type ChildkeyTake<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, u16, ValueQuery>;

    /// Last block of a rate-limited call per (hotkey, netuid, call kind: 0 `set_children`,
    /// 1 `set_childkey_take`).
    #[pallet::storage]
    pub type TransactionKeyLastBlock<T: Config> = StorageNMap<
        _,
        (NMapKey<Blake2_128Concat, T::AccountId>, NMapKey<Identity, NetUid>, NMapKey<Identity, u16>),
        u64,
        ValueQuery,
    >;

    /// Last block a hotkey's delegate take changed.
    #[pallet::storage]
    pub type LastTxBlockDelegateTake<T: Config> = StorageMap<_, Identity, T::AccountId, u64, ValueQuery>;

    /// Lowest delegate take (raw u16).
    #[pallet::storage]
    pub type MinDelegateTake<T> = StorageValue<_, u16, ValueQuery>;

    /// Highest delegate take (raw u16).
    #[pallet::storage]
    pub type MaxDelegateTake<T> = StorageValue<_, u16, ValueQuery, DefaultDelegateTake>;

    /// Lowest childkey take (raw u16).
    #[pallet::storage]
    pub type MinChildkeyTake<T> = StorageValue<_, u16, ValueQuery>;

    /// Highest childkey take (raw u16).
    #[pallet::storage]
    pub type MaxChildkeyTake<T> = StorageValue<_, u16, ValueQuery, DefaultDelegateTake>;

    /// Blocks after a delegate-take change before the take may be increased.
    #[pallet::storage]
    pub type TxDelegateTakeRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultTakeRateLimit>;

    /// Blocks between two childkey-take changes of a (hotkey, netuid).
    #[pallet::storage]
    pub type TxChildkeyTakeRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultTakeRateLimit>;

    /// Blocks after `set_children` before the children apply (at the subnet's next epoch
    /// block after that). The reference's compile-time `DefaultPendingCooldown`; not a
    /// reference storage item.
    #[pallet::storage]
    pub type PendingChildKeyCooldown<T> =
        StorageValue<_, u64, ValueQuery, DefaultPendingChildKeyCooldown>;

    // ---------------------------------------------------------------------------------------
    // Serving (axons, certificates, Prometheus endpoints).
    // ---------------------------------------------------------------------------------------

    /// Mainnet's `InitialServingRateLimit`: blocks between two serves of one endpoint.
    #[pallet::type_value]
    pub fn DefaultServingRateLimit() -> u64 {
        50
    }
    /// Blocks a hotkey must wait between two `serve_axon` (or two `serve_prometheus`) on a
    /// subnet.
    #[pallet::storage]
    pub type ServingRateLimit<T> =
        StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultServingRateLimit>;
    /// The axon a hotkey serves on a subnet.
    #[pallet::storage]
    pub type Axons<T: Config> = StorageDoubleMap<
        _,
        Identity,
        NetUid,
        Blake2_128Concat,
        T::AccountId,
        crate::serving::AxonInfo,
        OptionQuery,
    >;
    /// The TLS certificate a hotkey gave with `serve_axon_tls`.
    #[pallet::storage]
    pub type NeuronCertificates<T: Config> = StorageDoubleMap<
        _,
        Identity,
        NetUid,
        Blake2_128Concat,
        T::AccountId,
        crate::serving::NeuronCertificate,
        OptionQuery,
    >;
    /// The Prometheus endpoint a hotkey serves on a subnet.
    #[pallet::storage]
    pub type Prometheus<T: Config> = StorageDoubleMap<
        _,
        Identity,
        NetUid,
        Blake2_128Concat,
        T::AccountId,
        crate::serving::PrometheusInfo,
        OptionQuery,
    >;

    // ---------------------------------------------------------------------------------------
    // Neurons, registration and consensus.
    // ---------------------------------------------------------------------------------------

    /// Which rule splits the TAO block emission between subnets.
    #[pallet::storage]
    pub type SubnetEmissionPolicy<T> = StorageValue<_, crate::consensus::EmissionPolicy, ValueQuery>;

    /// Number of neurons (UIDs) of a subnet.
    #[pallet::storage]
    pub type SubnetworkN<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;

    /// Most neurons a subnet may hold.
    #[pallet::storage]
    pub type MaxAllowedUids<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMaxAllowedUids>;

    /// Hotkey at (netuid, uid).
    #[pallet::storage]
    pub type Keys<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Identity, u16, T::AccountId, OptionQuery>;

    /// UID of (netuid, hotkey).
    #[pallet::storage]
    pub type Uids<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, u16, OptionQuery>;

    /// Block at which (netuid, uid) registered.
    #[pallet::storage]
    pub type BlockAtRegistration<T> =
        StorageDoubleMap<_, Identity, NetUid, Identity, u16, u64, ValueQuery>;

    /// Blocks after registration during which a neuron cannot be pruned.
    #[pallet::storage]
    pub type ImmunityPeriod<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultImmunityPeriod>;

    /// Current registration burn (rao).
    #[pallet::storage]
    pub type Burn<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultBurn>;
    /// Lower bound of `Burn`.
    #[pallet::storage]
    pub type MinBurn<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultMinBurn>;
    /// Upper bound of `Burn`.
    #[pallet::storage]
    pub type MaxBurn<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultMaxBurn>;
    /// Proof-of-work difficulty.
    #[pallet::storage]
    pub type Difficulty<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultDifficulty>;
    /// Lower bound of `Difficulty`.
    #[pallet::storage]
    pub type MinDifficulty<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultMinDifficulty>;
    /// Upper bound of `Difficulty`.
    #[pallet::storage]
    pub type MaxDifficulty<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultMaxDifficulty>;
    /// Blocks between burn/difficulty adjustments.
    #[pallet::storage]
    pub type AdjustmentInterval<T> =
        StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultAdjustmentInterval>;
    /// Weight of the old value in an adjustment (raw u64, /u64::MAX).
    #[pallet::storage]
    pub type AdjustmentAlpha<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultAdjustmentAlpha>;
    /// Block of the last adjustment.
    #[pallet::storage]
    pub type LastAdjustmentBlock<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    /// Target registrations per interval.
    #[pallet::storage]
    pub type TargetRegistrationsPerInterval<T> =
        StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultTargetRegistrationsPerInterval>;
    /// Registrations this interval.
    #[pallet::storage]
    pub type RegistrationsThisInterval<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    /// Proof-of-work registrations this interval.
    #[pallet::storage]
    pub type POWRegistrationsThisInterval<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    /// Burned registrations this interval.
    #[pallet::storage]
    pub type BurnRegistrationsThisInterval<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    /// Registrations this block.
    #[pallet::storage]
    pub type RegistrationsThisBlock<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    /// Most registrations per block.
    #[pallet::storage]
    pub type MaxRegistrationsPerBlock<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultOne>;
    /// TAO spent on burned registrations (swapped into the pool).
    #[pallet::storage]
    pub type RAORecycledForRegistration<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Weights set by (netuid, uid): sparse (target uid, u16 weight) pairs.
    #[pallet::storage]
    pub type Weights<T> =
        StorageDoubleMap<_, Identity, NetUid, Identity, u16, Vec<(u16, u16)>, ValueQuery>;
    /// Bonds of (netuid, uid): sparse (target uid, u16 bond) pairs.
    #[pallet::storage]
    pub type Bonds<T> =
        StorageDoubleMap<_, Identity, NetUid, Identity, u16, Vec<(u16, u16)>, ValueQuery>;
    /// Block of each neuron's last weight update (or registration).
    #[pallet::storage]
    pub type LastUpdate<T> = StorageMap<_, Identity, NetUid, Vec<u64>, ValueQuery>;
    /// Validator permits from the last epoch.
    #[pallet::storage]
    pub type ValidatorPermit<T> = StorageMap<_, Identity, NetUid, Vec<bool>, ValueQuery>;
    /// Pruning scores from the last epoch (lowest is pruned first).
    #[pallet::storage]
    pub type PruningScores<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Active flags from the last epoch.
    #[pallet::storage]
    pub type Active<T> = StorageMap<_, Identity, NetUid, Vec<bool>, ValueQuery>;
    /// Normalised stake weights from the last epoch.
    #[pallet::storage]
    pub type StakeWeight<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Ranks from the last epoch.
    #[pallet::storage]
    pub type Rank<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Trust from the last epoch.
    #[pallet::storage]
    pub type Trust<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Consensus from the last epoch.
    #[pallet::storage]
    pub type Consensus<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Incentive from the last epoch.
    #[pallet::storage]
    pub type Incentive<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Dividends from the last epoch.
    #[pallet::storage]
    pub type Dividends<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Validator trust from the last epoch.
    #[pallet::storage]
    pub type ValidatorTrust<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    /// Emission (alpha rao) per neuron in the last epoch.
    #[pallet::storage]
    pub type Emission<T> = StorageMap<_, Identity, NetUid, Vec<u64>, ValueQuery>;

    /// Yuma κ (raw u16).
    #[pallet::storage]
    pub type Kappa<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultKappa>;
    /// Blocks without a weight update after which a neuron is inactive.
    #[pallet::storage]
    pub type ActivityCutoff<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultActivityCutoff>;
    /// Bonds penalty (raw u16).
    #[pallet::storage]
    pub type BondsPenalty<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultU16Max>;
    /// Bonds moving average (/1_000_000).
    #[pallet::storage]
    pub type BondsMovingAverage<T> =
        StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultBondsMovingAverage>;
    /// Whether liquid alpha (per-column bond EMA) is on.
    #[pallet::storage]
    pub type LiquidAlphaOn<T> = StorageMap<_, Blake2_128Concat, NetUid, bool, ValueQuery>;
    /// Liquid alpha bounds (low, high), raw u16.
    #[pallet::storage]
    pub type AlphaValues<T> = StorageMap<_, Identity, NetUid, (u16, u16), ValueQuery, DefaultAlphaValues>;
    /// Most validator permits per subnet.
    #[pallet::storage]
    pub type MaxAllowedValidators<T> =
        StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMaxAllowedValidators>;
    /// Fewest weights a validator must set.
    #[pallet::storage]
    pub type MinAllowedWeights<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMinAllowedWeights>;
    /// Largest single weight after max-upscaling.
    #[pallet::storage]
    pub type MaxWeightsLimit<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMaxWeightsLimit>;
    /// Blocks between two weight updates of a neuron.
    #[pallet::storage]
    pub type WeightsSetRateLimit<T> =
        StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultWeightsSetRateLimit>;
    /// Smallest accepted weights version key (0: any).
    #[pallet::storage]
    pub type WeightsVersionKey<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    /// Stake weight needed to set weights.
    #[pallet::storage]
    pub type StakeThreshold<T> = StorageValue<_, u64, ValueQuery>;

    /// Root (TAO) dividends paid to a hotkey's nominators from a subnet's last epoch.
    #[pallet::storage]
    pub type TaoDividendsPerSubnet<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, u64, ValueQuery>;

    // ---------------------------------------------------------------------------------------
    // Names and identities clients read (reference hashers and value types; nothing in dtao
    // writes them yet, so they read as absent).
    // ---------------------------------------------------------------------------------------

    /// The reference's `DefaultUnicodeVecU8`: 𝜏 (bytes F0 9D 9C 8F).
    #[pallet::type_value]
    pub fn DefaultUnicodeVecU8() -> Vec<u8> {
        alloc::vec![0xF0, 0x9D, 0x9C, 0x8F]
    }
    /// A subnet's name; absent, clients get the name table's
    /// ([`Pallet::get_name_for_subnet`]).
    #[pallet::storage]
    pub type SubnetName<T> = StorageMap<_, Identity, NetUid, Vec<u8>, ValueQuery, DefaultUnicodeVecU8>;
    /// A subnet's identity (`SubnetIdentitiesV2`).
    #[pallet::storage]
    pub type SubnetIdentitiesV2<T> =
        StorageMap<_, Blake2_128Concat, NetUid, crate::client_info::subnet::SubnetIdentityV2, OptionQuery>;
    /// Whether a subnet takes weights by commit and reveal. dtao has no commit-reveal, and
    /// the reference writes this only through its admin call, so it reads `false`
    /// (`DefaultCommitRevealWeightsEnabled`); the SDK's `set_weights` reads it.
    #[pallet::storage]
    pub type CommitRevealWeightsEnabled<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;
    /// A coldkey's identity (`IdentitiesV2`).
    #[pallet::storage]
    pub type IdentitiesV2<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, crate::client_info::metagraph::ChainIdentityV2, OptionQuery>;

    // ---------------------------------------------------------------------------------------
    // Events and errors.
    // ---------------------------------------------------------------------------------------

    /// Events.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A network was added: (netuid, mechanism).
        NetworkAdded(NetUid, u16),
        /// A subnet's identity was stored at its registration.
        SubnetIdentitySet(NetUid),
        /// Stake added: (coldkey, hotkey, TAO staked after fee, alpha credited, netuid, fee).
        StakeAdded(T::AccountId, T::AccountId, u64, u64, NetUid, u64),
        /// Stake removed: (coldkey, hotkey, TAO paid out after fee, alpha debited, netuid, fee).
        StakeRemoved(T::AccountId, T::AccountId, u64, u64, NetUid, u64),
        /// Stake moved: (coldkey, origin hotkey, origin netuid, destination hotkey,
        /// destination netuid, TAO moved).
        StakeMoved(T::AccountId, T::AccountId, NetUid, T::AccountId, NetUid, u64),
        /// Stake transferred: (origin coldkey, destination coldkey, hotkey, origin netuid,
        /// destination netuid, TAO).
        StakeTransferred(T::AccountId, T::AccountId, T::AccountId, NetUid, NetUid, u64),
        /// Stake swapped between subnets: (coldkey, hotkey, origin netuid, destination netuid,
        /// TAO).
        StakeSwapped(T::AccountId, T::AccountId, NetUid, NetUid, u64),
        /// Emission starts at this block: (netuid, first emission block).
        FirstEmissionBlockNumberSet(NetUid, u64),
        /// A hotkey was associated with a coldkey.
        HotkeyAssociated {
            /// The owner.
            coldkey: T::AccountId,
            /// The hotkey.
            hotkey: T::AccountId,
        },
        /// Subnet registration paid: lock paid, part seeding the pool, part removed from
        /// issuance.
        NetworkLockPaid {
            /// The new subnet.
            netuid: NetUid,
            /// The lock paid by the owner (rao).
            lock: u64,
            /// TAO (and alpha) that seeded the pool.
            pool: u64,
            /// TAO removed from `TotalIssuance`.
            burned: u64,
        },
        /// One block's emission into one subnet (all amounts in rao).
        SubnetEmission {
            /// The subnet.
            netuid: NetUid,
            /// TAO injected into the pool.
            tao_in: u64,
            /// Alpha injected into the pool.
            alpha_in: u64,
            /// Alpha emitted outside the pool.
            alpha_out: u64,
            /// Owner's cut of `alpha_out`.
            owner_cut: u64,
            /// Alpha sold for root dividends.
            root_alpha: u64,
            /// TAO that sale returned.
            root_tao: u64,
            /// Alpha added to `PendingEmission`.
            pending_alpha: u64,
        },
        /// A subnet's epoch drained its pending accumulators.
        EmissionDrained {
            /// The subnet.
            netuid: NetUid,
            /// `PendingEmission` drained.
            pending_alpha: u64,
            /// `PendingRootDivs` drained.
            pending_tao: u64,
            /// `PendingAlphaSwapped` drained.
            pending_swapped: u64,
            /// `PendingOwnerCut` drained.
            owner_cut: u64,
        },
        /// The owner cut was credited to the owner's hotkey.
        OwnerCutCredited {
            /// The subnet.
            netuid: NetUid,
            /// Owner hotkey.
            hotkey: T::AccountId,
            /// Alpha credited.
            alpha: u64,
        },
        /// Balances' issuance changed outside this pallet (a burn, dust removal, a forced
        /// balance, burned fees): `TotalIssuance` moved by `current − previous`.
        BalancesIssuanceFollowed {
            /// Balances' issuance last accounted for.
            previous: u64,
            /// Balances' issuance now.
            current: u64,
        },
        /// A move unstaked less TAO than the minimum stake (plus fee): as in the reference, it
        /// is not restaked and not paid back; it is counted in `StrandedTao`.
        MoveTaoStranded {
            /// The coldkey that moved.
            coldkey: T::AccountId,
            /// The origin hotkey.
            hotkey: T::AccountId,
            /// The origin subnet.
            netuid: NetUid,
            /// TAO unstaked and stranded (rao).
            tao: u64,
        },
        /// Children were scheduled: (parent hotkey, netuid, block after which they apply,
        /// children).
        SetChildrenScheduled(T::AccountId, NetUid, u64, Vec<(u64, T::AccountId)>),
        /// Scheduled children applied: (parent hotkey, netuid, children).
        SetChildren(T::AccountId, NetUid, Vec<(u64, T::AccountId)>),
        /// A childkey take was set: (hotkey, take).
        ChildKeyTakeSet(T::AccountId, u16),
        /// A delegate take was decreased: (coldkey, hotkey, take).
        TakeDecreased(T::AccountId, T::AccountId, u16),
        /// A delegate take was increased: (coldkey, hotkey, take).
        TakeIncreased(T::AccountId, T::AccountId, u16),
        /// A root-only parameter changed.
        ParameterSet(crate::admin::Parameter),
        /// A neuron registered: (netuid, uid, hotkey).
        NeuronRegistered(NetUid, u16, T::AccountId),
        /// Weights were set: (netuid, uid).
        WeightsSet(NetUid, u16),
        /// An axon was served: (netuid, hotkey).
        AxonServed(NetUid, T::AccountId),
        /// A Prometheus endpoint was served: (netuid, hotkey).
        PrometheusServed(NetUid, T::AccountId),
        /// An epoch distributed the drained emission of a subnet (all in rao).
        EmissionDistributed {
            /// The subnet.
            netuid: NetUid,
            /// Alpha credited to miners.
            incentives: u64,
            /// Alpha credited to validators and their nominators (take included).
            alpha_dividends: u64,
            /// TAO credited to root stakers through their validators (take included).
            tao_dividends: u64,
            /// Alpha credited to the owner.
            owner_cut: u64,
            /// Alpha kept in `UndistributedAlpha` (no recipient, or rounding).
            alpha_kept: u64,
            /// TAO kept in `UndistributedRootTao` (no recipient, or rounding).
            tao_kept: u64,
        },
    }

    /// Errors.
    #[pallet::error]
    pub enum Error<T> {
        /// The subnet does not exist.
        SubNetworkDoesNotExist,
        /// The subnet to stake on does not exist.
        SubnetNotExists,
        /// The hotkey has no owner: register or associate it first.
        HotKeyAccountNotExists,
        /// The hotkey is owned by another coldkey.
        NonAssociatedColdKey,
        /// The hotkey is already associated.
        HotKeyAlreadyAssociated,
        /// The position holds less alpha than requested.
        NotEnoughStakeToWithdraw,
        /// The coldkey cannot pay this amount.
        NotEnoughBalanceToStake,
        /// Withdrawing the balance failed.
        BalanceWithdrawalError,
        /// The amount is below the minimum (500_000 rao plus fee in, more than 500_000 rao out).
        AmountTooLow,
        /// The pool would fall below its minimum liquidity, or the share is too small.
        InsufficientLiquidity,
        /// The limit price cannot be met.
        SlippageTooHigh,
        /// Stake transfers are disabled on this subnet.
        TransferDisallowed,
        /// Subnet registrations are rate limited.
        NetworkTxRateLimitExceeded,
        /// `start_call` was already called.
        FirstEmissionBlockNumberAlreadySet,
        /// `start_call` is not allowed yet.
        NeedWaitingMoreBlocksToStarCall,
        /// Only the subnet owner may do this.
        NotSubnetOwner,
        /// Not allowed on the root network.
        NotAllowedOnRootNetwork,
        /// Origin and destination are the same position.
        SameNetuid,
        /// The amount is zero.
        ZeroAmount,
        /// A parameter value is out of its allowed range.
        InvalidParameter,
        /// No free netuid is left.
        NoFreeNetuid,
        /// The root network does not exist.
        RootNetworkDoesNotExist,
        /// Registration is not allowed on the root network (use `root_register`).
        RegistrationNotPermittedOnRootSubnet,
        /// Registration is closed on this subnet.
        SubNetRegistrationDisabled,
        /// Too many registrations in this block.
        TooManyRegistrationsThisBlock,
        /// Too many registrations in this interval.
        TooManyRegistrationsThisInterval,
        /// The hotkey is already registered on this subnet.
        HotKeyAlreadyRegisteredInSubNet,
        /// The subnet has no UID to give.
        NoNeuronIdAvailable,
        /// The subnet is full and every neuron is still immune.
        AllNeuronsImmune,
        /// Root is full and the hotkey's root stake is not above the smallest member's.
        StakeTooLowForRoot,
        /// The hotkey is not registered on this subnet.
        HotKeyNotRegisteredInSubNet,
        /// Weights cannot be set on root with `set_weights` (use `set_root_weights`).
        CanNotSetRootNetworkWeights,
        /// UIDs and weights differ in length.
        WeightVecNotEqualSize,
        /// More UIDs than neurons.
        UidsLengthExceedUidsInSubNet,
        /// Not enough stake to set weights.
        NotEnoughStakeToSetWeights,
        /// The weights version key is too old.
        IncorrectWeightVersionKey,
        /// Weights were set too recently.
        SettingWeightsTooFast,
        /// Weights on others need a validator permit.
        NeuronNoValidatorPermit,
        /// A UID appears twice.
        DuplicateUids,
        /// A UID (or root target netuid) does not exist.
        UidVecContainInvalidOne,
        /// Fewer weights than `MinAllowedWeights`.
        WeightVecLengthIsLow,
        /// A weight exceeds `MaxWeightsLimit`.
        MaxWeightExceeded,
        /// Serving: the hotkey holds no UID on any network.
        HotKeyNotRegisteredInNetwork,
        /// Serving: the IP type is not 4 or 6.
        InvalidIpType,
        /// A subnet identity field is longer than its limit.
        InvalidIdentity,
        /// Serving: the IP address is 0, a loopback or a broadcast address, or too large.
        InvalidIpAddress,
        /// Serving: the port is 0.
        InvalidPort,
        /// Serving: served again within `ServingRateLimit` blocks.
        ServingRateLimitExceeded,
        /// A positive withdrawal took nothing from the balance (it holds at most the existential
        /// deposit).
        ZeroBalanceAfterWithdrawn,
        /// A rate-limited call came too soon (`set_children`).
        TxRateLimitExceeded,
        /// More than 5 children.
        TooManyChildren,
        /// A hotkey cannot be its own child.
        InvalidChild,
        /// The children's proportions add up past u64::MAX.
        ProportionOverflow,
        /// A child appears twice.
        DuplicateChild,
        /// The parent holds less stake than `StakeThreshold`.
        NotEnoughStakeToSetChildkeys,
        /// The childkey take is out of bounds.
        InvalidChildkeyTake,
        /// The childkey take changed too recently.
        TxChildkeyTakeRateLimitExceeded,
        /// The delegate take is below the minimum, or not below (above) the current take.
        DelegateTakeTooLow,
        /// The delegate take is above the maximum.
        DelegateTakeTooHigh,
        /// The delegate take changed too recently to be increased.
        DelegateTxRateLimitExceeded,
    }

    // ---------------------------------------------------------------------------------------
    // Hooks.
    // ---------------------------------------------------------------------------------------

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(n: BlockNumberFor<T>) -> Weight {
            let block: u64 = n.try_into().unwrap_or(u64::MAX);
            Self::follow_balances_issuance();
            let report = Self::block_step(block);
            Self::try_set_pending_children(block);
            for event in report.events {
                Self::deposit_event(event);
            }
            let coinbase = report.tally.correct(T::WeightInfo::on_initialize(report.subnets), T::DbWeight::get());
            report.epochs.iter().fold(coinbase, |weight, (neurons, validators)| {
                weight.saturating_add(T::WeightInfo::epoch(*neurons, *validators))
            })
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    // ---------------------------------------------------------------------------------------
    // Genesis.
    // ---------------------------------------------------------------------------------------

    /// A subnet created at genesis, seeded as `register_network` would seed it.
    #[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct GenesisSubnet<AccountId> {
        /// The netuid (≥ 1).
        pub netuid: NetUid,
        /// Owner coldkey.
        pub owner_coldkey: AccountId,
        /// Owner hotkey.
        pub owner_hotkey: AccountId,
        /// TAO and alpha in the pool at price 1.0 (rao); counted in `TotalIssuance`.
        pub pool: u64,
        /// Tempo.
        pub tempo: u16,
        /// Whether emission starts at block 1 (as if `start_call` ran at genesis).
        pub emitting: bool,
    }

    /// Genesis configuration.
    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// Subnets besides root.
        pub subnets: Vec<GenesisSubnet<T::AccountId>>,
        /// Tempo of the root network.
        pub root_tempo: u16,
        /// `NetworkMinLockCost`; `None` keeps the default (1_000 TAO).
        pub network_min_lock_cost: Option<u64>,
        /// `DurationOfStartCall`; `None` keeps the default (50_400 blocks).
        pub start_call_delay: Option<u64>,
        /// `NetworkRateLimit`; `None` keeps the default (7_200 blocks).
        pub network_rate_limit: Option<u64>,
        /// `PendingChildKeyCooldown` (default 7_200 blocks).
        pub pending_childkey_cooldown: Option<u64>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            Pallet::<T>::build_genesis(self);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Read-only quotes for clients (runtime API `RuntimeViewFunction`).
    // ---------------------------------------------------------------------------------------

    #[pallet::view_functions]
    impl<T: Config> Pallet<T> {
        /// Alpha that staking `tao` (fee included) on `netuid` would buy now; `None` if the
        /// subnet does not exist or the pool would refuse.
        pub fn quote_stake(netuid: NetUid, tao: u64) -> Option<u64> {
            Self::quote_add_stake(netuid, tao).map(|quote| quote.alpha)
        }

        /// TAO that selling `alpha` on `netuid` would fetch now, before the unstake fee; `None`
        /// if the subnet does not exist or the pool would refuse.
        pub fn quote_unstake(netuid: NetUid, alpha: u64) -> Option<u64> {
            NetworksAdded::<T>::get(netuid).then(|| Self::sim_swap_alpha_for_tao(netuid, alpha)).flatten()
        }

        /// Spot price of `netuid` as raw U96F32 bits (value = bits / 2^32 TAO per alpha).
        pub fn alpha_price_bits(netuid: NetUid) -> u128 {
            Self::get_alpha_price(netuid).to_bits()
        }

        /// What registering a subnet costs now (rao).
        pub fn network_registration_cost() -> u64 {
            Self::get_network_lock_cost()
        }

        /// `add_stake` of `tao` on `netuid` now: fee, alpha, slippage, prices before and
        /// after (the `DtaoApi::quote_stake` numbers).
        pub fn stake_quote(netuid: NetUid, tao: u64) -> Option<crate::client_info::dtao::StakeQuote> {
            Self::quote_add_stake(netuid, tao)
        }

        /// `remove_stake` of `alpha` from `hotkey` on `netuid` now (the
        /// `DtaoApi::quote_unstake` numbers).
        pub fn unstake_quote(
            hotkey: T::AccountId,
            netuid: NetUid,
            alpha: u64,
        ) -> Option<crate::client_info::dtao::UnstakeQuote> {
            Self::quote_remove_stake(&hotkey, netuid, alpha)
        }

        /// What `netuid` has accumulated for its next epoch (the `DtaoApi::pending_emission`
        /// numbers).
        pub fn pending_emission(netuid: NetUid) -> Option<crate::client_info::dtao::PendingEmissionInfo> {
            Self::pending_emission_info(netuid)
        }
    }

    // ---------------------------------------------------------------------------------------
    // Calls.
    // ---------------------------------------------------------------------------------------

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Stake `amount_staked` TAO from the caller's balance on `hotkey` in `netuid`: the TAO
        /// (less the 50_000 rao fee) is swapped into the pool for alpha.
        #[pallet::call_index(2)]
        #[pallet::weight((T::WeightInfo::add_stake(), DispatchClass::Normal, Pays::No))]
        pub fn add_stake(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_staked: u64,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_add_stake(coldkey, hotkey, netuid, amount_staked, None)
        }

        /// Unstake `amount_unstaked` alpha of the caller's position on `hotkey` in `netuid`:
        /// the alpha is sold to the pool and the TAO (less the fee) paid to the caller.
        #[pallet::call_index(3)]
        #[pallet::weight((T::WeightInfo::remove_stake(), DispatchClass::Normal, Pays::No))]
        pub fn remove_stake(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_unstaked: u64,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_remove_stake(coldkey, hotkey, netuid, amount_unstaked, None)
        }

        /// Register a new subnet owned by the caller, with `hotkey` as owner hotkey. Pays the
        /// lock cost; `NetworkMinLockCost` of it seeds the pool at price 1.0.
        #[pallet::call_index(59)]
        #[pallet::weight((T::WeightInfo::register_network(), DispatchClass::Operational, Pays::No))]
        pub fn register_network(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_register_network(coldkey, hotkey, None).map(|_| ())
        }

        /// `register_network` that also stores the subnet's identity (`SubnetIdentitiesV2`).
        #[pallet::call_index(79)]
        #[pallet::weight((T::WeightInfo::register_network_with_identity(), DispatchClass::Operational, Pays::No))]
        pub fn register_network_with_identity(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            identity: Option<crate::client_info::subnet::SubnetIdentityV2>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_register_network(coldkey, hotkey, identity).map(|_| ())
        }

        /// Register `hotkey` on `netuid` by burning the subnet's registration cost (swapped into
        /// its pool, the alpha destroyed).
        #[pallet::call_index(7)]
        #[pallet::weight((Pallet::<T>::burned_register_weight(*netuid), DispatchClass::Normal, Pays::No))]
        pub fn burned_register(origin: OriginFor<T>, netuid: NetUid, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_burned_register(coldkey, netuid, hotkey).map(|_| ())
        }

        /// Set the caller hotkey's weights on `netuid`'s neurons.
        #[pallet::call_index(0)]
        #[pallet::weight((T::WeightInfo::set_weights(dests.len() as u32), DispatchClass::Normal, Pays::No))]
        pub fn set_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            dests: Vec<u16>,
            weights: Vec<u16>,
            version_key: u64,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            Self::do_set_weights(hotkey, netuid, dests, weights, version_key)
        }

        /// Set the caller's root weights over subnets (read by the `RootWeights` policy).
        // Not the reference's index 8 (its deprecated `set_tao_weights`, with other
        // arguments): a mainnet-encoded call 8 must not decode as this one.
        #[pallet::call_index(201)]
        #[pallet::weight((T::WeightInfo::set_root_weights(netuids.len() as u32), DispatchClass::Normal, Pays::No))]
        pub fn set_root_weights(
            origin: OriginFor<T>,
            netuids: Vec<u16>,
            weights: Vec<u16>,
            version_key: u64,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            Self::do_set_root_weights(hotkey, netuids, weights, version_key)
        }

        /// Register `hotkey` on the root network.
        #[pallet::call_index(62)]
        #[pallet::weight((T::WeightInfo::root_register(), DispatchClass::Normal, Pays::No))]
        pub fn root_register(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_root_register(coldkey, hotkey).map(|_| ())
        }

        /// Unstake everything the caller holds on `hotkey`, on every subnet, into its balance.
        #[pallet::call_index(83)]
        #[pallet::weight((Pallet::<T>::unstake_all_weight(false), DispatchClass::Operational, Pays::No))]
        pub fn unstake_all(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_unstake_all(coldkey, hotkey, false)
        }

        /// Unstake the caller's alpha on `hotkey` from every subnet but root, and restake the
        /// TAO on root with the same hotkey.
        #[pallet::call_index(84)]
        #[pallet::weight((Pallet::<T>::unstake_all_weight(true), DispatchClass::Operational, Pays::No))]
        pub fn unstake_all_alpha(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_unstake_all(coldkey, hotkey, true)
        }

        /// Move `alpha_amount` of the caller's stake from (origin hotkey, origin netuid) to
        /// (destination hotkey, destination netuid), through both pools.
        #[pallet::call_index(85)]
        #[pallet::weight((T::WeightInfo::move_stake(), DispatchClass::Operational, Pays::No))]
        pub fn move_stake(
            origin: OriginFor<T>,
            origin_hotkey: T::AccountId,
            destination_hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: u64,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_move_stake(
                coldkey,
                origin_hotkey,
                destination_hotkey,
                origin_netuid,
                destination_netuid,
                alpha_amount,
            )
        }

        /// Give `alpha_amount` of the caller's stake on `hotkey` to `destination_coldkey`,
        /// possibly on another subnet.
        #[pallet::call_index(86)]
        #[pallet::weight((T::WeightInfo::transfer_stake(), DispatchClass::Operational, Pays::No))]
        pub fn transfer_stake(
            origin: OriginFor<T>,
            destination_coldkey: T::AccountId,
            hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: u64,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_transfer_stake(
                coldkey,
                destination_coldkey,
                hotkey,
                origin_netuid,
                destination_netuid,
                alpha_amount,
            )
        }

        /// Swap `alpha_amount` of the caller's stake on `hotkey` from one subnet to another.
        #[pallet::call_index(87)]
        #[pallet::weight((T::WeightInfo::swap_stake(), DispatchClass::Operational, Pays::No))]
        pub fn swap_stake(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: u64,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_swap_stake(coldkey, hotkey, origin_netuid, destination_netuid, alpha_amount, None)
        }

        /// As `add_stake`, but the average price paid may not exceed `limit_price` (rao per
        /// alpha); with `allow_partial`, stake as much as the limit allows.
        #[pallet::call_index(88)]
        #[pallet::weight((T::WeightInfo::add_stake_limit(), DispatchClass::Normal, Pays::No))]
        pub fn add_stake_limit(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_staked: u64,
            limit_price: u64,
            allow_partial: bool,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_add_stake(coldkey, hotkey, netuid, amount_staked, Some((limit_price, allow_partial)))
        }

        /// As `remove_stake`, but the average price received may not fall below `limit_price`;
        /// with `allow_partial`, unstake as much as the limit allows.
        #[pallet::call_index(89)]
        #[pallet::weight((T::WeightInfo::remove_stake_limit(), DispatchClass::Normal, Pays::No))]
        pub fn remove_stake_limit(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_unstaked: u64,
            limit_price: u64,
            allow_partial: bool,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_remove_stake(
                coldkey,
                hotkey,
                netuid,
                amount_unstaked,
                Some((limit_price, allow_partial)),
            )
        }

        /// As `swap_stake`, with a limit on the ratio of the two prices (rao-scaled).
        #[pallet::call_index(90)]
        #[pallet::weight((T::WeightInfo::swap_stake_limit(), DispatchClass::Operational, Pays::No))]
        pub fn swap_stake_limit(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: u64,
            limit_price: u64,
            allow_partial: bool,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_swap_stake(
                coldkey,
                hotkey,
                origin_netuid,
                destination_netuid,
                alpha_amount,
                Some((limit_price, allow_partial)),
            )
        }

        /// Make the caller the owner of `hotkey`, so that it can receive stake.
        #[pallet::call_index(91)]
        #[pallet::weight((T::WeightInfo::try_associate_hotkey(), DispatchClass::Operational, Pays::Yes))]
        pub fn try_associate_hotkey(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_associate_hotkey(coldkey, hotkey)
        }

        /// Start emission on the caller's subnet, from the next block.
        #[pallet::call_index(92)]
        #[pallet::weight((T::WeightInfo::start_call(), DispatchClass::Operational, Pays::Yes))]
        pub fn start_call(origin: OriginFor<T>, netuid: NetUid) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_start_call(coldkey, netuid)
        }

        /// Schedules `children` (proportion of `u64::MAX`, child hotkey) of the caller's `hotkey`
        /// on `netuid`; they apply at the subnet's first epoch block after
        /// `PendingChildKeyCooldown` blocks. An empty list revokes. Reference call index 67.
        #[pallet::call_index(67)]
        #[pallet::weight((T::WeightInfo::set_children(children.len() as u32), DispatchClass::Operational, Pays::Yes))]
        pub fn set_children(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            children: Vec<(u64, T::AccountId)>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_schedule_children(coldkey, hotkey, netuid, children)
        }

        /// Sets the childkey take of the caller's `hotkey` on `netuid` (at most
        /// `MaxChildkeyTake`, once per `TxChildkeyTakeRateLimit` blocks). Reference index 75.
        #[pallet::call_index(75)]
        #[pallet::weight((T::WeightInfo::set_childkey_take(), DispatchClass::Normal, Pays::Yes))]
        pub fn set_childkey_take(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            take: u16,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_set_childkey_take(coldkey, hotkey, netuid, take)
        }

        /// Lowers the delegate take of the caller's `hotkey` (not below `MinDelegateTake`).
        /// Reference index 65.
        #[pallet::call_index(65)]
        #[pallet::weight((T::WeightInfo::decrease_take(), DispatchClass::Normal, Pays::No))]
        pub fn decrease_take(origin: OriginFor<T>, hotkey: T::AccountId, take: u16) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_decrease_take(coldkey, hotkey, take)
        }

        /// Raises the delegate take of the caller's `hotkey` (at most `MaxDelegateTake`, and
        /// more than `TxDelegateTakeRateLimit` blocks after its last change). Reference index 66.
        #[pallet::call_index(66)]
        #[pallet::weight((T::WeightInfo::increase_take(), DispatchClass::Normal, Pays::No))]
        pub fn increase_take(origin: OriginFor<T>, hotkey: T::AccountId, take: u16) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_increase_take(coldkey, hotkey, take)
        }

        /// Serve the caller hotkey's axon on `netuid` (IP as a u128, `ip_type` 4 or 6). Free;
        /// the hotkey must hold a UID on some network.
        #[pallet::call_index(4)]
        #[pallet::weight((T::WeightInfo::serve_axon(), DispatchClass::Normal, Pays::No))]
        #[allow(clippy::too_many_arguments)]
        pub fn serve_axon(
            origin: OriginFor<T>,
            netuid: NetUid,
            version: u32,
            ip: u128,
            port: u16,
            ip_type: u8,
            protocol: u8,
            placeholder1: u8,
            placeholder2: u8,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let axon = crate::serving::AxonInfo { block: 0, version, ip, port, ip_type, protocol, placeholder1, placeholder2 };
            Self::do_serve_axon(hotkey, netuid, axon, None)
        }

        /// `serve_axon` with a TLS certificate (first byte the algorithm, then the key).
        #[pallet::call_index(40)]
        #[pallet::weight((T::WeightInfo::serve_axon_tls(), DispatchClass::Normal, Pays::No))]
        #[allow(clippy::too_many_arguments)]
        pub fn serve_axon_tls(
            origin: OriginFor<T>,
            netuid: NetUid,
            version: u32,
            ip: u128,
            port: u16,
            ip_type: u8,
            protocol: u8,
            placeholder1: u8,
            placeholder2: u8,
            certificate: Vec<u8>,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let axon = crate::serving::AxonInfo { block: 0, version, ip, port, ip_type, protocol, placeholder1, placeholder2 };
            Self::do_serve_axon(hotkey, netuid, axon, Some(certificate))
        }

        /// Serve the caller hotkey's Prometheus endpoint on `netuid`. Free.
        #[pallet::call_index(5)]
        #[pallet::weight((T::WeightInfo::serve_prometheus(), DispatchClass::Normal, Pays::No))]
        pub fn serve_prometheus(
            origin: OriginFor<T>,
            netuid: NetUid,
            version: u32,
            ip: u128,
            port: u16,
            ip_type: u8,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            Self::do_serve_prometheus(hotkey, netuid, crate::serving::PrometheusInfo { block: 0, version, ip, port, ip_type })
        }

        /// Root: set a chain or subnet parameter.
        #[pallet::call_index(200)]
        #[pallet::weight(T::WeightInfo::sudo_set_parameter())]
        pub fn sudo_set_parameter(
            origin: OriginFor<T>,
            parameter: crate::admin::Parameter,
        ) -> DispatchResult {
            ensure_root(origin)?;
            Self::do_set_parameter(parameter)
        }
    }
}
