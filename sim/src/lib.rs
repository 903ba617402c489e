//! # dtao-sim
//!
//! Replays a scenario (a TOML file: subnets and pools, accounts, neurons with weights, root
//! stakers, actors with schedules) on the real dtao runtime, natively, block by block, and
//! writes what happened: `blocks.csv` (one row per sampled block and subnet), `epochs.csv`
//! (one row per epoch and neuron), `actions.csv` (every call an actor made and its outcome),
//! `summary.txt` (the table also printed to stdout), SVG charts, and the audit trail:
//! `emission.jsonl` (every block's emission breakdown per subnet, as the chain's runtime API
//! serves it) and, on request, the state's raw pairs.
//!
//! - [`scenario`]: the file format and its checks (errors name the line and field).
//! - [`setup`]: block 0, the genesis and set-up.
//! - [`world`]: how a block runs (the real hooks and dispatchables, invariants after each).
//! - [`actors`]: the behaviours.
//! - [`record`]: the CSVs and the summary.
//! - [`plot`]: the charts.
//! - [`audit`]: `emission.jsonl` and `dtao-sim diff`.
//! - [`snapshot`]: raw storage pairs in and out, `dtao-sim replay`.
//! - [`state`]: where the state lives (one sorted map; or a trie backend, to compare).
//!
//! Same scenario, same seed: same bytes in every output file.
pub mod actors;
pub mod audit;
pub mod plot;
pub mod record;
pub mod rng;
pub mod scenario;
pub mod setup;
pub mod snapshot;
pub mod state;
pub mod world;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};

/// How to run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Output folder (created); `None` writes nothing (benchmarks).
    pub out: Option<PathBuf>,
    /// No progress bar.
    pub quiet: bool,
    /// Simulate only the first this many blocks.
    pub blocks: Option<u64>,
    /// Check the invariants after every this many blocks (and after the last); 0 or 1:
    /// after every block (the default).
    pub check_every: u64,
    /// Also write the state after the last block: `state-pairs.json` (every pair, a snapshot
    /// `replay` starts from) and `final-pairs.json` (the `SubtensorModule` pairs).
    pub pairs: bool,
    /// Keep the state in `sp_io::TestExternalities` (a trie under an overlay) instead of the
    /// flat [`state::State`]: slower, the same bytes; for checking the one against the other.
    pub trie: bool,
}

/// What a run produced besides its files.
pub struct Outcome {
    /// The summary table.
    pub summary: String,
    /// Blocks simulated.
    pub blocks: u64,
    /// Wall time of the blocks (the set-up and the charts excluded), in seconds. Not written
    /// to any file, which must not depend on the machine.
    pub run_seconds: f64,
}

/// Sets a tracing subscriber that takes nothing, once per process, unless one is set already.
///
/// `sp_io` opens a tracing span around every host call (each storage access, each `twox_128`
/// of a storage prefix). While no subscriber has ever been set, `tracing`'s `log`
/// compatibility still builds every span and its record; measured with callgrind, that was a
/// sixth of a simulated block's instructions. With a subscriber that is interested in
/// nothing, a span is one cached check. A program that wants the runtime's traces sets its
/// own subscriber before the first run.
pub fn silence_tracing() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = tracing::subscriber::set_global_default(tracing::subscriber::NoSubscriber::default());
    });
}

/// Reads and checks a scenario file; errors name the file, the line and the field.
pub fn load(path: &Path) -> Result<scenario::Scenario, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    scenario::parse(&source).map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs a checked scenario.
pub fn run(s: &scenario::Scenario, options: &Options) -> Result<Outcome, String> {
    silence_tracing();
    let blocks = options.blocks.unwrap_or(s.blocks).min(s.blocks);
    let mut world = setup::build(s, options.trie)?;
    let mut recorder = record::Recorder::new(s, blocks, options.out.as_deref())?;
    let mut emission = audit::Log::create(options.out.as_deref())?;
    let mut runners = actors::Runner::all(s);
    let bar = if options.quiet {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::with_draw_target(Some(blocks), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} blocks, {per_sec}, eta {eta}") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(s.name.clone());
        bar
    };
    let roots: Vec<_> = s
        .root_stakers
        .iter()
        .map(|r| {
            let r = r.get_ref();
            let cold = r.coldkey.clone().unwrap_or_else(|| format!("{}-cold", r.hotkey));
            (world::account(&cold), world::account(&r.hotkey), cold)
        })
        .collect();
    let setup::World { ext, names, voters, rng } = &mut world;
    let started = std::time::Instant::now();
    let result = (|| -> Result<(), String> {
        let mut vote_due: Vec<u16> = Vec::new();
        for block in 1..=blocks {
            let n = u32::try_from(block).map_err(|_| "block number above u32".to_string())?;
            let check = options.check_every <= 1 || block.is_multiple_of(options.check_every) || block == blocks;
            vote_due = ext.execute_with(|| -> Result<Vec<u16>, String> {
                world::open_block(n);
                let coinbase = world::dtao_events();
                let mut log = Vec::new();
                actors::vote(block, &vote_due, voters, &mut log);
                for r in runners.iter_mut() {
                    r.act(block, rng, names, &roots, &mut log);
                }
                world::close_block(n, check)?;
                emission.block(block, &coinbase)?;
                recorder.block(block, &coinbase, names, &log)
            })?;
            ext.end_block(block)?;
            if block.is_multiple_of(64) {
                bar.set_position(block);
            }
        }
        Ok(())
    })();
    let run_seconds = started.elapsed().as_secs_f64();
    bar.finish_and_clear();
    result?;
    emission.finish()?;
    if let (true, Some(dir)) = (options.pairs, options.out.as_deref()) {
        let (all, pallet) = ext.execute_with(|| (snapshot::pairs_under(&[]), snapshot::pairs_under(&snapshot::pallet_prefix())));
        for (name, pairs) in [("state-pairs.json", all), ("final-pairs.json", pallet)] {
            let path = dir.join(name);
            std::fs::write(&path, snapshot::format(&pairs)).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let summary = recorder.finish(s, blocks)?;
    Ok(Outcome { summary, blocks, run_seconds })
}
