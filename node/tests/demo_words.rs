//! The devnet's demo roles are wallets a person can restore: the words
//! `jifen-node accounts` prints give, through the wallet's own derivation,
//! the very key that holds the role's genesis POINT, merchant and points.
//!
//! `jifen-wallet` already dev-depends on this crate, so these tests derive
//! with `jifen-crypto` exactly as the wallet does instead of depending on it:
//! `wallet/src/onboarding.rs` `parse_words` (the typed words, language
//! recognised), `wallet/src/store.rs` `WalletStore::create` and
//! `WalletHandle::finish_secret` (seed without passphrase, account 0),
//! `UnlockedWallet::signing_key(0)` (receive chain, index 0) and
//! `wallet/src/wallets.rs` `WalletFacts::public_key(0)` (the watch-only side).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jifen_crypto::hd::{Chain, MasterKey};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_crypto::signer::{SecretKey, Signer};
use jifen_node::genesis::ChainParams;
use jifen_node::genesis::demo::{DEMO_ROLE_BALANCE, DEMO_ROLES, devnet_points};
use jifen_node::keys::{DEVNET_ROLE_TAG, NodeKey};
use jifen_protocol::points::keys::points_balance_key;
use jifen_protocol::points::merchant::decode_points_balance;
use jifen_protocol::{Account, Decode, MerchantId, PublicKey, account_key, tagged_hash};

/// Every demo role: the platform (no POINT at genesis) and the funded ones.
fn roles() -> Vec<&'static str> {
    std::iter::once("platform").chain(DEMO_ROLES).collect()
}

/// What a wallet restored from `words` signs with, and the public key its
/// watch-only half shows, for receive address 0.
fn restored(words: &str) -> (SecretKey, PublicKey) {
    let mnemonic = Mnemonic::parse(words, None).unwrap();
    assert_eq!(mnemonic.language(), MnemonicLanguage::English);
    let master = MasterKey::from_seed(&mnemonic.to_seed("")).unwrap();
    let account = master.account(0).unwrap();
    let signing = account.signing_key(Chain::Receive, 0).unwrap();
    let watch_only = account.watch_only().public_key(Chain::Receive, 0).unwrap();
    (signing, watch_only)
}

#[test]
fn restoring_a_roles_words_gives_the_roles_key() {
    for name in roles() {
        let words = NodeKey::devnet_role_words(name).unwrap();
        assert_eq!(words.split(' ').count(), 12, "{name}: {words}");
        let role = NodeKey::devnet_role(name).unwrap();
        let (signing, watch_only) = restored(&words);
        assert_eq!(signing.public_key(), role.public_key(), "{name}");
        assert_eq!(watch_only, role.public_key(), "{name}");
        assert_eq!(watch_only.address(), role.address(), "{name}");
        // Same secret, not only the same public key: RFC 6979 signatures of
        // one digest are equal byte for byte.
        let digest = tagged_hash("jifen/test-demo-words", name.as_bytes());
        let ours = role.sign_digest(&digest).unwrap();
        assert_eq!(signing.sign_digest(&digest).unwrap(), ours, "{name}");
        assert!(role.public_key().verify_prehash(&digest, &ours).is_ok());
    }
}

#[test]
fn the_words_encode_the_first_16_bytes_of_the_roles_tagged_hash() {
    let mut seen = Vec::new();
    for name in roles() {
        let words = NodeKey::devnet_role_words(name).unwrap();
        let entropy = Mnemonic::parse(&words, Some(MnemonicLanguage::English))
            .unwrap()
            .entropy();
        let hash = tagged_hash(DEVNET_ROLE_TAG, name.as_bytes());
        assert_eq!(entropy.as_slice(), &hash[..16], "{name}");
        assert!(!seen.contains(&words), "{name} repeats another role");
        seen.push(words);
    }
}

/// Computed outside Rust (a from-scratch BIP39 + BIP32 + secp256k1 script,
/// PBKDF2 and HMAC from Python's standard library), so a change in the
/// derivation or the word list fails here instead of silently moving the
/// demo economy to other addresses: (role, words, public key, address).
const PUBLISHED: [(&str, &str, &str, &str); 8] = [
    (
        "platform",
        "setup sword memory real promote reflect very opera mango later measure narrow",
        "033ef13f7d413de663f34e70c669bc4f560d8157dacc727af364c1a8ae6786d99c",
        "373628f275feb151c47b13532ac9a2c228a4e4b8",
    ),
    (
        "issuer",
        "recipe multiply put usual material layer sting endless female topic achieve fold",
        "02e3a131821226a0cb07b12ee894df2ea2789df5fa57e65e17578af87e5d84d9fb",
        "d949da1967c07509337f64336eac0e6fd4aa3b66",
    ),
    (
        "consumer",
        "reduce venture put excess imitate dizzy auto shaft flavor harbor walnut never",
        "031ee7151c04401582683c69ca6b8d8d3a5f68abf7b96c8e4e056114c76c2b44bb",
        "06c04e031a915b14e89eb2b327bc3cbdf4ba8956",
    ),
    (
        "merchant-1",
        "pet knee strike boil skirt scrub race picture excuse excess put comfort",
        "028cce7724cfb2ba14d9c9a850b63ff2e65ad9b09e16568cf30397d48a193bd741",
        "aceaab4de7a7b6cf33498c93fff3323f1ad15218",
    ),
    (
        "merchant-2",
        "property process knee tide hockey summer health maximum problem excite miracle long",
        "029b63195704f9934677d2c0911e3ee1b2b6005b244353d414b7ff063446a03254",
        "32db11c5e228c38ed80a3005e9a4ad8f1e1a2a5e",
    ),
    (
        "merchant-3",
        "pattern mixed lobster rebel garage fiscal fuel return rough desk reform parent",
        "034e7c4aa47f32578fa256c4ce7a172643fed902e9a9c3d21712385d52887161e5",
        "82534ac5b4d8617d683fe0efdb32bd37b964535b",
    ),
    (
        "merchant-4",
        "claw ceiling kitten tuna remove angry mushroom tape august antique village impact",
        "02b79464edcd7ab75b489cf81bb756166050978dec8d1961196da6e80b01824576",
        "12a55592f16f0bbc0b9da308b3dcc380afa0b380",
    ),
    (
        "subchain-operator",
        "shine meadow rookie bronze blast just write diesel matrix witness crucial amount",
        "03966ff60a3dd298fc3ee5e560ef3f29379e28640e47ebc48b3f1924f9fb058e52",
        "77e7991749b26f7f1eeb2c0b249a8ba439374e10",
    ),
];

#[test]
fn the_published_words_and_keys_do_not_move() {
    assert_eq!(PUBLISHED.len(), roles().len());
    for (name, words, public_key, address) in PUBLISHED {
        let role = NodeKey::devnet_role(name).unwrap();
        assert_eq!(NodeKey::devnet_role_words(name).unwrap(), words);
        assert_eq!(hex::encode(role.public_key().as_bytes()), public_key);
        assert_eq!(hex::encode(role.address().as_bytes()), address);
    }
}

#[test]
fn a_restored_consumer_and_tea_owner_hold_their_genesis() {
    let state = ChainParams::devnet(4, 0, 100, 0)
        .unwrap()
        .genesis_state()
        .unwrap();
    let consumer = restored(&NodeKey::devnet_role_words("consumer").unwrap())
        .1
        .address();
    let account = Account::decode(state.get(&account_key(&consumer)).unwrap()).unwrap();
    assert_eq!(account.balance, DEMO_ROLE_BALANCE);
    let tea = MerchantId::new(1).unwrap();
    let points = decode_points_balance(state.get(&points_balance_key(&consumer, tea))).unwrap();
    assert_eq!(points, 25_000);

    let owner = restored(&NodeKey::devnet_role_words("merchant-1").unwrap())
        .1
        .address();
    let merchants = devnet_points().unwrap().merchants;
    assert_eq!(merchants[0].symbol, "TEA");
    assert_eq!(merchants[0].owner, hex::encode(owner.as_bytes()));
}
