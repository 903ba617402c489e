//! # dtao-fuzz: the runtime fuzzer
//!
//! [`run`] starts from the development genesis (`dtao_runtime::genesis_config_presets`, tempo
//! 10 on subnets 1 and 2, root tempo 100; the harness adds ten accounts, see [`accounts`]) and
//! reads from its input a program of blocks and signed calls, which it runs through
//! `Executive` as the node's block builder would: `initialize_block` (a header on its parent,
//! no digest: the dev chain has no Aura authorities), the `Timestamp::set` inherent (12 s a
//! block), signed extrinsics with the runtime's real `TxExtension` and real sr25519
//! signatures at the signer's nonce, then `finalize_block`. After every block it runs every
//! pallet's `try_state` (`AllPalletsWithSystem`, `TryStateSelect::All`; SubtensorModule's is
//! `pallet_dtao::Pallet::do_try_state`), and around every `on_initialize` the dTAO coinbase's
//! conservation check (`check_block_conservation`).
//!
//! The program, one byte at a time (an exhausted input ends it): 1 in 16 closes the block,
//! 1 in 16 skips 1 to 24 empty blocks, or 1 in 8 of those times up to 256 (so that epochs of
//! every tempo, rate limits and child-key cooldowns pass), anything else is a call: a signer (one of 16 accounts, or the
//! sudo key for a third of calls) and a call from [`calls::Gen`]: every pallet with calls
//! (System, Balances, Sudo, SubtensorModule, Registry, Grandpa through Sudo), every
//! SubtensorModule call, and 1 in 24 a `RuntimeCall` decoded from raw bytes. Limits keep one
//! input short: [`MAX_BLOCKS`], [`MAX_CALLS`], [`MAX_CALLS_PER_BLOCK`].
//!
//! What counts as a finding ([`Violation`]): a panic anywhere (the build has overflow checks
//! and debug assertions on), an `Executive` error where a valid chain has none (the
//! timestamp inherent failing, a correctly signed extrinsic at the right nonce refused for
//! anything but cannot-pay, block-full, a SubtensorModule refusal or a Mandatory-class call),
//! or a `try_state` violation.
//!
//! ## Excluded, and why
//!
//! - `System::set_storage`, `kill_storage`, `kill_prefix`: root writes raw storage; any
//!   invariant can be broken by design.
//! - `System::set_code`, `set_code_without_checks`, `authorize_upgrade`,
//!   `authorize_upgrade_without_checks`, `apply_authorized_upgrade`: replace the runtime (a
//!   native run has no WASM to replace, and a new runtime is outside what this one promises).
//! - Unsigned (bare) extrinsics other than the block's one timestamp inherent: the block
//!   author alone puts inherents in a block, and a second `Timestamp::set` panics by design
//!   (`execute_block` refuses an inherent after a signed extrinsic before that).
//!
//! - `Balances::force_set_balance` and `force_adjust_total_issuance` above
//!   [`calls::ROOT_MINT_CAP`] (10 M TAO): root minting towards `u64::MAX` saturates the
//!   issuance accounting, which is u64 as in the reference (finding 2 of `docs/fuzzing.md`).
//!
//! Everything else may be sent, also inside `Sudo::sudo`, `sudo_unchecked_weight` and
//! `sudo_as` (including `Sudo::remove_key` and `set_key`, which the generator rarely makes
//! and only to the fuzz accounts, as they end root's calls for the rest of the input).
//!
//! The same [`run`] serves the cargo-fuzz target (`fuzz_targets/runtime.rs`, for long runs by
//! hand) and the bounded run of the test suite (`tests/bounded.rs`). See `docs/fuzzing.md`.
pub mod accounts;
pub mod calls;
pub mod chain;
pub mod input;
pub mod known;

use chain::{Chain, Outcome};
use input::Input;
use std::fmt;

/// Most blocks one input may run (empty skipped blocks included).
pub const MAX_BLOCKS: u32 = 1_500;
/// Most calls one input may send.
pub const MAX_CALLS: u32 = 400;
/// Most calls in one block before it is closed.
pub const MAX_CALLS_PER_BLOCK: u32 = 48;

/// What one run did.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Blocks built (and checked).
    pub blocks: u64,
    /// Subnet epochs run in those blocks (root's included).
    pub epochs: u64,
    /// Signed extrinsics sent.
    pub calls: u64,
    /// Of them, included and succeeded.
    pub succeeded: u64,
    /// Included, the call failed.
    pub failed: u64,
    /// Refused by the transaction extensions (not included).
    pub refused: u64,
}

impl Stats {
    /// Adds `other` to these.
    pub fn add(&mut self, other: &Stats) {
        self.blocks += other.blocks;
        self.epochs += other.epochs;
        self.calls += other.calls;
        self.succeeded += other.succeeded;
        self.failed += other.failed;
        self.refused += other.refused;
    }
}

/// A finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    /// Something panicked while block `block` was built.
    Panic {
        /// The block being built.
        block: u32,
        /// The panic's message.
        message: String,
    },
    /// `Executive` failed where a valid chain does not.
    Executive {
        /// The block.
        block: u32,
        /// What failed.
        what: String,
    },
    /// A pallet's `try_state` (or the coinbase's conservation check) failed after a block.
    TryState {
        /// The block.
        block: u32,
        /// The pallet.
        pallet: String,
        /// Its error.
        error: String,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::Panic { block, message } => write!(f, "panic at block {block}: {message}"),
            Violation::Executive { block, what } => write!(f, "Executive error at block {block}: {what}"),
            Violation::TryState { block, pallet, error } => {
                write!(f, "try_state violation after block {block}: {pallet}: {error}")
            },
        }
    }
}

/// Runs the program in `data` from the development genesis; a panic becomes
/// [`Violation::Panic`].
pub fn run(data: &[u8]) -> Result<Stats, Violation> {
    let genesis = chain::genesis().clone();
    let block = std::cell::Cell::new(0u32);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        sp_io::TestExternalities::new(genesis).execute_with(|| program(data, &block))
    }));
    outcome.unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        Err(Violation::Panic { block: block.get(), message })
    })
}

fn program(data: &[u8], block: &std::cell::Cell<u32>) -> Result<Stats, Violation> {
    let mut input = Input::new(data);
    let mut chain = Chain::at_genesis();
    let mut stats = Stats::default();
    let mut in_block = 0u32;
    stats.epochs += chain.open()?;
    block.set(chain.number());
    while !input.is_empty() && chain.number() < MAX_BLOCKS && stats.calls < u64::from(MAX_CALLS) {
        let op = input.byte();
        let close = op % 16 == 15 || in_block >= MAX_CALLS_PER_BLOCK;
        let skip = if op % 16 == 14 { skip_length(&mut input) } else { 0 };
        if close || skip > 0 {
            chain.close()?;
            stats.blocks += 1;
            for _ in 0..skip.min(MAX_BLOCKS.saturating_sub(chain.number())) {
                stats.epochs += chain.open()?;
                block.set(chain.number());
                chain.close()?;
                stats.blocks += 1;
            }
            stats.epochs += chain.open()?;
            block.set(chain.number());
            in_block = 0;
            continue;
        }
        let signer = signer(&mut input);
        let call = calls::Gen { input: &mut input, signer }.call(0);
        stats.calls += 1;
        in_block += 1;
        let shown = trace().then(|| (format!("{call:?}"), frame_system::Pallet::<dtao_runtime::Runtime>::event_count()));
        let outcome = chain.apply(signer, call)?;
        match outcome {
            Outcome::Succeeded => stats.succeeded += 1,
            Outcome::Failed => stats.failed += 1,
            Outcome::Refused => stats.refused += 1,
        }
        if let Some((call, before)) = shown {
            let events: Vec<String> = frame_system::Pallet::<dtao_runtime::Runtime>::read_events_no_consensus()
                .skip(before as usize)
                .map(|e| format!("{:?}", e.event))
                .collect();
            let events = events.join("\n     ");
            let state = (
                pallet_dtao::Pallet::<dtao_runtime::Runtime>::do_try_state(),
                pallet_dtao::Pallet::<dtao_runtime::Runtime>::imbalances(),
            );
            eprintln!("block {} signer {signer}: {call}\n  -> {outcome:?}, invariants {state:?}, events:\n     {events}", chain.number());
        }
    }
    chain.close()?;
    stats.blocks += 1;
    Ok(stats)
}

/// Empty blocks to skip: 1 to 24 (a subnet tempo is 11 blocks), or 1 in 8 times up to 256
/// (past root's tempo of 101, rate limits and cooldowns).
fn skip_length(input: &mut Input) -> u32 {
    let b = input.byte();
    if b >= 224 {
        1 + u32::from(input.byte())
    } else {
        1 + u32::from(b % 24)
    }
}

/// Whether `DTAO_FUZZ_TRACE` is set: then every call, its outcome and the dTAO invariants
/// after it are printed (to find the call at fault in a failing input).
fn trace() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("DTAO_FUZZ_TRACE").is_some())
}

/// The signer: the sudo key (when it is a fuzz account) for a third of the calls, else any.
fn signer(input: &mut Input) -> usize {
    let b = input.byte();
    let sudo = pallet_sudo::Key::<dtao_runtime::Runtime>::get().and_then(|k| accounts::index_of(&k));
    match sudo {
        Some(i) if b % 3 == 0 => i,
        _ => usize::from(b / 3) % accounts::COUNT,
    }
}
