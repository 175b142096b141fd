//! Published test vectors: BIP39 English (trezor's vectors), BIP32 vectors 1 to 5
//! (`tests/vectors/bip32.json`, copied from the specification), and RFC 6979
//! deterministic ECDSA on secp256k1. Chinese BIP39 vectors: `bip39_chinese.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jifen_crypto::hd::{AccountXpub, DerivationPath, HdError, MasterKey};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_crypto::signer::{SecretKey, Signer};
use jifen_protocol::Network;
use serde::Deserialize;
use sha2::{Digest, Sha256};

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    // Vectors shared by the whole repository are in its top-level `tests/vectors/`.
    let local = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let shared = format!("{}/../tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let path = if std::path::Path::new(&local).exists() {
        local
    } else {
        shared
    };
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
fn chinese_word_lists_round_trip_to_the_same_entropy_and_their_own_seed() {
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
                // BIP39: the Chinese sentence is another password, so another seed.
                assert_ne!(
                    hex::encode(parsed.to_seed(&file.passphrase).as_bytes()),
                    v.seed,
                    "{language}"
                );
            }
        }
    }
}

#[derive(Deserialize)]
struct Bip32File {
    vectors: Vec<Bip32Vector>,
    invalid: Vec<Bip32Invalid>,
}

#[derive(Deserialize)]
struct Bip32Invalid {
    key: String,
    reason: String,
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

/// Vectors 1 and 2, and 3 and 4 (keys whose serialization keeps leading zero bytes).
#[test]
fn bip32_vectors_1_to_4() {
    let file: Bip32File = load("bip32.json");
    let numbers: Vec<u32> = file.vectors.iter().map(|v| v.vector).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
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

/// The error the project's parser gives for each reason of vector 5.
fn expected_refusal(reason: &str) -> HdError {
    match reason {
        "pubkey version / prvkey mismatch" | "prvkey version / pubkey mismatch" => {
            HdError::KeyKindMismatch
        }
        "invalid pubkey prefix 04"
        | "invalid pubkey prefix 01"
        | "invalid pubkey 020000000000000000000000000000000000000000000000000000000000000007" => {
            HdError::InvalidPublicKey
        }
        "invalid prvkey prefix 04"
        | "invalid prvkey prefix 01"
        | "private key 0 not in 1..n-1"
        | "private key n not in 1..n-1" => HdError::InvalidPrivateKey,
        "zero depth with non-zero parent fingerprint" => HdError::ZeroDepthWithParent,
        "zero depth with non-zero index" => HdError::ZeroDepthWithIndex,
        "unknown extended key version" => HdError::UnknownKeyVersion,
        "invalid checksum" => HdError::ExtendedKeyChecksum,
        other => panic!("no expectation for {other:?}"),
    }
}

/// Vector 5: every invalid key is refused by the watch-only import, for its reason,
/// whichever network it is imported for.
#[test]
fn bip32_vector_5_invalid_keys_are_refused_for_their_reason() {
    let file: Bip32File = load("bip32.json");
    assert_eq!(file.invalid.len(), 16);
    for item in &file.invalid {
        let expected = expected_refusal(&item.reason);
        for network in [Network::Mainnet, Network::Testnet, Network::Devnet] {
            let got = AccountXpub::parse(&item.key, network, 0, [0; 4]).unwrap_err();
            assert_eq!(got, expected, "{} ({network})", item.reason);
        }
    }
}

/// Valid keys that are not this network's account key: refused after the BIP32 checks.
#[test]
fn valid_keys_that_are_not_an_account_key_are_refused_by_name() {
    let file: Bip32File = load("bip32.json");
    let vector_1 = &file.vectors[0];
    let master = &vector_1.chains[0];
    let depth_3 = &vector_1.chains[3];
    assert_eq!(depth_3.path, "m/0'/1/2'");
    let parse = |key: &str, network| AccountXpub::parse(key, network, 0, [0; 4]);
    assert_eq!(
        parse(&master.xprv, Network::Mainnet).unwrap_err(),
        HdError::PrivateKeyGiven
    );
    assert_eq!(
        parse(&depth_3.xprv, Network::Mainnet).unwrap_err(),
        HdError::PrivateKeyGiven
    );
    assert_eq!(
        parse(&master.xpub, Network::Mainnet).unwrap_err(),
        HdError::WrongDepth { got: 0 }
    );
    assert_eq!(
        parse(&depth_3.xpub, Network::Devnet).unwrap_err(),
        HdError::WrongNetwork
    );
    let account = parse(&format!("  {}\n", depth_3.xpub), Network::Mainnet).unwrap();
    assert_eq!(account.to_string_for(Network::Mainnet), depth_3.xpub);
    // Text that is not Base58, and Base58 too long for an extended key.
    assert_eq!(
        parse("xpub0OIl", Network::Mainnet).unwrap_err(),
        HdError::BadExtendedKey
    );
    let longer = format!("{}{}", depth_3.xpub, "z".repeat(12));
    assert_eq!(
        parse(&longer, Network::Mainnet).unwrap_err(),
        HdError::BadExtendedKey
    );
    // A lost character cannot be told from a wrong one: the checksum fails.
    assert_eq!(
        parse(&depth_3.xpub[..110], Network::Mainnet).unwrap_err(),
        HdError::ExtendedKeyChecksum
    );
}

/// The checks of vector 5 also hold at account depth, where the import would
/// otherwise take the key: a depth-3 key with an invalid point or swapped kind.
#[test]
fn damaged_account_keys_are_refused_for_their_reason() {
    let file: Bip32File = load("bip32.json");
    let good: bip32::ExtendedKey = file.vectors[0].chains[3].xpub.parse().unwrap();
    let with_key = |prefix: bip32::Prefix, key_bytes: [u8; 33]| {
        bip32::ExtendedKey {
            prefix,
            attrs: good.attrs.clone(),
            key_bytes,
        }
        .to_string()
    };
    let mut not_on_curve = [0u8; 33];
    not_on_curve[0] = 2;
    not_on_curve[32] = 7;
    let mut uncompressed_tag = good.key_bytes;
    uncompressed_tag[0] = 4;
    let mut private_bytes = [0u8; 33];
    private_bytes[32] = 1;
    let cases = [
        (
            with_key(bip32::Prefix::XPUB, not_on_curve),
            HdError::InvalidPublicKey,
        ),
        (
            with_key(bip32::Prefix::XPUB, uncompressed_tag),
            HdError::InvalidPublicKey,
        ),
        (
            with_key(bip32::Prefix::XPUB, private_bytes),
            HdError::KeyKindMismatch,
        ),
        (
            with_key(bip32::Prefix::XPRV, good.key_bytes),
            HdError::KeyKindMismatch,
        ),
        (
            with_key(bip32::Prefix::XPRV, private_bytes),
            HdError::PrivateKeyGiven,
        ),
        (
            with_key(bip32::Prefix::TPUB, good.key_bytes),
            HdError::WrongNetwork,
        ),
    ];
    for (key, expected) in cases {
        assert_eq!(
            AccountXpub::parse(&key, Network::Mainnet, 0, [0; 4]).unwrap_err(),
            expected,
            "{key}"
        );
    }
    let mut typo = with_key(bip32::Prefix::XPUB, good.key_bytes);
    assert!(AccountXpub::parse(&typo, Network::Mainnet, 0, [0; 4]).is_ok());
    let last = typo.pop().unwrap();
    typo.push(if last == 'a' { 'b' } else { 'a' });
    assert_eq!(
        AccountXpub::parse(&typo, Network::Mainnet, 0, [0; 4]).unwrap_err(),
        HdError::ExtendedKeyChecksum
    );
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
