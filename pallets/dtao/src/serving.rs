//! Serving: where a neuron's axon (its miner or validator endpoint) and its Prometheus
//! endpoint listen, as the reference stores them in `Axons`, `NeuronCertificates` and
//! `Prometheus` (reference: `pallets/subtensor/src/subnets/serving.rs` and the structs in
//! `lib.rs` at `6b86ebf30`). The metagraph and the neuron infos report them.
//!
//! Calls: `serve_axon` (4), `serve_axon_tls` (40, with a certificate) and `serve_prometheus`
//! (5), free (`Pays::No`). As in the reference, the hotkey must hold a UID on *any* network,
//! not necessarily `netuid`, and `netuid` is not checked to exist. Replacing a neuron removes
//! the old hotkey's axon and certificate on that subnet but keeps its Prometheus entry
//! (`replace_neuron`).
use crate::{
    pallet::{Error, Event},
    Axons, Config, NetUid, NetworksAdded, NeuronCertificates, Pallet, Prometheus, ServingRateLimit,
    Uids,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::ConstU32, BoundedVec};
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

/// `is_valid_ip_type`: 4 (IPv4) or 6 (IPv6).
pub fn is_valid_ip_type(ip_type: u8) -> bool {
    matches!(ip_type, 4 | 6)
}

/// `is_valid_ip_address`, as the reference checks it (private ranges are not excluded):
/// never 0; IPv4 below `u32::MAX` (so 255.255.255.255 is refused) and not 127.0.0.1; IPv6 not
/// `u128::MAX` and not `::1`.
pub fn is_valid_ip_address(ip_type: u8, ip: u128) -> bool {
    match ip_type {
        4 => ip != 0 && ip < u128::from(u32::MAX) && ip != 0x7f00_0001,
        6 => ip != 0 && ip != u128::MAX && ip != 1,
        _ => false,
    }
}

/// The serving rate limit (`axon_passes_rate_limit`, `prometheus_passes_rate_limit`): a limit
/// of 0, or an endpoint never served (its stored block is 0), always passes; otherwise at least
/// `rate_limit` blocks must have passed since `last_served`.
pub fn passes_rate_limit(rate_limit: u64, last_served: u64, now: u64) -> bool {
    rate_limit == 0 || last_served == 0 || now.saturating_sub(last_served) >= rate_limit
}

impl<T: Config> Pallet<T> {
    /// `is_hotkey_registered_on_any_network`: the hotkey holds a UID on some network (root
    /// included). The reference reads `IsNetworkMember`; here `Uids`, this subnet first.
    pub fn is_hotkey_registered_on_any_network(hotkey: &T::AccountId, netuid: NetUid) -> bool {
        Uids::<T>::contains_key(netuid, hotkey) ||
            NetworksAdded::<T>::iter_keys().any(|n| Uids::<T>::contains_key(n, hotkey))
    }

    /// `validate_serve_axon`: whether `hotkey` may serve `axon` (its `block` is ignored) on
    /// `netuid` now. The reference's checks in its order: the hotkey is registered on any
    /// network (the subnet itself is not checked, and need not exist), the IP type, the IP
    /// address, the rate limit, then the port.
    pub fn validate_serve_axon(hotkey: &T::AccountId, netuid: NetUid, axon: &AxonInfo) -> Result<(), Error<T>> {
        ensure!(Self::is_hotkey_registered_on_any_network(hotkey, netuid), Error::<T>::HotKeyNotRegisteredInNetwork);
        ensure!(is_valid_ip_type(axon.ip_type), Error::<T>::InvalidIpType);
        ensure!(is_valid_ip_address(axon.ip_type, axon.ip), Error::<T>::InvalidIpAddress);
        let last_served = Axons::<T>::get(netuid, hotkey).map_or(0, |prev| prev.block);
        ensure!(
            passes_rate_limit(ServingRateLimit::<T>::get(netuid), last_served, Self::current_block()),
            Error::<T>::ServingRateLimitExceeded
        );
        ensure!(axon.port != 0, Error::<T>::InvalidPort);
        Ok(())
    }

    /// `serve_axon` / `serve_axon_tls`: stores `axon` (at the current block) for `hotkey` on
    /// `netuid`, and the certificate if it parses (first byte the algorithm, then at most 64
    /// bytes of key; one that does not parse is ignored, as in the reference).
    pub fn do_serve_axon(
        hotkey: T::AccountId,
        netuid: NetUid,
        axon: AxonInfo,
        certificate: Option<Vec<u8>>,
    ) -> DispatchResult {
        Self::validate_serve_axon(&hotkey, netuid, &axon)?;
        if let Some(Ok(certificate)) = certificate.map(NeuronCertificate::try_from) {
            NeuronCertificates::<T>::insert(netuid, &hotkey, certificate);
        }
        Axons::<T>::insert(netuid, &hotkey, AxonInfo { block: Self::current_block(), ..axon });
        Self::deposit_event(Event::AxonServed(netuid, hotkey));
        Ok(())
    }

    /// `serve_prometheus`: stores `prometheus` (at the current block) for `hotkey` on `netuid`.
    /// The reference's checks in its order (not `serve_axon`'s): the IP type, the IP address,
    /// the hotkey registered on any network, the rate limit, the port.
    pub fn do_serve_prometheus(hotkey: T::AccountId, netuid: NetUid, prometheus: PrometheusInfo) -> DispatchResult {
        ensure!(is_valid_ip_type(prometheus.ip_type), Error::<T>::InvalidIpType);
        ensure!(is_valid_ip_address(prometheus.ip_type, prometheus.ip), Error::<T>::InvalidIpAddress);
        ensure!(Self::is_hotkey_registered_on_any_network(&hotkey, netuid), Error::<T>::HotKeyNotRegisteredInNetwork);
        let last_served = Prometheus::<T>::get(netuid, &hotkey).map_or(0, |prev| prev.block);
        ensure!(
            passes_rate_limit(ServingRateLimit::<T>::get(netuid), last_served, Self::current_block()),
            Error::<T>::ServingRateLimitExceeded
        );
        ensure!(prometheus.port != 0, Error::<T>::InvalidPort);
        Prometheus::<T>::insert(netuid, &hotkey, PrometheusInfo { block: Self::current_block(), ..prometheus });
        Self::deposit_event(Event::PrometheusServed(netuid, hotkey));
        Ok(())
    }
}
