//! Weights measured on this runtime by `scripts/benchmark`: the database's read and write
//! costs (`paritydb`, from `dtao-node benchmark storage`). The pallets' call weights live with
//! each pallet (`pallet_dtao::weights`).
#[allow(missing_docs, unused_doc_comments)]
pub mod paritydb;
