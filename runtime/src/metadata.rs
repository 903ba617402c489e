//! Metadata V15 numbered like V14: the answer to `Metadata_metadata_at_version(15)`.
//!
//! Why this exists: `frame-metadata` 23.0.1 (pulled in by `sp-metadata-ir` 0.15, which pins
//! `^23.0.1`) changed `RuntimeMetadataV15::new` to register the extrinsic types (address, call,
//! signature, extensions, extra) in the type registry before the pallets, while
//! `RuntimeMetadataV14::new` still registers the pallets first. scale-info gives a type its id when
//! it is first met, so every pallet type gets a different id in V14 and V15, and V15 type 0 becomes
//! `MultiAddress<AccountId32, ()>`. The Bittensor SDK 9.3.0 (through async-substrate-interface and
//! bt-decode) reads type ids from V14 and decodes with the V15 registry, and assumes V15 type 0 is
//! `AccountId32`, so it misreads everything on a stock stable2609 runtime.
//!
//! [`v15_pallets_first`] builds V15 from the runtime's metadata IR with the registry filled in the
//! order frame-metadata 16 through 23.0.0 used: pallets, then the extrinsic, then the runtime
//! type, then the runtime APIs, the outer enums and the custom section. It uses the stock
//! `From<...IR>` conversions of `sp-metadata-ir` into the `frame_metadata::v15` types; only the
//! order of `into_portable` differs from `RuntimeMetadataV15::new`. Pallet types are registered by
//! the same `PalletMetadata::into_portable` (storage, calls, event, constants, error) as in V14, so
//! pallet type ids agree between the two versions; System is the first pallet and `Account` its
//! first storage item, so V15 type 0 is `AccountId32`. Every other version is answered by the
//! stock `Runtime::metadata_at_version` (see `apis.rs`).
//!
//! Tests: `runtime/tests/metadata.rs`.
use frame_metadata::{
    v15::{
        CustomMetadata, ExtrinsicMetadata, OuterEnums, PalletMetadata, RuntimeApiMetadata,
        RuntimeMetadataV15,
    },
    RuntimeMetadataPrefixed,
};
use scale_info::{IntoPortable, Registry};
use sp_core::OpaqueMetadata;
use sp_metadata_ir::MetadataIR;

/// The metadata version this module answers.
pub const PALLETS_FIRST_VERSION: u32 = 15;

/// V15 metadata with the type registry filled pallets first, or `None` where the stock conversion
/// would panic (an IR with no extrinsic version or no version-0 extension pipeline).
pub fn v15_pallets_first(ir: MetadataIR) -> Option<RuntimeMetadataV15> {
    // The stock `From<ExtrinsicMetadataIR>` expects both; check rather than panic.
    if ir.extrinsic.versions.is_empty() || ir.extrinsic.extensions_v0().is_none() {
        return None;
    }
    let mut registry = Registry::new();
    let pallets = registry.map_into_portable(ir.pallets.into_iter().map(PalletMetadata::from));
    let extrinsic = ExtrinsicMetadata::from(ir.extrinsic).into_portable(&mut registry);
    let ty = registry.register_type(&ir.ty);
    let apis = registry.map_into_portable(ir.apis.into_iter().map(RuntimeApiMetadata::from));
    let outer_enums = OuterEnums::from(ir.outer_enums).into_portable(&mut registry);
    let custom = CustomMetadata { map: Default::default() }.into_portable(&mut registry);
    Some(RuntimeMetadataV15 {
        types: registry.into(),
        pallets,
        extrinsic,
        ty,
        apis,
        outer_enums,
        custom,
    })
}

/// What `Metadata_metadata_at_version(15)` returns: the SCALE encoding of
/// `RuntimeMetadataPrefixed(META_RESERVED, RuntimeMetadata::V15(..))`, as the stock answer is.
pub fn opaque_v15_pallets_first(ir: MetadataIR) -> Option<OpaqueMetadata> {
    v15_pallets_first(ir).map(|v15| {
        let prefixed: RuntimeMetadataPrefixed = v15.into();
        OpaqueMetadata::new(prefixed.into())
    })
}
