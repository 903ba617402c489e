//! Block 0: the scenario's genesis and set-up on the real runtime (see [`crate::world`] for
//! what is genesis and what goes through the dispatchables).
use crate::rng::Rng;
use crate::state::Chain;
use crate::scenario::{Policy, Scenario, WeightPattern, RAO};
use crate::world::{account, root_set, signed};
use dtao_runtime::Runtime;
use pallet_dtao::{admin::{Parameter, SubnetU16}, consensus::EmissionPolicy, testing::ExtBuilder, GenesisSubnet};
use sp_core::crypto::AccountId32;
use std::collections::BTreeMap;
use substrate_fixed::types::I96F32;

/// A validator that sets weights after each of its subnet's epochs.
#[derive(Clone, Debug)]
pub struct Voter {
    /// Subnet.
    pub netuid: u16,
    /// Its hotkey.
    pub hotkey: AccountId32,
    /// Target hotkeys and relative weights.
    pub targets: Vec<(AccountId32, f64)>,
}

/// What the run needs besides the state.
pub struct World {
    /// The chain.
    pub ext: Chain,
    /// Names of the scenario's accounts, by id.
    pub names: BTreeMap<AccountId32, String>,
    /// Validators that vote.
    pub voters: Vec<Voter>,
    /// The seeded generator, after the set-up's draws.
    pub rng: Rng,
}

/// A population on one subnet: netuid, validator names, miner names, validator stake, weights.
type PopulationOn = (u16, Vec<String>, Vec<String>, u64, WeightPattern);
/// A root staker: coldkey, hotkey, stake, root weights, name.
type RootSetUp = (AccountId32, AccountId32, u64, Vec<(u16, f64)>, String);

/// The raw value of a fraction of `u64::MAX` (`TaoWeight`).
pub fn u64_fraction(f: f64) -> u64 {
    (f * u64::MAX as f64) as u64
}

/// The raw value of a fraction of `u16::MAX` (`SubnetOwnerCut`).
pub fn u16_fraction(f: f64) -> u16 {
    (f * f64::from(u16::MAX)).round() as u16
}

/// `SubnetMovingAlpha` bits, as the chain's float literal converts (`0.000003` → 12,885).
pub fn moving_alpha_bits(f: f64) -> i128 {
    I96F32::saturating_from_num(f).to_bits()
}

/// The pallet's policy value.
pub fn policy(p: Policy) -> EmissionPolicy {
    match p {
        Policy::PriceEma => EmissionPolicy::PriceEma,
        Policy::RootWeights => EmissionPolicy::RootWeights,
    }
}

/// Relative weights scaled to u16 (largest = 65,535); the pallet upscales again the same way.
pub fn scale_weights(values: &[f64]) -> Vec<u16> {
    let max = values.iter().cloned().fold(0.0, f64::max);
    values.iter().map(|v| if max > 0.0 { (v / max * 65_535.0).round() as u16 } else { 0 }).collect()
}

fn owner_names(netuid: u16, owner: &Option<String>, hotkey: &Option<String>) -> (String, String) {
    (
        owner.clone().unwrap_or_else(|| format!("sn{netuid}-owner")),
        hotkey.clone().unwrap_or_else(|| format!("sn{netuid}-owner-hk")),
    )
}

/// Builds block 0, its state flat or (`trie`) in a trie backend.
pub fn build(s: &Scenario, trie: bool) -> Result<World, String> {
    let mut rng = Rng::new(s.seed);
    let mut names: BTreeMap<AccountId32, String> = BTreeMap::new();
    let mut id = |name: &str| {
        let a = account(name);
        names.entry(a.clone()).or_insert_with(|| name.to_string());
        a
    };
    // Balances: the listed accounts, plus the default coldkeys funded for their stake.
    let mut balances: BTreeMap<String, u64> = BTreeMap::new();
    for a in &s.accounts {
        balances.insert(a.get_ref().name.clone(), a.get_ref().balance.0);
    }
    let mut fund = |name: String, amount: u64| {
        let b = balances.entry(name).or_insert(0);
        *b = b.saturating_add(amount);
    };
    for n in &s.neurons {
        let n = n.get_ref();
        if n.coldkey.is_none() {
            fund(format!("{}-cold", n.hotkey), n.stake.0.saturating_add(RAO));
        }
    }
    for r in &s.root_stakers {
        let r = r.get_ref();
        if r.coldkey.is_none() {
            fund(format!("{}-cold", r.hotkey), r.stake.0.saturating_add(RAO));
        }
    }
    let genesis_netuids: Vec<u16> = s.subnets.iter().map(|sn| sn.get_ref().netuid).collect();
    let mut populations: Vec<PopulationOn> = Vec::new();
    for p in &s.populations {
        let p = p.get_ref();
        let nets = if p.netuids.is_empty() { genesis_netuids.clone() } else { p.netuids.clone() };
        for netuid in nets {
            let validators: Vec<String> = (0..p.validators).map(|i| format!("sn{netuid}-v{i}")).collect();
            let miners: Vec<String> = (0..p.miners).map(|i| format!("sn{netuid}-m{i}")).collect();
            for v in &validators {
                fund(format!("{v}-cold"), p.validator_stake.0.saturating_add(RAO));
            }
            populations.push((netuid, validators, miners, p.validator_stake.0, p.weights));
        }
    }
    for a in &s.actors {
        let a = a.get_ref();
        if let Some(f) = a.fund {
            fund(a.account.clone().unwrap_or_else(|| a.name.clone()), f.0);
        }
    }

    let chain = &s.chain;
    let mut builder = ExtBuilder::<Runtime>::default()
        .network_params(
            chain.network_min_lock_cost.map(|a| a.0).unwrap_or(1_000 * RAO),
            chain.start_call_delay.unwrap_or(0),
            chain.network_rate_limit.unwrap_or(0),
        )
        .root_tempo(chain.root_tempo.unwrap_or(100));
    for (name, amount) in &balances {
        if *amount > 0 {
            builder = builder.balance(id(name), *amount);
        }
    }
    for sn in &s.subnets {
        let sn = sn.get_ref();
        let (owner, hotkey) = owner_names(sn.netuid, &sn.owner, &sn.owner_hotkey);
        builder = builder.subnet_with(GenesisSubnet {
            netuid: sn.netuid,
            owner_coldkey: id(&owner),
            owner_hotkey: id(&hotkey),
            pool: sn.tao.0,
            tempo: sn.tempo.unwrap_or(360),
            emitting: sn.emitting.unwrap_or(true),
        });
    }
    // Room for every genesis neuron (the subnet owner is uid 0).
    let mut count: BTreeMap<u16, u32> = BTreeMap::new();
    for n in &s.neurons {
        *count.entry(n.get_ref().netuid).or_insert(1) += 1;
    }
    for (netuid, v, m, _, _) in &populations {
        *count.entry(*netuid).or_insert(1) += (v.len() + m.len()) as u32;
    }
    for (netuid, n) in &count {
        if *n > 256 {
            let value = u16::try_from(*n).map_err(|_| format!("subnet {netuid}: {n} neurons"))?;
            builder = builder.parameter(Parameter::SubnetU16 { netuid: *netuid, item: SubnetU16::MaxAllowedUids, value });
        }
    }
    let mut neuron_coldkeys: Vec<(AccountId32, AccountId32, u16, u64, String)> = Vec::new();
    for n in &s.neurons {
        let n = n.get_ref();
        let cold = n.coldkey.clone().unwrap_or_else(|| format!("{}-cold", n.hotkey));
        let (c, h) = (id(&cold), id(&n.hotkey));
        builder = builder.neuron(n.netuid, c.clone(), h.clone());
        neuron_coldkeys.push((c, h, n.netuid, n.stake.0, format!("neuron `{}`", n.hotkey)));
    }
    for (netuid, validators, miners, stake, _) in &populations {
        for v in validators {
            let (c, h) = (id(&format!("{v}-cold")), id(v));
            builder = builder.neuron(*netuid, c.clone(), h.clone());
            neuron_coldkeys.push((c, h, *netuid, *stake, format!("population validator `{v}`")));
        }
        for m in miners {
            builder = builder.neuron(*netuid, id(&format!("{m}-cold")), id(m));
        }
    }
    let roots: Vec<RootSetUp> = s
        .root_stakers
        .iter()
        .map(|r| {
            let r = r.get_ref();
            let cold = r.coldkey.clone().unwrap_or_else(|| format!("{}-cold", r.hotkey));
            let weights = r.weights.iter().filter_map(|(k, w)| k.parse().ok().map(|n| (n, *w))).collect();
            (id(&cold), id(&r.hotkey), r.stake.0, weights, r.hotkey.clone())
        })
        .collect();
    for a in &s.actors {
        let a = a.get_ref();
        id(&a.account.clone().unwrap_or_else(|| a.name.clone()));
    }

    // Voters: explicit neurons with weights, and every population validator.
    let mut voters = Vec::new();
    for n in &s.neurons {
        let n = n.get_ref();
        if !n.weights.is_empty() {
            let targets = n.weights.iter().map(|(t, w)| (account(t), *w)).collect();
            voters.push(Voter { netuid: n.netuid, hotkey: account(&n.hotkey), targets });
        }
    }
    for (netuid, validators, miners, _, pattern) in &populations {
        for v in validators {
            let targets = miners
                .iter()
                .map(|m| {
                    let w = match pattern {
                        WeightPattern::Uniform => 1.0,
                        WeightPattern::Random => rng.unit(),
                    };
                    (account(m), w)
                })
                .collect();
            voters.push(Voter { netuid: *netuid, hotkey: account(v), targets });
        }
    }

    let (storage, genesis_set_up) = builder.into_parts();
    let mut ext = Chain::new(storage, trie);
    let set_up = ext.execute_with(|| -> Result<(), String> {
        genesis_set_up.run();
        frame_system::Pallet::<Runtime>::set_block_number(0);
        for sn in &s.subnets {
            let sn = sn.get_ref();
            if let Some(a) = sn.alpha_in {
                pallet_dtao::SubnetAlphaIn::<Runtime>::insert(sn.netuid, a.0);
            }
            if let Some(m) = sn.moving_price {
                pallet_dtao::SubnetMovingPrice::<Runtime>::insert(sn.netuid, I96F32::saturating_from_num(m));
            }
        }
        let param = |p: Parameter| root_set(p.clone()).map_err(|e| format!("set-up: sudo_set_parameter({p:?}) failed: {e}"));
        if let Some(f) = chain.tao_weight {
            param(Parameter::TaoWeight(u64_fraction(f)))?;
        }
        if let Some(f) = chain.subnet_moving_alpha {
            param(Parameter::SubnetMovingAlphaBits(moving_alpha_bits(f)))?;
        }
        if let Some(f) = chain.subnet_owner_cut {
            param(Parameter::SubnetOwnerCut(u16_fraction(f)))?;
        }
        if let Some(blocks) = chain.ema_price_halving_blocks {
            for netuid in &genesis_netuids {
                param(Parameter::EmaPriceHalvingBlocks { netuid: *netuid, blocks })?;
            }
        }
        if let Some(p) = chain.emission_policy {
            param(Parameter::EmissionPolicy(policy(p)))?;
        }
        if !roots.is_empty() {
            // Every root staker registers in this one block.
            for item in [SubnetU16::MaxRegistrationsPerBlock, SubnetU16::TargetRegistrationsPerInterval] {
                param(Parameter::SubnetU16 { netuid: 0, item, value: u16::MAX })?;
            }
        }
        for (cold, hot, stake, _, name) in &roots {
            signed(cold, pallet_dtao::Call::root_register { hotkey: hot.clone() })
                .map_err(|e| format!("set-up: root staker `{name}`: root_register failed: {e}"))?;
            if *stake > 0 {
                signed(cold, pallet_dtao::Call::add_stake { hotkey: hot.clone(), netuid: 0, amount_staked: *stake })
                    .map_err(|e| format!("set-up: root staker `{name}`: add_stake of {stake} rao on root failed: {e}"))?;
            }
        }
        for (cold, hot, netuid, stake, what) in &neuron_coldkeys {
            if *stake > 0 {
                signed(cold, pallet_dtao::Call::add_stake { hotkey: hot.clone(), netuid: *netuid, amount_staked: *stake })
                    .map_err(|e| format!("set-up: {what}: add_stake of {stake} rao on subnet {netuid} failed: {e}"))?;
            }
        }
        for (_, hot, _, weights, name) in &roots {
            if weights.is_empty() {
                continue;
            }
            let netuids: Vec<u16> = weights.iter().map(|(n, _)| *n).collect();
            let values = scale_weights(&weights.iter().map(|(_, w)| *w).collect::<Vec<_>>());
            signed(hot, pallet_dtao::Call::set_root_weights { netuids, weights: values, version_key: 0 })
                .map_err(|e| format!("set-up: root staker `{name}`: set_root_weights failed: {e}"))?;
        }
        pallet_dtao::Pallet::<Runtime>::do_try_state().map_err(|e| format!("set-up: invariant violated: {e:?}"))?;
        frame_system::Pallet::<Runtime>::reset_events();
        Ok(())
    });
    set_up?;
    Ok(World { ext, names, voters, rng })
}
