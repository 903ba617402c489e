//! Benchmarks (frame-benchmarking v2) of every call and of `on_initialize`: the measurements
//! behind `weights.rs`, which `scripts/benchmark` regenerates with `dtao-node benchmark pallet`.
//!
//! Each benchmark builds the most expensive state its call can meet: a move between two
//! subnets pays two swaps, `burned_register` on a full subnet scans it for the neuron to
//! prune, `root_register` on a full root compares every member's stake, and `set_weights`
//! writes a row over the whole subnet. What drives a cost is a component:
//! - `on_initialize`: `s` subnets (1 to 1,024), none at its epoch; each epoch that runs in a
//!   block adds an `epoch` of `n` neurons (2 to `MAX_ALLOWED_UIDS_BOUND`) and `v` validators
//!   (1 to 128) with dense weight and bond rows;
//! - `unstake_all`, `unstake_all_alpha`: `s` subnets with stake;
//! - `burned_register`: `n` neurons in the (full) subnet;
//! - `set_weights`: `n` weights; `set_root_weights`: `n` subnets; `set_children`: `n` children.
//!
//! States are written with the pallet's own genesis seeding (`seed_subnet`), and subnets of
//! many neurons straight into storage (`bulk_neurons`, the effect of as many appends).
use super::*;
use crate::{
    admin::{Parameter, SubnetU16},
    client_info::subnet::SubnetIdentityV2,
};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Hooks};
use frame_system::RawOrigin;
use sp_runtime::traits::SaturatedConversion;

const TAO: u64 = 1_000_000_000;
const POOL: u64 = 1_000 * TAO;
const STAKE: u64 = 10 * TAO;
const SEED: u32 = 0;

/// An account with 1,000,000 TAO.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
    let who: T::AccountId = account(name, index, SEED);
    let _ = T::Currency::set_balance(&who, 1_000_000 * TAO);
    who
}

/// Moves the chain to `block`.
fn set_block<T: Config>(block: u64) {
    frame_system::Pallet::<T>::set_block_number(block.saturated_into());
}

/// A new emitting subnet with a 1,000/1,000 TAO pool, as genesis seeds one; returns its
/// netuid and its owner's coldkey and hotkey.
fn subnet<T: Config>(tempo: u16) -> (NetUid, T::AccountId, T::AccountId) {
    if !NetworksAdded::<T>::get(ROOT_NETUID) {
        Pallet::<T>::init_root_network(subnets::ROOT_TEMPO);
    }
    let netuid = Pallet::<T>::next_netuid().unwrap_or(NetUid::MAX);
    let coldkey = funded::<T>("owner", u32::from(netuid));
    let hotkey: T::AccountId = account("owner-hotkey", u32::from(netuid), SEED);
    Pallet::<T>::seed_subnet(&GenesisSubnet {
        netuid,
        owner_coldkey: coldkey.clone(),
        owner_hotkey: hotkey.clone(),
        pool: POOL,
        tempo,
        emitting: true,
    });
    TotalStake::<T>::mutate(|s| *s = s.saturating_add(POOL));
    TotalIssuance::<T>::mutate(|i| *i = i.saturating_add(POOL));
    (netuid, coldkey, hotkey)
}

/// A funded coldkey and a hotkey it owns, registered on `netuid`.
fn neuron<T: Config>(netuid: NetUid, index: u32) -> (T::AccountId, T::AccountId) {
    let coldkey = funded::<T>("coldkey", index);
    let hotkey: T::AccountId = account("hotkey", index, SEED);
    Pallet::<T>::associate(&coldkey, &hotkey);
    Pallet::<T>::place_neuron(netuid, &hotkey, None, 0);
    (coldkey, hotkey)
}

/// Fills `netuid` up to `n` neurons (UIDs after those it has), written as `n` appends would
/// leave them, the per-UID vectors in one write each. Returns the hotkeys by UID.
fn bulk_neurons<T: Config>(netuid: NetUid, n: u16) -> Vec<T::AccountId> {
    let have = SubnetworkN::<T>::get(netuid);
    let mut hotkeys: Vec<T::AccountId> = (0..have).filter_map(|uid| Keys::<T>::get(netuid, uid)).collect();
    let coldkey = funded::<T>("bulk-coldkey", u32::from(netuid));
    for uid in have..n {
        let hotkey: T::AccountId = account("bulk-hotkey", u32::from(netuid) << 16 | u32::from(uid), SEED);
        Pallet::<T>::associate(&coldkey, &hotkey);
        Keys::<T>::insert(netuid, uid, &hotkey);
        Uids::<T>::insert(netuid, &hotkey, uid);
        BlockAtRegistration::<T>::insert(netuid, uid, 0);
        hotkeys.push(hotkey);
    }
    let len = usize::from(n.max(have));
    let zeros = vec![0u16; len];
    for item in [Rank::<T>::insert, Trust::<T>::insert, Consensus::<T>::insert] {
        item(netuid, zeros.clone());
    }
    for item in [Incentive::<T>::insert, Dividends::<T>::insert, PruningScores::<T>::insert] {
        item(netuid, zeros.clone());
    }
    ValidatorTrust::<T>::insert(netuid, zeros);
    Active::<T>::insert(netuid, vec![true; len]);
    Emission::<T>::insert(netuid, vec![0u64; len]);
    LastUpdate::<T>::insert(netuid, vec![0u64; len]);
    ValidatorPermit::<T>::insert(netuid, vec![false; len]);
    SubnetworkN::<T>::insert(netuid, n.max(have));
    hotkeys
}

/// `coldkey` stakes 10 TAO on `hotkey` in `netuid` through `add_stake`.
fn staked<T: Config>(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: NetUid) {
    let result = Pallet::<T>::do_add_stake(coldkey.clone(), hotkey.clone(), netuid, STAKE, None);
    assert!(result.is_ok(), "set-up stake refused: {result:?}");
}

/// `s` new subnets, with one coldkey's stake on the same hotkey in each; returns the first
/// subnet, the coldkey and the hotkey.
fn staked_on_subnets<T: Config>(s: u32) -> (NetUid, T::AccountId, T::AccountId) {
    let (first, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
    let (coldkey, hotkey) = neuron::<T>(first, 1);
    staked::<T>(&coldkey, &hotkey, first);
    for _ in 1..s {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        staked::<T>(&coldkey, &hotkey, netuid);
    }
    (first, coldkey, hotkey)
}

/// Two new subnets and a coldkey's stake on a hotkey in the first: (first, second, coldkey,
/// hotkey, the alpha staked), the start of every move.
fn staked_for_a_move<T: Config>() -> (NetUid, NetUid, T::AccountId, T::AccountId, u64) {
    let (a, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
    let (b, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
    let (coldkey, hotkey) = neuron::<T>(a, 1);
    staked::<T>(&coldkey, &hotkey, a);
    let alpha = alpha_of::<T>(&coldkey, &hotkey, a);
    (a, b, coldkey, hotkey, alpha)
}

/// The alpha `coldkey` holds on `hotkey` in `netuid`.
fn alpha_of<T: Config>(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: NetUid) -> u64 {
    Pallet::<T>::get_stake_for_hotkey_and_coldkey_on_subnet(hotkey, coldkey, netuid)
}

/// Identity fields at their length limits (`is_valid_subnet_identity`).
fn longest_identity() -> SubnetIdentityV2 {
    SubnetIdentityV2 {
        subnet_name: vec![b'n'; 256],
        github_repo: vec![b'g'; 1024],
        subnet_contact: vec![b'c'; 1024],
        subnet_url: vec![b'u'; 1024],
        discord: vec![b'd'; 256],
        description: vec![b'x'; 1024],
        additional: vec![b'a'; 1024],
    }
}

/// The state of one epoch of `n` neurons of which `v` are validators, each with a dense weight
/// row and a dense bond row; returns the netuid and the block whose `on_initialize` runs it.
fn epoch_state<T: Config>(n: u16, v: u16) -> (NetUid, u64) {
    let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
    MaxAllowedUids::<T>::insert(netuid, admin::MAX_ALLOWED_UIDS_BOUND);
    MaxAllowedValidators::<T>::insert(netuid, v);
    let hotkeys = bulk_neurons::<T>(netuid, n);
    let owner: T::AccountId = account("bulk-coldkey", u32::from(netuid), SEED);
    for (uid, hotkey) in hotkeys.iter().enumerate() {
        // Validators get the most stake, so that they take the permits.
        let stake = if uid < usize::from(v) { 1_000 * TAO } else { TAO };
        Pallet::<T>::increase_stake_for_hotkey_and_coldkey_on_subnet(hotkey, &owner, netuid, stake);
    }
    let row: Vec<(u16, u16)> = (0..n).map(|uid| (uid, 1 + uid % 1_000)).collect();
    for uid in 0..v.min(n) {
        Weights::<T>::insert(netuid, uid, row.clone());
        Bonds::<T>::insert(netuid, uid, row.clone());
    }
    let block = frame_system::Pallet::<T>::block_number().saturated_into::<u64>().saturating_add(1);
    ValidatorPermit::<T>::insert(netuid, (0..n).map(|uid| uid < v).collect::<Vec<_>>());
    LastUpdate::<T>::insert(netuid, vec![block; usize::from(n)]);
    PendingEmission::<T>::insert(netuid, 100 * TAO);
    // The first block at or after `block` where this subnet's epoch runs.
    let epoch_block = (block..).find(|b| Pallet::<T>::blocks_until_next_epoch(netuid, *b) == 0).unwrap_or(block);
    (netuid, epoch_block)
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn add_stake() {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let (coldkey, hotkey) = neuron::<T>(netuid, 1);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, STAKE);
        assert!(alpha_of::<T>(&coldkey, &hotkey, netuid) > 0);
    }

    #[benchmark]
    fn add_stake_limit() {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let (coldkey, hotkey) = neuron::<T>(netuid, 1);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, STAKE, u64::MAX, false);
        assert!(alpha_of::<T>(&coldkey, &hotkey, netuid) > 0);
    }

    #[benchmark]
    fn remove_stake() {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let (coldkey, hotkey) = neuron::<T>(netuid, 1);
        staked::<T>(&coldkey, &hotkey, netuid);
        let alpha = alpha_of::<T>(&coldkey, &hotkey, netuid);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, alpha);
        assert_eq!(alpha_of::<T>(&coldkey, &hotkey, netuid), 0);
    }

    #[benchmark]
    fn remove_stake_limit() {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let (coldkey, hotkey) = neuron::<T>(netuid, 1);
        staked::<T>(&coldkey, &hotkey, netuid);
        let alpha = alpha_of::<T>(&coldkey, &hotkey, netuid);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, alpha, 0, false);
        assert_eq!(alpha_of::<T>(&coldkey, &hotkey, netuid), 0);
    }

    #[benchmark]
    fn unstake_all(s: Linear<1, 1_024>) {
        let (first, coldkey, hotkey) = staked_on_subnets::<T>(s);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone());
        assert_eq!(alpha_of::<T>(&coldkey, &hotkey, first), 0);
    }

    #[benchmark]
    fn unstake_all_alpha(s: Linear<1, 1_024>) {
        let (first, coldkey, hotkey) = staked_on_subnets::<T>(s);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone());
        assert_eq!(alpha_of::<T>(&coldkey, &hotkey, first), 0);
    }

    #[benchmark]
    fn move_stake() {
        let (a, b, coldkey, hotkey, alpha) = staked_for_a_move::<T>();
        let (_, destination) = neuron::<T>(b, 2);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), destination.clone(), a, b, alpha);
        assert!(alpha_of::<T>(&coldkey, &destination, b) > 0);
    }

    #[benchmark]
    fn transfer_stake() {
        let (a, b, coldkey, hotkey, alpha) = staked_for_a_move::<T>();
        let receiver = funded::<T>("receiver", 1);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), receiver.clone(), hotkey.clone(), a, b, alpha);
        assert!(alpha_of::<T>(&receiver, &hotkey, b) > 0);
    }

    #[benchmark]
    fn swap_stake() {
        let (a, b, coldkey, hotkey, alpha) = staked_for_a_move::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), a, b, alpha);
        assert!(alpha_of::<T>(&coldkey, &hotkey, b) > 0);
    }

    #[benchmark]
    fn swap_stake_limit() {
        let (a, b, coldkey, hotkey, alpha) = staked_for_a_move::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), a, b, alpha, 0, false);
        assert!(alpha_of::<T>(&coldkey, &hotkey, b) > 0);
    }

    #[benchmark]
    fn register_network() {
        let coldkey = funded::<T>("creator", 1);
        let hotkey: T::AccountId = account("creator-hotkey", 1, SEED);
        set_block::<T>(NetworkLastRegistered::<T>::get().saturating_add(NetworkRateLimit::<T>::get()).saturating_add(1));
        let netuid = Pallet::<T>::next_netuid().unwrap_or(NetUid::MAX);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey);
        assert_eq!(SubnetOwner::<T>::get(netuid), Some(coldkey));
    }

    #[benchmark]
    fn register_network_with_identity() {
        let coldkey = funded::<T>("creator", 1);
        let hotkey: T::AccountId = account("creator-hotkey", 1, SEED);
        set_block::<T>(NetworkLastRegistered::<T>::get().saturating_add(NetworkRateLimit::<T>::get()).saturating_add(1));
        let netuid = Pallet::<T>::next_netuid().unwrap_or(NetUid::MAX);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey, Some(longest_identity()));
        assert!(SubnetIdentitiesV2::<T>::contains_key(netuid));
    }

    #[benchmark]
    fn burned_register(n: Linear<2, { admin::MAX_ALLOWED_UIDS_BOUND as u32 }>) {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        MaxAllowedUids::<T>::insert(netuid, n);
        bulk_neurons::<T>(netuid, n);
        let coldkey = funded::<T>("registrant", 1);
        let hotkey: T::AccountId = account("registrant-hotkey", 1, SEED);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey), netuid, hotkey.clone());
        assert!(Uids::<T>::contains_key(netuid, hotkey));
    }

    #[benchmark]
    fn root_register() {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        // A full root whose members each hold 1 rao of root stake.
        let members = bulk_neurons::<T>(ROOT_NETUID, subnets::ROOT_MAX_UIDS);
        for hotkey in &members {
            TotalHotkeyAlpha::<T>::insert(hotkey, ROOT_NETUID, 1);
        }
        let (coldkey, hotkey) = neuron::<T>(netuid, 1);
        TotalHotkeyAlpha::<T>::insert(&hotkey, ROOT_NETUID, 2);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey), hotkey.clone());
        assert!(Uids::<T>::contains_key(ROOT_NETUID, hotkey));
    }

    #[benchmark]
    fn set_weights(n: Linear<1, { admin::MAX_ALLOWED_UIDS_BOUND as u32 }>) {
        let (netuid, _, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        MaxAllowedUids::<T>::insert(netuid, admin::MAX_ALLOWED_UIDS_BOUND);
        bulk_neurons::<T>(netuid, n);
        ValidatorPermit::<T>::mutate(netuid, |permits| {
            if let Some(first) = permits.first_mut() {
                *first = true;
            }
        });
        let uids: Vec<u16> = (0..n).collect();
        let values: Vec<u16> = (0..n).map(|uid| 1 + uid % 1_000).collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey), netuid, uids, values, 0);
        assert_eq!(Weights::<T>::get(netuid, 0).len(), usize::from(n));
    }

    #[benchmark]
    fn set_root_weights(n: Linear<1, 1_024>) {
        let mut netuids = Vec::new();
        for _ in 0..n {
            netuids.push(subnet::<T>(subnets::NEW_SUBNET_TEMPO).0);
        }
        let (coldkey, hotkey) = neuron::<T>(ROOT_NETUID, 1);
        let _ = coldkey;
        let values: Vec<u16> = netuids.iter().map(|n| 1 + n % 1_000).collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey), netuids, values, 0);
        assert_eq!(Weights::<T>::get(ROOT_NETUID, 0).len(), n as usize);
    }

    #[benchmark]
    fn try_associate_hotkey() {
        let coldkey = funded::<T>("coldkey", 1);
        let hotkey: T::AccountId = account("hotkey", 1, SEED);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey.clone());
        assert_eq!(Owner::<T>::get(hotkey), Some(coldkey));
    }

    #[benchmark]
    fn start_call() {
        let (netuid, coldkey, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        FirstEmissionBlockNumber::<T>::remove(netuid);
        set_block::<T>(NetworkRegisteredAt::<T>::get(netuid).saturating_add(DurationOfStartCall::<T>::get()));
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey), netuid);
        assert!(FirstEmissionBlockNumber::<T>::contains_key(netuid));
    }

    #[benchmark]
    fn set_children(n: Linear<1, { childkeys::MAX_CHILDREN as u32 }>) {
        let (netuid, coldkey, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let children: Vec<(u64, T::AccountId)> =
            (0..n).map(|i| (u64::MAX / u64::from(n), account("child", i, SEED))).collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey), hotkey.clone(), netuid, children);
        assert!(PendingChildKeys::<T>::contains_key(netuid, hotkey));
    }

    #[benchmark]
    fn set_childkey_take() {
        let (netuid, coldkey, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        let take = MaxChildkeyTake::<T>::get();
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey), hotkey.clone(), netuid, take);
        assert_eq!(ChildkeyTake::<T>::get(hotkey, netuid), take);
    }

    #[benchmark]
    fn decrease_take() {
        let (_, coldkey, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        Delegates::<T>::insert(&hotkey, MaxDelegateTake::<T>::get());
        let take = MinDelegateTake::<T>::get();
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey), hotkey.clone(), take);
        assert_eq!(Delegates::<T>::get(hotkey), take);
    }

    #[benchmark]
    fn increase_take() {
        let (_, coldkey, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        Delegates::<T>::insert(&hotkey, MinDelegateTake::<T>::get());
        let take = MaxDelegateTake::<T>::get();
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey), hotkey.clone(), take);
        assert_eq!(Delegates::<T>::get(hotkey), take);
    }

    #[benchmark]
    fn serve_axon() {
        let (netuid, _, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 8091, 4, 0, 0, 0);
        assert!(Axons::<T>::contains_key(netuid, hotkey));
    }

    #[benchmark]
    fn serve_axon_tls() {
        let (netuid, _, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        // The longest certificate that is kept: an algorithm byte and a 64-byte key.
        let certificate = vec![7u8; 65];
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 8091, 4, 0, 0, 0, certificate);
        assert!(NeuronCertificates::<T>::contains_key(netuid, hotkey));
    }

    #[benchmark]
    fn serve_prometheus() {
        let (netuid, _, hotkey) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 9090, 4);
        assert!(Prometheus::<T>::contains_key(netuid, hotkey));
    }

    #[benchmark]
    fn sudo_set_parameter() {
        let (netuid, _, _) = subnet::<T>(subnets::NEW_SUBNET_TEMPO);
        // The admin bound reads the subnet's other epoch parameter.
        let parameter = Parameter::SubnetU16 { netuid, item: SubnetU16::MaxAllowedUids, value: 400 };
        #[extrinsic_call]
        _(RawOrigin::Root, parameter);
        assert_eq!(MaxAllowedUids::<T>::get(netuid), 400);
    }

    /// The coinbase of `s` emitting subnets in a block where none runs its epoch.
    #[benchmark]
    fn on_initialize(s: Linear<1, 1_024>) {
        for _ in 0..s {
            subnet::<T>(u16::MAX);
        }
        let block = frame_system::Pallet::<T>::block_number().saturated_into::<u64>().saturating_add(1);
        set_block::<T>(block);
        #[block]
        {
            Pallet::<T>::on_initialize(block.saturated_into());
        }
        assert!(SubnetTAO::<T>::get(1) > 0);
    }

    /// One block in which one subnet of `n` neurons and `v` validators runs its epoch (the
    /// block's coinbase of that subnet included).
    #[benchmark]
    fn epoch(n: Linear<2, { admin::MAX_ALLOWED_UIDS_BOUND as u32 }>, v: Linear<1, 128>) {
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        let v = u16::try_from(v).unwrap_or(u16::MAX).min(n);
        let (netuid, block) = epoch_state::<T>(n, v);
        set_block::<T>(block);
        #[block]
        {
            Pallet::<T>::on_initialize(block.saturated_into());
        }
        assert_eq!(LastMechansimStepBlock::<T>::get(netuid), block);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
