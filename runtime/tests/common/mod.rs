//! Helpers shared by the runtime's integration tests.
#![allow(dead_code)]
use serde_json::Value;

/// Applies a genesis patch on a full genesis config, as the node's chain-spec builder does:
/// objects merge key by key, anything else is replaced.
pub fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (key, value) in patch {
                merge(base.entry(key).or_insert(Value::Null), value);
            }
        },
        (base, patch) => *base = patch,
    }
}

/// The default genesis config with `patch` applied, serialised for `build_state`.
pub fn patched_config(patch: Value) -> Vec<u8> {
    let mut config = serde_json::to_value(dtao_runtime::RuntimeGenesisConfig::default()).expect("serialises");
    merge(&mut config, patch);
    serde_json::to_vec(&config).expect("serialises")
}
