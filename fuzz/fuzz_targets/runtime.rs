//! cargo-fuzz target: one input is one program for [`dtao_fuzz::run`]; a violation aborts
//! with its description. Every 60 s it prints the calls and blocks run so far.
#![no_main]
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

struct Totals {
    started: Instant,
    last: Instant,
    runs: u64,
    stats: dtao_fuzz::Stats,
}

fn totals() -> &'static Mutex<Totals> {
    static TOTALS: OnceLock<Mutex<Totals>> = OnceLock::new();
    TOTALS.get_or_init(|| {
        let now = Instant::now();
        Mutex::new(Totals { started: now, last: now, runs: 0, stats: Default::default() })
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match dtao_fuzz::run(data) {
        Ok(stats) => {
            if let Ok(mut t) = totals().lock() {
                t.runs += 1;
                t.stats.add(&stats);
                if t.last.elapsed().as_secs() >= 60 {
                    t.last = Instant::now();
                    let s = t.stats;
                    eprintln!(
                        "dtao-fuzz totals after {} s: {} runs, {} blocks, {} epochs, {} calls ({} succeeded, {} failed, {} refused)",
                        t.started.elapsed().as_secs(), t.runs, s.blocks, s.epochs, s.calls, s.succeeded, s.failed, s.refused
                    );
                }
            }
        },
        Err(violation) => panic!("dtao-fuzz violation: {violation}"),
    }
});
