//! What only a `runtime-benchmarks` build has: the benchmarks the node's `benchmark pallet`
//! command runs (`define_benchmarks!`), and the configuration of `Assets`, `PoolAssets` and
//! `AssetConversion`, the constant-product pools of polkadot-sdk, so that our `add_stake`,
//! `remove_stake` and `move_stake` are weighed in the same run, on the same runtime, as
//! `swap_exact_tokens_for_tokens` and Balances' `transfer_keep_alive` (docs/performance.md).
//! The values mirror pallet-asset-conversion's own test runtime, with our `u64` balances.
use super::{AccountId, Balance, Balances, PoolAssets, Runtime, RuntimeEvent, EXISTENTIAL_DEPOSIT};
use frame_support::{
    ord_parameter_types, parameter_types,
    traits::{
        fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
        tokens::imbalance::ResolveAssetTo,
        AsEnsureOriginWithArg, ConstU32, ConstU64,
    },
    PalletId,
};
use alloc::vec;
use frame_system::{EnsureRoot, EnsureSigned, EnsureSignedBy};
use pallet_asset_conversion::{AccountIdConverter, Ascending, Chain, WithFirstAsset};
use sp_runtime::{traits::AccountIdConversion, Permill};

frame_benchmarking::define_benchmarks!(
    [pallet_dtao, SubtensorModule]
    [pallet_balances, Balances]
    [pallet_asset_conversion, AssetConversion]
);

impl pallet_assets::Config<pallet_assets::Instance1> for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Balance = Balance;
    type RemoveItemsLimit = ConstU32<1000>;
    type AssetId = u32;
    type AssetIdParameter = u32;
    type ReserveData = ();
    type Currency = Balances;
    type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
    type ForceOrigin = EnsureRoot<AccountId>;
    type AssetDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
    type AssetAccountDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
    type MetadataDepositBase = ConstU64<EXISTENTIAL_DEPOSIT>;
    type MetadataDepositPerByte = ConstU64<1>;
    type ApprovalDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
    type StringLimit = ConstU32<50>;
    type Holder = ();
    type Freezer = ();
    type Extra = ();
    type WeightInfo = ();
    type CallbackHandle = ();
    type AssetIdAllocator = ();
    type BenchmarkHelper = ();
}

impl pallet_assets::Config<pallet_assets::Instance2> for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Balance = Balance;
    type RemoveItemsLimit = ConstU32<1000>;
    type AssetId = u32;
    type AssetIdParameter = u32;
    type ReserveData = ();
    type Currency = Balances;
    type CreateOrigin = AsEnsureOriginWithArg<EnsureSignedBy<AssetConversionOrigin, AccountId>>;
    type ForceOrigin = EnsureRoot<AccountId>;
    type AssetDeposit = ConstU64<0>;
    type AssetAccountDeposit = ConstU64<0>;
    type MetadataDepositBase = ConstU64<0>;
    type MetadataDepositPerByte = ConstU64<0>;
    type ApprovalDeposit = ConstU64<0>;
    type StringLimit = ConstU32<50>;
    type Holder = ();
    type Freezer = ();
    type Extra = ();
    type WeightInfo = ();
    type CallbackHandle = ();
    type AssetIdAllocator = ();
    type BenchmarkHelper = ();
}

parameter_types! {
    pub const AssetConversionPalletId: PalletId = PalletId(*b"py/ascon");
    pub const Native: NativeOrWithId<u32> = NativeOrWithId::Native;
    pub LpFee: Permill = Permill::from_rational(3u32, 1_000u32);
    pub MaxSwapFee: Permill = Permill::from_percent(10);
    pub LiquidityWithdrawalFee: Permill = Permill::from_percent(0);
}

ord_parameter_types! {
    pub const AssetConversionOrigin: AccountId =
        AccountIdConversion::<AccountId>::into_account_truncating(&AssetConversionPalletId::get());
}

type NativeAndAssets = UnionOf<Balances, super::Assets, NativeFromLeft, NativeOrWithId<u32>, AccountId>;
type PoolIdToAccountId = AccountIdConverter<AssetConversionPalletId, (NativeOrWithId<u32>, NativeOrWithId<u32>)>;

impl pallet_asset_conversion::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Balance = Balance;
    type HigherPrecisionBalance = sp_core::U256;
    type AssetKind = NativeOrWithId<u32>;
    type Assets = NativeAndAssets;
    type PoolId = (Self::AssetKind, Self::AssetKind);
    type PoolLocator = Chain<
        WithFirstAsset<Native, AccountId, NativeOrWithId<u32>, PoolIdToAccountId>,
        Ascending<AccountId, NativeOrWithId<u32>, PoolIdToAccountId>,
    >;
    type PoolAssetId = u32;
    type PoolAssets = PoolAssets;
    type PoolSetupFee = ConstU64<EXISTENTIAL_DEPOSIT>;
    type PoolSetupFeeAsset = Native;
    type PoolSetupFeeTarget = ResolveAssetTo<AssetConversionOrigin, Self::Assets>;
    type PalletId = AssetConversionPalletId;
    type WeightInfo = ();
    type LPFee = LpFee;
    type AdminOrigin = EnsureRoot<AccountId>;
    type MaxSwapFee = MaxSwapFee;
    type LiquidityWithdrawalFee = LiquidityWithdrawalFee;
    type MaxSwapPathLength = ConstU32<4>;
    type MintMinLiquidity = ConstU64<100>;
    // Pairs of two assets (`WithId`), as the pallet's own test runtime: the native-first factory
    // builds swap paths that repeat the native asset (`NonUniquePath`).
    type BenchmarkHelper = ();
}
