//! The fuzz account set: the six funded dev accounts of the development genesis
//! (Alice..Ferdie, one million TAO each; Alice is the sudo key, Alice and Bob own subnets 1
//! and 2 with Charlie and Dave as their hotkeys), and ten more the harness adds to the
//! genesis with balances from 100_000 TAO down to the existential deposit, or nothing (those
//! serve as hotkeys and destinations, and can sign only once something funds them).
use dtao_runtime::{AccountId, Balance, TAO};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use std::sync::OnceLock;

/// How many accounts sign and are picked as arguments.
pub const COUNT: usize = 16;

/// Balances the harness gives the ten extra accounts at genesis (0: not funded).
const EXTRA_BALANCES: [Balance; 10] =
    [100_000 * TAO, 1_000 * TAO, 10 * TAO, TAO, TAO / 1_000, 1_000, 500, 0, 0, 0];

/// One account of the set.
pub struct Account {
    /// Its key pair (sr25519).
    pub pair: sr25519::Pair,
    /// Its account id.
    pub id: AccountId,
}

/// The accounts, derived once per process.
pub fn all() -> &'static [Account] {
    static ACCOUNTS: OnceLock<Vec<Account>> = OnceLock::new();
    ACCOUNTS.get_or_init(|| {
        let dev = Sr25519Keyring::iter().take(6).map(|k| k.pair());
        let extra = (0..EXTRA_BALANCES.len()).map(|i| {
            sr25519::Pair::from_string(&format!("//Fuzz{i}"), None).expect("a valid derivation path")
        });
        dev.chain(extra)
            .map(|pair| Account { id: AccountId::from(pair.public()), pair })
            .collect()
    })
}

/// The extra accounts and their genesis balances (the dev ones are in the preset).
pub fn extra_endowments() -> Vec<(AccountId, Balance)> {
    all()[6..]
        .iter()
        .zip(EXTRA_BALANCES)
        .filter(|(_, balance)| *balance > 0)
        .map(|(account, balance)| (account.id.clone(), balance))
        .collect()
}

/// The index of `id` in the set, if it is one of them.
pub fn index_of(id: &AccountId) -> Option<usize> {
    all().iter().position(|a| a.id == *id)
}
