//! Wallet directory behaviour with the real keystore (fast KDF parameters
//! from `jifen-testenv` so the suite stays fast; the CLI end-to-end tests
//! use calibrated ones), and the file hygiene of everything the wallet
//! keeps: 0700 folders, 0600 files, bounded reads that never wait on a
//! FIFO, no temporary file left behind, and the wallet's lock across
//! processes (`docs/adr/0010-durable-files-and-test-environment.md`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use jifen_crypto::hd::Chain;
use jifen_crypto::keystore::{KdfParams, KdfPolicy, KeystoreError, Password};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_files::Lock;
use jifen_protocol::Network;
use jifen_testenv::DEADLINE;
use jifen_testenv::kdf::{FAST_KDF, fast_kdf_policy};
use jifen_wallet::chain::ChainSession;
use jifen_wallet::chain::offline::existing_store;
use jifen_wallet::cold::{PendingRequest, PendingStore};
use jifen_wallet::record::WatchOnlyRecord;
use jifen_wallet::{ChainSettings, NewWallet, WalletError, WalletStore};

fn create(store: &WalletStore, name: &str, mnemonic: &Mnemonic, passphrase: &str) {
    create_with(store, name, mnemonic, passphrase, FAST_KDF);
}

fn create_with(
    store: &WalletStore,
    name: &str,
    mnemonic: &Mnemonic,
    passphrase: &str,
    kdf: KdfParams,
) {
    let password = Password::new("password one").unwrap();
    store
        .create(&NewWallet {
            name,
            mnemonic,
            passphrase,
            password: &password,
            network: Network::Devnet,
            kdf,
            backup_verified: false,
        })
        .unwrap();
}

fn mnemonic(byte: u8) -> Mnemonic {
    Mnemonic::from_entropy(MnemonicLanguage::English, &[byte; 16]).unwrap()
}

fn password(text: &str) -> Password {
    Password::new(text).unwrap()
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {path:?}");
}

/// Runs `f` on another thread and fails the test if it does not finish in
/// time (a read that blocks on a FIFO never would).
fn within_deadline<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("{what} blocked"))
}

#[cfg(unix)]
use jifen_testenv::modes::{mode, walk};

#[test]
fn create_list_choose_unlock_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    assert!(matches!(store.choose(None), Err(WalletError::NoWallets)));

    let mnemonic = mnemonic(1);
    create(&store, "a", &mnemonic, "");
    // Only one wallet: it is chosen without a name.
    assert_eq!(store.choose(None).unwrap().name(), "a");
    create(&store, "b", &mnemonic, "extra words");
    assert!(matches!(
        store.choose(None),
        Err(WalletError::WalletNotChosen { .. })
    ));

    // A passphrase makes another wallet from the same words.
    let a = store.open("a").unwrap();
    let b = store.open("b").unwrap();
    assert_ne!(
        a.addresses(Chain::Receive, 0, 1).unwrap(),
        b.addresses(Chain::Receive, 0, 1).unwrap()
    );

    // Lock files beside the wallets are not wallets.
    let names: Vec<String> = store.list().unwrap().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["a", "b"]);

    let mut a = store.open("a").unwrap();
    let wrong = password("password two");
    assert!(matches!(
        a.unlock(&wrong, &fast_kdf_policy()),
        Err(WalletError::Keystore(KeystoreError::WrongPassword))
    ));
    let unlocked = a
        .unlock(&password("password one"), &fast_kdf_policy())
        .unwrap();
    let signature = unlocked.sign_message(0, b"hello").unwrap();
    let first = a.addresses(Chain::Receive, 0, 1).unwrap()[0].1;
    signature.verify(b"hello", &first, Network::Devnet).unwrap();
    assert_eq!(*unlocked.mnemonic().entropy(), vec![1u8; 16]);

    // Names that could escape the directory or collide are refused.
    let long = "n".repeat(65);
    for bad in ["", "../x", "a/b", "x y", long.as_str()] {
        assert!(
            matches!(store.open(bad), Err(WalletError::InvalidName { .. })),
            "{bad:?}"
        );
    }
    assert!(matches!(
        store.open("missing"),
        Err(WalletError::NotFound { .. })
    ));
    let again = password("password one");
    let duplicate = store.create(&NewWallet {
        name: "a",
        mnemonic: &mnemonic,
        passphrase: "",
        password: &again,
        network: Network::Devnet,
        kdf: FAST_KDF,
        backup_verified: false,
    });
    assert!(matches!(duplicate, Err(WalletError::AlreadyExists { .. })));
}

#[test]
fn backup_flag_survives_reopen_and_damaged_files_are_listed_with_their_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    let mnemonic = Mnemonic::from_entropy(MnemonicLanguage::ChineseSimplified, &[2u8; 32]).unwrap();
    create(&store, "店铺", &mnemonic, "");
    let mut wallet = store.open("店铺").unwrap();
    assert!(!wallet.backup_verified());
    wallet.set_backup_verified().unwrap();
    assert!(store.open("店铺").unwrap().backup_verified());

    let path = store.dir().join("店铺.jks");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[60] ^= 0x10;
    std::fs::write(&path, &bytes).unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 1);
    let err = listed[0].1.as_ref().unwrap_err();
    assert_eq!(err.code(), "keystore-corrupted");
}

/// Everything the wallet creates is private: the data folder, `wallets/`,
/// `chain/<network>/` with its evidence folder and `cold/` folders 0700;
/// keystores, watch-only records, settings, lock files, chain settings,
/// the light store and pending requests 0600. Folders an earlier version
/// made 0755 and a 0644 light store are tightened.
#[cfg(unix)]
#[test]
fn every_folder_is_0700_and_every_file_0600() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = WalletStore::new(&data);
    create(&store, "hot", &mnemonic(3), "");
    let mut hot = store.open("hot").unwrap();
    hot.set_backup_verified().unwrap();
    hot.change_password(&password("password one"), &password("password 2"), FAST_KDF)
        .unwrap();
    let record = WatchOnlyRecord::new(hot.meta().clone(), None, "0.1.0".into(), 200);
    store.create_watch_only("watch", &record).unwrap();
    ChainSettings::defaults(Network::Devnet)
        .unwrap()
        .save(&data)
        .unwrap();
    let session =
        ChainSession::open(&data, &ChainSettings::defaults(Network::Devnet).unwrap()).unwrap();
    drop(session);
    PendingStore::new(&store, "watch")
        .save(&pending("00112233445566778899aabbccddeeff", 1))
        .unwrap();

    let entries = walk(&data);
    for (path, is_dir, mode) in &entries {
        let want = if *is_dir { 0o700 } else { 0o600 };
        assert_eq!(*mode, want, "{path:?} is {mode:o}");
    }
    let names: Vec<String> = entries
        .iter()
        .map(|(p, _, _)| p.strip_prefix(&data).unwrap().display().to_string())
        .collect();
    for expected in [
        "wallets/hot.jks",
        "wallets/hot.jks.bak",
        "wallets/hot.settings.json",
        "wallets/hot.lock",
        "wallets/watch.watch.json",
        "wallets/cold/pending/watch/00112233445566778899aabbccddeeff.json",
        "chain/devnet/settings.json",
        "chain/devnet/light.redb",
        "chain/devnet/evidence",
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected}: {names:?}");
    }
    // No temporary file is left anywhere.
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");

    // What an earlier version left open is closed on the next use.
    for folder in [&data, &data.join("wallets"), &data.join("chain/devnet")] {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let light = data.join("chain/devnet/light.redb");
    std::fs::set_permissions(&light, std::fs::Permissions::from_mode(0o644)).unwrap();
    // A listing is enough for the wallet folders, opening a session for the chain's.
    store.list().unwrap();
    drop(ChainSession::open(&data, &ChainSettings::defaults(Network::Devnet).unwrap()).unwrap());
    for folder in [&data, &data.join("wallets"), &data.join("chain/devnet")] {
        assert_eq!(mode(folder), 0o700, "{folder:?}");
    }
    assert_eq!(mode(&light), 0o600);
}

fn pending(id: &str, created_at: u64) -> PendingRequest {
    PendingRequest {
        format: 1,
        wallet: "watch".into(),
        request_id: id.into(),
        created_at,
        request_cbor: "00".into(),
        signed_transaction: None,
        broadcast_tx_id: None,
    }
}

/// A FIFO at a keystore path, a watch-only path or a settings path once
/// hung `jifen list`: now each is refused from its type, at once.
#[cfg(unix)]
#[test]
fn a_fifo_at_a_wallet_path_is_listed_with_its_error_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    create(&store, "good", &mnemonic(4), "");
    mkfifo(&store.dir().join("pipe.jks"));
    mkfifo(&store.dir().join("tube.watch.json"));
    // Settings are conveniences: a FIFO there reads as the defaults.
    let settings = store.dir().join("good.settings.json");
    std::fs::remove_file(&settings).unwrap();
    mkfifo(&settings);
    let listed = within_deadline("listing", move || store.list().unwrap());
    let codes: Vec<(String, &str)> = listed
        .iter()
        .map(|(name, row)| {
            let code = row.as_ref().map_or_else(WalletError::code, |_| "ok");
            (name.clone(), code)
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("good".to_owned(), "ok"),
            ("pipe".to_owned(), "files-wrong-kind"),
            ("tube".to_owned(), "files-wrong-kind"),
        ]
    );
}

#[test]
fn a_watch_only_record_too_large_to_be_one_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    store.create_dirs().unwrap();
    let path = store.dir().join("big.watch.json");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: the size says "too large"; nothing that large is ever read.
    file.set_len(jifen_wallet::store::MAX_WATCH_ONLY_BYTES * 1024)
        .unwrap();
    let err = store.open("big").unwrap_err();
    assert_eq!(err.code(), "files-too-large");
    let listed = store.list().unwrap();
    assert_eq!(listed[0].1.as_ref().unwrap_err().code(), "files-too-large");
}

#[cfg(unix)]
#[test]
fn a_fifo_at_a_pending_request_or_the_chain_settings_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_owned();
    let store = WalletStore::new(&data);
    let pending_store = PendingStore::new(&store, "watch");
    pending_store
        .save(&pending("00112233445566778899aabbccddeeff", 1))
        .unwrap();
    let fifo_id = "ffeeddccbbaa99887766554433221100";
    mkfifo(
        &store
            .dir()
            .join(format!("cold/pending/watch/{fifo_id}.json")),
    );
    let entries = within_deadline("listing pending requests", move || {
        pending_store.entries().unwrap()
    });
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].0, "00112233445566778899aabbccddeeff");
    assert!(entries[0].1.is_ok());
    assert_eq!(entries[1].0, fifo_id);
    assert_eq!(
        entries[1].1.as_ref().unwrap_err().code(),
        "files-wrong-kind"
    );

    let chain_dir = data.join("chain/devnet");
    std::fs::create_dir_all(&chain_dir).unwrap();
    mkfifo(&chain_dir.join("settings.json"));
    let loaded = within_deadline("loading chain settings", {
        let data = data.clone();
        move || ChainSettings::load(&data, Network::Devnet)
    });
    assert_eq!(loaded.unwrap_err().code(), "files-wrong-kind");

    // The light store too: redb would block on a FIFO.
    mkfifo(&chain_dir.join("light.redb"));
    let settings = ChainSettings::defaults(Network::Devnet).unwrap();
    let opened = within_deadline("opening the light store", {
        let (data, settings) = (data.clone(), settings.clone());
        move || ChainSession::open(&data, &settings).map(drop)
    });
    assert_eq!(opened.unwrap_err().code(), "files-wrong-kind");
    let existing = within_deadline("looking for the light store", move || {
        existing_store(&data, &settings).map(|s| s.is_some())
    });
    assert_eq!(existing.unwrap_err().code(), "files-wrong-kind");
}

/// A killed writer's temporary file is removed by the next writer (which
/// holds the lock, so it cannot be a live one's); a failed write leaves none.
#[test]
fn temporary_files_of_killed_writers_are_cleaned_and_failed_writes_leave_none() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let store = WalletStore::new(data);
    create(&store, "w", &mnemonic(5), "");
    let settings = store.dir().join("w.settings.json");
    let chain = data.join("chain/devnet/settings.json");
    ChainSettings::defaults(Network::Devnet)
        .unwrap()
        .save(data)
        .unwrap();
    for target in [&settings, &chain] {
        std::mem::forget(jifen_files::TempFile::beside(target).unwrap());
        assert_eq!(jifen_files::leftover_temps(target).unwrap().len(), 1);
    }
    store.open("w").unwrap().set_backup_verified().unwrap();
    ChainSettings::defaults(Network::Devnet)
        .unwrap()
        .save(data)
        .unwrap();
    for target in [&settings, &chain] {
        assert!(
            jifen_files::leftover_temps(target).unwrap().is_empty(),
            "{target:?}"
        );
    }

    // The rename fails (a folder is in the way): an error, no temporary file.
    std::fs::remove_file(&chain).unwrap();
    std::fs::create_dir(&chain).unwrap();
    std::fs::write(chain.join("keep"), b"x").unwrap();
    let err = ChainSettings::defaults(Network::Devnet)
        .unwrap()
        .save(data)
        .unwrap_err();
    assert_eq!(err.code(), "files-io");
    assert!(jifen_files::leftover_temps(&chain).unwrap().is_empty());
    assert!(chain.join("keep").exists());
}

/// The lost update of two `change-password` runs: both opened the wallet,
/// the first changed the password, and the second, working from its stale
/// copy, wrote a file only its own password opened. Now every rewrite
/// reads the file again under the wallet's lock.
#[test]
fn a_rewrite_works_from_the_file_on_disk_not_the_copy_read_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    create(&store, "w", &mnemonic(6), "");
    let mut first = store.open("w").unwrap();
    let mut second = store.open("w").unwrap();
    first
        .change_password(&password("password one"), &password("password A"), FAST_KDF)
        .unwrap();
    let err = second
        .change_password(&password("password one"), &password("password B"), FAST_KDF)
        .unwrap_err();
    assert_eq!(err.code(), "keystore-wrong-password");
    let mut reopened = store.open("w").unwrap();
    let policy = fast_kdf_policy();
    reopened.unlock(&password("password A"), &policy).unwrap();
    for gone in ["password one", "password B"] {
        assert_eq!(
            reopened
                .unlock(&password(gone), &policy)
                .unwrap_err()
                .code(),
            "keystore-wrong-password",
            "{gone}"
        );
    }
    // The second handle now knows the file as it is.
    second
        .change_password(&password("password A"), &password("password B"), FAST_KDF)
        .unwrap();
}

/// While another process (here another handle, which the OS lock treats
/// the same) holds the wallet's lock, a rewrite is refused at once with
/// `files-locked` and changes nothing; an unlock that would upgrade weak
/// parameters still unlocks, without the upgrade, and the next one upgrades.
#[test]
fn a_held_wallet_lock_refuses_rewrites_and_defers_the_kdf_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    create(&store, "w", &mnemonic(7), "");
    let mut wallet = store.open("w").unwrap();
    let held = Lock::try_acquire(store.lock_path("w")).unwrap();

    let err = wallet
        .change_password(&password("password one"), &password("password A"), FAST_KDF)
        .unwrap_err();
    assert_eq!(err.code(), "files-locked");
    let message = jifen_i18n::Catalog::new(jifen_i18n::Locale::ZhCn)
        .format(err.code(), &jifen_protocol::message::Coded::args(&err));
    assert!(message.contains("w.lock"), "{message}");

    let stronger = KdfPolicy::new(
        KdfParams {
            m_cost_kib: FAST_KDF.m_cost_kib * 2,
            ..FAST_KDF
        },
        Duration::from_millis(1),
        Duration::from_millis(2),
        2048,
    )
    .unwrap();
    let unlocked = wallet.unlock(&password("password one"), &stronger).unwrap();
    assert!(unlocked.kdf_upgrade_failed());
    assert_eq!(store.open("w").unwrap().kdf_params(), Some(FAST_KDF));

    drop(held);
    let unlocked = wallet.unlock(&password("password one"), &stronger).unwrap();
    assert!(unlocked.kdf_upgraded());
    let params = store.open("w").unwrap().kdf_params().unwrap();
    assert!(!params.is_below(&stronger.floor()), "{params:?}");
    wallet
        .change_password(&password("password one"), &password("password A"), FAST_KDF)
        .unwrap();
}

/// Creating takes the lock too: a second creator of the same name waits
/// for nothing and changes nothing.
#[test]
fn creating_a_wallet_whose_lock_is_held_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    store.create_dirs().unwrap();
    let held = Lock::try_acquire(store.lock_path("w")).unwrap();
    let pw = password("password one");
    let mnemonic = mnemonic(8);
    let err = store
        .create(&NewWallet {
            name: "w",
            mnemonic: &mnemonic,
            passphrase: "",
            password: &pw,
            network: Network::Devnet,
            kdf: FAST_KDF,
            backup_verified: false,
        })
        .unwrap_err();
    assert_eq!(err.code(), "files-locked");
    assert!(!store.dir().join("w.jks").exists());
    drop(held);
    create(&store, "w", &mnemonic, "");
}

/// QR frames: a missing folder is created 0700 and each frame written 0600;
/// a folder the person chose keeps its mode. A UR text input that is a FIFO
/// is refused at once.
#[cfg(unix)]
#[test]
fn frames_are_private_and_a_fifo_text_input_is_refused_without_blocking() {
    use jifen_wallet::cold::transport::{collect_inputs, write_frames};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new/frames");
    let paths = write_frames(&new, "request", &[b"one".to_vec(), b"two".to_vec()]).unwrap();
    assert_eq!(mode(&new), 0o700);
    assert_eq!(mode(new.parent().unwrap()), 0o700);
    for path in &paths {
        assert_eq!(mode(path), 0o600, "{path:?}");
    }
    let chosen = dir.path().join("shared");
    std::fs::create_dir(&chosen).unwrap();
    std::fs::set_permissions(&chosen, std::fs::Permissions::from_mode(0o755)).unwrap();
    write_frames(&chosen, "request", &[b"one".to_vec()]).unwrap();
    assert_eq!(mode(&chosen), 0o755);
    assert_eq!(mode(&chosen.join("request.png")), 0o600);

    let fifo = dir.path().join("parts.txt");
    mkfifo(&fifo);
    let err = within_deadline("reading UR text", move || {
        collect_inputs(&[fifo]).map(|_| ())
    })
    .unwrap_err();
    assert_eq!(err.code(), "files-wrong-kind");
}
