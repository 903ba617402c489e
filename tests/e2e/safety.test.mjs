// End-to-end: a dev node's safety. The engine RPCs, which author and finalize blocks, are
// unsafe methods (refused under `--rpc-methods safe`); a dev node does not import blocks that
// a peer authored, even on the same dev chain spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpc, startNode, stopNode, waitForRpc } from './harness.mjs';

const base = 40000 + Math.floor(Math.random() * 10000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const height = async (port) => parseInt((await rpc(port, 'chain_getHeader')).result.number, 16);

test('engine RPCs are refused under --rpc-methods safe', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtao-safe-'));
  const node = startNode(dir, 'manual', { rpcPort: base, p2pPort: base + 1, extra: ['--rpc-methods', 'safe'] });
  try {
    await waitForRpc(node, base);
    const created = await rpc(base, 'engine_createBlock', [true, true, null]);
    assert.ok(created.error, `engine_createBlock must be refused: ${JSON.stringify(created)}`);
    assert.match(created.error.message, /unsafe/i);
    const finalized = await rpc(base, 'engine_finalizeBlock', ['0x' + '00'.repeat(32), null]);
    assert.match(finalized.error.message, /unsafe/i);
    assert.equal(await height(base), 0, 'no block was sealed');
  } finally {
    await stopNode(node);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a dev node does not import blocks a peer authored', { timeout: 180_000 }, async () => {
  const dirA = mkdtempSync(join(tmpdir(), 'dtao-peer-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'dtao-peer-b-'));
  const [rpcA, p2pA, rpcB, p2pB] = [base + 2, base + 3, base + 4, base + 5];
  const a = startNode(dirA, 'manual', { rpcPort: rpcA, p2pPort: p2pA });
  let b;
  try {
    await waitForRpc(a, rpcA);
    const peerId = (await rpc(rpcA, 'system_localPeerId')).result;
    b = startNode(dirB, 'manual', {
      rpcPort: rpcB, p2pPort: p2pB, extra: ['--bootnodes', `/ip4/127.0.0.1/tcp/${p2pA}/p2p/${peerId}`],
    });
    await waitForRpc(b, rpcB);
    // The two nodes are connected: the refusal below is not for lack of a peer.
    const deadline = Date.now() + 60_000;
    while ((await rpc(rpcB, 'system_health')).result.peers < 1) {
      assert.ok(Date.now() < deadline, `the nodes did not connect:\n${b.log()}`);
      await sleep(500);
    }
    for (let i = 0; i < 3; i += 1) await rpc(rpcA, 'engine_createBlock', [true, true, null]);
    assert.equal(await height(rpcA), 3);
    const until = Date.now() + 30_000;
    while (!/a dev node authors its own chain/.test(b.log()) && Date.now() < until) await sleep(500);
    assert.match(b.log(), /a dev node authors its own chain/, 'B refused the peer\'s blocks');
    assert.equal(await height(rpcB), 0, 'B imported none of them');
  } finally {
    if (b) await stopNode(b);
    await stopNode(a);
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  }
});
