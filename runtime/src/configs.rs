//! Configuration of each pallet in the runtime.
use frame_support::{
    derive_impl,
    dispatch::DispatchClass,
    parameter_types,
    traits::{ConstU32, ConstU64, ConstU8, VariantCountOf},
    weights::{
        constants::WEIGHT_REF_TIME_PER_SECOND,
        IdentityFee, Weight,
    },
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
    AccountId, Balance, Balances, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime,
    RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
    RuntimeTask, System, EXISTENTIAL_DEPOSIT, VERSION,
};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
    pub const BlockHashCount: BlockNumber = 2400;
    pub const Version: RuntimeVersion = VERSION;
    /// Two seconds of compute per block, as for a 12 s block.
    pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
        Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
        NORMAL_DISPATCH_RATIO,
    );
    pub RuntimeBlockLength: BlockLength =
        BlockLength::builder()
            .max_length(5 * 1024 * 1024)
            .modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
            .build();
    /// Bittensor's SS58 prefix.
    pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
    type Block = Block;
    type BlockWeights = RuntimeBlockWeights;
    type BlockLength = RuntimeBlockLength;
    type AccountId = AccountId;
    type Nonce = Nonce;
    type Hash = Hash;
    type BlockHashCount = BlockHashCount;
    /// Measured on this machine (`dtao-node benchmark storage`, `runtime/src/weights/paritydb.rs`).
    type DbWeight = crate::weights::paritydb::constants::ParityDbWeight;
    type Version = Version;
    type AccountData = pallet_balances::AccountData<Balance>;
    type SS58Prefix = SS58Prefix;
    type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
    type Moment = u64;
    type OnTimestampSet = AuraWhenAuthorities;
    /// Zero: the node may seal several blocks within one millisecond (manual or instant sealing).
    type MinimumPeriod = ConstU64<0>;
    type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
    type MaxLocks = ConstU32<50>;
    type MaxReserves = ();
    type ReserveIdentifier = [u8; 8];
    type Balance = Balance;
    type RuntimeEvent = RuntimeEvent;
    type DustRemoval = ();
    type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
    type AccountStore = System;
    type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
    type FreezeIdentifier = RuntimeFreezeReason;
    type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
    type RuntimeHoldReason = RuntimeHoldReason;
    type RuntimeFreezeReason = RuntimeFreezeReason;
    type DoneSlashHandler = ();
}

parameter_types! {
    pub FeeMultiplier: Multiplier = Multiplier::one();
}

/// Transaction fees are burned: the credit is dropped, which lowers Balances' issuance, and
/// `SubtensorModule` takes that change into its `TotalIssuance` at the next block, as it does
/// for every change of Balances' issuance made outside it (`Balances::burn`, dust removal,
/// `force_set_balance`, `force_adjust_total_issuance`).
pub type BurnFees = ();

impl pallet_transaction_payment::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type OnChargeTransaction = FungibleAdapter<Balances, BurnFees>;
    type OperationalFeeMultiplier = ConstU8<5>;
    type WeightToFee = IdentityFee<Balance>;
    type LengthToFee = IdentityFee<Balance>;
    type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
    type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_dtao::Config for Runtime {
    type Currency = Balances;
    /// Benchmarked on this runtime (`scripts/benchmark`), storage at `DbWeight`.
    type WeightInfo = pallet_dtao::weights::SubstrateWeight<Runtime>;
}

/// Who may publish whose identity in `Registry`, as the reference runtime's
/// `AllowIdentityReg`: an account for itself if it owns a subnet, or a coldkey for a hotkey it
/// owns that holds a root UID. Clearing (ours; the reference lets anyone): the account itself,
/// or the coldkey that owns it as a hotkey, so that only whoever could have paid the deposit
/// gets it back.
pub struct AllowIdentityReg;

impl pallet_registry::CanRegisterIdentity<AccountId> for AllowIdentityReg {
    fn can_register(who: &AccountId, identified: &AccountId) -> bool {
        if who != identified {
            pallet_dtao::Pallet::<Runtime>::coldkey_owns_hotkey(who, identified)
                && pallet_dtao::Uids::<Runtime>::contains_key(pallet_dtao::ROOT_NETUID, identified)
        } else {
            pallet_dtao::SubnetOwner::<Runtime>::iter_values().any(|owner| owner == *who)
        }
    }

    fn can_clear(who: &AccountId, identified: &AccountId) -> bool {
        who == identified || pallet_dtao::Pallet::<Runtime>::coldkey_owns_hotkey(who, identified)
    }
}

parameter_types! {
    /// As the reference runtime: one extra field, 0.1 TAO per identity and per field.
    pub const MaxAdditionalFields: u32 = 1;
    pub const InitialDeposit: Balance = 100_000_000;
    pub const FieldDeposit: Balance = 100_000_000;
}

impl pallet_registry::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    type CanRegister = AllowIdentityReg;
    type WeightInfo = pallet_registry::weights::SubstrateWeight<Runtime>;
    type MaxAdditionalFields = MaxAdditionalFields;
    type InitialDeposit = InitialDeposit;
    type FieldDeposit = FieldDeposit;
}

/// Aura's check that the block's timestamp falls in the slot its author claimed, on a chain
/// with authorities. A `--dev` chain has none and its sealed blocks carry no slot, so there is
/// nothing to check.
pub struct AuraWhenAuthorities;

impl frame_support::traits::OnTimestampSet<u64> for AuraWhenAuthorities {
    fn on_timestamp_set(moment: u64) {
        if !pallet_aura::Authorities::<Runtime>::get().is_empty() {
            <pallet_aura::Pallet<Runtime> as frame_support::traits::OnTimestampSet<u64>>::on_timestamp_set(moment);
        }
    }
}

impl pallet_aura::Config for Runtime {
    type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
    type DisabledValidators = ();
    type MaxAuthorities = ConstU32<32>;
    type AllowMultipleBlocksPerSlot = frame_support::traits::ConstBool<false>;
    type SlotDuration = crate::block_time::Pallet<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type MaxAuthorities = ConstU32<32>;
    type MaxNominators = ConstU32<0>;
    type MaxSetIdSessionEntries = ConstU64<0>;
    // Authorities come from genesis only; no equivocation reports.
    type KeyOwnerProof = sp_core::Void;
    type EquivocationReportSystem = ();
}

impl crate::block_time::Config for Runtime {}
