//! `BlockTime`: the chain's block time (the Aura slot duration), set in the chain spec's
//! genesis, not by a cargo feature. Aura reads it through `pallet_aura::Config::SlotDuration`,
//! and the node through the `AuraApi::slot_duration` runtime API.
//!
//! It matters only on a chain with Aura authorities (the `local_testnet` preset, or any chain
//! spec that names authorities). A `--dev` chain has none: its blocks are sealed by the node.
pub use pallet::*;

/// Mainnet's block time: 12 s.
pub const DEFAULT_SLOT_DURATION_MS: u64 = 12_000;

#[frame_support::pallet]
pub mod pallet {
    use super::DEFAULT_SLOT_DURATION_MS;
    use frame_support::pallet_prelude::*;

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {}

    /// The default of [`SlotDurationMs`]: 12 s.
    #[pallet::type_value]
    pub fn DefaultSlotDuration() -> u64 {
        DEFAULT_SLOT_DURATION_MS
    }

    /// The block time (Aura slot duration) in milliseconds.
    #[pallet::storage]
    pub type SlotDurationMs<T> = StorageValue<_, u64, ValueQuery, DefaultSlotDuration>;

    #[pallet::genesis_config]
    pub struct GenesisConfig<T: Config> {
        /// The block time in milliseconds (12_000 by default); must be above zero.
        #[serde(default = "default_slot_duration")]
        pub slot_duration_ms: u64,
        #[serde(skip)]
        pub _config: core::marker::PhantomData<T>,
    }

    fn default_slot_duration() -> u64 {
        DEFAULT_SLOT_DURATION_MS
    }

    impl<T: Config> Default for GenesisConfig<T> {
        fn default() -> Self {
            Self { slot_duration_ms: DEFAULT_SLOT_DURATION_MS, _config: Default::default() }
        }
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            // A chain spec error, refused when the genesis state is built (never in a block).
            assert!(self.slot_duration_ms > 0, "blockTime.slotDurationMs must be above zero");
            SlotDurationMs::<T>::put(self.slot_duration_ms);
        }
    }

    impl<T: Config> Get<u64> for Pallet<T> {
        fn get() -> u64 {
            SlotDurationMs::<T>::get()
        }
    }
}
