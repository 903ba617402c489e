// End-to-end: the throughput script's smoke mode (throughput.mjs --smoke) against a real
// dtao-node --dev with interval sealing. The blocks it measured must hold the add_stake calls
// it sent, and its figures must agree with each other and with the chain's own accounting:
// `system.blockWeight.normal` = the sum of the normal-class ExtrinsicSuccess weights
// = add_stake count x (the call's declared weight + the base extrinsic weight).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE } from './harness.mjs';

const SCRIPT = fileURLToPath(new URL('./throughput.mjs', import.meta.url));
// A signed add_stake (immortal, tip 0): compact length (2) + version (1) + MultiAddress::Id
// (1 + 32) + MultiSignature::Sr25519 (1 + 64) + era (1) + nonce (1 for nonces below 64)
// + tip (1) + call (pallet 1 + call 1 + hotkey 32 + netuid 2 + amount 8).
const ADD_STAKE_LEN = 2 + 1 + 33 + 65 + 1 + 1 + 1 + 44;

test('throughput --smoke: blocks hold the add_stake calls and the weights add up', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtao-load-test-'));
  try {
    const json = join(dir, 'smoke.json');
    const csv = join(dir, 'smoke.csv');
    const run = spawnSync(process.execPath, [SCRIPT, '--smoke', '--quiet', '--json', json, '--csv', csv], {
      env: { ...process.env, DTAO_NODE: NODE }, encoding: 'utf8', timeout: 220_000, killSignal: 'SIGINT',
    });
    assert.equal(run.status, 0, `throughput --smoke failed:\n${run.stdout}\n${run.stderr}`);
    const { summary: s, rows } = JSON.parse(readFileSync(json, 'utf8'));
    const big = (x) => BigInt(x);

    // The weight of one call, from the chain (TransactionPaymentApi_query_info + base).
    const perCall = big(s.addStakeWeight.perCall);
    assert.equal(perCall, big(s.addStakeWeight.refTime) + big(s.addStakeWeight.baseExtrinsic));
    assert.ok(big(s.addStakeWeight.refTime) > 0n);
    assert.equal(big(s.addStakeWeight.partialFee), 0n, 'add_stake is free');
    assert.equal(big(s.normalLimit), 1_500_000_000_000n, '75 % of 2 s');
    assert.equal(big(s.capacity), big(s.normalLimit) / perCall);

    const measured = rows.filter((r) => r.phase === 'measured');
    const warmup = rows.filter((r) => r.phase === 'warm-up');
    assert.equal(measured.length, 2);
    assert.equal(warmup.length, 1);
    assert.deepEqual(measured.map((r) => r.block), [warmup[0].block + 1, warmup[0].block + 2]);
    for (const r of [...warmup, ...measured]) {
      assert.ok(r.addStake > 0, `block ${r.block} holds add_stake calls`);
      assert.equal(r.extrinsics, r.addStake + 1, `block ${r.block}: the timestamp inherent and the add_stake calls`);
      assert.equal(r.stakeAdded, r.addStake, `block ${r.block}: one StakeAdded event per call`);
      assert.equal(r.failed, 0);
      assert.equal(big(r.normalRefTime), big(r.normalFromEvents), `block ${r.block}: blockWeight = sum of the events' weights`);
      assert.equal(big(r.normalRefTime), BigInt(r.addStake) * perCall, `block ${r.block}: calls x weight a call`);
      assert.ok(big(r.mandatoryRefTime) > 0n, 'on_initialize and the inherent weigh in the mandatory class');
      assert.equal(r.normalPct, Number((10_000n * big(r.normalRefTime)) / big(r.normalLimit)) / 100);
      const inherent = r.lengthBytes - r.addStake * ADD_STAKE_LEN;
      assert.ok(inherent > 0 && inherent < 32, `block ${r.block}: length ${r.lengthBytes} = calls x ${ADD_STAKE_LEN} + the inherent`);
    }

    const counts = measured.map((r) => r.extrinsics);
    assert.equal(s.blocks, 2);
    assert.equal(s.extrinsicsPerBlock.min, Math.min(...counts));
    assert.equal(s.extrinsicsPerBlock.max, Math.max(...counts));
    assert.equal(s.extrinsicsPerBlock.mean, (counts[0] + counts[1]) / 2);
    assert.equal(s.extrinsicsPerSecondNominal, s.extrinsicsPerBlock.mean / (s.interval / 1000));
    assert.ok(s.blockTimeMs.min >= s.interval, 'interval sealing waits the interval after each block');
    assert.deepEqual(s.client.refused, {}, 'the pool accepted every add_stake');
    const included = [...warmup, ...measured].reduce((a, r) => a + r.addStake, 0);
    assert.ok(included <= s.client.accepted && s.client.accepted <= s.client.signed);

    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    assert.equal(lines.length, rows.length + 1, 'CSV: a header and a line per block');
    assert.match(lines[0], /^block,phase,timestampMs,extrinsics,addStake,/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
