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

/// The development chain's genesis (the `development` preset), at block 1.
pub fn dev_chain() -> sp_io::TestExternalities {
    let preset = dtao_runtime::genesis_config_presets::get_preset(&"development".into()).expect("dev preset");
    let config = patched_config(serde_json::from_slice(&preset).expect("preset is JSON"));
    let mut ext = sp_io::TestExternalities::default();
    ext.execute_with(|| {
        frame_support::genesis_builder_helper::build_state::<dtao_runtime::RuntimeGenesisConfig>(config)
            .expect("preset builds");
        frame_system::Pallet::<dtao_runtime::Runtime>::set_block_number(1);
    });
    ext
}
