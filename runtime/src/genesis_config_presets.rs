//! Genesis presets: `development` (single-node dev chain) and `local_testnet`.
//!
//! Both fund the well-known dev accounts, create the root network (netuid 0) and two example
//! subnets whose pools are seeded at price 1.0, as `register_network` would seed them.
use crate::{AccountId, Balance, TAO};
use alloc::{vec, vec::Vec};
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// Free balance given to each endowed account: one million TAO.
pub const ENDOWMENT: Balance = 1_000_000 * TAO;

fn dtao_genesis(endowed: Vec<AccountId>, sudo: AccountId, _tempo: u16) -> Value {
    serde_json::json!({
        "balances": {
            "balances": endowed.iter().cloned().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
        },
        "sudo": { "key": Some(sudo) },
        "subtensorModule": {
            "subnets": [
                (1u16, 1_000 * TAO),
                (2u16, 1_000 * TAO),
            ],
        },
    })
}

fn dev_accounts() -> Vec<AccountId> {
    Sr25519Keyring::iter().take(6).map(|k| k.to_account_id()).collect()
}

/// The `development` preset.
pub fn development_config_genesis() -> Value {
    dtao_genesis(dev_accounts(), Sr25519Keyring::Alice.to_account_id(), 10)
}

/// The `local_testnet` preset.
pub fn local_config_genesis() -> Value {
    dtao_genesis(dev_accounts(), Sr25519Keyring::Alice.to_account_id(), 360)
}

/// The preset for `id`, serialised, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
    let patch = match id.as_ref() {
        DEV_RUNTIME_PRESET => development_config_genesis(),
        LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
        _ => return None,
    };
    Some(
        serde_json::to_string(&patch)
            .expect("serialization to json is expected to work. qed.")
            .into_bytes(),
    )
}

/// Names of the presets.
pub fn preset_names() -> Vec<PresetId> {
    vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
