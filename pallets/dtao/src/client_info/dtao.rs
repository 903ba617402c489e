//! What our own `DtaoApi` runtime API (and the matching view functions) return, for what the
//! reference's APIs lack: stake and unstake quotes with their fee and slippage, the
//! emission a block gave each subnet, and a subnet's pending accumulators. The quotes run
//! the extrinsics' own fee and pool code on the current state, so a quote and the call made
//! in the same state give the same numbers.
use crate::{
    Config, Event, NetUid, NetworksAdded, Pallet, PendingAlphaSwapped, PendingEmission,
    PendingOwnerCut, PendingRootDivs, SubnetAlphaIn, SubnetTAO, Tempo,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use substrate_fixed::types::U96F32;

/// What `add_stake(hotkey, netuid, tao)` would do now.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct StakeQuote {
    /// TAO taken from the coldkey (the amount asked for).
    pub tao: u64,
    /// Staking fee, kept in the pool.
    pub fee: u64,
    /// TAO swapped into the pool (`tao − fee`).
    pub tao_swapped: u64,
    /// Alpha credited to the stake.
    pub alpha: u64,
    /// Alpha the swapped TAO would buy at the spot price, with no price impact.
    pub alpha_at_spot: u64,
    /// `alpha_at_spot − alpha`: what the swap's price impact costs, in alpha.
    pub slippage: u64,
    /// Spot price before, raw U96F32 bits (TAO per alpha · 2^32).
    pub price_before_bits: u128,
    /// Spot price after the swap, raw U96F32 bits.
    pub price_after_bits: u128,
}

/// What `remove_stake(hotkey, netuid, alpha)` would do now.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct UnstakeQuote {
    /// Alpha sold.
    pub alpha: u64,
    /// TAO the sale fetches from the pool.
    pub tao_swapped: u64,
    /// Unstaking fee, kept in the pool.
    pub fee: u64,
    /// TAO paid to the coldkey (`tao_swapped − fee`).
    pub tao: u64,
    /// TAO the alpha would fetch at the spot price, with no price impact.
    pub tao_at_spot: u64,
    /// `tao_at_spot − tao_swapped`: what the swap's price impact costs, in TAO.
    pub slippage: u64,
    /// Spot price before, raw U96F32 bits.
    pub price_before_bits: u128,
    /// Spot price after the swap, raw U96F32 bits.
    pub price_after_bits: u128,
}

/// One block's emission into one subnet, the amounts of that block's `SubnetEmission` event.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct SubnetEmissionBreakdown {
    /// The subnet.
    pub netuid: NetUid,
    /// TAO injected into the pool.
    pub tao_in: u64,
    /// Alpha injected into the pool.
    pub alpha_in: u64,
    /// Alpha emitted outside the pool.
    pub alpha_out: u64,
    /// The owner's cut of `alpha_out`.
    pub owner_cut: u64,
    /// Alpha sold for root dividends.
    pub root_alpha: u64,
    /// TAO that sale returned.
    pub root_tao: u64,
    /// Alpha added to `PendingEmission`.
    pub pending_alpha: u64,
}

/// What a subnet has accumulated since its last epoch, to be paid at the next.
#[derive(Decode, Encode, PartialEq, Eq, Clone, Debug, TypeInfo)]
pub struct PendingEmissionInfo {
    /// The subnet.
    pub netuid: NetUid,
    /// `PendingEmission`: alpha for miners and validators.
    pub pending_alpha: u64,
    /// `PendingRootDivs`: TAO for root stakers.
    pub pending_root_tao: u64,
    /// `PendingAlphaSwapped`: alpha sold for that TAO.
    pub pending_alpha_swapped: u64,
    /// `PendingOwnerCut`: alpha for the owner.
    pub pending_owner_cut: u64,
    /// The subnet's tempo.
    pub tempo: u16,
    /// The next block whose `on_initialize` runs the subnet's epoch.
    pub next_epoch_block: u64,
}

/// `amount · price` (or `/ price`), floored to rao; 0 when the price is 0.
fn at_price(amount: u64, price: U96F32, divide: bool) -> u64 {
    let amount = U96F32::saturating_from_num(amount);
    let value = if divide {
        if price == U96F32::from_num(0u8) {
            return 0;
        }
        amount.checked_div(price).unwrap_or(U96F32::max_value())
    } else {
        amount.saturating_mul(price)
    };
    value.saturating_to_num::<u64>()
}

impl<T: Config> Pallet<T> {
    /// The quote of `add_stake` of `tao` on `netuid`; `None` for a missing subnet or a swap
    /// the pool refuses.
    pub fn quote_add_stake(netuid: NetUid, tao: u64) -> Option<StakeQuote> {
        if !NetworksAdded::<T>::get(netuid) {
            return None;
        }
        let fee = Self::staking_fee(None, Some(netuid), tao);
        let tao_swapped = tao.saturating_sub(fee);
        let fee = tao.saturating_sub(tao_swapped);
        let alpha = Self::sim_swap_tao_for_alpha(netuid, tao_swapped)?;
        let before = Self::get_alpha_price(netuid);
        let alpha_at_spot = at_price(tao_swapped, before, true);
        let after = Self::price_after(netuid, tao_swapped.saturating_add(fee), alpha, true);
        Some(StakeQuote {
            tao,
            fee,
            tao_swapped,
            alpha,
            alpha_at_spot,
            slippage: alpha_at_spot.saturating_sub(alpha),
            price_before_bits: before.to_bits(),
            price_after_bits: after.to_bits(),
        })
    }

    /// The quote of `remove_stake` of `alpha` from `hotkey` on `netuid` (the fee depends on
    /// the hotkey's last dividends); `None` for a missing subnet or a refused swap.
    pub fn quote_remove_stake(hotkey: &T::AccountId, netuid: NetUid, alpha: u64) -> Option<UnstakeQuote> {
        if !NetworksAdded::<T>::get(netuid) {
            return None;
        }
        let tao_swapped = Self::sim_swap_alpha_for_tao(netuid, alpha)?;
        let fee = Self::staking_fee(Some((hotkey, netuid)), None, alpha);
        let tao = tao_swapped.saturating_sub(fee);
        let fee = tao_swapped.saturating_sub(tao);
        let before = Self::get_alpha_price(netuid);
        let tao_at_spot = at_price(alpha, before, false);
        let after = Self::price_after(netuid, tao_swapped.saturating_sub(fee), alpha, false);
        Some(UnstakeQuote {
            alpha,
            tao_swapped,
            fee,
            tao,
            tao_at_spot,
            slippage: tao_at_spot.saturating_sub(tao_swapped),
            price_before_bits: before.to_bits(),
            price_after_bits: after.to_bits(),
        })
    }

    /// The spot price once `tao` more (or less) TAO and `alpha` less (or more) alpha sit in
    /// the pool.
    fn price_after(netuid: NetUid, tao: u64, alpha: u64, buy: bool) -> U96F32 {
        let (tao_in, alpha_in) = (SubnetTAO::<T>::get(netuid), SubnetAlphaIn::<T>::get(netuid));
        let (tao_in, alpha_in) = if buy {
            (tao_in.saturating_add(tao), alpha_in.saturating_sub(alpha))
        } else {
            (tao_in.saturating_sub(tao), alpha_in.saturating_add(alpha))
        };
        dtao_math::pool::alpha_price(Self::is_dynamic(netuid), tao_in, alpha_in)
    }

    /// The pending accumulators of `netuid`; `None` for a missing subnet.
    pub fn pending_emission_info(netuid: NetUid) -> Option<PendingEmissionInfo> {
        NetworksAdded::<T>::get(netuid).then(|| PendingEmissionInfo {
            netuid,
            pending_alpha: PendingEmission::<T>::get(netuid),
            pending_root_tao: PendingRootDivs::<T>::get(netuid),
            pending_alpha_swapped: PendingAlphaSwapped::<T>::get(netuid),
            pending_owner_cut: PendingOwnerCut::<T>::get(netuid),
            tempo: Tempo::<T>::get(netuid),
            next_epoch_block: Self::next_epoch_block_after(netuid, Self::current_block()),
        })
    }

    /// The first block after `block` whose `on_initialize` runs the epoch of `netuid`.
    fn next_epoch_block_after(netuid: NetUid, block: u64) -> u64 {
        let next = block.saturating_add(1);
        next.saturating_add(Self::blocks_until_next_epoch(netuid, next))
    }

    /// The per-subnet emission breakdown in `events` (a block's events, in order).
    pub fn emission_breakdown<'a>(events: impl IntoIterator<Item = &'a Event<T>>) -> Vec<SubnetEmissionBreakdown> {
        events
            .into_iter()
            .filter_map(|event| match event {
                Event::SubnetEmission {
                    netuid,
                    tao_in,
                    alpha_in,
                    alpha_out,
                    owner_cut,
                    root_alpha,
                    root_tao,
                    pending_alpha,
                } => Some(SubnetEmissionBreakdown {
                    netuid: *netuid,
                    tao_in: *tao_in,
                    alpha_in: *alpha_in,
                    alpha_out: *alpha_out,
                    owner_cut: *owner_cut,
                    root_alpha: *root_alpha,
                    root_tao: *root_tao,
                    pending_alpha: *pending_alpha,
                }),
                _ => None,
            })
            .collect()
    }
}
