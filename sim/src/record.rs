//! What a run writes: `blocks.csv`, `epochs.csv`, `actions.csv`, the summary table and the
//! charts. Amounts are integers in rao (exact); prices and shares are decimals with fixed
//! precision, so the files are the same bytes on every run.
//!
//! Per block and subnet (`blocks.csv`, every `sample_every` blocks): the spot price and the
//! moving price (TAO per alpha), the share of the block's TAO emission (`tao_in` over the sum
//! of every subnet's `tao_in`), the coinbase's `tao_in`, `alpha_in`, `alpha_out`, owner cut,
//! alpha sold for root and the TAO it fetched (the `SubnetEmission` event), the pool's TAO and
//! alpha reserves and the alpha outstanding. Per epoch and neuron (`epochs.csv`): stake (the
//! hotkey's alpha on the subnet), incentive and dividends (fractions of 1), the alpha the
//! epoch emitted to it, and its validator permit.
use crate::actors::Action;
use crate::plot::{self, Line};
use crate::scenario::{Scenario, Series, RAO};
use dtao_runtime::Runtime;
use pallet_dtao::Event;
use sp_core::crypto::AccountId32;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Sampled values of one subnet at one block.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sample {
    /// Block.
    pub block: u64,
    /// Spot price.
    pub price: f64,
    /// Moving price.
    pub moving: f64,
    /// Share of the TAO emission (fraction).
    pub share: f64,
    /// Root's share of `alpha_out` (fraction).
    pub root_share: f64,
    /// Pool TAO (TAO).
    pub tao: f64,
    /// Pool alpha (alpha).
    pub alpha_in: f64,
    /// Alpha outstanding (alpha).
    pub alpha_out: f64,
}

/// Totals of one subnet over the run.
#[derive(Clone, Debug, Default)]
struct Totals {
    tao_in: u128,
    alpha_in: u128,
    alpha_out: u128,
    owner_cut: u128,
    root_alpha: u128,
    root_tao: u128,
    share_sum: f64,
    blocks: u64,
    first_share: Option<f64>,
    last: Sample,
}

#[derive(Clone, Copy, Default)]
struct Coinbase {
    tao_in: u64,
    alpha_in: u64,
    alpha_out: u64,
    owner_cut: u64,
    root_alpha: u64,
    root_tao: u64,
}

/// Collects a run's outputs.
pub struct Recorder {
    out: Option<PathBuf>,
    blocks: Option<BufWriter<File>>,
    epochs: Option<BufWriter<File>>,
    actions: Option<BufWriter<File>>,
    sample_every: u64,
    last_block: u64,
    plotted: Vec<u16>,
    samples: BTreeMap<u16, Vec<Sample>>,
    totals: BTreeMap<u16, Totals>,
    calls: BTreeMap<(String, &'static str), (u64, u64)>,
    /// Per plotted subnet with at most [`EPOCH_CHART_NEURONS`] neurons: each hotkey's
    /// cumulative epoch emission (alpha) after each epoch.
    epoch_emission: BTreeMap<u16, BTreeMap<String, Vec<(f64, f64)>>>,
}

/// Subnets with at most this many neurons get a chart of each neuron's cumulative emission.
pub const EPOCH_CHART_NEURONS: u16 = 10;

fn price(p: substrate_fixed::types::U96F32) -> f64 {
    p.to_num::<f64>()
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

fn create(dir: &Path, name: &str, header: &str) -> Result<BufWriter<File>, String> {
    let path = dir.join(name);
    let mut w = BufWriter::new(File::create(&path).map_err(io(&path))?);
    writeln!(w, "{header}").map_err(io(&path))?;
    Ok(w)
}

fn name_of(names: &BTreeMap<AccountId32, String>, id: &AccountId32) -> String {
    names.get(id).cloned().unwrap_or_else(|| format!("{id}"))
}

/// The subnets a plot draws: those named, else the first ten.
fn plot_netuids(s: &Scenario) -> Vec<u16> {
    let mut all: Vec<u16> = s.subnets.iter().map(|sn| sn.get_ref().netuid).collect();
    all.sort();
    let mut wanted: Vec<u16> = Vec::new();
    for p in &s.plots {
        let p = p.get_ref();
        if p.netuids.is_empty() {
            wanted.extend(all.iter().take(10));
        } else {
            wanted.extend(&p.netuids);
        }
    }
    if s.plots.is_empty() {
        wanted.extend(all.iter().take(10));
    }
    wanted.sort();
    wanted.dedup();
    wanted
}

impl Recorder {
    /// A recorder writing into `out` (created), or into nothing.
    pub fn new(s: &Scenario, blocks_run: u64, out: Option<&Path>) -> Result<Self, String> {
        let (mut blocks, mut epochs, mut actions) = (None, None, None);
        if let Some(dir) = out {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            blocks = Some(create(
                dir,
                "blocks.csv",
                "block,netuid,price,moving_price,emission_share,tao_in_rao,alpha_in_rao,alpha_out_rao,owner_cut_rao,root_alpha_sold_rao,root_tao_received_rao,pool_tao_rao,pool_alpha_rao,alpha_outstanding_rao",
            )?);
            epochs = Some(create(dir, "epochs.csv", "block,netuid,uid,hotkey,stake_alpha_rao,incentive,dividends,emission_alpha_rao,validator_permit")?);
            actions = Some(create(dir, "actions.csv", "block,actor,call,netuid,amount_rao,result_rao,outcome")?);
        }
        Ok(Self {
            out: out.map(Path::to_path_buf),
            blocks,
            epochs,
            actions,
            sample_every: s.sample_every.unwrap_or(1),
            last_block: blocks_run,
            plotted: plot_netuids(s),
            samples: BTreeMap::new(),
            totals: BTreeMap::new(),
            calls: BTreeMap::new(),
            epoch_emission: BTreeMap::new(),
        })
    }

    /// Records block `block` (after it closed); returns the subnets whose epoch ran in it.
    pub fn block(
        &mut self,
        block: u64,
        events: &[Event<Runtime>],
        names: &BTreeMap<AccountId32, String>,
        log: &[Action],
    ) -> Result<Vec<u16>, String> {
        let mut coinbase: BTreeMap<u16, Coinbase> = BTreeMap::new();
        let mut drained: Vec<u16> = Vec::new();
        for e in events {
            match e {
                Event::SubnetEmission { netuid, tao_in, alpha_in, alpha_out, owner_cut, root_alpha, root_tao, .. } => {
                    coinbase.insert(*netuid, Coinbase {
                        tao_in: *tao_in,
                        alpha_in: *alpha_in,
                        alpha_out: *alpha_out,
                        owner_cut: *owner_cut,
                        root_alpha: *root_alpha,
                        root_tao: *root_tao,
                    });
                },
                Event::EmissionDrained { netuid, .. } => drained.push(*netuid),
                _ => {},
            }
        }
        let total_tao_in: u128 = coinbase.values().map(|c| u128::from(c.tao_in)).sum();
        let sampled = block.is_multiple_of(self.sample_every) || block == 1 || block == self.last_block;
        let mut netuids: Vec<u16> = pallet_dtao::NetworksAdded::<Runtime>::iter_keys().filter(|n| *n != 0).collect();
        netuids.sort();
        let mut row = String::new();
        for netuid in netuids {
            let c = coinbase.get(&netuid).copied().unwrap_or_default();
            let share = if total_tao_in == 0 { 0.0 } else { c.tao_in as f64 / total_tao_in as f64 };
            let t = self.totals.entry(netuid).or_default();
            t.tao_in += u128::from(c.tao_in);
            t.alpha_in += u128::from(c.alpha_in);
            t.alpha_out += u128::from(c.alpha_out);
            t.owner_cut += u128::from(c.owner_cut);
            t.root_alpha += u128::from(c.root_alpha);
            t.root_tao += u128::from(c.root_tao);
            t.share_sum += share;
            t.blocks += 1;
            t.first_share.get_or_insert(share);
            // The pool and prices are read only for a sampled block (the last block is one,
            // so the summary's last values are the run's).
            if !sampled {
                continue;
            }
            let root_share = if c.alpha_out == 0 { 0.0 } else { c.root_alpha as f64 / c.alpha_out as f64 };
            let (tao, alpha_in, alpha_out) = (
                pallet_dtao::SubnetTAO::<Runtime>::get(netuid),
                pallet_dtao::SubnetAlphaIn::<Runtime>::get(netuid),
                pallet_dtao::SubnetAlphaOut::<Runtime>::get(netuid),
            );
            let sample = Sample {
                block,
                price: price(pallet_dtao::Pallet::<Runtime>::get_alpha_price(netuid)),
                moving: price(pallet_dtao::Pallet::<Runtime>::get_moving_alpha_price(netuid)),
                share,
                root_share,
                tao: tao as f64 / RAO as f64,
                alpha_in: alpha_in as f64 / RAO as f64,
                alpha_out: alpha_out as f64 / RAO as f64,
            };
            t.last = sample;
            if let Some(w) = self.blocks.as_mut() {
                row.clear();
                let _ = writeln!(
                    row,
                    "{block},{netuid},{:.12},{:.12},{:.9},{},{},{},{},{},{},{tao},{alpha_in},{alpha_out}",
                    sample.price, sample.moving, share, c.tao_in, c.alpha_in, c.alpha_out, c.owner_cut, c.root_alpha, c.root_tao
                );
                w.write_all(row.as_bytes()).map_err(|e| e.to_string())?;
            }
            if self.plotted.contains(&netuid) {
                self.samples.entry(netuid).or_default().push(sample);
            }
        }
        if let Some(w) = self.epochs.as_mut() {
            for &netuid in &drained {
                let incentive = pallet_dtao::Incentive::<Runtime>::get(netuid);
                let dividends = pallet_dtao::Dividends::<Runtime>::get(netuid);
                let emission = pallet_dtao::Emission::<Runtime>::get(netuid);
                let permit = pallet_dtao::ValidatorPermit::<Runtime>::get(netuid);
                for uid in 0..pallet_dtao::SubnetworkN::<Runtime>::get(netuid) {
                    let Some(hotkey) = pallet_dtao::Keys::<Runtime>::get(netuid, uid) else { continue };
                    let i = usize::from(uid);
                    let stake = pallet_dtao::TotalHotkeyAlpha::<Runtime>::get(&hotkey, netuid);
                    let n = pallet_dtao::SubnetworkN::<Runtime>::get(netuid);
                    if self.plotted.contains(&netuid) && n <= EPOCH_CHART_NEURONS {
                        let paid = emission.get(i).copied().unwrap_or(0) as f64 / RAO as f64;
                        let series = self.epoch_emission.entry(netuid).or_default().entry(name_of(names, &hotkey)).or_default();
                        let total = series.last().map(|p| p.1).unwrap_or(0.0) + paid;
                        series.push((block as f64, total));
                    }
                    let frac = |v: &Vec<u16>| f64::from(v.get(i).copied().unwrap_or(0)) / 65_535.0;
                    writeln!(
                        w,
                        "{block},{netuid},{uid},{},{stake},{:.6},{:.6},{},{}",
                        name_of(names, &hotkey),
                        frac(&incentive),
                        frac(&dividends),
                        emission.get(i).copied().unwrap_or(0),
                        permit.get(i).copied().unwrap_or(false)
                    )
                    .map_err(|e| e.to_string())?;
                }
            }
        }
        for a in log {
            let entry = self.calls.entry((a.actor.split(':').next().unwrap_or("").to_string(), a.call)).or_default();
            if a.outcome == "ok" {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
            if let Some(w) = self.actions.as_mut() {
                writeln!(w, "{},{},{},{},{},{},{}", a.block, a.actor, a.call, a.netuid, a.amount, a.result, a.outcome).map_err(|e| e.to_string())?;
            }
        }
        Ok(drained)
    }

    /// Writes the charts and the summary; returns the summary table.
    pub fn finish(mut self, s: &Scenario, blocks: u64) -> Result<String, String> {
        for w in [self.blocks.as_mut(), self.epochs.as_mut(), self.actions.as_mut()].into_iter().flatten() {
            w.flush().map_err(|e| e.to_string())?;
        }
        let summary = self.summary(s, blocks);
        if let Some(dir) = self.out.clone() {
            let path = dir.join("summary.txt");
            std::fs::write(&path, &summary).map_err(io(&path))?;
            for (file, title, series, netuids) in self.charts(s) {
                let lines: Vec<Line> = netuids
                    .iter()
                    .filter_map(|n| self.samples.get(n).map(|v| (n, v)))
                    .map(|(n, v)| Line { label: format!("SN{n}"), points: v.iter().map(|p| (p.block as f64, value(series, p))).collect() })
                    .collect();
                let path = dir.join(format!("{file}.svg"));
                std::fs::write(&path, plot::svg(&title, "block (12 s each)", y_title(series), &lines)).map_err(io(&path))?;
            }
            for (netuid, by_hotkey) in &self.epoch_emission {
                let lines: Vec<Line> = by_hotkey.iter().map(|(h, points)| Line { label: h.clone(), points: points.clone() }).collect();
                let path = dir.join(format!("epoch-emission-sn{netuid}.svg"));
                let title = format!("{}: SN{netuid}, alpha emitted to each neuron by its epochs", s.name);
                std::fs::write(&path, plot::svg(&title, "block (12 s each)", "cumulative epoch emission (alpha)", &lines)).map_err(io(&path))?;
            }
        }
        Ok(summary)
    }

    fn charts(&self, s: &Scenario) -> Vec<(String, String, Series, Vec<u16>)> {
        if s.plots.is_empty() {
            return [(Series::Price, "price"), (Series::MovingPrice, "moving-price"), (Series::EmissionShare, "emission-share")]
                .into_iter()
                .map(|(series, file)| (file.to_string(), format!("{}: {}", s.name, y_title(series)), series, self.plotted.clone()))
                .collect();
        }
        s.plots
            .iter()
            .map(|p| {
                let p = p.get_ref();
                let netuids = if p.netuids.is_empty() { self.plotted.iter().take(10).copied().collect() } else { p.netuids.clone() };
                (p.file.clone(), p.title.clone(), p.series, netuids)
            })
            .collect()
    }

    fn summary(&self, s: &Scenario, blocks: u64) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "scenario: {} ({blocks} blocks, seed {})", s.name, s.seed);
        let _ = writeln!(
            out,
            "{:>6} {:>12} {:>12} {:>9} {:>9} {:>9} {:>14} {:>14} {:>14} {:>12}",
            "netuid", "price", "moving", "share0 %", "share %", "mean %", "tao_in TAO", "owner_cut α", "root_sold α", "root TAO"
        );
        for (netuid, t) in &self.totals {
            let mean = if t.blocks == 0 { 0.0 } else { t.share_sum / t.blocks as f64 };
            let tao = |v: u128| v as f64 / RAO as f64;
            let _ = writeln!(
                out,
                "{:>6} {:>12.6} {:>12.6} {:>9.4} {:>9.4} {:>9.4} {:>14.3} {:>14.3} {:>14.3} {:>12.3}",
                netuid,
                t.last.price,
                t.last.moving,
                t.first_share.unwrap_or(0.0) * 100.0,
                t.last.share * 100.0,
                mean * 100.0,
                tao(t.tao_in),
                tao(t.owner_cut),
                tao(t.root_alpha),
                tao(t.root_tao)
            );
        }
        if !self.calls.is_empty() {
            let _ = writeln!(out, "calls (ok / refused):");
            for ((actor, call), (ok, bad)) in &self.calls {
                let _ = writeln!(out, "  {actor:<24} {call:<20} {ok:>7} / {bad}");
            }
        }
        out
    }
}

fn value(series: Series, s: &Sample) -> f64 {
    match series {
        Series::Price => s.price,
        Series::MovingPrice => s.moving,
        Series::EmissionShare => s.share * 100.0,
        Series::RootShare => s.root_share * 100.0,
        Series::TaoIn => s.tao,
        Series::AlphaIn => s.alpha_in,
        Series::AlphaOut => s.alpha_out,
    }
}

fn y_title(series: Series) -> &'static str {
    match series {
        Series::Price => "spot price (TAO per alpha)",
        Series::MovingPrice => "moving price (TAO per alpha)",
        Series::EmissionShare => "share of the TAO block emission (%)",
        Series::RootShare => "alpha sold for root / alpha_out (%)",
        Series::TaoIn => "TAO in the pool (TAO)",
        Series::AlphaIn => "alpha in the pool (alpha)",
        Series::AlphaOut => "alpha outstanding (alpha)",
    }
}
