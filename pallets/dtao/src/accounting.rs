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
//!   A root sale larger than the pool (`Pallet::note_root_sale_beyond_pool`) takes its
//!   excess out of it again.
//! - `StrandedTao`: TAO the reference removes from stake without paying it to anyone or
//!   taking it out of `TotalIssuance` (a move whose unstaked TAO is below the minimum stake),
//!   and root dividend TAO left without an owner by a root sale beyond the pool.
//! - `TotalStakeShortfall`: what `TotalStake` lacks of `Σ SubnetTAO`. A root position that
//!   grew by dividends can sell more than `SubnetTAO[0]` holds; the reference's swap then
//!   empties `SubnetTAO[0]` but takes the whole amount out of `TotalStake`, TAO it never held.
//! - `TrackedBalancesIssuance`: Balances' total issuance as this pallet last accounted for it.
//!   Changes made outside the pallet (`Balances::burn`, dust removal, `force_set_balance`,
//!   `force_adjust_total_issuance`, burned transaction fees) are taken into `TotalIssuance` at
//!   the start of the next block ([`Pallet::follow_balances_issuance`]), so that
//!   `TotalIssuance` keeps counting all TAO in existence, as the emission schedule needs.
use crate::{
    pallet::Event, AlphaDust, Config, NetUid, Pallet, RootDividendsOutsidePool, StrandedTao,
    SubnetAlphaOut, SubnetTAO, TotalIssuance, TotalStakeShortfall, TrackedBalancesIssuance,
    ROOT_NETUID,
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

    /// Accounts for a root sale of `alpha` for `tao` (1:1, before the pool is changed) that
    /// exceeds `SubnetAlphaOut[0]` or `SubnetTAO[0]`, which the swap saturates at 0 as the
    /// reference does. Only root dividends, kept outside the pool, make such a position.
    /// - The alpha beyond `SubnetAlphaOut[0]` was root stake outside the pool: it leaves
    ///   `RootDividendsOutsidePool`.
    /// - The TAO beyond `SubnetTAO[0]` leaves `TotalStake`, which never held it:
    ///   `TotalStakeShortfall` grows by it.
    /// - `SubnetTAO[0] ≥ SubnetAlphaOut[0]` (staking fees add TAO to root's pool, never alpha),
    ///   so the first excess is at least the second; the difference is dividend TAO that no
    ///   position is left to claim, counted in `StrandedTao`.
    pub(crate) fn note_root_sale_beyond_pool(alpha: u64, tao: u64) {
        let beyond_alpha = alpha.saturating_sub(SubnetAlphaOut::<T>::get(ROOT_NETUID));
        let beyond_tao = tao.saturating_sub(SubnetTAO::<T>::get(ROOT_NETUID));
        if beyond_alpha == 0 && beyond_tao == 0 {
            return;
        }
        RootDividendsOutsidePool::<T>::mutate(|r| *r = r.saturating_sub(beyond_alpha));
        TotalStakeShortfall::<T>::mutate(|s| *s = s.saturating_add(beyond_tao));
        Self::note_stranded_tao(beyond_alpha.saturating_sub(beyond_tao));
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
