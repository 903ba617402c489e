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
