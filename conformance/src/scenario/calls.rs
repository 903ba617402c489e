//! Scenario extrinsics: a reference call name with its arguments by reference name, turned
//! into our `RuntimeCall` and dispatched as the reference did (signed, in its own storage
//! layer). The outcome is `Ok` or the error's name, as the vectors write it.
use super::runtime::{AccountId, Runtime, RuntimeCall, RuntimeOrigin};
use frame_support::dispatch::{DispatchErrorWithPostInfo, PostDispatchInfo};
use pallet_dtao::Call;
use serde_json::Value;
use sp_runtime::{traits::Dispatchable, DispatchError, ModuleError};

/// An account written as a JSON integer.
pub fn account(v: &Value) -> Result<AccountId, String> {
    v.as_u64().map(AccountId::from).ok_or_else(|| format!("not an account: {v}"))
}

struct Args<'a>(&'a Value);

impl Args<'_> {
    fn get(&self, key: &str) -> Result<&Value, String> {
        self.0.get(key).ok_or_else(|| format!("missing argument `{key}`"))
    }
    fn account(&self, key: &str) -> Result<AccountId, String> {
        account(self.get(key)?)
    }
    fn u64(&self, key: &str) -> Result<u64, String> {
        self.get(key)?.as_u64().ok_or_else(|| format!("argument `{key}` is not a u64"))
    }
    fn u16(&self, key: &str) -> Result<u16, String> {
        u16::try_from(self.u64(key)?).map_err(|_| format!("argument `{key}` is not a u16"))
    }
    fn bool(&self, key: &str) -> Result<bool, String> {
        self.get(key)?.as_bool().ok_or_else(|| format!("argument `{key}` is not a bool"))
    }
    /// `[[proportion_u64, child], ...]`.
    fn children(&self, key: &str) -> Result<Vec<(u64, AccountId)>, String> {
        self.get(key)?
            .as_array()
            .ok_or_else(|| format!("argument `{key}` is not an array"))?
            .iter()
            .map(|pair| {
                let p = pair.get(0).and_then(Value::as_u64).ok_or_else(|| format!("`{key}`: bad proportion in {pair}"))?;
                Ok((p, account(pair.get(1).ok_or_else(|| format!("`{key}`: no child in {pair}"))?)?))
            })
            .collect()
    }
    fn u16s(&self, key: &str) -> Result<Vec<u16>, String> {
        self.get(key)?
            .as_array()
            .ok_or_else(|| format!("argument `{key}` is not an array"))?
            .iter()
            .map(|x| x.as_u64().and_then(|x| u16::try_from(x).ok()).ok_or_else(|| format!("`{key}`: not a u16: {x}")))
            .collect()
    }
}

/// Our call for a reference call name and its arguments.
pub fn build(name: &str, args: &Value) -> Result<RuntimeCall, String> {
    let a = Args(args);
    let call: Call<Runtime> = match name {
        "add_stake" => Call::add_stake {
            hotkey: a.account("hotkey")?,
            netuid: a.u16("netuid")?,
            amount_staked: a.u64("amount_staked")?,
        },
        "remove_stake" => Call::remove_stake {
            hotkey: a.account("hotkey")?,
            netuid: a.u16("netuid")?,
            amount_unstaked: a.u64("amount_unstaked")?,
        },
        "add_stake_limit" => Call::add_stake_limit {
            hotkey: a.account("hotkey")?,
            netuid: a.u16("netuid")?,
            amount_staked: a.u64("amount_staked")?,
            limit_price: a.u64("limit_price")?,
            allow_partial: a.bool("allow_partial")?,
        },
        "remove_stake_limit" => Call::remove_stake_limit {
            hotkey: a.account("hotkey")?,
            netuid: a.u16("netuid")?,
            amount_unstaked: a.u64("amount_unstaked")?,
            limit_price: a.u64("limit_price")?,
            allow_partial: a.bool("allow_partial")?,
        },
        "move_stake" => Call::move_stake {
            origin_hotkey: a.account("origin_hotkey")?,
            destination_hotkey: a.account("destination_hotkey")?,
            origin_netuid: a.u16("origin_netuid")?,
            destination_netuid: a.u16("destination_netuid")?,
            alpha_amount: a.u64("alpha_amount")?,
        },
        "transfer_stake" => Call::transfer_stake {
            destination_coldkey: a.account("destination_coldkey")?,
            hotkey: a.account("hotkey")?,
            origin_netuid: a.u16("origin_netuid")?,
            destination_netuid: a.u16("destination_netuid")?,
            alpha_amount: a.u64("alpha_amount")?,
        },
        "swap_stake" => Call::swap_stake {
            hotkey: a.account("hotkey")?,
            origin_netuid: a.u16("origin_netuid")?,
            destination_netuid: a.u16("destination_netuid")?,
            alpha_amount: a.u64("alpha_amount")?,
        },
        "swap_stake_limit" => Call::swap_stake_limit {
            hotkey: a.account("hotkey")?,
            origin_netuid: a.u16("origin_netuid")?,
            destination_netuid: a.u16("destination_netuid")?,
            alpha_amount: a.u64("alpha_amount")?,
            limit_price: a.u64("limit_price")?,
            allow_partial: a.bool("allow_partial")?,
        },
        "unstake_all" => Call::unstake_all { hotkey: a.account("hotkey")? },
        "unstake_all_alpha" => Call::unstake_all_alpha { hotkey: a.account("hotkey")? },
        "burned_register" => Call::burned_register { netuid: a.u16("netuid")?, hotkey: a.account("hotkey")? },
        "root_register" => Call::root_register { hotkey: a.account("hotkey")? },
        "register_network" => Call::register_network { hotkey: a.account("hotkey")? },
        "start_call" => Call::start_call { netuid: a.u16("netuid")? },
        "set_weights" => Call::set_weights {
            netuid: a.u16("netuid")?,
            dests: a.u16s("dests")?,
            weights: a.u16s("weights")?,
            version_key: a.u64("version_key")?,
        },
        "try_associate_hotkey" => Call::try_associate_hotkey { hotkey: a.account("hotkey")? },
        "set_children" => Call::set_children {
            hotkey: a.account("hotkey")?,
            netuid: a.u16("netuid")?,
            children: a.children("children")?,
        },
        "set_childkey_take" => Call::set_childkey_take {
            hotkey: a.account("hotkey")?,
            netuid: a.u16("netuid")?,
            take: a.u16("take")?,
        },
        "increase_take" => Call::increase_take { hotkey: a.account("hotkey")?, take: a.u16("take")? },
        "decrease_take" => Call::decrease_take { hotkey: a.account("hotkey")?, take: a.u16("take")? },
        other => return Err(format!("call `{other}` is not supported")),
    };
    Ok(RuntimeCall::SubtensorModule(call))
}

/// The outcome as the vectors write it: "Ok", a pallet error's variant name, or a
/// non-module error in Debug form (e.g. "BadOrigin").
pub fn outcome(result: Result<PostDispatchInfo, DispatchErrorWithPostInfo>) -> String {
    match result {
        Ok(_) => "Ok".into(),
        Err(e) => match e.error {
            DispatchError::Module(ModuleError { message: Some(name), .. }) => name.into(),
            other => format!("{other:?}"),
        },
    }
}

/// Dispatches `call` signed by `signer` and returns its outcome.
pub fn dispatch(call: RuntimeCall, signer: AccountId) -> String {
    outcome(call.dispatch(RuntimeOrigin::signed(signer)))
}

/// The expected outcome of a vector extrinsic: "Ok" or `{"err": name}`.
pub fn expected_outcome(expect: &Value) -> Result<String, String> {
    match expect {
        Value::String(s) => Ok(s.clone()),
        Value::Object(o) => o
            .get("err")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("bad expect: {expect}")),
        _ => Err(format!("bad expect: {expect}")),
    }
}
