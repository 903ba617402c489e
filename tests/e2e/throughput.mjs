#!/usr/bin/env node
// Node throughput: fills the blocks of a `dtao-node --dev` (interval sealing, loopback only)
// with signed `add_stake` calls from many accounts and reports, block by block, the
// extrinsics, the normal-class weight used against its limit, and the block length.
//
//   DTAO_NODE=path/to/dtao-node node tests/e2e/throughput.mjs [--accounts N] [--blocks B]
//       [--interval MS] [--smoke] [--csv PATH] [--json PATH] [--max-txs N] [--timeout S] ...
//
// Phases: start a node on free loopback ports and a temporary base path; derive accounts
// //load/0.. from the dev phrase and fund them from Alice..Ferdie (transferKeepAlive); sign
// every add_stake in advance; submit them in JSON-RPC batches over HTTP (author_submitExtrinsic),
// keeping about `--backlog` blocks' worth in the pool; count the first block with add_stake
// as warm-up and measure the next B blocks; read each block's extrinsics, `system.blockWeight`
// and events, and the proposer's log line for it. Bounded by --max-txs and --timeout; the node
// is stopped on every exit path (error and SIGINT included). See docs/performance.md.
//
// Signing: @polkadot/util-crypto signs sr25519 in JavaScript (@scure/sr25519, ~2 ms a
// signature on the reference machine); this script signs with @polkadot/wasm-crypto
// (~0.25 ms) and lays out the extrinsic bytes itself, checked once per run against
// @polkadot/api's own encoding of the same transaction.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import { compactAddLength, compactToU8a, u8aConcat, u8aEq, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, keyExtractPath, mnemonicToMiniSecret, encodeAddress } from '@polkadot/util-crypto';
import * as wasm from '@polkadot/wasm-crypto';
import { freePort, spawnNode, stopNode, waitForRpc } from './harness.mjs';

const TAO = 1_000_000_000n;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const pct = (x) => (100 * x).toFixed(2);

// ---------------------------------------------------------------- options

const DEFAULTS = {
  accounts: 1000, // signers
  blocks: 10, // measured blocks (after one warm-up block)
  interval: 12_000, // ms between blocks (--sealing interval=)
  backlog: 2, // keep about this many blocks' worth of add_stake in the pool
  perBlock: 0, // add_stake wanted per block; 0: as many as the weight limit admits
  amount: 10_000_000n, // rao staked per call (0.01 TAO; the minimum is 550_000)
  maxTxs: 50_000, // at most this many add_stake signed and sent
  timeout: 900, // seconds of wall clock for the whole run
  batch: 250, // author_submitExtrinsic calls per HTTP request
  concurrency: 2, // HTTP requests in flight
  poolLimit: 8192, // the node's --pool-limit (its default)
  csv: '',
  json: '',
  smoke: false,
  quiet: false,
};
const SMOKE = { accounts: 6, blocks: 2, interval: 3_000, perBlock: 12, backlog: 2, timeout: 120 };

export function parseArgs(argv) {
  const opts = { ...DEFAULTS };
  const seen = new Set();
  const names = {
    '--accounts': 'accounts', '--blocks': 'blocks', '--interval': 'interval', '--backlog': 'backlog',
    '--per-block': 'perBlock', '--amount': 'amount', '--max-txs': 'maxTxs', '--timeout': 'timeout',
    '--batch': 'batch', '--concurrency': 'concurrency', '--pool-limit': 'poolLimit', '--csv': 'csv',
    '--json': 'json',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--smoke') { opts.smoke = true; continue; }
    if (arg === '--quiet') { opts.quiet = true; continue; }
    if (arg === '--help' || arg === '-h') { opts.help = true; continue; }
    const [flag, inline] = arg.split('=', 2);
    const key = names[flag];
    if (!key) throw new Error(`unknown option ${arg} (try --help)`);
    const value = inline ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (key === 'csv' || key === 'json') opts[key] = value;
    else if (key === 'amount') opts.amount = BigInt(value);
    else {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag}: not a number: ${value}`);
      opts[key] = n;
    }
    seen.add(key);
  }
  if (opts.smoke) for (const [k, v] of Object.entries(SMOKE)) if (!seen.has(k)) opts[k] = v;
  if (opts.accounts < 1 || opts.blocks < 1 || opts.interval < 1) throw new Error('--accounts, --blocks and --interval must be >= 1');
  return opts;
}

const HELP = `usage: DTAO_NODE=<dtao-node> node tests/e2e/throughput.mjs [options]
  --accounts N     signers //load/0..N-1, funded from the dev accounts (${DEFAULTS.accounts})
  --blocks B       blocks measured after one warm-up block (${DEFAULTS.blocks})
  --interval MS    --sealing interval=MS (${DEFAULTS.interval})
  --per-block K    add_stake wanted per block (default: what the normal weight limit admits)
  --backlog F      keep F x K add_stake in the pool (${DEFAULTS.backlog})
  --amount RAO     stake per call (${DEFAULTS.amount})
  --max-txs N      cap on add_stake signed and sent (${DEFAULTS.maxTxs})
  --timeout S      wall-clock cap of the run (${DEFAULTS.timeout})
  --batch N, --concurrency N   submission: calls per HTTP request, requests in flight
  --pool-limit N   the node's --pool-limit (${DEFAULTS.poolLimit})
  --csv PATH, --json PATH      per-block rows (CSV), everything (JSON)
  --smoke          a tiny run: ${SMOKE.accounts} accounts, ${SMOKE.blocks} blocks at ${SMOKE.interval} ms, ${SMOKE.perBlock} add_stake a block
  --quiet          no progress lines`;

// ---------------------------------------------------------------- keys and signing

// An sr25519 keypair (secret 64 bytes ++ public 32) for a path (`//Alice`, `//load/7`) under the dev phrase,
// derived as @polkadot/keyring's addFromUri does.
function makeDeriver() {
  const root = wasm.sr25519KeypairFromSeed(mnemonicToMiniSecret(DEV_PHRASE));
  return (path) => {
    let kp = root;
    for (const junction of keyExtractPath(path).path) {
      kp = junction.isHard ? wasm.sr25519DeriveKeypairHard(kp, junction.chainCode)
        : wasm.sr25519DeriveKeypairSoft(kp, junction.chainCode);
    }
    return { secret: kp.slice(0, 64), public: kp.slice(64), address: encodeAddress(kp.slice(64), 42) };
  };
}

// Builds signed, immortal extrinsics (v4) for this runtime's extensions: CheckNonZeroSender,
// CheckSpecVersion, CheckTxVersion, CheckGenesis, CheckMortality (CheckEra), CheckNonce, CheckWeight,
// ChargeTransactionPayment, SubtensorSignedExtension. Explicit part: era, nonce, tip;
// implicit part: spec and tx versions, genesis twice (immortal era).
function makeSigner(api) {
  const expected = ['CheckNonZeroSender', 'CheckSpecVersion', 'CheckTxVersion', 'CheckGenesis', 'CheckMortality',
    'CheckNonce', 'CheckWeight', 'ChargeTransactionPayment', 'SubtensorSignedExtension'];
  const actual = api.registry.signedExtensions;
  if (actual.join() !== expected.join()) throw new Error(`unexpected transaction extensions: ${actual.join()}`);
  const genesis = api.genesisHash.toU8a();
  const u32 = (n) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
  const implicit = u8aConcat(u32(api.runtimeVersion.specVersion.toNumber()),
    u32(api.runtimeVersion.transactionVersion.toNumber()), genesis, genesis);
  const payloadOf = (call, nonce) => {
    const explicit = u8aConcat([0x00], compactToU8a(nonce), compactToU8a(0));
    const raw = u8aConcat(call, explicit, implicit);
    return { explicit, raw, payload: raw.length > 256 ? blake2AsU8a(raw, 256) : raw };
  };
  const sign = (key, call, nonce) => {
    const { explicit, payload } = payloadOf(call, nonce);
    const signature = wasm.sr25519Sign(key.public, key.secret, payload);
    const body = u8aConcat([0x84, 0x00], key.public, [0x01], signature, explicit, call);
    return u8aToHex(compactAddLength(body));
  };
  return { sign, payloadOf };
}

// Signs one call both ways (ours, and @polkadot/api with a signer that returns our signature
// of the payload @polkadot/api asks for) and requires identical payloads and extrinsics.
async function checkSigner(api, signer, key, tx, nonce) {
  const call = tx.method.toU8a();
  const ours = signer.sign(key, call, nonce);
  const oursSigned = api.createType('Extrinsic', ours);
  let asked;
  const external = {
    signPayload: async (payload) => {
      asked = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version }).toU8a({ method: true });
      const bytes = asked.length > 256 ? blake2AsU8a(asked, 256) : asked;
      return { id: 1, signature: u8aToHex(u8aConcat([0x01], wasm.sr25519Sign(key.public, key.secret, bytes))) };
    },
  };
  const theirs = api.tx(tx.method);
  await theirs.signAsync(key.address, { signer: external, nonce, era: 0, blockHash: api.genesisHash });
  const ourRaw = signer.payloadOf(call, nonce).raw;
  if (!asked || !u8aEq(asked, ourRaw)) throw new Error(`signer self-check: payload differs\n ours   ${u8aToHex(ourRaw)}\n theirs ${asked && u8aToHex(asked)}`);
  // Same bytes except the (randomized) signature.
  const strip = (x) => { const e = api.createType('Extrinsic', x); return e.toHex().replace(e.signature.toHex().slice(2), ''); };
  if (strip(ours) !== strip(theirs.toHex())) throw new Error(`signer self-check: extrinsic differs\n ours   ${ours}\n theirs ${theirs.toHex()}`);
  if (oursSigned.signer.toString() !== key.address || oursSigned.nonce.toNumber() !== nonce) throw new Error('signer self-check: decode mismatch');
}

// ---------------------------------------------------------------- RPC over HTTP

async function rpcBatch(port, calls) {
  const body = calls.map(([method, params], id) => ({ jsonrpc: '2.0', id, method, params }));
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`RPC batch: HTTP ${res.status} ${await res.text()}`);
  const answers = await res.json();
  if (!Array.isArray(answers)) throw new Error(`RPC batch: ${JSON.stringify(answers).slice(0, 500)}`);
  const byId = new Array(calls.length);
  for (const a of answers) byId[a.id] = a;
  return byId;
}

// Submits hex extrinsics; returns the number accepted and a tally of the errors.
async function submitAll(port, hexes) {
  const answers = await rpcBatch(port, hexes.map((h) => ['author_submitExtrinsic', [h]]));
  let ok = 0;
  const errors = {};
  for (const a of answers) {
    if (a && 'result' in a) ok += 1;
    else {
      const e = a?.error ? `${a.error.code}: ${a.error.message}${a.error.data ? ` (${a.error.data})` : ''}` : 'no answer';
      errors[e] = (errors[e] ?? 0) + 1;
    }
  }
  return { ok, errors };
}

const addErrors = (into, from) => { for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v; };

// ---------------------------------------------------------------- progress

function progress(opts) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    step(label, done, total, started) {
      if (opts.quiet) return;
      const now = Date.now();
      if (done < total && now - last < (tty ? 200 : 2000)) return;
      last = now;
      const rate = done / Math.max(1e-3, (now - started) / 1000);
      const line = `${label} ${fmt(done)}/${fmt(total)} (${fmt(rate)}/s)`;
      if (tty) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
      else process.stderr.write(`${line}\n`);
    },
    log(line) { if (!opts.quiet) process.stderr.write(`${line}\n`); },
  };
}

// ---------------------------------------------------------------- the run

function proposerLines(logText) {
  // "🎁 Prepared block for proposing at 12 (431 ms) hash: ...; end: HitBlockWeightLimit; extrinsics_count: 790"
  const out = new Map();
  const re = /Prepared block for proposing at (\d+) \((\d+) ms\).*?end: (\w+); extrinsics_count: (\d+)/g;
  for (const m of logText.matchAll(re)) out.set(Number(m[1]), { buildMs: Number(m[2]), end: m[3], count: Number(m[4]) });
  return out;
}

export async function run(opts, ui = progress(opts)) {
  const startedAt = Date.now();
  const deadline = startedAt + opts.timeout * 1000;
  const timeLeft = () => deadline - Date.now();
  const load = { start: loadavg() };
  const base = mkdtempSync(join(tmpdir(), 'dtao-load-'));
  const stamp = `${opts.interval}ms-${opts.accounts}acc-${new Date(startedAt).toISOString().replace(/[:.]/g, '')}`;
  const csvPath = resolve(opts.csv || join(tmpdir(), `dtao-throughput-${stamp}.csv`));
  const logPath = csvPath.replace(/\.csv$/, '') + '.node.log';
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const flood = { signed: 0, accepted: 0, included: 0, errors: {}, signMs: 0, backlog: 0, fillMs: 0 };
  let node;
  let api;
  let unsubscribe;
  const stop = async () => {
    try { if (unsubscribe) unsubscribe(); } catch { /* already gone */ }
    try { if (api) await api.disconnect(); } catch { /* already gone */ }
    if (node) await stopNode(node);
    rmSync(base, { recursive: true, force: true });
  };
  const onSignal = () => { ui.log('interrupted: stopping the node'); stop().finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // A last resort: the run overran its cap by a minute (a hung RPC): stop everything.
  const hardStop = setTimeout(() => { ui.log(`wall-clock cap (${opts.timeout} s) exceeded by 60 s: stopping`); onSignal(); }, opts.timeout * 1000 + 60_000);
  hardStop.unref();
  try {
    // -- node
    const poolLimit = opts.poolLimit;
    const args = ['--dev', '--base-path', base, '--sealing', `interval=${opts.interval}`,
      '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
      '--no-mdns', '--no-telemetry', '--no-prometheus'];
    node = spawnNode([...args, '--pool-limit', String(poolLimit)], logPath);
    await waitForRpc(node, rpcPort);
    await cryptoWaitReady();
    await wasm.waitReady();
    api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${rpcPort}`), noInitWarn: true });
    const weights = api.consts.system.blockWeights;
    const normalLimit = weights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
    const baseExtrinsic = weights.perClass.normal.baseExtrinsic.refTime.toBigInt();
    const lengthLimit = api.consts.system.blockLength.max.normal.toNumber();

    // -- keys, the signer and the weight of one add_stake
    const derive = makeDeriver();
    const signer = makeSigner(api);
    const dev = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => derive(`//${n}`));
    if (dev[0].address !== '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY') throw new Error('key derivation: //Alice mismatch');
    const targets = [[dev[2].address, 1], [dev[3].address, 2]]; // (hotkey Charlie, subnet 1), (Dave, 2)
    const addStake = (i) => api.tx.subtensorModule.addStake(targets[i % 2][0], targets[i % 2][1], opts.amount);
    const sample = addStake(0);
    await checkSigner(api, signer, dev[0], sample, 0);
    const sampleHex = signer.sign(dev[0], sample.method.toU8a(), 0);
    const info = await queryInfo(api, sampleHex);
    if (info.class !== 'Normal') throw new Error(`add_stake is of class ${info.class}`);
    const perCall = info.refTime + baseExtrinsic;
    const capacity = Number(normalLimit / perCall);
    const perBlock = Math.max(1, opts.perBlock || capacity);
    const backlog = Math.ceil(opts.backlog * perBlock);
    flood.backlog = backlog;
    const total = Math.min(opts.maxTxs, perBlock * (opts.blocks + 2) + backlog);
    const perAccount = Math.ceil(total / opts.accounts);
    ui.log(`node ${process.env.DTAO_NODE} on 127.0.0.1:${rpcPort}, --sealing interval=${opts.interval}, --pool-limit ${poolLimit}; log ${logPath}`);
    ui.log(`add_stake: ${fmt(Number(info.refTime))} ref_time + base ${fmt(Number(baseExtrinsic))} = ${fmt(Number(perCall))}; normal limit ${fmt(Number(normalLimit))} admits ${capacity} a block`);
    ui.log(`plan: ${fmt(total)} add_stake from ${opts.accounts} accounts (${perAccount} each), ${perBlock} a block, backlog ${backlog}`);

    // -- accounts
    let t0 = Date.now();
    const keys = [];
    for (let i = 0; i < opts.accounts; i += 1) {
      keys.push(derive(`//load/${i}`));
      ui.step('deriving accounts', i + 1, opts.accounts, t0);
    }
    const reference = new Keyring({ type: 'sr25519' }).addFromUri(`//load/${opts.accounts - 1}`).address;
    if (keys.at(-1).address !== reference) throw new Error('key derivation differs from @polkadot/keyring');
    const fund = BigInt(perAccount) * opts.amount + TAO; // the stakes and 1 TAO to spare
    const devNonces = await Promise.all(dev.map(async (k) => (await api.rpc.system.accountNextIndex(k.address)).toNumber()));
    const funding = keys.map((k, i) => {
      const from = i % dev.length;
      const nonce = devNonces[from] + Math.floor(i / dev.length);
      return signer.sign(dev[from], api.tx.balances.transferKeepAlive(k.address, fund).method.toU8a(), nonce);
    });
    t0 = Date.now();
    for (let i = 0; i < funding.length; i += opts.batch) {
      const r = await submitAll(rpcPort, funding.slice(i, i + opts.batch));
      if (Object.keys(r.errors).length) throw new Error(`funding rejected: ${JSON.stringify(r.errors)}`);
      ui.step('funding: submitted', Math.min(i + opts.batch, funding.length), funding.length, t0);
    }
    for (;;) {
      const accounts = await api.query.system.account.multi(keys.map((k) => k.address));
      const funded = accounts.filter((a) => a.data.free.toBigInt() >= fund).length;
      ui.step('funding: included', funded, keys.length, t0);
      if (funded === keys.length) break;
      if (timeLeft() < 0) throw new Error(`funding not included before the wall-clock cap (${funded}/${keys.length})`);
      await sleep(250);
    }
    const fundedAt = (await api.rpc.chain.getHeader()).number.toNumber();

    // -- sign every add_stake in advance: tx j is account j % N's nonce floor(j / N)
    t0 = Date.now();
    const calls = [addStake(0).method.toU8a(), addStake(1).method.toU8a()];
    const txs = new Array(total);
    for (let j = 0; j < total; j += 1) {
      const a = j % opts.accounts;
      txs[j] = signer.sign(keys[a], calls[a % 2], Math.floor(j / opts.accounts));
      ui.step('signing add_stake', j + 1, total, t0);
      if ((j & 1023) === 1023) {
        if (timeLeft() < 0) throw new Error('wall-clock cap reached while signing');
        await sleep(0); // let the RPC client breathe
      }
    }
    flood.signMs = Date.now() - t0;
    flood.signed = total;

    // -- watch blocks: count the add_stake each new block includes
    const seen = new Map(); // number -> { hash, addStake }
    let first = 0; // the warm-up block: the first with add_stake
    let watchChain = Promise.resolve();
    let watchError;
    const watch = (number) => {
      watchChain = watchChain.then(async () => {
        const last = Math.max(fundedAt, ...seen.keys());
        for (let n = last + 1; n <= number; n += 1) {
          const hash = await api.rpc.chain.getBlockHash(n);
          const block = await api.rpc.chain.getBlock(hash);
          const count = block.block.extrinsics.filter((x) => x.method.section === 'subtensorModule' && x.method.method === 'addStake').length;
          seen.set(n, { hash: hash.toHex(), addStake: count });
          flood.included += count;
          if (count > 0 && !first) first = n;
          const tag = !first || n < first ? 'before' : n === first ? 'warm-up' : `measured ${n - first}/${opts.blocks}`;
          ui.log(`#${n}: ${count} add_stake (${tag}); sent ${fmt(flood.accepted)}/${fmt(total)}, in pool ~${fmt(flood.accepted - flood.included)}`);
        }
      }).catch((e) => { watchError = e; });
    };
    unsubscribe = await api.rpc.chain.subscribeNewHeads((h) => watch(h.number.toNumber()));
    const measuredDone = () => first && seen.has(first + opts.blocks);

    // -- flood: keep `backlog` add_stake outstanding (sent, not yet in a block)
    t0 = Date.now();
    let next = 0;
    let inFlight = 0;
    let sendError;
    const sendOne = async (from, to) => {
      try {
        const r = await submitAll(rpcPort, txs.slice(from, to));
        flood.accepted += r.ok;
        addErrors(flood.errors, r.errors);
        // The first `backlog` calls go out unthrottled: the pool's intake rate.
        if (!flood.fillMs && flood.accepted >= backlog) flood.fillMs = Date.now() - t0;
      } catch (e) {
        sendError = e;
      } finally {
        inFlight -= to - from;
      }
    };
    let stopReason = '';
    while (!stopReason) {
      if (watchError) throw watchError;
      if (sendError) throw sendError;
      if (measuredDone()) stopReason = 'measured';
      else if (timeLeft() < 0) stopReason = 'wall-clock cap';
      else if (next >= total && flood.accepted + inFlight <= flood.included) stopReason = 'all sent and included';
      if (stopReason) break;
      const outstanding = flood.accepted + inFlight - flood.included;
      const room = Math.min(backlog - outstanding, total - next, opts.batch);
      if (room > 0 && inFlight < opts.concurrency * opts.batch) {
        const from = next;
        next += room;
        inFlight += room;
        sendOne(from, next);
        continue;
      }
      await sleep(20);
    }
    while (inFlight > 0) await sleep(20);
    await watchChain;
    const errorCount = Object.values(flood.errors).reduce((a, b) => a + b, 0);
    ui.log(`flood stopped (${stopReason}): ${fmt(flood.accepted)} accepted, ${errorCount} refused${errorCount ? ` ${JSON.stringify(flood.errors)}` : ''}`);
    unsubscribe();
    unsubscribe = undefined;

    // -- per-block rows, from the chain
    if (!first) throw new Error('no block contained add_stake');
    const last = Math.min(first + opts.blocks, Math.max(...seen.keys()));
    // The node flushes its log asynchronously: wait a little for the last block's line.
    let proposer = proposerLines(readFileSync(logPath, 'utf8'));
    for (let i = 0; i < 20 && !proposer.has(last); i += 1) {
      await sleep(250);
      proposer = proposerLines(readFileSync(logPath, 'utf8'));
    }
    const rows = [];
    for (let n = first - 1; n <= last; n += 1) {
      rows.push(await blockRow(api, n, { normalLimit, baseExtrinsic, lengthLimit, proposer, warmup: n === first, before: n < first }));
    }
    load.end = loadavg();
    const measured = rows.filter((r) => r.phase === 'measured');
    const summary = summarize({ opts, rows: measured, all: rows, info, perCall, capacity, normalLimit, baseExtrinsic, lengthLimit, flood, load, stopReason, elapsedS: (Date.now() - startedAt) / 1000, perBlock });
    writeFileSync(csvPath, toCsv(rows));
    summary.csv = csvPath;
    summary.nodeLog = logPath;
    if (opts.json) writeFileSync(resolve(opts.json), JSON.stringify({ summary, rows }, (k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
    return { summary, rows };
  } finally {
    clearTimeout(hardStop);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stop();
  }
}

// The declared weight of a signed extrinsic (TransactionPaymentApi_query_info).
async function queryInfo(api, hex) {
  const xt = api.createType('Extrinsic', hex);
  const raw = await api.rpc.state.call('TransactionPaymentApi_query_info', u8aToHex(u8aConcat(xt.toU8a(), api.createType('u32', xt.encodedLength).toU8a())));
  const info = api.createType('RuntimeDispatchInfo', raw);
  return { refTime: info.weight.refTime.toBigInt(), proofSize: info.weight.proofSize.toBigInt(), class: info.class.toString(), partialFee: info.partialFee.toBigInt() };
}

// One block: its extrinsics, the normal weight in `system.blockWeight`, the same rebuilt from
// the events (the sum of the normal-class ExtrinsicSuccess/Failed weights, which frame_system
// reports with the base extrinsic weight included),
// its length, its timestamp and the proposer's log line.
async function blockRow(api, n, { normalLimit, baseExtrinsic, lengthLimit, proposer, warmup, before }) {
  const hash = await api.rpc.chain.getBlockHash(n);
  const [block, at] = await Promise.all([api.rpc.chain.getBlock(hash), api.at(hash)]);
  const [used, events, now] = await Promise.all([at.query.system.blockWeight(), at.query.system.events(), at.query.timestamp.now()]);
  const xts = block.block.extrinsics;
  let fromEvents = 0n;
  let normalCount = 0;
  let succeeded = 0;
  let failed = 0;
  let stakeAdded = 0;
  for (const { event } of events) {
    if (event.section === 'system' && (event.method === 'ExtrinsicSuccess' || event.method === 'ExtrinsicFailed')) {
      const dispatchInfo = event.method === 'ExtrinsicSuccess' ? event.data[0] : event.data[1];
      if (event.method === 'ExtrinsicSuccess') succeeded += 1; else failed += 1;
      if (dispatchInfo.class.isNormal) {
        normalCount += 1;
        fromEvents += dispatchInfo.weight.refTime.toBigInt(); // base extrinsic weight included
      }
    }
    if (event.section === 'subtensorModule' && event.method === 'StakeAdded') stakeAdded += 1;
  }
  const normal = used.normal.refTime.toBigInt();
  const length = xts.reduce((s, x) => s + x.encodedLength, 0);
  const p = proposer.get(n) ?? {};
  return {
    block: n,
    hash: hash.toHex(),
    phase: before ? 'before' : warmup ? 'warm-up' : 'measured',
    timestampMs: now.toNumber(),
    extrinsics: xts.length,
    addStake: xts.filter((x) => x.method.section === 'subtensorModule' && x.method.method === 'addStake').length,
    stakeAdded,
    succeeded,
    failed,
    normalCount,
    normalRefTime: normal,
    normalLimit,
    normalPct: Number((10000n * normal) / normalLimit) / 100,
    normalFromEvents: fromEvents,
    mandatoryRefTime: used.mandatory.refTime.toBigInt(),
    lengthBytes: length,
    lengthPct: (100 * length) / lengthLimit,
    buildMs: p.buildMs ?? null,
    end: p.end ?? '',
  };
}

function stats(values) {
  if (!values.length) return { mean: 0, min: 0, max: 0 };
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, min: Math.min(...values), max: Math.max(...values) };
}

function summarize({ opts, rows, all, info, perCall, capacity, normalLimit, baseExtrinsic, lengthLimit, flood, load, stopReason, elapsedS, perBlock }) {
  const byNumber = new Map(all.map((r) => [r.block, r]));
  const gaps = rows.map((r) => byNumber.has(r.block - 1) ? r.timestampMs - byNumber.get(r.block - 1).timestampMs : null).filter((g) => g !== null);
  const span = gaps.reduce((a, b) => a + b, 0);
  const xts = stats(rows.map((r) => r.extrinsics));
  const ends = {};
  for (const r of rows) ends[r.end || '?'] = (ends[r.end || '?'] ?? 0) + 1;
  return {
    interval: opts.interval,
    accounts: opts.accounts,
    blocks: rows.length,
    firstBlock: rows[0]?.block ?? null,
    lastBlock: rows.at(-1)?.block ?? null,
    stopReason,
    addStakeWeight: { refTime: info.refTime, proofSize: info.proofSize, baseExtrinsic, perCall, partialFee: info.partialFee },
    normalLimit,
    lengthLimit,
    capacity, // add_stake the normal limit admits: floor(limit / (weight + base))
    perBlockTarget: perBlock,
    extrinsicsPerBlock: xts,
    addStakePerBlock: stats(rows.map((r) => r.addStake)),
    extrinsicsPerSecondNominal: xts.mean / (opts.interval / 1000),
    extrinsicsPerSecondObserved: span ? rows.reduce((a, r) => a + r.extrinsics, 0) / (span / 1000) : null,
    blockTimeMs: stats(gaps),
    normalPct: stats(rows.map((r) => r.normalPct)),
    lengthBytes: stats(rows.map((r) => r.lengthBytes)),
    buildMs: stats(rows.map((r) => r.buildMs).filter((x) => x !== null)),
    proposerEnd: ends,
    failedExtrinsics: rows.reduce((a, r) => a + r.failed, 0),
    client: {
      signed: flood.signed,
      signPerS: flood.signMs ? flood.signed / (flood.signMs / 1000) : null,
      accepted: flood.accepted,
      refused: flood.errors,
      backlog: flood.backlog,
      fillMs: flood.fillMs || null,
      intakePerS: flood.fillMs ? flood.backlog / (flood.fillMs / 1000) : null,
    },
    loadAvg: load,
    elapsedS,
  };
}

const COLUMNS = ['block', 'phase', 'timestampMs', 'extrinsics', 'addStake', 'stakeAdded', 'failed', 'normalRefTime', 'normalLimit',
  'normalPct', 'normalFromEvents', 'mandatoryRefTime', 'lengthBytes', 'lengthPct', 'buildMs', 'end', 'hash'];
function toCsv(rows) {
  const cell = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v ?? ''));
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

export function report({ summary: s, rows }) {
  const out = [];
  out.push('block  phase     extrinsics add_stake  normal ref_time / limit              %  length B  build ms  end');
  for (const r of rows) {
    out.push(`${String(r.block).padStart(5)}  ${r.phase.padEnd(8)}  ${String(r.extrinsics).padStart(10)} ${String(r.addStake).padStart(9)}  `
      + `${fmt(Number(r.normalRefTime)).padStart(17)} / ${fmt(Number(r.normalLimit))}  ${r.normalPct.toFixed(2).padStart(6)}  `
      + `${String(r.lengthBytes).padStart(8)}  ${String(r.buildMs ?? '').padStart(8)}  ${r.end}`);
  }
  const w = s.addStakeWeight;
  out.push('');
  out.push(`add_stake: ${fmt(Number(w.refTime))} ref_time (dispatch + extensions) + ${fmt(Number(w.baseExtrinsic))} base = ${fmt(Number(w.perCall))} a call; `
    + `the normal limit ${fmt(Number(s.normalLimit))} admits ${s.capacity} a block (${pct((s.capacity * Number(w.perCall)) / Number(s.normalLimit))} %)`);
  out.push(`measured: blocks ${s.blocks ? `#${s.firstBlock}..#${s.lastBlock}` : 'none'} (${s.blocks}), --sealing interval=${s.interval}, ${s.accounts} accounts, stop: ${s.stopReason}`);
  out.push(`extrinsics a block: mean ${s.extrinsicsPerBlock.mean.toFixed(1)}, min ${s.extrinsicsPerBlock.min}, max ${s.extrinsicsPerBlock.max} (add_stake mean ${s.addStakePerBlock.mean.toFixed(1)})`);
  out.push(`extrinsics a second: ${s.extrinsicsPerSecondNominal.toFixed(1)} at the nominal interval; ${s.extrinsicsPerSecondObserved?.toFixed(1) ?? '-'} over the block timestamps `
    + `(block time mean ${fmt(s.blockTimeMs.mean)} ms, min ${fmt(s.blockTimeMs.min)}, max ${fmt(s.blockTimeMs.max)})`);
  out.push(`normal weight used: mean ${s.normalPct.mean.toFixed(2)} %, min ${s.normalPct.min.toFixed(2)} %, max ${s.normalPct.max.toFixed(2)} %`);
  out.push(`block length: mean ${fmt(s.lengthBytes.mean)} B of ${fmt(s.lengthLimit)} (${pct(s.lengthBytes.mean / s.lengthLimit)} %)`);
  out.push(`proposer: build mean ${fmt(s.buildMs.mean)} ms, max ${fmt(s.buildMs.max)} ms; end reasons ${JSON.stringify(s.proposerEnd)}; failed extrinsics ${s.failedExtrinsics}`);
  out.push(`client: signed ${fmt(s.client.signed)} at ${fmt(s.client.signPerS ?? 0)}/s; accepted ${fmt(s.client.accepted)}; refused ${JSON.stringify(s.client.refused)}; `
    + `the first ${fmt(s.client.backlog)} entered the pool in ${fmt(s.client.fillMs ?? 0)} ms (${fmt(s.client.intakePerS ?? 0)}/s)`);
  out.push(`load average (1, 5, 15 min): start ${s.loadAvg.start.map((x) => x.toFixed(2)).join(' ')}, end ${s.loadAvg.end.map((x) => x.toFixed(2)).join(' ')}; run ${s.elapsedS.toFixed(0)} s`);
  out.push(`rows: ${s.csv}; node log: ${s.nodeLog}`);
  return out.join('\n');
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (opts.help) { console.log(HELP); return; }
  try {
    const result = await run(opts);
    console.log(report(result));
    if (result.summary.blocks < opts.blocks) {
      console.error(`throughput: measured ${result.summary.blocks} of ${opts.blocks} blocks (${result.summary.stopReason})`);
      process.exitCode = 3;
    }
  } catch (e) {
    console.error(`throughput: ${e.stack || e}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
