//! The bounded store under a running client, with peers in the test over a
//! fixture chain (the same client against real nodes: `tests/adversarial.rs`):
//! pruning never drops a block that fork evidence or an exported bundle
//! needs (200 syncs later the evidence still verifies against the stored
//! set and the bundle verifies), the store stays flat over 1,000
//! one-block syncs, and pins are released by `unpin`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use jifen_light_client::{
    ClientConfig, ClientError, FixedClock, LightBlock, LightClient, LightStore, Options, Peer,
    PeerError, PeerStatus, PinKind, RedbStore, TrustRoot, TxStatusAnswer, UntrustedState,
    UntrustedTxProof, verify_bundle, verify_evidence,
};
use jifen_light_client_verifier::test_chain::{Chain, static_set};
use jifen_protocol::history::HistoryEntry;
use jifen_protocol::{
    Account, Address, Encode, Hash32, StateMap, StateTree, Transaction, account_key,
};

/// A peer serving `chain` up to `tip`, with one state tree at every height.
struct ChainPeer {
    name: String,
    chain: Arc<Chain>,
    state: Arc<(StateMap, StateTree)>,
    tip: Arc<AtomicU64>,
}

impl Peer for ChainPeer {
    fn id(&self) -> &str {
        &self.name
    }

    fn status(&self) -> Result<PeerStatus, PeerError> {
        Ok(PeerStatus {
            chain_id: self.chain.chain_id.clone(),
            latest_height: self.tip.load(Ordering::SeqCst),
            earliest_height: 1,
            epoch_length: Some(self.chain.epoch_length),
        })
    }

    fn light_block(&self, height: u64) -> Result<LightBlock, PeerError> {
        if height == 0 || height > self.tip.load(Ordering::SeqCst) {
            return Err(PeerError::HeightUnavailable { height });
        }
        Ok(self.chain.block(height))
    }

    fn latest_light_block(&self) -> Result<LightBlock, PeerError> {
        self.light_block(self.tip.load(Ordering::SeqCst))
    }

    fn state(&self, key: &Hash32, height: u64) -> Result<UntrustedState, PeerError> {
        let (map, tree) = &*self.state;
        Ok(UntrustedState {
            height,
            key: *key,
            value: map.get(key).map(<[u8]>::to_vec),
            proof: tree.prove(key),
        })
    }

    fn account(&self, address: &Address, height: u64) -> Result<UntrustedState, PeerError> {
        self.state(&account_key(address), height)
    }

    fn tx_proof(&self, _id: &Hash32) -> Result<Option<UntrustedTxProof>, PeerError> {
        Ok(None)
    }

    fn submit_tx(&self, tx: &Transaction) -> Result<Hash32, PeerError> {
        Ok(tx.id())
    }

    fn tx_status(&self, _id: &Hash32) -> Result<TxStatusAnswer, PeerError> {
        Ok(TxStatusAnswer::Unknown)
    }

    fn history(
        &self,
        _address: &Address,
        _from: u64,
        _limit: u64,
    ) -> Result<Vec<HistoryEntry>, PeerError> {
        Ok(Vec::new())
    }
}

struct Net {
    alice: Address,
    chain: Arc<Chain>,
    state: Arc<(StateMap, StateTree)>,
    tip: Arc<AtomicU64>,
}

impl Net {
    fn new(length: u64) -> Self {
        let alice = Address::from_bytes([0xa1; 20]);
        let mut map = StateMap::new();
        map.set(
            account_key(&alice),
            Some(Account::new(2_500_000, 3).encode()),
        );
        let tree = StateTree::build(&map);
        Self {
            alice,
            chain: Arc::new(Chain::new(length, 100, static_set).with_state_root(tree.root())),
            state: Arc::new((map, tree)),
            tip: Arc::new(AtomicU64::new(1)),
        }
    }

    fn peer(&self, name: &str, chain: &Arc<Chain>) -> Box<dyn Peer> {
        Box::new(ChainPeer {
            name: name.into(),
            chain: Arc::clone(chain),
            state: Arc::clone(&self.state),
            tip: Arc::clone(&self.tip),
        })
    }

    fn client(
        &self,
        store: RedbStore,
        witnesses: Vec<Box<dyn Peer>>,
        evidence_dir: Option<std::path::PathBuf>,
    ) -> LightClient<RedbStore> {
        let mut config = ClientConfig::new(self.chain.chain_id.clone(), TrustRoot::Genesis);
        config.evidence_dir = evidence_dir;
        LightClient::open(
            store,
            config,
            self.peer("primary", &self.chain),
            witnesses,
            Box::new(FixedClock(self.chain.time_after(self.chain.len()))),
        )
        .unwrap()
    }

    /// One-block syncs up to `to`.
    fn syncs(&self, client: &mut LightClient<RedbStore>, to: u64) {
        while self.tip.load(Ordering::SeqCst) < to {
            let tip = self.tip.fetch_add(1, Ordering::SeqCst) + 1;
            let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
            assert_eq!(summary.height, tip);
        }
    }
}

#[test]
fn pruning_keeps_what_evidence_and_bundles_need() {
    let net = Net::new(400);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let evidence_dir = dir.path().join("evidence");
    std::fs::create_dir_all(&evidence_dir).unwrap();

    // 60 one-block syncs, then a bundle is exported and pinned.
    let mut client = net.client(RedbStore::open(&path).unwrap(), Vec::new(), None);
    net.syncs(&mut client, 60);
    let bundle = client.account_bundle(&net.alice).unwrap();
    let bundle_heights: Vec<u64> = std::iter::once(&bundle.root)
        .chain(&bundle.path)
        .map(LightBlock::height)
        .collect();
    assert_eq!(bundle_heights.first(), Some(&1));
    assert_eq!(bundle_heights.last(), Some(&60));
    client.pin_bundle("bundle-60.json", &bundle).unwrap();

    // A witness on a fork (the same validators signing other blocks): the
    // next sync yields evidence, and the member below the fork is pinned.
    let forked = Arc::new(Chain::new(400, 100, static_set).with_state_root(Hash32([0xee; 32])));
    drop(client);
    let mut client = net.client(
        RedbStore::open(&path).unwrap(),
        vec![net.peer("forked witness", &forked)],
        Some(evidence_dir.clone()),
    );
    // A jump of 10: the fork's block verifies from the common block by
    // skipping (an adjacent one would fail its parent hash instead).
    net.tip.store(70, Ordering::SeqCst);
    let error = client
        .sync(&mut |_| {}, &AtomicBool::new(false))
        .unwrap_err();
    let ClientError::ForkDetected {
        evidence,
        path: Some(file),
        ..
    } = error
    else {
        panic!("expected a fork, got {error}");
    };
    let pins = client.pins().unwrap();
    let evidence_pin = pins
        .iter()
        .find(|pin| pin.kind == PinKind::Evidence)
        .expect("an evidence pin");
    assert_eq!(evidence_pin.id, file.file_name().unwrap().to_string_lossy());
    let pinned_member = evidence_pin.heights[0];
    assert!(pinned_member <= evidence.first.height());
    drop(client);

    // 200 more one-block syncs with honest peers only.
    let mut client = net.client(RedbStore::open(&path).unwrap(), Vec::new(), None);
    net.tip.store(60, Ordering::SeqCst);
    net.syncs(&mut client, 260);
    let store = client.store();
    for height in bundle_heights.iter().chain([&pinned_member]) {
        assert!(
            store.get(*height).unwrap().is_some(),
            "pinned {height} kept"
        );
    }
    // The evidence still verifies against the set stored below the fork...
    let below = store.get(pinned_member).unwrap().unwrap();
    let validators = if pinned_member + 1 == evidence.first.height() {
        below.next_validators
    } else {
        below.validators
    };
    verify_evidence(&evidence, &validators).unwrap();
    // ... and the bundle, and the whole store, still verify.
    let verified = verify_bundle(&bundle, &net.chain.checkpoint(1), &Options::default()).unwrap();
    assert_eq!(verified.heights.last(), Some(&60));
    // Its blocks are still the stored members, unchanged.
    for block in std::iter::once(&bundle.root).chain(&bundle.path) {
        assert_eq!(store.get(block.height()).unwrap().as_ref(), Some(block));
    }
    let audit = client.verify_store().unwrap().unwrap();
    assert_eq!(audit.pins.len(), 2);
    // Bounded: root, the bundle's path, the evidence member and the tail.
    assert!(
        audit.members <= 1 + bundle_heights.len() + 1 + 32,
        "{audit:?}"
    );

    // Unpinning releases: the next sync drops what only the pins kept.
    client.unpin("bundle-60.json").unwrap();
    client.unpin(&evidence_pin.id).unwrap();
    assert_eq!(
        client.unpin("bundle-60.json").unwrap_err().code(),
        "lc-store-unknown-pin"
    );
    net.syncs(&mut client, 261);
    let mut expected = vec![1];
    expected.extend(230..=261);
    assert_eq!(client.store().heights().unwrap(), expected);
}
