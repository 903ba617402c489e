//! One module per vector file kind; each replays its cases through the pallet in test
//! externalities built by the pallet's mock runtime.
mod coinbase;
mod epoch;
mod scalar;
mod swap;

use crate::FileReport;
use serde_json::Value;
use std::path::Path;

/// Reads and replays one vector file, chosen by its name.
pub fn replay_file(path: &Path) -> Result<FileReport, String> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let cases = |key: &str| -> Result<&Vec<Value>, String> {
        doc.get(key).and_then(Value::as_array).ok_or_else(|| format!("no `{key}` array"))
    };
    let mut report = FileReport::new();
    if stem.starts_with("block_emission") {
        scalar::block_emission(cases("cases")?, &mut report)?;
    } else if stem.starts_with("swap") {
        swap::swaps(cases("cases")?, &mut report)?;
    } else if stem.starts_with("moving_price") {
        scalar::moving_price(cases("sequences")?, &mut report)?;
    } else if stem.starts_with("lock_cost") {
        scalar::lock_cost(cases("cases")?, &mut report)?;
    } else if stem.starts_with("burn") {
        scalar::burn(cases("cases")?, &mut report)?;
    } else if stem.starts_with("coinbase") {
        coinbase::scenarios(&doc, &mut report)?;
    } else if stem.starts_with("epoch") {
        epoch::epochs(cases("cases")?, &mut report)?;
    } else if stem.starts_with("scenarios") {
        crate::scenario::scenarios(&doc, &mut report)?;
    } else {
        return Err("unknown vector kind (expected block_emission, swap, moving_price, lock_cost, burn, coinbase, epoch or scenarios)".into());
    }
    Ok(report)
}
