//! The chain the fuzzer drives: the development genesis (plus the extra accounts of
//! [`crate::accounts`]), blocks built through `Executive` as the node's block builder builds
//! them, and the checks made after each.
use crate::{accounts, Violation};
use codec::Encode;
use dtao_runtime::{
    AllPalletsWithSystem, BlockNumber, Executive, Header, Runtime, RuntimeCall, RuntimeGenesisConfig,
    SignedPayload, TxExtension, UncheckedExtrinsic,
};
use frame_support::traits::{TryState, TryStateSelect};
use serde_json::Value;
use sp_core::{storage::Storage, Pair, H256};
use sp_runtime::{
    generic::Era,
    traits::{Hash as _, Header as _},
    transaction_validity::{InvalidTransaction, TransactionValidityError},
    BuildStorage, Digest,
};
use std::sync::OnceLock;

/// The dev chain's block time: 12 s.
const BLOCK_MS: u64 = 12_000;
/// The first block's timestamp.
const GENESIS_MS: u64 = 1_700_000_000_000;

/// Every pallet with a `try_state`, by its name in the runtime (to name the one at fault).
const PALLETS: [&str; 10] = [
    "System",
    "Timestamp",
    "Balances",
    "TransactionPayment",
    "SubtensorModule",
    "Sudo",
    "Registry",
    "Aura",
    "Grandpa",
    "BlockTime",
];

fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (key, value) in patch {
                merge(base.entry(key).or_insert(Value::Null), value);
            }
        },
        (base, patch) => *base = patch,
    }
}

/// The genesis storage: the `development` preset on the default config, as the node builds
/// it, with the extra fuzz accounts endowed. Built once per process.
pub fn genesis() -> &'static Storage {
    static GENESIS: OnceLock<Storage> = OnceLock::new();
    GENESIS.get_or_init(|| {
        let preset = dtao_runtime::genesis_config_presets::get_preset(&"development".into())
            .expect("the runtime has a development preset");
        let mut patch: Value = serde_json::from_slice(&preset).expect("the preset is JSON");
        if let Some(Value::Array(balances)) = patch.pointer_mut("/balances/balances") {
            for (id, balance) in accounts::extra_endowments() {
                balances.push(serde_json::json!([id, balance]));
            }
        }
        let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("the config serialises");
        merge(&mut config, patch);
        let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("the patched config parses");
        config.build_storage().expect("the development genesis builds")
    })
}

/// What became of one signed extrinsic.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    /// Included, and the call succeeded.
    Succeeded,
    /// Included, and the call failed (a `DispatchError`).
    Failed,
    /// Refused by the transaction extensions for a reason a valid chain gives (cannot pay,
    /// block full, a SubtensorModule refusal, a Mandatory-class call signed): not included.
    Refused,
}

/// The chain at the block being built.
pub struct Chain {
    parent: H256,
    number: BlockNumber,
}

impl Chain {
    /// At genesis, no block open yet (call inside the genesis externalities).
    pub fn at_genesis() -> Self {
        Self { parent: frame_system::Pallet::<Runtime>::block_hash(0), number: 0 }
    }

    /// The number of the block being built (0 before the first).
    pub fn number(&self) -> BlockNumber {
        self.number
    }

    /// Opens the next block: `initialize_block` (every `on_initialize`, the dTAO coinbase and
    /// epochs), checks the coinbase's conservation, then applies the timestamp inherent.
    /// Returns how many subnets ran their epoch in `on_initialize`.
    pub fn open(&mut self) -> Result<u64, Violation> {
        self.number += 1;
        let header = Header::new(self.number, H256::zero(), H256::zero(), self.parent, Digest::default());
        let before = pallet_dtao::Pallet::<Runtime>::snapshot();
        Executive::initialize_block(&header);
        pallet_dtao::Pallet::<Runtime>::check_block_conservation(&before).map_err(|e| Violation::TryState {
            block: self.number,
            pallet: "SubtensorModule (block conservation around on_initialize)".into(),
            error: format!("{e:?}"),
        })?;
        let epochs = pallet_dtao::LastMechansimStepBlock::<Runtime>::iter_values()
            .filter(|b| *b == u64::from(self.number))
            .count() as u64;
        let now = GENESIS_MS + u64::from(self.number) * BLOCK_MS;
        let inherent = UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
        match Executive::apply_extrinsic(inherent) {
            Ok(Ok(())) => Ok(epochs),
            other => Err(Violation::Executive { block: self.number, what: format!("timestamp inherent: {other:?}") }),
        }
    }

    /// Signs `call` by account `signer` (at its current nonce, immortal, no tip) and applies it.
    pub fn apply(&self, signer: usize, call: RuntimeCall) -> Result<Outcome, Violation> {
        let account = &accounts::all()[signer];
        let nonce = frame_system::Pallet::<Runtime>::account_nonce(&account.id);
        let extension: TxExtension = (
            frame_system::CheckNonZeroSender::new(),
            frame_system::CheckSpecVersion::new(),
            frame_system::CheckTxVersion::new(),
            frame_system::CheckGenesis::new(),
            frame_system::CheckEra::from(Era::Immortal),
            frame_system::CheckNonce::from(nonce),
            frame_system::CheckWeight::new(),
            pallet_transaction_payment::ChargeTransactionPayment::from(0),
            pallet_dtao::extension::SubtensorTransactionExtension::new(),
        );
        let payload = SignedPayload::new(call.clone(), extension.clone()).map_err(|e| Violation::Executive {
            block: self.number,
            what: format!("signed payload's implicit parts: {e:?}"),
        })?;
        let signature = payload.using_encoded(|bytes| account.pair.sign(bytes));
        let uxt = UncheckedExtrinsic::new_signed(call, account.id.clone().into(), signature.into(), extension);
        match Executive::apply_extrinsic(uxt) {
            Ok(Ok(())) => Ok(Outcome::Succeeded),
            Ok(Err(_)) => Ok(Outcome::Failed),
            Err(TransactionValidityError::Invalid(
                InvalidTransaction::Payment |
                InvalidTransaction::ExhaustsResources |
                InvalidTransaction::Custom(_) |
                InvalidTransaction::BadMandatory |
                InvalidTransaction::MandatoryValidation,
            )) => Ok(Outcome::Refused),
            Err(e) => Err(Violation::Executive {
                block: self.number,
                what: format!("a correctly signed extrinsic at the right nonce refused with {e:?}"),
            }),
        }
    }

    /// Closes the block (`finalize_block`: `on_idle`, every `on_finalize`) and checks every
    /// pallet's `try_state`.
    pub fn close(&mut self) -> Result<(), Violation> {
        let header = Executive::finalize_block();
        if *header.number() != self.number {
            return Err(Violation::Executive { block: self.number, what: format!("finalized block {}", header.number()) });
        }
        self.parent = <Runtime as frame_system::Config>::Hashing::hash_of(&header);
        try_state(self.number)
    }
}

/// Every pallet's `try_state` at block `n`; on failure, the pallet at fault.
///
/// Aura's is left out while Aura has no authorities (the development chain): it requires a
/// non-empty authority set and a timestamp in the current slot, which a chain whose blocks
/// the node seals (`AuraWhenAuthorities` in the runtime's configs) has by design not.
pub fn try_state(n: BlockNumber) -> Result<(), Violation> {
    let aura = !pallet_aura::Authorities::<Runtime>::get().is_empty();
    let selected: Vec<&str> = PALLETS.iter().copied().filter(|p| aura || *p != "Aura").collect();
    let only = |names: &[&str]| TryStateSelect::Only(names.iter().map(|p| p.as_bytes().to_vec()).collect());
    if <AllPalletsWithSystem as TryState<BlockNumber>>::try_state(n, only(&selected)).is_ok() {
        return Ok(());
    }
    for pallet in selected {
        if let Err(e) = <AllPalletsWithSystem as TryState<BlockNumber>>::try_state(n, only(&[pallet])) {
            return Err(Violation::TryState { block: n, pallet: pallet.into(), error: format!("{e:?}") });
        }
    }
    Err(Violation::TryState { block: n, pallet: "(all together only)".into(), error: String::new() })
}
