"""btcli 9.3.0, unmodified and non-interactive (`--no-prompt`, `--json-output`), against the
same dev node as test_sdk.py: list subnets, stake, create a subnet, register. Output is parsed
and checked against the chain's storage.

Not here: `stake list` and `subnets metagraph`. btcli 9.3.0 reads the reference's `Registry`
pallet (`IdentityOf`), which dtao does not have yet, and downloads delegate details from
raw.githubusercontent.com on every call, which a machine without internet cannot (see
docs/clients.md)."""
import json
import os
import subprocess
import sys

import pytest


TAO = 10**9


@pytest.fixture(scope="module", autouse=True)
def past_block_zero(node):
    """btcli's `subnets list` divides by the block number: seal one block first."""
    node.seal(1)


def btcli(node, wallets, *args, wallet=None):
    cmd = [os.path.join(os.path.dirname(sys.executable), "btcli"), *args,
           "--network", node.url, "--json-output"]
    if wallet:
        cmd += ["--wallet-path", wallets["path"], "--wallet-name", wallet, "--wallet-hotkey", "default"]
    if "metagraph" not in args and "list" not in args:
        cmd.append("--no-prompt")
    env = dict(os.environ, COLUMNS="400", HOME=os.path.dirname(wallets["path"]))
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
