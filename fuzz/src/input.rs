//! The fuzz input as a stream of choices: every generator reads its decisions from here, and
//! an exhausted input reads as zeros (so that the run ends, see [`Input::is_empty`]).

/// A cursor over the fuzz input.
pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    /// Reads `data` from its start.
    pub fn new(data: &'a [u8]) -> Self {
        Self { data }
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The next byte, 0 once the input is exhausted.
    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((first, rest)) => {
                self.data = rest;
                *first
            },
            None => 0,
        }
    }

    /// A value below `n` (`n` > 0), from one byte (two if `n` > 256).
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 256 {
            usize::from(self.byte()) % n
        } else {
            usize::from(self.u16()) % n
        }
    }

    /// A boolean.
    pub fn bool(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// A little-endian u16.
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    /// A little-endian u32.
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.array())
    }

    /// A little-endian u64.
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.array())
    }

    /// A little-endian u128.
    pub fn u128(&mut self) -> u128 {
        u128::from_le_bytes(self.array())
    }

    /// `N` bytes.
    pub fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for b in out.iter_mut() {
            *b = self.byte();
        }
        out
    }

    /// Up to `max` bytes, the length read first.
    pub fn bytes(&mut self, max: usize) -> Vec<u8> {
        let len = self.below(max + 1);
        (0..len).map(|_| self.byte()).collect()
    }

    /// The rest of the input, taken whole (for raw SCALE decoding), up to `max` bytes.
    pub fn take(&mut self, max: usize) -> &'a [u8] {
        let n = max.min(self.data.len());
        let (head, rest) = self.data.split_at(n);
        self.data = rest;
        head
    }

    /// A u64 spread over orders of magnitude: 0, 1, `u64::MAX`, a power of ten (times a small
    /// factor, ± 1), a fraction of `reference` (the caller's balance or stake, whole or less a
    /// little), or raw bits.
    pub fn amount(&mut self, reference: u64) -> u64 {
        match self.byte() % 12 {
            0 => 0,
            1 => u64::MAX,
            2 => 1,
            3 | 4 => 10u64.saturating_pow(u32::from(self.byte() % 20)),
            5 | 6 => 10u64.saturating_pow(u32::from(self.byte() % 20)).saturating_mul(u64::from(self.byte() % 10 + 1)),
            7 => {
                let p = 10u64.saturating_pow(u32::from(self.byte() % 20));
                if self.bool() { p.saturating_add(1) } else { p.saturating_sub(1) }
            },
            8 => reference,
            9 => reference.saturating_sub(u64::from(self.byte())),
            10 => (u128::from(reference) * u128::from(self.byte()) / 255) as u64,
            _ => self.u64(),
        }
    }

    /// A u16 hyperparameter value: small, an edge, or raw.
    pub fn u16_value(&mut self) -> u16 {
        match self.byte() % 6 {
            0 => 0,
            1 => u16::MAX,
            2 | 3 => u16::from(self.byte() % 32),
            4 => 1u16 << (self.byte() % 16),
            _ => self.u16(),
        }
    }
}

/// splitmix64: the seeded generator of the deterministic runs in the test suite.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `len` random bytes.
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }
}
