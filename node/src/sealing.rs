//! The `--sealing` option: how blocks are produced.
use std::{fmt, str::FromStr};

/// Mainnet's block time, the default interval.
pub const DEFAULT_INTERVAL_MS: u64 = 12_000;

/// Block production mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
    /// Blocks only on `engine_createBlock`; finality only on `engine_finalizeBlock` (or on
    /// `engine_createBlock` with `finalize = true`).
    Manual,
    /// One block for every transaction that enters the pool, finalized
    /// [`crate::service::FINALITY_DELAY`] later.
    Instant,
    /// One block every this many milliseconds, starting at once, each finalized
    /// [`crate::service::FINALITY_DELAY`] after it is sealed.
    Interval(u64),
}

impl Default for Sealing {
    fn default() -> Self {
        Sealing::Interval(DEFAULT_INTERVAL_MS)
    }
}

impl fmt::Display for Sealing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sealing::Manual => write!(f, "manual"),
            Sealing::Instant => write!(f, "instant"),
            Sealing::Interval(ms) => write!(f, "interval={ms}"),
        }
    }
}

impl FromStr for Sealing {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expected = "expected `manual`, `instant`, `interval` or `interval=<milliseconds>`";
        match s {
            "manual" => Ok(Sealing::Manual),
            "instant" => Ok(Sealing::Instant),
            "interval" => Ok(Sealing::Interval(DEFAULT_INTERVAL_MS)),
            other => match other.strip_prefix("interval=") {
                Some(ms) => match ms.parse::<u64>() {
                    Ok(0) => Err(format!("interval must be at least 1 ms, got `{ms}`")),
                    Ok(ms) => Ok(Sealing::Interval(ms)),
                    Err(_) => Err(format!("`{ms}` is not a number of milliseconds; {expected}")),
                },
                None => Err(format!("unknown sealing mode `{other}`; {expected}")),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_mode() {
        assert_eq!("manual".parse(), Ok(Sealing::Manual));
        assert_eq!("instant".parse(), Ok(Sealing::Instant));
        assert_eq!("interval".parse(), Ok(Sealing::Interval(12_000)));
        assert_eq!("interval=250".parse(), Ok(Sealing::Interval(250)));
    }

    #[test]
    fn rejects_unknown_and_malformed_modes() {
        assert!("aura".parse::<Sealing>().unwrap_err().contains("unknown sealing mode `aura`"));
        assert!("interval=abc".parse::<Sealing>().unwrap_err().contains("`abc` is not a number"));
        assert!("interval=0".parse::<Sealing>().unwrap_err().contains("at least 1 ms"));
    }

    #[test]
    fn display_round_trips() {
        for s in [Sealing::Manual, Sealing::Instant, Sealing::Interval(7)] {
            assert_eq!(s.to_string().parse(), Ok(s));
        }
    }
}
