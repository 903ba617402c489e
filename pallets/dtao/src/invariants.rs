//! Accounting invariants, checked after every pallet test and every conformance block
//! (`do_try_state`), and by `try-runtime`. Every one is an exact equality; what the reference
//! leaves implicit is counted in the named accumulators of [`crate::accounting`].
//!
//! - `check_total_stake`: `TotalStake + TotalStakeShortfall == Σ SubnetTAO` (root included).
//! - `check_issuance`: `TotalIssuance == Balances issuance (as accounted) + TotalStake +
//!   TotalStakeShortfall + Σ PendingRootDivs + Σ UndistributedRootTao + RootDividendsOutsidePool + StrandedTao`.
//! - `check_alpha`: per subnet, `SubnetAlphaOut (+ RootDividendsOutsidePool on root) ==
//!   Σ TotalHotkeyAlpha + PendingEmission + PendingOwnerCut + UndistributedAlpha +
//!   UndistributedOwnerCut + AlphaDust`.
//! - `check_share_pools`: per (hotkey, netuid), `Σ_coldkey Alpha == TotalHotkeyShares`, and
//!   no position is worth more than `TotalHotkeyAlpha`.
//! - `check_pools`: no dynamic pool holds a reserve below the minimum liquidity unless the
//!   pool is empty.
//!
//! [`Pallet::check_block_conservation`] compares two [`Snapshot`]s taken around one block's
//! `on_initialize`: each subnet's alpha issuance grows by exactly the alpha its coinbase
//! emitted, `TotalIssuance` by exactly the TAO injected (plus outside changes of Balances'
//! issuance taken in), and the TAO injected never exceeds the block emission.
use crate::{
    AlphaDust, Config, FirstEmissionBlockNumber, NetUid, NetworksAdded, Pallet, PendingEmission,
    PendingOwnerCut, PendingRootDivs, RootDividendsOutsidePool, StrandedTao, SubnetAlphaIn,
    SubnetAlphaInEmission, SubnetAlphaOut, SubnetAlphaOutEmission, SubnetTAO, SubnetTaoInEmission,
    TotalHotkeyAlpha, TotalHotkeyShares, TotalIssuance, TotalStake, TotalStakeShortfall, UndistributedAlpha,
    UndistributedOwnerCut, UndistributedRootTao, ROOT_NETUID,
};
use alloc::collections::BTreeMap;
use dtao_math::pool::MIN_POOL_LIQUIDITY;
use sp_runtime::TryRuntimeError;

/// Signed differences of the exact invariants: all zero on a consistent chain. Conformance
/// scenarios start from the reference's states, whose implicit remainders we do not know, so
/// they check that every block leaves these unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imbalances {
    /// `TotalStake + TotalStakeShortfall − Σ SubnetTAO`.
    pub stake: i128,
    /// `TotalIssuance − (Balances issuance + TotalStake + pending, undistributed, outside and
    /// stranded TAO)`.
    pub issuance: i128,
    /// Per subnet: outstanding alpha minus what is held, pending, undistributed or dust.
    pub alpha: BTreeMap<NetUid, i128>,
}

/// What a block's conservation check compares, taken before and after `on_initialize`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// `SubnetAlphaIn + SubnetAlphaOut` of every subnet.
    pub alpha_issuance: BTreeMap<NetUid, u128>,
    /// `TotalIssuance`.
    pub total_issuance: u64,
    /// Balances' issuance as accounted for.
    pub balances_issuance: u64,
}

impl<T: Config> Pallet<T> {
    /// The exact invariants' differences.
    pub fn imbalances() -> Imbalances {
        let pool_tao: i128 = SubnetTAO::<T>::iter_values().map(i128::from).sum();
        let root_tao: i128 = PendingRootDivs::<T>::iter_values()
            .chain(UndistributedRootTao::<T>::iter_values())
            .map(i128::from)
            .sum::<i128>() +
            i128::from(RootDividendsOutsidePool::<T>::get()) +
            i128::from(StrandedTao::<T>::get());
        let total_stake = i128::from(TotalStake::<T>::get()) + i128::from(TotalStakeShortfall::<T>::get());
        let balances = i128::from(Self::accounted_balances_issuance());
        let mut held: BTreeMap<NetUid, i128> = BTreeMap::new();
        for (_, netuid, alpha) in TotalHotkeyAlpha::<T>::iter() {
            *held.entry(netuid).or_default() += i128::from(alpha);
        }
        let alpha = NetworksAdded::<T>::iter_keys()
            .map(|netuid| {
                let outstanding = i128::from(SubnetAlphaOut::<T>::get(netuid)) +
                    if netuid == ROOT_NETUID { i128::from(RootDividendsOutsidePool::<T>::get()) } else { 0 };
                let owed = held.get(&netuid).copied().unwrap_or(0) +
                    i128::from(PendingEmission::<T>::get(netuid)) +
                    i128::from(PendingOwnerCut::<T>::get(netuid)) +
                    i128::from(UndistributedAlpha::<T>::get(netuid)) +
                    i128::from(UndistributedOwnerCut::<T>::get(netuid)) +
                    i128::from(AlphaDust::<T>::get(netuid));
                (netuid, outstanding - owed)
            })
            .collect();
        Imbalances {
            stake: total_stake - pool_tao,
            issuance: i128::from(TotalIssuance::<T>::get()) - balances - total_stake - root_tao,
            alpha,
        }
    }

    /// `TotalStake + TotalStakeShortfall == Σ SubnetTAO`.
    pub fn check_total_stake() -> Result<(), TryRuntimeError> {
        if Self::imbalances().stake != 0 {
            return Err("TotalStake differs from the sum of SubnetTAO".into());
        }
        Ok(())
    }

    /// `TotalIssuance == balances + staked + pending, outside and stranded root TAO`.
    pub fn check_issuance() -> Result<(), TryRuntimeError> {
        if Self::imbalances().issuance != 0 {
            return Err("TotalIssuance differs from balances plus staked and pending TAO".into());
        }
        Ok(())
    }

    /// Alpha outstanding equals every staked, pending, undistributed and dust unit.
    pub fn check_alpha() -> Result<(), TryRuntimeError> {
        for (netuid, d) in Self::imbalances().alpha {
            if d != 0 {
                log::error!(target: "dtao", "netuid {netuid}: SubnetAlphaOut − owed alpha = {d}");
                return Err("SubnetAlphaOut differs from staked, pending and dust alpha".into());
            }
        }
        Ok(())
    }

    /// Every share pool: the coldkeys' shares add up to the pool's shares, and no position is
    /// worth more than the pool.
    pub fn check_share_pools() -> Result<(), TryRuntimeError> {
        let mut sums: BTreeMap<(T::AccountId, NetUid), u128> = BTreeMap::new();
        for ((hotkey, _, netuid), shares) in crate::Alpha::<T>::iter() {
            let pool = TotalHotkeyShares::<T>::get(&hotkey, netuid);
            if shares > pool {
                return Err("a position holds more shares than its pool".into());
            }
            let entry = sums.entry((hotkey, netuid)).or_default();
            *entry = entry.saturating_add(shares.to_bits());
        }
        for (hotkey, netuid, total) in TotalHotkeyShares::<T>::iter() {
            let sum = sums.remove(&(hotkey, netuid)).unwrap_or(0);
            if sum != total.to_bits() {
                return Err("the shares of a pool differ from the sum of its positions".into());
            }
        }
        if sums.values().any(|s| *s != 0) {
            return Err("positions hold shares of a pool without shares".into());
        }
        // value = shares · TotalHotkeyAlpha / TotalHotkeyShares, so no position is worth more
        // than its pool once no position holds more shares than the pool (checked above).
        Ok(())
    }

    /// Dynamic pools are empty or hold at least the minimum liquidity on both sides.
    pub fn check_pools() -> Result<(), TryRuntimeError> {
        for netuid in NetworksAdded::<T>::iter_keys().filter(|n| Self::is_dynamic(*n)) {
            let (tao, alpha) = (SubnetTAO::<T>::get(netuid), SubnetAlphaIn::<T>::get(netuid));
            let empty = tao == 0 && alpha == 0;
            if !empty && (tao < MIN_POOL_LIQUIDITY || alpha < MIN_POOL_LIQUIDITY) {
                return Err("a pool is below the minimum liquidity".into());
            }
        }
        Ok(())
    }

    /// What [`Self::check_block_conservation`] compares.
    pub fn snapshot() -> Snapshot {
        Snapshot {
            alpha_issuance: NetworksAdded::<T>::iter_keys()
                .map(|n| (n, u128::from(SubnetAlphaIn::<T>::get(n)) + u128::from(SubnetAlphaOut::<T>::get(n))))
                .collect(),
            total_issuance: TotalIssuance::<T>::get(),
            balances_issuance: Self::accounted_balances_issuance(),
        }
    }

    /// Conservation over one block's `on_initialize`, from the snapshot taken before it: each
    /// dynamic subnet's alpha issuance grew by exactly this block's `alpha_in + alpha_out`
    /// (0 if it does not emit); `TotalIssuance` grew by exactly the TAO injected plus the
    /// outside change of Balances' issuance taken in; the TAO injected is at most the block
    /// emission for the issuance the coinbase read (before the block, plus that change).
    pub fn check_block_conservation(before: &Snapshot) -> Result<(), TryRuntimeError> {
        let mut injected: u128 = 0;
        for netuid in NetworksAdded::<T>::iter_keys().filter(|n| *n != ROOT_NETUID) {
            let emitting = FirstEmissionBlockNumber::<T>::contains_key(netuid);
            let emitted = if emitting {
                injected += u128::from(SubnetTaoInEmission::<T>::get(netuid));
                u128::from(SubnetAlphaInEmission::<T>::get(netuid)) +
                    u128::from(SubnetAlphaOutEmission::<T>::get(netuid))
            } else {
                0
            };
            let now = u128::from(SubnetAlphaIn::<T>::get(netuid)) + u128::from(SubnetAlphaOut::<T>::get(netuid));
            let was = before.alpha_issuance.get(&netuid).copied().unwrap_or(0);
            if now != was + emitted {
                log::error!(target: "dtao", "netuid {netuid}: alpha issuance {was} → {now}, emitted {emitted}");
                return Err("a subnet's alpha issuance changed by other than its emission".into());
            }
        }
        let outside = i128::from(Self::accounted_balances_issuance()) - i128::from(before.balances_issuance);
        let grew = i128::from(TotalIssuance::<T>::get()) - i128::from(before.total_issuance);
        if grew != injected as i128 + outside {
            log::error!(target: "dtao", "TotalIssuance grew {grew}, injected {injected}, outside {outside}");
            return Err("TotalIssuance changed by other than the TAO injected".into());
        }
        // The coinbase reads `TotalIssuance` after `on_initialize` took in the outside change
        // (`follow_balances_issuance` runs first), so the bound is the emission for that.
        let read = u64::try_from((i128::from(before.total_issuance) + outside).max(0)).unwrap_or(u64::MAX);
        let emission = dtao_math::emission::block_emission_for_issuance(read).unwrap_or(0);
        if injected > u128::from(emission) {
            return Err("more TAO injected than the block emission".into());
        }
        Ok(())
    }

    /// All invariants.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        Self::check_total_stake()?;
        Self::check_issuance()?;
        Self::check_alpha()?;
        Self::check_share_pools()?;
        Self::check_pools()
    }
}
