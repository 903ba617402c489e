//! Genesis presets: `development` (single-node dev chain) and `local_testnet`.
//!
//! `local_testnet` also names Alice and Bob as the Aura and GRANDPA authorities, with a 12 s
//! block time (`blockTime.slotDurationMs`): a network of validators. `development` names none:
//! the node seals its blocks.
//!
//! Both fund the well-known dev accounts (Alice..Ferdie, one million TAO each), create the root
//! network (netuid 0, tempo 100) and two emitting example subnets whose pools hold 1_000 TAO and
//! 1_000 alpha (price 1.0), as `register_network` would seed them. `development` uses tempo 10
//! and no start-call delay or registration rate limit; `local_testnet` keeps mainnet's 360 and
//! the reference defaults.
use crate::{AccountId, Balance, TAO};
use alloc::{vec, vec::Vec};
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Free balance given to each endowed account: one million TAO.
pub const ENDOWMENT: Balance = 1_000_000 * TAO;

fn dtao_genesis(endowed: Vec<AccountId>, sudo: AccountId, tempo: u16, dev: bool) -> Value {
    let subnet = |netuid: u16, owner: Sr25519Keyring, hotkey: Sr25519Keyring| {
        serde_json::json!({
            "netuid": netuid,
            "ownerColdkey": owner.to_account_id(),
            "ownerHotkey": hotkey.to_account_id(),
            "pool": 1_000 * TAO,
            "tempo": tempo,
            "emitting": true,
        })
    };
    serde_json::json!({
        "balances": {
            "balances": endowed.iter().cloned().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
        },
        "sudo": { "key": Some(sudo) },
        "subtensorModule": {
            "subnets": [
                subnet(1, Sr25519Keyring::Alice, Sr25519Keyring::Charlie),
                subnet(2, Sr25519Keyring::Bob, Sr25519Keyring::Dave),
            ],
            "rootTempo": 100,
            // On a dev chain new subnets may start emitting and register at once.
            "startCallDelay": if dev { Some(0u64) } else { None },
            "networkRateLimit": if dev { Some(0u64) } else { None },
            "networkMinLockCost": None::<u64>,
        },
    })
}

fn dev_accounts() -> Vec<AccountId> {
    Sr25519Keyring::iter().take(6).map(|k| k.to_account_id()).collect()
}

/// The `development` preset.
pub fn development_config_genesis() -> Value {
    dtao_genesis(dev_accounts(), Sr25519Keyring::Alice.to_account_id(), 10, true)
}

/// The `local_testnet` preset: Alice and Bob author and finalize.
pub fn local_config_genesis() -> Value {
    let mut genesis = dtao_genesis(dev_accounts(), Sr25519Keyring::Alice.to_account_id(), 360, false);
    let authorities = [(Sr25519Keyring::Alice, Ed25519Keyring::Alice), (Sr25519Keyring::Bob, Ed25519Keyring::Bob)];
    let consensus = authority_genesis(&authorities, crate::block_time::DEFAULT_SLOT_DURATION_MS);
    if let (Value::Object(genesis), Value::Object(consensus)) = (&mut genesis, consensus) {
        genesis.extend(consensus);
    }
    genesis
}

/// The Aura (sr25519) and GRANDPA (ed25519, weight 1 each) authorities and the block time.
pub fn authority_genesis(authorities: &[(Sr25519Keyring, Ed25519Keyring)], slot_duration_ms: u64) -> Value {
    let aura: Vec<AuraId> = authorities.iter().map(|(aura, _)| aura.public().into()).collect();
    let grandpa: Vec<(GrandpaId, u64)> = authorities.iter().map(|(_, grandpa)| (grandpa.public().into(), 1)).collect();
    serde_json::json!({
        "aura": { "authorities": aura },
        "grandpa": { "authorities": grandpa },
        "blockTime": { "slotDurationMs": slot_duration_ms },
    })
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
