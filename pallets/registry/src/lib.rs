//! # pallet-registry
//!
//! On-chain identities for accounts, each backed by a held deposit: the reference runtime's
//! `Registry` pallet (index 17; `pallets/registry/src/lib.rs` at `6b86ebf30`). btcli 9.3.0
//! reads `Registry.IdentityOf` to name the delegates in `stake list` and `subnets metagraph`.
//!
//! - `set_identity` (0): `who` publishes `info` for `identified`, if the runtime's
//!   [`CanRegisterIdentity`] allows it. The deposit is `InitialDeposit + FieldDeposit ×
//!   extra fields`, held from `who` under [`HoldReason::RegistryIdentity`]; replacing an
//!   identity holds or releases only the difference. Event `IdentitySet`.
//! - `clear_identity` (1): removes the identity and releases its deposit to `who`. Event
//!   `IdentityDissolved`.
//!
//! Storage, call indices, events and errors carry the reference's names and shapes; the types
//! are in [`types`].
//!
//! ## Deliberate difference
//! The reference lets *any* signed account clear *any* identity, releasing the deposit from
//! the caller's own holds: a stranger can erase an identity, and its depositor's hold is then
//! stuck for good. Here only an account that [`CanRegisterIdentity::can_clear`] allows (in
//! the dtao runtime: the account itself, or the coldkey that owns it as a hotkey) may clear
//! it; anyone else gets [`Error::CannotClear`] and nothing changes (docs/divergences.md).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::{Data, IdentityInfo, Registration};
pub use weights::WeightInfo;

use alloc::boxed::Box;
use frame_support::traits::{
    fungible::{Inspect, MutateHold},
    tokens::Precision,
};
use sp_runtime::{traits::Zero, Saturating};

/// The balance type of the runtime's currency.
pub type BalanceOf<T> =
    <<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Who may set and clear whose identity: the runtime decides.
pub trait CanRegisterIdentity<AccountId: PartialEq> {
    /// Whether `who` may set the identity of `identified`.
    fn can_register(who: &AccountId, identified: &AccountId) -> bool;
    /// Whether `who` may clear the identity of `identified` (the reference lets anyone; see
    /// the crate docs). By default: only the account itself.
    fn can_clear(who: &AccountId, identified: &AccountId) -> bool {
        who == identified
    }
}

/// Nobody may register.
impl<A: PartialEq> CanRegisterIdentity<A> for () {
    fn can_register(_: &A, _: &A) -> bool {
        false
    }
}

#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;

    #[pallet::pallet]
    #[pallet::without_storage_info]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The runtime's event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
        /// The currency deposits are held in.
        type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
        /// The runtime's hold reasons, which include this pallet's.
        type RuntimeHoldReason: From<HoldReason>;
        /// Who may set and clear whose identity.
        type CanRegister: CanRegisterIdentity<Self::AccountId>;
        /// Weights of the calls.
        type WeightInfo: WeightInfo;
        /// The most extra fields an identity may have (1 in the reference runtime).
        #[pallet::constant]
        type MaxAdditionalFields: Get<u32>;
        /// The deposit for an identity (0.1 TAO in the reference runtime).
        #[pallet::constant]
        type InitialDeposit: Get<BalanceOf<Self>>;
        /// The deposit per extra field (0.1 TAO in the reference runtime).
        #[pallet::constant]
        type FieldDeposit: Get<BalanceOf<Self>>;
    }

    /// Why this pallet holds funds.
    #[pallet::composite_enum]
    pub enum HoldReason {
        /// The deposit of an identity.
        RegistryIdentity,
    }

    /// The identity of each account, with its deposit.
    #[pallet::storage]
    pub type IdentityOf<T: Config> = StorageMap<
        _,
        Twox64Concat,
        T::AccountId,
        Registration<BalanceOf<T>, T::MaxAdditionalFields>,
        OptionQuery,
    >;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// An identity was set (or replaced).
        IdentitySet {
            /// The account the identity belongs to.
            who: T::AccountId,
        },
        /// An identity was cleared and its deposit released.
        IdentityDissolved {
            /// The account the identity belonged to.
            who: T::AccountId,
        },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// The caller may not set this account's identity.
        CannotRegister,
        /// More extra fields than `MaxAdditionalFields`.
        TooManyFieldsInIdentityInfo,
        /// The account has no identity.
        NotRegistered,
        /// The caller may not clear this account's identity (ours; see the crate docs).
        CannotClear,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Sets the identity of `identified`, replacing any it had, and holds the deposit
        /// from the caller.
        #[pallet::call_index(0)]
        #[pallet::weight((T::WeightInfo::set_identity(), DispatchClass::Operational))]
        pub fn set_identity(
            origin: OriginFor<T>,
            identified: T::AccountId,
            info: Box<IdentityInfo<T::MaxAdditionalFields>>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(T::CanRegister::can_register(&who, &identified), Error::<T>::CannotRegister);
            // The bound of the type already caps this; the reference checks it again.
            let extra_fields = info.additional.len() as u32;
            ensure!(
                extra_fields <= T::MaxAdditionalFields::get(),
                Error::<T>::TooManyFieldsInIdentityInfo
            );
            let deposit = T::InitialDeposit::get()
                .saturating_add(BalanceOf::<T>::from(extra_fields).saturating_mul(T::FieldDeposit::get()));
            let old_deposit = IdentityOf::<T>::get(&identified).map_or_else(Zero::zero, |id| id.deposit);
            let reason = HoldReason::RegistryIdentity.into();
            if deposit > old_deposit {
                T::Currency::hold(&reason, &who, deposit.saturating_sub(old_deposit))?;
            } else if old_deposit > deposit {
                T::Currency::release(&reason, &who, old_deposit.saturating_sub(deposit), Precision::BestEffort)?;
            }
            IdentityOf::<T>::insert(&identified, Registration { deposit, info: *info });
            Self::deposit_event(Event::IdentitySet { who: identified });
            Ok(())
        }

        /// Clears the identity of `identified` and releases its deposit to the caller.
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::clear_identity())]
        pub fn clear_identity(origin: OriginFor<T>, identified: T::AccountId) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let deposit = IdentityOf::<T>::get(&identified).ok_or(Error::<T>::NotRegistered)?.deposit;
            ensure!(T::CanRegister::can_clear(&who, &identified), Error::<T>::CannotClear);
            IdentityOf::<T>::remove(&identified);
            T::Currency::release(&HoldReason::RegistryIdentity.into(), &who, deposit, Precision::BestEffort)?;
            Self::deposit_event(Event::IdentityDissolved { who: identified });
            Ok(().into())
        }
    }
}
