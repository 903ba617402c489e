//! The flat state (`dtao_sim::state::State`, the default) against `sp_io::TestExternalities`
//! (a trie backend under an overlay, what the pallet's own tests run on): one scenario with
//! every actor kind, epochs, failing calls (rolled-back transactions) and a subnet
//! registration wave, run on both; every output file and every storage pair must be the same
//! bytes.
use dtao_sim::{run, scenario::parse, Options};
use std::path::{Path, PathBuf};

const EVERY_KIND: &str = r#"
name = "backends"
blocks = 130
seed = 11
sample_every = 1
[chain]
subnet_owner_cut = 0.18
[[accounts]]
name = "trader"
balance = 5000
[[subnets]]
netuid = 1
tao = 1000
tempo = 20
[[subnets]]
netuid = 2
tao = 2000
alpha_in = 4000
moving_price = 0.4
tempo = 30
[[populations]]
validators = 3
miners = 4
validator_stake = 50
weights = "random"
[[neurons]]
netuid = 1
hotkey = "va"
stake = 80
[[neurons]]
netuid = 2
hotkey = "vb"
stake = 60
[[root_stakers]]
hotkey = "root1"
stake = 1000
weights = { "1" = 1.0, "2" = 3.0 }
[[actors]]
name = "noise"
kind = "random_trader"
account = "trader"
netuids = [1, 2]
probability = 0.5
min = 1
max = 20
at = 1
every = 1
[[actors]]
name = "buyer"
kind = "stake"
fund = 300
hotkey = "va"
netuid = 1
amount = 40
at = 3
every = 17
[[actors]]
name = "seller"
kind = "unstake"
account = "buyer"
hotkey = "va"
netuid = 1
alpha = "all"
at = 45
[[actors]]
name = "mover"
kind = "move"
account = "vb-cold"
hotkey = "vb"
netuid = 2
to_hotkey = "va"
to_netuid = 1
alpha = 5
at = 25
every = 40
[[actors]]
name = "pump"
kind = "pump_and_hold"
fund = 600
hotkey = "vb"
netuid = 2
amount = 500
spread = 4
hold = 30
at = 10
[[actors]]
name = "exodus"
kind = "root_exodus"
fraction = 0.5
to_netuid = 2
at = 70
[[actors]]
name = "founder"
kind = "register_subnets"
fund = 5000
count = 2
at = 50
[[actors]]
name = "tempo"
kind = "set_parameter"
parameter = "tempo"
netuid = 1
value = 15
at = 80
[[actors]]
name = "weight"
kind = "set_parameter"
parameter = "tao_weight"
value = 0.3
at = 90
[[actors]]
name = "policy"
kind = "set_emission_policy"
policy = "root_weights"
at = 100
"#;

fn run_on(trie: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dtao-sim-backend-{trie}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let s = parse(EVERY_KIND).expect("valid scenario");
    run(&s, &Options { out: Some(dir.clone()), quiet: true, blocks: None, check_every: 1, pairs: true, trie }).expect("runs");
    dir
}

fn files(dir: &Path) -> Vec<std::ffi::OsString> {
    let mut names: Vec<_> = std::fs::read_dir(dir).expect("out").map(|e| e.expect("entry").file_name()).collect();
    names.sort();
    names
}

#[test]
fn the_flat_state_and_the_trie_backend_give_the_same_bytes() {
    let (flat, trie) = (run_on(false), run_on(true));
    assert_eq!(files(&flat), files(&trie));
    for f in files(&flat) {
        let (a, b) = (std::fs::read(flat.join(&f)).expect("flat"), std::fs::read(trie.join(&f)).expect("trie"));
        assert!(a == b, "{f:?} differs between the flat state and the trie backend");
    }
    // The run did what the comparison needs: every actor kind acted, some calls failed (their
    // transactions rolled back), the new subnets registered, epochs ran.
    let actions = std::fs::read_to_string(flat.join("actions.csv")).expect("actions");
    for (actor, call) in [
        ("noise", "add_stake"),
        ("buyer", "add_stake"),
        ("seller", "remove_stake"),
        ("mover", "move_stake"),
        ("pump", "add_stake"),
        ("pump", "remove_stake"),
        ("exodus", "move_stake"),
        ("founder", "register_network"),
        ("tempo", "sudo_set_parameter"),
        ("weight", "sudo_set_parameter"),
        ("policy", "sudo_set_parameter"),
    ] {
        let made = actions.lines().any(|l| {
            let c: Vec<&str> = l.split(',').collect();
            c.len() > 2 && c[1].split(':').next() == Some(actor) && c[2] == call
        });
        assert!(made, "{actor} {call} missing:\n{actions}");
    }
    assert!(actions.lines().any(|l| !l.ends_with(",ok") && !l.starts_with("block")), "no call failed:\n{actions}");
    let epochs = std::fs::read_to_string(flat.join("epochs.csv")).expect("epochs");
    assert!(epochs.lines().count() > 20, "{epochs}");
    let state = std::fs::read_to_string(flat.join("state-pairs.json")).expect("pairs");
    assert!(state.lines().count() > 500);
    for d in [flat, trie] {
        let _ = std::fs::remove_dir_all(d);
    }
}
