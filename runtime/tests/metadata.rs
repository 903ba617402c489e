//! Metadata V15 is numbered like V14 (see `dtao_runtime::metadata`): the Bittensor SDK takes type
//! ids from V14 and resolves them in the V15 registry, and assumes V15 type 0 is `AccountId32`.
use codec::Decode;
use dtao_runtime::Runtime;
use frame_metadata::{
    v14::{RuntimeMetadataV14, StorageEntryType, META_RESERVED},
    v15::RuntimeMetadataV15,
    RuntimeMetadata, RuntimeMetadataPrefixed,
};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef};
use sp_api::runtime_decl_for_metadata::MetadataV2;

fn prefixed(version: u32) -> RuntimeMetadataPrefixed {
    // Aura's `SlotDuration` constant is the chain's block time, read from storage.
    let opaque = sp_io::TestExternalities::default()
        .execute_with(|| <Runtime as MetadataV2<dtao_runtime::Block>>::metadata_at_version(version))
        .expect("version is supported");
    let prefixed = RuntimeMetadataPrefixed::decode(&mut &opaque[..]).expect("metadata decodes");
    assert_eq!(prefixed.0, META_RESERVED);
    prefixed
}

fn v14() -> RuntimeMetadataV14 {
    match prefixed(14).1 {
        RuntimeMetadata::V14(m) => m,
        _ => panic!("version 14 answered with another version"),
    }
}

fn v15() -> RuntimeMetadataV15 {
    match prefixed(15).1 {
        RuntimeMetadata::V15(m) => m,
        _ => panic!("version 15 answered with another version"),
    }
}

fn path(types: &PortableRegistry, id: u32) -> String {
    types.resolve(id).expect("id resolves").path.segments.join("::")
}

/// (key type ids, hashers, value type id) of a storage entry.
fn storage_ids(ty: &StorageEntryType<PortableForm>) -> (Vec<u32>, Vec<String>, u32) {
    match ty {
        StorageEntryType::Plain(v) => (vec![], vec![], v.id),
        StorageEntryType::Map { hashers, key, value } => {
            (vec![key.id], hashers.iter().map(|h| format!("{h:?}")).collect(), value.id)
        }
    }
}

#[test]
fn v15_type_zero_is_account_id32_and_system_account_comes_first() {
    let m = v15();
    assert_eq!(path(&m.types, 0), "sp_core::crypto::AccountId32");
    let system = m.pallets.first().expect("pallets");
    assert_eq!(system.name, "System");
    let storage = system.storage.as_ref().expect("System has storage");
    let account = storage.entries.first().expect("System storage");
    assert_eq!(account.name, "Account");
    let (keys, hashers, value) = storage_ids(&account.ty);
    assert_eq!(keys, vec![0]);
    assert_eq!(hashers, vec!["Blake2_128Concat".to_string()]);
    assert_eq!(path(&m.types, value), "frame_system::AccountInfo");
    // AccountInfo { nonce, consumers, providers, sufficients, data: AccountData }
    let info = m.types.resolve(value).expect("resolves");
    let TypeDef::Composite(c) = &info.type_def else { panic!("AccountInfo is a struct") };
    let names: Vec<_> = c.fields.iter().map(|f| f.name.clone().unwrap_or_default()).collect();
    assert_eq!(names, ["nonce", "consumers", "providers", "sufficients", "data"]);
    let data = c.fields.last().expect("data field").ty.id;
    assert_eq!(path(&m.types, data), "pallet_balances::types::AccountData");
}

#[test]
fn every_pallet_type_id_agrees_between_v14_and_v15() {
    let (a, b) = (v14(), v15());
    let names = |p: &[frame_metadata::v14::PalletMetadata<PortableForm>]| {
        p.iter().map(|p| p.name.clone()).collect::<Vec<_>>()
    };
    let names15: Vec<_> = b.pallets.iter().map(|p| p.name.clone()).collect();
    assert_eq!(names(&a.pallets), names15);
    assert_eq!(
        names15,
        ["System", "Timestamp", "Balances", "TransactionPayment", "Grandpa", "SubtensorModule", "Sudo", "Registry", "Aura", "BlockTime"]
    );
    let mut entries = 0;
    for (p14, p15) in a.pallets.iter().zip(&b.pallets) {
        assert_eq!(p14.index, p15.index, "{}", p14.name);
        assert_eq!(p14.calls.as_ref().map(|c| c.ty.id), p15.calls.as_ref().map(|c| c.ty.id));
        assert_eq!(p14.event.as_ref().map(|e| e.ty.id), p15.event.as_ref().map(|e| e.ty.id));
        assert_eq!(p14.error.as_ref().map(|e| e.ty.id), p15.error.as_ref().map(|e| e.ty.id));
        let consts = |c: &[frame_metadata::v14::PalletConstantMetadata<PortableForm>]| {
            c.iter().map(|c| (c.name.clone(), c.ty.id, c.value.clone())).collect::<Vec<_>>()
        };
        assert_eq!(consts(&p14.constants), consts(&p15.constants), "{}", p14.name);
        let s14 = p14.storage.as_ref().map(|s| &s.entries[..]).unwrap_or_default();
        let s15 = p15.storage.as_ref().map(|s| &s.entries[..]).unwrap_or_default();
        assert_eq!(s14.len(), s15.len(), "{}", p14.name);
        for (e14, e15) in s14.iter().zip(s15) {
            assert_eq!(e14.name, e15.name);
            assert_eq!(storage_ids(&e14.ty), storage_ids(&e15.ty), "{}.{}", p14.name, e14.name);
            // Same id must mean the same type.
            let (_, _, v) = storage_ids(&e14.ty);
            assert_eq!(a.types.resolve(v), b.types.resolve(v), "{}.{}", p14.name, e14.name);
            entries += 1;
        }
    }
    assert!(entries > 50, "only {entries} storage entries compared");
}

#[test]
fn v15_lists_the_runtime_apis_and_v14_extrinsic_is_version_4() {
    let m = v15();
    let apis: Vec<_> = m.apis.iter().map(|a| a.name.as_str()).collect();
    for api in ["Core", "Metadata", "AccountNonceApi", "DelegateInfoRuntimeApi"] {
        assert!(apis.contains(&api), "{api} missing from {apis:?}");
    }
    let metadata = m.apis.iter().find(|a| a.name == "Metadata").expect("Metadata api");
    let methods: Vec<_> = metadata.methods.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(methods, ["metadata", "metadata_at_version", "metadata_versions"]);
    assert_eq!(m.extrinsic.version, 4);
    assert_eq!(path(&m.types, m.extrinsic.address_ty.id), "sp_runtime::multiaddress::MultiAddress");
    assert!(path(&m.types, m.extrinsic.call_ty.id).ends_with("RuntimeCall"));
    assert_eq!(v14().extrinsic.version, 4);
}

#[test]
fn other_versions_answer_as_before() {
    sp_io::TestExternalities::default().execute_with(|| {
        let versions = <Runtime as MetadataV2<dtao_runtime::Block>>::metadata_versions();
        assert_eq!(versions, vec![14, 15, 16]);
        assert!(matches!(prefixed(16).1, RuntimeMetadata::V16(_)));
        assert_eq!(
            <Runtime as MetadataV2<dtao_runtime::Block>>::metadata_at_version(14).map(|m| m.to_vec()),
            Runtime::metadata_at_version(14).map(|m| m.to_vec())
        );
        assert!(<Runtime as MetadataV2<dtao_runtime::Block>>::metadata_at_version(13).is_none());
        // The stock V15 has the same pallets and APIs; only the numbering differs.
        let stock = match sp_metadata_ir_v15() {
            RuntimeMetadata::V15(m) => m,
            _ => panic!("stock V15"),
        };
        let ours = v15();
        assert_eq!(stock.types.types.len(), ours.types.types.len());
        assert_eq!(stock.apis.len(), ours.apis.len());
        assert_eq!(stock.pallets.len(), ours.pallets.len());
    });
}

fn sp_metadata_ir_v15() -> RuntimeMetadata {
    let opaque = Runtime::metadata_at_version(15).expect("stock V15");
    RuntimeMetadataPrefixed::decode(&mut &opaque[..]).expect("decodes").1
}
