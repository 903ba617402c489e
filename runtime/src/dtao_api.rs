//! Runtime APIs of `SubtensorModule` that the Bittensor SDK and btcli call by the reference's
//! trait and method names (reference: `pallets/subtensor/runtime-api/src/lib.rs` at
//! `6b86ebf30`). Each returns the reference's typed struct, filled by the pallet.
use super::AccountId;
use alloc::vec::Vec;
use pallet_dtao::client_info::{
    delegate::{DelegateInfo, Delegated},
    neuron::{NeuronInfo, NeuronInfoLite},
    dtao::{PendingEmissionInfo, StakeQuote, SubnetEmissionBreakdown, UnstakeQuote},
    dynamic::DynamicInfo,
    metagraph::{Metagraph, SelectiveMetagraph, SubnetState},
    stake::StakeInfo,
    subnet::{SubnetHyperparams, SubnetInfo, SubnetInfov2},
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
        fn get_delegated(delegatee_account: AccountId) -> Vec<Delegated<AccountId>>;
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

sp_api::decl_runtime_apis! {
    /// Subnets: parameters, pools and emission, metagraphs.
    pub trait SubnetInfoRuntimeApi {
        /// One subnet's parameters (v1), if it exists.
        fn get_subnet_info(netuid: u16) -> Option<SubnetInfo<AccountId>>;
        /// Every subnet's parameters (v1), by ascending netuid.
        fn get_subnets_info() -> Vec<Option<SubnetInfo<AccountId>>>;
        /// One subnet's parameters with its identity, if it exists.
        fn get_subnet_info_v2(netuid: u16) -> Option<SubnetInfov2<AccountId>>;
        /// Every subnet's parameters with identities, by ascending netuid.
        fn get_subnets_info_v2() -> Vec<Option<SubnetInfov2<AccountId>>>;
        /// One subnet's hyperparameters, if it exists.
        fn get_subnet_hyperparams(netuid: u16) -> Option<SubnetHyperparams>;
        /// Every subnet's pool and emission state, root included.
        fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<AccountId>>>;
        /// Every subnet's metagraph, root included.
        fn get_all_metagraphs() -> Vec<Option<Metagraph<AccountId>>>;
        /// One subnet's metagraph, if it exists.
        fn get_metagraph(netuid: u16) -> Option<Metagraph<AccountId>>;
        /// One subnet's pool and emission state, if it exists.
        fn get_dynamic_info(netuid: u16) -> Option<DynamicInfo<AccountId>>;
        /// One subnet's per-UID state, if it exists.
        fn get_subnet_state(netuid: u16) -> Option<SubnetState<AccountId>>;
        /// The metagraph fields of the given indexes, if the subnet exists.
        fn get_selective_metagraph(netuid: u16, metagraph_indexes: Vec<u16>) -> Option<SelectiveMetagraph<AccountId>>;
    }

    /// Stakes of coldkeys, and staking fees.
    pub trait StakeInfoRuntimeApi {
        /// Every nonzero stake of a coldkey.
        fn get_stake_info_for_coldkey(coldkey_account: AccountId) -> Vec<StakeInfo<AccountId>>;
        /// Every nonzero stake of each coldkey.
        fn get_stake_info_for_coldkeys(coldkey_accounts: Vec<AccountId>) -> Vec<(AccountId, Vec<StakeInfo<AccountId>>)>;
        /// One (hotkey, coldkey, netuid) stake, zero where there is none.
        fn get_stake_info_for_hotkey_coldkey_netuid(hotkey_account: AccountId, coldkey_account: AccountId, netuid: u16) -> Option<StakeInfo<AccountId>>;
        /// The fee for moving `amount` from `origin` (hotkey, netuid) to `destination`.
        fn get_stake_fee(origin: Option<(AccountId, u16)>, origin_coldkey_account: AccountId, destination: Option<(AccountId, u16)>, destination_coldkey_account: AccountId, amount: u64) -> u64;
    }

    /// Subnet registration.
    pub trait SubnetRegistrationRuntimeApi {
        /// What registering a subnet costs now (the lock cost, rao).
        fn get_network_registration_cost() -> u64;
    }
}
