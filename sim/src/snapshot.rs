//! Raw storage snapshots: start a simulation from the key/value pairs a chain holds, and write
//! the pairs a run ends with.
//!
//! A snapshot file is JSON: a list of `["0x<key>", "0x<value>"]` pairs, as the RPC
//! `state_getPairs` answers for a prefix, or an object `{"pairs": [...]}`. The pairs of
//! several prefixes (`SubtensorModule`, `System`, `Balances`) are simply concatenated. Our
//! storage keys are the reference's, so the pallet reads a snapshot of the reference's chain
//! as its own; items the reference does not have (our explicit dust and shortfall counters)
//! read as zero, and the invariants, which count them, may then not hold: `--check none`.
//!
//! `replay` runs the blocks after the snapshot's `System::Number` the way [`crate::run`]
//! runs a scenario's (the real hooks, the timestamp inherent), without actors, and writes
//! `emission.jsonl` ([`crate::audit`]) and `final-pairs.json`: every `SubtensorModule` pair
//! after the last block, sorted by key, in the snapshot format.
use crate::state::{Chain, State};
use crate::{audit, world};
use dtao_runtime::Runtime;
use serde_json::Value;
use sp_core::storage::Storage;
use std::path::Path;

/// `twox128("SubtensorModule")`, the prefix of every key of the pallet.
pub fn pallet_prefix() -> Vec<u8> {
    sp_io::hashing::twox_128(b"SubtensorModule").to_vec()
}

/// Storage pairs, sorted by key.
pub type Pairs = Vec<(Vec<u8>, Vec<u8>)>;

/// What to check after each replayed block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The pallet's invariants (`do_try_state`), as after every block of a scenario.
    Invariants,
    /// Nothing: for snapshots of a chain without our extra counters.
    None,
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(2 + 2 * bytes.len());
    s.push_str("0x");
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn unhex(text: &str) -> Result<Vec<u8>, String> {
    let digits = text.strip_prefix("0x").ok_or_else(|| format!("\"{text}\" does not start with 0x"))?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!("\"{text}\" is not hex"));
    }
    if !digits.len().is_multiple_of(2) {
        return Err(format!("\"{text}\" has an odd number of hex digits"));
    }
    (0..digits.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&digits[i..i + 2], 16).map_err(|_| format!("\"{text}\" is not hex")))
        .collect()
}

/// Parses a snapshot's text.
pub fn parse(text: &str) -> Result<Pairs, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let list = match &v {
        Value::Array(list) => list,
        Value::Object(o) => o.get("pairs").and_then(Value::as_array).ok_or("an object without a `pairs` list")?,
        _ => return Err("expected a list of [key, value] pairs".into()),
    };
    let mut pairs = Vec::with_capacity(list.len());
    for (i, p) in list.iter().enumerate() {
        let at = |e: String| format!("pair {i}: {e}");
        let (Some(k), Some(v), 2) = (p.get(0).and_then(Value::as_str), p.get(1).and_then(Value::as_str), p.as_array().map_or(0, Vec::len))
        else {
            return Err(at("expected [\"0x<key>\", \"0x<value>\"]".into()));
        };
        pairs.push((unhex(k).map_err(at)?, unhex(v).map_err(at)?));
    }
    pairs.sort();
    if let Some(w) = pairs.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!("key {} appears twice", hex(&w[0].0)));
    }
    Ok(pairs)
}

/// Reads a snapshot file; errors name the file.
pub fn read(path: &Path) -> Result<Pairs, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The snapshot format of `pairs`, one pair per line.
pub fn format(pairs: &Pairs) -> String {
    let lines: Vec<String> = pairs.iter().map(|(k, v)| format!("  [\"{}\", \"{}\"]", hex(k), hex(v))).collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

/// Every pair under `prefix` in the current externalities (all of them for an empty prefix).
pub fn pairs_under(prefix: &[u8]) -> Pairs {
    let mut pairs = Vec::new();
    let mut key = prefix.to_vec();
    if let Some(v) = sp_io::storage::get(&key) {
        pairs.push((key.clone(), v.to_vec()));
    }
    while let Some(next) = sp_io::storage::next_key(&key) {
        if !next.starts_with(prefix) {
            break;
        }
        if let Some(v) = sp_io::storage::get(&next) {
            pairs.push((next.clone(), v.to_vec()));
        }
        key = next;
    }
    pairs
}

/// A chain holding exactly `pairs`, flat or (`trie`) in a trie backend.
pub fn externalities(pairs: Pairs, trie: bool) -> Chain {
    if trie {
        let storage = Storage { top: pairs.into_iter().collect(), children_default: Default::default() };
        Chain::Trie(Box::new(sp_io::TestExternalities::new(storage)))
    } else {
        Chain::Flat(Box::new(State::from_pairs(pairs)))
    }
}

/// What a replay ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replayed {
    /// The snapshot's block (`System::Number`).
    pub from: u64,
    /// The last block run.
    pub to: u64,
}

/// Runs `blocks` blocks after the snapshot in `path`; writes `emission.jsonl` and
/// `final-pairs.json` into `out`.
pub fn replay(path: &Path, blocks: u64, out: &Path, check: Check) -> Result<Replayed, String> {
    crate::silence_tracing();
    let mut ext = externalities(read(path)?, false);
    let mut log = audit::Log::create(Some(out))?;
    let from = u64::from(ext.execute_with(frame_system::Pallet::<Runtime>::block_number));
    let to = from.checked_add(blocks).filter(|t| *t <= u64::from(u32::MAX)).ok_or("--blocks runs past block u32::MAX")?;
    for block in from + 1..=to {
        let n = u32::try_from(block).map_err(|_| "block number above u32".to_string())?;
        ext.execute_with(|| -> Result<(), String> {
            world::open_block(n);
            let events = world::dtao_events();
            world::close_block(n, check == Check::Invariants)?;
            log.block(block, &events)
        })?;
        ext.end_block(block)?;
    }
    log.finish()?;
    let pairs = ext.execute_with(|| pairs_under(&pallet_prefix()));
    let file = out.join("final-pairs.json");
    std::fs::write(&file, format(&pairs)).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(Replayed { from, to })
}
