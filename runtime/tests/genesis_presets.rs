//! Every genesis preset builds a valid genesis state.
mod common;
use dtao_runtime::{genesis_config_presets, Runtime, RuntimeGenesisConfig, TAO};
use frame_support::genesis_builder_helper::build_state;
use pallet_dtao::{NetworksAdded, SubnetAlphaIn, SubnetTAO, Tempo, TotalIssuance, TotalStake};

#[test]
fn every_preset_builds_genesis_with_root_and_two_subnets() {
    let names = genesis_config_presets::preset_names();
    assert_eq!(names.len(), 2);
    for name in names {
        let patch = genesis_config_presets::get_preset(&name).expect("listed preset exists");
        let config = common::patched_config(serde_json::from_slice(&patch).expect("preset is JSON"));
        sp_io::TestExternalities::default().execute_with(|| {
            build_state::<RuntimeGenesisConfig>(config).expect("preset builds");
            assert!(NetworksAdded::<Runtime>::get(0));
            assert_eq!(Tempo::<Runtime>::get(0), 100);
            for netuid in [1, 2] {
                assert_eq!(SubnetTAO::<Runtime>::get(netuid), 1_000 * TAO);
                assert_eq!(SubnetAlphaIn::<Runtime>::get(netuid), 1_000 * TAO);
            }
            assert_eq!(TotalStake::<Runtime>::get(), 2_000 * TAO);
            let balances = pallet_balances::Pallet::<Runtime>::total_issuance();
            assert_eq!(balances, 6 * genesis_config_presets::ENDOWMENT);
            assert_eq!(TotalIssuance::<Runtime>::get(), balances + 2_000 * TAO);
            pallet_dtao::Pallet::<Runtime>::do_try_state().expect("invariants hold at genesis");
        });
    }
}

#[test]
fn unknown_preset_is_none() {
    assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

/// Builds the genesis state of the named preset, optionally patched further, and runs `check`.
fn with_preset(name: &str, extra: serde_json::Value, check: impl FnOnce()) {
    let patch = genesis_config_presets::get_preset(&name.into()).expect("preset exists");
    let mut patch: serde_json::Value = serde_json::from_slice(&patch).expect("preset is JSON");
    common::merge(&mut patch, extra);
    let config = common::patched_config(patch);
    sp_io::TestExternalities::default().execute_with(|| {
        build_state::<RuntimeGenesisConfig>(config).expect("preset builds");
        check();
    });
}

#[test]
fn local_testnet_names_alice_and_bob_as_authorities_with_a_12_s_block_time() {
    use sp_core::crypto::ByteArray;
    use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
    with_preset("local_testnet", serde_json::json!({}), || {
        let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().iter().map(|a| a.to_raw_vec()).collect();
        assert_eq!(aura, [Sr25519Keyring::Alice.public().to_vec(), Sr25519Keyring::Bob.public().to_vec()]);
        let grandpa: Vec<_> =
            pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().iter().map(|(id, w)| (id.to_raw_vec(), *w)).collect();
        assert_eq!(grandpa, [(Ed25519Keyring::Alice.public().to_vec(), 1), (Ed25519Keyring::Bob.public().to_vec(), 1)]);
        assert_eq!(pallet_aura::Pallet::<Runtime>::slot_duration(), 12_000);
    });
}

#[test]
fn development_names_no_authorities() {
    with_preset("development", serde_json::json!({}), || {
        assert!(pallet_aura::Authorities::<Runtime>::get().is_empty());
        assert!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().is_empty());
    });
}

#[test]
fn the_chain_spec_sets_the_block_time() {
    with_preset("local_testnet", serde_json::json!({ "blockTime": { "slotDurationMs": 1_500 } }), || {
        assert_eq!(pallet_aura::Pallet::<Runtime>::slot_duration(), 1_500);
        assert_eq!(dtao_runtime::block_time::SlotDurationMs::<Runtime>::get(), 1_500);
    });
}

#[test]
fn a_zero_block_time_is_refused_when_genesis_is_built() {
    let patch = genesis_config_presets::get_preset(&"local_testnet".into()).expect("preset exists");
    let mut patch: serde_json::Value = serde_json::from_slice(&patch).expect("preset is JSON");
    common::merge(&mut patch, serde_json::json!({ "blockTime": { "slotDurationMs": 0 } }));
    let config = common::patched_config(patch);
    let built = std::panic::catch_unwind(|| {
        sp_io::TestExternalities::default().execute_with(|| build_state::<RuntimeGenesisConfig>(config))
    });
    assert!(built.is_err(), "a zero slot duration must not build");
}
