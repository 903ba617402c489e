//! # dtao-runtime
//!
//! A minimal FRAME runtime: System, Timestamp, Balances (TAO, 9 decimals), TransactionPayment,
//! Sudo, the dTAO pallet under the name `SubtensorModule`, and the reference's identity pallet
//! `Registry` (index 17, which btcli reads), so that storage keys, call and storage names match
//! Bittensor mainnet where it makes sense.
//!
//! Blocks are sealed by the node on a `--dev` chain (manual, instant or interval sealing), or
//! authored by Aura and finalized by GRANDPA on a chain whose genesis names authorities, with
//! the block time of [`block_time`] (12 s unless the chain spec says otherwise). Tempo and the
//! other chain parameters live in pallet storage, set at genesis (see
//! [`genesis_config_presets`]) and changeable by root.
#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Before `apis`: it defines the `list_benchmarks!` and `add_benchmarks!` that `apis` uses.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod bench;
pub mod apis;
pub mod block_time;
mod configs;
pub mod weights;
pub mod dtao_api;
pub mod genesis_config_presets;
pub mod metadata;

use sp_runtime::{
    generic,
    traits::{BlakeTwo256, IdentifyAccount, Verify},
    MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use apis::RuntimeApi;
pub use pallet_dtao;

/// Block number.
pub type BlockNumber = u32;
/// Transaction signature.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance in rao (1 TAO = 10^9 rao), as on Bittensor mainnet.
pub type Balance = u64;
/// Transaction index of an account.
pub type Nonce = u32;
/// Block hash.
pub type Hash = sp_core::H256;

/// Rao per TAO.
pub const TAO: Balance = 1_000_000_000;
/// Existential deposit: 500 rao, as on mainnet.
pub const EXISTENTIAL_DEPOSIT: Balance = 500;

/// Opaque types for the node, independent of the runtime's extrinsic format.
pub mod opaque {
    use super::*;
    pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
    /// Opaque block header.
    pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
    /// Opaque block.
    pub type Block = generic::Block<Header, UncheckedExtrinsic>;

    sp_runtime::impl_opaque_keys! {
        /// The keys of an authority: Aura (sr25519) for authoring, GRANDPA (ed25519) for finality.
        pub struct SessionKeys {
            pub aura: Aura,
            pub grandpa: Grandpa,
        }
    }
}

/// Runtime version.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
    spec_name: alloc::borrow::Cow::Borrowed("dtao"),
    impl_name: alloc::borrow::Cow::Borrowed("dtao"),
    authoring_version: 1,
    spec_version: 100,
    impl_version: 1,
    apis: apis::RUNTIME_API_VERSIONS,
    transaction_version: 1,
    system_version: 1,
};

// The runtime, declared once by `declare_runtime!`: a `runtime-benchmarks` build adds the
// pallets our calls are weighed against side by side (`bench.rs`, docs/performance.md), which
// are never in a runtime that makes blocks. (`#[cfg]` on a pallet of `#[frame_support::runtime]`
// is not honoured by this FRAME release, so the whole module is chosen by `cfg`.)
macro_rules! declare_runtime {
    ($($benchmark_only:tt)*) => {
        #[frame_support::runtime]
        mod runtime {
            #[runtime::runtime]
            #[runtime::derive(
                RuntimeCall,
                RuntimeEvent,
                RuntimeError,
                RuntimeOrigin,
                RuntimeFreezeReason,
                RuntimeHoldReason,
                RuntimeSlashReason,
                RuntimeLockId,
                RuntimeTask,
                RuntimeViewFunction
            )]
            pub struct Runtime;

            #[runtime::pallet_index(0)]
            pub type System = frame_system;

            #[runtime::pallet_index(1)]
            pub type Timestamp = pallet_timestamp;

            #[runtime::pallet_index(2)]
            pub type Balances = pallet_balances;

            #[runtime::pallet_index(3)]
            pub type TransactionPayment = pallet_transaction_payment;

            #[runtime::pallet_index(7)]
            pub type SubtensorModule = pallet_dtao;

            #[runtime::pallet_index(12)]
            pub type Sudo = pallet_sudo;

            #[runtime::pallet_index(17)]
            pub type Registry = pallet_registry;

            // Block authoring and finality on a chain with authorities (not used by `--dev`). Grandpa
            // has the reference's index; Aura's (3) is TransactionPayment's here, so it takes one the
            // reference never used.
            #[runtime::pallet_index(27)]
            pub type Aura = pallet_aura;

            #[runtime::pallet_index(4)]
            pub type Grandpa = pallet_grandpa;

            #[runtime::pallet_index(28)]
            pub type BlockTime = block_time;

            $($benchmark_only)*
        }
    };
}

#[cfg(not(feature = "runtime-benchmarks"))]
declare_runtime!();

#[cfg(feature = "runtime-benchmarks")]
declare_runtime! {
    #[runtime::pallet_index(250)]
    pub type Assets = pallet_assets<Instance1>;

    #[runtime::pallet_index(251)]
    pub type PoolAssets = pallet_assets<Instance2>;

    #[runtime::pallet_index(252)]
    pub type AssetConversion = pallet_asset_conversion;
}

/// Address format.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The transaction extensions, in the order clients sign them.
pub type TxExtension = (
    frame_system::CheckNonZeroSender<Runtime>,
    frame_system::CheckSpecVersion<Runtime>,
    frame_system::CheckTxVersion<Runtime>,
    frame_system::CheckGenesis<Runtime>,
    frame_system::CheckEra<Runtime>,
    frame_system::CheckNonce<Runtime>,
    frame_system::CheckWeight<Runtime>,
    pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
    pallet_dtao::extension::SubtensorTransactionExtension<Runtime>,
);
/// Unchecked extrinsic.
pub type UncheckedExtrinsic =
    generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// Signed payload.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// Executive: dispatches to the pallets.
pub type Executive = frame_executive::Executive<
    Runtime,
    Block,
    frame_system::ChainContext<Runtime>,
    Runtime,
    AllPalletsWithSystem,
>;
