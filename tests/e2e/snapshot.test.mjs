// End-to-end audit trail: a snapshot of a running dtao-node (`state_getPairs` of the
// SubtensorModule, System and Balances prefixes), loaded into `dtao-sim replay`, must give
// the chain's next blocks: the same emission breakdown per block and subnet (the chain's from
// the `DtaoApi_emission_breakdown` runtime API) and the same SubtensorModule state after the
// last one. Skipped when DTAO_SIM is not set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { RPC_PORT, TAO, rpc, startNode, connect, stopNode, createBlock } from './harness.mjs';

const SIM = process.env.DTAO_SIM;
const FIELDS = ['tao_in', 'alpha_in', 'alpha_out', 'owner_cut', 'root_alpha', 'root_tao', 'pending_alpha'];
// The same blocks on both sides: past three epochs of the dev subnets (tempo 10).
const REPLAYED = 40;

async function pairs(prefixes, hash) {
  const all = [];
  for (const p of prefixes) {
    const answer = await rpc(RPC_PORT, 'state_getPairs', [xxhashAsHex(p, 128), hash]);
    assert.ok(answer.result, `state_getPairs(${p}): ${JSON.stringify(answer.error)}`);
    all.push(...answer.result);
  }
  return all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

// One `emission.jsonl` line, in the field order dtao-sim writes.
function line(block, breakdown) {
  const subnets = breakdown.map((b) => {
    const o = { netuid: b.netuid.toNumber() };
    for (const f of FIELDS) o[f] = b[f.replace(/_(.)/g, (_, c) => c.toUpperCase())].toBigInt().toString();
    return o;
  });
  return JSON.stringify({ block, subnets });
}

test('a chain snapshot replayed in dtao-sim gives the chain\'s next blocks', { skip: !SIM && 'DTAO_SIM not set', timeout: 600_000 }, async () => {
  const basePath = mkdtempSync(join(tmpdir(), 'dtao-snapshot-'));
  const work = mkdtempSync(join(tmpdir(), 'dtao-snapshot-out-'));
  const node = startNode(basePath);
  let api;
  try {
    api = await connect(node);
    // Some history before the snapshot: a stake on subnet 1, then blocks across an epoch.
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const owner = (await api.query.subtensorModule.subnetOwnerHotkey(1)).toString();
    await api.tx.subtensorModule.addStake(owner, 1, 100n * TAO).signAndSend(alice);
    for (let i = 0; i < 12; i++) await createBlock(api, true);
    const at = (await api.rpc.chain.getHeader()).number.toNumber();
    const snapHash = (await api.rpc.chain.getBlockHash(at)).toHex();
    const snapshot = await pairs(['SubtensorModule', 'System', 'Balances'], snapHash);
    writeFileSync(join(work, 'snapshot.json'), JSON.stringify(snapshot));

    const chainLines = [];
    let lastHash;
    for (let i = 1; i <= REPLAYED; i++) {
      lastHash = (await createBlock(api, true)).hash;
      const breakdown = await (await api.at(lastHash)).call.dtaoApi.emissionBreakdown();
      chainLines.push(line(at + i, breakdown));
    }
    assert.ok(chainLines.some((l) => l.includes('"netuid":1')), 'subnet 1 emitted');
    writeFileSync(join(work, 'chain.jsonl'), chainLines.join('\n') + '\n');

    const out = join(work, 'sim');
    const replay = spawnSync(SIM, ['replay', '--snapshot', join(work, 'snapshot.json'), '--blocks', String(REPLAYED), '--out', out], { encoding: 'utf8' });
    assert.equal(replay.status, 0, `dtao-sim replay: ${replay.stderr}`);
    const diff = spawnSync(SIM, ['diff', join(out, 'emission.jsonl'), join(work, 'chain.jsonl')], { encoding: 'utf8' });
    assert.equal(diff.status, 0, `dtao-sim diff: ${diff.stdout}${diff.stderr}`);
    assert.match(diff.stdout, new RegExp(`^${REPLAYED} blocks compared, 0 differ, 0 in only one file`));
    assert.equal(readFileSync(join(out, 'emission.jsonl'), 'utf8'), chainLines.join('\n') + '\n');

    const chainFinal = await pairs(['SubtensorModule'], lastHash);
    const simFinal = JSON.parse(readFileSync(join(out, 'final-pairs.json'), 'utf8'));
    assert.ok(chainFinal.length > 100, `the pallet holds state (${chainFinal.length} pairs)`);
    assert.equal(simFinal.length, chainFinal.length);
    assert.deepEqual(simFinal, chainFinal);
  } finally {
    if (api) await api.disconnect().catch(() => {});
    await stopNode(node);
    rmSync(basePath, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
});
