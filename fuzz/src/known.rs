//! Findings reported to the lead and not yet fixed: a violation that matches one of these is
//! counted and printed by the bounded run instead of failing it (`DTAO_FUZZ_STRICT=1` fails on
//! them too). Each has its reproducer in `regressions/` (`Status: open` in its `.md`).
use crate::Violation;

/// An open finding: the pallet whose `try_state` fails and the error it gives.
pub struct Known {
    /// Short name, as in `regressions/NAME.md`.
    pub name: &'static str,
    /// The pallet at fault.
    pub pallet: &'static str,
    /// Its `try_state` error.
    pub error: &'static str,
}

/// The open findings: none. `root-unstake-beyond-subnet-tao`, the last one, is fixed
/// (`TotalStakeShortfall`, see `pallets/dtao/src/accounting.rs`).
pub const OPEN: &[Known] = &[];

/// The open finding `violation` is, if any.
pub fn open_finding(violation: &Violation) -> Option<&'static Known> {
    match violation {
        Violation::TryState { pallet, error, .. } => OPEN.iter().find(|k| k.pallet == pallet && k.error == error),
        _ => None,
    }
}
