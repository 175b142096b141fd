//! Crash-kill cycles of the wallet's small files: a child process rewrites
//! one file again and again through the product's own code and prints
//! `saved <generation>` after each write returned; it is SIGKILLed at a
//! random moment. Afterwards the file reads back through the product's
//! reader (never damaged, never silently replaced by defaults) and holds
//! the last acknowledged generation or the one after it (written, not yet
//! acknowledged).
//!
//! - the wallet settings (`<name>.settings.json`, `set_backup_verified`
//!   under the wallet's lock);
//! - the chain settings (`chain/<network>/settings.json`,
//!   `ChainSettings::save`; the generation is the checkpoint's height);
//! - a pending cold-signing request (`cold/pending/<wallet>/<id>.json`,
//!   `PendingStore::save`; the generation is its `created_at`).
//!
//! Rounds: `JIFEN_CRASH_ROUNDS` per subject (default 40; the long run in
//! `docs/benchmarks.md#crash-kill-cycles` uses 1,000); `JIFEN_CRASH_SEED`
//! repeats a run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]
#![cfg(unix)]

use std::path::Path;

use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_protocol::Network;
use jifen_testenv::crash::{Cycle, child_path, last_ack};
use jifen_testenv::kdf::FAST_KDF;
use jifen_wallet::cold::{PendingRequest, PendingStore, parse_request_id};
use jifen_wallet::record::WalletSettings;
use jifen_wallet::{ChainSettings, NewWallet, WalletStore};

const ROUNDS: u32 = 40;
const MAX_DELAY_MS: u64 = 30;
const READY: &str = "files-child-ready";
const ACK: &str = "saved";
/// The generation the child starts from (it writes the next ones).
const GEN_ENV: &str = "JIFEN_CRASH_FILES_GENERATION";
const WALLET: &str = "w";
const REQUEST_ID: &str = "0f0e0d0c-0b0a-4908-8706-050403020100";
const HASH: &str = "9c6217c65463279cb4ea2feca52feb5ac21b29b51ebfa9bbe3bfbb0ff45b147c";

/// What one subject's run saw.
#[derive(Default)]
struct Tally {
    at_ack: u32,
    ahead: u32,
    unacknowledged: u32,
    mid_write: u32,
}

/// Runs the cycles of `child` over `data` (the data folder): before each
/// round `reset` may prepare the file; after each kill `read` returns the
/// generation on disk (panicking on damage), which must be the last
/// acknowledged one or the next.
fn cycles(
    name: &'static str,
    child: &str,
    data: &Path,
    file: &Path,
    mut reset: impl FnMut(),
    mut read: impl FnMut(u32) -> u64,
) {
    let mut cycle = Cycle::new(name, ROUNDS);
    let mut tally = Tally::default();
    let mut generation = 0u64;
    for round in 0..cycle.rounds {
        reset();
        let mut command = Cycle::child_command(child, data);
        command.env(GEN_ENV, generation.to_string());
        let killed = cycle.kill_at_random(round, &mut command, READY, MAX_DELAY_MS);
        if !jifen_files::leftover_temps(file).unwrap().is_empty() {
            tally.mid_write += 1; // killed between the temporary file and its rename
        }
        let now = read(round);
        match last_ack(&killed.stdout, ACK) {
            Some(acked) if now == acked => tally.at_ack += 1,
            Some(acked) if now == acked + 1 => tally.ahead += 1,
            Some(acked) => {
                panic!("{name} round {round}: acknowledged {acked}, the file holds {now}")
            }
            None => {
                assert!(
                    now == generation || now == generation + 1,
                    "{name} round {round}: nothing acknowledged after {generation}, the file holds {now}"
                );
                tally.unacknowledged += 1;
            }
        }
        generation = now;
    }
    println!(
        "{name}: seed {}, {} rounds, {} kills in {:.1?}: every file read back whole; \
         {} at the last acknowledged generation, {} one ahead (written, not yet acknowledged), \
         {} rounds killed before the first acknowledgement; {} kills left a temporary file \
         (mid-write); final generation {generation}",
        cycle.seed,
        cycle.rounds,
        cycle.kills,
        cycle.elapsed(),
        tally.at_ack,
        tally.ahead,
        tally.unacknowledged,
        tally.mid_write,
    );
}

fn start_generation() -> u64 {
    std::env::var(GEN_ENV).unwrap().parse().unwrap()
}

/// Runs `write(generation)` for the generations after the parent's,
/// acknowledging each, until killed (bounded: the parent asserts the kill).
fn churn(mut write: impl FnMut(u64)) {
    let start = start_generation();
    println!("{READY}");
    for generation in start + 1..start + 1_000_000 {
        write(generation);
        println!("{ACK} {generation}");
    }
}

#[test]
fn sigkill_while_saving_wallet_settings_never_damages_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    let mnemonic = Mnemonic::from_entropy(MnemonicLanguage::English, &[7; 16]).unwrap();
    store
        .create(&NewWallet {
            name: WALLET,
            mnemonic: &mnemonic,
            passphrase: "",
            password: &Password::new("password one").unwrap(),
            network: Network::Devnet,
            kdf: FAST_KDF,
            backup_verified: false,
        })
        .unwrap();
    let settings = store.dir().join(format!("{WALLET}.settings.json"));
    let unverified = serde_json::to_vec(&WalletSettings::default()).unwrap();
    // The flag only goes one way: each round starts unverified, and the
    // generation is 1 once the child set it (the first save of a round).
    let mut round_start = 0u64;
    cycles(
        "wallet-settings crash-kill",
        "child_wallet_settings",
        dir.path(),
        &settings,
        || jifen_files::write_atomic(&settings, &unverified).unwrap(),
        |round| {
            let raw = std::fs::read(&settings).unwrap();
            let parsed: WalletSettings = serde_json::from_slice(&raw)
                .unwrap_or_else(|e| panic!("round {round}: damaged settings ({e}): {raw:?}"));
            let opened = store.open(WALLET).unwrap();
            assert_eq!(opened.backup_verified(), parsed.backup_verified);
            // Generations of this subject: the child's n-th save sets the flag.
            let generation = if parsed.backup_verified {
                round_start + 1
            } else {
                round_start
            };
            round_start = generation;
            generation
        },
    );
}

#[test]
#[ignore = "run by sigkill_while_saving_wallet_settings_never_damages_them as a child"]
fn child_wallet_settings() {
    let Some(data) = child_path() else { return };
    let mut wallet = WalletStore::new(&data).open(WALLET).unwrap();
    let mut first = true;
    let start = start_generation();
    println!("{READY}");
    // Every save rewrites the file; only the first of a round changes it.
    for _ in 0..1_000_000 {
        wallet.set_backup_verified().unwrap();
        if first {
            println!("{ACK} {}", start + 1);
            first = false;
        }
    }
}

fn chain_settings_file(data: &Path) -> std::path::PathBuf {
    ChainSettings::dir(data, Network::Devnet).join("settings.json")
}

#[test]
fn sigkill_while_saving_chain_settings_never_damages_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = chain_settings_file(dir.path());
    cycles(
        "chain-settings crash-kill",
        "child_chain_settings",
        dir.path(),
        &file,
        || {},
        |round| {
            let loaded = ChainSettings::load(dir.path(), Network::Devnet)
                .unwrap_or_else(|e| panic!("round {round}: the settings do not load: {e}"));
            loaded.checkpoint().map_or(0, |c| c.height)
        },
    );
}

#[test]
#[ignore = "run by sigkill_while_saving_chain_settings_never_damages_them as a child"]
fn child_chain_settings() {
    let Some(data) = child_path() else { return };
    let mut settings = ChainSettings::defaults(Network::Devnet).unwrap();
    churn(|generation| {
        settings
            .set_checkpoint(Some(&format!("{generation}:{HASH}")))
            .unwrap();
        settings.save(&data).unwrap();
    });
}

fn pending_store(data: &Path) -> PendingStore {
    PendingStore::new(&WalletStore::new(data), WALLET)
}

#[test]
fn sigkill_while_saving_a_pending_request_never_damages_it() {
    let dir = tempfile::tempdir().unwrap();
    let id = parse_request_id(REQUEST_ID).unwrap();
    let file = WalletStore::new(dir.path())
        .dir()
        .join("cold/pending")
        .join(WALLET)
        .join(format!("{REQUEST_ID}.json"));
    let pending = pending_store(dir.path());
    cycles(
        "pending-request crash-kill",
        "child_pending",
        dir.path(),
        &file,
        || {},
        |round| {
            let entries = pending.entries().unwrap();
            for (name, entry) in &entries {
                if let Err(e) = entry {
                    panic!("round {round}: pending {name} is damaged: {e}");
                }
            }
            pending
                .load(&id)
                .unwrap()
                .map_or(0, |record| record.created_at)
        },
    );
}

#[test]
#[ignore = "run by sigkill_while_saving_a_pending_request_never_damages_it as a child"]
fn child_pending() {
    let Some(data) = child_path() else { return };
    let pending = pending_store(&data);
    churn(|generation| {
        let record = PendingRequest {
            format: 1,
            wallet: WALLET.into(),
            request_id: REQUEST_ID.into(),
            created_at: generation,
            request_cbor: "00".into(),
            signed_transaction: None,
            broadcast_tx_id: None,
        };
        pending.save(&record).unwrap();
    });
}

const HOLDING: &str = "holding-the-session";

/// Two processes syncing one network (the app and a `jifen sync`, say):
/// while one has the network's session open, the other's open is refused
/// with `lc-store-locked` (translated), not a generic store failure; once
/// the first is gone (killed) the session opens again.
#[test]
fn a_second_process_opening_the_same_chain_session_is_refused_with_lc_store_locked() {
    use jifen_wallet::chain::ChainSession;
    let dir = tempfile::tempdir().unwrap();
    let settings = ChainSettings::defaults(Network::Devnet).unwrap();
    let mut holder = jifen_testenv::process::Spawned::spawn(&mut Cycle::child_command(
        "child_holds_a_session",
        dir.path(),
    ))
    .unwrap();
    holder
        .wait_for_line(HOLDING, jifen_testenv::DEADLINE)
        .unwrap();
    let refused = ChainSession::open(dir.path(), &settings).unwrap_err();
    assert_eq!(refused.code(), "lc-store-locked", "{refused}");
    for locale in jifen_i18n::Locale::ALL {
        let catalog = jifen_i18n::Catalog::new(locale);
        assert!(catalog.has("lc-store-locked"), "{locale}");
        let text = catalog.format(
            refused.code(),
            &jifen_protocol::message::Coded::args(&refused),
        );
        assert!(text.contains("jifen"), "{locale}: {text}");
    }
    holder.kill().unwrap();
    ChainSession::open(dir.path(), &settings).unwrap();
}

#[test]
#[ignore = "run by a_second_process_opening_the_same_chain_session_is_refused_with_lc_store_locked"]
fn child_holds_a_session() {
    let Some(data) = child_path() else { return };
    let settings = ChainSettings::defaults(Network::Devnet).unwrap();
    let _session = jifen_wallet::chain::ChainSession::open(&data, &settings).unwrap();
    println!("{HOLDING}");
    std::thread::sleep(jifen_testenv::DEADLINE + std::time::Duration::from_secs(1));
}

const WITNESS_ENV: &str = "JIFEN_CRASH_WITNESS_BASE";
const ADDED: &str = "witnesses-added";

/// Two processes changing one network's endpoints at once (the app and a
/// `jifen endpoints add-witness`): every witness either added is kept.
/// `endpoints::change` reads, changes and saves under the settings' lock
/// (`ChainSettings::update`); it used to read before taking the lock, so
/// the second save could silently drop the first one's witness.
#[test]
fn two_processes_adding_witnesses_at_once_never_lose_one() {
    let dir = tempfile::tempdir().unwrap();
    let go = dir.path().join("go");
    let mut children: Vec<_> = [1000u16, 2000]
        .iter()
        .map(|base| {
            let mut command = Cycle::child_command("child_adds_witnesses", dir.path());
            command.env(WITNESS_ENV, base.to_string());
            jifen_testenv::process::Spawned::spawn(&mut command).unwrap()
        })
        .collect();
    std::fs::write(&go, b"").unwrap();
    for child in &mut children {
        child.wait_for_line(ADDED, jifen_testenv::DEADLINE).unwrap();
        let status = child.wait_within(jifen_testenv::DEADLINE).unwrap().unwrap();
        assert!(status.success(), "{status}");
    }
    let settings = ChainSettings::load(dir.path(), Network::Devnet).unwrap();
    let mut witnesses: Vec<&str> = settings.witnesses().iter().map(|w| w.as_str()).collect();
    witnesses.sort_unstable();
    let mut expected: Vec<String> = [1000u16, 2000]
        .iter()
        .flat_map(|base| (1..=3).map(move |n| format!("http://127.0.0.1:{}", base + n)))
        .collect();
    expected.sort();
    assert_eq!(witnesses, expected);
}

#[test]
#[ignore = "run by two_processes_adding_witnesses_at_once_never_lose_one"]
fn child_adds_witnesses() {
    let Some(data) = child_path() else { return };
    let base: u16 = std::env::var(WITNESS_ENV).unwrap().parse().unwrap();
    let ctx = jifen_wallet::WalletContext::new(&data, Network::Devnet, jifen_wallet::FrontEnd::Cli);
    let deadline = std::time::Instant::now() + jifen_testenv::DEADLINE;
    while !data.join("go").exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    for n in 1..=3 {
        let change = jifen_wallet::endpoints::EndpointsChange {
            add_witnesses: vec![format!("http://127.0.0.1:{}", base + n)],
            ..Default::default()
        };
        jifen_wallet::endpoints::change(&ctx, Network::Devnet, &change).unwrap();
    }
    println!("{ADDED}");
}
