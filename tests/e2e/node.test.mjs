// End-to-end: the real dtao-node on loopback with --sealing manual, driven by @polkadot/api.
// A signed transfer is sealed and finalized over the engine RPCs, balances are asserted, the
// node is restarted on the same base path, and height and state must survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

const NODE = process.env.DTAO_NODE;
if (!NODE) throw new Error('set DTAO_NODE to the dtao-node binary');
const RPC_PORT = 20000 + Math.floor(Math.random() * 20000);
const P2P_PORT = RPC_PORT + 1;
const URL = `ws://127.0.0.1:${RPC_PORT}`;
const TAO = 1_000_000_000n;

function startNode(basePath) {
  const child = spawn(NODE, [
    '--dev', '--sealing', 'manual', '--base-path', basePath,
    '--rpc-port', String(RPC_PORT), '--port', String(P2P_PORT),
    '--no-prometheus', '--no-telemetry', '--no-mdns',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-20000); });
  child.log = () => log;
  return child;
}

async function rpcAnswers() {
  try {
    const res = await fetch(`http://127.0.0.1:${RPC_PORT}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_health', params: [] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

async function connect(child) {
  const deadline = Date.now() + 120_000;
  while (!(await rpcAnswers())) {
    if (child.exitCode !== null) throw new Error(`node exited early:\n${child.log()}`);
    if (Date.now() > deadline) throw new Error(`node RPC did not come up:\n${child.log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const provider = new WsProvider(URL);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  return Object.assign(api, { rawProvider: provider });
}

async function stopNode(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

// The engine RPCs, raw: their JSON (`{hash, aux}`) is what every client sees.
const createBlock = (api, finalize) => api.rawProvider.send('engine_createBlock', [true, finalize, null]);
const finalizeBlock = (api, hash) => api.rawProvider.send('engine_finalizeBlock', [hash, null]);

const free = async (api, who) => (await api.query.system.account(who)).data.free.toBigInt();

test('transfer, manual seal, finalize, restart', { timeout: 300_000 }, async () => {
  const basePath = mkdtempSync(join(tmpdir(), 'dtao-e2e-'));
  let node = startNode(basePath);
  let api;
  try {
    api = await connect(node);
    assert.deepEqual(api.registry.chainTokens, ['TAO']);
    assert.deepEqual(api.registry.chainDecimals, [9]);
    assert.equal(api.registry.chainSS58, 42);
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), 0, 'manual sealing: no block yet');

    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const recipient = keyring.addFromUri('//dtao-e2e-recipient');
    const amount = 12n * TAO + 500_000_000n;
    const aliceBefore = await free(api, alice.address);
    assert.equal(await free(api, recipient.address), 0n);

    await api.tx.balances.transferKeepAlive(recipient.address, amount).signAndSend(alice);
    const created = await createBlock(api, false);
    const hash = created.hash;
    assert.equal((await api.rpc.chain.getBlockHash(1)).toHex(), hash);
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), 1);
    assert.equal((await api.rpc.chain.getFinalizedHead()).toHex(), (await api.rpc.chain.getBlockHash(0)).toHex());
    assert.equal(await finalizeBlock(api, hash), true);
    assert.equal((await api.rpc.chain.getFinalizedHead()).toHex(), hash);

    const events = await (await api.at(hash)).query.system.events();
    const feeEvent = events.find((e) => e.event.section === 'transactionPayment' && e.event.method === 'TransactionFeePaid');
    assert.ok(feeEvent, 'the transfer paid a fee');
    const fee = feeEvent.event.data[1].toBigInt();
    assert.ok(fee > 0n);
    assert.equal(await free(api, recipient.address), amount);
    assert.equal(await free(api, alice.address), aliceBefore - amount - fee);

    // The coinbase ran: subnet 1 emits 1 alpha per block outside its pool.
    const alphaOut1 = (await api.query.subtensorModule.subnetAlphaOut(1)).toBigInt();
    await createBlock(api, true);
    assert.equal((await api.query.subtensorModule.subnetAlphaOut(1)).toBigInt(), alphaOut1 + TAO);
    const height = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.equal(height, 2);
    await api.disconnect();
    api = undefined;
    await stopNode(node);

    node = startNode(basePath);
    api = await connect(node);
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), height, 'height survived the restart');
    assert.equal(await free(api, recipient.address), amount, 'state survived the restart');
    await createBlock(api, true);
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), height + 1);
  } finally {
    if (api) await api.disconnect().catch(() => {});
    await stopNode(node);
    rmSync(basePath, { recursive: true, force: true });
  }
});

test('an unknown sealing mode exits non-zero with a clear message', () => {
  const r = spawnSync(NODE, ['--dev', '--tmp', '--sealing', 'aura'], { encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /unknown sealing mode `aura`/);
});

test('a malformed chain spec exits non-zero with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtao-spec-'));
  const spec = join(dir, 'broken.json');
  writeFileSync(spec, '{ "name": "broken", ');
  try {
    const r = spawnSync(NODE, ['--chain', spec, '--tmp', '--sealing', 'manual'], { encoding: 'utf8', timeout: 60_000 });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /cannot load chain spec/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
