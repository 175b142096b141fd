//! The whole cold-signing walk against a devnet started in-process: the
//! online side renders its request as PNG frames, 10-30% are dropped and the
//! rest shuffled, the offline side decodes, reviews and signs, renders its
//! signature QR, the online side decodes it, accepts it, broadcasts, and the
//! light client proves the inclusion and the recipient's new balance.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use jifen_crypto::hd::Chain;
use jifen_crypto::keystore::{KdfParams, KdfPolicy, Password};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_protocol::{Address, ChainId, Network, Transfer, TxPayload, UnsignedTransaction};
use jifen_qr::{EncoderSettings, FragmentSize, Payload, UrType};
use jifen_wallet::chain::session::check_result;
use jifen_wallet::chain::{ChainSession, ChainSettings};
use jifen_wallet::cold::signer::load_pairing;
use jifen_wallet::cold::transport::{collect_inputs, receive, render_frames, write_frames};
use jifen_wallet::cold::{
    PendingStore, RequestFingerprint, accept_signature, pair_export, pair_import, review_request,
    sign_after_review, start_request,
};
use jifen_wallet::{NewWallet, WalletStore};

const SMALL: KdfParams = KdfParams {
    m_cost_kib: 8 * 1024,
    t_cost: 1,
    p_cost: 1,
};
const CHAIN: &str = "jifen-devnet";
const POINT: u128 = 1_000_000;

fn shuffled_with_loss(paths: &[PathBuf], loss_percent: u64, mut seed: u64) -> Vec<PathBuf> {
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    let mut kept: Vec<PathBuf> = paths
        .iter()
        .filter(|_| next() % 100 >= loss_percent)
        .cloned()
        .collect();
    for i in (1..kept.len()).rev() {
        let j = usize::try_from(next()).unwrap() % (i + 1);
        kept.swap(i, j);
    }
    kept
}

#[test]
fn cold_signed_transfer_is_broadcast_and_proven_included() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(dir.path().join("node"));
    config.validators = 4;
    config.block_time_ms = 200;
    let devnet = Devnet::start(&config).unwrap();
    let endpoint = format!("http://{}", devnet.rpc_addr());

    // The cold device: a keystore wallet, paired for the devnet.
    let cold_store = WalletStore::new(&dir.path().join("cold"));
    let password = Password::new("cold password").unwrap();
    let mnemonic = Mnemonic::from_entropy(MnemonicLanguage::English, &[5u8; 16]).unwrap();
    let mut cold = cold_store
        .create(&NewWallet {
            name: "vault",
            mnemonic: &mnemonic,
            passphrase: "",
            password: &password,
            network: Network::Devnet,
            kdf: SMALL,
            backup_verified: true,
        })
        .unwrap();
    let chain_id = ChainId::new(CHAIN).unwrap();
    let export = pair_export(&cold_store, &cold, &chain_id, "test/0.1", 80).unwrap();

    // The online side imports the account code from a PNG.
    let frames = dir.path().join("frames");
    let pngs = render_frames(&Payload::Account(export), EncoderSettings::default(), None).unwrap();
    let paths = write_frames(&frames, "account", &pngs).unwrap();
    let account = receive(
        UrType::Account,
        &collect_inputs(&paths).unwrap(),
        &mut |_| {},
    )
    .unwrap()
    .into_account()
    .unwrap();
    let online_dir = dir.path().join("online");
    let online_store = WalletStore::new(&online_dir);
    let watch = pair_import(&online_store, "vault-watch", &account).unwrap();
    let sender_key = watch
        .account()
        .unwrap()
        .public_key(Chain::Receive, 0)
        .unwrap();
    let sender = sender_key.address();

    // Fund the cold address from a devnet account.
    let funder = NodeKey::devnet_account(0).unwrap();
    let funding = UnsignedTransaction::new(
        chain_id.clone(),
        funder.public_key(),
        0,
        1_000,
        TxPayload::Transfer(Transfer {
            to: sender,
            amount: 100 * POINT,
        }),
    );
    let signature = funder.sign_digest(&funding.signing_digest()).unwrap();
    let funding_id = devnet
        .chain()
        .lock()
        .unwrap()
        .submit_tx(funding.with_signature(signature))
        .unwrap();

    let settings = ChainSettings::new(Network::Devnet, CHAIN, &[endpoint], None).unwrap();
    let mut session = ChainSession::open(&online_dir, &settings).unwrap();
    let cancel = AtomicBool::new(false);
    session.sync(&mut |_| {}, &cancel).unwrap();
    let funded = session
        .wait_inclusion(&funding_id, Duration::from_secs(30), &cancel)
        .unwrap();
    check_result(&funding_id, &funded).unwrap();

    // Online: build the transfer from proven facts, keep the request pending.
    let recipient = Address::from_bytes([0x42; 20]);
    let plan = session
        .build_transfer(sender_key, recipient, 12 * POINT + 500_000, 1_000)
        .unwrap();
    let pending = PendingStore::new(&online_store, watch.name());
    let (request, _) = start_request(
        &pending,
        &watch,
        Chain::Receive,
        0,
        plan.unsigned,
        Some("jifen-test".into()),
    )
    .unwrap();
    let online_fingerprint = RequestFingerprint::of(&request);
    let settings80 = EncoderSettings {
        fragment_size: FragmentSize::largest_within(account.max_fragment_len),
        ..EncoderSettings::default()
    };
    let pngs = render_frames(&Payload::SignRequest(request), settings80, None).unwrap();
    assert!(pngs.len() > 3, "an animated request");
    let paths = write_frames(&frames, "request", &pngs).unwrap();
    let kept = shuffled_with_loss(&paths, 25, 11);
    assert!(kept.len() < paths.len(), "some frames were lost");

    // Offline: decode, review, confirm, sign, render the answer.
    let mut progress_seen = 0;
    let received = receive(
        UrType::SignRequest,
        &collect_inputs(&kept).unwrap(),
        &mut |_| {
            progress_seen += 1;
        },
    )
    .unwrap();
    assert!(progress_seen > 1);
    let pairing = load_pairing(&cold_store, &cold).unwrap();
    let review = review_request(&cold, &pairing, received.into_sign_request().unwrap()).unwrap();
    assert_eq!(review.fingerprint(), online_fingerprint);
    let confirmation = review
        .confirm_with_fingerprint(&online_fingerprint.to_string())
        .unwrap();
    let policy = KdfPolicy::new(
        SMALL,
        Duration::from_millis(1),
        Duration::from_millis(100),
        16 * 1024,
    )
    .unwrap();
    let unlocked = cold.unlock(&password, &policy).unwrap();
    let answer = sign_after_review(&review, confirmation, &unlocked).unwrap();
    drop(unlocked);
    let pngs = render_frames(&Payload::Signature(answer), settings80, None).unwrap();
    let answer_paths = write_frames(&frames, "signature", &pngs).unwrap();

    // Online: decode the answer, accept, broadcast, prove inclusion.
    let response = receive(
        UrType::Signature,
        &collect_inputs(&answer_paths).unwrap(),
        &mut |_| {},
    )
    .unwrap()
    .into_signature()
    .unwrap();
    let tx = accept_signature(&pending, &watch, &response).unwrap();
    let id = session.broadcast(&tx).unwrap();
    assert_eq!(id, tx.id());
    let inclusion = session
        .wait_inclusion(&id, Duration::from_secs(30), &cancel)
        .unwrap();
    check_result(&id, &inclusion).unwrap();
    pending.remove(&response.request_id).unwrap();

    let proven = session.balance(&recipient).unwrap();
    assert_eq!(proven.value.balance, 12 * POINT + 500_000);
    let proven_sender = session.balance(&sender).unwrap();
    assert_eq!(
        proven_sender.value.balance,
        100 * POINT - 12 * POINT - 500_000 - 1_000
    );
    assert_eq!(proven_sender.value.nonce, 1);
    drop(devnet);
}
