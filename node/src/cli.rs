//! Command-line interface.
use crate::sealing::Sealing;

/// Subcommands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
    /// Key management utilities.
    #[command(subcommand)]
    Key(sc_cli::KeySubcommand),
    /// Export the chain specification as JSON.
    ExportChainSpec(sc_cli::ExportChainSpecCmd),
    /// Build a chain specification (deprecated upstream in favour of `export-chain-spec`).
    BuildSpec(sc_cli::BuildSpecCmd),
    /// Validate blocks.
    CheckBlock(sc_cli::CheckBlockCmd),
    /// Export blocks.
    ExportBlocks(sc_cli::ExportBlocksCmd),
    /// Export the state of a given block into a chain spec.
    ExportState(sc_cli::ExportStateCmd),
    /// Import blocks.
    ImportBlocks(sc_cli::ImportBlocksCmd),
    /// Remove the whole chain.
    PurgeChain(sc_cli::PurgeChainCmd),
    /// Revert the chain to a previous state.
    Revert(sc_cli::RevertCmd),
    /// Database metadata.
    ChainInfo(sc_cli::ChainInfoCmd),
    /// Benchmarks: `pallet` (the runtime's, writing weight files), `storage` (this database's
    /// read and write costs) and `machine`. Needs a build with `--features runtime-benchmarks`.
    #[cfg(feature = "runtime-benchmarks")]
    #[command(subcommand)]
    Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

/// The node's command line.
#[derive(Debug, clap::Parser)]
#[command(
    propagate_version = true,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    /// A subcommand, or none to run the node.
    #[command(subcommand)]
    pub subcommand: Option<Subcommand>,

    /// How a chain without authorities (`--dev`) gets its blocks: `manual`
    /// (engine_createBlock / engine_finalizeBlock RPCs), `instant` (one block per
    /// transaction) or `interval=<ms>` (the default, 12000, mainnet's block time; the first
    /// block is sealed at start-up). Refused on a chain with authorities (`--chain local`),
    /// whose validators author in their Aura slots.
    #[arg(long, value_name = "MODE")]
    pub sealing: Option<Sealing>,

    /// Options of the Substrate node.
    #[clap(flatten)]
    pub run: sc_cli::RunCmd,
}
