//! The node's JSON-RPC extensions: account nonce (`system_accountNextIndex`), transaction
//! payment (`payment_queryInfo`, `payment_queryFeeDetails`) and the manual-seal engine
//! (`engine_createBlock`, `engine_finalizeBlock`). The engine methods author and finalize
//! blocks, so they are *unsafe* RPCs: refused under `--rpc-methods safe`, and on an
//! external interface (`--rpc-external`) unless `--rpc-methods unsafe` is given. They exist
//! only on a chain the node seals (`--dev`); on a chain with authorities there is no engine.
use dtao_runtime::{opaque::Block, AccountId, Balance, Nonce};
use futures::channel::mpsc;
use jsonrpsee::{core::async_trait, proc_macros::rpc, types::ErrorObjectOwned, Extensions, RpcModule};
use sc_consensus_manual_seal::{
    rpc::{CreatedBlock, ManualSeal, ManualSealApiServer},
    EngineCommand,
};
use sp_runtime::EncodedJustification;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_core::H256;
use std::sync::Arc;

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P> {
    /// The client.
    pub client: Arc<C>,
    /// The transaction pool.
    pub pool: Arc<P>,
    /// Where `engine_*` commands go; `None` (no engine RPCs) on a chain with authorities.
    pub engine: Option<mpsc::Sender<EngineCommand<H256>>>,
}

/// `engine_createBlock` and `engine_finalizeBlock`, as manual seal serves them, behind the
/// node's unsafe-RPC policy.
#[rpc(server)]
pub trait GuardedEngineApi {
    /// Seals a block (`create_empty`: also without transactions; `finalize`: finalize it;
    /// `parent_hash`: build on that block instead of the best one).
    #[method(name = "engine_createBlock", with_extensions)]
    async fn create_block(
        &self,
        create_empty: bool,
        finalize: bool,
        parent_hash: Option<H256>,
    ) -> Result<CreatedBlock<H256>, ErrorObjectOwned>;

    /// Finalizes a block.
    #[method(name = "engine_finalizeBlock", with_extensions)]
    async fn finalize_block(
        &self,
        hash: H256,
        justification: Option<EncodedJustification>,
    ) -> Result<bool, ErrorObjectOwned>;
}

/// Manual seal's engine, refusing callers the policy denies unsafe methods.
pub struct GuardedEngine(ManualSeal<H256>);

#[async_trait]
impl GuardedEngineApiServer for GuardedEngine {
    async fn create_block(
        &self,
        ext: &Extensions,
        create_empty: bool,
        finalize: bool,
        parent_hash: Option<H256>,
    ) -> Result<CreatedBlock<H256>, ErrorObjectOwned> {
        sc_rpc_api::check_if_safe(ext)?;
        ManualSealApiServer::create_block(&self.0, create_empty, finalize, parent_hash)
            .await
            .map_err(Into::into)
    }

    async fn finalize_block(
        &self,
        ext: &Extensions,
        hash: H256,
        justification: Option<EncodedJustification>,
    ) -> Result<bool, ErrorObjectOwned> {
        sc_rpc_api::check_if_safe(ext)?;
        ManualSealApiServer::finalize_block(&self.0, hash, justification).await.map_err(Into::into)
    }
}

/// All RPC extensions of the node.
pub fn create_full<C, P>(
    deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
    C: ProvideRuntimeApi<Block>
        + HeaderBackend<Block>
        + HeaderMetadata<Block, Error = BlockChainError>
        + Send
        + Sync
        + 'static,
    C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
    C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
    C::Api: BlockBuilder<Block>,
    P: TransactionPool + 'static,
{
    use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
    use substrate_frame_rpc_system::{System, SystemApiServer};

    let FullDeps { client, pool, engine } = deps;
    let mut module = RpcModule::new(());
    module.merge(System::new(client.clone(), pool).into_rpc())?;
    module.merge(TransactionPayment::new(client).into_rpc())?;
    if let Some(engine) = engine {
        module.merge(GuardedEngine(ManualSeal::new(engine)).into_rpc())?;
    }
    Ok(module)
}
