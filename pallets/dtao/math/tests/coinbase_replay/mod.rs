//! Replays `coinbase.json`: every scenario block by block from its initial state, with the
//! pool events between blocks, comparing every recorded column of every subnet-block record,
//! the block totals, the event results and the final state.
use crate::common::{bits_i, bits_u, field, opt_u64, u64_of, Mismatches};
use dtao_math::{
    coinbase::{should_run_epoch, subnet_emission, SubnetEmissionInput},
    emission::block_emission_for_issuance,
    moving_price::{moving_alpha_price, next_moving_price},
    pool::{PoolReserves, StakeChange},
    I96F32, U96F32,
};
use serde_json::{json, Value};

struct Subnet {
    netuid: u16,
    dynamic: bool,
    pool: PoolReserves,
    moving: I96F32,
    tempo: u16,
    registration: bool,
    pow_registration: bool,
    first_emission: Option<u64>,
    halving: u64,
    pending_emission: u64,
    pending_root_divs: u64,
    pending_swapped: u64,
    pending_owner_cut: u64,
    blocks_since_last_step: u64,
}

struct State {
    total_issuance: u64,
    total_stake: u64,
    tao_weight: u64,
    owner_cut: u16,
    moving_alpha: I96F32,
    root_tao: u64,
    subnets: Vec<Subnet>,
}

fn flag(v: &Value) -> bool {
    v.as_bool()
        .unwrap_or_else(|| panic!("expected a bool, found {v}"))
}

fn small<T: TryFrom<u64>>(v: &Value) -> T {
    T::try_from(u64_of(v)).unwrap_or_else(|_| panic!("out of range: {v}"))
}

impl State {
    fn load(s: &Value) -> Self {
        let subnets = s["subnets"]
            .as_array()
            .expect("subnets")
            .iter()
            .map(|n| Subnet {
                netuid: small(&n["netuid"]),
                dynamic: u64_of(&n["mechanism"]) == 1,
                pool: PoolReserves {
                    tao: u64_of(&n["subnet_tao"]),
                    alpha_in: u64_of(&n["alpha_in"]),
                    alpha_out: u64_of(&n["alpha_out"]),
                },
                moving: I96F32::from_bits(bits_i(&n["moving_price"])),
                tempo: small(&n["tempo"]),
                registration: flag(&n["registration_allowed"]),
                pow_registration: flag(&n["pow_registration_allowed"]),
                first_emission: opt_u64(&n["first_emission_block"]),
                halving: u64_of(&n["ema_price_halving_blocks"]),
                pending_emission: u64_of(&n["pending_emission"]),
                pending_root_divs: u64_of(&n["pending_root_divs"]),
                pending_swapped: u64_of(&n["pending_alpha_swapped"]),
                pending_owner_cut: u64_of(&n["pending_owner_cut"]),
                blocks_since_last_step: u64_of(&n["blocks_since_last_step"]),
            })
            .collect();
        Self {
            total_issuance: u64_of(&s["total_issuance"]),
            total_stake: u64_of(&s["total_stake"]),
            tao_weight: u64_of(&s["tao_weight"]),
            owner_cut: small(&s["subnet_owner_cut"]),
            moving_alpha: I96F32::from_bits(bits_i(&s["subnet_moving_alpha"])),
            root_tao: u64_of(&s["root_subnet_tao"]),
            subnets,
        }
    }

    fn subnet(&mut self, netuid: &Value) -> &mut Subnet {
        let netuid: u16 = small(netuid);
        self.subnets
            .iter_mut()
            .find(|n| n.netuid == netuid)
            .unwrap_or_else(|| panic!("no subnet {netuid}"))
    }

    fn apply_stake_change(&mut self, change: StakeChange) {
        self.total_stake = change.apply(self.total_stake);
    }

    /// Applies one event; returns its result fields.
    fn apply_event(&mut self, e: &Value, block: u64) -> Vec<(&'static str, u64)> {
        let kind = e["type"].as_str().expect("type");
        match kind {
            "swap_tao_for_alpha" | "swap_alpha_for_tao" | "burned_register" => {
                let amount = u64_of(&e["amount"]);
                let n = self.subnet(&e["netuid"]);
                let out = match kind {
                    "swap_tao_for_alpha" => n.pool.apply_tao_for_alpha(n.dynamic, amount),
                    "swap_alpha_for_tao" => n.pool.apply_alpha_for_tao(n.dynamic, amount),
                    _ => n.pool.apply_burned_registration(n.dynamic, amount),
                };
                n.pool = out.reserves;
                self.apply_stake_change(out.total_stake);
                vec![("amount_out", out.amount_out)]
            }
            "add_stake" | "remove_stake" => {
                let (amount, fee) = (u64_of(&e["amount"]), u64_of(&e["fee"]));
                let n = self.subnet(&e["netuid"]);
                let out = if kind == "add_stake" {
                    n.pool.apply_stake(n.dynamic, amount, fee)
                } else {
                    n.pool.apply_unstake(n.dynamic, amount, fee)
                };
                n.pool = out.reserves;
                self.apply_stake_change(out.total_stake);
                let swapped = if kind == "add_stake" {
                    "tao_staked"
                } else {
                    "tao_swapped"
                };
                vec![
                    (swapped, out.swapped),
                    ("actual_fee", out.actual_fee),
                    ("amount_out", out.amount_out),
                ]
            }
            "start_call" => {
                let first = block.saturating_add(1);
                self.subnet(&e["netuid"]).first_emission = Some(first);
                vec![("first_emission_block", first)]
            }
            "set_tao_weight" => {
                self.tao_weight = u64_of(&e["value"]);
                vec![]
            }
            "set_registration_allowed" => {
                let n = self.subnet(&e["netuid"]);
                n.registration = flag(&e["registration_allowed"]);
                n.pow_registration = flag(&e["pow_registration_allowed"]);
                vec![]
            }
            other => panic!("unknown event {other}"),
        }
    }

    /// One block's coinbase; returns the block record as the file writes it.
    fn run_block(&mut self, block: u64) -> (u64, U96F32, Vec<Vec<Value>>) {
        let block_emission = block_emission_for_issuance(self.total_issuance).unwrap_or(0);
        let total_moving = self
            .subnets
            .iter()
            .filter(|n| n.first_emission.is_some())
            .fold(U96F32::from_num(0u8), |acc, n| {
                acc.saturating_add(moving_alpha_price(n.dynamic, n.moving))
            });
        let mut outcomes = Vec::new();
        for n in self.subnets.iter().filter(|n| n.first_emission.is_some()) {
            let input = SubnetEmissionInput {
                block_emission: U96F32::saturating_from_num(block_emission),
                total_moving_prices: total_moving,
                moving_price: moving_alpha_price(n.dynamic, n.moving),
                is_dynamic: n.dynamic,
                reserves: n.pool,
                registration_open: n.registration || n.pow_registration,
                owner_cut: self.owner_cut,
                tao_weight: self.tao_weight,
                root_tao: self.root_tao,
            };
            outcomes.push((n.netuid, input.moving_price, subnet_emission(&input)));
        }
        // Step 4 for every subnet before step 6 for any: TotalStake += tao_in, then −= root_tao.
        for (_, _, o) in &outcomes {
            self.total_stake = self.total_stake.saturating_add(o.tao_in);
            self.total_issuance = self.total_issuance.saturating_add(o.tao_in);
        }
        for (_, _, o) in &outcomes {
            self.total_stake = self.total_stake.saturating_sub(o.root_tao);
        }
        let mut rows = Vec::new();
        for n in self.subnets.iter_mut() {
            let found = outcomes.iter().find(|(netuid, _, _)| *netuid == n.netuid);
            let mut row = vec![json!(n.netuid), json!(found.is_some())];
            if let Some((_, moving_used, o)) = found {
                n.pool = o.reserves;
                n.pending_owner_cut = n.pending_owner_cut.saturating_add(o.owner_cut);
                n.pending_swapped = n.pending_swapped.saturating_add(o.root_alpha);
                n.pending_emission = n.pending_emission.saturating_add(o.pending_alpha);
                n.pending_root_divs = n.pending_root_divs.saturating_add(o.root_tao);
                let price = n.pool.price(n.dynamic);
                n.moving = next_moving_price(
                    price,
                    moving_alpha_price(n.dynamic, n.moving),
                    self.moving_alpha,
                    block,
                    n.first_emission,
                    n.halving,
                );
                row.extend([
                    json!(o.price.to_bits().to_string()),
                    json!(moving_used.to_bits().to_string()),
                    json!(o.alpha_emission),
                    json!(o.tao_in),
                    json!(o.alpha_in),
                    json!(o.alpha_out),
                    json!(o.owner_cut),
                    json!(o.root_alpha),
                    json!(o.root_tao),
                    json!(o.pending_alpha),
                ]);
            } else {
                row.extend(std::iter::repeat_n(Value::Null, 10));
            }
            row.extend([
                json!(n.pool.tao),
                json!(n.pool.alpha_in),
                json!(n.pool.alpha_out),
                json!(n.moving.to_bits().to_string()),
            ]);
            let epoch = should_run_epoch(n.netuid, n.tempo, block);
            let drained = if epoch {
                let d = [
                    n.pending_emission,
                    n.pending_root_divs,
                    n.pending_swapped,
                    n.pending_owner_cut,
                ];
                n.pending_emission = 0;
                n.pending_root_divs = 0;
                n.pending_swapped = 0;
                n.pending_owner_cut = 0;
                n.blocks_since_last_step = 0;
                d.map(|x| json!(x))
            } else {
                n.blocks_since_last_step = n.blocks_since_last_step.saturating_add(1);
                [Value::Null, Value::Null, Value::Null, Value::Null]
            };
            row.extend([
                json!(n.pending_emission),
                json!(n.pending_root_divs),
                json!(n.pending_swapped),
                json!(n.pending_owner_cut),
                json!(n.blocks_since_last_step),
                json!(epoch),
            ]);
            row.extend(drained);
            rows.push(row);
        }
        (block_emission, total_moving, rows)
    }
}

fn check_pool_state(m: &mut Mismatches, at: &str, state: &mut State, e: &Value) {
    let Some(after) = e.get("state_after") else {
        return;
    };
    if e.get("netuid").is_none() {
        return;
    }
    let total_stake = state.total_stake;
    let n = state.subnet(&e["netuid"]);
    m.eq(
        at,
        "state_after.subnet_tao",
        n.pool.tao,
        u64_of(&after["subnet_tao"]),
    );
    m.eq(
        at,
        "state_after.alpha_in",
        n.pool.alpha_in,
        u64_of(&after["alpha_in"]),
    );
    m.eq(
        at,
        "state_after.alpha_out",
        n.pool.alpha_out,
        u64_of(&after["alpha_out"]),
    );
    m.eq(
        at,
        "state_after.total_stake",
        total_stake,
        u64_of(&after["total_stake"]),
    );
}

fn check_final(m: &mut Mismatches, at: &str, state: &State, f: &Value) {
    m.eq(
        at,
        "final total_issuance",
        state.total_issuance,
        u64_of(&f["total_issuance"]),
    );
    m.eq(
        at,
        "final total_stake",
        state.total_stake,
        u64_of(&f["total_stake"]),
    );
    m.eq(
        at,
        "final tao_weight",
        state.tao_weight,
        u64_of(&f["tao_weight"]),
    );
    for (n, want) in state
        .subnets
        .iter()
        .zip(f["subnets"].as_array().expect("subnets"))
    {
        let at = format!("{at} final netuid {}", n.netuid);
        m.eq(&at, "netuid", u64::from(n.netuid), u64_of(&want["netuid"]));
        m.eq(&at, "subnet_tao", n.pool.tao, u64_of(&want["subnet_tao"]));
        m.eq(&at, "alpha_in", n.pool.alpha_in, u64_of(&want["alpha_in"]));
        m.eq(
            &at,
            "alpha_out",
            n.pool.alpha_out,
            u64_of(&want["alpha_out"]),
        );
        m.eq(
            &at,
            "moving_price",
            n.moving.to_bits(),
            bits_i(&want["moving_price"]),
        );
        m.eq(
            &at,
            "first_emission_block",
            n.first_emission,
            opt_u64(&want["first_emission_block"]),
        );
        m.eq(
            &at,
            "pending_emission",
            n.pending_emission,
            u64_of(&want["pending_emission"]),
        );
        m.eq(
            &at,
            "pending_root_divs",
            n.pending_root_divs,
            u64_of(&want["pending_root_divs"]),
        );
        m.eq(
            &at,
            "pending_alpha_swapped",
            n.pending_swapped,
            u64_of(&want["pending_alpha_swapped"]),
        );
        m.eq(
            &at,
            "pending_owner_cut",
            n.pending_owner_cut,
            u64_of(&want["pending_owner_cut"]),
        );
        m.eq(
            &at,
            "blocks_since_last_step",
            n.blocks_since_last_step,
            u64_of(&want["blocks_since_last_step"]),
        );
    }
}

fn events_checked_in_block(events: &[Value], block: u64) -> usize {
    events
        .iter()
        .filter(|e| u64_of(&e["after_block"]) == block)
        .count()
}

/// Replays every scenario; one "case" per subnet-block record.
pub fn run(file: &Value) {
    let mut m = Mismatches::new("coinbase.json");
    let columns: Vec<&str> = file["subnet_record_fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|c| c.as_str().expect("name"))
        .collect();
    let scenarios = file["scenarios"].as_array().expect("scenarios");
    let (mut blocks_checked, mut events_checked) = (0usize, 0usize);
    for scenario in scenarios {
        let name = scenario["name"].as_str().expect("name");
        let mut state = State::load(&scenario["initial_state"]);
        let first = u64_of(&scenario["initial_state"]["block"]);
        let events = scenario["events"].as_array().expect("events");
        for e in events.iter().filter(|e| u64_of(&e["after_block"]) < first) {
            state.apply_event(e, u64_of(&e["after_block"]));
        }
        for record in scenario["blocks"].as_array().expect("blocks") {
            let block = u64_of(&record["block"]);
            let at = format!("{name} block {block}");
            let (emission, total_moving, rows) = state.run_block(block);
            m.eq(
                &at,
                "block_emission",
                emission,
                u64_of(&record["block_emission"]),
            );
            m.eq(
                &at,
                "total_moving_prices",
                total_moving.to_bits(),
                bits_u(&record["total_moving_prices"]),
            );
            m.eq(
                &at,
                "total_issuance",
                state.total_issuance,
                u64_of(&record["total_issuance"]),
            );
            m.eq(
                &at,
                "total_stake",
                state.total_stake,
                u64_of(&record["total_stake"]),
            );
            let recorded = record["subnets"].as_array().expect("subnets");
            m.eq(&at, "subnet count", rows.len(), recorded.len());
            for (row, want) in rows.iter().zip(recorded) {
                let want = want.as_array().expect("row");
                let at = format!("{at} netuid {}", row.first().unwrap_or(&Value::Null));
                m.eq(&at, "column count", row.len(), want.len());
                for ((column, got), want) in columns.iter().zip(row).zip(want) {
                    m.eq(&at, column, got, want);
                }
                m.case_done();
            }
            let logged_list = record.get("events_after").and_then(Value::as_array);
            let due = events.iter().filter(|e| u64_of(&e["after_block"]) == block);
            for (index, e) in due.enumerate() {
                let results = state.apply_event(e, block);
                events_checked += 1;
                let ev_at = format!("{at} event {index} {}", e["type"]);
                let Some(logged) = logged_list.and_then(|list| list.get(index)) else {
                    m.eq(&ev_at, "logged in events_after", false, true);
                    continue;
                };
                m.eq(&ev_at, "type", &logged["type"], &e["type"]);
                for (key, value) in results {
                    m.eq(&ev_at, key, value, u64_of(field(&logged["result"], key)));
                }
                check_pool_state(&mut m, &ev_at, &mut state, logged);
            }
            m.eq(
                &at,
                "events_after count",
                logged_list.map_or(0, Vec::len),
                events_checked_in_block(events, block),
            );
            blocks_checked += 1;
        }
        check_final(&mut m, name, &state, &scenario["final_state"]);
    }
    eprintln!(
        "coinbase.json: {} scenarios, {blocks_checked} blocks, {events_checked} events replayed",
        scenarios.len()
    );
    m.finish(24_352);
}
