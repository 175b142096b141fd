//! Proven reads beside a running sync: a `LightReader` answers while
//! `LightClient::sync` is blocked on another thread in a peer's light-block
//! answer, proves against the header the client trusted (never the staged
//! one), and a liar it finds is demoted for the client too.
//!
//! The peers serve a fixture chain whose headers commit to one state tree;
//! the primary's light-block answers wait at a gate the test opens, and it
//! lies about account values (honest blocks, dishonest proofs).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use jifen_light_client::{
    ClientConfig, ClientError, FixedClock, LightBlock, LightClient, MemoryStore, Peer, PeerError,
    PeerRole, PeerState, PeerStatus, TrustRoot, TxStatusAnswer, UntrustedState, UntrustedTxProof,
};
use jifen_light_client_verifier::test_chain::{Chain, static_set};
use jifen_protocol::history::HistoryEntry;
use jifen_protocol::{
    Account, Address, Encode, Hash32, StateMap, StateTree, Transaction, account_key,
};

/// Light-block answers wait here while it is closed.
#[derive(Default)]
struct Gate {
    /// (closed, answers waiting).
    state: Mutex<(bool, usize)>,
    changed: Condvar,
}

impl Gate {
    fn set_closed(&self, closed: bool) {
        self.state.lock().unwrap().0 = closed;
        self.changed.notify_all();
    }

    /// Called by the peer: waits while the gate is closed.
    fn pass(&self) {
        let mut state = self.state.lock().unwrap();
        if !state.0 {
            return;
        }
        state.1 += 1;
        self.changed.notify_all();
        while state.0 {
            state = self.changed.wait(state).unwrap();
        }
        state.1 -= 1;
    }

    /// Called by the test: until an answer waits at the gate (bounded, so a
    /// broken client fails the test instead of hanging it).
    fn wait_for_a_waiter(&self) {
        let deadline = Instant::now() + Duration::from_secs(120);
        let mut state = self.state.lock().unwrap();
        while state.1 == 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "the sync never reached the gate");
            state = self.changed.wait_timeout(state, left).unwrap().0;
        }
    }
}

/// Opens the gate when dropped, so a failed assertion cannot leave the sync
/// thread waiting forever (the scope would never end).
struct OpenOnDrop(Arc<Gate>);

impl Drop for OpenOnDrop {
    fn drop(&mut self) {
        self.0.set_closed(false);
    }
}

/// A peer over the fixture chain and its state tree.
struct FixturePeer {
    name: String,
    chain: Arc<Chain>,
    state: Arc<(StateMap, StateTree)>,
    tip: Arc<AtomicU64>,
    gate: Option<Arc<Gate>>,
    /// Answers account reads with an inflated balance.
    lies_about_accounts: bool,
}

impl Peer for FixturePeer {
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
        if let Some(gate) = &self.gate {
            gate.pass();
        }
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
        let mut answer = self.state(&account_key(address), height)?;
        if self.lies_about_accounts {
            answer.value = Some(Account::new(1_000_000_000_000, 0).encode());
        }
        Ok(answer)
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

    /// The fixture's accounts have no history.
    fn history(
        &self,
        _address: &Address,
        _from: u64,
        _limit: u64,
    ) -> Result<Vec<HistoryEntry>, PeerError> {
        Ok(Vec::new())
    }
}

fn demoted_code(state: &PeerState) -> &'static str {
    match state {
        PeerState::Demoted { code, .. } => code,
        PeerState::Active | PeerState::Lagging { .. } | PeerState::Unreachable { .. } => {
            "not demoted"
        }
    }
}

#[test]
fn reader_proves_while_a_sync_is_blocked_and_its_demotions_reach_the_client() {
    let alice = Address::from_bytes([0xa1; 20]);
    let account = Account::new(2_500_000, 3);
    let mut map = StateMap::new();
    map.set(account_key(&alice), Some(account.encode()));
    let tree = StateTree::build(&map);
    let chain = Arc::new(Chain::new(40, 10, static_set).with_state_root(tree.root()));
    let state = Arc::new((map, tree));
    let tip = Arc::new(AtomicU64::new(20));
    let gate = Arc::new(Gate::default());
    let liar = FixturePeer {
        name: "primary (lies about accounts)".into(),
        chain: Arc::clone(&chain),
        state: Arc::clone(&state),
        tip: Arc::clone(&tip),
        gate: Some(Arc::clone(&gate)),
        lies_about_accounts: true,
    };
    let honest = FixturePeer {
        name: "witness".into(),
        chain: Arc::clone(&chain),
        state,
        tip: Arc::clone(&tip),
        gate: None,
        lies_about_accounts: false,
    };
    let mut client = LightClient::open(
        MemoryStore::new(),
        ClientConfig::new(chain.chain_id.clone(), TrustRoot::Genesis),
        Box::new(liar),
        vec![Box::new(honest)],
        Box::new(FixedClock(chain.time_after(40))),
    )
    .unwrap();
    let reader = client.reader();
    // A handle to clone and move to other threads (checked when compiling).
    fn shared<T: Clone + Send + Sync>(handle: &T) -> T {
        handle.clone()
    }
    let reader = shared(&reader);

    // A reader never syncs: nothing is trusted yet.
    assert!(matches!(
        reader.account(&alice).unwrap_err(),
        ClientError::NoTrustedState
    ));
    let first = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(first.height, 20);
    assert_eq!(reader.status(), client.status());

    // The chain grows; the next sync blocks in the primary's light blocks.
    tip.store(40, Ordering::SeqCst);
    gate.set_closed(true);
    let opener = OpenOnDrop(Arc::clone(&gate));
    let summary = std::thread::scope(|scope| {
        let syncing = scope.spawn(|| client.sync(&mut |_| {}, &AtomicBool::new(false)));
        gate.wait_for_a_waiter();

        // The sync is blocked: the reader answers, proven at the header the
        // client trusts (20), not at anything the sync is verifying.
        let proven = reader.account(&alice).unwrap();
        assert_eq!(proven.value, account);
        assert_eq!(proven.height, 20);
        assert_eq!(proven.header_hash, chain.header(20).hash());
        let during = reader.status();
        assert_eq!(during.trusted.unwrap().height, 20);
        // The primary lied about the account: demoted by the reader, for
        // the client too.
        assert_eq!(
            demoted_code(&during.peers[0].state),
            "lc-proof-state-invalid"
        );
        assert_eq!(during.peers[1].state, PeerState::Active);
        assert!(!syncing.is_finished(), "the sync was not blocked");

        drop(opener);
        syncing.join().unwrap()
    })
    .unwrap();

    // The sync finished with the blocks it had asked for (they verified);
    // the demotion stays: nothing revives a demoted peer.
    assert_eq!(summary.height, 40);
    let after = client.status();
    assert_eq!(after, reader.status());
    assert_eq!(after.trusted.unwrap().height, 40);
    assert_eq!(
        demoted_code(&after.peers[0].state),
        "lc-proof-state-invalid"
    );
    // Readers see the new tip once it is cross-checked and stored.
    assert_eq!(reader.account(&alice).unwrap().height, 40);

    // The client's next sync does without the demoted primary.
    tip.store(40, Ordering::SeqCst);
    let again = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(again.primary, "witness");
    assert_eq!(client.status().peers[1].role, PeerRole::Primary);
}
