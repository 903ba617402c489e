"""Starts a `dtao-node --dev` (instant sealing, fresh state, loopback only) for the SDK and
btcli tests (one per test module), and gives them dev-key wallets. The node binary is $DTAO_NODE."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

# `bittensor`'s Config parses sys.argv: hide pytest's arguments from it.
sys.argv = sys.argv[:1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    """A running dev node and a plain JSON-RPC client over HTTP."""

    def __init__(self, binary: str, log_path: str):
        self.port = free_port()
        self.url = f"ws://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(
            [binary, "--dev", "--tmp", "--sealing", "instant", "--rpc-port", str(self.port),
             "--no-prometheus", "--no-telemetry", "--port", str(free_port())],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                self.rpc("system_health")
                break
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"dtao-node did not start; see {log_path}")
                time.sleep(0.3)

    def rpc(self, method: str, params=None):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}", body.encode(),
                                     {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            answer = json.loads(resp.read())
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer["result"]

    def seal(self, blocks: int = 1):
        """Seals and finalizes `blocks` empty blocks (engine_createBlock)."""
        for _ in range(blocks):
            self.rpc("engine_createBlock", [True, True, None])

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="module")
def node(tmp_path_factory):
    """A fresh node (fresh dev genesis) for each test module."""
    binary = os.environ.get("DTAO_NODE")
    if not binary:
        pytest.fail("set DTAO_NODE to the dtao-node binary")
    n = Node(binary, str(tmp_path_factory.mktemp("node") / "node.log"))
    yield n
    n.stop()


@pytest.fixture(scope="module")
def st(node):
    """The SDK's sync `Subtensor` on this module's node."""
    import bittensor as bt

    sub = bt.Subtensor(network=node.url)
    yield sub
    sub.close()


@pytest.fixture(scope="session")
def wallets(tmp_path_factory):
    """Wallets made from dev keys, no passwords: `alice` (coldkey //Alice, hotkey //Eve) and
    `bob` (coldkey //Bob, hotkey //Ferdie)."""
    from bittensor_wallet import Wallet

    path = str(tmp_path_factory.mktemp("wallets"))
    made = {}
    for name, cold, hot in [("alice", "//Alice", "//Eve"), ("bob", "//Bob", "//Ferdie")]:
        w = Wallet(name=name, hotkey="default", path=path)
        w.create_coldkey_from_uri(cold, use_password=False, overwrite=True, suppress=True)
        w.create_hotkey_from_uri(hot, use_password=False, overwrite=True, suppress=True)
        made[name] = w
    made["path"] = path
    return made
