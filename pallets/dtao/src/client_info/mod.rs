//! What clients read: the typed structs behind the reference's runtime APIs
//! (`SubnetInfoRuntimeApi`, `NeuronInfoRuntimeApi`, `StakeInfoRuntimeApi`,
//! `SubnetRegistrationRuntimeApi`, `DelegateInfoRuntimeApi`), filled from storage and
//! read-only (reference: `pallets/subtensor/src/rpc_info/` at `6b86ebf30`). Field names, order
//! and `Compact` wrappers are the reference's, because the Bittensor SDK decodes them by name
//! and bt-decode's built-in classes by position. The runtime declares the traits under the
//! reference's names in `runtime/src/dtao_api.rs`.
//!
//! A question about a subnet, UID or account that does not exist answers `None` or an empty
//! list, never an error.

pub mod delegate;
pub mod dtao;
pub mod neuron;
pub mod dynamic;
pub mod metagraph;
pub mod names;
pub mod stake;
pub mod subnet;
