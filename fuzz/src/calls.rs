//! Structured generation of calls from the fuzz input, inside the chain's state (it reads the
//! subnets that exist and the signer's balance and stake, to pick meaningful arguments).
//!
//! A first byte picks the pallet (SubtensorModule most often), the next ones the call and its
//! arguments: accounts from the fuzz set ([`crate::accounts`]) or, rarely, a fresh one;
//! netuids among the subnets that exist, the next free one, or any u16; amounts spread over
//! orders of magnitude ([`Input::amount`]), including 0 and `u64::MAX`. One choice in 16
//! decodes a whole `RuntimeCall` from raw bytes instead, filtered by [`excluded`]. Root's
//! minting calls are capped at [`ROOT_MINT_CAP`].
use crate::{accounts, input::Input};
use codec::DecodeLimit;
use dtao_runtime::{AccountId, Runtime, RuntimeCall};
use frame_support::weights::Weight;
use pallet_dtao::admin::{Parameter, SubnetU16, SubnetU64};
use pallet_dtao::consensus::EmissionPolicy;
use pallet_dtao::NetUid;
use pallet_registry::types::{Data, IdentityInfo};

type Dtao = pallet_dtao::Call<Runtime>;
type Balances = pallet_balances::Call<Runtime>;
type Sudo = pallet_sudo::Call<Runtime>;

/// The most root may mint in one `force_set_balance` or `force_adjust_total_issuance`:
/// 10^16 rao (10 M TAO, half the 21 M supply cap). 400 calls of it stay far below `u64::MAX`;
/// root minting up to `u64::MAX` saturates the issuance accounting (see `docs/fuzzing.md`).
pub const ROOT_MINT_CAP: u64 = 10_000_000_000_000_000;

/// Whether `call` is one the fuzzer never sends, anywhere in it (also inside `Sudo`):
/// System's raw storage writes and runtime upgrades (see the crate docs for why).
pub fn excluded(call: &RuntimeCall) -> bool {
    use frame_system::Call as S;
    match call {
        RuntimeCall::System(c) => matches!(
            c,
            S::set_code { .. } |
                S::set_code_without_checks { .. } |
                S::set_storage { .. } |
                S::kill_storage { .. } |
                S::kill_prefix { .. } |
                S::authorize_upgrade { .. } |
                S::authorize_upgrade_without_checks { .. } |
                S::apply_authorized_upgrade { .. }
        ),
        RuntimeCall::Sudo(
            Sudo::sudo { call } | Sudo::sudo_unchecked_weight { call, .. } | Sudo::sudo_as { call, .. },
        ) => excluded(call),
        RuntimeCall::Balances(
            Balances::force_set_balance { new_free: value, .. } |
            Balances::force_adjust_total_issuance { delta: value, .. },
        ) => *value > ROOT_MINT_CAP,
        _ => false,
    }
}

/// Reads calls for one signer from the input.
pub struct Gen<'i, 'a> {
    /// The input.
    pub input: &'i mut Input<'a>,
    /// Index of the signer in the account set.
    pub signer: usize,
}

impl Gen<'_, '_> {
    /// An account: one of the set, or (1 in 32) a fresh one from 32 input bytes.
    fn account(&mut self) -> AccountId {
        let b = self.input.byte();
        if b % 32 == 31 {
            AccountId::from(self.input.array::<32>())
        } else {
            accounts::all()[usize::from(b) % accounts::COUNT].id.clone()
        }
    }

    /// The signer's account.
    fn me(&self) -> AccountId {
        accounts::all()[self.signer].id.clone()
    }

    /// A netuid: an existing subnet (root included), the next free one, or any u16.
    fn netuid(&mut self) -> NetUid {
        let mut nets: Vec<NetUid> = pallet_dtao::NetworksAdded::<Runtime>::iter_keys().collect();
        nets.sort_unstable();
        let next = nets.last().map_or(0, |n| n.saturating_add(1));
        match self.input.byte() % 16 {
            14 => next,
            15 => self.input.u16(),
            b => nets.get(usize::from(b) % nets.len().max(1)).copied().unwrap_or(0),
        }
    }

    fn free(&self) -> u64 {
        pallet_balances::Pallet::<Runtime>::free_balance(self.me())
    }

    /// The signer's alpha on `(hotkey, netuid)`.
    fn stake(&self, hotkey: &AccountId, netuid: NetUid) -> u64 {
        pallet_dtao::Pallet::<Runtime>::get_stake_for_hotkey_and_coldkey_on_subnet(hotkey, &self.me(), netuid)
    }

    /// A call for the signer: the pallet first, then the call.
    pub fn call(&mut self, depth: u8) -> RuntimeCall {
        match self.input.byte() % 24 {
            0 => self.system(),
            1 | 2 => self.balances(),
            3 | 4 if depth == 0 => self.sudo(),
            5 => self.registry(),
            6 => self.raw(),
            _ => RuntimeCall::SubtensorModule(self.dtao()),
        }
    }

    /// A call for `Root` (inside `sudo`).
    pub fn root_call(&mut self) -> RuntimeCall {
        match self.input.byte() % 10 {
            0 => RuntimeCall::System(frame_system::Call::set_heap_pages { pages: self.input.amount(64) }),
            1 => RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
                delay: self.input.u32() % 64,
                best_finalized_block_number: self.input.u32() % 64,
            }),
            2 | 3 => self.balances_root(),
            4 => self.call(1),
            _ => RuntimeCall::SubtensorModule(Dtao::sudo_set_parameter { parameter: self.parameter() }),
        }
    }

    fn raw(&mut self) -> RuntimeCall {
        let len = usize::from(self.input.byte());
        let bytes = self.input.take(len);
        match RuntimeCall::decode_with_depth_limit(8, &mut &bytes[..]) {
            Ok(call) if !excluded(&call) => call,
            _ => RuntimeCall::System(frame_system::Call::remark { remark: bytes.to_vec() }),
        }
    }

    fn system(&mut self) -> RuntimeCall {
        let remark = self.input.bytes(64);
        if self.input.bool() {
            RuntimeCall::System(frame_system::Call::remark { remark })
        } else {
            RuntimeCall::System(frame_system::Call::remark_with_event { remark })
        }
    }

    fn balances(&mut self) -> RuntimeCall {
        let dest = self.account().into();
        let value = self.input.amount(self.free());
        RuntimeCall::Balances(match self.input.byte() % 6 {
            0 => Balances::transfer_allow_death { dest, value },
            1 => Balances::transfer_keep_alive { dest, value },
            2 => Balances::transfer_all { dest, keep_alive: self.input.bool() },
            3 => Balances::burn { value, keep_alive: self.input.bool() },
            4 => Balances::upgrade_accounts { who: (0..self.input.below(4)).map(|_| self.account()).collect() },
            _ => return self.balances_root(),
        })
    }

    fn balances_root(&mut self) -> RuntimeCall {
        let who = self.account();
        let reference = pallet_balances::Pallet::<Runtime>::free_balance(&who);
        let value = self.input.amount(reference);
        let minted = value.min(ROOT_MINT_CAP);
        RuntimeCall::Balances(match self.input.byte() % 5 {
            0 => Balances::force_transfer { source: who.into(), dest: self.account().into(), value },
            1 => Balances::force_set_balance { who: who.into(), new_free: minted },
            2 => Balances::force_unreserve { who: who.into(), amount: value },
            _ => Balances::force_adjust_total_issuance {
                direction: if self.input.bool() {
                    pallet_balances::AdjustmentDirection::Increase
                } else {
                    pallet_balances::AdjustmentDirection::Decrease
                },
                delta: minted,
            },
        })
    }

    fn sudo(&mut self) -> RuntimeCall {
        RuntimeCall::Sudo(match self.input.byte() % 8 {
            0 => Sudo::sudo_unchecked_weight {
                call: Box::new(self.root_call()),
                weight: Weight::from_parts(self.input.amount(1 << 40), self.input.amount(1 << 20)),
            },
            1 => {
                let who = self.input.below(accounts::COUNT);
                let call = Gen { input: &mut *self.input, signer: who }.call(1);
                Sudo::sudo_as { who: accounts::all()[who].id.clone().into(), call: Box::new(call) }
            },
            2 if self.input.byte() % 8 == 0 => Sudo::set_key { new: self.account().into() },
            _ => Sudo::sudo { call: Box::new(self.root_call()) },
        })
    }

    fn data(&mut self) -> Data {
        match self.input.byte() % 4 {
            0 => Data::None,
            1 => Data::BlakeTwo256(self.input.array()),
            _ => Data::Raw(self.input.bytes(70).try_into().unwrap_or_default()),
        }
    }

    fn registry(&mut self) -> RuntimeCall {
        let identified = if self.input.bool() { self.me() } else { self.account() };
        RuntimeCall::Registry(if self.input.byte() % 3 == 0 {
            pallet_registry::Call::clear_identity { identified }
        } else {
            let additional = (0..self.input.below(3)).map(|_| (self.data(), self.data())).collect::<Vec<_>>();
            let info = IdentityInfo {
                additional: additional.try_into().unwrap_or_default(),
                display: self.data(),
                legal: self.data(),
                web: self.data(),
                riot: Data::None,
                email: self.data(),
                pgp_fingerprint: if self.input.bool() { Some(self.input.array()) } else { None },
                image: Data::None,
                twitter: self.data(),
            };
            pallet_registry::Call::set_identity { identified, info: Box::new(info) }
        })
    }

    fn limit_price(&mut self) -> u64 {
        // Prices are rao per alpha: 1e9 is 1.0.
        self.input.amount(1_000_000_000)
    }

    fn dtao(&mut self) -> Dtao {
        let hotkey = self.account();
        let netuid = self.netuid();
        let free = self.free();
        let stake = self.stake(&hotkey, netuid);
        match self.input.byte() % 30 {
            0 | 1 | 2 => Dtao::add_stake { hotkey, netuid, amount_staked: self.input.amount(free) },
            3 | 4 | 5 => Dtao::remove_stake { hotkey, netuid, amount_unstaked: self.input.amount(stake) },
            6 => Dtao::register_network { hotkey },
            7 => Dtao::register_network_with_identity {
                hotkey,
                identity: self.input.bool().then(|| pallet_dtao::client_info::subnet::SubnetIdentityV2 {
                    subnet_name: self.input.bytes(300),
                    github_repo: self.input.bytes(8),
                    subnet_contact: self.input.bytes(8),
                    subnet_url: self.input.bytes(8),
                    discord: self.input.bytes(8),
                    description: self.input.bytes(8),
                    additional: self.input.bytes(8),
                }),
            },
            8 | 9 => Dtao::burned_register { netuid, hotkey },
            10 | 11 => {
                let n = self.input.below(6);
                let n_uids = pallet_dtao::SubnetworkN::<Runtime>::get(netuid).saturating_add(1);
                Dtao::set_weights {
                    netuid,
                    dests: (0..n).map(|_| self.input.u16() % n_uids).collect(),
                    weights: (0..n + self.input.below(2)).map(|_| self.input.u16_value()).collect(),
                    version_key: if self.input.bool() { 0 } else { self.input.u64() },
                }
            },
            12 => {
                let n = self.input.below(5);
                Dtao::set_root_weights {
                    netuids: (0..n).map(|_| self.netuid()).collect(),
                    weights: (0..n).map(|_| self.input.u16_value()).collect(),
                    version_key: 0,
                }
            },
            13 => Dtao::root_register { hotkey },
            14 => Dtao::unstake_all { hotkey },
            15 => Dtao::unstake_all_alpha { hotkey },
            16 => Dtao::move_stake {
                origin_hotkey: hotkey,
                destination_hotkey: self.account(),
                origin_netuid: netuid,
                destination_netuid: self.netuid(),
                alpha_amount: self.input.amount(stake),
            },
            17 => Dtao::transfer_stake {
                destination_coldkey: self.account(),
                hotkey,
                origin_netuid: netuid,
                destination_netuid: self.netuid(),
                alpha_amount: self.input.amount(stake),
            },
            18 => Dtao::swap_stake {
                hotkey,
                origin_netuid: netuid,
                destination_netuid: self.netuid(),
                alpha_amount: self.input.amount(stake),
            },
            19 => Dtao::add_stake_limit {
                hotkey,
                netuid,
                amount_staked: self.input.amount(free),
                limit_price: self.limit_price(),
                allow_partial: self.input.bool(),
            },
            20 => Dtao::remove_stake_limit {
                hotkey,
                netuid,
                amount_unstaked: self.input.amount(stake),
                limit_price: self.limit_price(),
                allow_partial: self.input.bool(),
            },
            21 => Dtao::swap_stake_limit {
                hotkey,
                origin_netuid: netuid,
                destination_netuid: self.netuid(),
                alpha_amount: self.input.amount(stake),
                limit_price: self.limit_price(),
                allow_partial: self.input.bool(),
            },
            22 => Dtao::try_associate_hotkey { hotkey },
            23 => Dtao::start_call { netuid },
            24 => Dtao::set_children {
                hotkey,
                netuid,
                children: (0..self.input.below(6)).map(|_| (self.input.amount(u64::MAX / 2), self.account())).collect(),
            },
            25 => Dtao::set_childkey_take { hotkey, netuid, take: self.input.u16_value() },
            26 => {
                if self.input.bool() {
                    Dtao::decrease_take { hotkey, take: self.input.u16_value() }
                } else {
                    Dtao::increase_take { hotkey, take: self.input.u16_value() }
                }
            },
            27 => Dtao::serve_axon {
                netuid,
                version: self.input.u32(),
                ip: self.ip(),
                port: self.input.u16(),
                ip_type: self.ip_type(),
                protocol: self.input.byte() % 4,
                placeholder1: 0,
                placeholder2: 0,
            },
            28 => Dtao::serve_axon_tls {
                netuid,
                version: self.input.u32(),
                ip: self.ip(),
                port: self.input.u16(),
                ip_type: self.ip_type(),
                protocol: self.input.byte() % 4,
                placeholder1: self.input.byte(),
                placeholder2: self.input.byte(),
                certificate: self.input.bytes(80),
            },
            _ => Dtao::serve_prometheus {
                netuid,
                version: self.input.u32(),
                ip: self.ip(),
                port: self.input.u16(),
                ip_type: self.ip_type(),
            },
        }
    }

    fn ip(&mut self) -> u128 {
        match self.input.byte() % 4 {
            0 => u128::from(self.input.u32()),
            1 => 0,
            2 => u128::from(u32::MAX),
            _ => self.input.u128(),
        }
    }

    fn ip_type(&mut self) -> u8 {
        match self.input.byte() % 4 {
            0 | 1 => 4,
            2 => 6,
            _ => self.input.byte(),
        }
    }

    /// A root parameter for `sudo_set_parameter`: every variant, values near the edges.
    fn parameter(&mut self) -> Parameter {
        let netuid = self.netuid();
        let b = self.input.byte();
        let u64v = self.input.amount(1_000);
        let u16v = self.input.u16_value();
        let flag = self.input.bool();
        match b % 24 {
            0 => Parameter::Tempo { netuid, tempo: if flag { u16v } else { u16v % 12 } },
            1 => Parameter::SubnetOwnerCut(u16v),
            2 => Parameter::TaoWeight(u64v),
            3 => Parameter::SubnetMovingAlphaBits(match self.input.byte() % 4 {
                0 => 0,
                1 => 1 << 32,
                2 => i128::from(self.input.u32()),
                _ => self.input.u128() as i128,
            }),
            4 => Parameter::EmaPriceHalvingBlocks { netuid, blocks: u64v },
            5 => Parameter::NetworkRegistrationAllowed { netuid, allowed: flag },
            6 => Parameter::NetworkPowRegistrationAllowed { netuid, allowed: flag },
            7 => Parameter::TransferToggle { netuid, allowed: flag },
            8 => Parameter::NetworkMinLockCost(u64v),
            9 => Parameter::NetworkLockReductionInterval(u64v),
            10 => Parameter::NetworkRateLimit(u64v % 16),
            11 => Parameter::DurationOfStartCall(u64v % 64),
            12 => Parameter::EmissionPolicy(if flag { EmissionPolicy::RootWeights } else { EmissionPolicy::PriceEma }),
            13 => Parameter::StakeThreshold(u64v),
            14 => {
                let items = [
                    SubnetU16::MaxAllowedUids,
                    SubnetU16::ImmunityPeriod,
                    SubnetU16::MaxAllowedValidators,
                    SubnetU16::MinAllowedWeights,
                    SubnetU16::MaxWeightsLimit,
                    SubnetU16::Kappa,
                    SubnetU16::ActivityCutoff,
                    SubnetU16::BondsPenalty,
                    SubnetU16::TargetRegistrationsPerInterval,
                    SubnetU16::AdjustmentInterval,
                    SubnetU16::MaxRegistrationsPerBlock,
                ];
                Parameter::SubnetU16 { netuid, item: items[self.input.below(items.len())], value: u16v }
            },
            15 => {
                let items = [
                    SubnetU64::WeightsSetRateLimit,
                    SubnetU64::WeightsVersionKey,
                    SubnetU64::BondsMovingAverage,
                    SubnetU64::Burn,
                    SubnetU64::MinBurn,
                    SubnetU64::MaxBurn,
                    SubnetU64::ServingRateLimit,
                ];
                Parameter::SubnetU64 { netuid, item: items[self.input.below(items.len())], value: u64v }
            },
            16 => Parameter::LiquidAlphaOn { netuid, on: flag },
            17 => Parameter::MinDelegateTake(u16v),
            18 => Parameter::MaxDelegateTake(u16v),
            19 => Parameter::MinChildkeyTake(u16v),
            20 => Parameter::MaxChildkeyTake(u16v),
            21 => Parameter::TxDelegateTakeRateLimit(u64v % 64),
            22 => Parameter::TxChildkeyTakeRateLimit(u64v % 64),
            _ => Parameter::PendingChildKeyCooldown(u64v % 64),
        }
    }
}
