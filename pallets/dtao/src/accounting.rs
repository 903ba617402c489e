//! The explicit accumulators that make the invariants ([`crate::invariants`]) exact
//! equalities. Each holds something the reference leaves implicit:
//! - `AlphaDust[netuid]`: alpha counted in `SubnetAlphaOut` that nobody holds: the rounding
//!   of each block's emission split (`alpha_out − ⌊owner cut⌋ − ⌊root alpha⌋ − ⌊pending⌋`),
//!   root alpha whose sale the pool refused (the reference still adds it to
//!   `PendingAlphaSwapped`), alpha bought by a stake that the share pool could not credit, and
//!   alpha debited from a position whose sale the pool refused. The reference leaves all of it
//!   in `SubnetAlphaOut`; so do we, and we count it here.
//! - `RootDividendsOutsidePool`: TAO paid as root dividends, which the reference credits as
//!   root stake without adding it to `SubnetTAO[0]`, `SubnetAlphaOut[0]` or `TotalStake`.
//! - `StrandedTao`: TAO the reference removes from stake without paying it to anyone or
//!   taking it out of `TotalIssuance` (a move whose unstaked TAO is below the minimum stake).
//! - `TrackedBalancesIssuance`: Balances' total issuance as this pallet last accounted for it.
//!   Changes made outside the pallet (`Balances::burn`, dust removal, `force_set_balance`,
//!   `force_adjust_total_issuance`, burned transaction fees) are taken into `TotalIssuance` at
//!   the start of the next block ([`Pallet::follow_balances_issuance`]), so that
//!   `TotalIssuance` keeps counting all TAO in existence, as the emission schedule needs.
use crate::{
    pallet::Event, AlphaDust, Config, NetUid, Pallet, StrandedTao, TotalIssuance,
    TrackedBalancesIssuance,
};
use frame_support::traits::fungible::Inspect;

impl<T: Config> Pallet<T> {
    /// Counts `amount` of `netuid`'s outstanding alpha as held by nobody.
    pub(crate) fn note_alpha_dust(netuid: NetUid, amount: u64) {
        if amount > 0 {
            AlphaDust::<T>::mutate(netuid, |d| *d = d.saturating_add(amount));
        }
    }

    /// Counts `amount` of TAO that left stake without being paid or burned.
    pub(crate) fn note_stranded_tao(amount: u64) {
        if amount > 0 {
            StrandedTao::<T>::mutate(|s| *s = s.saturating_add(amount));
        }
    }

    /// Records a change of Balances' issuance made by this pallet (TAO leaving balances for
    /// stake or a burn is negative, TAO paid out positive), so that it is not taken for an
    /// outside change.
    pub(crate) fn note_own_balances_change(delta: i128) {
        TrackedBalancesIssuance::<T>::mutate(|tracked| {
            if let Some(t) = tracked {
                *t = u64::try_from(i128::from(*t).saturating_add(delta).max(0)).unwrap_or(u64::MAX);
            }
        });
    }

    /// Takes every change of Balances' issuance made outside this pallet since the last call
    /// into `TotalIssuance`, and reports it. The first call only records the issuance.
    pub fn follow_balances_issuance() {
        let now = T::Currency::total_issuance();
        match TrackedBalancesIssuance::<T>::get() {
            Some(previous) if previous != now => {
                let delta = i128::from(now).saturating_sub(i128::from(previous));
                TotalIssuance::<T>::mutate(|i| {
                    *i = u64::try_from(i128::from(*i).saturating_add(delta).max(0)).unwrap_or(u64::MAX)
                });
                TrackedBalancesIssuance::<T>::put(now);
                Self::deposit_event(Event::BalancesIssuanceFollowed { previous, current: now });
            },
            Some(_) => {},
            None => TrackedBalancesIssuance::<T>::put(now),
        }
    }

    /// Balances' issuance as the invariants read it: as last accounted for (outside changes
    /// are counted from the next block on), or the live value before the first block.
    pub fn accounted_balances_issuance() -> u64 {
        TrackedBalancesIssuance::<T>::get().unwrap_or_else(T::Currency::total_issuance)
    }
}
