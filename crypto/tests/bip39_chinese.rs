//! Chinese BIP39 vectors made by independent implementations
//! (`tests/vectors/bip39-chinese.json`: trezor's python-mnemonic for the seeds, the
//! `bip32` and `bip-utils` Python packages for the keys; generator and versions in the
//! file's `provenance`). Each phrase is read as written, without spaces and with other
//! white space, and must give the same seed and the same BIP44 keys at the Jifen path.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jifen_crypto::hd::{COIN_TYPE, Chain, MasterKey};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_crypto::signer::{SecretKey, Signer};
use jifen_protocol::Network;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    provenance: Provenance,
    coin_type: u32,
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Provenance {
    tool: String,
    packages: std::collections::BTreeMap<String, String>,
    date: String,
}

#[derive(Deserialize)]
struct Vector {
    label: String,
    language: String,
    entropy: String,
    mnemonic: String,
    passphrase: String,
    seed: String,
    master_fingerprint: String,
    account_path: String,
    account_xpub: String,
    account_tpub: String,
    keys: Vec<Key>,
}

#[derive(Deserialize)]
struct Key {
    path: String,
    private_key: String,
    public_key: String,
}

fn load() -> File {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/bip39-chinese.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The phrase as a person may type it.
fn typings(sentence: &str) -> Vec<(&'static str, String)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    vec![
        ("with spaces", sentence.to_owned()),
        ("without spaces", words.concat()),
        ("ideographic spaces", words.join("\u{3000}")),
        ("lines and tabs", format!("\n{}\t", words.join("\t\n"))),
    ]
}

#[test]
fn the_file_says_where_it_comes_from() {
    let file = load();
    assert_eq!(
        file.provenance.tool,
        "tests/vectors/tools/gen_bip39_chinese.py"
    );
    assert_eq!(file.provenance.packages["mnemonic"], "0.21");
    assert!(file.provenance.packages.contains_key("bip32"));
    assert!(file.provenance.packages.contains_key("bip-utils"));
    assert_eq!(file.provenance.date.len(), 10);
    assert_eq!(file.coin_type, COIN_TYPE);
    let languages: Vec<&str> = file.vectors.iter().map(|v| v.language.as_str()).collect();
    assert!(languages.contains(&"zh-hans") && languages.contains(&"zh-hant"));
    assert!(file.vectors.len() >= 8);
    assert!(file.vectors.iter().any(|v| !v.passphrase.is_ascii()));
    for words in [12, 24] {
        assert!(
            file.vectors
                .iter()
                .any(|v| v.mnemonic.split(' ').count() == words)
        );
    }
}

#[test]
fn chinese_phrases_give_the_standard_seed_and_keys() {
    let file = load();
    for v in &file.vectors {
        let language: MnemonicLanguage = v.language.parse().unwrap();
        let generated =
            Mnemonic::from_entropy(language, &hex::decode(&v.entropy).unwrap()).unwrap();
        assert_eq!(*generated.phrase(), v.mnemonic, "{}", v.label);
        for (how, typed) in typings(&v.mnemonic) {
            for hint in [None, Some(language)] {
                let what = format!("{} {how} {hint:?}", v.label);
                let mnemonic = Mnemonic::parse(&typed, hint).unwrap();
                assert_eq!(*mnemonic.phrase(), v.mnemonic, "{what}");
                assert_eq!(hex::encode(&*mnemonic.entropy()), v.entropy, "{what}");
                let seed = mnemonic.to_seed(&v.passphrase);
                assert_eq!(hex::encode(seed.as_bytes()), v.seed, "{what}");

                let master = MasterKey::from_seed(&seed).unwrap();
                assert_eq!(hex::encode(master.fingerprint()), v.master_fingerprint);
                let account = master.account(0).unwrap();
                let xpub = account.watch_only();
                assert_eq!(xpub.path(), v.account_path);
                assert_eq!(xpub.to_string_for(Network::Mainnet), v.account_xpub);
                assert_eq!(xpub.to_string_for(Network::Devnet), v.account_tpub);
                for (index, key) in v.keys.iter().enumerate() {
                    let index = u32::try_from(index).unwrap();
                    assert_eq!(key.path, format!("{}/0/{index}", v.account_path));
                    let secret = account.signing_key(Chain::Receive, index).unwrap();
                    assert_eq!(
                        hex::encode(secret.public_key().to_bytes()),
                        key.public_key,
                        "{what}"
                    );
                    // The secret is not exported; the expected one signs identically
                    // (RFC 6979 nonces depend only on the key and the digest).
                    let bytes: [u8; 32] =
                        hex::decode(&key.private_key).unwrap().try_into().unwrap();
                    let expected = SecretKey::from_bytes(&bytes).unwrap();
                    assert_eq!(expected.public_key(), secret.public_key(), "{what}");
                    let digest = [0x5a; 32];
                    assert_eq!(
                        expected.sign_digest(&digest).unwrap(),
                        secret.sign_digest(&digest).unwrap(),
                        "{what}"
                    );
                    // The watch-only half derives the same public key.
                    assert_eq!(
                        xpub.public_key(Chain::Receive, index).unwrap(),
                        secret.public_key()
                    );
                }
            }
        }
    }
}

/// The zero-entropy phrase is the same sentence in both Chinese lists: one seed.
#[test]
fn a_phrase_in_both_chinese_lists_is_one_wallet() {
    let file = load();
    let zero: Vec<&Vector> = file
        .vectors
        .iter()
        .filter(|v| v.label.contains("zero-entropy"))
        .collect();
    assert_eq!(zero.len(), 2);
    assert_eq!(zero[0].mnemonic, zero[1].mnemonic);
    assert_eq!(zero[0].seed, zero[1].seed);
    assert_ne!(zero[0].language, zero[1].language);
    let detected = Mnemonic::parse(&zero[1].mnemonic, None).unwrap();
    assert_eq!(detected.language(), MnemonicLanguage::ChineseSimplified);
    assert_eq!(hex::encode(detected.to_seed("").as_bytes()), zero[1].seed);
}
