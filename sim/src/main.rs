//! `dtao-sim`: runs a scenario file on the real dtao runtime (see the crate docs).
//!
//! ```text
//! dtao-sim run sim/scenarios/sn28-feedback.toml --out out/sn28
//! dtao-sim check sim/scenarios/*.toml
//! ```
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dtao-sim", version, about = "Replays economic scenarios on the real dtao runtime, block by block")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs a scenario and writes its CSVs, charts and summary into --out.
    Run {
        /// The scenario file (TOML).
        scenario: PathBuf,
        /// Output folder (created).
        #[arg(long)]
        out: PathBuf,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
        /// Stop after this many blocks (at most the scenario's `blocks`).
        #[arg(long)]
        blocks: Option<u64>,
        /// Check the pallet's invariants after every N blocks and after the last (default:
        /// every block).
        #[arg(long, default_value_t = 1)]
        check_every: u64,
    },
    /// Checks scenario files without running them.
    Check {
        /// Scenario files.
        #[arg(required = true)]
        scenarios: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { scenarios } => {
            let mut failed = false;
            for path in scenarios {
                match dtao_sim::load(&path) {
                    Ok(_) => println!("{}: ok", path.display()),
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed = true;
                    },
                }
            }
            if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
        },
        Command::Run { scenario, out, quiet, blocks, check_every } => {
            let s = match dtao_sim::load(&scenario) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(1);
                },
            };
            let quiet = quiet || !std::io::stderr().is_terminal();
            let options = dtao_sim::Options { out: Some(out.clone()), quiet, blocks, check_every };
            let start = std::time::Instant::now();
            match dtao_sim::run(&s, &options) {
                Ok(outcome) => {
                    print!("{}", outcome.summary);
                    let secs = start.elapsed().as_secs_f64();
                    eprintln!(
                        "{} blocks in {secs:.1} s ({:.0} blocks/s); outputs in {}",
                        outcome.blocks,
                        outcome.blocks as f64 / secs.max(1e-9),
                        out.display()
                    );
                    ExitCode::SUCCESS
                },
                Err(e) => {
                    eprintln!("error: {}: {e}", scenario.display());
                    ExitCode::from(2)
                },
            }
        },
    }
}
