//! Wallet directory behaviour with the real keystore (small KDF parameters so the
//! suite stays fast; the CLI end-to-end tests use calibrated ones).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use jifen_crypto::hd::Chain;
use jifen_crypto::keystore::{KdfParams, KdfPolicy, KeystoreError, Password};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_protocol::Network;
use jifen_wallet::{NewWallet, WalletError, WalletStore};

const SMALL: KdfParams = KdfParams {
    m_cost_kib: 8 * 1024,
    t_cost: 1,
    p_cost: 1,
};

fn policy() -> KdfPolicy {
    KdfPolicy::new(
        SMALL,
        Duration::from_millis(1),
        Duration::from_millis(100),
        16 * 1024,
    )
    .unwrap()
}

fn create(store: &WalletStore, name: &str, mnemonic: &Mnemonic, passphrase: &str) {
    let password = Password::new("password one").unwrap();
    store
        .create(&NewWallet {
            name,
            mnemonic,
            passphrase,
            password: &password,
            network: Network::Devnet,
            kdf: SMALL,
            backup_verified: false,
        })
        .unwrap();
}

#[test]
fn create_list_choose_unlock_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let store = WalletStore::new(dir.path());
    assert!(matches!(store.choose(None), Err(WalletError::NoWallets)));

    let mnemonic = Mnemonic::from_entropy(MnemonicLanguage::English, &[1u8; 16]).unwrap();
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

    let names: Vec<String> = store.list().unwrap().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["a", "b"]);

    let mut a = store.open("a").unwrap();
    let wrong = Password::new("password two").unwrap();
    assert!(matches!(
        a.unlock(&wrong, &policy()),
        Err(WalletError::Keystore(KeystoreError::WrongPassword))
    ));
    let unlocked = a
        .unlock(&Password::new("password one").unwrap(), &policy())
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
    let again = Password::new("password one").unwrap();
    let duplicate = store.create(&NewWallet {
        name: "a",
        mnemonic: &mnemonic,
        passphrase: "",
        password: &again,
        network: Network::Devnet,
        kdf: SMALL,
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
