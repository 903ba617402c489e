//! The per-block coinbase: TAO and alpha emission into every subnet, the owner cut, the root
//! share sold for TAO, the pending accumulators, the moving-price EMA, and the drain at each
//! subnet's tempo.
//!
//! Reference: `coinbase/block_step.rs` and `coinbase/run_coinbase.rs` at `6b86ebf30`, in its
//! order (each step is one pass over the subnets, as saturating sums depend on it):
//! 1. `E = block_emission(TotalIssuance)`; subnets = `NetworksAdded` but root; emitting =
//!    those with `FirstEmissionBlockNumber`.
//! 2. `ΣM` = Σ moving prices of the emitting subnets (1 for stable ones).
//! 3. `tao_in = E·M/ΣM`; `alpha_emission = block_emission(SubnetAlphaIn + SubnetAlphaOut)`;
//!    `alpha_in = min(tao_in/price, alpha_emission)`; `alpha_out = alpha_emission`; `tao_in = 0`
//!    when both registration flags are off.
//! 4. Inject: `SubnetAlphaIn += alpha_in`, `SubnetAlphaOut += alpha_out`, `SubnetTAO`,
//!    `TotalStake`, `TotalIssuance += tao_in`.
//! 5. Owner cut `alpha_out·SubnetOwnerCut/65535` into `PendingOwnerCut`.
//! 6. Root share `W/(W + alpha issuance)·alpha_out·½` with `W = SubnetTAO[0]·TaoWeight` sold to
//!    the pool into `PendingRootDivs` (alpha into `PendingAlphaSwapped`), the rest into
//!    `PendingEmission`.
//! 7. EMA update of every emitting subnet's `SubnetMovingPrice`.
//! 8. Every subnet whose tempo comes up drains its four accumulators into the epoch
//!    ([`crate::consensus`]), which distributes them.
//!
//! Before step 1, as the reference's `block_step` does, every network's registration burn and
//! difficulty are adjusted ([`crate::registration`]). Step 2's weight is the moving price under
//! the default `PriceEma` policy, or the root-weighted share under `RootWeights`
//! (`SubnetEmissionPolicy`).
use crate::{
    pallet::Event, BlockEmission, BlocksSinceLastStep, Config, EMAPriceHalvingBlocks,
    FirstEmissionBlockNumber, LastMechansimStepBlock, NetUid, NetworkPowRegistrationAllowed,
    NetworkRegistrationAllowed, NetworksAdded, Pallet, PendingAlphaSwapped, PendingEmission,
    PendingOwnerCut, PendingRootDivs, SubnetAlphaIn, SubnetAlphaInEmission, SubnetAlphaOut,
    SubnetAlphaOutEmission, SubnetMovingAlpha, SubnetMovingPrice, SubnetOwnerCut,
    SubnetTAO, SubnetTaoInEmission, TaoWeight, Tempo, TotalIssuance, TotalStake, ROOT_NETUID,
};
use crate::consensus::EmissionPolicy;
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::weights::{RuntimeDbWeight, Weight};
use dtao_math::{coinbase as math, emission, moving_price};
use substrate_fixed::types::U96F32;

/// Storage accesses of one block's coinbase against those its benchmark
/// (`WeightInfo::on_initialize`) counts, which measured a block where every network reads all
/// its registration terms, adjusts none, and rewrites every per-block value. `on_initialize`
/// returns the benchmarked weight corrected by these, at the runtime's database costs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AccessTally {
    /// Reads the benchmark counts that were not made (registration terms outside an
    /// adjustment block).
    pub reads_saved: u64,
    /// Writes the benchmark counts that were not made (a value already stored as it is).
    pub writes_saved: u64,
    /// Reads made beyond the benchmark's (the comparisons before a skipped write).
    pub reads_added: u64,
    /// Writes made beyond the benchmark's (an adjustment block's six).
    pub writes_added: u64,
}

impl AccessTally {
    /// `weight` corrected by the tally at `db`'s costs (never below zero).
    pub fn correct(&self, weight: Weight, db: RuntimeDbWeight) -> Weight {
        weight
            .saturating_add(db.reads_writes(self.reads_added, self.writes_added))
            .saturating_sub(db.reads_writes(self.reads_saved, self.writes_saved))
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: AccessTally) {
        self.reads_saved = self.reads_saved.saturating_add(other.reads_saved);
        self.writes_saved = self.writes_saved.saturating_add(other.writes_saved);
        self.reads_added = self.reads_added.saturating_add(other.reads_added);
        self.writes_added = self.writes_added.saturating_add(other.writes_added);
    }
}

/// What one block's coinbase did: for the weight, and the events `on_initialize` deposits.
pub struct BlockStepReport<T: Config> {
    /// Subnets visited (root excluded).
    pub subnets: u32,
    /// Each epoch that ran this block: its subnet's neurons and validator slots
    /// (`MaxAllowedValidators`, at most the neurons), what its weight is a function of.
    pub epochs: Vec<(u32, u32)>,
    /// Every subnet's emission and drain, and each epoch's distribution.
    pub events: Vec<Event<T>>,
    /// Storage accesses against the benchmark's.
    pub tally: AccessTally,
}

/// One emitting subnet's values for this block, carried from step 3 to step 6.
struct Injection {
    netuid: NetUid,
    tao_in: U96F32,
    alpha_in: U96F32,
    alpha_out: U96F32,
    alpha_emission: u64,
    owner_cut: u64,
}

fn floor(x: U96F32) -> u64 {
    x.saturating_to_num::<u64>()
}

impl<T: Config> Pallet<T> {
    /// The emission at `issuance`, as the reference's `get_block_emission_for_issuance`, which
    /// also stores every result it computes in `BlockEmission`: the TAO emission, but also each
    /// subnet's alpha emission during the coinbase and the TAO emission read by the lock cost.
    /// At or above the supply cap it returns 0 without storing; a math error stores nothing.
    pub fn block_emission_for_issuance(issuance: u64) -> Result<u64, dtao_math::MathError> {
        let Some(trace) = emission::block_emission_trace(issuance)? else { return Ok(0) };
        if BlockEmission::<T>::get() != trace.block_emission {
            BlockEmission::<T>::put(trace.block_emission);
        }
        Ok(trace.block_emission)
    }

    /// The TAO block emission for the current `TotalIssuance` (0 if it cannot be computed).
    pub fn get_block_emission() -> u64 {
        Self::block_emission_for_issuance(TotalIssuance::<T>::get()).unwrap_or(0)
    }

    /// The alpha the subnet emits this block, from its alpha issuance (stored in
    /// `BlockEmission`, as the reference does).
    pub fn get_alpha_block_emission(netuid: NetUid) -> u64 {
        let issuance =
            SubnetAlphaIn::<T>::get(netuid).saturating_add(SubnetAlphaOut::<T>::get(netuid));
        Self::block_emission_for_issuance(issuance).unwrap_or(0)
    }

    /// Blocks until `netuid`'s next epoch (0: this block), `u64::MAX` for tempo 0.
    pub fn blocks_until_next_epoch(netuid: NetUid, block: u64) -> u64 {
        math::blocks_until_next_epoch(netuid, Tempo::<T>::get(netuid), block)
    }

    /// The state transition of `on_initialize`: the coinbase of `block`, reported with the
    /// events describing every subnet's emission and drain, which `on_initialize` deposits.
    pub fn block_step(block: u64) -> BlockStepReport<T> {
        let mut tally = AccessTally::default();
        let networks: Vec<NetUid> = NetworksAdded::<T>::iter_keys().collect();
        for netuid in networks {
            Self::adjust_registration_terms(netuid, block, &mut tally);
        }
        let block_emission = U96F32::from_num(Self::get_block_emission());
        let mut report = Self::run_coinbase(block_emission, block);
        report.tally.add(tally);
        report
    }

    /// Writes `value` under `key` unless the key already holds exactly that value, which
    /// leaves the stored state as the write would (same key, same bytes); counts the read the
    /// comparison takes and the write it saves in `tally`.
    pub(crate) fn put_if_changed<M, V>(key: NetUid, value: V, tally: &mut AccessTally)
    where
        M: frame_support::storage::StorageMap<NetUid, V>,
        V: codec::FullCodec + PartialEq,
    {
        tally.reads_added = tally.reads_added.saturating_add(1);
        if M::try_get(key).as_ref() == Ok(&value) {
            tally.writes_saved = tally.writes_saved.saturating_add(1);
        } else {
            M::insert(key, value);
        }
    }

    /// Steps 1–8 of the reference's `run_coinbase`.
    pub fn run_coinbase(block_emission: U96F32, block: u64) -> BlockStepReport<T> {
        let mut tally = AccessTally::default();
        let mut events = Vec::new();
        let mut epochs = Vec::new();
        // Step 1.
        let subnets: Vec<NetUid> =
            NetworksAdded::<T>::iter_keys().filter(|n| *n != ROOT_NETUID).collect();
        let emitting: Vec<NetUid> = subnets
            .iter()
            .copied()
            .filter(|n| FirstEmissionBlockNumber::<T>::contains_key(n))
            .collect();

        // Step 2: each subnet's emission weight, the moving price (or, under the root-weights
        // policy, its root-weighted share), and their sum.
        let policy = crate::SubnetEmissionPolicy::<T>::get();
        let root_shares = match policy {
            EmissionPolicy::PriceEma => BTreeMap::new(),
            EmissionPolicy::RootWeights => Self::root_weight_shares(),
        };
        let emission_weight = |netuid: NetUid| match policy {
            EmissionPolicy::PriceEma => Self::get_moving_alpha_price(netuid),
            EmissionPolicy::RootWeights =>
                root_shares.get(&netuid).copied().unwrap_or_else(|| U96F32::from_num(0u8)),
        };
        let total_moving = emitting
            .iter()
            .fold(U96F32::from_num(0u8), |acc, n| acc.saturating_add(emission_weight(*n)));

        // Step 3.
        let mut injections: Vec<Injection> = emitting
            .iter()
            .map(|&netuid| {
                let price = Self::get_alpha_price(netuid);
                let tao_in = math::tao_in_share(block_emission, emission_weight(netuid), total_moving);
                let alpha_emission = U96F32::from_num(Self::get_alpha_block_emission(netuid));
                let alpha_in = math::alpha_injection(tao_in, price, alpha_emission);
                let registration_closed = !NetworkRegistrationAllowed::<T>::get(netuid) &&
                    !NetworkPowRegistrationAllowed::<T>::get(netuid);
                let tao_in = if registration_closed { U96F32::from_num(0u8) } else { tao_in };
                Injection {
                    netuid,
                    tao_in,
                    alpha_in,
                    alpha_out: alpha_emission,
                    alpha_emission: floor(alpha_emission),
                    owner_cut: 0,
                }
            })
            .collect();

        // Step 4.
        for i in &injections {
            let (tao, alpha_in, alpha_out) = (floor(i.tao_in), floor(i.alpha_in), floor(i.alpha_out));
            SubnetAlphaInEmission::<T>::insert(i.netuid, alpha_in);
            SubnetAlphaIn::<T>::mutate(i.netuid, |a| *a = a.saturating_add(alpha_in));
            // Unchanged from block to block between halvings of the subnet's emission.
            Self::put_if_changed::<SubnetAlphaOutEmission<T>, u64>(i.netuid, alpha_out, &mut tally);
            SubnetAlphaOut::<T>::mutate(i.netuid, |a| *a = a.saturating_add(alpha_out));
            SubnetTaoInEmission::<T>::insert(i.netuid, tao);
            SubnetTAO::<T>::mutate(i.netuid, |t| *t = t.saturating_add(tao));
            TotalStake::<T>::mutate(|t| *t = t.saturating_add(tao));
            TotalIssuance::<T>::mutate(|t| *t = t.saturating_add(tao));
        }

        // Step 5.
        let cut = SubnetOwnerCut::<T>::get();
        for i in injections.iter_mut() {
            let owner = math::owner_cut(i.alpha_out, cut);
            i.alpha_out = i.alpha_out.saturating_sub(owner);
            i.owner_cut = floor(owner);
            PendingOwnerCut::<T>::mutate(i.netuid, |p| *p = p.saturating_add(i.owner_cut));
        }

        // Step 6.
        let root_tao = SubnetTAO::<T>::get(ROOT_NETUID);
        let tao_weight = TaoWeight::<T>::get();
        for i in &injections {
            let alpha_issuance =
                SubnetAlphaIn::<T>::get(i.netuid).saturating_add(SubnetAlphaOut::<T>::get(i.netuid));
            let root_alpha = math::root_alpha(root_tao, tao_weight, alpha_issuance, i.alpha_out);
            let pending_alpha = i.alpha_out.saturating_sub(root_alpha);
            let root_alpha = floor(root_alpha);
            let out_before = SubnetAlphaOut::<T>::get(i.netuid);
            let root_tao_bought = Self::swap_alpha_for_tao(i.netuid, root_alpha);
            let sold = out_before.saturating_sub(SubnetAlphaOut::<T>::get(i.netuid));
            let pending_alpha = floor(pending_alpha);
            // What of this block's `alpha_out` nobody will hold: the floors of the split, and
            // root alpha the pool refused to buy (still counted as swapped, as the reference does).
            Self::note_alpha_dust(
                i.netuid,
                i.alpha_emission.saturating_sub(i.owner_cut).saturating_sub(sold).saturating_sub(pending_alpha),
            );
            PendingAlphaSwapped::<T>::mutate(i.netuid, |p| *p = p.saturating_add(root_alpha));
            PendingEmission::<T>::mutate(i.netuid, |p| *p = p.saturating_add(pending_alpha));
            PendingRootDivs::<T>::mutate(i.netuid, |p| *p = p.saturating_add(root_tao_bought));
            events.push(Event::SubnetEmission {
                netuid: i.netuid,
                tao_in: floor(i.tao_in),
                alpha_in: floor(i.alpha_in),
                alpha_out: i.alpha_emission,
                owner_cut: i.owner_cut,
                root_alpha,
                root_tao: root_tao_bought,
                pending_alpha,
            });
        }

        // Step 7.
        for &netuid in &emitting {
            Self::update_moving_price(netuid, block);
        }

        // Step 8.
        for &netuid in &subnets {
            if Self::blocks_until_next_epoch(netuid, block) == 0 {
                BlocksSinceLastStep::<T>::insert(netuid, 0);
                LastMechansimStepBlock::<T>::insert(netuid, block);
                let pending_alpha = PendingEmission::<T>::take(netuid);
                let pending_tao = PendingRootDivs::<T>::take(netuid);
                let pending_swapped = PendingAlphaSwapped::<T>::take(netuid);
                let owner_cut = PendingOwnerCut::<T>::take(netuid);
                events.push(Event::EmissionDrained {
                    netuid,
                    pending_alpha,
                    pending_tao,
                    pending_swapped,
                    owner_cut,
                });
                let neurons = crate::SubnetworkN::<T>::get(netuid);
                let validators = crate::MaxAllowedValidators::<T>::get(netuid).min(neurons);
                epochs.push((u32::from(neurons), u32::from(validators)));
                events.push(Self::distribute_emission(
                    netuid,
                    pending_alpha,
                    pending_tao,
                    pending_swapped,
                    owner_cut,
                    block,
                ));
            } else {
                BlocksSinceLastStep::<T>::mutate(netuid, |b| *b = b.saturating_add(1));
            }
        }
        BlockStepReport { subnets: u32::try_from(subnets.len()).unwrap_or(u32::MAX), epochs, events, tally }
    }

    /// Moves the subnet's moving price one block towards `min(price, 1)`.
    pub fn update_moving_price(netuid: NetUid, block: u64) {
        let next = moving_price::next_moving_price(
            Self::get_alpha_price(netuid),
            Self::get_moving_alpha_price(netuid),
            SubnetMovingAlpha::<T>::get(),
            block,
            FirstEmissionBlockNumber::<T>::get(netuid),
            EMAPriceHalvingBlocks::<T>::get(netuid),
        );
        SubnetMovingPrice::<T>::insert(netuid, next);
    }

    /// Under the `RootWeights` policy: each subnet's share, `Σ_i stake_i · w_ij / Σ_j w_ij`
    /// over root validators `i` (root stake, root weights in `Weights[0]`).
    pub fn root_weight_shares() -> BTreeMap<NetUid, U96F32> {
        let mut shares: BTreeMap<NetUid, U96F32> = BTreeMap::new();
        for (uid, hotkey) in crate::Keys::<T>::iter_prefix(ROOT_NETUID) {
            let stake = U96F32::from_num(crate::TotalHotkeyAlpha::<T>::get(&hotkey, ROOT_NETUID));
            let row = crate::Weights::<T>::get(ROOT_NETUID, uid);
            let row_sum = row.iter().fold(U96F32::from_num(0u8), |a, (_, w)| a.saturating_add(U96F32::from_num(*w)));
            for (netuid, w) in row {
                let part = stake
                    .saturating_mul(U96F32::from_num(w))
                    .checked_div(row_sum)
                    .unwrap_or_else(|| U96F32::from_num(0u8));
                let entry = shares.entry(netuid).or_insert_with(|| U96F32::from_num(0u8));
                *entry = entry.saturating_add(part);
            }
        }
        shares
    }
}
