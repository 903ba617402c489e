// Shared by the end-to-end tests: start a dtao-node on loopback ports, connect
// @polkadot/api, seal over the engine RPCs, stop it.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ApiPromise, WsProvider } from '@polkadot/api';

export const NODE = process.env.DTAO_NODE;
if (!NODE) throw new Error('set DTAO_NODE to the dtao-node binary');
export const RPC_PORT = 20000 + Math.floor(Math.random() * 20000);
export const P2P_PORT = RPC_PORT + 1;
export const URL = `ws://127.0.0.1:${RPC_PORT}`;
export const TAO = 1_000_000_000n;

export function startNode(basePath, sealing = 'manual', { rpcPort = RPC_PORT, p2pPort = P2P_PORT, extra = [] } = {}) {
  const child = spawn(NODE, [
    '--dev', '--sealing', sealing, '--base-path', basePath,
    '--rpc-port', String(rpcPort), '--port', String(p2pPort),
    '--no-prometheus', '--no-telemetry', '--no-mdns', ...extra,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-20000); });
  child.log = () => log;
  return child;
}

// One JSON-RPC call over HTTP; the whole answer (`result` or `error`).
export async function rpc(port, method, params = []) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  return res.json();
}

async function rpcAnswers(port = RPC_PORT) {
  try {
    return 'result' in (await rpc(port, 'system_health'));
  } catch {
    return false;
  }
}

// Waits until the node started with `rpcPort` answers RPC.
export async function waitForRpc(child, port) {
  const deadline = Date.now() + 120_000;
  while (!(await rpcAnswers(port))) {
    if (child.exitCode !== null) throw new Error(`node exited early:\n${child.log()}`);
    if (Date.now() > deadline) throw new Error(`node RPC did not come up:\n${child.log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function connect(child) {
  await waitForRpc(child, RPC_PORT);
  const provider = new WsProvider(URL);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  return Object.assign(api, { rawProvider: provider });
}

// Starts a dtao-node with exactly `args` (no --dev defaults: a validator or full node of a
// network), stdout and stderr appended to the file `logPath`; `child.log()` is its tail.
export function spawnNode(args, logPath) {
  const fd = openSync(logPath, 'a');
  const child = spawn(NODE, args, { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  child.log = (lines = 30) => tailFile(logPath, lines);
  return child;
}

// The last `lines` lines of a text file ('' when it cannot be read).
export function tailFile(path, lines = 30) {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '';
  }
}

// A TCP port on 127.0.0.1 that was free a moment ago.
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function stopNode(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

// The engine RPCs, raw: their JSON (`{hash, aux}`) is what every client sees.
export const createBlock = (api, finalize) => api.rawProvider.send('engine_createBlock', [true, finalize, null]);
export const finalizeBlock = (api, hash) => api.rawProvider.send('engine_finalizeBlock', [hash, null]);

