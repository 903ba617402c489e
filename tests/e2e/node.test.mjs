// End-to-end: the real dtao-node on loopback with --sealing manual, driven by @polkadot/api.
// A signed transfer is sealed and finalized over the engine RPCs, balances are asserted, the
// node is restarted on the same base path, and height and state must survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { NODE, TAO, startNode, connect, stopNode, createBlock, finalizeBlock } from './harness.mjs';

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

// Ports nobody else uses, so that these short runs never meet another test's node.
const quiet = ['--tmp', '--no-mdns', '--no-telemetry', '--no-prometheus', '--rpc-port', '0',
  '--listen-addr', '/ip4/127.0.0.1/tcp/0'];

test('--sealing on a chain with authorities exits non-zero and says why', () => {
  const r = spawnSync(NODE, ['--chain', 'local', '--sealing', 'instant', ...quiet], { encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--sealing instant is for a chain without authorities/);
});

test('a validator flag on a chain without authorities exits non-zero and says why', () => {
  const key = '00000000000000000000000000000000000000000000000000000000000000aa';
  const r = spawnSync(NODE, ['--chain', 'dev', '--alice', '--node-key', key, ...quiet], { encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /needs a chain whose genesis names authorities/);
});
