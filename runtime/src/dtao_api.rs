//! Runtime APIs of `SubtensorModule` that the Bittensor SDK and btcli call by the reference's
//! trait and method names (reference: `pallets/subtensor/runtime-api/src/lib.rs` at
//! `6b86ebf30`). Each returns the reference's typed struct, filled by the pallet.
use super::AccountId;
use alloc::vec::Vec;
use codec::Compact;
use pallet_dtao::client_info::{
    delegate::DelegateInfo,
    neuron::{NeuronInfo, NeuronInfoLite},
    dtao::{PendingEmissionInfo, StakeQuote, SubnetEmissionBreakdown, UnstakeQuote},
};

sp_api::decl_runtime_apis! {
    /// dtao's own API, for what the reference's lack: quotes with fee and slippage (the
    /// numbers the extrinsics produce in the same state), the emission a block gave each
    /// subnet, and the pending accumulators. The view functions `stake_quote`,
    /// `unstake_quote` and `pending_emission` of `SubtensorModule` return the same numbers.
    #[api_version(1)]
    pub trait DtaoApi {
        /// `add_stake` of `tao` rao on `netuid`; `None` for a missing subnet or a refused swap.
        fn quote_stake(netuid: u16, tao: u64) -> Option<StakeQuote>;
        /// `remove_stake` of `alpha` from `hotkey` on `netuid`; `None` as above.
        fn quote_unstake(hotkey: AccountId, netuid: u16, alpha: u64) -> Option<UnstakeQuote>;
        /// Each subnet's emission in this block (the `SubnetEmission` events' amounts).
        fn emission_breakdown() -> Vec<SubnetEmissionBreakdown>;
        /// What `netuid` has accumulated for its next epoch; `None` for a missing subnet.
        fn pending_emission(netuid: u16) -> Option<PendingEmissionInfo>;
    }
}

sp_api::decl_runtime_apis! {
    /// Delegates (hotkeys with a take): take, nominators and their stakes, registrations,
    /// validator permits and daily returns.
    pub trait DelegateInfoRuntimeApi {
        /// Every delegate.
        fn get_delegates() -> Vec<DelegateInfo<AccountId>>;
        /// One delegate, if the hotkey has a take stored.
        fn get_delegate(delegate_account: AccountId) -> Option<DelegateInfo<AccountId>>;
        /// The (delegate, (netuid, stake)) pairs of a nominator coldkey.
        fn get_delegated(delegatee_account: AccountId) -> Vec<(DelegateInfo<AccountId>, (Compact<u16>, Compact<u64>))>;
    }

    /// Neurons of a subnet: hotkey, owner, axon, Prometheus endpoint, stake, the epoch's
    /// per-UID values, and (full form) weights and bonds.
    pub trait NeuronInfoRuntimeApi {
        /// Every neuron of `netuid` (empty if the subnet does not exist).
        fn get_neurons(netuid: u16) -> Vec<NeuronInfo<AccountId>>;
        /// The neuron at `uid` on `netuid`.
        fn get_neuron(netuid: u16, uid: u16) -> Option<NeuronInfo<AccountId>>;
        /// Every neuron of `netuid`, without weights and bonds.
        fn get_neurons_lite(netuid: u16) -> Vec<NeuronInfoLite<AccountId>>;
        /// The neuron at `uid` on `netuid`, without weights and bonds.
        fn get_neuron_lite(netuid: u16, uid: u16) -> Option<NeuronInfoLite<AccountId>>;
    }
}
