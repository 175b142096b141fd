//! Persistence in redb. Each block is written in one write transaction
//! (header, commit, transactions, results, state changes, new validator sets,
//! transaction index), so a crash leaves either the whole block or none of it.
//!
//! Layout (all values in the canonical encodings of `jifen-protocol`):
//!
//! | table | key | value |
//! |---|---|---|
//! | `meta` | `"params"` | chain parameters (JSON) |
//! | `headers` | height u64 | header |
//! | `commits` | height u64 | commit |
//! | `block_txs` | height | `count u32 || (len u32 || tx)*` |
//! | `results` | height | `count u32 || code u16*` |
//! | `state_changes` | height (0 = genesis) | `count u32 || (key || option value)*` |
//! | `validator_sets` | set hash (32) | validator set |
//! | `tx_index` | tx id (32) | `height u64 || index u32 || code u16` |
//! | `history` | address (20) `||` index u64 | `tx id (32) || height u64` (an account's history, `docs/protocol.md#history`) |
//! | `anchors` | height | `count u32 || anchor leaf (45)*`, the leaves of the block's `anchors_root` (absent: none) |
//! | `subchain_reports` | subchain u32 `||` report index u64 | `main height u64 || leaf index u32 || outcome u8 || report` |
//! | `subchain_headers` | subchain u32 `||` height u64 | `main height u64 || header`: the header the main chain holds at that height |
//! | `subchain_entries` | subchain u32 `||` height u64 | `count u32 || entry*`: the entries this node wrote into a block of a subchain it produces beyond its closed-form workload (submitted provenance records) |

use std::path::Path;

use jifen_protocol::{
    Address, Commit, Decode, Encode, Hash32, Header, Reader, Transaction, ValidatorSet,
    encoding::{MAX_PAYLOAD_LEN, put_len},
    history::HistoryEntry,
};
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};

use crate::genesis::ChainParams;

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const HEADERS: TableDefinition<u64, &[u8]> = TableDefinition::new("headers");
const COMMITS: TableDefinition<u64, &[u8]> = TableDefinition::new("commits");
const BLOCK_TXS: TableDefinition<u64, &[u8]> = TableDefinition::new("block_txs");
const RESULTS: TableDefinition<u64, &[u8]> = TableDefinition::new("results");
const STATE_CHANGES: TableDefinition<u64, &[u8]> = TableDefinition::new("state_changes");
const VALIDATOR_SETS: TableDefinition<&[u8], &[u8]> = TableDefinition::new("validator_sets");
const TX_INDEX: TableDefinition<&[u8], &[u8]> = TableDefinition::new("tx_index");
const HISTORY: TableDefinition<&[u8], &[u8]> = TableDefinition::new("history");

mod subchain;

use subchain::{ANCHORS, SUBCHAIN_ENTRIES, SUBCHAIN_HEADERS, SUBCHAIN_REPORTS};
pub use subchain::{BlockAnchor, StoredReport};

/// Largest state value stored (bytes).
pub const MAX_STATE_VALUE_LEN: usize = 65_536;
/// Most state changes in one block (the genesis of a benchmark fixture with
/// a million accounts included).
pub const MAX_CHANGES: usize = 4_000_000;

/// One key's new value (`None`: removed).
pub type StateChange = (Hash32, Option<Vec<u8>>);

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// redb failed.
    #[error("database error: {0}")]
    Database(String),
    /// Stored bytes do not decode.
    #[error("corrupt {what} at {location}: {reason}")]
    Corrupt {
        /// What was being read.
        what: &'static str,
        /// Height or key.
        location: String,
        /// Why it is corrupt.
        reason: String,
    },
}

fn db_err(err: impl std::fmt::Display) -> StoreError {
    StoreError::Database(err.to_string())
}

fn corrupt(what: &'static str, location: impl ToString, reason: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        location: location.to_string(),
        reason: reason.to_string(),
    }
}

/// Everything written for one block.
#[derive(Debug, Clone)]
pub struct BlockRecord {
    /// The header.
    pub header: Header,
    /// Its commit.
    pub commit: Commit,
    /// The transactions, in block order.
    pub txs: Vec<Transaction>,
    /// Result code of each transaction (0: success).
    pub results: Vec<u16>,
    /// State changes made by the block.
    pub changes: Vec<StateChange>,
    /// Validator sets first referenced by this header.
    pub new_validator_sets: Vec<ValidatorSet>,
    /// History entries the block appends: (party, its index, tx id).
    pub history: Vec<(Address, u64, Hash32)>,
    /// The accepted subchain reports, in block order (the leaves of the
    /// header's `anchors_root`).
    pub anchors: Vec<BlockAnchor>,
    /// Another valid commit of the parent block, replacing the stored one
    /// in the same write: the one this header's `last_commit_hash` names (a
    /// full node that first received a different quorum of signatures).
    pub parent_commit: Option<Commit>,
}

fn history_key(address: &Address, index: u64) -> [u8; 28] {
    let mut key = [0u8; 28];
    key[..20].copy_from_slice(address.as_bytes());
    key[20..].copy_from_slice(&index.to_be_bytes());
    key
}

/// Where a committed transaction is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TxLocation {
    /// Block height.
    pub height: u64,
    /// Index in the block.
    pub index: u32,
    /// Result code (0: success).
    pub code: u16,
}

/// The node's database.
#[derive(Debug)]
pub struct Store {
    db: Database,
}

/// Encodes state changes.
#[must_use]
pub fn encode_changes(changes: &[StateChange]) -> Vec<u8> {
    let mut out = Vec::new();
    put_len(&mut out, changes.len());
    for (key, value) in changes {
        out.extend_from_slice(key.as_bytes());
        match value {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                put_len(&mut out, value.len());
                out.extend_from_slice(value);
            }
        }
    }
    out
}

fn decode_changes(bytes: &[u8]) -> Result<Vec<StateChange>, jifen_protocol::DecodeError> {
    let mut reader = Reader::new(bytes);
    let count = reader.count("changes", 0, MAX_CHANGES, 33)?;
    let mut changes = Vec::with_capacity(count);
    for _ in 0..count {
        let key = Hash32(reader.array("key")?);
        let value = if reader.option_tag("value")? {
            Some(reader.bytes("value", MAX_STATE_VALUE_LEN)?.to_vec())
        } else {
            None
        };
        changes.push((key, value));
    }
    reader.finish("state changes")?;
    Ok(changes)
}

fn encode_txs(txs: &[Transaction]) -> Vec<u8> {
    let mut out = Vec::new();
    put_len(&mut out, txs.len());
    for tx in txs {
        let bytes = tx.encode();
        put_len(&mut out, bytes.len());
        out.extend_from_slice(&bytes);
    }
    out
}

fn decode_txs(bytes: &[u8]) -> Result<Vec<Transaction>, jifen_protocol::DecodeError> {
    let mut reader = Reader::new(bytes);
    let count = reader.count("transactions", 0, MAX_CHANGES, 4)?;
    let mut txs = Vec::with_capacity(count);
    for _ in 0..count {
        let tx_bytes = reader.bytes("transaction", MAX_PAYLOAD_LEN * 2)?;
        txs.push(Transaction::decode(tx_bytes)?);
    }
    reader.finish("block transactions")?;
    Ok(txs)
}

fn encode_results(results: &[u16]) -> Vec<u8> {
    let mut out = Vec::new();
    put_len(&mut out, results.len());
    for code in results {
        out.extend_from_slice(&code.to_be_bytes());
    }
    out
}

fn decode_results(bytes: &[u8]) -> Result<Vec<u16>, jifen_protocol::DecodeError> {
    let mut reader = Reader::new(bytes);
    let count = reader.count("results", 0, MAX_CHANGES, 2)?;
    let mut results = Vec::with_capacity(count);
    for _ in 0..count {
        results.push(reader.u16("code")?);
    }
    reader.finish("block results")?;
    Ok(results)
}

impl Store {
    /// Opens (creating if absent) the database at `path`.
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let database = Database::create(path).map_err(db_err)?;
        let txn = database.begin_write().map_err(db_err)?;
        {
            txn.open_table(META).map_err(db_err)?;
            txn.open_table(HEADERS).map_err(db_err)?;
            txn.open_table(COMMITS).map_err(db_err)?;
            txn.open_table(BLOCK_TXS).map_err(db_err)?;
            txn.open_table(RESULTS).map_err(db_err)?;
            txn.open_table(STATE_CHANGES).map_err(db_err)?;
            txn.open_table(VALIDATOR_SETS).map_err(db_err)?;
            txn.open_table(TX_INDEX).map_err(db_err)?;
            txn.open_table(HISTORY).map_err(db_err)?;
            txn.open_table(ANCHORS).map_err(db_err)?;
            txn.open_table(SUBCHAIN_REPORTS).map_err(db_err)?;
            txn.open_table(SUBCHAIN_HEADERS).map_err(db_err)?;
            txn.open_table(SUBCHAIN_ENTRIES).map_err(db_err)?;
        }
        txn.commit().map_err(db_err)?;
        Ok(Self { db: database })
    }

    /// The stored parameters, if the chain was initialized.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn params(&self) -> Result<Option<ChainParams>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(META).map_err(db_err)?;
        let Some(bytes) = table.get("params").map_err(db_err)? else {
            return Ok(None);
        };
        serde_json::from_slice(bytes.value())
            .map(Some)
            .map_err(|e| corrupt("params", "meta", e))
    }

    /// Writes the parameters, the genesis state and the first validator set
    /// in one transaction.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn init(
        &self,
        params: &ChainParams,
        genesis: &[StateChange],
        first_set: &ValidatorSet,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_vec(params).map_err(db_err)?;
        let txn = self.db.begin_write().map_err(db_err)?;
        {
            let mut meta = txn.open_table(META).map_err(db_err)?;
            meta.insert("params", json.as_slice()).map_err(db_err)?;
            let mut changes = txn.open_table(STATE_CHANGES).map_err(db_err)?;
            changes
                .insert(0, encode_changes(genesis).as_slice())
                .map_err(db_err)?;
            let mut sets = txn.open_table(VALIDATOR_SETS).map_err(db_err)?;
            sets.insert(
                first_set.hash().as_bytes().as_slice(),
                first_set.encode().as_slice(),
            )
            .map_err(db_err)?;
        }
        txn.commit().map_err(db_err)
    }

    /// Writes a block atomically; `durable` waits for it to reach the disk.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn commit_block(&self, block: &BlockRecord, durable: bool) -> Result<(), StoreError> {
        let height = block.header.height;
        let mut txn = self.db.begin_write().map_err(db_err)?;
        if !durable {
            // Still atomic; only persisted once a later durable commit lands
            // (used by the fixture generator, which syncs periodically).
            txn.set_durability(redb::Durability::None).map_err(db_err)?;
        }
        {
            txn.open_table(HEADERS)
                .map_err(db_err)?
                .insert(height, block.header.encode().as_slice())
                .map_err(db_err)?;
            let mut commits = txn.open_table(COMMITS).map_err(db_err)?;
            commits
                .insert(height, block.commit.encode().as_slice())
                .map_err(db_err)?;
            if let Some(parent) = &block.parent_commit {
                commits
                    .insert(height.saturating_sub(1), parent.encode().as_slice())
                    .map_err(db_err)?;
            }
            drop(commits);
            txn.open_table(BLOCK_TXS)
                .map_err(db_err)?
                .insert(height, encode_txs(&block.txs).as_slice())
                .map_err(db_err)?;
            txn.open_table(RESULTS)
                .map_err(db_err)?
                .insert(height, encode_results(&block.results).as_slice())
                .map_err(db_err)?;
            txn.open_table(STATE_CHANGES)
                .map_err(db_err)?
                .insert(height, encode_changes(&block.changes).as_slice())
                .map_err(db_err)?;
            let mut sets = txn.open_table(VALIDATOR_SETS).map_err(db_err)?;
            for set in &block.new_validator_sets {
                sets.insert(set.hash().as_bytes().as_slice(), set.encode().as_slice())
                    .map_err(db_err)?;
            }
            let mut index = txn.open_table(TX_INDEX).map_err(db_err)?;
            for (i, (tx, code)) in block.txs.iter().zip(&block.results).enumerate() {
                let mut location = height.to_be_bytes().to_vec();
                location.extend_from_slice(&u32::try_from(i).unwrap_or(u32::MAX).to_be_bytes());
                location.extend_from_slice(&code.to_be_bytes());
                index
                    .insert(tx.id().as_bytes().as_slice(), location.as_slice())
                    .map_err(db_err)?;
            }
            let mut history = txn.open_table(HISTORY).map_err(db_err)?;
            for (address, at, id) in &block.history {
                let entry = HistoryEntry { tx_id: *id, height };
                history
                    .insert(
                        history_key(address, *at).as_slice(),
                        entry.encode().as_slice(),
                    )
                    .map_err(db_err)?;
            }
            subchain::write_anchors(&txn, height, &block.anchors)?;
        }
        txn.commit().map_err(db_err)
    }

    /// Up to `limit` history entries of `address` from index `from`, and how
    /// many entries it has in all.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn history(
        &self,
        address: &Address,
        from: u64,
        limit: usize,
    ) -> Result<(u64, Vec<HistoryEntry>), StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(HISTORY).map_err(db_err)?;
        let first = history_key(address, 0);
        let last = history_key(address, u64::MAX);
        let total = table
            .range(first.as_slice()..=last.as_slice())
            .map_err(db_err)?
            .next_back()
            .transpose()
            .map_err(db_err)?
            .map_or(0, |(key, _)| {
                let key = key.value();
                key.get(20..28)
                    .and_then(|b| <[u8; 8]>::try_from(b).ok())
                    .map_or(0, |b| u64::from_be_bytes(b).saturating_add(1))
            });
        let start = history_key(address, from);
        let mut entries = Vec::new();
        for item in table
            .range(start.as_slice()..=last.as_slice())
            .map_err(db_err)?
            .take(limit)
        {
            let (key, value) = item.map_err(db_err)?;
            let entry = HistoryEntry::decode(value.value())
                .map_err(|e| corrupt("history", hex::encode(key.value()), e))?;
            entries.push(entry);
        }
        Ok((total, entries))
    }

    /// The highest stored height (0 before the first block).
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn tip(&self) -> Result<u64, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(HEADERS).map_err(db_err)?;
        Ok(table.last().map_err(db_err)?.map_or(0, |(k, _)| k.value()))
    }

    fn get_height(
        &self,
        def: TableDefinition<u64, &[u8]>,
        height: u64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(def).map_err(db_err)?;
        Ok(table
            .get(height)
            .map_err(db_err)?
            .map(|v| v.value().to_vec()))
    }

    /// The header at `height`.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn header(&self, height: u64) -> Result<Option<Header>, StoreError> {
        self.get_height(HEADERS, height)?
            .map(|b| Header::decode(&b).map_err(|e| corrupt("header", height, e)))
            .transpose()
    }

    /// The commit of the block at `height`.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn commit(&self, height: u64) -> Result<Option<Commit>, StoreError> {
        self.get_height(COMMITS, height)?
            .map(|b| Commit::decode(&b).map_err(|e| corrupt("commit", height, e)))
            .transpose()
    }

    /// The transactions of the block at `height`.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn block_txs(&self, height: u64) -> Result<Option<Vec<Transaction>>, StoreError> {
        self.get_height(BLOCK_TXS, height)?
            .map(|b| decode_txs(&b).map_err(|e| corrupt("block transactions", height, e)))
            .transpose()
    }

    /// The result codes of the block at `height`.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn results(&self, height: u64) -> Result<Option<Vec<u16>>, StoreError> {
        self.get_height(RESULTS, height)?
            .map(|b| decode_results(&b).map_err(|e| corrupt("block results", height, e)))
            .transpose()
    }

    /// The validator set with hash `hash`.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn validator_set(&self, hash: &Hash32) -> Result<Option<ValidatorSet>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(VALIDATOR_SETS).map_err(db_err)?;
        let Some(bytes) = table.get(hash.as_bytes().as_slice()).map_err(db_err)? else {
            return Ok(None);
        };
        ValidatorSet::decode(bytes.value())
            .map(Some)
            .map_err(|e| corrupt("validator set", hash, e))
    }

    /// Where the transaction `id` was committed.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn tx_location(&self, id: &Hash32) -> Result<Option<TxLocation>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(TX_INDEX).map_err(db_err)?;
        let Some(bytes) = table.get(id.as_bytes().as_slice()).map_err(db_err)? else {
            return Ok(None);
        };
        let mut reader = Reader::new(bytes.value());
        let parse = |reader: &mut Reader<'_>| -> Result<TxLocation, jifen_protocol::DecodeError> {
            Ok(TxLocation {
                height: reader.u64("height")?,
                index: reader.u32("index")?,
                code: reader.u16("code")?,
            })
        };
        parse(&mut reader)
            .map(Some)
            .map_err(|e| corrupt("tx index", id, e))
    }

    /// Every block's state changes, from genesis (height 0) up, in order.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn all_state_changes(&self) -> Result<Vec<(u64, Vec<StateChange>)>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(STATE_CHANGES).map_err(db_err)?;
        let mut out = Vec::new();
        for entry in table.iter().map_err(db_err)? {
            let (height, bytes) = entry.map_err(db_err)?;
            let height = height.value();
            let changes =
                decode_changes(bytes.value()).map_err(|e| corrupt("state changes", height, e))?;
            out.push((height, changes));
        }
        Ok(out)
    }
}
