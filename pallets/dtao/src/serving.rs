//! Serving: where a neuron's axon (its miner or validator endpoint) and its Prometheus
//! endpoint listen, as the reference stores them in `Axons`, `NeuronCertificates` and
//! `Prometheus` (reference: `pallets/subtensor/src/subnets/serving.rs` and the structs in
//! `lib.rs` at `6b86ebf30`). The metagraph and the neuron infos report them.
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// An axon endpoint, field for field the reference's `AxonInfo`.
#[derive(Encode, Decode, Default, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AxonInfo {
    /// Block at which it was served.
    pub block: u64,
    /// Axon version.
    pub version: u32,
    /// IPv4 or IPv6 address as a u128.
    pub ip: u128,
    /// Port.
    pub port: u16,
    /// 4 for IPv4, 6 for IPv6.
    pub ip_type: u8,
    /// Protocol (0 TCP, 1 UDP, 4 other; the reference accepts 0 to 3).
    pub protocol: u8,
    /// Reserved.
    pub placeholder1: u8,
    /// Reserved.
    pub placeholder2: u8,
}

/// A Prometheus endpoint, field for field the reference's `PrometheusInfo`.
#[derive(Encode, Decode, Default, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PrometheusInfo {
    /// Block at which it was served.
    pub block: u64,
    /// Version.
    pub version: u32,
    /// IPv4 or IPv6 address as a u128.
    pub ip: u128,
    /// Port.
    pub port: u16,
    /// 4 for IPv4, 6 for IPv6.
    pub ip_type: u8,
}

/// A neuron's TLS public key, as the reference's `NeuronCertificate`.
#[derive(Encode, Decode, Default, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct NeuronCertificate {
    /// The public key (at most 64 bytes).
    pub public_key: BoundedVec<u8, ConstU32<64>>,
    /// The key's algorithm.
    pub algorithm: u8,
}

impl TryFrom<Vec<u8>> for NeuronCertificate {
    type Error = ();

    /// The first byte is the algorithm, the rest (at most 64 bytes) the key.
    fn try_from(value: Vec<u8>) -> Result<Self, ()> {
        let (&algorithm, key) = value.split_first().ok_or(())?;
        let public_key = BoundedVec::try_from(key.to_vec()).map_err(|_| ())?;
        Ok(Self { public_key, algorithm })
    }
}
