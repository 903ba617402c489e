"""btcli 9.3.0, unmodified and non-interactive (`--no-prompt`, `--json-output`), against the
same dev node as test_sdk.py: list subnets, stake, list stakes, create a subnet, register, and
show a metagraph with the owners' identities. Output is parsed and checked against the chain's
storage.

`stake list` and `subnets metagraph` read delegate names from the chain (`Registry.IdentityOf`)
and from a file on raw.githubusercontent.com, downloaded on every call with no fallback. This
machine and CI have no internet, so those two run through `offline_btcli.py`, which points
that one URL at a local server giving `delegates.json` and then runs btcli's own entry point."""
import functools
import http.server
import json
import os
import subprocess
import sys
import threading

import pytest


TAO = 10**9


@pytest.fixture(scope="module", autouse=True)
def past_block_zero(node):
    """btcli's `subnets list` divides by the block number: seal one block first."""
    node.seal(1)


HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="module")
def delegates_url():
    """Serves this directory on loopback, for `delegates.json`."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=HERE))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/delegates.json"
    server.shutdown()


def btcli(node, wallets, *args, wallet=None, delegates=None):
    """Runs btcli; with `delegates` (a URL), through `offline_btcli.py`."""
    if delegates:
        launcher = [sys.executable, os.path.join(HERE, "offline_btcli.py")]
    else:
        launcher = [os.path.join(os.path.dirname(sys.executable), "btcli")]
    cmd = [*launcher, *args, "--network", node.url, "--json-output"]
    if wallet:
        cmd += ["--wallet-path", wallets["path"], "--wallet-name", wallet, "--wallet-hotkey", "default"]
    if "metagraph" not in args and "list" not in args:
        cmd.append("--no-prompt")
    env = dict(os.environ, COLUMNS="400", HOME=os.path.dirname(wallets["path"]))
    if delegates:
        env["DTAO_DELEGATES_URL"] = delegates
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, f"{cmd}\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return out.stdout


def parse(text):
    """The JSON document btcli printed (it may print progress lines before it)."""
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    assert starts, f"btcli printed no JSON:\n{text}"
    start = min(starts)
    return json.loads(text[start:])


def test_subnets_list(node, wallets, st):
    listed = parse(btcli(node, wallets, "subnets", "list"))
    netuids = sorted(int(k) for k in listed["subnets"])
    assert netuids == st.get_subnets()
    one = listed["subnets"]["1"]
    tao_in = st.query_subtensor("SubnetTAO", params=[1]).value
    alpha_in = st.query_subtensor("SubnetAlphaIn", params=[1]).value
    assert one["price"] == pytest.approx(tao_in / alpha_in, rel=1e-6)


def test_stake_add(node, wallets, st):
    w = wallets["bob"]
    cold, hot = w.coldkeypub.ss58_address, w.hotkey.ss58_address
    # The hotkey needs an owner first: register it on subnet 2 with the SDK.
    assert st.burned_register(w, netuid=2, wait_for_finalization=True)
    before = st.get_balance(cold).rao
    btcli(node, wallets, "stake", "add", "--netuid", "2", "--amount", "5", "--unsafe", wallet="bob")
    assert st.get_balance(cold).rao == before - 5 * TAO
    stake = st.get_stake(cold, hot, 2).rao
    assert stake > 0
    # Staking is free: the balance fell by the amount only; the stake info agrees.
    infos = [i for i in st.get_stake_for_coldkey(cold) if i.netuid == 2 and i.hotkey_ss58 == hot]
    assert len(infos) == 1 and infos[0].stake.rao == stake


def test_stake_list(node, wallets, st, delegates_url):
    """After test_stake_add: bob's stake on subnet 2, in alpha and at the pool's price."""
    w = wallets["bob"]
    cold, hot = w.coldkeypub.ss58_address, w.hotkey.ss58_address
    listed = parse(btcli(node, wallets, "stake", "list", wallet="bob", delegates=delegates_url))
    assert listed["coldkey_address"] == cold
    assert round(listed["free_balance"] * TAO) == st.get_balance(cold).rao
    [entry] = listed["stake_info"][hot]
    assert entry["netuid"] == 2 and entry["registered"] is True
    assert round(entry["stake_value"] * TAO) == st.get_stake(cold, hot, 2).rao
    tao_in = st.query_subtensor("SubnetTAO", params=[2]).value
    alpha_in = st.query_subtensor("SubnetAlphaIn", params=[2]).value
    assert entry["rate"] == pytest.approx(tao_in / alpha_in, rel=1e-8)


def test_subnets_metagraph_names_owners_from_the_chain_and_from_delegates_json(node, wallets, st, delegates_url):
    """Subnet 1's owner hotkey (//Charlie, owned by //Alice) gets an identity in `Registry`
    once it holds a root UID; subnet 2's (//Dave) is named only in delegates.json."""
    from bittensor_wallet import Keypair

    alice = wallets["alice"]
    charlie = Keypair.create_from_uri("//Charlie").ss58_address
    call = st.substrate.compose_call("SubtensorModule", "root_register", {"hotkey": charlie})
    assert st.sign_and_send_extrinsic(call, alice, wait_for_finalization=True)[0]
    name = b"charlie on chain"
    none = "None"
    info = {"additional": ([],), "display": {f"Raw{len(name)}": "0x" + name.hex()}, "legal": none,
            "web": none, "riot": none, "email": none, "pgp_fingerprint": None, "image": none, "twitter": none}
    call = st.substrate.compose_call("Registry", "set_identity", {"identified": charlie, "info": info})
    assert st.sign_and_send_extrinsic(call, alice, wait_for_finalization=True)[0]
    stored = st.substrate.query("Registry", "IdentityOf", [charlie])
    stored = getattr(stored, "value", stored)
    assert stored["deposit"] == 100_000_000

    one = parse(btcli(node, wallets, "subnets", "metagraph", "--netuid", "1", delegates=delegates_url))
    assert one["owner"] == alice.coldkeypub.ss58_address
    assert one["owner_identity"] == "charlie on chain"
    assert round(one["tao_pool"] * TAO) == st.query_subtensor("SubnetTAO", params=[1]).value
    assert round(one["alpha_pool"] * TAO) == st.query_subtensor("SubnetAlphaIn", params=[1]).value
    meta = st.metagraph(1)
    assert sorted((u["uid"], u["hotkey"]) for u in one["uids"]) == list(enumerate(meta.hotkeys))
    owner_row = next(u for u in one["uids"] if u["hotkey"] == charlie)
    assert "charlie on chain" in owner_row["identity"]

    two = parse(btcli(node, wallets, "subnets", "metagraph", "--netuid", "2", delegates=delegates_url))
    assert two["owner"] == wallets["bob"].coldkeypub.ss58_address
    assert two["owner_identity"] == "Dave from delegates.json"


def test_subnets_create_and_register(node, wallets, st):
    before = st.get_total_subnets()
    # Every identity field is given, or btcli asks for it even with --no-prompt.
    btcli(node, wallets, "subnets", "create", "--subnet-name", "cli-made",
          "--github-repo", "https://github.com/example/subnet", "--subnet-contact", "dev@example.com",
          "--subnet-url", "https://example.com", "--discord-handle", "dtao",
          "--description", "made by btcli", "--additional-info", "none", wallet="alice")
    assert st.get_total_subnets() == before + 1
    netuid = max(st.get_subnets())
    identity = st.query_subtensor("SubnetIdentitiesV2", params=[netuid])
    identity = getattr(identity, "value", identity)
    assert bytes(identity["subnet_name"]) == b"cli-made"
    assert bytes(identity["subnet_contact"]) == b"dev@example.com"
    btcli(node, wallets, "subnets", "register", "--netuid", str(netuid), wallet="bob")
    assert st.is_hotkey_registered(wallets["bob"].hotkey.ss58_address, netuid=netuid)
