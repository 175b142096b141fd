//! Files a person opens or the wallet reads back from disk: keystores,
//! light-store records, the wallet's records and settings, pending cold
//! requests, audit and provenance bundles, fork and subchain evidence.

use std::path::Path;

use jifen_crypto::keystore::Keystore;
use jifen_crypto::mnemonic::Mnemonic;
use jifen_light_client_verifier::store::decode_stored;
use jifen_light_client_verifier::{
    AuditBundle, ChainLink, Checkpoint, Evidence, Options, Pin, StoreHead, SubchainEvidence,
    verify_bundle, verify_evidence, verify_subchain_evidence,
};
use jifen_protocol::Network;
use jifen_wallet::chain::settings::ChainSettings;
use jifen_wallet::cold::pending::PendingRequest;
use jifen_wallet::provenance::bundle::ProvenanceBundle;
use jifen_wallet::record::{WalletMeta, WalletSecret, WalletSettings, WatchOnlyRecord};

/// Every file format, fed `data`.
pub fn files(data: &[u8]) {
    keystore(data);
    store(data);
    wallet_records(data);
    for text in crate::texts(data) {
        bundles(&text);
        let _ = Mnemonic::parse(&text, None);
    }
}

fn keystore(data: &[u8]) {
    let Ok(keystore) = Keystore::from_bytes("fuzz.keystore", data) else {
        return;
    };
    let encoded = keystore.to_bytes().expect("a keystore read encodes");
    assert_eq!(
        encoded, data,
        "a keystore file read does not encode back to its bytes"
    );
    let _ = keystore.kdf_params();
    let _ = keystore.public_meta();
}

/// The light client's store records (`docs/light-client.md#store`).
fn store(data: &[u8]) {
    for height in [0, 1, u64::MAX] {
        if let Ok(block) = decode_stored(height, data) {
            assert_eq!(block.height(), height);
        }
        if let Ok(link) = ChainLink::from_bytes(height, data) {
            assert_eq!(link.to_bytes(), data, "a chain link is not canonical");
        }
    }
    if let Ok(head) = StoreHead::from_bytes(data) {
        assert_eq!(head.to_bytes(), data, "a store head is not canonical");
    }
    if let Ok(pin) = Pin::from_bytes("fuzz", data) {
        assert_eq!(pin.to_bytes(), data, "a pin is not canonical");
    }
}

/// The wallet's own records (`docs/wallet.md`) and settings.
fn wallet_records(data: &[u8]) {
    if let Ok(secret) = WalletSecret::decode(data) {
        let again = WalletSecret::decode(&secret.encode()).expect("re-reading a wallet secret");
        assert_eq!(*again.mnemonic.phrase(), *secret.mnemonic.phrase());
        assert_eq!(*again.passphrase, *secret.passphrase);
    }
    if let Ok(meta) = WalletMeta::decode(data) {
        assert_eq!(WalletMeta::decode(&meta.encode()).ok(), Some(meta));
    }
    if let Ok(record) = WatchOnlyRecord::decode(data) {
        assert_eq!(WatchOnlyRecord::decode(&record.encode()).ok(), Some(record));
    }
    if let Ok(settings) = serde_json::from_slice::<WalletSettings>(data) {
        let bytes = serde_json::to_vec(&settings).expect("settings serialize");
        assert_eq!(
            serde_json::from_slice::<WalletSettings>(&bytes).ok(),
            Some(settings)
        );
    }
    for network in Network::ALL {
        if let Ok(settings) = ChainSettings::from_bytes(Path::new("chain.json"), data, network) {
            let bytes = settings.to_bytes().expect("settings serialize");
            let again = ChainSettings::from_bytes(Path::new("chain.json"), &bytes, network)
                .expect("re-reading chain settings");
            assert_eq!(again, settings);
        }
    }
    if let Ok(pending) = serde_json::from_slice::<PendingRequest>(data) {
        let _ = pending.request();
        let _ = pending.fingerprint();
        let _ = pending.signed();
        let _ = pending.superseded(0);
        let _ = pending.superseded(u64::MAX);
    }
}

/// Audit and provenance bundles, fork and subchain evidence, verified as
/// far as they go.
fn bundles(text: &str) {
    if let Ok(bundle) = AuditBundle::from_json(text) {
        let again = AuditBundle::from_json(&bundle.to_json()).expect("re-reading a bundle");
        assert_eq!(again, bundle);
        let checkpoint = Checkpoint {
            height: bundle.root.height(),
            hash: bundle.root.hash(),
        };
        let _ = verify_bundle(&bundle, &checkpoint, &Options::default());
    }
    if let Ok(evidence) = Evidence::from_json(text) {
        let again = Evidence::from_json(&evidence.to_json()).expect("re-reading evidence");
        assert_eq!(again, evidence);
        let _ = verify_evidence(&evidence, &evidence.first.validators);
    }
    if let Ok(evidence) = SubchainEvidence::from_json(text) {
        let again =
            SubchainEvidence::from_json(&evidence.to_json()).expect("re-reading subchain evidence");
        assert_eq!(again, evidence);
        let _ = verify_subchain_evidence(&evidence);
    }
    if let Ok(bundle) = serde_json::from_str::<ProvenanceBundle>(text) {
        let _ = jifen_protocol::provenance::ItemId::parse(&bundle.item);
        let _ = AuditBundle::from_json(&bundle.main);
    }
}
