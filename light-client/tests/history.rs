//! The proven history read with peers in the test over a fixture chain
//! (mocks: the same read against the reference node, honest and with its
//! `history-omits-entry` fault, is in `tests/history_and_bundles.rs`): pages fold
//! to the proven record in a bounded number of calls, every way of lying
//! about a page demotes the liar with its code while an honest witness
//! answers, a checkpoint continues a read, and a checkpoint that is not a
//! prefix is the caller's error, never a peer's.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use jifen_light_client::{
    ClientConfig, ClientError, FixedClock, HISTORY_PAGE, LightBlock, LightClient, MemoryStore,
    Peer, PeerError, PeerState, PeerStatus, TrustRoot, TxStatusAnswer, UntrustedState,
    UntrustedTxProof,
};
use jifen_light_client_verifier::test_chain::{Chain, static_set};
use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry};
use jifen_protocol::{
    Account, Address, Encode, Hash32, StateMap, StateTree, Transaction, account_key,
};

/// The chain's tip: what the client trusts after its sync.
const TIP: u64 = 20;
/// Entries of the fixture history: two full pages and a part.
const ENTRIES: u64 = 2_345;

fn alice() -> Address {
    Address::from_bytes([0xa1; 20])
}

/// `ENTRIES` entries at heights 2..=TIP, several per height, oldest first.
fn entries() -> Vec<HistoryEntry> {
    (0..ENTRIES)
        .map(|n| {
            let mut id = [0u8; 32];
            id[..8].copy_from_slice(&n.to_be_bytes());
            HistoryEntry {
                tx_id: Hash32(id),
                height: 2 + n * (TIP - 2) / ENTRIES,
            }
        })
        .collect()
}

/// A way to lie about a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lie {
    /// Leaves out the first entry of every page (as the node's
    /// `history-omits-entry`).
    Omits,
    /// Swaps two entries of one height.
    Reorders,
    /// Changes one entry's transaction id.
    Alters,
    /// Moves the last entry to a height above the proven one.
    AfterProvenHeight,
    /// Puts an entry before one of a lower height.
    Backwards,
    /// Sends one entry more than asked.
    MoreThanAsked,
    /// Sends full pages for ever, past the history's end.
    Endless,
}

/// A peer over the fixture chain whose state holds alice's account
/// committing to [`entries`]; it serves them, or lies about them.
struct HistoryPeer {
    name: String,
    chain: Arc<Chain>,
    state: Arc<(StateMap, StateTree)>,
    entries: Arc<Vec<HistoryEntry>>,
    lie: Option<Lie>,
    calls: Arc<AtomicU64>,
}

impl HistoryPeer {
    fn page(&self, from: u64, limit: u64) -> Vec<HistoryEntry> {
        let start = usize::try_from(from).unwrap().min(self.entries.len());
        let end = usize::try_from(from + limit)
            .unwrap()
            .min(self.entries.len());
        let mut page = self.entries[start..end].to_vec();
        match self.lie {
            Some(Lie::Omits) if !page.is_empty() => {
                page.remove(0);
            }
            Some(Lie::Reorders) => {
                let i = page
                    .windows(2)
                    .position(|pair| pair[0].height == pair[1].height)
                    .unwrap();
                page.swap(i, i + 1);
            }
            Some(Lie::Alters) => page[0].tx_id = Hash32([0xee; 32]),
            Some(Lie::AfterProvenHeight) if end == self.entries.len() => {
                page.last_mut().unwrap().height = TIP + 1;
            }
            Some(Lie::Backwards) => page.last_mut().unwrap().height = 1,
            Some(Lie::MoreThanAsked) => page.push(page[0]),
            Some(Lie::Endless) => {
                page = (0..limit)
                    .map(|_| HistoryEntry {
                        tx_id: Hash32([7; 32]),
                        height: TIP,
                    })
                    .collect();
            }
            None | Some(Lie::Omits | Lie::AfterProvenHeight) => {}
        }
        page
    }
}

impl Peer for HistoryPeer {
    fn id(&self) -> &str {
        &self.name
    }

    fn status(&self) -> Result<PeerStatus, PeerError> {
        Ok(PeerStatus {
            chain_id: self.chain.chain_id.clone(),
            latest_height: TIP,
            earliest_height: 1,
            epoch_length: Some(self.chain.epoch_length),
        })
    }

    fn light_block(&self, height: u64) -> Result<LightBlock, PeerError> {
        if height == 0 || height > TIP {
            return Err(PeerError::HeightUnavailable { height });
        }
        Ok(self.chain.block(height))
    }

    fn latest_light_block(&self) -> Result<LightBlock, PeerError> {
        self.light_block(TIP)
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
        address: &Address,
        from: u64,
        limit: u64,
    ) -> Result<Vec<HistoryEntry>, PeerError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        assert_eq!(*address, alice());
        assert!(limit <= HISTORY_PAGE, "asked for {limit} entries");
        Ok(self.page(from, limit))
    }
}

/// The fixture: a chain whose every header commits to alice's account with
/// the history of [`entries`].
struct Fixture {
    chain: Arc<Chain>,
    state: Arc<(StateMap, StateTree)>,
    entries: Arc<Vec<HistoryEntry>>,
    account: Account,
}

impl Fixture {
    fn new() -> Self {
        let entries = entries();
        let end = HistoryCheckpoint::EMPTY.extend(&entries).unwrap();
        let account = Account {
            history_len: end.len,
            history_head: end.head,
            ..Account::new(2_500_000, 40)
        };
        let mut map = StateMap::new();
        map.set(account_key(&alice()), Some(account.encode()));
        let tree = StateTree::build(&map);
        let chain = Arc::new(Chain::new(TIP, 10, static_set).with_state_root(tree.root()));
        Self {
            chain,
            state: Arc::new((map, tree)),
            entries: Arc::new(entries),
            account,
        }
    }

    fn peer(&self, name: &str, lie: Option<Lie>) -> (Box<dyn Peer>, Arc<AtomicU64>) {
        let calls = Arc::new(AtomicU64::new(0));
        let peer = HistoryPeer {
            name: name.to_owned(),
            chain: Arc::clone(&self.chain),
            state: Arc::clone(&self.state),
            entries: Arc::clone(&self.entries),
            lie,
            calls: Arc::clone(&calls),
        };
        (Box::new(peer), calls)
    }

    /// A synced client with `primary` and `witnesses`.
    fn client(
        &self,
        primary: Box<dyn Peer>,
        witnesses: Vec<Box<dyn Peer>>,
    ) -> LightClient<MemoryStore> {
        let mut client = LightClient::open(
            MemoryStore::new(),
            ClientConfig::new(self.chain.chain_id.clone(), TrustRoot::Genesis),
            primary,
            witnesses,
            Box::new(FixedClock(self.chain.time_after(TIP))),
        )
        .unwrap();
        client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
        client
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
fn an_honest_history_folds_to_the_proven_record_in_three_pages() {
    let fixture = Fixture::new();
    let (peer, calls) = fixture.peer("honest", None);
    let mut client = fixture.client(peer, Vec::new());
    let proven = client.history(&alice()).unwrap();
    assert_eq!(proven.account.value, fixture.account);
    assert_eq!(proven.account.height, TIP);
    assert_eq!(proven.account.header_hash, fixture.chain.header(TIP).hash());
    assert_eq!(proven.start, HistoryCheckpoint::EMPTY);
    assert_eq!(proven.entries, *fixture.entries);
    assert_eq!(proven.end.len, ENTRIES);
    assert_eq!(proven.end.head, fixture.account.history_head);
    assert_eq!(
        proven.end.last_height,
        fixture.entries.last().unwrap().height
    );
    // ceil(2,345 / 1,000) pages, each full but the last.
    assert_eq!(calls.load(Ordering::SeqCst), 3);

    // An account with no history: proven absent, no page asked.
    let nobody = client.history(&Address::from_bytes([0x42; 20])).unwrap();
    assert_eq!(nobody.account.value, Account::default());
    assert!(nobody.entries.is_empty());
    assert_eq!(nobody.end, HistoryCheckpoint::EMPTY);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
}

#[test]
fn a_checkpoint_continues_the_read_with_only_the_newer_pages() {
    let fixture = Fixture::new();
    let (peer, calls) = fixture.peer("honest", None);
    let client = fixture.client(peer, Vec::new());
    let reader = client.reader();
    let middle = HistoryCheckpoint::EMPTY
        .extend(&fixture.entries[..1_500])
        .unwrap();
    let proven = reader.history_since(&alice(), middle).unwrap();
    assert_eq!(proven.start, middle);
    assert_eq!(proven.entries, fixture.entries[1_500..]);
    assert_eq!(proven.end.head, fixture.account.history_head);
    // 845 entries: one page.
    assert_eq!(calls.load(Ordering::SeqCst), 1);

    // Nothing new: the record is proven, no page is asked.
    let again = reader.history_since(&alice(), proven.end).unwrap();
    assert!(again.entries.is_empty());
    assert_eq!(again.end, proven.end);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

/// Each lie about a page demotes the liar (the primary) with its code;
/// the honest witness's history is the one returned, and the liar was
/// asked for no more pages than the history needs (twice that when it
/// was asked from a checkpoint and the whole history had to judge).
#[test]
fn every_lie_about_a_page_demotes_the_liar_and_the_witness_answers() {
    let cases = [
        (Lie::Omits, "history-length-mismatch"),
        (Lie::Reorders, "history-head-mismatch"),
        (Lie::Alters, "history-head-mismatch"),
        (Lie::AfterProvenHeight, "history-after-proven-height"),
        (Lie::Backwards, "history-height-order"),
        (Lie::MoreThanAsked, "lc-peer-inconsistent"),
        (Lie::Endless, "history-head-mismatch"),
    ];
    let fixture = Fixture::new();
    for (lie, code) in cases {
        for start in [0, 1_200] {
            let (liar, liar_calls) = fixture.peer("liar", Some(lie));
            let (honest, _) = fixture.peer("honest", None);
            let client = fixture.client(liar, vec![honest]);
            let checkpoint = HistoryCheckpoint::EMPTY
                .extend(&fixture.entries[..start])
                .unwrap();
            let proven = client
                .reader()
                .history_since(&alice(), checkpoint)
                .unwrap_or_else(|error| panic!("{lie:?} from {start}: {error}"));
            assert_eq!(proven.entries, fixture.entries[start..], "{lie:?}");
            let status = client.status();
            assert_eq!(
                demoted_code(&status.peers[0].state),
                code,
                "{lie:?} from {start}"
            );
            assert_eq!(status.peers[1].state, PeerState::Active, "{lie:?}");
            let pages = (ENTRIES - start as u64) / 1_000 + 1;
            let bound = if start == 0 {
                pages
            } else {
                pages + ENTRIES / 1_000 + 1
            };
            let asked = liar_calls.load(Ordering::SeqCst);
            assert!(asked <= bound, "{lie:?} from {start}: {asked} pages");
        }
    }
}

/// A checkpoint that cannot be part of the proven history is the caller's
/// error: it says so, and no peer is blamed.
#[test]
fn a_checkpoint_that_is_not_a_prefix_is_refused_and_blames_no_peer() {
    let fixture = Fixture::new();
    let (primary, calls) = fixture.peer("honest", None);
    let (witness, _) = fixture.peer("witness", None);
    let client = fixture.client(primary, vec![witness]);
    let reader = client.reader();
    let whole = HistoryCheckpoint::EMPTY.extend(&fixture.entries).unwrap();
    let other_entries: Vec<HistoryEntry> = fixture.entries[..700]
        .iter()
        .map(|entry| HistoryEntry {
            tx_id: Hash32([0x55; 32]),
            height: entry.height,
        })
        .collect();
    let cases = [
        (
            "longer than the proven history",
            HistoryCheckpoint {
                len: ENTRIES + 1,
                ..whole
            },
        ),
        (
            "an entry above the proven height",
            HistoryCheckpoint {
                last_height: TIP + 1,
                ..whole
            },
        ),
        (
            "the proven length with another head",
            HistoryCheckpoint {
                head: Hash32([1; 32]),
                ..whole
            },
        ),
        (
            "empty with a head",
            HistoryCheckpoint {
                head: Hash32([1; 32]),
                ..HistoryCheckpoint::EMPTY
            },
        ),
        (
            "shorter, of other entries",
            HistoryCheckpoint::EMPTY.extend(&other_entries).unwrap(),
        ),
    ];
    for (name, start) in cases {
        match reader.history_since(&alice(), start) {
            Err(ClientError::HistoryNotPrefix {
                len,
                proven_len,
                height,
            }) => {
                assert_eq!(len, start.len, "{name}");
                assert_eq!(proven_len, ENTRIES, "{name}");
                assert_eq!(height, TIP, "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
        let status = client.status();
        assert!(
            status
                .peers
                .iter()
                .all(|peer| peer.state == PeerState::Active),
            "{name}: {:?}",
            status.peers
        );
    }
    // Only the last case read pages: the 1,645 after the checkpoint (2),
    // then the whole history to judge (3).
    assert_eq!(calls.load(Ordering::SeqCst), 5);
    assert_eq!(
        ClientError::HistoryNotPrefix {
            len: 1,
            proven_len: 0,
            height: 1
        }
        .code(),
        "lc-client-history-not-prefix"
    );
}

#[test]
fn a_reader_reads_no_history_before_the_first_sync() {
    let fixture = Fixture::new();
    let (peer, calls) = fixture.peer("honest", None);
    let client = LightClient::open(
        MemoryStore::new(),
        ClientConfig::new(fixture.chain.chain_id.clone(), TrustRoot::Genesis),
        peer,
        Vec::new(),
        Box::new(FixedClock(fixture.chain.time_after(TIP))),
    )
    .unwrap();
    assert!(matches!(
        client.reader().history(&alice()),
        Err(ClientError::NoTrustedState)
    ));
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}
