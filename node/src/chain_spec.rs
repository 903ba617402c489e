//! Chain specifications built from the runtime's genesis presets.
use sc_service::ChainType;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The chain spec type of this node: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
    dtao_runtime::WASM_BINARY
        .ok_or_else(|| "the runtime WASM binary was not built (SKIP_WASM_BUILD set?)".to_string())
}

/// Token symbol TAO with 9 decimals, and SS58 prefix 42.
fn properties() -> sc_chain_spec::Properties {
    let mut p = sc_chain_spec::Properties::new();
    p.insert("tokenSymbol".into(), "TAO".into());
    p.insert("tokenDecimals".into(), 9.into());
    p.insert("ss58Format".into(), 42.into());
    p
}

/// The `dev` chain: one node, funded dev accounts, root plus two subnets.
pub fn development() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm()?, None)
        .with_name("dTAO Development")
        .with_id("dtao_dev")
        .with_chain_type(ChainType::Development)
        .with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
        .with_properties(properties())
        .build())
}

/// The `local` chain: as `dev`, with mainnet's default tempo.
pub fn local_testnet() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm()?, None)
        .with_name("dTAO Local Testnet")
        .with_id("dtao_local")
        .with_chain_type(ChainType::Local)
        .with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
        .with_properties(properties())
        .build())
}
