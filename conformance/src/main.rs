//! `dtao-conformance <vectors-dir>...`: replays every Subtensor conformance vector file found
//! in each directory (not its subdirectories) through pallet-dtao, one line per file, then
//! `N passed, M failed`. Exits non-zero on any failure or unreadable file.
//!
//! Files are recognised by name: `block_emission*.json`, `swap*.json`, `moving_price*.json`,
//! `coinbase*.json`, `lock_cost*.json`, `burn*.json`, `epoch*.json`, and the end-to-end
//! `scenarios*.json` made by running the reference pallet ([`scenario`]). Every field of every
//! case is compared exactly (amounts as u64, fixed-point values as raw bits).
mod compare;
mod replay;
pub mod scenario;

use std::{path::PathBuf, process::ExitCode};

/// The result of one file.
pub struct FileReport {
    /// Cases that matched in every field.
    pub passed: usize,
    /// Cases with at least one mismatch.
    pub failed: usize,
    /// Cases not replayed, with the reason.
    pub skipped: Option<(usize, &'static str)>,
    /// The first few mismatches, for the log.
    pub mismatches: Vec<String>,
    /// A line of extra counts (e.g. blocks matched), printed after the file's line.
    pub detail: Option<String>,
}

/// Cases whose mismatches are printed, per file.
const REPORTED_CASES: usize = 25;

impl FileReport {
    fn new() -> Self {
        FileReport { passed: 0, failed: 0, skipped: None, mismatches: Vec::new(), detail: None }
    }

    /// Records one case's mismatches (none: passed).
    pub fn record(&mut self, case: &str, mismatches: Vec<String>) {
        if mismatches.is_empty() {
            self.passed += 1;
        } else {
            self.failed += 1;
            if self.mismatches.len() < REPORTED_CASES {
                self.mismatches.push(format!("{case}: {}", mismatches.join("\n    ")));
            }
        }
    }
}

fn main() -> ExitCode {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: dtao-conformance <vectors-dir>...");
        return ExitCode::from(2);
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in &dirs {
        let mut found: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect(),
            Err(e) => {
                eprintln!("cannot read {}: {e}", dir.display());
                return ExitCode::from(2);
            },
        };
        if found.is_empty() {
            eprintln!("no vector files (*.json) in {}", dir.display());
            return ExitCode::from(2);
        }
        found.sort();
        files.extend(found);
    }
    let (mut passed, mut failed, mut skipped) = (0usize, 0usize, 0usize);
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let report = match replay::replay_file(&path) {
            Ok(r) => r,
            Err(e) => {
                println!("{name}: ERROR {e}");
                failed += 1;
                continue;
            },
        };
        passed += report.passed;
        failed += report.failed;
        match report.skipped {
            Some((n, why)) => {
                skipped += n;
                println!("{name}: {n} cases not replayed: {why}");
            },
            None => println!(
                "{name}: {} cases, {} passed, {} failed",
                report.passed + report.failed,
                report.passed,
                report.failed
            ),
        }
        if let Some(detail) = &report.detail {
            println!("  {detail}");
        }
        for m in &report.mismatches {
            println!("  mismatch: {m}");
        }
    }
    if skipped > 0 {
        println!("{passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
