//! Loading the conformance files and collecting mismatches.
#![allow(dead_code)]
use serde_json::Value;
use std::{fmt::Debug, path::PathBuf};

/// `$DTAO_VECTORS` if set, else `shared/conformance` beside the repository checkout. The
/// crate's directory is read when the test runs (cargo sets `CARGO_MANIFEST_DIR` then too):
/// a test binary built in another checkout that shares the target dir would otherwise look
/// beside that checkout.
pub fn conformance_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DTAO_VECTORS") {
        return PathBuf::from(dir);
    }
    let crate_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    crate_dir.join("../../../../shared/conformance")
}

/// The parsed file. A missing conformance directory fails the test: the vectors are part
/// of the suite (set `DTAO_VECTORS` to point elsewhere).
pub fn load(name: &str) -> Option<Value> {
    let dir = conformance_dir();
    assert!(dir.is_dir(), "conformance directory {} not found (set DTAO_VECTORS)", dir.display());
    let text =
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("reading {name}: {e}"));
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {name}: {e}")))
}

/// A JSON integer as u64 (never through f64).
pub fn u64_of(v: &Value) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("expected a u64, found {v}"))
}

/// A u64 or null.
pub fn opt_u64(v: &Value) -> Option<u64> {
    if v.is_null() {
        None
    } else {
        Some(u64_of(v))
    }
}

fn bits_str(v: &Value) -> &str {
    let s = if let Some(obj) = v.as_object() {
        obj.get("bits").and_then(Value::as_str)
    } else {
        v.as_str()
    };
    s.unwrap_or_else(|| panic!("expected fixed-point bits, found {v}"))
}

/// Raw bits of an unsigned fixed value, from `{"bits": "..."}` or a bare decimal string.
pub fn bits_u(v: &Value) -> u128 {
    bits_str(v)
        .parse()
        .unwrap_or_else(|e| panic!("bad u128 bits {v}: {e}"))
}

/// Raw bits of a signed fixed value.
pub fn bits_i(v: &Value) -> i128 {
    bits_str(v)
        .parse()
        .unwrap_or_else(|e| panic!("bad i128 bits {v}: {e}"))
}

/// A field that must be present.
pub fn field<'a>(v: &'a Value, name: &str) -> &'a Value {
    v.get(name)
        .unwrap_or_else(|| panic!("missing field {name} in {v}"))
}

/// Mismatches of one vector file.
pub struct Mismatches {
    file: &'static str,
    list: Vec<String>,
    cases: usize,
    checks: usize,
}

impl Mismatches {
    /// Starts collecting for `file`.
    pub fn new(file: &'static str) -> Self {
        Self {
            file,
            list: Vec::new(),
            cases: 0,
            checks: 0,
        }
    }

    /// Records a mismatch unless `got == want`.
    pub fn eq<T: PartialEq + Debug>(&mut self, at: &str, what: &str, got: T, want: T) {
        self.checks += 1;
        if got != want {
            self.list
                .push(format!("{at}: {what}: got {got:?}, expected {want:?}"));
        }
    }

    /// Counts one case (or step, or record).
    pub fn case_done(&mut self) {
        self.cases += 1;
    }

    /// Fails with every mismatch, or reports the pass; `expected_cases` guards against
    /// silently reading fewer cases than the file holds.
    pub fn finish(self, expected_cases: usize) {
        if !self.list.is_empty() {
            let shown: Vec<&String> = self.list.iter().take(40).collect();
            panic!(
                "{}: {} mismatches over {} cases; first ones:\n{}",
                self.file,
                self.list.len(),
                self.cases,
                shown
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        assert_eq!(self.cases, expected_cases, "{}: number of cases", self.file);
        eprintln!(
            "{}: {} cases, {} values, all bit-exact",
            self.file, self.cases, self.checks
        );
    }
}
