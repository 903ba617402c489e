//! A chain spec built from a genesis patch that adds a subnet, as `chain-spec-builder create …
//! patch <file>` builds it: the patch is merged into the runtime's default genesis config
//! (`GenesisBuilder::get_preset(None)`), and the result built by `GenesisBuilder::build_state`;
//! here through the functions the runtime's `GenesisBuilder` implementation (`apis.rs`) calls.
//! The patch is the one documented in `docs/genesis.md`, read from that file, and the same
//! patch built from Rust with `build_struct_json_patch!`.
mod common;
use common::merge;
use dtao_runtime::{
    genesis_config_presets, BalancesConfig, Runtime, RuntimeGenesisConfig, SubtensorModuleConfig, TAO,
};
use frame_support::genesis_builder_helper::{build_state, get_preset};
use pallet_dtao::{
    FirstEmissionBlockNumber, GenesisSubnet, NetworksAdded, Owner, SubnetAlphaIn, SubnetOwner,
    SubnetOwnerHotkey, SubnetTAO, Tempo, TotalIssuance, TotalStake, Uids,
};
use serde_json::Value;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};

/// The ```json block of docs/genesis.md's "Adding a subnet with a patch" section.
fn documented_patch() -> Value {
    let doc = include_str!("../../docs/genesis.md");
    let section = doc.split("## Adding a subnet with a patch").nth(1).expect("section exists");
    let block = section.split("```json").nth(1).expect("json block").split("```").next().expect("closed");
    serde_json::from_str(block).expect("the documented patch is JSON")
}

/// Builds genesis storage from `patch` through the runtime's `GenesisBuilder` API and checks it.
fn build_and_check(patch: Value) {
    let default = get_preset::<RuntimeGenesisConfig>(&None, genesis_config_presets::get_preset)
        .expect("default config");
    let mut config: Value = serde_json::from_slice(&default).expect("default is JSON");
    merge(&mut config, patch);
    let config = serde_json::to_vec(&config).expect("serialises");
    sp_io::TestExternalities::default().execute_with(|| {
        build_state::<RuntimeGenesisConfig>(config).expect("patch builds");
        assert!(NetworksAdded::<Runtime>::get(0));
        assert_eq!(Tempo::<Runtime>::get(0), 100);
        assert!(NetworksAdded::<Runtime>::get(3));
        assert!(!NetworksAdded::<Runtime>::get(1));
        assert_eq!(SubnetOwner::<Runtime>::get(3), Some(Alice.to_account_id()));
        assert_eq!(SubnetOwnerHotkey::<Runtime>::get(3), Some(Charlie.to_account_id()));
        assert_eq!(Owner::<Runtime>::get(Charlie.to_account_id()), Some(Alice.to_account_id()));
        assert_eq!(Uids::<Runtime>::get(3, Charlie.to_account_id()), Some(0));
        assert_eq!(Tempo::<Runtime>::get(3), 100);
        assert_eq!(FirstEmissionBlockNumber::<Runtime>::get(3), Some(1));
        assert_eq!(pallet_dtao::DurationOfStartCall::<Runtime>::get(), 0);
        assert_eq!(SubnetTAO::<Runtime>::get(3), 500 * TAO);
        assert_eq!(SubnetAlphaIn::<Runtime>::get(3), 500 * TAO);
        assert_eq!(TotalStake::<Runtime>::get(), 500 * TAO);
        // Alice and Bob hold 1_000_000 TAO each; the pool adds 500 TAO to the issuance.
        assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(Bob.to_account_id()), 1_000_000 * TAO);
        assert_eq!(pallet_balances::Pallet::<Runtime>::total_issuance(), 2_000_000 * TAO);
        assert_eq!(TotalIssuance::<Runtime>::get(), 2_000_000 * TAO + 500 * TAO);
        pallet_dtao::Pallet::<Runtime>::do_try_state().expect("invariants hold at genesis");
    });
}

#[test]
fn the_documented_json_patch_adds_a_subnet() {
    build_and_check(documented_patch());
}

#[test]
fn the_same_patch_from_rust_with_build_struct_json_patch() {
    let patch = frame_support::build_struct_json_patch!(RuntimeGenesisConfig {
        balances: BalancesConfig {
            balances: vec![(Alice.to_account_id(), 1_000_000 * TAO), (Bob.to_account_id(), 1_000_000 * TAO)],
        },
        subtensor_module: SubtensorModuleConfig {
            subnets: vec![GenesisSubnet {
                netuid: 3,
                owner_coldkey: Alice.to_account_id(),
                owner_hotkey: Charlie.to_account_id(),
                pool: 500 * TAO,
                tempo: 100,
                emitting: true,
            }],
            root_tempo: 100,
            start_call_delay: Some(0),
        },
    });
    assert_eq!(patch, documented_patch());
    build_and_check(patch);
}
