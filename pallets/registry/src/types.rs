//! The identity record and its field type, encoded and described (`TypeInfo`) exactly as the
//! reference's `pallets/registry/src/types.rs` at `6b86ebf30`, so that `IdentityOf` decodes in
//! btcli and the SDK with the metadata alone.
//!
//! [`Data`] is the identity field of `pallet-identity`: one leading byte says what follows.
//! `0` is no data; `1 + n` is `n` raw bytes (`n` ≤ 64); `66..=69` are 32-byte hashes. Its type
//! description lists the raw lengths as 65 separate variants `Raw0` … `Raw64`, each holding a
//! byte array of that length, which is how the leading byte reads to a metadata-driven decoder.
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
    traits::{ConstU32, Get},
    BoundedVec, CloneNoBound, DefaultNoBound, PartialEqNoBound, DebugNoBound,
};
use scale_info::{
    build::{Fields, Variants},
    Path, Type, TypeInfo,
};
use sp_runtime::traits::AppendZerosInput;

/// The longest raw value a [`Data`] holds.
pub const MAX_RAW_LEN: usize = 64;

/// Leading bytes of the hashed forms (after the 65 bytes `0..=64` that say "none" or a raw length).
const BLAKE_TWO_256: u8 = 66;
const SHA_256: u8 = 67;
const KECCAK_256: u8 = 68;
const SHA_THREE_256: u8 = 69;

/// One identity field: nothing, up to 64 raw bytes, or a 32-byte hash of the value.
#[derive(Clone, Eq, PartialEq, Debug, MaxEncodedLen, Default)]
pub enum Data {
    /// No value.
    #[default]
    None,
    /// The value itself, at most [`MAX_RAW_LEN`] bytes.
    Raw(BoundedVec<u8, ConstU32<64>>),
    /// A BLAKE2-256 hash of the value.
    BlakeTwo256([u8; 32]),
    /// A SHA2-256 hash of the value.
    Sha256([u8; 32]),
    /// A Keccak-256 hash of the value.
    Keccak256([u8; 32]),
    /// A SHA3-256 hash of the value.
    ShaThree256([u8; 32]),
}

impl Data {
    /// Whether the field is empty.
    pub fn is_none(&self) -> bool {
        matches!(self, Data::None)
    }

    /// A raw field holding `bytes`, or `None` if they are longer than [`MAX_RAW_LEN`].
    pub fn raw(bytes: &[u8]) -> Option<Self> {
        BoundedVec::try_from(bytes.to_vec()).ok().map(Data::Raw)
    }
}

impl Encode for Data {
    fn encode(&self) -> Vec<u8> {
        let (tag, body): (u8, &[u8]) = match self {
            Data::None => (0, &[]),
            // The bound keeps the length at 64 at most, so `1 + len` fits the byte.
            Data::Raw(bytes) => (1u8.saturating_add(bytes.len() as u8), &bytes[..]),
            Data::BlakeTwo256(h) => (BLAKE_TWO_256, &h[..]),
            Data::Sha256(h) => (SHA_256, &h[..]),
            Data::Keccak256(h) => (KECCAK_256, &h[..]),
            Data::ShaThree256(h) => (SHA_THREE_256, &h[..]),
        };
        let mut out = Vec::with_capacity(1 + body.len());
        out.push(tag);
        out.extend_from_slice(body);
        out
    }
}

impl codec::EncodeLike for Data {}

impl Decode for Data {
    fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
        let tag = input.read_byte()?;
        Ok(match tag {
            0 => Data::None,
            1..=65 => {
                let mut bytes = alloc::vec![0u8; usize::from(tag - 1)];
                input.read(&mut bytes)?;
                Data::Raw(BoundedVec::truncate_from(bytes))
            }
            BLAKE_TWO_256 => Data::BlakeTwo256(Decode::decode(input)?),
            SHA_256 => Data::Sha256(Decode::decode(input)?),
            KECCAK_256 => Data::Keccak256(Decode::decode(input)?),
            SHA_THREE_256 => Data::ShaThree256(Decode::decode(input)?),
            _ => return Err("invalid leading byte of Data".into()),
        })
    }
}

impl DecodeWithMemTracking for Data {}

/// Adds the variants `Raw<n>` (index `n + 1`, one field `[u8; n]`) for each listed `n`.
macro_rules! raw_variants {
    ($variants:expr; $($len:literal)*) => {
        $variants
        $(
            .variant(concat!("Raw", stringify!($len)), |v| {
                v.index($len + 1).fields(Fields::unnamed().field(|f| f.ty::<[u8; $len]>()))
            })
        )*
    };
}

impl TypeInfo for Data {
    type Identity = Self;

    fn type_info() -> Type {
        let variants = Variants::new().variant("None", |v| v.index(0));
        let variants = raw_variants!(variants;
            0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
            32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60
            61 62 63 64);
        let hash = |name: &'static str, index: u8, variants: Variants| {
            variants.variant(name, |v| {
                v.index(index).fields(Fields::unnamed().field(|f| f.ty::<[u8; 32]>()))
            })
        };
        let variants = hash("BlakeTwo256", BLAKE_TWO_256, variants);
        let variants = hash("Sha256", SHA_256, variants);
        let variants = hash("Keccak256", KECCAK_256, variants);
        let variants = hash("ShaThree256", SHA_THREE_256, variants);
        Type::builder().path(Path::new("Data", module_path!())).variant(variants)
    }
}

/// The identity an account publishes; at most `FieldLimit` extra (key, value) pairs.
#[derive(
    CloneNoBound,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Eq,
    MaxEncodedLen,
    PartialEqNoBound,
    DebugNoBound,
    TypeInfo,
    DefaultNoBound,
)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(FieldLimit))]
pub struct IdentityInfo<FieldLimit: Get<u32>> {
    /// Extra (key, value) fields.
    pub additional: BoundedVec<(Data, Data), FieldLimit>,
    /// The name shown for the account.
    pub display: Data,
    /// A legal name.
    pub legal: Data,
    /// A web address.
    pub web: Data,
    /// A Matrix (formerly Riot) handle.
    pub riot: Data,
    /// An e-mail address.
    pub email: Data,
    /// The 20-byte fingerprint of a PGP key.
    pub pgp_fingerprint: Option<[u8; 20]>,
    /// An image, usually a hash of it.
    pub image: Data,
    /// A Twitter handle.
    pub twitter: Data,
}

/// What `IdentityOf` stores: the identity and the deposit held for it.
#[derive(CloneNoBound, Encode, Eq, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(MaxAdditionalFields))]
pub struct Registration<
    Balance: Encode + Decode + MaxEncodedLen + Copy + Clone + Debug + Eq + PartialEq,
    MaxAdditionalFields: Get<u32>,
> {
    /// The amount held from the account that set the identity.
    pub deposit: Balance,
    /// The identity.
    pub info: IdentityInfo<MaxAdditionalFields>,
}

/// As the reference: a record shorter than its type (written by an older layout) decodes as if
/// padded with zero bytes, which read as empty fields.
impl<Balance, MaxAdditionalFields> Decode for Registration<Balance, MaxAdditionalFields>
where
    Balance: Encode + Decode + MaxEncodedLen + Copy + Clone + Debug + Eq + PartialEq,
    MaxAdditionalFields: Get<u32>,
{
    fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
        let (deposit, info) = Decode::decode(&mut AppendZerosInput::new(input))?;
        Ok(Self { deposit, info })
    }
}
