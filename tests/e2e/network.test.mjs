// End-to-end: a dTAO network on loopback. Validators alice and bob (the Aura + GRANDPA
// authorities of the `local` chain) and a full node run a spec from `build-spec --chain local`
// with a short slot. Checked: the three agree on finality; an add_stake sent to the full node
// is finalized and reads back the same from every node; with bob down, alice keeps authoring in
// her slots while finality stalls, and finality resumes when bob is back on his base path; no
// finalized block is ever reverted; a node started late syncs to the same state roots.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { NODE, TAO, rpc, spawnNode, freePort, stopNode, waitForRpc } from './harness.mjs';

// The slot (block time) of the test chain, in ms; `local` has 12_000.
const SLOT_MS = Number(process.env.DTAO_NET_SLOT_MS ?? 1500);
if (!Number.isInteger(SLOT_MS) || SLOT_MS < 100) throw new Error(`DTAO_NET_SLOT_MS: want ms >= 100, got ${process.env.DTAO_NET_SLOT_MS}`);
// Where the genesis patch of a chain spec holds the slot duration.
const setSlotDuration = (patch, ms) => { patch.blockTime.slotDurationMs = ms; };
const STAKING_FEE = 50_000n; // rao, DefaultStakingFee

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'dtao-net-'));
const specPath = join(dir, 'spec.json');
const nodes = new Map(); // name -> { name, key, rpcPort, p2pPort, basePath, logPath, args, child, running }
let api;
let keepDir = false;
let closing = false; // set once the test is over (or timed out): pending waits give up

after(async () => {
  closing = true;
  if (api) await api.disconnect().catch(() => {});
  await Promise.all([...nodes.values()].map((n) => stopNode(n.child)));
  if (keepDir) console.error(`node logs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

function logTails() {
  return [...nodes.values()]
    .map((n) => `--- ${n.name}: ${n.logPath} (last lines) ---\n${n.child.log(15)}`)
    .join('\n');
}

function failure(message) {
  keepDir = true;
  return new Error(`${message}\n${logTails()}\nnode logs: ${dir}`);
}

// Polls `check` until it returns a truthy value (returned), failing after `timeoutMs`, or
// when a running node exits.
async function waitFor(what, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (closing) throw new Error(`the test is over, no longer waiting until ${what}`);
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    for (const n of nodes.values()) {
      if (n.running && n.child.exitCode !== null) throw failure(`${n.name} exited (code ${n.child.exitCode}) while waiting until ${what}`);
    }
    if (Date.now() > deadline) {
      throw failure(`timed out after ${timeoutMs} ms waiting until ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await sleep(250);
  }
}

async function call(n, method, params = []) {
  const answer = await rpc(n.rpcPort, method, params);
  if ('error' in answer) throw new Error(`${n.name} ${method}: ${JSON.stringify(answer.error)}`);
  return answer.result;
}
const num = (hex) => parseInt(hex, 16);
const header = (n, hash) => call(n, 'chain_getHeader', hash ? [hash] : []);
const best = async (n) => num((await header(n)).number);
const hashAt = (n, height) => call(n, 'chain_getBlockHash', [height]);
const storage = (n, key, hash) => call(n, 'state_getStorage', [key, hash]);
// A little-endian unsigned integer from SCALE bytes (an absent ValueQuery value is 0).
const le = (hex) => (hex ? BigInt(`0x${Buffer.from(hex.slice(2), 'hex').reverse().toString('hex') || '0'}`) : 0n);

// The Aura slot of a block, from its pre-runtime digest (0x06 'aura' compact(8) slot_le).
function auraSlot(head) {
  const log = head.digest.logs.find((l) => l.startsWith('0x0661757261'));
  assert.ok(log, `block #${num(head.number)} has no Aura pre-digest`);
  return le(`0x${log.slice(14, 30)}`);
}

// Every finalized block any node reported, by height; a second hash at a height is a revert.
const finalizedAt = new Map();
const violations = [];
function noteFinalized(name, height, hash) {
  const seen = finalizedAt.get(height);
  if (seen === undefined) finalizedAt.set(height, hash);
  else if (seen !== hash) violations.push(`${name}: finalized #${height} is ${hash}, earlier ${seen}`);
}
async function recordOnce(n) {
  const hash = await call(n, 'chain_getFinalizedHead');
  const height = num((await header(n, hash)).number);
  if (height < n.lastFinal) violations.push(`${n.name}: finalized height went back from ${n.lastFinal} to ${height}`);
  for (let k = n.lastFinal + 1; k < height; k += 1) noteFinalized(n.name, k, await hashAt(n, k));
  noteFinalized(n.name, height, hash);
  n.lastFinal = Math.max(n.lastFinal, height);
  return { hash, height };
}
// A node's finalized head, recorded; calls for one node run one after another.
function finalized(n) {
  const p = n.queue.then(() => recordOnce(n));
  n.queue = p.catch(() => {});
  return p;
}

async function start(name, { key, validator = false, bootnode } = {}) {
  let n = nodes.get(name);
  if (!n) {
    const keyFile = join(dir, `${name}.node-key`);
    writeFileSync(keyFile, key.toString(16).padStart(64, '0'));
    const [rpcPort, p2pPort] = [await freePort(), await freePort()];
    const basePath = join(dir, name);
    const args = [
      '--chain', specPath, '--base-path', basePath, '--node-key-file', keyFile,
      '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--rpc-port', String(rpcPort),
      '--no-mdns', '--no-telemetry', '--no-prometheus',
      ...(validator ? [`--${name}`] : ['--name', name]),
      ...(bootnode ? ['--bootnodes', bootnode] : []),
    ];
    n = { name, keyFile, rpcPort, p2pPort, basePath, logPath: join(dir, `${name}.log`), args, lastFinal: 0, queue: Promise.resolve() };
    nodes.set(name, n);
  }
  n.child = spawnNode(n.args, n.logPath);
  n.running = true;
  return n;
}
async function ready(n) {
  try {
    await waitForRpc(n.child, n.rpcPort);
  } catch (e) {
    throw failure(`${n.name} did not come up: ${e.message.split('\n')[0]}`);
  }
}
async function stop(n) {
  n.running = false;
  await stopNode(n.child);
}

function peerId(keyFile) {
  const r = spawnSync(NODE, ['key', 'inspect-node-key', '--file', keyFile], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

// Signs and sends `tx`; resolves when it is finalized, with its block hash and events.
function submitFinalized(tx, signer, what, timeoutMs) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    const timer = setTimeout(() => { unsub(); reject(failure(`${what} was not finalized within ${timeoutMs} ms`)); }, timeoutMs);
    const done = (f) => { clearTimeout(timer); unsub(); f(); };
    tx.signAndSend(signer, ({ status, dispatchError, events }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) done(() => reject(failure(`${what}: ${status.type}`)));
      if (!status.isFinalized) return;
      if (dispatchError) {
        const why = dispatchError.isModule
          ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(dispatchError.asModule))
          : dispatchError.toString();
        done(() => reject(new Error(`${what} failed: ${why}`)));
      } else done(() => resolve({ blockHash: status.asFinalized.toHex(), events }));
    }).then((u) => { unsub = u; }, (e) => done(() => reject(e)));
  });
}

test('a network: finality, a stake via the full node, a validator down and back, a late node', { timeout: 180_000 }, async (t) => {
  const t0 = Date.now();
  const phase = (what) => t.diagnostic(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
  try {
    // The chain spec: `local` (authorities Alice and Bob) with a short slot, no bootnode.
    const built = spawnSync(NODE, ['build-spec', '--chain', 'local', '--disable-default-bootnode'],
      { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 60_000 });
    assert.equal(built.status, 0, `build-spec --chain local failed:\n${built.stderr}`);
    const spec = JSON.parse(built.stdout);
    setSlotDuration(spec.genesis.runtimeGenesis.patch, SLOT_MS);
    spec.bootNodes = [];
    writeFileSync(specPath, JSON.stringify(spec));

    const alice = await start('alice', { key: 1, validator: true });
    const bootnode = `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${peerId(alice.keyFile)}`;
    const bob = await start('bob', { key: 2, validator: true, bootnode });
    const full = await start('full', { key: 3, bootnode });
    const trio = [alice, bob, full];
    await Promise.all(trio.map(ready));
    phase('alice, bob and the full node answer RPC');
    assert.deepEqual(await call(alice, 'system_nodeRoles'), ['Authority']);
    assert.deepEqual(await call(full, 'system_nodeRoles'), ['Full']);
    for (const n of trio) {
      const { methods } = await call(n, 'rpc_methods');
      assert.ok(methods.includes('author_submitExtrinsic') && !methods.some((m) => m.startsWith('engine_')),
        `${n.name}: no engine_* RPCs outside --dev`);
    }

    api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${full.rpcPort}`), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    const [aliceKey, bobKey, charlie] = ['//Alice', '//Bob', '//Charlie'].map((u) => keyring.addFromUri(u));
    const hex = (pair) => `0x${Buffer.from(pair.publicKey).toString('hex')}`;
    const authorities = (await api.query.aura.authorities()).map((a) => a.toHex());
    assert.deepEqual([...authorities].sort(), [hex(aliceKey), hex(bobKey)].sort(), 'Aura authorities: Alice and Bob');
    const aliceIndex = BigInt(authorities.indexOf(hex(aliceKey)));
    assert.equal((await api.call.auraApi.slotDuration()).toNumber(), SLOT_MS, 'the spec\'s slot duration');

    // 1. The three nodes finalize the same block at a height of 10 or more.
    const agreed = await waitFor('alice, bob and the full node each finalize #10', 120_000, async () => {
      const heights = (await Promise.all(trio.map(finalized))).map((f) => f.height);
      return heights.every((h) => h >= 10) && Math.min(...heights);
    });
    const agreedHashes = await Promise.all(trio.map((n) => hashAt(n, agreed)));
    assert.equal(new Set(agreedHashes).size, 1, `finalized #${agreed} differs: ${agreedHashes}`);
    phase(`all three finalized #${agreed} ${agreedHashes[0]}`);

    // 2. add_stake sent to the full node: Alice stakes 10 TAO on Charlie, subnet 1's owner hotkey.
    const amount = 10n * TAO;
    const { blockHash, events } = await submitFinalized(
      api.tx.subtensorModule.addStake(charlie.address, 1, amount), aliceKey, 'add_stake', 60_000);
    const included = await header(full, blockHash);
    const height = num(included.number);
    phase(`add_stake finalized in #${height} ${blockHash}`);
    const added = events.find(({ event }) => event.section === 'subtensorModule' && event.method === 'StakeAdded');
    assert.ok(added, 'a StakeAdded event');
    const [cold, hot, taoStaked, alphaBought, netuid, fee] = added.event.data;
    assert.equal(cold.toString(), aliceKey.address);
    assert.equal(hot.toString(), charlie.address);
    assert.equal(netuid.toNumber(), 1);
    assert.equal(fee.toBigInt(), STAKING_FEE);
    assert.equal(taoStaked.toBigInt(), amount - STAKING_FEE);
    // The pool is near price 1 (1_000 TAO / 1_000 alpha at genesis): 10 TAO buys just under 10 alpha.
    const alpha = alphaBought.toBigInt();
    assert.ok(alpha > (amount * 95n) / 100n && alpha < amount, `alpha bought: ${alpha}`);

    await waitFor(`every node finalized the staking block #${height}`, 30_000, async () => {
      const fs = await Promise.all(trio.map(finalized));
      if (!fs.every((f) => f.height >= height)) return false;
      return (await Promise.all(trio.map((n) => hashAt(n, height)))).every((h) => h === blockHash);
    });
    const keys = {
      share: api.query.subtensorModule.alpha.key(charlie.address, aliceKey.address, 1),
      total: api.query.subtensorModule.totalHotkeyAlpha.key(charlie.address, 1),
      account: api.query.system.account.key(aliceKey.address),
    };
    const read = async (at) => {
      const values = {};
      for (const [name, key] of Object.entries(keys)) {
        const seen = await Promise.all(trio.map((n) => storage(n, key, at)));
        assert.equal(new Set(seen).size, 1, `${name} at ${at} differs between the nodes: ${seen}`);
        [values[name]] = seen;
      }
      return values;
    };
    const before = await read(included.parentHash);
    const afterStake = await read(blockHash);
    assert.equal(le(afterStake.total) - le(before.total), alpha, 'TotalHotkeyAlpha(Charlie, 1) grew by the alpha bought');
    assert.ok(le(afterStake.share) > le(before.share), 'Alpha(Charlie, Alice, 1) shares grew');
    const free = async (at) => (await (await api.at(at)).query.system.account(aliceKey.address)).data.free.toBigInt();
    assert.equal(await free(included.parentHash) - await free(blockHash), amount, 'add_stake is free: Alice paid the amount');

    // 3. Bob stops: alice authors alone, in her slots; finality stalls.
    await stop(bob);
    const bestAtStop = await best(alice);
    phase(`bob stopped at best #${bestAtStop}`);
    await waitFor('alice authors 2 blocks without bob', 60_000, async () => (await best(alice)) >= bestAtStop + 2);
    const stalledAt = (await finalized(alice)).height;
    const lonely = await waitFor('alice authors 3 more blocks without bob', 60_000, async () => {
      const b = await best(alice);
      return b >= bestAtStop + 5 && b;
    });
    const [aliceFinal, fullFinal] = [await finalized(alice), await finalized(full)];
    assert.equal(aliceFinal.height, stalledAt, 'finality stalled on alice without bob');
    assert.ok(fullFinal.height <= stalledAt, 'finality stalled on the full node');
    assert.ok(stalledAt <= bestAtStop + 1, `nothing bob never saw is finalized (#${stalledAt}, best at stop #${bestAtStop})`);
    for (let k = bestAtStop + 2; k <= lonely; k += 1) {
      const head = await header(alice, await hashAt(alice, k));
      assert.equal(auraSlot(head) % BigInt(authorities.length), aliceIndex, `#${k} is in one of alice's slots`);
    }
    assert.ok((await best(full)) >= bestAtStop + 2, 'the full node follows alice');
    phase(`alice best #${lonely}, finalized stuck at #${stalledAt}`);

    // 4. Bob is back on his base path: finality resumes past the blocks made without him.
    await start('bob');
    await ready(bob);
    await waitFor(`finality resumes past #${lonely} on alice, bob and the full node`, 90_000, async () =>
      (await Promise.all(trio.map(finalized))).every((f) => f.height > lonely));
    phase(`bob restarted; all finalized past #${lonely}`);

    // 5. A late full node with an empty base path catches up by sync.
    const target = (await finalized(alice)).height;
    const late = await start('late', { key: 4, bootnode });
    await ready(late);
    await waitFor(`the late node imports #${target}`, 60_000, async () => (await best(late)) >= target);
    await waitFor(`the late node finalizes #${target}`, 60_000, async () => (await finalized(late)).height >= target);
    phase(`the late node synced to #${target}`);
    for (const k of [1, height, target]) {
      const heads = await Promise.all([late, ...trio].map(async (n) => header(n, await hashAt(n, k))));
      const roots = heads.map((h) => h.stateRoot);
      assert.equal(new Set(roots).size, 1, `state roots at #${k} differ (late, alice, bob, full): ${roots}`);
    }

    // 6. No finalized block was ever reverted, on any node.
    for (const n of [alice, bob, full, late]) {
      const top = (await finalized(n)).height;
      for (const [k, h] of finalizedAt) {
        if (k <= top) assert.equal(await hashAt(n, k), h, `${n.name}: block #${k} changed after it was finalized`);
      }
    }
    assert.deepEqual(violations, [], 'no finalized block reverted');
    assert.ok(finalizedAt.has(stalledAt) && finalizedAt.has(lonely + 1), 'finality seen before and after the stall');
    phase(`${finalizedAt.size} finalized heights checked on every node`);
  } catch (e) {
    keepDir = true;
    console.error(`node logs: ${dir}`);
    throw e;
  }
});
