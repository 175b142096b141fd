#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The light client against the reference node that lies (`--fault`): each
//! lie is caught with its own code, liars are demoted and not used again,
//! an honest witness takes over, a fork becomes evidence, nothing false is
//! ever trusted. Everything runs at the product defaults
//! (`ClientConfig::new`, `RpcOptions::default()`); the issue 11 attacks are
//! in `tests/hostile.rs`.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{account, demoted_code, live_net, manual_net_with_sets, net, state_of, sync};
use jifen_light_client::Checkpoint;
use jifen_light_client::{
    ClientConfig, ClientError, LightClient, LightStore, MemoryStore, PeerRole, PeerState,
    ProgressEvent, RedbStore, SystemClock, TrustRoot, client::RootKind, evidence::Evidence,
    verify_bundle, verify_evidence,
};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_protocol::{Account, Address, ChainId, Decode, Transfer, TxPayload, UnsignedTransaction};

#[test]
fn honest_peers_sync_prove_an_account_and_resume_from_the_store() {
    let net = net(&[None, None], 30);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let mut client = net.client(
        RedbStore::open(&path).unwrap(),
        TrustRoot::Genesis,
        0,
        &[1, 2],
        None,
    );
    let mut progress = 0;
    let summary = client
        .sync(
            &mut |event| {
                if let ProgressEvent::Progress(step) = event {
                    assert!(step.current_height <= step.target_height);
                    progress += 1;
                }
            },
            &AtomicBool::new(false),
        )
        .unwrap();
    assert!(progress > 0);
    assert!(summary.height >= 30);
    assert_eq!(summary.hash, net.hash_at(summary.height));
    assert_eq!(summary.witnesses_agreed, 2);
    let status = client.status();
    assert_eq!(
        status.root.unwrap().kind,
        RootKind::GenesisFirstUse {
            witnesses_agreed: Some(2)
        }
    );
    assert_eq!(status.last_cross_check.unwrap().height, summary.height);
    assert!(
        status
            .peers
            .iter()
            .all(|peer| peer.state == PeerState::Active)
    );

    let proven = client.account(&account(0)).unwrap();
    assert_eq!(proven.height, summary.height);
    assert!(proven.value.balance > 0);
    let nobody = client.account(&Address::from_bytes([0x42; 20])).unwrap();
    assert_eq!(nobody.value, Account::default());

    let bundle = client.account_bundle(&account(0)).unwrap();
    let root = status.root.unwrap().checkpoint;
    let verified = verify_bundle(&bundle, &root, &client.config().options).unwrap();
    let state = verified.state.unwrap();
    assert_eq!(
        Account::decode(state.value.as_deref().unwrap()).unwrap(),
        proven.value
    );
    drop(client);

    // Reopen: the stored chain is re-verified and trusted again.
    let client = net.client(
        RedbStore::open(&path).unwrap(),
        TrustRoot::Genesis,
        0,
        &[1],
        None,
    );
    assert_eq!(client.status().trusted.unwrap().height, summary.height);
    assert_eq!(
        client.status().root.unwrap().kind,
        RootKind::GenesisFirstUse {
            witnesses_agreed: None
        }
    );
}

/// Each lie of the primary demotes it with its own code; the honest witness
/// takes over and the client reaches the honest tip.
#[test]
fn lying_primary_is_demoted_with_its_code_and_the_honest_witness_takes_over() {
    let cases = [
        (Fault::ForgedCommit, "lc-invalid-commit"),
        (Fault::WrongValidatorSet, "lc-validators-hash-mismatch"),
        (Fault::MalformedResponse, "lc-peer-malformed-json"),
        (Fault::OversizedResponse, "lc-peer-response-too-large"),
        (Fault::SlowResponse, "lc-peer-timeout"),
        (Fault::StaleTip, "lc-client-primary-stale"),
    ];
    let faults: Vec<Option<Fault>> = cases.iter().map(|(fault, _)| Some(*fault)).collect();
    let net = net(&faults, 80);
    for (position, (fault, code)) in cases.iter().enumerate() {
        let liar = position + 1;
        let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, liar, &[0], None);
        let summary = sync(&mut client).unwrap_or_else(|error| panic!("{fault:?}: {error}"));
        assert_eq!(summary.primary, net.url(0), "{fault:?}");
        assert_eq!(summary.hash, net.hash_at(summary.height), "{fault:?}");
        let status = client.status();
        assert_eq!(demoted_code(&status.peers[0].state), *code, "{fault:?}");
        assert_eq!(status.peers[1].role, PeerRole::Primary, "{fault:?}");
        // Not used again in the session.
        let again = sync(&mut client).unwrap();
        assert_eq!(again.primary, net.url(0));
        assert_eq!(demoted_code(&state_of(&client, 0)), *code);
    }
}

#[test]
fn lying_witnesses_are_demoted_and_a_lagging_one_is_not() {
    let net = net(
        &[
            Some(Fault::ForgedCommit),
            Some(Fault::WrongValidatorSet),
            Some(Fault::StaleTip),
        ],
        80,
    );
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[1, 2, 3], None);
    // Genesis cross-check: the forged commit and the wrong set are caught at
    // block 1 already.
    let summary = sync(&mut client).unwrap();
    assert_eq!(summary.primary, net.url(0));
    assert_eq!(demoted_code(&state_of(&client, 1)), "lc-invalid-commit");
    assert_eq!(
        demoted_code(&state_of(&client, 2)),
        "lc-validators-hash-mismatch"
    );
    match state_of(&client, 3) {
        PeerState::Lagging { height } => assert!(height < summary.height),
        other => panic!("stale witness should be lagging, is {other:?}"),
    }
    assert_eq!(client.status().last_cross_check.unwrap().lagging, 1);
}

#[test]
fn double_signing_witness_yields_evidence_naming_the_double_signers() {
    let net = net(&[Some(Fault::DoubleSign)], 20);
    let evidence_dir = tempfile::tempdir().unwrap();
    let checkpoint = Checkpoint::genesis(net.hash_at(1));
    let mut client = net.client(
        MemoryStore::new(),
        TrustRoot::Checkpoint(checkpoint),
        0,
        &[1],
        Some(evidence_dir.path()),
    );
    let error = sync(&mut client).unwrap_err();
    assert_eq!(error.code(), "lc-client-fork-detected");
    let ClientError::ForkDetected { path, .. } = error else {
        unreachable!()
    };
    // Nothing of the disputed sync was trusted.
    assert_eq!(client.status().trusted.unwrap().height, 1);
    let path = path.unwrap();
    assert_eq!(client.status().evidence, vec![path.clone()]);
    let evidence = Evidence::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let verified = verify_evidence(&evidence, &evidence.first.validators).unwrap();
    assert!(!verified.accountable.is_empty());
    assert_eq!(verified.accountable, evidence.double_signers);
    assert!(verified.accountable_power.signed_power * 3 > verified.accountable_power.total_power);
}

#[test]
fn tampered_state_proof_is_refused_and_the_honest_witness_proves_the_account() {
    let net = net(&[Some(Fault::TamperedStateProof)], 10);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[0], None);
    sync(&mut client).unwrap();
    let proven = client.account(&account(1)).unwrap();
    assert!(proven.value.balance > 0);
    assert_eq!(
        demoted_code(&state_of(&client, 0)),
        "lc-proof-state-invalid"
    );

    // Alone, the liar gets nothing accepted.
    let mut alone = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[], None);
    sync(&mut alone).unwrap();
    assert_eq!(
        alone.account(&account(1)).unwrap_err().code(),
        "lc-client-no-peer"
    );
    assert_eq!(demoted_code(&state_of(&alone, 0)), "lc-proof-state-invalid");
}

#[test]
fn tampered_tx_proof_is_refused_and_inclusion_is_proven_from_the_witness() {
    let net = live_net(&[Some(Fault::TamperedTxProof)], 5);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[0], None);
    sync(&mut client).unwrap();
    let key = NodeKey::devnet_account(2).unwrap();
    let unsigned = UnsignedTransaction::new(
        ChainId::new("jifen-devnet").unwrap(),
        key.public_key(),
        0,
        1_000,
        TxPayload::Transfer(Transfer {
            to: account(3),
            amount: 12_345,
        }),
    );
    let tx = unsigned
        .clone()
        .with_signature(key.sign_digest(&unsigned.signing_digest()).unwrap());
    let id = client.submit(&tx).unwrap();
    assert_eq!(id, tx.id());
    let deadline = Instant::now() + Duration::from_secs(60);
    let proven = loop {
        if let Some(proven) = client.tx_inclusion(&id).unwrap() {
            break proven;
        }
        assert!(Instant::now() < deadline, "transaction not included");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(proven.value.tx.id(), id);
    assert_eq!(proven.value.result_code, 0);
    assert_eq!(proven.header_hash, net.hash_at(proven.height));
    assert_eq!(
        demoted_code(&state_of(&client, 0)),
        "lc-proof-tx-not-in-block"
    );
    // Resubmitting is refused by the node with its reason.
    let error = client.submit(&tx).unwrap_err();
    assert_eq!(error.code(), "lc-peer-tx-rejected");
}

/// A primary that serves only block 1 and its tip is caught once the tip
/// does not verify from block 1 and a pivot is asked for (a chain whose
/// sets alternate between two disjoint ones, the tip signed by the one
/// block 1 does not announce). Where the tip verifies at once, nothing in
/// between is needed and withholding it harms no one.
#[test]
fn withholding_primary_is_demoted_when_a_pivot_is_needed() {
    let net = manual_net_with_sets(&[Some(Fault::WithholdHeaders)], 98, 4, 4, 5);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[0], None);
    let summary = sync(&mut client).unwrap();
    assert_eq!(summary.primary, net.url(0));
    assert_eq!(summary.hash, net.hash_at(summary.height));
    let status = client.status();
    assert_eq!(
        demoted_code(&status.peers[0].state),
        "lc-client-headers-withheld"
    );
}

#[test]
fn one_honest_peer_among_liars_reaches_the_honest_tip() {
    // Sets that alternate between two disjoint ones, the tip signed by
    // the one block 1 does not announce: the withholding liar is asked for
    // a pivot.
    let net = manual_net_with_sets(
        &[
            Some(Fault::ForgedCommit),
            Some(Fault::WrongValidatorSet),
            Some(Fault::MalformedResponse),
            Some(Fault::WithholdHeaders),
        ],
        98,
        4,
        4,
        5,
    );
    let mut client = net.client(
        MemoryStore::new(),
        TrustRoot::Genesis,
        1,
        &[2, 3, 4, 0],
        None,
    );
    let summary = sync(&mut client).unwrap();
    assert_eq!(summary.primary, net.url(0));
    assert_eq!(summary.hash, net.hash_at(summary.height));
    let status = client.status();
    for report in &status.peers[..4] {
        assert!(
            matches!(report.state, PeerState::Demoted { .. }),
            "{report:?}"
        );
    }
}

#[test]
fn one_honest_peer_among_double_signers_stops_with_evidence_or_reaches_the_tip() {
    let net = net(&[Some(Fault::DoubleSign), Some(Fault::DoubleSign)], 10);
    // Trust on first use: the primary's block 1 conflicts with the honest
    // witness's: a fork, never a choice.
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[2, 0], None);
    let error = sync(&mut client).unwrap_err();
    assert_eq!(error.code(), "lc-client-fork-detected");
    assert!(client.status().trusted.is_none());

    // With the user's checkpoint the double signers' block 1 is refused and
    // the honest peer takes over.
    let checkpoint = Checkpoint::genesis(net.hash_at(1));
    let mut client = net.client(
        MemoryStore::new(),
        TrustRoot::Checkpoint(checkpoint),
        1,
        &[2, 0],
        None,
    );
    match sync(&mut client) {
        Ok(summary) => {
            assert_eq!(summary.primary, net.url(0));
            assert_eq!(summary.hash, net.hash_at(summary.height));
        }
        Err(error) => assert_eq!(error.code(), "lc-client-fork-detected"),
    }
    assert_eq!(
        demoted_code(&state_of(&client, 0)),
        "lc-checkpoint-mismatch"
    );
}

#[test]
fn tampered_store_is_reported_on_open_not_trusted() {
    let net = net(&[], 12);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let mut client = net.client(
        RedbStore::open(&path).unwrap(),
        TrustRoot::Genesis,
        0,
        &[],
        None,
    );
    let summary = sync(&mut client).unwrap();
    let mut block = client.store().get(summary.height).unwrap().unwrap();
    drop(client);
    // Flip a byte of one signature and write the block back behind the
    // client's back.
    let mut signature = block.commit.signatures[0].signature.to_bytes();
    signature[10] ^= 1;
    block.commit.signatures[0].signature = jifen_protocol::Signature::from_array(signature);
    {
        let table: redb::TableDefinition<'static, u64, &[u8]> =
            redb::TableDefinition::new("light_blocks");
        let db = redb::Database::create(&path).unwrap();
        let txn = db.begin_write().unwrap();
        txn.open_table(table)
            .unwrap()
            .insert(
                summary.height,
                jifen_protocol::Encode::encode(&block).as_slice(),
            )
            .unwrap();
        txn.commit().unwrap();
    }
    let config = ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), TrustRoot::Genesis);
    let error = LightClient::open(
        RedbStore::open(&path).unwrap(),
        config,
        net.peer(0),
        Vec::new(),
        Box::new(SystemClock),
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-store-tampered");
}

#[test]
fn expired_trust_is_refused_until_a_new_checkpoint() {
    let net = net(&[], 5);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[], None);
    sync(&mut client).unwrap();
    let store = {
        let mut store = MemoryStore::new();
        let trusted = client.trusted().unwrap().clone();
        store.save(&trusted).unwrap();
        store
    };
    let root = Checkpoint {
        height: client.trusted().unwrap().height(),
        hash: client.trusted().unwrap().light_block().hash(),
    };
    let fifteen_days_later =
        jifen_light_client::FixedClock(jifen_node::devnet::now_ms() + 15 * 24 * 3600 * 1000);
    let mut late = LightClient::open(
        store,
        ClientConfig::new(
            ChainId::new("jifen-devnet").unwrap(),
            TrustRoot::Checkpoint(root),
        ),
        net.peer(0),
        Vec::new(),
        Box::new(fifteen_days_later),
    )
    .unwrap();
    assert_eq!(sync(&mut late).unwrap_err().code(), "lc-trust-expired");
}

#[test]
fn cancelled_sync_keeps_only_what_was_checked() {
    let net = net(&[], 60);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[], None);
    let cancel = AtomicBool::new(false);
    let error = client
        .sync(
            &mut |event| {
                if matches!(event, ProgressEvent::Verified { .. }) {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .unwrap_err();
    assert_eq!(error.code(), "lc-client-cancelled");
    // The root was established; the cancelled sync's blocks were not kept.
    assert_eq!(client.status().trusted.unwrap().height, 1);
    assert_eq!(client.store().heights().unwrap(), vec![1]);
}
