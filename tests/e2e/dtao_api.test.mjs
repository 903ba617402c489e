// End-to-end: @polkadot/api calls our `DtaoApi` runtime API and the `stake_quote` view
// function of `SubtensorModule`, and decodes both from the chain's metadata alone (no
// hand-written type definitions), then checks that the extrinsic does what they quoted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { TAO, startNode, connect, stopNode, createBlock } from './harness.mjs';

// Calls a view function by name with the metadata's input and output types.
async function viewFunction(api, pallet, name, args) {
  const meta = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === pallet);
  assert.ok(meta, `pallet ${pallet} in the metadata`);
  const fn = meta.viewFunctions.find((f) => f.name.toString() === name);
  assert.ok(fn, `view function ${pallet}.${name} in the metadata`);
  const input = fn.inputs.map((param, i) =>
    api.registry.createTypeUnsafe(api.registry.createLookupType(param.type), [args[i]]).toU8a());
  const bytes = new Uint8Array(input.reduce((n, a) => n + a.length, 0));
  input.reduce((at, a) => { bytes.set(a, at); return at + a.length; }, 0);
  // A ViewFunctionId is the metadata's 32-byte id split in two.
  const id = fn.id.toU8a();
  const result = await api.call.runtimeViewFunction.executeViewFunction(
    { prefix: id.slice(0, 16), suffix: id.slice(16) }, u8aToHex(bytes));
  assert.ok(result.isOk, `view function answered: ${result.toString()}`);
  return api.registry.createTypeUnsafe(api.registry.createLookupType(fn.output), [result.asOk]);
}

test('DtaoApi and the stake_quote view function agree with add_stake', { timeout: 300_000 }, async () => {
  const basePath = mkdtempSync(join(tmpdir(), 'dtao-api-'));
  const node = startNode(basePath);
  let api;
  try {
    api = await connect(node);
    assert.equal(api.runtimeMetadata.version, 16);
    assert.ok(api.call.dtaoApi, 'DtaoApi is in the metadata');

    // Dev genesis: subnet 1's pool holds 1_000 TAO and 1_000 alpha. 10 TAO less the 50_000
    // rao fee buys 9_900_941_084 alpha (the constant product in U110F18, floored); at the
    // spot price 1.0 it would buy 9_999_950_000.
    const quote = (await api.call.dtaoApi.quoteStake(1, 10n * TAO)).unwrap();
    assert.equal(quote.fee.toBigInt(), 50_000n);
    assert.equal(quote.alpha.toBigInt(), 9_900_941_084n);
    assert.equal(quote.alphaAtSpot.toBigInt(), 9_999_950_000n);
    assert.equal(quote.slippage.toBigInt(), 99_008_916n);
    assert.equal(quote.priceBeforeBits.toBigInt(), 1n << 32n);

    const viewed = await viewFunction(api, 'SubtensorModule', 'stake_quote', [1, 10n * TAO]);
    assert.deepEqual(viewed.toJSON(), (await api.call.dtaoApi.quoteStake(1, 10n * TAO)).toJSON());

    assert.ok((await api.call.dtaoApi.quoteStake(9, TAO)).isNone, 'no subnet 9');
    const pending = (await api.call.dtaoApi.pendingEmission(1)).unwrap();
    assert.equal(pending.tempo.toNumber(), 10);

    // A subnet that does not emit yet (no start_call), so no coinbase moves its pool between
    // the quote and the stake: Alice registers subnet 3 with //Ferdie as its owner hotkey.
    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const ferdie = keyring.addFromUri('//Ferdie');
    await api.tx.subtensorModule.registerNetwork(ferdie.address).signAndSend(alice);
    await createBlock(api, true);
    assert.equal((await api.query.subtensorModule.networksAdded(3)).isTrue, true);
    const quote3 = (await api.call.dtaoApi.quoteStake(3, 10n * TAO)).unwrap();
    await api.tx.subtensorModule.addStake(ferdie.address, 3, 10n * TAO).signAndSend(alice);
    const { hash } = await createBlock(api, true);
    const stake = await api.query.subtensorModule.alpha(ferdie.address, alice.address, 3);
    // Alpha is U64F64: the integer part is the high 64 bits.
    assert.equal(stake.bits.toBigInt() >> 64n, quote3.alpha.toBigInt());
    assert.equal((await api.query.subtensorModule.subnetAlphaIn(3)).toBigInt() > 0n, true);
    const price = (await api.query.subtensorModule.subnetTAO(3)).toBigInt() * (1n << 32n)
      / (await api.query.subtensorModule.subnetAlphaIn(3)).toBigInt();
    assert.equal(quote3.priceAfterBits.toBigInt(), price);

    // The block's emission breakdown: subnets 1 and 2 emitted, subnet 3 did not.
    const breakdown = await (await api.at(hash)).call.dtaoApi.emissionBreakdown();
    assert.deepEqual(breakdown.map((b) => b.netuid.toNumber()).filter((n) => n > 0).sort(), [1, 2]);
  } finally {
    if (api) await api.disconnect().catch(() => {});
    await stopNode(node);
    rmSync(basePath, { recursive: true, force: true });
  }
});
