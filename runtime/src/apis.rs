//! The runtime APIs the node and clients call; `RuntimeApi` is what the node instantiates.
use alloc::vec::Vec;
use frame_support::{
    genesis_builder_helper::{build_state, get_preset},
    weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
    traits::Block as BlockT,
    transaction_validity::{TransactionSource, TransactionValidity},
    ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
    AccountId, Balance, Block, Executive, InherentDataExt, Nonce, Runtime, RuntimeCall,
    RuntimeGenesisConfig, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
    impl sp_api::Core<Block> for Runtime {
        fn version() -> RuntimeVersion {
            VERSION
        }

        fn execute_block(block: <Block as BlockT>::LazyBlock) {
            Executive::execute_block(block);
        }

        fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
            Executive::initialize_block(header)
        }
    }

    impl sp_api::Metadata<Block> for Runtime {
        fn metadata() -> OpaqueMetadata {
            OpaqueMetadata::new(Runtime::metadata().into())
        }

        fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
            // V15 numbered like V14 (pallets first); see `crate::metadata`.
            if version == crate::metadata::PALLETS_FIRST_VERSION {
                return crate::metadata::opaque_v15_pallets_first(Runtime::metadata_ir());
            }
            Runtime::metadata_at_version(version)
        }

        fn metadata_versions() -> Vec<u32> {
            Runtime::metadata_versions()
        }
    }

    impl sp_block_builder::BlockBuilder<Block> for Runtime {
        fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
            Executive::apply_extrinsic(extrinsic)
        }

        fn finalize_block() -> <Block as BlockT>::Header {
            Executive::finalize_block()
        }

        fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
            data.create_extrinsics()
        }

        fn check_inherents(
            block: <Block as BlockT>::LazyBlock,
            data: sp_inherents::InherentData,
        ) -> sp_inherents::CheckInherentsResult {
            data.check_extrinsics(&block)
        }
    }

    impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
        fn validate_transaction(
            source: TransactionSource,
            tx: <Block as BlockT>::Extrinsic,
            block_hash: <Block as BlockT>::Hash,
        ) -> TransactionValidity {
            Executive::validate_transaction(source, tx, block_hash)
        }
    }

    impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
        fn offchain_worker(header: &<Block as BlockT>::Header) {
            Executive::offchain_worker(header)
        }
    }

    // An authority's keys: Aura and GRANDPA (`author_rotateKeys`, `key insert`).
    impl sp_session::SessionKeys<Block> for Runtime {
        fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
            crate::opaque::SessionKeys::generate(&owner, seed).into()
        }

        fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
            crate::opaque::SessionKeys::decode_into_raw_public_keys(&encoded)
        }
    }

    impl sp_consensus_aura::AuraApi<Block, sp_consensus_aura::sr25519::AuthorityId> for Runtime {
        fn slot_duration() -> sp_consensus_aura::SlotDuration {
            sp_consensus_aura::SlotDuration::from_millis(crate::Aura::slot_duration())
        }

        fn authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
            pallet_aura::Authorities::<Runtime>::get().into_inner()
        }
    }

    impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
        fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
            crate::Grandpa::grandpa_authorities()
        }

        fn current_set_id() -> sp_consensus_grandpa::SetId {
            crate::Grandpa::current_set_id()
        }

        // Authorities come from genesis only: no key-ownership proofs, no equivocation reports.
        fn submit_report_equivocation_unsigned_extrinsic(
            _equivocation_proof: sp_consensus_grandpa::EquivocationProof<
                <Block as BlockT>::Hash,
                sp_runtime::traits::NumberFor<Block>,
            >,
            _key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
        ) -> Option<()> {
            None
        }

        fn generate_key_ownership_proof(
            _set_id: sp_consensus_grandpa::SetId,
            _authority_id: sp_consensus_grandpa::AuthorityId,
        ) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
            None
        }
    }

    impl crate::dtao_api::DtaoApi<Block> for Runtime {
        fn quote_stake(netuid: u16, tao: u64) -> Option<pallet_dtao::client_info::dtao::StakeQuote> {
            pallet_dtao::Pallet::<Runtime>::quote_add_stake(netuid, tao)
        }

        fn quote_unstake(
            hotkey: AccountId,
            netuid: u16,
            alpha: u64,
        ) -> Option<pallet_dtao::client_info::dtao::UnstakeQuote> {
            pallet_dtao::Pallet::<Runtime>::quote_remove_stake(&hotkey, netuid, alpha)
        }

        fn emission_breakdown() -> Vec<pallet_dtao::client_info::dtao::SubnetEmissionBreakdown> {
            // The block's events are still in `System::Events` when a runtime API runs on
            // its state; they are cleared when the next block starts.
            let events: Vec<_> = System::read_events_no_consensus()
                .filter_map(|record| match record.event {
                    crate::RuntimeEvent::SubtensorModule(event) => Some(event),
                    _ => None,
                })
                .collect();
            pallet_dtao::Pallet::<Runtime>::emission_breakdown(&events)
        }

        fn pending_emission(netuid: u16) -> Option<pallet_dtao::client_info::dtao::PendingEmissionInfo> {
            pallet_dtao::Pallet::<Runtime>::pending_emission_info(netuid)
        }
    }

    impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
        fn account_nonce(account: AccountId) -> Nonce {
            System::account_nonce(account)
        }
    }

    impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
        fn query_info(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
            TransactionPayment::query_info(uxt, len)
        }
        fn query_fee_details(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment::FeeDetails<Balance> {
            TransactionPayment::query_fee_details(uxt, len)
        }
        fn query_weight_to_fee(weight: Weight) -> Balance {
            TransactionPayment::weight_to_fee(weight)
        }
        fn query_length_to_fee(length: u32) -> Balance {
            TransactionPayment::length_to_fee(length)
        }
    }

    impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
        for Runtime
    {
        fn query_call_info(
            call: RuntimeCall,
            len: u32,
        ) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
            TransactionPayment::query_call_info(call, len)
        }
        fn query_call_fee_details(
            call: RuntimeCall,
            len: u32,
        ) -> pallet_transaction_payment::FeeDetails<Balance> {
            TransactionPayment::query_call_fee_details(call, len)
        }
        fn query_weight_to_fee(weight: Weight) -> Balance {
            TransactionPayment::weight_to_fee(weight)
        }
        fn query_length_to_fee(length: u32) -> Balance {
            TransactionPayment::length_to_fee(length)
        }
    }

    impl crate::dtao_api::DelegateInfoRuntimeApi<Block> for Runtime {
        fn get_delegates() -> Vec<pallet_dtao::client_info::delegate::DelegateInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_delegates()
        }

        fn get_delegate(delegate_account: AccountId) -> Option<pallet_dtao::client_info::delegate::DelegateInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_delegate(delegate_account)
        }

        fn get_delegated(
            delegatee_account: AccountId,
        ) -> Vec<(pallet_dtao::client_info::delegate::DelegateInfo<AccountId>, (codec::Compact<u16>, codec::Compact<u64>))> {
            pallet_dtao::Pallet::<Runtime>::get_delegated(delegatee_account)
        }
    }

    impl crate::dtao_api::NeuronInfoRuntimeApi<Block> for Runtime {
        fn get_neurons(netuid: u16) -> Vec<pallet_dtao::client_info::neuron::NeuronInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_neurons(netuid)
        }

        fn get_neuron(netuid: u16, uid: u16) -> Option<pallet_dtao::client_info::neuron::NeuronInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_neuron(netuid, uid)
        }

        fn get_neurons_lite(netuid: u16) -> Vec<pallet_dtao::client_info::neuron::NeuronInfoLite<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_neurons_lite(netuid)
        }

        fn get_neuron_lite(netuid: u16, uid: u16) -> Option<pallet_dtao::client_info::neuron::NeuronInfoLite<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_neuron_lite(netuid, uid)
        }
    }

    impl crate::dtao_api::SubnetInfoRuntimeApi<Block> for Runtime {
        fn get_subnet_info(netuid: u16) -> Option<pallet_dtao::client_info::subnet::SubnetInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_subnet_info(netuid)
        }

        fn get_subnets_info() -> Vec<Option<pallet_dtao::client_info::subnet::SubnetInfo<AccountId>>> {
            pallet_dtao::Pallet::<Runtime>::get_subnets_info()
        }

        fn get_subnet_info_v2(netuid: u16) -> Option<pallet_dtao::client_info::subnet::SubnetInfov2<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_subnet_info_v2(netuid)
        }

        fn get_subnets_info_v2() -> Vec<Option<pallet_dtao::client_info::subnet::SubnetInfov2<AccountId>>> {
            pallet_dtao::Pallet::<Runtime>::get_subnets_info_v2()
        }

        fn get_subnet_hyperparams(netuid: u16) -> Option<pallet_dtao::client_info::subnet::SubnetHyperparams> {
            pallet_dtao::Pallet::<Runtime>::get_subnet_hyperparams(netuid)
        }

        fn get_all_dynamic_info() -> Vec<Option<pallet_dtao::client_info::dynamic::DynamicInfo<AccountId>>> {
            pallet_dtao::Pallet::<Runtime>::get_all_dynamic_info()
        }

        fn get_all_metagraphs() -> Vec<Option<pallet_dtao::client_info::metagraph::Metagraph<AccountId>>> {
            pallet_dtao::Pallet::<Runtime>::get_all_metagraphs()
        }

        fn get_metagraph(netuid: u16) -> Option<pallet_dtao::client_info::metagraph::Metagraph<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_metagraph(netuid)
        }

        fn get_dynamic_info(netuid: u16) -> Option<pallet_dtao::client_info::dynamic::DynamicInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_dynamic_info(netuid)
        }

        fn get_subnet_state(netuid: u16) -> Option<pallet_dtao::client_info::metagraph::SubnetState<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_subnet_state(netuid)
        }

        fn get_selective_metagraph(
            netuid: u16,
            metagraph_indexes: Vec<u16>,
        ) -> Option<pallet_dtao::client_info::metagraph::SelectiveMetagraph<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_selective_metagraph(netuid, metagraph_indexes)
        }
    }

    impl crate::dtao_api::StakeInfoRuntimeApi<Block> for Runtime {
        fn get_stake_info_for_coldkey(
            coldkey_account: AccountId,
        ) -> Vec<pallet_dtao::client_info::stake::StakeInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_stake_info_for_coldkey(coldkey_account)
        }

        fn get_stake_info_for_coldkeys(
            coldkey_accounts: Vec<AccountId>,
        ) -> Vec<(AccountId, Vec<pallet_dtao::client_info::stake::StakeInfo<AccountId>>)> {
            pallet_dtao::Pallet::<Runtime>::get_stake_info_for_coldkeys(coldkey_accounts)
        }

        fn get_stake_info_for_hotkey_coldkey_netuid(
            hotkey_account: AccountId,
            coldkey_account: AccountId,
            netuid: u16,
        ) -> Option<pallet_dtao::client_info::stake::StakeInfo<AccountId>> {
            pallet_dtao::Pallet::<Runtime>::get_stake_info_for_hotkey_coldkey_netuid(
                hotkey_account,
                coldkey_account,
                netuid,
            )
        }

        fn get_stake_fee(
            origin: Option<(AccountId, u16)>,
            origin_coldkey_account: AccountId,
            destination: Option<(AccountId, u16)>,
            destination_coldkey_account: AccountId,
            amount: u64,
        ) -> u64 {
            pallet_dtao::Pallet::<Runtime>::get_stake_fee(
                origin,
                origin_coldkey_account,
                destination,
                destination_coldkey_account,
                amount,
            )
        }
    }

    impl crate::dtao_api::SubnetRegistrationRuntimeApi<Block> for Runtime {
        fn get_network_registration_cost() -> u64 {
            pallet_dtao::Pallet::<Runtime>::get_network_registration_cost()
        }
    }

    impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
        fn execute_view_function(
            id: frame_support::view_functions::ViewFunctionId,
            input: Vec<u8>,
        ) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
            Runtime::execute_view_function(id, input)
        }
    }

    // `try-runtime` only: the tool replays blocks or upgrades against a chain's state and runs
    // every pallet's `try_state` (for dTAO, all its invariants). Not part of the on-chain
    // runtime: a failed check must stop the tool, so it panics with the error.
    #[cfg(feature = "try-runtime")]
    impl frame_try_runtime::TryRuntime<Block> for Runtime {
        fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
            let weight = Executive::try_runtime_upgrade(checks)
                .unwrap_or_else(|e| panic!("try_runtime_upgrade failed: {e:?}"));
            (weight, super::configs::RuntimeBlockWeights::get().max_block)
        }

        fn execute_block(
            block: <Block as BlockT>::LazyBlock,
            state_root_check: bool,
            signature_check: bool,
            select: frame_try_runtime::TryStateSelect,
        ) -> Weight {
            Executive::try_execute_block(block, state_root_check, signature_check, select)
                .unwrap_or_else(|e| panic!("try_execute_block failed: {e:?}"))
        }
    }

    #[cfg(feature = "runtime-benchmarks")]
    impl frame_benchmarking::Benchmark<Block> for Runtime {
        fn benchmark_metadata(extra: bool) -> (
            Vec<frame_benchmarking::BenchmarkList>,
            Vec<frame_support::traits::StorageInfo>,
        ) {
            use frame_benchmarking::BenchmarkList;
            use crate::{AssetConversion, Balances, SubtensorModule};
            use frame_support::traits::StorageInfoTrait;
            let mut list = Vec::<BenchmarkList>::new();
            list_benchmarks!(list, extra);
            (list, crate::AllPalletsWithSystem::storage_info())
        }

        fn dispatch_benchmark(
            config: frame_benchmarking::BenchmarkConfig,
        ) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
            use frame_benchmarking::BenchmarkBatch;
            use crate::{AssetConversion, Balances, SubtensorModule};
            use frame_support::traits::{TrackedStorageKey, WhitelistedStorageKeys};
            let whitelist: Vec<TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();
            let mut batches = Vec::<BenchmarkBatch>::new();
            let params = (&config, &whitelist);
            add_benchmarks!(params, batches);
            Ok(batches)
        }
    }

    impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
        fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
            build_state::<RuntimeGenesisConfig>(config)
        }

        fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
            get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
        }

        fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
            crate::genesis_config_presets::preset_names()
        }
    }
}
