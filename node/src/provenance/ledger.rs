//! The records ledger of `trace-consortium`: what its blocks carry beyond
//! the closed-form workload. Three sources, in this order at each height:
//! the devnet's demo products (fixed entries at fixed early heights, a
//! function of the chain id), the records accepted by
//! `jifen_provenanceSubmit` and written by the producer (kept in the
//! node's store, so a restart serves the same states), and, between them,
//! the queue of accepted records not yet written.
//!
//! The state after height `h` is the workload's closed form, then the demo
//! entries and the stored entries of heights `1..=h` applied in height
//! order; every header the producer reports commits to exactly that.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use jifen_protocol::provenance::{ItemId, ProvenanceRecord, count_entry};
use jifen_protocol::subchain::{Entry, subchain_state_key};
use jifen_protocol::{Decode, Hash32, StateMap};

use crate::chain::SubchainStates;
use crate::subchains::workload::Workload;

/// Most records one subchain block writes from the queue.
pub const MAX_RECORDS_PER_BLOCK: usize = 256;
/// Most accepted records waiting for a block.
pub const MAX_QUEUED_RECORDS: usize = 4_096;

/// An item's history as far as the ledger knows it (written and queued).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tail {
    /// How many records it has: the index the next one must carry.
    pub count: u32,
    /// The leaf of its last record ([`Hash32::ZERO`] before the first):
    /// the `prev` the next one must carry.
    pub last_leaf: Hash32,
}

impl Tail {
    const EMPTY: Self = Self {
        count: 0,
        last_leaf: Hash32::ZERO,
    };
}

/// The queue is full: the producer is behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{MAX_QUEUED_RECORDS} records already wait for a subchain block")]
pub struct QueueFull;

#[derive(Debug, Default)]
struct Inner {
    stored: BTreeMap<u64, Vec<Entry>>,
    queue: Vec<ProvenanceRecord>,
    tails: BTreeMap<ItemId, Tail>,
}

impl Inner {
    fn follow(&mut self, record: &ProvenanceRecord) {
        let tail = self.tails.entry(record.item.clone()).or_insert(Tail::EMPTY);
        if record.index >= tail.count {
            *tail = Tail {
                count: record.index.saturating_add(1),
                last_leaf: record.leaf(),
            };
        }
    }

    fn follow_entries(&mut self, entries: &[Entry]) {
        for entry in entries {
            if let Some(record) = as_record(entry) {
                self.follow(&record);
            }
        }
    }
}

/// The record an entry holds, if it is one (`prov/<gtin>/<serial>/<index>`).
#[must_use]
pub fn as_record(entry: &Entry) -> Option<ProvenanceRecord> {
    if !entry.key.starts_with("prov/") || entry.key.ends_with("/n") {
        return None;
    }
    ProvenanceRecord::decode(&entry.value)
        .ok()
        .filter(|record| record.entry().key == entry.key)
}

/// The entries that write `records` (each record, then its item's count).
#[must_use]
pub fn record_entries(records: &[ProvenanceRecord]) -> Vec<Entry> {
    records
        .iter()
        .flat_map(|record| {
            [
                record.entry(),
                count_entry(&record.item, record.index.saturating_add(1)),
            ]
        })
        .collect()
}

/// `trace-consortium`'s blocks: the closed-form workload, the demo
/// products, the stored and the queued records.
#[derive(Debug)]
pub struct TraceLedger {
    demo: BTreeMap<u64, Vec<Entry>>,
    /// Heights `1..=reserved` carry the demo only: queued records wait for
    /// the heights after, so they follow the demo histories they extend.
    reserved: u64,
    inner: Mutex<Inner>,
}

impl TraceLedger {
    /// The ledger with the demo entries `demo` (by height; none above
    /// `reserved`) and the entries the store kept (`stored`, by height).
    #[must_use]
    pub fn new(
        demo: BTreeMap<u64, Vec<Entry>>,
        reserved: u64,
        stored: Vec<(u64, Vec<Entry>)>,
    ) -> Self {
        let mut inner = Inner::default();
        for entries in demo.values() {
            inner.follow_entries(entries);
        }
        for (height, entries) in stored {
            inner.follow_entries(&entries);
            inner.stored.insert(height, entries);
        }
        Self {
            demo,
            reserved,
            inner: Mutex::new(inner),
        }
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        // The ledger's invariants hold between calls; a panic elsewhere
        // leaves them intact.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The entries of block `height`: the workload's, the demo's, the
    /// stored records'.
    #[must_use]
    pub fn entries(&self, height: u64) -> Vec<Entry> {
        let mut entries = Workload::Trace.entries(height);
        if let Some(demo) = self.demo.get(&height) {
            entries.extend(demo.iter().cloned());
        }
        if let Some(stored) = self.inner().stored.get(&height) {
            entries.extend(stored.iter().cloned());
        }
        entries
    }

    /// The state after `height`.
    #[must_use]
    pub fn state(&self, height: u64) -> StateMap {
        let mut map = Workload::Trace.state(height);
        let inner = self.inner();
        let mut put = |entries: &[Entry]| {
            for e in entries {
                map.set(subchain_state_key(&e.key), Some(e.value.clone()));
            }
        };
        for h in 1..=height.min(self.reserved) {
            if let Some(demo) = self.demo.get(&h) {
                put(demo);
            }
        }
        for (_, stored) in inner.stored.range(1..=height) {
            put(stored);
        }
        map
    }

    /// `item`'s history as far as known: demo, written and queued records.
    #[must_use]
    pub fn tail(&self, item: &ItemId) -> Tail {
        self.inner().tails.get(item).copied().unwrap_or(Tail::EMPTY)
    }

    /// Every item with records (written or queued), by item.
    #[must_use]
    pub fn items(&self) -> Vec<ItemId> {
        self.inner().tails.keys().cloned().collect()
    }

    /// Queues an accepted record (the caller checked it against
    /// [`TraceLedger::tail`]).
    ///
    /// # Errors
    /// [`QueueFull`].
    pub fn enqueue(&self, record: ProvenanceRecord) -> Result<(), QueueFull> {
        let mut inner = self.inner();
        if inner.queue.len() >= MAX_QUEUED_RECORDS {
            return Err(QueueFull);
        }
        inner.follow(&record);
        inner.queue.push(record);
        Ok(())
    }

    /// How many accepted records wait for a block.
    #[must_use]
    pub fn queued(&self) -> usize {
        self.inner().queue.len()
    }

    /// What block `height` should write from the queue, if anything: `None`
    /// when the height is reserved to the demo, already has stored entries,
    /// or the queue is empty. Nothing changes until
    /// [`TraceLedger::written`].
    #[must_use]
    pub fn next_block(&self, height: u64) -> Option<(Vec<Entry>, usize)> {
        let inner = self.inner();
        if height <= self.reserved || inner.stored.contains_key(&height) || inner.queue.is_empty() {
            return None;
        }
        let taken = inner.queue.len().min(MAX_RECORDS_PER_BLOCK);
        let records = inner.queue.get(..taken)?;
        Some((record_entries(records), taken))
    }

    /// Block `height` wrote `entries`, the first `taken` queued records
    /// (the store keeps them now).
    pub fn written(&self, height: u64, entries: Vec<Entry>, taken: usize) {
        let mut inner = self.inner();
        let taken = taken.min(inner.queue.len());
        inner.queue.drain(..taken);
        inner.stored.insert(height, entries);
    }
}

impl SubchainStates for TraceLedger {
    fn state_at(&self, height: u64) -> StateMap {
        self.state(height)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use jifen_protocol::provenance::{Gtin, record_entry_key};
    use jifen_protocol::{PublicKey, Signature};

    use super::*;
    use crate::keys::NodeKey;

    fn record(serial: &str, index: u32, prev: Hash32) -> ProvenanceRecord {
        let key = NodeKey::devnet_role("ledger-test").unwrap();
        let item = ItemId::new(Gtin::parse("06901234567892").unwrap(), serial).unwrap();
        let signature: Signature = key.sign_digest(&[index as u8 + 1; 32]).unwrap();
        let signer: PublicKey = key.public_key();
        ProvenanceRecord {
            item,
            index,
            prev,
            event: b"{}".to_vec(),
            event_hash: Hash32([7; 32]),
            signer,
            signature,
        }
    }

    #[test]
    fn queued_records_wait_for_the_reserved_heights_then_join_the_state() {
        let first = record("A", 0, Hash32::ZERO);
        let demo = BTreeMap::from([(2, record_entries(std::slice::from_ref(&first)))]);
        let ledger = TraceLedger::new(demo, 3, Vec::new());
        let item = first.item.clone();
        assert_eq!(ledger.tail(&item).count, 1);
        assert_eq!(ledger.tail(&item).last_leaf, first.leaf());
        let second = record("A", 1, first.leaf());
        ledger.enqueue(second.clone()).unwrap();
        assert_eq!(ledger.tail(&item).count, 2);
        assert!(ledger.next_block(3).is_none(), "reserved to the demo");
        let (entries, taken) = ledger.next_block(4).unwrap();
        assert_eq!(taken, 1);
        assert_eq!(entries.len(), 2);
        let key = subchain_state_key(&record_entry_key(&item, 1));
        assert!(ledger.state(4).get(&key).is_none());
        ledger.written(4, entries.clone(), taken);
        assert_eq!(ledger.queued(), 0);
        assert!(ledger.next_block(4).is_none(), "written once");
        assert!(ledger.state(3).get(&key).is_none());
        assert_eq!(
            ledger.state(4).get(&key),
            Some(second.entry().value.as_slice())
        );
        assert!(ledger.entries(4).ends_with(&entries));
        // A restart from the store gives the same states and tails.
        let again = TraceLedger::new(
            BTreeMap::from([(2, record_entries(&[first]))]),
            3,
            vec![(4, entries)],
        );
        assert_eq!(again.state(4), ledger.state(4));
        assert_eq!(again.tail(&item), ledger.tail(&item));
        assert_eq!(again.items(), vec![item]);
    }
}
