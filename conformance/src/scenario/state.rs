//! Our chain state written in the scenario vectors' format (see the scenarios README, §2.4 and
//! §2.5), so that expected and actual compare as JSON values, field by field and key by key.
use super::runtime::{AccountId, Runtime, System};
use pallet_dtao::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

type R = Runtime;

/// An account as the vectors write it: a JSON integer.
pub fn acc(a: &AccountId) -> Value {
    if a.bits() <= 64 {
        json!(a.low_u64())
    } else {
        json!(a.to_string())
    }
}

fn bits(b: impl ToString) -> Value {
    json!({ "bits": b.to_string() })
}

/// The global scalars of `blocks[].state`.
pub fn scalars() -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("TotalIssuance".into(), json!(TotalIssuance::<R>::get()));
    m.insert("TotalStake".into(), json!(TotalStake::<R>::get()));
    m.insert("BlockEmission".into(), json!(BlockEmission::<R>::get()));
    m.insert("TotalNetworks".into(), json!(TotalNetworks::<R>::get()));
    m.insert("NetworkLastRegistered".into(), json!(NetworkLastRegistered::<R>::get()));
    m.insert("NetworkLastLockCost".into(), json!(last_lock_cost()));
    m
}

/// `NetworkLastLockCost` as the reference reads it: unset is the runtime's initial minimum
/// lock (1_000 TAO).
fn last_lock_cost() -> u64 {
    frame_support::storage::unhashed::get::<u64>(&NetworkLastLockCost::<R>::hashed_key()).unwrap_or(1_000_000_000_000)
}

/// One object of `blocks[].state.subnets[]`.
pub fn subnet(netuid: NetUid) -> Value {
    let n = SubnetworkN::<R>::get(netuid);
    let keys: Vec<Value> =
        (0..n).map(|uid| Keys::<R>::get(netuid, uid).map(|k| acc(&k)).unwrap_or(json!(0))).collect();
    let at: Vec<u64> = (0..n).map(|uid| BlockAtRegistration::<R>::get(netuid, uid)).collect();
    json!({
        "netuid": netuid,
        "SubnetTAO": SubnetTAO::<R>::get(netuid),
        "SubnetAlphaIn": SubnetAlphaIn::<R>::get(netuid),
        "SubnetAlphaOut": SubnetAlphaOut::<R>::get(netuid),
        "SubnetMovingPrice": bits(SubnetMovingPrice::<R>::get(netuid).to_bits()),
        "SubnetVolume": SubnetVolume::<R>::get(netuid).to_string(),
        "PendingEmission": PendingEmission::<R>::get(netuid),
        "PendingRootDivs": PendingRootDivs::<R>::get(netuid),
        "PendingAlphaSwapped": PendingAlphaSwapped::<R>::get(netuid),
        "PendingOwnerCut": PendingOwnerCut::<R>::get(netuid),
        "SubnetTaoInEmission": SubnetTaoInEmission::<R>::get(netuid),
        "SubnetAlphaInEmission": SubnetAlphaInEmission::<R>::get(netuid),
        "SubnetAlphaOutEmission": SubnetAlphaOutEmission::<R>::get(netuid),
        "BlocksSinceLastStep": BlocksSinceLastStep::<R>::get(netuid),
        "LastMechansimStepBlock": LastMechansimStepBlock::<R>::get(netuid),
        "SubnetworkN": n,
        "Burn": Burn::<R>::get(netuid),
        "Difficulty": Difficulty::<R>::get(netuid),
        "RegistrationsThisInterval": RegistrationsThisInterval::<R>::get(netuid),
        "BurnRegistrationsThisInterval": BurnRegistrationsThisInterval::<R>::get(netuid),
        "RegistrationsThisBlock": RegistrationsThisBlock::<R>::get(netuid),
        "LastAdjustmentBlock": LastAdjustmentBlock::<R>::get(netuid),
        "FirstEmissionBlockNumber": FirstEmissionBlockNumber::<R>::get(netuid),
        "SubnetOwner": SubnetOwner::<R>::get(netuid).map(|a| acc(&a)).unwrap_or(json!(0)),
        "SubnetOwnerHotkey": SubnetOwnerHotkey::<R>::get(netuid).map(|a| acc(&a)).unwrap_or(json!(0)),
        "Keys": keys,
        "BlockAtRegistration": at,
    })
}

fn sparse_rows(rows: impl Iterator<Item = Vec<(u16, u16)>>) -> Value {
    Value::Array(rows.map(|r| Value::Array(r.into_iter().map(|(d, w)| json!([d, w])).collect())).collect())
}

fn per_hotkey(entries: impl Iterator<Item = (AccountId, u64)>) -> Value {
    let mut v: Vec<(AccountId, u64)> = entries.collect();
    v.sort_by_key(|entry| entry.0);
    Value::Array(v.into_iter().map(|(h, x)| json!([acc(&h), x])).collect())
}

/// One object of `blocks[].state.epochs[]`: the epoch outputs of `netuid`.
pub fn epoch(netuid: NetUid) -> Value {
    let n = SubnetworkN::<R>::get(netuid);
    json!({
        "netuid": netuid,
        "Incentive": Incentive::<R>::get(netuid),
        "Dividends": Dividends::<R>::get(netuid),
        "Consensus": Consensus::<R>::get(netuid),
        "Trust": Trust::<R>::get(netuid),
        "Rank": Rank::<R>::get(netuid),
        "ValidatorTrust": ValidatorTrust::<R>::get(netuid),
        "PruningScores": PruningScores::<R>::get(netuid),
        "StakeWeight": StakeWeight::<R>::get(netuid),
        "Emission": Emission::<R>::get(netuid),
        "LastUpdate": LastUpdate::<R>::get(netuid),
        "ValidatorPermit": ValidatorPermit::<R>::get(netuid),
        "Active": Active::<R>::get(netuid),
        "Weights": sparse_rows((0..n).map(|uid| Weights::<R>::get(netuid, uid))),
        "Bonds": sparse_rows((0..n).map(|uid| Bonds::<R>::get(netuid, uid))),
        "AlphaDividendsPerSubnet": per_hotkey(AlphaDividendsPerSubnet::<R>::iter_prefix(netuid)),
        "TaoDividendsPerSubnet": per_hotkey(TaoDividendsPerSubnet::<R>::iter_prefix(netuid)),
    })
}

/// A keyed collection: the JSON text of the key parts → (key parts, value).
pub type Collection = BTreeMap<String, (Vec<Value>, Value)>;

/// Inserts `[key..., value]` (`value` null removes the entry).
pub fn apply_entry(c: &mut Collection, entry: &Value) -> Result<(), String> {
    let parts = entry.as_array().filter(|p| p.len() >= 2).ok_or_else(|| format!("bad entry: {entry}"))?;
    let (value, key) = parts.split_last().ok_or("empty entry")?;
    let text = Value::Array(key.to_vec()).to_string();
    if value.is_null() {
        c.remove(&text);
    } else {
        c.insert(text, (key.to_vec(), value.clone()));
    }
    Ok(())
}

fn collect(entries: impl Iterator<Item = (Vec<Value>, Value)>) -> Collection {
    entries.map(|(k, v)| (Value::Array(k.clone()).to_string(), (k, v))).collect()
}

fn links(v: &[(u64, AccountId)]) -> Value {
    Value::Array(v.iter().map(|(p, a)| json!([p, acc(a)])).collect())
}

fn accounts(v: &[AccountId]) -> Value {
    Value::Array(v.iter().map(acc).collect())
}

/// Our version of collection `name`; `None` if we do not model it. `balances` lists the
/// accounts the expected collection names (the vectors list every scenario coldkey).
pub fn collection(name: &str, expected: &Collection) -> Option<Collection> {
    Some(match name {
        "Alpha" => collect(Alpha::<R>::iter().filter(|(_, s)| s.to_bits() != 0).map(|((h, c, n), s)| {
            (vec![acc(&h), acc(&c), json!(n)], bits(s.to_bits()))
        })),
        "TotalHotkeyAlpha" => collect(
            TotalHotkeyAlpha::<R>::iter().filter(|(_, _, a)| *a != 0).map(|(h, n, a)| (vec![acc(&h), json!(n)], json!(a))),
        ),
        "TotalHotkeyShares" => collect(
            TotalHotkeyShares::<R>::iter()
                .filter(|(_, _, s)| s.to_bits() != 0)
                .map(|(h, n, s)| (vec![acc(&h), json!(n)], bits(s.to_bits()))),
        ),
        "Owner" => collect(Owner::<R>::iter().map(|(h, c)| (vec![acc(&h)], acc(&c)))),
        "Delegates" => collect(Delegates::<R>::iter().map(|(h, t)| (vec![acc(&h)], json!(t)))),
        "StakingHotkeys" => collect(StakingHotkeys::<R>::iter().map(|(c, hs)| (vec![acc(&c)], accounts(&hs)))),
        "OwnedHotkeys" => collect(OwnedHotkeys::<R>::iter().map(|(c, hs)| (vec![acc(&c)], accounts(&hs)))),
        "ChildKeys" => collect(
            ChildKeys::<R>::iter().filter(|(_, _, v)| !v.is_empty()).map(|(h, n, v)| (vec![acc(&h), json!(n)], links(&v))),
        ),
        "ParentKeys" => collect(
            ParentKeys::<R>::iter().filter(|(_, _, v)| !v.is_empty()).map(|(h, n, v)| (vec![acc(&h), json!(n)], links(&v))),
        ),
        "PendingChildKeys" => collect(
            PendingChildKeys::<R>::iter().map(|(n, h, (v, cooldown))| (vec![json!(n), acc(&h)], json!([links(&v), cooldown]))),
        ),
        "ChildkeyTake" => collect(ChildkeyTake::<R>::iter().map(|(h, n, t)| (vec![acc(&h), json!(n)], json!(t)))),
        "balances" => {
            let mut c = Collection::new();
            for (text, (key, _)) in expected {
                let who = key.first().and_then(|k| super::calls::account(k).ok())?;
                c.insert(text.clone(), (key.clone(), json!(System::account(who).data.free)));
            }
            c
        },
        _ => return None,
    })
}
