//! The subnet, stake and registration runtime APIs as clients call them: by the reference's
//! `Trait_method` name with SCALE-encoded arguments (what `state_call` runs), answering the
//! typed structs; and the parameter names clients read from the metadata.
mod common;
use common::dev_chain;
use codec::{Decode, Encode};
use dtao_runtime::{apis::api::dispatch, AccountId, Runtime, TAO};
use pallet_dtao::client_info::{
    dynamic::DynamicInfo, metagraph::Metagraph, stake::StakeInfo, subnet::SubnetInfov2,
};
// The runtime-API metadata (what `Metadata_metadata_at_version` serves) before encoding; the
// trait is only reachable through FRAME's private re-export.
use frame_support::__private::metadata_ir::InternalImplRuntimeApis;
use sp_keyring::Sr25519Keyring;


fn call<R: Decode>(method: &str, args: &[u8]) -> R {
    let out = dispatch(method, args).unwrap_or_else(|| panic!("{method} is not implemented"));
    R::decode(&mut &out[..]).unwrap_or_else(|e| panic!("{method} answer does not decode: {e:?}"))
}

#[test]
fn subnet_apis_answer_the_dev_subnets() {
    dev_chain().execute_with(|| {
        let all: Vec<Option<DynamicInfo<AccountId>>> = call("SubnetInfoRuntimeApi_get_all_dynamic_info", &[]);
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(Option::is_some));

        let one: Option<DynamicInfo<AccountId>> = call("SubnetInfoRuntimeApi_get_dynamic_info", &1u16.encode());
        let one = one.expect("subnet 1 exists");
        assert_eq!(one.owner_coldkey, Sr25519Keyring::Alice.to_account_id());
        assert_eq!(one.owner_hotkey, Sr25519Keyring::Charlie.to_account_id());
        assert_eq!(one.tao_in.0, 1_000 * TAO);
        assert_eq!(one.tempo.0, 10);
        let none: Option<DynamicInfo<AccountId>> = call("SubnetInfoRuntimeApi_get_dynamic_info", &9u16.encode());
        assert!(none.is_none());

        let infos: Vec<Option<SubnetInfov2<AccountId>>> = call("SubnetInfoRuntimeApi_get_subnets_info_v2", &[]);
        let netuids: Vec<u16> = infos.iter().flatten().map(|i| i.netuid.0).collect();
        assert_eq!(netuids, vec![0, 1, 2]);

        let m: Option<Metagraph<AccountId>> = call("SubnetInfoRuntimeApi_get_metagraph", &2u16.encode());
        let m = m.expect("subnet 2 exists");
        assert_eq!(m.hotkeys, vec![Sr25519Keyring::Dave.to_account_id()]);
        assert_eq!(m.coldkeys, vec![Sr25519Keyring::Bob.to_account_id()]);

        // Every SubnetInfoRuntimeApi method is served.
        for (method, args) in [
            ("get_subnet_info", 1u16.encode()),
            ("get_subnets_info", Vec::new()),
            ("get_subnet_info_v2", 1u16.encode()),
            ("get_subnet_hyperparams", 1u16.encode()),
            ("get_all_metagraphs", Vec::new()),
            ("get_subnet_state", 1u16.encode()),
            ("get_selective_metagraph", (1u16, vec![0u16, 7]).encode()),
        ] {
            assert!(dispatch(&format!("SubnetInfoRuntimeApi_{method}"), &args).is_some(), "{method}");
        }
    });
}

#[test]
fn stake_and_registration_apis() {
    dev_chain().execute_with(|| {
        let alice = Sr25519Keyring::Alice.to_account_id();
        let stakes: Vec<StakeInfo<AccountId>> = call("StakeInfoRuntimeApi_get_stake_info_for_coldkey", &alice.encode());
        assert!(stakes.is_empty());
        let many: Vec<(AccountId, Vec<StakeInfo<AccountId>>)> =
            call("StakeInfoRuntimeApi_get_stake_info_for_coldkeys", &vec![alice.clone()].encode());
        assert_eq!(many, vec![(alice.clone(), vec![])]);
        let fee: u64 = call(
            "StakeInfoRuntimeApi_get_stake_fee",
            &(None::<(AccountId, u16)>, alice.clone(), Some((alice.clone(), 1u16)), alice.clone(), TAO).encode(),
        );
        assert_eq!(fee, 50_000);
        // No subnet registered since genesis: the 1_000 TAO minimum lock.
        let cost: u64 = call("SubnetRegistrationRuntimeApi_get_network_registration_cost", &[]);
        assert_eq!(cost, 1_000 * TAO);
    });
}

#[test]
fn parameter_names_are_the_references() {
    let apis = Runtime.runtime_metadata();
    let params = |api: &str, method: &str| -> Vec<&'static str> {
        let api = apis.iter().find(|a| a.name == api).unwrap_or_else(|| panic!("{api} declared"));
        let m = api.methods.iter().find(|m| m.name == method).unwrap_or_else(|| panic!("{method} declared"));
        m.inputs.iter().map(|p| p.name).collect()
    };
    assert_eq!(params("SubnetInfoRuntimeApi", "get_selective_metagraph"), vec!["netuid", "metagraph_indexes"]);
    assert_eq!(params("SubnetInfoRuntimeApi", "get_all_dynamic_info"), Vec::<&str>::new());
    assert_eq!(params("StakeInfoRuntimeApi", "get_stake_info_for_coldkey"), vec!["coldkey_account"]);
    assert_eq!(params("StakeInfoRuntimeApi", "get_stake_info_for_coldkeys"), vec!["coldkey_accounts"]);
    assert_eq!(
        params("StakeInfoRuntimeApi", "get_stake_info_for_hotkey_coldkey_netuid"),
        vec!["hotkey_account", "coldkey_account", "netuid"]
    );
    assert_eq!(
        params("StakeInfoRuntimeApi", "get_stake_fee"),
        vec!["origin", "origin_coldkey_account", "destination", "destination_coldkey_account", "amount"]
    );
    assert_eq!(params("SubnetRegistrationRuntimeApi", "get_network_registration_cost"), Vec::<&str>::new());
    let subnet_methods: Vec<&str> = apis
        .iter()
        .find(|a| a.name == "SubnetInfoRuntimeApi")
        .map(|a| a.methods.iter().map(|m| m.name).collect())
        .unwrap_or_default();
    assert_eq!(subnet_methods.len(), 11);
}
