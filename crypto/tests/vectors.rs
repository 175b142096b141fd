//! Published test vectors: BIP39 (English, plus Chinese word-list round trips),
//! BIP32 vectors 1 and 2, and RFC 6979 deterministic ECDSA on secp256k1.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jifen_crypto::hd::{DerivationPath, MasterKey};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_crypto::signer::{SecretKey, Signer};
use serde::Deserialize;
use sha2::{Digest, Sha256};

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Deserialize)]
struct Bip39File {
    passphrase: String,
    vectors: Vec<Bip39Vector>,
}

#[derive(Deserialize)]
struct Bip39Vector {
    entropy: String,
    mnemonic: String,
    seed: String,
}

#[test]
fn bip39_english_vectors() {
    let file: Bip39File = load("bip39_english.json");
    assert_eq!(file.vectors.len(), 24);
    for v in &file.vectors {
        let entropy = hex::decode(&v.entropy).unwrap();
        let generated = Mnemonic::from_entropy(MnemonicLanguage::English, &entropy).unwrap();
        assert_eq!(*generated.phrase(), v.mnemonic, "entropy {}", v.entropy);
        let parsed = Mnemonic::parse(&v.mnemonic, None).unwrap();
        assert_eq!(*parsed.entropy(), entropy);
        assert_eq!(
            hex::encode(parsed.to_seed(&file.passphrase).as_bytes()),
            v.seed
        );
    }
}

#[test]
fn chinese_word_lists_round_trip_to_the_same_entropy_and_seed() {
    let file: Bip39File = load("bip39_english.json");
    for v in &file.vectors {
        let english = Mnemonic::parse(&v.mnemonic, None).unwrap();
        for language in [
            MnemonicLanguage::ChineseSimplified,
            MnemonicLanguage::ChineseTraditional,
        ] {
            let chinese = english.in_language(language);
            assert_eq!(chinese.language(), language);
            // Parse back with the language named, and detected.
            for hint in [Some(language), None] {
                let parsed = Mnemonic::parse(&chinese.phrase(), hint).unwrap();
                assert_eq!(*parsed.entropy(), *english.entropy());
                assert_eq!(
                    hex::encode(parsed.to_seed(&file.passphrase).as_bytes()),
                    v.seed,
                    "{language} restores the English seed"
                );
            }
        }
    }
}

#[derive(Deserialize)]
struct Bip32File {
    vectors: Vec<Bip32Vector>,
}

#[derive(Deserialize)]
struct Bip32Vector {
    vector: u32,
    seed: String,
    chains: Vec<Bip32Chain>,
}

#[derive(Deserialize)]
struct Bip32Chain {
    path: String,
    xprv: String,
    xpub: String,
}

#[test]
fn bip32_vectors_1_and_2() {
    let file: Bip32File = load("bip32.json");
    let numbers: Vec<u32> = file.vectors.iter().map(|v| v.vector).collect();
    assert_eq!(numbers, [1, 2]);
    for v in &file.vectors {
        let master = MasterKey::from_seed_bytes(&hex::decode(&v.seed).unwrap()).unwrap();
        for chain in &v.chains {
            let path: DerivationPath = chain.path.parse().unwrap();
            let key = master.derive(&path).unwrap();
            assert_eq!(
                *key.to_xprv_string(),
                chain.xprv,
                "vector {} {}",
                v.vector,
                chain.path
            );
            assert_eq!(
                key.to_xpub_string(),
                chain.xpub,
                "vector {} {}",
                v.vector,
                chain.path
            );
        }
    }
}

#[derive(Deserialize)]
struct Rfc6979File {
    vectors: Vec<Rfc6979Vector>,
}

#[derive(Deserialize)]
struct Rfc6979Vector {
    secret_key: String,
    message: String,
    r: String,
    s: String,
}

#[test]
fn rfc6979_secp256k1_vectors_with_low_s() {
    let file: Rfc6979File = load("rfc6979.json");
    assert_eq!(file.vectors.len(), 5);
    for v in &file.vectors {
        let secret: [u8; 32] = hex::decode(&v.secret_key).unwrap().try_into().unwrap();
        let key = SecretKey::from_bytes(&secret).unwrap();
        let digest: [u8; 32] = Sha256::digest(v.message.as_bytes()).into();
        let signature = key.sign_digest(&digest).unwrap().to_bytes();
        assert_eq!(hex::encode(&signature[..32]), v.r, "r for {:?}", v.message);
        assert_eq!(hex::encode(&signature[32..]), v.s, "s for {:?}", v.message);
        key.public_key()
            .verify_prehash(&digest, &key.sign_digest(&digest).unwrap())
            .unwrap();
    }
}
