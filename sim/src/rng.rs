//! The seeded random generator (ChaCha8): the only source of randomness, so that a scenario
//! and its seed always give the same run.
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// A seeded generator.
pub struct Rng(ChaCha8Rng);

impl Rng {
    /// The generator of `seed`.
    pub fn new(seed: u64) -> Self {
        Self(ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in [0, 1), 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        let span = hi.saturating_sub(lo);
        if span == u64::MAX {
            return self.0.next_u64();
        }
        lo + self.0.next_u64() % (span + 1)
    }

    /// Uniform index below `n` (n ≥ 1).
    pub fn index(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }
}
