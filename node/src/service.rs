//! Assembles the node: client (WASM runtime), ParityDB backend, transaction pool, networking
//! and RPC, and one of two ways to produce blocks, chosen by the chain's genesis:
//! - no Aura authorities (the `dev` chain): the node seals blocks itself, as the `--sealing`
//!   mode and the `engine_*` RPCs say (this module);
//! - Aura authorities (the `local` chain, or any chain spec naming some): Aura authoring and
//!   GRANDPA finality across validators ([`crate::network`]).
use crate::sealing::Sealing;
use sc_client_api::BlockchainEvents;
use dtao_runtime::{opaque::Block, RuntimeApi};
use futures::{channel::mpsc, stream, FutureExt, SinkExt, StreamExt};
use sc_consensus_manual_seal::EngineCommand;
use sc_executor::WasmExecutor;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::TransactionPool;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::{Block as BlockT, Header as _};
use std::{sync::Arc, time::Duration};

#[cfg(not(feature = "runtime-benchmarks"))]
type HostFunctions = sp_io::SubstrateHostFunctions;
/// A benchmarking runtime also calls the benchmarking host functions (`benchmark storage`
/// runs it in this client).
#[cfg(feature = "runtime-benchmarks")]
type HostFunctions = (sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// In `instant` and `interval` modes a sealed block is finalized this long after it is
/// imported, not in the same step: clients that watch a transaction then see `inBlock`
/// before `finalized`. (async-substrate-interface 1.1.0, under btcli 9.3.0, keeps only the
/// latest status of a watched transaction; when both arrive together it sees `finalized`
/// only and, waiting for inclusion, never returns.)
pub const FINALITY_DELAY: Duration = Duration::from_millis(250);

/// The full client: the runtime runs in the WASM executor.
pub type FullClient = sc_service::TFullClient<Block, RuntimeApi, WasmExecutor<HostFunctions>>;
/// The database backend.
pub type FullBackend = sc_service::TFullBackend<Block>;
/// Fork choice: the longest chain (GRANDPA's finality on top of it on a network).
pub type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
/// The transaction pool.
pub type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

/// How the chain's blocks are produced, as its genesis says.
pub enum Production {
    /// No authorities: the node seals blocks (`--dev`).
    Sealed,
    /// Aura authorities: blocks go through GRANDPA's block import, which the authoring task
    /// and the voter share.
    Authorities(Box<crate::network::Grandpa>),
}

/// Parts enough for the chain-maintenance subcommands.
pub type Service = sc_service::PartialComponents<
    FullClient,
    FullBackend,
    FullSelectChain,
    sc_consensus::DefaultImportQueue<Block>,
    FullPool,
    (Option<Telemetry>, Production),
>;

/// Whether the chain's genesis names Aura authorities (read from the runtime; they never
/// change, there being no session pallet).
fn has_authorities(client: &FullClient) -> Result<bool, ServiceError> {
    use sp_api::ProvideRuntimeApi;
    use sp_consensus_aura::{sr25519::AuthorityId, AuraApi};
    let genesis = client.info().genesis_hash;
    let authorities = AuraApi::<Block, AuthorityId>::authorities(&*client.runtime_api(), genesis)
        .map_err(|e| ServiceError::Other(format!("cannot read the Aura authorities: {e}")))?;
    Ok(!authorities.is_empty())
}

/// Builds client, backend, pool and the import queue of the chain's kind of production.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
    let telemetry = config
        .telemetry_endpoints
        .clone()
        .filter(|x| !x.is_empty())
        .map(|endpoints| -> Result<_, sc_telemetry::Error> {
            let worker = TelemetryWorker::new(16)?;
            let telemetry = worker.handle().new_telemetry(endpoints);
            Ok((worker, telemetry))
        })
        .transpose()?;

    let executor = sc_service::new_wasm_executor(&config.executor);
    let (client, backend, keystore_container, task_manager) =
        sc_service::new_full_parts::<Block, RuntimeApi, _>(
            config,
            telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
            executor,
            Vec::new(),
        )?;
    let client = Arc::new(client);

    let telemetry = telemetry.map(|(worker, telemetry)| {
        task_manager.spawn_handle().spawn("telemetry", None, worker.run());
        telemetry
    });

    let select_chain = sc_consensus::LongestChain::new(backend.clone());

    let transaction_pool = Arc::from(
        sc_transaction_pool::Builder::new(
            task_manager.spawn_essential_handle(),
            client.clone(),
            config.role.is_authority().into(),
        )
        .with_options(config.transaction_pool.clone())
        .with_prometheus(config.prometheus_registry())
        .build(),
    );

    let (import_queue, production) = if has_authorities(&client)? {
        let (queue, grandpa) = crate::network::import_queue(
            &client,
            &select_chain,
            config,
            &task_manager,
            telemetry.as_ref().map(|x| x.handle()),
        )?;
        (queue, Production::Authorities(Box::new(grandpa)))
    } else {
        let queue = sc_consensus::BasicQueue::new(
            crate::dev_import::DevVerifier,
            Box::new(client.clone()),
            None,
            &task_manager.spawn_essential_handle(),
            config.prometheus_registry(),
        );
        (queue, Production::Sealed)
    };

    Ok(sc_service::PartialComponents {
        client,
        backend,
        task_manager,
        import_queue,
        keystore_container,
        select_chain,
        transaction_pool,
        other: (telemetry, production),
    })
}

/// What the command line asked for about block production.
#[derive(Debug, Clone, Copy)]
pub struct Flags {
    /// `--sealing`, if given.
    pub sealing: Option<Sealing>,
    /// `--validator` or a dev-key flag (`--alice`, ...) given without `--dev`.
    pub validator: bool,
}

/// Starts the node: sealing on a chain without authorities, Aura and GRANDPA on one with.
/// A flag that does not fit the chain is refused with a message saying why.
pub fn new_full<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
    config: Configuration,
    flags: Flags,
) -> Result<TaskManager, ServiceError> {
    let mut parts = new_partial(&config)?;
    let production = std::mem::replace(&mut parts.other.1, Production::Sealed);
    match (production, flags) {
        (Production::Authorities(_), Flags { sealing: Some(mode), .. }) => Err(ServiceError::Other(format!(
            "--sealing {mode} is for a chain without authorities (--dev); this chain's genesis names \
             Aura authorities, so its validators author blocks in their slots. Drop --sealing, and \
             pass --validator (or --alice, --bob, ...) to author."
        ))),
        (Production::Authorities(grandpa), _) => {
            log::info!("⛓️  Aura authoring, GRANDPA finality");
            crate::network::new_full::<Network>(config, parts, *grandpa)
        },
        (Production::Sealed, Flags { validator: true, .. }) => Err(ServiceError::Other(
            "--validator (or --alice, --bob, ...) needs a chain whose genesis names authorities, \
             such as --chain local; this chain has none, and the node seals its blocks (--sealing)."
                .into(),
        )),
        (Production::Sealed, Flags { sealing, .. }) => {
            let sealing = sealing.unwrap_or_default();
            log::info!("🔨 sealing: {sealing}");
            new_sealing::<Network>(config, parts, sealing)
        },
    }
}

/// A node whose networking, RPC and standard tasks run: what block production builds on.
pub struct Running {
    /// The node's tasks.
    pub task_manager: TaskManager,
    /// The client.
    pub client: Arc<FullClient>,
    /// The transaction pool.
    pub pool: Arc<FullPool>,
    /// Fork choice.
    pub select_chain: FullSelectChain,
    /// The keystore (session keys).
    pub keystore: sc_service::KeystoreContainer,
    /// The network service.
    pub network: Arc<dyn sc_network::service::traits::NetworkService>,
    /// Block sync.
    pub sync: Arc<sc_network_sync::SyncingService<Block>>,
    /// Telemetry, if configured.
    pub telemetry: Option<Telemetry>,
    /// The Prometheus registry, if configured.
    pub prometheus: Option<prometheus_endpoint::Registry>,
}

/// The network configuration of `config` (block production may add protocols to it) and its
/// notification metrics.
pub fn network_config<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
    config: &Configuration,
) -> (
    sc_network::config::FullNetworkConfiguration<Block, <Block as BlockT>::Hash, Network>,
    sc_network::service::NotificationMetrics,
) {
    let net_config = sc_network::config::FullNetworkConfiguration::<Block, <Block as BlockT>::Hash, Network>::new(
        &config.network,
        config.prometheus_registry().cloned(),
    );
    let metrics = Network::register_notification_metrics(config.prometheus_registry());
    (net_config, metrics)
}

/// Starts networking (with `net_config`'s protocols, and warp sync if given), the RPC server
/// (with the `engine_*` methods when `engine` is given) and Substrate's standard tasks.
pub fn start<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
    config: Configuration,
    parts: Service,
    (net_config, metrics): (
        sc_network::config::FullNetworkConfiguration<Block, <Block as BlockT>::Hash, Network>,
        sc_network::service::NotificationMetrics,
    ),
    warp_sync: Option<sc_service::WarpSyncConfig<Block>>,
    engine: Option<mpsc::Sender<EngineCommand<<Block as BlockT>::Hash>>>,
) -> Result<Running, ServiceError> {
    let sc_service::PartialComponents {
        client,
        backend,
        mut task_manager,
        import_queue,
        keystore_container,
        select_chain,
        transaction_pool,
        other: (mut telemetry, _),
    } = parts;

    let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
        sc_service::build_network(sc_service::BuildNetworkParams {
            config: &config,
            net_config,
            client: client.clone(),
            transaction_pool: transaction_pool.clone(),
            spawn_handle: task_manager.spawn_handle(),
            spawn_essential_handle: task_manager.spawn_essential_handle(),
            import_queue,
            block_announce_validator_builder: None,
            warp_sync_config: warp_sync,
            block_relay: None,
            metrics,
            gap_sync_body_policy: None,
        })?;

    let rpc_builder = {
        let client = client.clone();
        let pool = transaction_pool.clone();
        Box::new(move |_| {
            let deps = crate::rpc::FullDeps { client: client.clone(), pool: pool.clone(), engine: engine.clone() };
            crate::rpc::create_full(deps).map_err(Into::into)
        })
    };

    let prometheus = config.prometheus_registry().cloned();
    sc_service::spawn_tasks(sc_service::SpawnTasksParams {
        network: network.clone(),
        client: client.clone(),
        keystore: keystore_container.keystore(),
        task_manager: &mut task_manager,
        transaction_pool: transaction_pool.clone(),
        rpc_builder,
        backend,
        system_rpc_tx,
        tx_handler_controller,
        sync_service: sync_service.clone(),
        config,
        telemetry: telemetry.as_mut(),
        tracing_execute_block: None,
    })?;

    Ok(Running {
        task_manager,
        client,
        pool: transaction_pool,
        select_chain,
        keystore: keystore_container,
        network,
        sync: sync_service,
        telemetry,
        prometheus,
    })
}

impl Running {
    /// The block builder of the authoring tasks.
    pub fn proposer(&self) -> sc_basic_authorship::ProposerFactory<FullPool, FullClient> {
        sc_basic_authorship::ProposerFactory::new(
            self.task_manager.spawn_handle(),
            self.client.clone(),
            self.pool.clone(),
            self.prometheus.as_ref(),
            self.telemetry.as_ref().map(|x| x.handle()),
        )
    }
}

/// A node that seals blocks as `sealing` says, and on `engine_*` RPCs.
fn new_sealing<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
    config: Configuration,
    parts: Service,
    sealing: Sealing,
) -> Result<TaskManager, ServiceError> {
    // Commands for the authoring task: from the engine RPCs, and from the sealing mode.
    let (engine_tx, engine_rx) = mpsc::channel::<EngineCommand<_>>(1024);
    let net = network_config::<Network>(&config);
    let running = start::<Network>(config, parts, net, None, Some(engine_tx.clone()))?;
    let proposer = running.proposer();
    let Running { task_manager, client, pool: transaction_pool, select_chain, .. } = running;

    let seal = |finalize: bool, create_empty: bool| EngineCommand::SealNewBlock {
        create_empty,
        finalize,
        parent_hash: None,
        sender: None,
    };
    let mode_commands: stream::BoxStream<'static, EngineCommand<_>> = match sealing {
        Sealing::Manual => stream::pending().boxed(),
        Sealing::Instant => transaction_pool
            .import_notification_stream()
            .map(move |_| seal(false, false))
            .boxed(),
        Sealing::Interval(ms) => {
            let period = Duration::from_millis(ms);
            stream::unfold(true, move |first| async move {
                if !first {
                    futures_timer::Delay::new(period).await;
                }
                Some((seal(false, true), false))
            })
            .boxed()
        },
    };
    let commands = stream::select(engine_rx, mode_commands);

    // Finality for the automatic modes: every new best block, FINALITY_DELAY after import.
    if sealing != Sealing::Manual {
        let chain = client.clone();
        let mut imports = client.import_notification_stream();
        let mut finalize = engine_tx.clone();
        let finalizer = async move {
            while let Some(imported) = imports.next().await {
                if !imported.is_new_best {
                    continue;
                }
                futures_timer::Delay::new(FINALITY_DELAY).await;
                // `engine_createBlock(_, true, _)` may have finalized it already.
                if *imported.header.number() <= chain.info().finalized_number {
                    continue;
                }
                let command =
                    EngineCommand::FinalizeBlock { hash: imported.hash, sender: None, justification: None };
                if finalize.send(command).await.is_err() {
                    break;
                }
            }
        };
        task_manager.spawn_handle().spawn("dev-finality", None, finalizer.boxed());
    }

    let authorship = sc_consensus_manual_seal::run_manual_seal(
        sc_consensus_manual_seal::ManualSealParams {
            block_import: client.clone(),
            env: proposer,
            client,
            pool: transaction_pool,
            commands_stream: commands,
            select_chain,
            consensus_data_provider: None,
            create_inherent_data_providers: move |_, ()| async move {
                Ok(sp_timestamp::InherentDataProvider::from_system_time())
            },
        },
    );
    task_manager
        .spawn_essential_handle()
        .spawn_blocking("manual-seal", None, authorship.boxed());

    Ok(task_manager)
}
