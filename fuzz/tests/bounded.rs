//! The runtime fuzzer in the test suite: every input of the regression corpus
//! (`regressions/*.bin`, each described by the `.md` file of the same name) replays without a
//! violation (or, marked `Status: open`, still reproduces its open finding of
//! `dtao_fuzz::known`), then a seeded random run, bounded by time and count, finds no other.
//!
//! `DTAO_FUZZ_SECS` (default 90) and `DTAO_FUZZ_CASES` (default 1_000_000) bound the random
//! run; `DTAO_FUZZ_SEED` (default 0) seeds it. A failure prints the seed and case to replay.
use dtao_fuzz::{input::SplitMix, run, Stats};
use std::time::{Duration, Instant};

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v.parse().unwrap_or_else(|_| panic!("{name} must be a whole number, not {v:?}")),
        Err(_) => default,
    }
}

/// The random input of case `case` of seed `seed`: 64 to 4_159 bytes.
pub fn case_input(seed: u64, case: u64) -> Vec<u8> {
    let mut rng = SplitMix(seed ^ case.wrapping_mul(0xA24B_AED4_963E_E407));
    let len = 64 + (rng.next_u64() % 4_096) as usize;
    rng.bytes(len)
}

#[test]
fn the_regression_corpus_replays_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "bin"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for path in &files {
        let about = path.with_extension("md");
        assert!(about.exists(), "{} has no {} saying what it found", path.display(), about.display());
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let open = std::fs::read_to_string(&about).unwrap_or_default().contains("Status: open");
        match (run(&data), open) {
            (Ok(stats), false) => println!("{}: clean ({} blocks, {} calls)", path.display(), stats.blocks, stats.calls),
            (Err(v), true) if dtao_fuzz::known::open_finding(&v).is_some() => {
                println!("{}: still reproduces its open finding: {v}", path.display())
            },
            (Ok(_), true) => failures.push(format!("{}: runs clean now; mark it fixed (and drop it from known.rs)", path.display())),
            (Err(v), _) => failures.push(format!("{}: {v}", path.display())),
        }
    }
    assert!(failures.is_empty(), "regressions:\n{}", failures.join("\n"));
}

#[test]
fn a_bounded_random_run_finds_no_violation() {
    let secs = env_u64("DTAO_FUZZ_SECS", 90);
    let cases = env_u64("DTAO_FUZZ_CASES", 1_000_000);
    let seed = env_u64("DTAO_FUZZ_SEED", 0);
    let strict = std::env::var_os("DTAO_FUZZ_STRICT").is_some();
    let mut open = 0u64;
    let started = Instant::now();
    let mut last = started;
    let mut total = Stats::default();
    let mut done = 0u64;
    while done < cases && started.elapsed() < Duration::from_secs(secs) {
        let data = case_input(seed, done);
        match run(&data) {
            Ok(stats) => total.add(&stats),
            Err(v) if !strict && dtao_fuzz::known::open_finding(&v).is_some() => {
                let name = dtao_fuzz::known::open_finding(&v).map_or("", |k| k.name);
                eprintln!("dtao-fuzz: seed {seed} case {done}: OPEN FINDING {name}: {v}");
                open += 1;
            },
            Err(v) => {
                let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-seed{seed}-case{done}.bin"));
                let saved = std::fs::write(&path, &data).map(|_| path.display().to_string());
                panic!("seed {seed} case {done}: {v}\n(input saved to {saved:?}; replay it with DTAO_FUZZ_INPUT=<file>)")
            },
        }
        done += 1;
        if last.elapsed() >= Duration::from_secs(10) {
            last = Instant::now();
            eprintln!(
                "dtao-fuzz: {:>4} s, {done} inputs, {} blocks, {} epochs, {} calls ({} succeeded, {} failed, {} refused)",
                started.elapsed().as_secs(), total.blocks, total.epochs, total.calls, total.succeeded, total.failed, total.refused
            );
        }
    }
    eprintln!(
        "dtao-fuzz: done in {:.1} s: {done} inputs, {} blocks, {} epochs, {} calls ({} succeeded, {} failed, {} refused), no new violation, {open} inputs stopped at an open finding (fuzz/src/known.rs)",
        started.elapsed().as_secs_f64(), total.blocks, total.epochs, total.calls, total.succeeded, total.failed, total.refused
    );
    assert!(done > 0, "the bounded run ran no input");
    // Not a vacuous run: some calls must get through and some blocks must cross epochs.
    assert!(total.succeeded > 0, "no call succeeded in {done} inputs");
    assert!(total.epochs > 0, "no epoch ran in {} blocks", total.blocks);
}

/// Replays one input file (`DTAO_FUZZ_INPUT`), with `DTAO_FUZZ_TRACE` to print every call.
#[test]
fn replay_one_input() {
    let Some(path) = std::env::var_os("DTAO_FUZZ_INPUT") else { return };
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path:?}: {e}"));
    match run(&data) {
        Ok(stats) => println!("{path:?}: clean, {stats:?}"),
        Err(v) => panic!("{path:?}: {v}"),
    }
}
