//! A network of validators: Aura authoring and GRANDPA finality, Substrate's own, for a chain
//! whose genesis names authorities (the `local` chain: Alice and Bob; or any chain spec with
//! `aura.authorities` and `grandpa.authorities`). The block time is the runtime's Aura slot
//! duration, which the chain spec sets (`blockTime.slotDurationMs`, 12 s by default).
//!
//! - A validator (`--validator` with keys in its keystore, or `--alice`, `--bob`, ...) authors
//!   a block in each of its Aura slots and votes in GRANDPA.
//! - Any other node is a full node: it imports blocks from its peers (Aura checks each block's
//!   slot and author) and follows GRANDPA's finality without voting.
use crate::service::{FullBackend, FullClient, FullSelectChain, Running, Service};
use dtao_runtime::opaque::Block;
use futures::FutureExt;
use sc_client_api::BlockBackend;
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sc_telemetry::TelemetryHandle;
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::sr25519::AuthorityPair as AuraPair;
use sp_runtime::traits::Block as BlockT;
use std::{sync::Arc, time::Duration};

/// GRANDPA writes a justification (a finality proof light clients and syncing nodes can check)
/// at least every this many blocks.
const JUSTIFICATION_PERIOD: u32 = 512;

/// How often GRANDPA gossips votes.
const GOSSIP_DURATION: Duration = Duration::from_millis(333);

/// GRANDPA's block import (which the import queue and the authoring task share) and its link
/// to the voter.
pub struct Grandpa {
    block_import: sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>,
    link: sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
}

/// The timestamp and the Aura slot it falls in, for authoring and for checking a block.
fn slot_inherents(
    slot_duration: sp_consensus_aura::SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
    let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
    let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
        *timestamp,
        slot_duration,
    );
    (slot, timestamp)
}

/// The import queue: Aura verifies each block's slot and author seal, and GRANDPA imports
/// blocks (noting authority-set changes) and justifications.
pub fn import_queue(
    client: &Arc<FullClient>,
    select_chain: &FullSelectChain,
    config: &Configuration,
    task_manager: &TaskManager,
    telemetry: Option<TelemetryHandle>,
) -> Result<(sc_consensus::DefaultImportQueue<Block>, Grandpa), ServiceError> {
    let (block_import, link) = sc_consensus_grandpa::block_import(
        client.clone(),
        JUSTIFICATION_PERIOD,
        client,
        select_chain.clone(),
        telemetry.clone(),
    )?;
    let slot_duration = sc_consensus_aura::slot_duration(&**client)?;
    let queue = sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
        block_import: block_import.clone(),
        justification_import: Some(Box::new(block_import.clone())),
        client: client.clone(),
        create_inherent_data_providers: move |_, ()| async move { Ok(slot_inherents(slot_duration)) },
        spawner: &task_manager.spawn_essential_handle(),
        registry: config.prometheus_registry(),
        check_for_equivocation: Default::default(),
        telemetry,
        compatibility_mode: Default::default(),
    })
    .map_err(|e| ServiceError::Other(format!("cannot build the Aura import queue: {e}")))?;
    Ok((queue, Grandpa { block_import, link }))
}

/// Starts the node: networking with GRANDPA's gossip protocol and warp sync, RPC (without the
/// `engine_*` methods), Aura authoring on a validator, and the GRANDPA voter (an observer on a
/// full node).
pub fn new_full<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
    config: Configuration,
    parts: Service,
    grandpa: Grandpa,
) -> Result<TaskManager, ServiceError> {
    let role = config.role;
    let force_authoring = config.force_authoring;
    let name = config.network.node_name.clone();
    let enable_grandpa = !config.disable_grandpa;

    let (mut net_config, metrics) = crate::service::network_config::<Network>(&config);
    let genesis_hash = parts
        .client
        .block_hash(0)?
        .ok_or_else(|| ServiceError::Other("the database has no genesis block".into()))?;
    let grandpa_protocol = sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
    let (grandpa_protocol_config, grandpa_notifications) =
        sc_consensus_grandpa::grandpa_peers_set_config::<_, Network>(
            grandpa_protocol.clone(),
            metrics.clone(),
            net_config.peer_store_handle(),
        );
    net_config.add_notification_protocol(grandpa_protocol_config);
    let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
        parts.backend.clone(),
        grandpa.link.shared_authority_set().clone(),
        Vec::new(),
    ));

    let running = crate::service::start::<Network>(
        config,
        parts,
        (net_config, metrics),
        Some(sc_service::WarpSyncConfig::WithProvider(warp_sync)),
        None,
    )?;
    let proposer = running.proposer();
    let Running { task_manager, client, pool: transaction_pool, select_chain, keystore, network, sync, telemetry, prometheus } =
        running;

    if role.is_authority() {
        let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
        let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(StartAuraParams {
            slot_duration,
            client: client.clone(),
            select_chain,
            block_import: grandpa.block_import,
            proposer_factory: proposer,
            create_inherent_data_providers: move |_, ()| async move { Ok(slot_inherents(slot_duration)) },
            force_authoring,
            backoff_authoring_blocks: Option::<()>::None,
            keystore: keystore.keystore(),
            sync_oracle: sync.clone(),
            justification_sync_link: sync.clone(),
            // Two thirds of the slot to build the block, the rest to spread it.
            block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
            max_block_proposal_slot_portion: None,
            telemetry: telemetry.as_ref().map(|x| x.handle()),
            compatibility_mode: Default::default(),
        })
        .map_err(|e| ServiceError::Other(format!("cannot start Aura: {e}")))?;
        task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
    }

    if enable_grandpa {
        // Only a validator signs votes; a full node follows the votes it hears.
        let keystore = role.is_authority().then(|| keystore.keystore());
        let voter = sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
            config: sc_consensus_grandpa::Config {
                gossip_duration: GOSSIP_DURATION,
                justification_generation_period: JUSTIFICATION_PERIOD,
                name: Some(name),
                observer_enabled: false,
                keystore,
                local_role: role,
                telemetry: telemetry.as_ref().map(|x| x.handle()),
                protocol_name: grandpa_protocol,
            },
            link: grandpa.link,
            network,
            sync,
            notification_service: grandpa_notifications,
            voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
            prometheus_registry: prometheus,
            shared_voter_state: sc_consensus_grandpa::SharedVoterState::empty(),
            telemetry: telemetry.as_ref().map(|x| x.handle()),
            offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
        })?;
        task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, voter.boxed());
    }

    Ok(task_manager)
}
