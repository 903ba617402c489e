"""The Bittensor SDK 9.3.0, unmodified, against `dtao-node --dev`: reads, registration,
staking, a new subnet, the metagraph, serving an axon and setting weights. Each step checks
values against the chain's own storage or our `DtaoApi` quotes, not only that no exception
was raised. The tests run in file order and build on each other's state."""
import asyncio

import pytest

import bittensor as bt
from bittensor.utils.balance import Balance

TAO = 10**9
ENDOWMENT = 1_000_000 * TAO  # every dev account's genesis balance
ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"


def plain(answer):
    """A query's decoded value (the SDK answers a ScaleObj or the value itself)."""
    return getattr(answer, "value", answer)


def storage(st, name, params):
    return plain(st.query_subtensor(name, params=params))


def free(st, ss58):
    return st.get_balance(ss58).rao


def test_connect_and_list_subnets(st):
    assert st.get_current_block() >= 0
    # The dev genesis: root and subnets 1 and 2.
    assert st.get_subnets() == [0, 1, 2]
    assert st.get_total_subnets() == 3
    assert st.subnet_exists(2) and not st.subnet_exists(7)


def test_balance_is_the_genesis_endowment(st):
    assert free(st, ALICE) == ENDOWMENT
    raw = plain(st.substrate.query("System", "Account", [ALICE]))
    assert raw["data"]["free"] == ENDOWMENT


def test_dynamic_info_and_price_are_the_pool_ratio(st):
    info = st.subnet(1)
    tao_in = storage(st, "SubnetTAO", [1])
    alpha_in = storage(st, "SubnetAlphaIn", [1])
    assert info.netuid == 1
    assert info.tao_in.rao == tao_in and info.alpha_in.rao == alpha_in
    # The SDK computes the price as tao_in / alpha_in.
    assert info.price.tao == pytest.approx(tao_in / alpha_in, rel=1e-12)
    assert info.owner_coldkey == ALICE
    every = st.all_subnets()
    assert [s.netuid for s in every] == [0, 1, 2]
    assert every[0].price.tao == 1.0
    # A missing subnet: the chain answers None (SDK 9.3.0's `subnet(9)` then fails in its own
    # decoding, a client bug listed in docs/clients.md).
    assert plain(st.substrate.runtime_call("SubnetInfoRuntimeApi", "get_dynamic_info", [9])) is None
    assert plain(st.substrate.runtime_call("SubnetInfoRuntimeApi", "get_metagraph", [9])) is None
    assert plain(st.substrate.runtime_call("NeuronInfoRuntimeApi", "get_neuron", [1, 999])) is None
    assert plain(st.substrate.runtime_call("StakeInfoRuntimeApi", "get_stake_info_for_coldkey",
                                           ["5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM"])) == []


def test_async_subtensor_reads_the_same(st, node):
    async def read():
        async with bt.AsyncSubtensor(network=node.url) as ast:
            return await ast.get_subnets(), (await ast.get_balance(ALICE)).rao, await ast.subnet(2)

    subnets, balance, info = asyncio.run(read())
    assert subnets == [0, 1, 2]
    assert balance == free(st, ALICE)
    assert info.tao_in.rao == storage(st, "SubnetTAO", [2])


def test_burned_register_charges_the_burn_and_no_fee(st, wallets):
    w = wallets["alice"]
    burn = storage(st, "Burn", [1])
    before = free(st, w.coldkeypub.ss58_address)
    assert st.burned_register(w, netuid=1, wait_for_finalization=True)
    assert free(st, w.coldkeypub.ss58_address) == before - burn
    uid = st.get_uid_for_hotkey_on_subnet(w.hotkey.ss58_address, 1)
    assert uid == storage(st, "SubnetworkN", [1]) - 1
    assert st.is_hotkey_registered(w.hotkey.ss58_address, netuid=1)


def test_register_subnet_charges_the_lock_cost(st, wallets):
    w = wallets["bob"]
    cost = st.get_subnet_burn_cost().rao
    assert cost == plain(st.substrate.runtime_call(
        "SubnetRegistrationRuntimeApi", "get_network_registration_cost", []))
    before = free(st, w.coldkeypub.ss58_address)
    assert st.register_subnet(w, wait_for_finalization=True)
    assert st.get_total_subnets() == 4
    assert free(st, w.coldkeypub.ss58_address) == before - cost
    assert storage(st, "SubnetOwner", [3]) == w.coldkeypub.ss58_address
    # Alice's hotkey joins it too (it does not emit before start_call, so no coinbase moves
    # its pool between a quote and the call that follows).
    assert st.burned_register(wallets["alice"], netuid=3, wait_for_finalization=True)


def test_add_stake_credits_the_quoted_alpha(st, wallets):
    w = wallets["alice"]
    cold, hot = w.coldkeypub.ss58_address, w.hotkey.ss58_address
    amount = 10 * TAO
    quote = plain(st.substrate.runtime_call("DtaoApi", "quote_stake", [3, amount]))
    before = free(st, cold)
    assert st.add_stake(w, hotkey_ss58=hot, netuid=3, amount=Balance.from_rao(amount))
    stake = st.get_stake(cold, hot, 3)
    assert stake.rao == quote["alpha"]
    # Staking is free: the balance falls by the amount only.
    assert free(st, cold) == before - amount
    infos = [s for s in st.get_stake_for_coldkey(cold) if s.netuid == 3 and s.hotkey_ss58 == hot]
    assert len(infos) == 1 and infos[0].stake.rao == quote["alpha"]


def test_unstake_pays_the_quoted_tao(st, wallets):
    w = wallets["alice"]
    cold, hot = w.coldkeypub.ss58_address, w.hotkey.ss58_address
    alpha = st.get_stake(cold, hot, 3).rao // 2
    quote = plain(st.substrate.runtime_call("DtaoApi", "quote_unstake", [hot, 3, alpha]))
    before = free(st, cold)
    assert st.unstake(w, hotkey_ss58=hot, netuid=3, amount=Balance.from_rao(alpha).set_unit(1))
    assert free(st, cold) == before + quote["tao"]


def test_metagraph_lite_and_full(st, wallets):
    hot = wallets["alice"].hotkey.ss58_address
    n = storage(st, "SubnetworkN", [1])
    for lite in (True, False):
        mg = st.metagraph(1, lite=lite)
        assert mg.n.item() == n
        assert hot in mg.hotkeys
        assert len(mg.uids) == n and len(mg.axons) == n
    neurons = st.neurons_lite(1)
    assert [x.uid for x in neurons] == list(range(n))
    assert st.neurons_lite(9) == []


def test_serve_axon_is_reported_by_the_metagraph(st, wallets):
    w = wallets["alice"]
    axon = bt.Axon(wallet=w, port=8091, ip="127.0.0.1", external_ip="10.1.2.3", external_port=8091)
    assert st.serve_axon(netuid=1, axon=axon, wait_for_finalization=True)
    uid = st.get_uid_for_hotkey_on_subnet(w.hotkey.ss58_address, 1)
    served = st.metagraph(1).axons[uid]
    assert (served.ip, served.port) == ("10.1.2.3", 8091)
    stored = storage(st, "Axons", [1, w.hotkey.ss58_address])
    # 10.1.2.3 as a u128, IPv4.
    assert stored["ip"] == (10 << 24) + (1 << 16) + (2 << 8) + 3 and stored["ip_type"] == 4


def test_set_weights_through_the_sdk(st, node, wallets):
    w = wallets["alice"]
    uid = st.get_uid_for_hotkey_on_subnet(w.hotkey.ss58_address, 1)
    # Past the weights rate limit since registration, and past an epoch (validator permits).
    node.seal(st.weights_rate_limit(1) + 12)
    ok, message = st.set_weights(w, netuid=1, uids=[0, uid], weights=[0.25, 0.75],
                                 wait_for_inclusion=True)
    assert ok, message
    rows = dict(st.weights(1))
    # The SDK scales the largest weight to u16::MAX: 0.25/0.75 · 65535 = 21845.
    assert sorted(rows[uid]) == [(0, 21845), (uid, 65535)]
