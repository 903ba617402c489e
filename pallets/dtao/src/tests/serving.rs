//! `serve_axon`, `serve_axon_tls`, `serve_prometheus`: what they store, the reference's checks
//! and their order, the rate limit, and what replacing a neuron clears.
use crate::{
    admin::{Parameter, SubnetU16, SubnetU64},
    mock::*,
    pallet::Error,
    serving::{self, AxonInfo, NeuronCertificate, PrometheusInfo},
    *,
};
use frame_support::{
    assert_noop, assert_ok,
    dispatch::{DispatchClass, GetDispatchInfo, Pays},
};

/// 10.0.0.1.
const IP4: u128 = 0x0A00_0001;

fn origin(who: AccountId) -> RuntimeOrigin {
    RuntimeOrigin::signed(who)
}

fn set(p: Parameter) {
    assert_ok!(SubtensorModule::sudo_set_parameter(RuntimeOrigin::root(), p));
}

fn at_block(n: u64) {
    System::set_block_number(n);
}

/// Subnet 1 with its owner hotkey 11 (uid 0) and hotkey 21 (uid 1).
fn chain() -> ExtBuilder {
    ExtBuilder::default().balance(1, 1_000 * TAO).subnet(1, 10, 11, 1_000 * TAO).neuron(1, 1, 21)
}

/// `serve_axon` by `who` on `netuid` with version 7, protocol 4, placeholders 1 and 2.
fn axon(who: AccountId, netuid: NetUid, ip: u128, port: u16, ip_type: u8) -> frame_support::dispatch::DispatchResult {
    SubtensorModule::serve_axon(origin(who), netuid, 7, ip, port, ip_type, 4, 1, 2)
}

fn prometheus(who: AccountId, netuid: NetUid, ip: u128, port: u16, ip_type: u8) -> frame_support::dispatch::DispatchResult {
    SubtensorModule::serve_prometheus(origin(who), netuid, 3, ip, port, ip_type)
}

#[test]
fn ip_checks_follow_the_reference() {
    assert!(serving::is_valid_ip_type(4) && serving::is_valid_ip_type(6));
    for t in [0, 5, 7, 255] {
        assert!(!serving::is_valid_ip_type(t));
    }
    // IPv4: not 0, below u32::MAX (255.255.255.255 itself is refused), not 127.0.0.1.
    assert!(serving::is_valid_ip_address(4, 1));
    assert!(serving::is_valid_ip_address(4, IP4));
    assert!(serving::is_valid_ip_address(4, 0xFFFF_FFFE));
    assert!(serving::is_valid_ip_address(4, 0x7F00_0002));
    for ip in [0, 0x7F00_0001, 0xFFFF_FFFF, 0x1_0000_0000] {
        assert!(!serving::is_valid_ip_address(4, ip), "{ip:#x}");
    }
    // IPv6: not 0, not ::1, not all ones; private and IPv4-sized values pass.
    assert!(serving::is_valid_ip_address(6, 2));
    assert!(serving::is_valid_ip_address(6, 0x7F00_0001));
    assert!(serving::is_valid_ip_address(6, u128::MAX - 1));
    for ip in [0, 1, u128::MAX] {
        assert!(!serving::is_valid_ip_address(6, ip));
    }
    // Any other type: never valid.
    assert!(!serving::is_valid_ip_address(5, IP4));
}

#[test]
fn rate_limit_rule() {
    // Never served (block 0) or no limit: passes; otherwise now − last ≥ limit.
    assert!(serving::passes_rate_limit(50, 0, 1));
    assert!(serving::passes_rate_limit(0, 10, 10));
    assert!(serving::passes_rate_limit(50, 10, 60));
    assert!(!serving::passes_rate_limit(50, 10, 59));
    assert!(!serving::passes_rate_limit(50, 10, 5));
}

#[test]
fn serve_axon_stores_the_axon_at_the_current_block() {
    chain().build_and_execute(|| {
        at_block(5);
        assert_ok!(axon(21, 1, IP4, 8091, 4));
        assert_eq!(
            Axons::<Test>::get(1, 21),
            Some(AxonInfo { block: 5, version: 7, ip: IP4, port: 8091, ip_type: 4, protocol: 4, placeholder1: 1, placeholder2: 2 })
        );
        System::assert_last_event(Event::AxonServed(1, 21).into());
        assert_eq!(NeuronCertificates::<Test>::get(1, 21), None);
        assert_eq!(Prometheus::<Test>::get(1, 21), None);
        // IPv6 too.
        assert_ok!(axon(11, 1, 0x2001_0db8 << 96, 443, 6));
        assert_eq!(Axons::<Test>::get(1, 11).map(|a| (a.ip, a.port, a.ip_type)), Some((0x2001_0db8 << 96, 443, 6)));
    });
}

#[test]
fn serve_axon_checks_in_the_reference_order() {
    chain().build_and_execute(|| {
        // Registration first: an unregistered hotkey with a bad type still gets this error.
        assert_noop!(axon(99, 1, IP4, 8091, 5), Error::<Test>::HotKeyNotRegisteredInNetwork);
        // Then the type, before the address and the port.
        assert_noop!(axon(21, 1, 0, 0, 5), Error::<Test>::InvalidIpType);
        // Then the address, before the port.
        for ip in [0, 0x7F00_0001, 0xFFFF_FFFF, 0x1_0000_0000] {
            assert_noop!(axon(21, 1, ip, 0, 4), Error::<Test>::InvalidIpAddress);
        }
        for ip in [0, 1, u128::MAX] {
            assert_noop!(axon(21, 1, ip, 8091, 6), Error::<Test>::InvalidIpAddress);
        }
        assert_noop!(axon(21, 1, IP4, 0, 4), Error::<Test>::InvalidPort);
        assert_noop!(
            SubtensorModule::serve_axon(RuntimeOrigin::root(), 1, 7, IP4, 8091, 4, 4, 1, 2),
            sp_runtime::DispatchError::BadOrigin
        );
        // The rate limit comes before the port.
        assert_ok!(axon(21, 1, IP4, 8091, 4));
        assert_noop!(axon(21, 1, IP4, 0, 4), Error::<Test>::ServingRateLimitExceeded);
    });
}

#[test]
fn serve_prometheus_checks_in_its_own_order() {
    chain().build_and_execute(|| {
        // The IP checks come before registration here (the reverse of `serve_axon`).
        assert_noop!(prometheus(99, 1, IP4, 9090, 5), Error::<Test>::InvalidIpType);
        assert_noop!(prometheus(99, 1, 0x7F00_0001, 9090, 4), Error::<Test>::InvalidIpAddress);
        assert_noop!(prometheus(99, 1, IP4, 9090, 4), Error::<Test>::HotKeyNotRegisteredInNetwork);
        assert_noop!(prometheus(21, 1, IP4, 0, 4), Error::<Test>::InvalidPort);
        at_block(3);
        assert_ok!(prometheus(21, 1, IP4, 9090, 4));
        assert_eq!(Prometheus::<Test>::get(1, 21), Some(PrometheusInfo { block: 3, version: 3, ip: IP4, port: 9090, ip_type: 4 }));
        System::assert_last_event(Event::PrometheusServed(1, 21).into());
        assert_eq!(Axons::<Test>::get(1, 21), None);
        // Rate limit before the port.
        assert_noop!(prometheus(21, 1, IP4, 0, 4), Error::<Test>::ServingRateLimitExceeded);
    });
}

#[test]
fn rate_limit_boundary_is_exactly_serving_rate_limit_blocks() {
    chain().build_and_execute(|| {
        assert_eq!(ServingRateLimit::<Test>::get(1), 50);
        at_block(10);
        assert_ok!(axon(21, 1, IP4, 8091, 4));
        assert_ok!(prometheus(21, 1, IP4, 9090, 4));
        // 59 − 10 = 49 < 50: refused, and nothing changes.
        at_block(59);
        assert_noop!(axon(21, 1, IP4, 8092, 4), Error::<Test>::ServingRateLimitExceeded);
        assert_noop!(prometheus(21, 1, IP4, 9091, 4), Error::<Test>::ServingRateLimitExceeded);
        // 60 − 10 = 50: allowed.
        at_block(60);
        assert_ok!(axon(21, 1, IP4, 8092, 4));
        assert_ok!(prometheus(21, 1, IP4, 9091, 4));
        assert_eq!(Axons::<Test>::get(1, 21).map(|a| (a.block, a.port)), Some((60, 8092)));
        assert_eq!(Prometheus::<Test>::get(1, 21).map(|p| (p.block, p.port)), Some((60, 9091)));
    });
}

#[test]
fn rate_limit_is_per_subnet_per_endpoint_and_settable() {
    chain().build_and_execute(|| {
        at_block(10);
        assert_ok!(axon(21, 1, IP4, 8091, 4));
        // The axon's serve does not limit the Prometheus endpoint, nor another subnet.
        assert_ok!(prometheus(21, 1, IP4, 9090, 4));
        assert_ok!(axon(21, 2, IP4, 8091, 4));
        // A limit of 0 lets the same block serve again.
        set(Parameter::SubnetU64 { netuid: 1, item: SubnetU64::ServingRateLimit, value: 0 });
        assert_eq!(ServingRateLimit::<Test>::get(1), 0);
        assert_ok!(axon(21, 1, IP4, 8093, 4));
        assert_ok!(prometheus(21, 1, IP4, 9093, 4));
        // A stored endpoint at block 0 counts as never served.
        set(Parameter::SubnetU64 { netuid: 1, item: SubnetU64::ServingRateLimit, value: 50 });
        Axons::<Test>::insert(1, 11, AxonInfo { block: 0, ..Default::default() });
        assert_ok!(axon(11, 1, IP4, 8091, 4));
        assert_eq!(Axons::<Test>::get(1, 11).map(|a| a.block), Some(10));
    });
}

#[test]
fn serving_needs_a_uid_on_any_network_not_on_this_subnet() {
    chain().build_and_execute(|| {
        // 21 is on subnet 1 only; the reference checks `IsNetworkMember` on any network and
        // never checks that `netuid` exists, so subnet 9 (absent) is accepted.
        assert!(!NetworksAdded::<Test>::get(9));
        assert_ok!(axon(21, 9, IP4, 8091, 4));
        assert_ok!(prometheus(21, 9, IP4, 9090, 4));
        assert_eq!(Axons::<Test>::get(9, 21).map(|a| a.port), Some(8091));
        System::assert_last_event(Event::PrometheusServed(9, 21).into());
        // A hotkey with an owner but no UID anywhere is refused.
        assert_ok!(SubtensorModule::try_associate_hotkey(origin(1), 31));
        assert_noop!(axon(31, 1, IP4, 8091, 4), Error::<Test>::HotKeyNotRegisteredInNetwork);
        assert_noop!(prometheus(31, 1, IP4, 9090, 4), Error::<Test>::HotKeyNotRegisteredInNetwork);
    });
}

#[test]
fn serve_axon_tls_stores_the_certificate_when_it_parses() {
    chain().build_and_execute(|| {
        let cert = vec![1u8, 0xAA, 0xBB, 0xCC];
        assert_ok!(SubtensorModule::serve_axon_tls(origin(21), 1, 7, IP4, 8091, 4, 0, 0, 0, cert));
        assert_eq!(
            NeuronCertificates::<Test>::get(1, 21),
            Some(NeuronCertificate { public_key: vec![0xAA, 0xBB, 0xCC].try_into().unwrap(), algorithm: 1 })
        );
        assert_eq!(Axons::<Test>::get(1, 21).map(|a| a.port), Some(8091));
        System::assert_last_event(Event::AxonServed(1, 21).into());
        // The owner's hotkey: a 65-byte certificate (algorithm + 64 bytes of key) is the largest.
        let mut long = vec![2u8];
        long.extend([7u8; 64]);
        assert_ok!(SubtensorModule::serve_axon_tls(origin(11), 1, 7, IP4, 8091, 4, 0, 0, 0, long));
        assert_eq!(NeuronCertificates::<Test>::get(1, 11).map(|c| (c.algorithm, c.public_key.len())), Some((2, 64)));
    });
}

#[test]
fn a_certificate_that_does_not_parse_is_ignored() {
    chain().build_and_execute(|| {
        // Empty, or 66 bytes: the axon is served, the certificate is not stored.
        assert_ok!(SubtensorModule::serve_axon_tls(origin(21), 1, 7, IP4, 8091, 4, 0, 0, 0, vec![]));
        assert_eq!(NeuronCertificates::<Test>::get(1, 21), None);
        assert_eq!(Axons::<Test>::get(1, 21).map(|a| a.block), Some(1));
        let too_long = vec![3u8; 66];
        assert_ok!(SubtensorModule::serve_axon_tls(origin(11), 1, 7, IP4, 8091, 4, 0, 0, 0, too_long));
        assert_eq!(NeuronCertificates::<Test>::get(1, 11), None);
        // A refused serve stores no certificate either.
        assert_noop!(
            SubtensorModule::serve_axon_tls(origin(21), 1, 7, IP4, 8091, 4, 0, 0, 0, vec![1, 2]),
            Error::<Test>::ServingRateLimitExceeded
        );
    });
}

#[test]
fn serving_calls_are_free_and_normal_class() {
    let calls = [
        RuntimeCall::SubtensorModule(Call::serve_axon { netuid: 1, version: 0, ip: IP4, port: 1, ip_type: 4, protocol: 0, placeholder1: 0, placeholder2: 0 }),
        RuntimeCall::SubtensorModule(Call::serve_axon_tls { netuid: 1, version: 0, ip: IP4, port: 1, ip_type: 4, protocol: 0, placeholder1: 0, placeholder2: 0, certificate: vec![] }),
        RuntimeCall::SubtensorModule(Call::serve_prometheus { netuid: 1, version: 0, ip: IP4, port: 1, ip_type: 4 }),
    ];
    for call in calls {
        let info = call.get_dispatch_info();
        assert_eq!((info.pays_fee, info.class), (Pays::No, DispatchClass::Normal));
    }
    // The reference's call indices: pallet 7, then 4, 40, 5.
    use codec::Encode;
    let axon = RuntimeCall::SubtensorModule(Call::serve_axon { netuid: 1, version: 0, ip: 0, port: 0, ip_type: 0, protocol: 0, placeholder1: 0, placeholder2: 0 });
    assert_eq!(axon.encode()[..2], [7, 4]);
    let tls = RuntimeCall::SubtensorModule(Call::serve_axon_tls { netuid: 1, version: 0, ip: 0, port: 0, ip_type: 0, protocol: 0, placeholder1: 0, placeholder2: 0, certificate: vec![] });
    assert_eq!(tls.encode()[..2], [7, 40]);
    let prom = RuntimeCall::SubtensorModule(Call::serve_prometheus { netuid: 1, version: 0, ip: 0, port: 0, ip_type: 0 });
    assert_eq!(prom.encode()[..2], [7, 5]);
}

#[test]
fn replacing_a_neuron_drops_its_axon_and_certificate_but_not_its_prometheus() {
    chain().build_and_execute(|| {
        // AdminUtils only raises MaxAllowedUids above the neuron count: fill it directly.
        MaxAllowedUids::<Test>::insert(1, 2);
        set(Parameter::SubnetU16 { netuid: 1, item: SubnetU16::ImmunityPeriod, value: 0 });
        assert_ok!(SubtensorModule::serve_axon_tls(origin(21), 1, 7, IP4, 8091, 4, 0, 0, 0, vec![1, 9]));
        assert_ok!(prometheus(21, 1, IP4, 9090, 4));
        // 21 serves on subnet 2 too (it need not be registered there).
        assert_ok!(axon(21, 2, IP4, 8091, 4));
        // The owner's axon on subnet 1 is untouched.
        assert_ok!(axon(11, 1, IP4, 8091, 4));
        // Subnet 1 is full (owner + 21): 22 replaces 21 (the owner is never pruned).
        assert_ok!(SubtensorModule::burned_register(origin(1), 1, 22));
        assert_eq!(Keys::<Test>::get(1, 1), Some(22));
        assert_eq!(Axons::<Test>::get(1, 21), None);
        assert_eq!(NeuronCertificates::<Test>::get(1, 21), None);
        assert_eq!(Prometheus::<Test>::get(1, 21).map(|p| p.port), Some(9090));
        assert_eq!(Axons::<Test>::get(2, 21).map(|a| a.port), Some(8091));
        assert!(Axons::<Test>::get(1, 11).is_some());
        assert_eq!(Axons::<Test>::get(1, 22), None);
        // 21 now holds no UID anywhere.
        assert_noop!(axon(21, 2, IP4, 8092, 4), Error::<Test>::HotKeyNotRegisteredInNetwork);
    });
}
