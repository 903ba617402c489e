//! The actors' behaviours: each scheduled block, the calls an actor makes, dispatched through
//! the real dispatchables ([`crate::world`]). A refused call is logged (`actions.csv`) and the
//! run goes on, as on chain.
use crate::rng::Rng;
use crate::scenario::{Actor, ActorKind, AlphaAmount, Scenario};
use crate::setup::{moving_alpha_bits, policy, u16_fraction, u64_fraction};
use crate::world::{account, root_set, signed};
use dtao_runtime::Runtime;
use pallet_dtao::{admin::Parameter, Call};
use sp_core::crypto::AccountId32;
use std::collections::BTreeMap;

type Dtao = pallet_dtao::Pallet<Runtime>;

/// One call an actor made.
#[derive(Clone, Debug)]
pub struct Action {
    /// Block.
    pub block: u64,
    /// Actor name.
    pub actor: String,
    /// Call name.
    pub call: &'static str,
    /// Subnet it touched (origin subnet for moves).
    pub netuid: u16,
    /// Amount sent: TAO (rao) for stakes and registrations, alpha (rao) for unstakes and moves.
    pub amount: u64,
    /// What came back: alpha bought, TAO received, netuid registered (0 if refused).
    pub result: u64,
    /// `ok` or the error's name.
    pub outcome: String,
}

/// An actor and what it remembers between blocks.
pub struct Runner {
    spec: Actor,
    account: AccountId32,
    last: u64,
}

fn balance(who: &AccountId32) -> u64 {
    pallet_dtao::testing::balance_of::<Runtime>(who)
}

fn alpha(hotkey: &AccountId32, coldkey: &AccountId32, netuid: u16) -> u64 {
    pallet_dtao::testing::alpha_of::<Runtime>(hotkey, coldkey, netuid)
}

fn outcome(r: Result<(), String>) -> String {
    r.err().unwrap_or_else(|| "ok".into())
}

impl Runner {
    /// The runners of a scenario, in file order.
    pub fn all(s: &Scenario) -> Vec<Runner> {
        s.actors
            .iter()
            .map(|a| {
                let spec = a.get_ref().clone();
                let account = account(spec.account.as_deref().unwrap_or(&spec.name));
                let last = spec.until.unwrap_or(s.blocks);
                Runner { spec, account, last }
            })
            .collect()
    }

    fn scheduled(&self, block: u64) -> bool {
        let a = &self.spec;
        if block < a.at || block > self.last {
            return false;
        }
        match a.every {
            None => block == a.at,
            Some(e) => (block - a.at).is_multiple_of(e),
        }
    }

    fn record(&self, block: u64, call: &'static str, netuid: u16, amount: u64, result: u64, r: Result<(), String>) -> Action {
        Action { block, actor: self.spec.name.clone(), call, netuid, amount, result, outcome: outcome(r) }
    }

    fn stake(&self, block: u64, hotkey: &AccountId32, netuid: u16, amount: u64) -> Action {
        let before = alpha(hotkey, &self.account, netuid);
        let r = signed(&self.account, Call::add_stake { hotkey: hotkey.clone(), netuid, amount_staked: amount });
        let got = alpha(hotkey, &self.account, netuid).saturating_sub(before);
        self.record(block, "add_stake", netuid, amount, got, r)
    }

    fn unstake(&self, block: u64, hotkey: &AccountId32, netuid: u16, amount: AlphaAmount) -> Action {
        let held = alpha(hotkey, &self.account, netuid);
        let amount = match amount {
            AlphaAmount::All => held,
            AlphaAmount::Rao(a) => a,
        };
        let before = balance(&self.account);
        let r = signed(&self.account, Call::remove_stake { hotkey: hotkey.clone(), netuid, amount_unstaked: amount });
        let got = balance(&self.account).saturating_sub(before);
        self.record(block, "remove_stake", netuid, amount, got, r)
    }

    /// The calls of `block`, appended to `log`. `names` learns the hotkeys of new subnets.
    pub fn act(&mut self, block: u64, rng: &mut Rng, names: &mut BTreeMap<AccountId32, String>, roots: &[(AccountId32, AccountId32, String)], log: &mut Vec<Action>) {
        let a = self.spec.clone();
        let hotkey = a.hotkey.as_deref().map(account);
        let netuid = a.netuid.unwrap_or(0);
        match a.kind {
            ActorKind::Stake if self.scheduled(block) => {
                if let (Some(h), Some(amount)) = (hotkey, a.amount) {
                    log.push(self.stake(block, &h, netuid, amount.0));
                }
            },
            ActorKind::Unstake if self.scheduled(block) => {
                if let (Some(h), Some(amount)) = (hotkey, a.alpha) {
                    log.push(self.unstake(block, &h, netuid, amount));
                }
            },
            ActorKind::Move if self.scheduled(block) => {
                let (Some(h), Some(amount), Some(to)) = (hotkey, a.alpha, a.to_netuid) else { return };
                let to_hotkey = a.to_hotkey.as_deref().map(account).unwrap_or_else(|| h.clone());
                let held = alpha(&h, &self.account, netuid);
                let amount = match amount {
                    AlphaAmount::All => held,
                    AlphaAmount::Rao(x) => x,
                };
                let before = alpha(&to_hotkey, &self.account, to);
                let r = signed(&self.account, Call::move_stake {
                    origin_hotkey: h,
                    destination_hotkey: to_hotkey.clone(),
                    origin_netuid: netuid,
                    destination_netuid: to,
                    alpha_amount: amount,
                });
                let got = alpha(&to_hotkey, &self.account, to).saturating_sub(before);
                log.push(self.record(block, "move_stake", netuid, amount, got, r));
            },
            ActorKind::PumpAndHold => {
                let (Some(h), Some(amount)) = (hotkey, a.amount) else { return };
                let spread = a.spread.unwrap_or(1);
                let last_buy = a.at + spread - 1;
                if (a.at..=last_buy).contains(&block) {
                    let each = amount.0 / spread;
                    let part = if block == last_buy { amount.0 - each * (spread - 1) } else { each };
                    log.push(self.stake(block, &h, netuid, part));
                }
                if a.hold.is_some_and(|hold| block == last_buy + hold) {
                    log.push(self.unstake(block, &h, netuid, AlphaAmount::All));
                }
            },
            ActorKind::RootExodus if self.scheduled(block) => {
                let fraction = a.fraction.unwrap_or(1.0);
                for (cold, hot, name) in roots {
                    if a.accounts.as_ref().is_some_and(|list| !list.contains(name)) {
                        continue;
                    }
                    let held = alpha(hot, cold, 0);
                    let amount = ((held as f64) * fraction) as u64;
                    let who = Runner { spec: Actor { name: format!("{}:{name}", a.name), ..a.clone() }, account: cold.clone(), last: self.last };
                    match a.to_netuid {
                        Some(to) => {
                            let before = alpha(hot, cold, to);
                            let r = signed(cold, Call::move_stake {
                                origin_hotkey: hot.clone(),
                                destination_hotkey: hot.clone(),
                                origin_netuid: 0,
                                destination_netuid: to,
                                alpha_amount: amount,
                            });
                            let got = alpha(hot, cold, to).saturating_sub(before);
                            log.push(who.record(block, "move_stake", 0, amount, got, r));
                        },
                        None => log.push(who.unstake(block, hot, 0, AlphaAmount::Rao(amount))),
                    }
                }
            },
            ActorKind::RegisterSubnets if self.scheduled(block) => {
                for k in 0..a.count.unwrap_or(1) {
                    let hk_name = format!("{}-b{block}-{k}", a.name);
                    let hk = account(&hk_name);
                    names.insert(hk.clone(), hk_name);
                    let before: Vec<u16> = pallet_dtao::NetworksAdded::<Runtime>::iter_keys().collect();
                    let lock = Dtao::get_network_lock_cost();
                    let r = signed(&self.account, Call::register_network { hotkey: hk });
                    let new = pallet_dtao::NetworksAdded::<Runtime>::iter_keys().find(|n| !before.contains(n)).unwrap_or(0);
                    log.push(self.record(block, "register_network", new, lock, u64::from(new), r));
                    if new != 0 {
                        let r = signed(&self.account, Call::start_call { netuid: new });
                        log.push(self.record(block, "start_call", new, 0, 0, r));
                    }
                }
            },
            ActorKind::SetParameter if self.scheduled(block) => {
                let v = a.value.unwrap_or(0.0);
                let p = match a.parameter.as_deref() {
                    Some("tao_weight") => Parameter::TaoWeight(u64_fraction(v)),
                    Some("subnet_moving_alpha") => Parameter::SubnetMovingAlphaBits(moving_alpha_bits(v)),
                    Some("subnet_owner_cut") => Parameter::SubnetOwnerCut(u16_fraction(v)),
                    Some("tempo") => Parameter::Tempo { netuid, tempo: v as u16 },
                    Some("ema_price_halving_blocks") => Parameter::EmaPriceHalvingBlocks { netuid, blocks: v as u64 },
                    _ => return,
                };
                let r = root_set(p);
                log.push(self.record(block, "sudo_set_parameter", netuid, 0, 0, r));
            },
            ActorKind::SetEmissionPolicy if self.scheduled(block) => {
                if let Some(p) = a.policy {
                    let r = root_set(Parameter::EmissionPolicy(policy(p)));
                    log.push(self.record(block, "sudo_set_parameter", 0, 0, 0, r));
                }
            },
            ActorKind::RandomTrader if self.scheduled(block) => {
                let list = a.netuids.clone().unwrap_or_default();
                if rng.unit() >= a.probability.unwrap_or(1.0) || list.is_empty() {
                    return;
                }
                let n = list[rng.index(list.len())];
                let Some(owner_hotkey) = pallet_dtao::SubnetOwnerHotkey::<Runtime>::get(n) else { return };
                let held = alpha(&owner_hotkey, &self.account, n);
                let sell = held > 0 && rng.unit() < 0.5;
                if sell {
                    let amount = ((held as f64) * a.fraction.unwrap_or(0.5)) as u64;
                    log.push(self.unstake(block, &owner_hotkey, n, AlphaAmount::Rao(amount)));
                } else {
                    let amount = rng.between(a.min.map(|m| m.0).unwrap_or(0), a.max.map(|m| m.0).unwrap_or(0));
                    log.push(self.stake(block, &owner_hotkey, n, amount));
                }
            },
            _ => {},
        }
    }
}

/// Validators of the subnets in `due` (whose epoch ran in the previous block) set their
/// weights, if they hold a validator permit; refusals are logged.
///
/// The subnet's uids (`Keys`) and permits are read once per subnet, before its first vote:
/// a `set_weights` changes neither, and a vote is in the same block as the others.
pub fn vote(block: u64, due: &[u16], voters: &[crate::setup::Voter], log: &mut Vec<Action>) {
    if due.is_empty() {
        return;
    }
    let mut subnets: BTreeMap<u16, (BTreeMap<AccountId32, u16>, Vec<bool>)> = BTreeMap::new();
    for v in voters.iter().filter(|v| due.contains(&v.netuid)) {
        let (uids, permits) = subnets.entry(v.netuid).or_insert_with(|| {
            let uids = pallet_dtao::Keys::<Runtime>::iter_prefix(v.netuid).map(|(uid, hotkey)| (hotkey, uid)).collect();
            (uids, pallet_dtao::ValidatorPermit::<Runtime>::get(v.netuid))
        });
        let Some(&uid) = uids.get(&v.hotkey) else { continue };
        if !permits.get(usize::from(uid)).copied().unwrap_or(false) {
            continue;
        }
        let targets: Vec<(u16, f64)> = v.targets.iter().filter_map(|(h, w)| uids.get(h).map(|u| (*u, *w))).collect();
        let dests: Vec<u16> = targets.iter().map(|t| t.0).collect();
        let weights = crate::setup::scale_weights(&targets.iter().map(|t| t.1).collect::<Vec<_>>());
        let n = dests.len() as u64;
        let r = signed(&v.hotkey, Call::set_weights { netuid: v.netuid, dests, weights, version_key: 0 });
        if r.is_err() {
            // Successful votes are routine; only refusals are logged.
            log.push(Action { block, actor: format!("voter:{}", uid), call: "set_weights", netuid: v.netuid, amount: n, result: 0, outcome: outcome(r) });
        }
    }
}
