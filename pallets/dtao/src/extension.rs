//! The transaction extension that validates the pallet's free calls in the pool.
//!
//! Reference: `SubtensorSignedExtension::validate` in `pallets/subtensor/src/lib.rs` at
//! `6b86ebf30` (identifier, error codes, priorities). The calls the reference makes free
//! (`Pays::No`) cost nothing to send, so the ones it covers are checked before inclusion: a
//! call the dispatchable would reject is refused with `InvalidTransaction::Custom(code)`.
//! - Covered (signed origin): `set_weights`, `set_root_weights` (dtao's stand-in for the
//!   reference's `set_tao_weights`), `add_stake`, `remove_stake`, `add_stake_limit`,
//!   `remove_stake_limit`, `move_stake`, `transfer_stake`, `swap_stake`, `swap_stake_limit`,
//!   `burned_register`, `register_network`, `serve_axon`. Each runs the dispatchable's own `validate_*`
//!   function, which writes nothing.
//! - Beyond the reference, which checks only the stake threshold for `set_weights`, only the
//!   interval limit for `burned_register` and nothing for `register_network`, dtao runs all of
//!   the dispatchable's checks for those too. Their first checks keep the reference's codes
//!   and precedence (stake threshold → 1, interval full → 6).
//! - Priorities: weights `u32::MAX + blocks since the caller's last update` (0 unregistered),
//!   longevity 1; staking `amount`, or `u32::MAX + blocks since the last stake of (coldkey,
//!   hotkey) + amount`; every other signed call `u64::MAX`. Unsigned origins pass untouched.
//! - No `ColdkeySwapScheduled` check (dtao has no coldkey swap).
//! - `prepare` and `post_dispatch` do nothing; the extension weighs nothing.
//! - Explicit and implicit parts are both empty: clients sign an unknown extension with empty
//!   parts, so it must encode to zero bytes.
use crate::{
    pallet::Error, Call, Config, LastColdkeyHotkeyStakeBlock, LastUpdate, NetUid, Pallet, Uids,
    ROOT_NETUID,
};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
    traits::{IsSubType, OriginTrait},
    weights::Weight,
};
use scale_info::{build::Fields, Path, Type, TypeInfo};
use sp_runtime::{
    impl_tx_ext_default,
    traits::{DispatchInfoOf, DispatchOriginOf, TransactionExtension, ValidateResult},
    transaction_validity::{
        InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
        ValidTransaction,
    },
};

/// The reference's `CustomTransactionError` codes, carried by `InvalidTransaction::Custom`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CustomTransactionError {
    /// The coldkey has a scheduled swap (never returned: dtao has no coldkey swap).
    ColdkeyInSwapSchedule = 0,
    /// Stake below the minimum, or below `StakeThreshold` for weights.
    StakeAmountTooLow = 1,
    /// Balance too low for the stake, burn or lock.
    BalanceTooLow = 2,
    /// Unknown subnet.
    SubnetDoesntExist = 3,
    /// The hotkey has no owner.
    HotkeyAccountDoesntExist = 4,
    /// Not that much stake to withdraw.
    NotEnoughStakeToWithdraw = 5,
    /// A rate limit (registrations, weights, network registration).
    RateLimitExceeded = 6,
    /// The pool cannot take the swap.
    InsufficientLiquidity = 7,
    /// The price limit would be crossed.
    SlippageTooHigh = 8,
    /// Stake transfers are disabled on the subnet.
    TransferDisallowed = 9,
    /// The hotkey has no UID on the subnet.
    HotKeyNotRegisteredInNetwork = 10,
    /// An axon address that is not a valid IPv4 or IPv6 address.
    InvalidIpAddress = 11,
    /// The axon was served less than `ServingRateLimit` blocks ago.
    ServingRateLimitExceeded = 12,
    /// Port 0.
    InvalidPort = 13,
    /// Any other rejection.
    BadRequest = 255,
}

impl From<CustomTransactionError> for TransactionValidityError {
    fn from(code: CustomTransactionError) -> Self {
        InvalidTransaction::Custom(code as u8).into()
    }
}

/// The code a rejected call gets: the reference's `result_to_validity` mapping, extended to
/// dtao's names for the same conditions (unknown subnet, unregistered hotkey, rate limits).
pub fn error_code<T>(error: &Error<T>) -> CustomTransactionError {
    use CustomTransactionError as C;
    match error {
        Error::AmountTooLow | Error::NotEnoughStakeToSetWeights => C::StakeAmountTooLow,
        Error::NotEnoughBalanceToStake => C::BalanceTooLow,
        Error::SubnetNotExists | Error::SubNetworkDoesNotExist | Error::RootNetworkDoesNotExist =>
            C::SubnetDoesntExist,
        Error::HotKeyAccountNotExists => C::HotkeyAccountDoesntExist,
        Error::NotEnoughStakeToWithdraw => C::NotEnoughStakeToWithdraw,
        Error::TooManyRegistrationsThisInterval |
        Error::TooManyRegistrationsThisBlock |
        Error::SettingWeightsTooFast |
        Error::NetworkTxRateLimitExceeded => C::RateLimitExceeded,
        Error::InsufficientLiquidity => C::InsufficientLiquidity,
        Error::SlippageTooHigh => C::SlippageTooHigh,
        Error::TransferDisallowed => C::TransferDisallowed,
        Error::HotKeyNotRegisteredInSubNet | Error::HotKeyNotRegisteredInNetwork =>
            C::HotKeyNotRegisteredInNetwork,
        Error::InvalidIpAddress => C::InvalidIpAddress,
        Error::ServingRateLimitExceeded => C::ServingRateLimitExceeded,
        Error::InvalidPort => C::InvalidPort,
        _ => C::BadRequest,
    }
}

/// The priority of every signed call but weights and staking (`get_priority_vanilla`).
pub const PRIORITY_VANILLA: u64 = u64::MAX;

impl<T: Config> Pallet<T> {
    /// `get_priority_set_weights`: `u32::MAX` plus the blocks since the hotkey's last weights
    /// on `netuid`; 0 if it has no UID there.
    pub fn priority_set_weights(hotkey: &T::AccountId, netuid: NetUid) -> u64 {
        let Some(uid) = Uids::<T>::get(netuid, hotkey) else { return 0 };
        let last = LastUpdate::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(0);
        Self::current_block().saturating_sub(last).saturating_add(u64::from(u32::MAX))
    }

    /// `get_priority_staking`: `amount`, plus `u32::MAX` and the blocks since the last stake
    /// operation of (coldkey, hotkey) if there was one.
    pub fn priority_staking(coldkey: &T::AccountId, hotkey: &T::AccountId, amount: u64) -> u64 {
        match LastColdkeyHotkeyStakeBlock::<T>::get(coldkey, hotkey) {
            Some(last) => Self::current_block()
                .saturating_sub(last)
                .saturating_add(u64::from(u32::MAX))
                .saturating_add(amount),
            None => amount,
        }
    }

    /// The pool validity of `call` signed by `who`: the dispatchable's checks for the covered
    /// calls, the reference's priorities. Writes nothing.
    pub fn validate_signed_call(who: &T::AccountId, call: &Call<T>) -> TransactionValidity {
        let code = |e: Error<T>| TransactionValidityError::from(error_code(&e));
        let weights = |netuid: NetUid| ValidTransaction {
            priority: Self::priority_set_weights(who, netuid),
            longevity: 1,
            ..Default::default()
        };
        let staking = |hotkey: &T::AccountId, amount: u64| ValidTransaction {
            priority: Self::priority_staking(who, hotkey, amount),
            ..Default::default()
        };
        let vanilla = ValidTransaction { priority: PRIORITY_VANILLA, ..Default::default() };
        match call {
            Call::set_weights { netuid, dests, weights: values, version_key } => {
                if !Self::has_weights_min_stake(who, *netuid) {
                    return Err(CustomTransactionError::StakeAmountTooLow.into());
                }
                Self::validate_set_weights(who, *netuid, dests, values, *version_key).map_err(code)?;
                Ok(weights(*netuid))
            },
            Call::set_root_weights { netuids, weights: values, version_key } => {
                if !Self::has_weights_min_stake(who, ROOT_NETUID) {
                    return Err(CustomTransactionError::StakeAmountTooLow.into());
                }
                Self::validate_set_root_weights(who, netuids, values, *version_key).map_err(code)?;
                Ok(weights(ROOT_NETUID))
            },
            Call::add_stake { hotkey, netuid, amount_staked } => {
                Self::validate_add_stake_call(who, hotkey, *netuid, *amount_staked, None).map_err(code)?;
                Ok(staking(hotkey, *amount_staked))
            },
            Call::add_stake_limit { hotkey, netuid, amount_staked, limit_price, allow_partial } => {
                let limit = Some((*limit_price, *allow_partial));
                Self::validate_add_stake_call(who, hotkey, *netuid, *amount_staked, limit).map_err(code)?;
                Ok(staking(hotkey, *amount_staked))
            },
            Call::remove_stake { hotkey, netuid, amount_unstaked } => {
                Self::validate_remove_stake_call(who, hotkey, *netuid, *amount_unstaked, None)
                    .map_err(code)?;
                Ok(staking(hotkey, *amount_unstaked))
            },
            Call::remove_stake_limit { hotkey, netuid, amount_unstaked, limit_price, allow_partial } => {
                let limit = Some((*limit_price, *allow_partial));
                Self::validate_remove_stake_call(who, hotkey, *netuid, *amount_unstaked, limit)
                    .map_err(code)?;
                Ok(staking(hotkey, *amount_unstaked))
            },
            Call::move_stake {
                origin_hotkey,
                destination_hotkey,
                origin_netuid,
                destination_netuid,
                alpha_amount,
            } => {
                Self::validate_transition_call(
                    who,
                    origin_hotkey,
                    destination_hotkey,
                    *origin_netuid,
                    *destination_netuid,
                    *alpha_amount,
                    None,
                    false,
                )
                .map_err(code)?;
                Ok(staking(origin_hotkey, *alpha_amount))
            },
            Call::transfer_stake { hotkey, origin_netuid, destination_netuid, alpha_amount, .. } => {
                Self::validate_transition_call(
                    who,
                    hotkey,
                    hotkey,
                    *origin_netuid,
                    *destination_netuid,
                    *alpha_amount,
                    None,
                    true,
                )
                .map_err(code)?;
                Ok(staking(hotkey, *alpha_amount))
            },
            Call::swap_stake { hotkey, origin_netuid, destination_netuid, alpha_amount } => {
                Self::validate_transition_call(
                    who,
                    hotkey,
                    hotkey,
                    *origin_netuid,
                    *destination_netuid,
                    *alpha_amount,
                    None,
                    false,
                )
                .map_err(code)?;
                Ok(staking(hotkey, *alpha_amount))
            },
            Call::swap_stake_limit {
                hotkey,
                origin_netuid,
                destination_netuid,
                alpha_amount,
                limit_price,
                allow_partial,
            } => {
                Self::validate_transition_call(
                    who,
                    hotkey,
                    hotkey,
                    *origin_netuid,
                    *destination_netuid,
                    *alpha_amount,
                    Some((*limit_price, *allow_partial)),
                    false,
                )
                .map_err(code)?;
                Ok(staking(hotkey, *alpha_amount))
            },
            Call::burned_register { netuid, hotkey } => {
                if Self::registration_interval_full(*netuid) {
                    return Err(CustomTransactionError::RateLimitExceeded.into());
                }
                Self::validate_burned_register(who, *netuid, hotkey).map_err(code)?;
                Ok(vanilla)
            },
            Call::register_network { hotkey } | Call::register_network_with_identity { hotkey, .. } => {
                Self::validate_register_network(who, hotkey).map_err(code)?;
                Ok(vanilla)
            },
            Call::serve_axon { netuid, version, ip, port, ip_type, protocol, placeholder1, placeholder2 } => {
                let axon = crate::serving::AxonInfo {
                    block: 0,
                    version: *version,
                    ip: *ip,
                    port: *port,
                    ip_type: *ip_type,
                    protocol: *protocol,
                    placeholder1: *placeholder1,
                    placeholder2: *placeholder2,
                };
                Self::validate_serve_axon(who, *netuid, &axon).map_err(code)?;
                Ok(vanilla)
            },
            _ => Ok(vanilla),
        }
    }
}

/// Validates the pallet's free calls before inclusion (see the module doc). Encodes to zero
/// bytes.
pub struct SubtensorTransactionExtension<T>(PhantomData<T>);

impl<T> SubtensorTransactionExtension<T> {
    /// The extension (it carries no data).
    pub fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T> Default for SubtensorTransactionExtension<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Clone for SubtensorTransactionExtension<T> {
    fn clone(&self) -> Self {
        Self::new()
    }
}

impl<T> PartialEq for SubtensorTransactionExtension<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for SubtensorTransactionExtension<T> {}

impl<T> core::fmt::Debug for SubtensorTransactionExtension<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        write!(f, "SubtensorTransactionExtension")
    }
}

impl<T> Encode for SubtensorTransactionExtension<T> {
    fn size_hint(&self) -> usize {
        0
    }
    fn encode_to<O: codec::Output + ?Sized>(&self, _dest: &mut O) {}
}

impl<T> Decode for SubtensorTransactionExtension<T> {
    fn decode<I: codec::Input>(_input: &mut I) -> Result<Self, codec::Error> {
        Ok(Self::new())
    }
}

impl<T> DecodeWithMemTracking for SubtensorTransactionExtension<T> {}

impl<T: 'static> TypeInfo for SubtensorTransactionExtension<T> {
    type Identity = Self;
    fn type_info() -> Type {
        Type::builder()
            .path(Path::new("SubtensorTransactionExtension", module_path!()))
            .composite(Fields::unit())
    }
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for SubtensorTransactionExtension<T>
where
    T::RuntimeCall: IsSubType<Call<T>>,
{
    const IDENTIFIER: &'static str = "SubtensorSignedExtension";
    type Implicit = ();
    type Val = ();
    type Pre = ();

    fn weight(&self, _call: &T::RuntimeCall) -> Weight {
        Weight::zero()
    }

    fn validate(
        &self,
        origin: DispatchOriginOf<T::RuntimeCall>,
        call: &T::RuntimeCall,
        _info: &DispatchInfoOf<T::RuntimeCall>,
        _len: usize,
        _self_implicit: Self::Implicit,
        _inherited_implication: &impl Encode,
        _source: TransactionSource,
    ) -> ValidateResult<Self::Val, T::RuntimeCall> {
        let Some(who) = origin.as_signer().cloned() else {
            return Ok((ValidTransaction::default(), (), origin));
        };
        let validity = match call.is_sub_type() {
            Some(call) => Pallet::<T>::validate_signed_call(&who, call)?,
            None => ValidTransaction { priority: PRIORITY_VANILLA, ..Default::default() },
        };
        Ok((validity, (), origin))
    }

    impl_tx_ext_default!(T::RuntimeCall; prepare);
}
