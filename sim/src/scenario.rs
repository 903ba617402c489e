//! The scenario file: its TOML schema, amount parsing, and the checks that turn a malformed or
//! inconsistent file into an [`Error`] naming the line and the field at fault.
//!
//! Amounts of TAO (and of alpha) are written in whole units, either as a TOML integer
//! (`amount = 1000`) or as a decimal string with at most 9 decimals (`amount = "0.5"`); they
//! are held in rao (10⁻⁹). Negative amounts, TOML floats (imprecise) and amounts above the
//! 21 million TAO supply are refused. Fractions (`tao_weight`, `probability`, …) are TOML
//! numbers between 0 and 1.
use serde::{de, Deserialize, Deserializer};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use toml::Spanned;

/// Rao per TAO.
pub const RAO: u64 = 1_000_000_000;
/// The largest amount a scenario may name: the 21 million TAO supply cap.
pub const MAX_AMOUNT: u64 = 21_000_000 * RAO;

/// What is wrong with a scenario file, with the line where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// The field path and the fault.
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for Error {}

/// An amount in rao, read from whole units (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Amount(pub u64);

/// Parses a decimal amount of whole units into rao.
pub fn parse_amount(text: &str) -> Result<u64, String> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err(format!("amount {t:?} is negative"));
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(frac.is_empty() || digits(frac)) {
        return Err(format!("amount {t:?} is not a decimal number"));
    }
    if frac.len() > 9 {
        return Err(format!("amount {t:?} has more than 9 decimals (1 rao = 0.000000001)"));
    }
    let too_large = || format!("amount {t:?} is above the 21,000,000 TAO supply");
    let whole: u64 = whole.parse().map_err(|_| too_large())?;
    let frac_rao: u64 = if frac.is_empty() { 0 } else { format!("{frac:0<9}").parse().map_err(|_| too_large())? };
    let rao = whole.checked_mul(RAO).and_then(|w| w.checked_add(frac_rao)).ok_or_else(too_large)?;
    if rao > MAX_AMOUNT {
        return Err(too_large());
    }
    Ok(rao)
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount: an integer or a decimal string (\"12.5\")")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                parse_amount(&v.to_string()).map(Amount).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                parse_amount(&v.to_string()).map(Amount).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                Err(E::custom(format!(
                    "amount {v} is a TOML float; write it as an integer or a decimal string (\"{v}\")"
                )))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                parse_amount(v).map(Amount).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// An alpha amount, or everything held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlphaAmount {
    /// All of the position.
    All,
    /// This many alpha rao.
    Rao(u64),
}

impl<'de> Deserialize<'de> for AlphaAmount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = AlphaAmount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"all\" or an amount")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AlphaAmount, E> {
                parse_amount(&v.to_string()).map(AlphaAmount::Rao).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AlphaAmount, E> {
                parse_amount(&v.to_string()).map(AlphaAmount::Rao).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AlphaAmount, E> {
                Err(E::custom(format!("amount {v} is a TOML float; write \"{v}\"")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AlphaAmount, E> {
                if v == "all" {
                    Ok(AlphaAmount::All)
                } else {
                    parse_amount(v).map(AlphaAmount::Rao).map_err(E::custom)
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// How TAO emission is split between subnets (`SubnetEmissionPolicy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// The reference: by moving price.
    PriceEma,
    /// By stake-weighted root weights.
    RootWeights,
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short name, used in titles.
    pub name: String,
    /// What it shows.
    #[serde(default)]
    pub description: String,
    /// Blocks to simulate (numbered 1..=blocks; block 0 is the set-up).
    pub blocks: u64,
    /// Seed of every random choice.
    #[serde(default)]
    pub seed: u64,
    /// Write one block row every this many blocks (default 1).
    #[serde(default)]
    pub sample_every: Option<u64>,
    /// Chain-wide parameters at block 0.
    #[serde(default)]
    pub chain: Chain,
    /// Funded accounts.
    #[serde(default)]
    pub accounts: Vec<Spanned<Account>>,
    /// Subnets at genesis.
    #[serde(default)]
    pub subnets: Vec<Spanned<Subnet>>,
    /// Neurons placed at genesis, with their stake and weights.
    #[serde(default)]
    pub neurons: Vec<Spanned<Neuron>>,
    /// Generated neurons: validators and miners on many subnets.
    #[serde(default)]
    pub populations: Vec<Spanned<Population>>,
    /// Root validators: registered on root at block 0, with stake and root weights.
    #[serde(default)]
    pub root_stakers: Vec<Spanned<RootStaker>>,
    /// Scheduled behaviours.
    #[serde(default)]
    pub actors: Vec<Spanned<Actor>>,
    /// Which curves to draw.
    #[serde(default)]
    pub plots: Vec<Spanned<Plot>>,
}

/// Chain-wide parameters, each set at block 0 through `sudo_set_parameter` or genesis.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chain {
    /// `TaoWeight` as a fraction (default 0.18).
    pub tao_weight: Option<f64>,
    /// `SubnetMovingAlpha` (default 0.000003).
    pub subnet_moving_alpha: Option<f64>,
    /// `SubnetOwnerCut` as a fraction (default 0.18).
    pub subnet_owner_cut: Option<f64>,
    /// `EMAPriceHalvingBlocks` of every genesis subnet (default 201,600).
    pub ema_price_halving_blocks: Option<u64>,
    /// `SubnetEmissionPolicy` (default `price_ema`).
    pub emission_policy: Option<Policy>,
    /// Root tempo (default 100).
    pub root_tempo: Option<u16>,
    /// `NetworkMinLockCost` (default 1,000 TAO): also the pool of a newly registered subnet.
    pub network_min_lock_cost: Option<Amount>,
    /// `DurationOfStartCall` (default 0 here: new subnets may start emitting at once).
    pub start_call_delay: Option<u64>,
    /// `NetworkRateLimit` (default 0 here).
    pub network_rate_limit: Option<u64>,
}

/// A funded account.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Name; the account id is derived from it.
    pub name: String,
    /// Free balance at genesis.
    pub balance: Amount,
}

/// A genesis subnet.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subnet {
    /// Netuid (1..).
    pub netuid: u16,
    /// Owner coldkey name (default `sn<netuid>-owner`).
    pub owner: Option<String>,
    /// Owner hotkey name (default `sn<netuid>-owner-hk`).
    pub owner_hotkey: Option<String>,
    /// TAO in the pool.
    pub tao: Amount,
    /// Alpha in the pool (default: as much as `tao`, price 1).
    pub alpha_in: Option<Amount>,
    /// Starting moving price (default 0, as on a new subnet).
    pub moving_price: Option<f64>,
    /// Tempo (default 360).
    pub tempo: Option<u16>,
    /// Whether it emits from block 1 (default true).
    pub emitting: Option<bool>,
}

/// A neuron placed at genesis.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Neuron {
    /// Subnet.
    pub netuid: u16,
    /// Hotkey name.
    pub hotkey: String,
    /// Coldkey name (default `<hotkey>-cold`, funded with its stake plus 1 TAO).
    pub coldkey: Option<String>,
    /// Stake its coldkey adds at block 0 through `add_stake`.
    #[serde(default)]
    pub stake: Amount,
    /// Weights on other hotkeys of the subnet (relative values), set after each of the
    /// subnet's epochs once the neuron holds a validator permit.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}

/// How a population's validators weigh its miners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WeightPattern {
    /// Every miner the same.
    #[default]
    Uniform,
    /// Random weights (seeded), drawn once per validator.
    Random,
}

/// Validators and miners generated on several subnets.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// Subnets (default: every genesis subnet).
    #[serde(default)]
    pub netuids: Vec<u16>,
    /// Validators per subnet.
    pub validators: u16,
    /// Miners per subnet.
    pub miners: u16,
    /// Stake of each validator (staked by its own coldkey, funded at genesis).
    pub validator_stake: Amount,
    /// Validators' weights over the miners.
    #[serde(default)]
    pub weights: WeightPattern,
}

/// A root validator.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootStaker {
    /// Hotkey name.
    pub hotkey: String,
    /// Coldkey name (default `<hotkey>-cold`, funded with its stake plus 1 TAO).
    pub coldkey: Option<String>,
    /// TAO staked on root at block 0.
    pub stake: Amount,
    /// Root weights over subnets: netuid (as a string key) → relative weight.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}

/// What an actor does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// `add_stake` of `amount` TAO on (`hotkey`, `netuid`).
    Stake,
    /// `remove_stake` of `alpha` (or `"all"`) from (`hotkey`, `netuid`).
    Unstake,
    /// `move_stake` of `alpha` from (`hotkey`, `netuid`) to (`to_hotkey`, `to_netuid`).
    Move,
    /// Buys `amount` TAO of `netuid` over `spread` blocks, holds `hold` blocks, then sells.
    PumpAndHold,
    /// Root stakers (`accounts`, default all) unstake `fraction` of their root stake, into
    /// `to_netuid` if given.
    RootExodus,
    /// Registers `count` subnets per scheduled block (`register_network` + `start_call`).
    RegisterSubnets,
    /// Root sets `parameter` to `value` (`netuid` for per-subnet ones).
    SetParameter,
    /// Root switches the emission policy to `policy`.
    SetEmissionPolicy,
    /// Random stakes and unstakes of `min..max` TAO on `netuids` with `probability` per
    /// scheduled block (seeded).
    RandomTrader,
}

/// A scheduled behaviour.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique name.
    pub name: String,
    /// Behaviour.
    pub kind: ActorKind,
    /// First block it acts in.
    pub at: u64,
    /// Acts again every this many blocks.
    pub every: Option<u64>,
    /// Last block it may act in (default: the end of the run).
    pub until: Option<u64>,
    /// The coldkey that signs (default `<name>`, funded from `fund`).
    pub account: Option<String>,
    /// Balance given to the actor's own account at genesis.
    pub fund: Option<Amount>,
    /// Hotkey name.
    pub hotkey: Option<String>,
    /// Subnet.
    pub netuid: Option<u16>,
    /// TAO amount.
    pub amount: Option<Amount>,
    /// Alpha amount.
    pub alpha: Option<AlphaAmount>,
    /// Destination hotkey.
    pub to_hotkey: Option<String>,
    /// Destination subnet.
    pub to_netuid: Option<u16>,
    /// Blocks over which a pump buys.
    pub spread: Option<u64>,
    /// Blocks a pump holds before selling.
    pub hold: Option<u64>,
    /// Root stakers (coldkey names) of an exodus.
    pub accounts: Option<Vec<String>>,
    /// Fraction of an exodus, or of a random trader's holdings sold.
    pub fraction: Option<f64>,
    /// Subnets registered per wave.
    pub count: Option<u16>,
    /// Parameter name of `set_parameter`.
    pub parameter: Option<String>,
    /// Parameter value.
    pub value: Option<f64>,
    /// Emission policy.
    pub policy: Option<Policy>,
    /// Subnets a random trader trades.
    pub netuids: Option<Vec<u16>>,
    /// Chance per scheduled block that a random trader trades.
    pub probability: Option<f64>,
    /// Smallest random trade (TAO).
    pub min: Option<Amount>,
    /// Largest random trade (TAO).
    pub max: Option<Amount>,
}

/// What a plot draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    /// Spot price (TAO per alpha).
    Price,
    /// Moving price.
    MovingPrice,
    /// Share of the block's TAO emission (%).
    EmissionShare,
    /// Root's share of the alpha emission outside the pool (%).
    RootShare,
    /// TAO in the pool.
    TaoIn,
    /// Alpha in the pool.
    AlphaIn,
    /// Alpha outside the pool.
    AlphaOut,
}

/// One picture.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plot {
    /// File stem (`<file>.svg`).
    pub file: String,
    /// Title.
    pub title: String,
    /// Curve.
    pub series: Series,
    /// Subnets drawn (default all).
    #[serde(default)]
    pub netuids: Vec<u16>,
}

/// The 1-based line of byte `offset` in `source`.
pub fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes().iter().take(offset).filter(|b| **b == b'\n').count() + 1
}

/// Parses and checks a scenario.
pub fn parse(source: &str) -> Result<Scenario, Error> {
    let scenario: Scenario = toml::from_str(source).map_err(|e| Error {
        line: e.span().map(|s| line_of(source, s.start)),
        message: e.message().to_string(),
    })?;
    check(&scenario, source)?;
    Ok(scenario)
}

fn fraction_ok(v: f64) -> bool {
    v.is_finite() && (0.0..=1.0).contains(&v)
}

/// Consistency checks that serde cannot express.
fn check(s: &Scenario, source: &str) -> Result<(), Error> {
    let at = |span: std::ops::Range<usize>, message: String| Error { line: Some(line_of(source, span.start)), message };
    let top = |message: String| Error { line: None, message };
    if s.blocks == 0 {
        return Err(top("`blocks` must be at least 1".into()));
    }
    if s.blocks > 10_000_000 {
        return Err(top(format!("`blocks` = {} is more than the 10,000,000 the simulator runs", s.blocks)));
    }
    if s.sample_every == Some(0) {
        return Err(top("`sample_every` must be at least 1".into()));
    }
    let c = &s.chain;
    for (name, v) in [("chain.tao_weight", c.tao_weight), ("chain.subnet_moving_alpha", c.subnet_moving_alpha), ("chain.subnet_owner_cut", c.subnet_owner_cut)] {
        if let Some(v) = v {
            if !fraction_ok(v) {
                return Err(top(format!("`{name}` = {v} is not a fraction between 0 and 1")));
            }
        }
    }
    let mut netuids = BTreeSet::new();
    for (i, sn) in s.subnets.iter().enumerate() {
        let (span, sn) = (sn.span(), sn.get_ref());
        if sn.netuid == 0 {
            return Err(at(span, format!("subnets[{i}]: netuid 0 is root, which always exists; use netuids from 1")));
        }
        if !netuids.insert(sn.netuid) {
            return Err(at(span, format!("subnets[{i}]: netuid {} appears twice", sn.netuid)));
        }
        let min = dtao_math::pool::MIN_POOL_LIQUIDITY;
        if sn.tao.0 < min || sn.alpha_in.unwrap_or(sn.tao).0 < min {
            return Err(at(span, format!("subnets[{i}] (netuid {}): a pool needs at least 0.01 TAO and 0.01 alpha", sn.netuid)));
        }
        if let Some(m) = sn.moving_price {
            if !(m.is_finite() && (0.0..=1.0).contains(&m)) {
                return Err(at(span, format!("subnets[{i}]: `moving_price` = {m} must be between 0 and 1 (the moving price follows min(price, 1))")));
            }
        }
    }
    let subnet = |n: u16| netuids.contains(&n);
    let mut names = BTreeSet::new();
    for (i, a) in s.accounts.iter().enumerate() {
        if !names.insert(a.get_ref().name.clone()) {
            return Err(at(a.span(), format!("accounts[{i}]: account `{}` appears twice", a.get_ref().name)));
        }
    }
    let mut hotkeys: BTreeMap<u16, BTreeSet<String>> = BTreeMap::new();
    let mut all_hotkeys: BTreeSet<String> = BTreeSet::new();
    for sn in &s.subnets {
        let sn = sn.get_ref();
        let hk = sn.owner_hotkey.clone().unwrap_or_else(|| format!("sn{}-owner-hk", sn.netuid));
        hotkeys.entry(sn.netuid).or_default().insert(hk.clone());
        all_hotkeys.insert(hk);
    }
    for (i, n) in s.neurons.iter().enumerate() {
        let (span, n) = (n.span(), n.get_ref());
        if !subnet(n.netuid) {
            return Err(at(span, format!("neurons[{i}] (hotkey `{}`): netuid {} is not a subnet of this scenario", n.hotkey, n.netuid)));
        }
        if !hotkeys.entry(n.netuid).or_default().insert(n.hotkey.clone()) {
            return Err(at(span, format!("neurons[{i}]: hotkey `{}` is already on subnet {}", n.hotkey, n.netuid)));
        }
        all_hotkeys.insert(n.hotkey.clone());
    }
    for (i, n) in s.neurons.iter().enumerate() {
        let (span, n) = (n.span(), n.get_ref());
        for (target, w) in &n.weights {
            if !hotkeys.get(&n.netuid).is_some_and(|h| h.contains(target)) {
                return Err(at(span, format!("neurons[{i}] (hotkey `{}`): weights name `{target}`, which is not a neuron of subnet {}", n.hotkey, n.netuid)));
            }
            if !(w.is_finite() && *w >= 0.0) {
                return Err(at(span, format!("neurons[{i}] (hotkey `{}`): weight {w} on `{target}` is negative", n.hotkey)));
            }
        }
    }
    for (i, p) in s.populations.iter().enumerate() {
        let (span, p) = (p.span(), p.get_ref());
        for n in &p.netuids {
            if !subnet(*n) {
                return Err(at(span, format!("populations[{i}]: netuid {n} is not a subnet of this scenario")));
            }
        }
        if u32::from(p.validators) + u32::from(p.miners) + 1 > 4096 {
            return Err(at(span, format!("populations[{i}]: {} neurons per subnet is more than 4,096", u32::from(p.validators) + u32::from(p.miners))));
        }
    }
    for (i, r) in s.root_stakers.iter().enumerate() {
        let (span, r) = (r.span(), r.get_ref());
        for (key, w) in &r.weights {
            let n: u16 = key.parse().map_err(|_| at(span.clone(), format!("root_stakers[{i}] (hotkey `{}`): weights key `{key}` is not a netuid", r.hotkey)))?;
            if !subnet(n) {
                return Err(at(span, format!("root_stakers[{i}] (hotkey `{}`): weights name netuid {n}, which is not a subnet of this scenario", r.hotkey)));
            }
            if !(w.is_finite() && *w >= 0.0) {
                return Err(at(span, format!("root_stakers[{i}] (hotkey `{}`): weight {w} is negative", r.hotkey)));
            }
        }
        all_hotkeys.insert(r.hotkey.clone());
    }
    let mut actor_names = BTreeSet::new();
    for (i, a) in s.actors.iter().enumerate() {
        let (span, a) = (a.span(), a.get_ref());
        let who = format!("actors[{i}] (`{}`, kind {:?})", a.name, a.kind);
        let err = |m: String| at(span.clone(), format!("{who}: {m}"));
        if !actor_names.insert(a.name.clone()) {
            return Err(err("the name is used by another actor".into()));
        }
        if a.at == 0 {
            return Err(err("`at` = 0 is the set-up; actors act from block 1".into()));
        }
        if a.at > s.blocks {
            return Err(err(format!("`at` = {} is past the end of the run (`blocks` = {})", a.at, s.blocks)));
        }
        if let Some(u) = a.until {
            if u > s.blocks {
                return Err(err(format!("`until` = {u} is past the end of the run (`blocks` = {})", s.blocks)));
            }
            if u < a.at {
                return Err(err(format!("`until` = {u} is before `at` = {}", a.at)));
            }
        }
        if a.every == Some(0) {
            return Err(err("`every` must be at least 1".into()));
        }
        let need_netuid = |n: Option<u16>, field: &str| -> Result<u16, Error> {
            let n = n.ok_or_else(|| err(format!("`{field}` is missing")))?;
            // Root (0) always exists; stakes may go in and out of it.
            let root_ok = n == 0 && matches!(a.kind, ActorKind::Stake | ActorKind::Unstake | ActorKind::Move);
            if !subnet(n) && !root_ok {
                return Err(err(format!("`{field}` = {n} is not a subnet of this scenario")));
            }
            Ok(n)
        };
        let need_hotkey = |h: &Option<String>, field: &str| -> Result<(), Error> {
            let h = h.as_ref().ok_or_else(|| err(format!("`{field}` is missing")))?;
            if !all_hotkeys.contains(h) {
                return Err(err(format!("`{field}` = `{h}` is not a hotkey of this scenario (neurons, subnet owners, root stakers)")));
            }
            Ok(())
        };
        let need_fraction = |v: Option<f64>, field: &str, default: Option<f64>| -> Result<(), Error> {
            match v.or(default) {
                None => Err(err(format!("`{field}` is missing"))),
                Some(v) if !fraction_ok(v) => Err(err(format!("`{field}` = {v} is not a fraction between 0 and 1"))),
                Some(_) => Ok(()),
            }
        };
        match a.kind {
            ActorKind::Stake | ActorKind::PumpAndHold => {
                need_hotkey(&a.hotkey, "hotkey")?;
                need_netuid(a.netuid, "netuid")?;
                if a.amount.is_none() {
                    return Err(err("`amount` is missing".into()));
                }
                if a.kind == ActorKind::PumpAndHold {
                    if a.spread == Some(0) {
                        return Err(err("`spread` must be at least 1".into()));
                    }
                    let end = a.at.saturating_add(a.spread.unwrap_or(1) - 1).saturating_add(a.hold.unwrap_or(0));
                    if a.hold.is_some() && end > s.blocks {
                        return Err(err(format!("buying until block {} and holding {} blocks ends past the run (`blocks` = {})", a.at + a.spread.unwrap_or(1) - 1, a.hold.unwrap_or(0), s.blocks)));
                    }
                    if a.at + a.spread.unwrap_or(1) - 1 > s.blocks {
                        return Err(err(format!("buying over {} blocks from {} ends past the run (`blocks` = {})", a.spread.unwrap_or(1), a.at, s.blocks)));
                    }
                }
            },
            ActorKind::Unstake => {
                need_hotkey(&a.hotkey, "hotkey")?;
                need_netuid(a.netuid, "netuid")?;
                if a.alpha.is_none() {
                    return Err(err("`alpha` is missing (an amount or \"all\")".into()));
                }
            },
            ActorKind::Move => {
                need_hotkey(&a.hotkey, "hotkey")?;
                need_netuid(a.netuid, "netuid")?;
                need_netuid(a.to_netuid, "to_netuid")?;
                if a.to_hotkey.is_some() {
                    need_hotkey(&a.to_hotkey, "to_hotkey")?;
                }
                if a.alpha.is_none() {
                    return Err(err("`alpha` is missing (an amount or \"all\")".into()));
                }
            },
            ActorKind::RootExodus => {
                need_fraction(a.fraction, "fraction", Some(1.0))?;
                if a.to_netuid.is_some() {
                    need_netuid(a.to_netuid, "to_netuid")?;
                }
                let coldkeys: BTreeSet<String> = s
                    .root_stakers
                    .iter()
                    .map(|r| r.get_ref().coldkey.clone().unwrap_or_else(|| format!("{}-cold", r.get_ref().hotkey)))
                    .collect();
                for c in a.accounts.iter().flatten() {
                    if !coldkeys.contains(c) {
                        return Err(err(format!("`accounts` names `{c}`, which is not the coldkey of a root staker")));
                    }
                }
            },
            ActorKind::RegisterSubnets => {
                if a.count.unwrap_or(1) == 0 {
                    return Err(err("`count` must be at least 1".into()));
                }
            },
            ActorKind::SetParameter => {
                let p = a.parameter.as_deref().ok_or_else(|| err("`parameter` is missing".into()))?;
                let v = a.value.ok_or_else(|| err("`value` is missing".into()))?;
                match p {
                    "tao_weight" | "subnet_moving_alpha" | "subnet_owner_cut" => {
                        if !fraction_ok(v) {
                            return Err(err(format!("`value` = {v} is not a fraction between 0 and 1")));
                        }
                    },
                    "tempo" | "ema_price_halving_blocks" => {
                        need_netuid(a.netuid, "netuid")?;
                        let max = if p == "tempo" { f64::from(u16::MAX) } else { 1e15 };
                        if !(v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= max) {
                            return Err(err(format!("`value` = {v} is not a whole number of blocks up to {max}")));
                        }
                    },
                    other => {
                        return Err(err(format!(
                            "unknown parameter `{other}`; expected one of tao_weight, subnet_moving_alpha, subnet_owner_cut, tempo, ema_price_halving_blocks"
                        )))
                    },
                }
            },
            ActorKind::SetEmissionPolicy => {
                if a.policy.is_none() {
                    return Err(err("`policy` is missing (price_ema or root_weights)".into()));
                }
            },
            ActorKind::RandomTrader => {
                let list = a.netuids.as_ref().ok_or_else(|| err("`netuids` is missing".into()))?;
                if list.is_empty() {
                    return Err(err("`netuids` is empty".into()));
                }
                for n in list {
                    need_netuid(Some(*n), "netuids")?;
                }
                need_fraction(a.probability, "probability", Some(1.0))?;
                let (min, max) = (a.min.ok_or_else(|| err("`min` is missing".into()))?, a.max.ok_or_else(|| err("`max` is missing".into()))?);
                if min > max {
                    return Err(err("`min` is above `max`".into()));
                }
            },
        }
    }
    for (i, p) in s.plots.iter().enumerate() {
        let (span, p) = (p.span(), p.get_ref());
        if p.file.is_empty() || !p.file.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(at(span, format!("plots[{i}]: `file` = {:?} must be letters, digits, - and _", p.file)));
        }
        for n in &p.netuids {
            if !subnet(*n) {
                return Err(at(span, format!("plots[{i}] (`{}`): netuid {n} is not a subnet of this scenario", p.file)));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_to_rao() {
        assert_eq!(parse_amount("1"), Ok(RAO));
        assert_eq!(parse_amount("0.5"), Ok(RAO / 2));
        assert_eq!(parse_amount("0.000000001"), Ok(1));
        assert_eq!(parse_amount("21000000"), Ok(MAX_AMOUNT));
        assert!(parse_amount("21000000.000000001").unwrap_err().contains("supply"));
        assert!(parse_amount("-1").unwrap_err().contains("negative"));
        assert!(parse_amount("1.0000000001").unwrap_err().contains("9 decimals"));
        assert!(parse_amount("1e3").unwrap_err().contains("not a decimal"));
        assert!(parse_amount("99999999999999999999").unwrap_err().contains("supply"));
    }

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }
}
