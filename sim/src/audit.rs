//! The audit trail: every block's emission breakdown per subnet, written as `emission.jsonl`
//! in the shape the chain serves it, and `dtao-sim diff` to compare two such files.
//!
//! The breakdown is `pallet_dtao`'s own `emission_breakdown` over the block's events, the
//! function behind the runtime API `DtaoApi_emission_breakdown`, so a simulation and a chain
//! run are compared through one definition. One line per block:
//!
//! ```text
//! {"block":12,"subnets":[{"netuid":1,"tao_in":"500000000",...,"pending_alpha":"..."}]}
//! ```
//!
//! Amounts are decimal strings (u64 values above 2^53 would lose digits as JSON numbers in
//! most readers); `block` and `netuid` are numbers. Subnets are in event order.
use pallet_dtao::client_info::dtao::SubnetEmissionBreakdown;
use serde_json::Value;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// The amount fields of a breakdown, in the order they are written.
pub const FIELDS: [&str; 7] = ["tao_in", "alpha_in", "alpha_out", "owner_cut", "root_alpha", "root_tao", "pending_alpha"];

/// One block's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Block number.
    pub block: u64,
    /// Per subnet, in event order.
    pub subnets: Vec<SubnetEmissionBreakdown>,
}

fn amounts(b: &SubnetEmissionBreakdown) -> [u64; 7] {
    [b.tao_in, b.alpha_in, b.alpha_out, b.owner_cut, b.root_alpha, b.root_tao, b.pending_alpha]
}

/// The line of `record` (no newline).
pub fn line(record: &Record) -> String {
    let subnets: Vec<String> = record
        .subnets
        .iter()
        .map(|b| {
            let fields: Vec<String> = FIELDS.iter().zip(amounts(b)).map(|(name, v)| format!("\"{name}\":\"{v}\"")).collect();
            format!("{{\"netuid\":{},{}}}", b.netuid, fields.join(","))
        })
        .collect();
    format!("{{\"block\":{},\"subnets\":[{}]}}", record.block, subnets.join(","))
}

fn amount(subnet: &Value, name: &str) -> Result<u64, String> {
    match subnet.get(name) {
        Some(Value::String(s)) => s.parse().map_err(|_| format!("`{name}`: \"{s}\" is not a u64")),
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| format!("`{name}`: {n} is not a u64")),
        Some(other) => Err(format!("`{name}`: expected a decimal string, found {other}")),
        None => Err(format!("`{name}` missing")),
    }
}

/// Parses one line.
pub fn parse(text: &str) -> Result<Record, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let block = v.get("block").and_then(Value::as_u64).ok_or("`block` missing or not a number")?;
    let list = v.get("subnets").and_then(Value::as_array).ok_or("`subnets` missing or not a list")?;
    let mut subnets = Vec::with_capacity(list.len());
    for (i, s) in list.iter().enumerate() {
        let at = |e: String| format!("subnets[{i}]: {e}");
        let netuid = s.get("netuid").and_then(Value::as_u64).and_then(|n| u16::try_from(n).ok());
        let netuid = netuid.ok_or_else(|| at("`netuid` missing or not a u16".into()))?;
        let mut a = [0u64; 7];
        for (slot, name) in a.iter_mut().zip(FIELDS) {
            *slot = amount(s, name).map_err(at)?;
        }
        let [tao_in, alpha_in, alpha_out, owner_cut, root_alpha, root_tao, pending_alpha] = a;
        subnets.push(SubnetEmissionBreakdown { netuid, tao_in, alpha_in, alpha_out, owner_cut, root_alpha, root_tao, pending_alpha });
    }
    Ok(Record { block, subnets })
}

/// Reads a whole file; errors name the file and the line.
pub fn read(path: &Path) -> Result<Vec<Record>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut records = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        records.push(parse(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?);
    }
    Ok(records)
}

/// Writes `emission.jsonl` as blocks run (nothing without an output folder).
pub struct Log(Option<BufWriter<File>>);

impl Log {
    /// Creates `dir/emission.jsonl`, or a log that writes nothing.
    pub fn create(dir: Option<&Path>) -> Result<Self, String> {
        let Some(dir) = dir else { return Ok(Self(None)) };
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join("emission.jsonl");
        let file = File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self(Some(BufWriter::new(file))))
    }

    /// Appends the block's breakdown, from its SubtensorModule events.
    pub fn block(&mut self, block: u64, events: &[pallet_dtao::Event<dtao_runtime::Runtime>]) -> Result<(), String> {
        let Some(w) = self.0.as_mut() else { return Ok(()) };
        let subnets = pallet_dtao::Pallet::<dtao_runtime::Runtime>::emission_breakdown(events);
        writeln!(w, "{}", line(&Record { block, subnets })).map_err(|e| format!("emission.jsonl: {e}"))
    }

    /// Flushes the file.
    pub fn finish(mut self) -> Result<(), String> {
        match self.0.as_mut() {
            Some(w) => w.flush().map_err(|e| format!("emission.jsonl: {e}")),
            None => Ok(()),
        }
    }
}

/// What `diff` found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Blocks present in both files.
    pub compared: usize,
    /// Blocks present in both whose records differ.
    pub differing: usize,
    /// Blocks in only one of the two files.
    pub unmatched: Vec<u64>,
    /// The first difference, in words (block, subnet, field, both values).
    pub first: Option<String>,
}

impl Diff {
    /// Whether the two files hold the same records.
    pub fn identical(&self) -> bool {
        self.differing == 0 && self.unmatched.is_empty()
    }
}

/// The first difference between two records of the same block.
fn difference(a: &Record, b: &Record) -> Option<String> {
    let block = a.block;
    let netuids = |r: &Record| r.subnets.iter().map(|s| s.netuid).collect::<Vec<_>>();
    if netuids(a) != netuids(b) {
        return Some(format!("block {block}: subnets {:?} against {:?}", netuids(a), netuids(b)));
    }
    for (x, y) in a.subnets.iter().zip(&b.subnets) {
        for ((name, u), v) in FIELDS.iter().zip(amounts(x)).zip(amounts(y)) {
            if u != v {
                return Some(format!("block {block}, subnet {}: {name} {u} against {v}", x.netuid));
            }
        }
    }
    None
}

/// Compares two runs block by block, matching records on their block number.
pub fn diff(a: &[Record], b: &[Record]) -> Diff {
    use std::collections::BTreeMap;
    let ma: BTreeMap<u64, &Record> = a.iter().map(|x| (x.block, x)).collect();
    let mb: BTreeMap<u64, &Record> = b.iter().map(|x| (x.block, x)).collect();
    let mut d = Diff::default();
    for (block, x) in &ma {
        let Some(y) = mb.get(block) else {
            d.unmatched.push(*block);
            continue;
        };
        d.compared += 1;
        if let Some(what) = difference(x, y) {
            d.differing += 1;
            d.first.get_or_insert(what);
        }
    }
    d.unmatched.extend(mb.keys().filter(|k| !ma.contains_key(k)));
    d.unmatched.sort_unstable();
    d
}
