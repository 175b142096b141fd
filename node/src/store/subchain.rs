//! The subchain tables: each block's anchor leaves, and per subchain its
//! anchored reports and the headers the main chain holds (the layout is
//! in the parent module's table).

use jifen_protocol::subchain::{
    AnchorLeaf, Entry, Outcome, SubchainHeader, SubchainId, SubchainReport, rules::ANCHOR_LEAF_LEN,
};
use jifen_protocol::{Decode, Encode, Reader, encoding::put_len};
use redb::{ReadableDatabase, TableDefinition, WriteTransaction};

use super::{MAX_CHANGES, Store, StoreError, corrupt, db_err};

pub(super) const ANCHORS: TableDefinition<u64, &[u8]> = TableDefinition::new("anchors");
pub(super) const SUBCHAIN_REPORTS: TableDefinition<&[u8], &[u8]> =
    TableDefinition::new("subchain_reports");
pub(super) const SUBCHAIN_HEADERS: TableDefinition<&[u8], &[u8]> =
    TableDefinition::new("subchain_headers");
pub(super) const SUBCHAIN_ENTRIES: TableDefinition<&[u8], &[u8]> =
    TableDefinition::new("subchain_entries");

/// Most entries one stored subchain block holds.
pub const MAX_STORED_ENTRIES: usize = 65_536;

/// One accepted subchain report of a block.
#[derive(Debug, Clone)]
pub struct BlockAnchor {
    /// Its anchor leaf.
    pub leaf: AnchorLeaf,
    /// Its index among the subchain's anchored reports.
    pub index: u64,
    /// The report.
    pub report: SubchainReport,
}

/// An anchored report as the node keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReport {
    /// Its index among the subchain's anchored reports.
    pub index: u64,
    /// The main-chain block that anchored it.
    pub main_height: u64,
    /// Its leaf's index in that block's `anchors_root`.
    pub leaf_index: u32,
    /// What the main chain did with it.
    pub outcome: Outcome,
    /// The report.
    pub report: SubchainReport,
}

fn subchain_index_key(id: SubchainId, n: u64) -> [u8; 12] {
    let mut key = [0u8; 12];
    key[..4].copy_from_slice(&id.get().to_be_bytes());
    key[4..].copy_from_slice(&n.to_be_bytes());
    key
}

fn encode_anchors(anchors: &[BlockAnchor]) -> Vec<u8> {
    let mut out = Vec::new();
    put_len(&mut out, anchors.len());
    for anchor in anchors {
        anchor.leaf.encode_to(&mut out);
    }
    out
}

fn decode_anchors(bytes: &[u8]) -> Result<Vec<AnchorLeaf>, jifen_protocol::DecodeError> {
    let mut reader = Reader::new(bytes);
    let count = reader.count("anchors", 0, MAX_CHANGES, ANCHOR_LEAF_LEN)?;
    let mut leaves = Vec::with_capacity(count);
    for _ in 0..count {
        leaves.push(AnchorLeaf::decode_from(&mut reader)?);
    }
    reader.finish("anchor leaves")?;
    Ok(leaves)
}

fn decode_report(index: u64, bytes: &[u8]) -> Result<StoredReport, jifen_protocol::DecodeError> {
    let mut reader = Reader::new(bytes);
    let main_height = reader.u64("main height")?;
    let leaf_index = reader.u32("leaf index")?;
    let offset = reader.offset();
    let byte = reader.u8("outcome")?;
    let outcome = Outcome::from_u8(byte).ok_or(jifen_protocol::DecodeError::BadTag {
        field: "outcome",
        offset,
        got: byte,
    })?;
    let report = SubchainReport::decode_from(&mut reader)?;
    reader.finish("subchain report")?;
    Ok(StoredReport {
        index,
        main_height,
        leaf_index,
        outcome,
        report,
    })
}

/// Writes block `height`'s anchors and indexes its reports (inside the
/// block's write transaction).
pub(super) fn write_anchors(
    txn: &WriteTransaction,
    height: u64,
    anchors: &[BlockAnchor],
) -> Result<(), StoreError> {
    if !anchors.is_empty() {
        txn.open_table(ANCHORS)
            .map_err(db_err)?
            .insert(height, encode_anchors(anchors).as_slice())
            .map_err(db_err)?;
    }
    let mut reports = txn.open_table(SUBCHAIN_REPORTS).map_err(db_err)?;
    let mut headers = txn.open_table(SUBCHAIN_HEADERS).map_err(db_err)?;
    for (leaf_index, anchor) in anchors.iter().enumerate() {
        let id = anchor.leaf.subchain;
        let mut value = height.to_be_bytes().to_vec();
        value.extend_from_slice(&u32::try_from(leaf_index).unwrap_or(u32::MAX).to_be_bytes());
        value.push(anchor.leaf.outcome.to_u8());
        anchor.report.encode_to(&mut value);
        reports
            .insert(
                subchain_index_key(id, anchor.index).as_slice(),
                value.as_slice(),
            )
            .map_err(db_err)?;
        // The header the main chain now holds at that height (an
        // equivocation leaves the held one in place).
        if anchor.leaf.outcome != Outcome::Equivocation {
            let mut value = height.to_be_bytes().to_vec();
            anchor.report.header.encode_to(&mut value);
            headers
                .insert(
                    subchain_index_key(id, anchor.leaf.height).as_slice(),
                    value.as_slice(),
                )
                .map_err(db_err)?;
        }
    }
    Ok(())
}

impl Store {
    /// The anchor leaves of the block at `height`, in block order (empty
    /// when it anchored nothing).
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn anchors(&self, height: u64) -> Result<Vec<AnchorLeaf>, StoreError> {
        self.get_height(ANCHORS, height)?
            .map_or(Ok(Vec::new()), |b| {
                decode_anchors(&b).map_err(|e| corrupt("anchors", height, e))
            })
    }

    /// Up to `limit` anchored reports of subchain `id` from report index
    /// `from`, in anchoring order.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn subchain_reports(
        &self,
        id: SubchainId,
        from: u64,
        limit: usize,
    ) -> Result<Vec<StoredReport>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(SUBCHAIN_REPORTS).map_err(db_err)?;
        let start = subchain_index_key(id, from);
        let last = subchain_index_key(id, u64::MAX);
        let mut out = Vec::new();
        for item in table
            .range(start.as_slice()..=last.as_slice())
            .map_err(db_err)?
            .take(limit)
        {
            let (key, value) = item.map_err(db_err)?;
            let index = key
                .value()
                .get(4..12)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map_or(0, u64::from_be_bytes);
            out.push(
                decode_report(index, value.value())
                    .map_err(|e| corrupt("subchain report", hex::encode(key.value()), e))?,
            );
        }
        Ok(out)
    }

    /// The headers the main chain holds for subchain `id` at heights
    /// `from ..= to` that it has, each with the main height that anchored it.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn subchain_headers(
        &self,
        id: SubchainId,
        from: u64,
        to: u64,
    ) -> Result<Vec<(u64, SubchainHeader)>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(SUBCHAIN_HEADERS).map_err(db_err)?;
        let start = subchain_index_key(id, from);
        let last = subchain_index_key(id, to);
        let mut out = Vec::new();
        for item in table
            .range(start.as_slice()..=last.as_slice())
            .map_err(db_err)?
        {
            let (key, value) = item.map_err(db_err)?;
            let parse = |bytes: &[u8]| -> Result<_, jifen_protocol::DecodeError> {
                let mut reader = Reader::new(bytes);
                let main_height = reader.u64("main height")?;
                let header = SubchainHeader::decode_from(&mut reader)?;
                reader.finish("subchain header")?;
                Ok((main_height, header))
            };
            out.push(
                parse(value.value())
                    .map_err(|e| corrupt("subchain header", hex::encode(key.value()), e))?,
            );
        }
        Ok(out)
    }

    /// Keeps the entries this node wrote into block `height` of subchain
    /// `id` (durably, before the block is reported: a restart must give
    /// the state the reported header commits to). Writing a height again
    /// replaces its entries.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn put_subchain_entries(
        &self,
        id: SubchainId,
        height: u64,
        entries: &[Entry],
    ) -> Result<(), StoreError> {
        let mut value = Vec::new();
        put_len(&mut value, entries.len());
        for entry in entries {
            entry.encode_to(&mut value);
        }
        let txn = self.db.begin_write().map_err(db_err)?;
        txn.open_table(SUBCHAIN_ENTRIES)
            .map_err(db_err)?
            .insert(subchain_index_key(id, height).as_slice(), value.as_slice())
            .map_err(db_err)?;
        txn.commit().map_err(db_err)
    }

    /// Every height of subchain `id` with the entries kept for it
    /// ([`Store::put_subchain_entries`]), in height order.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn subchain_entries(&self, id: SubchainId) -> Result<Vec<(u64, Vec<Entry>)>, StoreError> {
        let txn = self.db.begin_read().map_err(db_err)?;
        let table = txn.open_table(SUBCHAIN_ENTRIES).map_err(db_err)?;
        let start = subchain_index_key(id, 0);
        let last = subchain_index_key(id, u64::MAX);
        let mut out = Vec::new();
        for item in table
            .range(start.as_slice()..=last.as_slice())
            .map_err(db_err)?
        {
            let (key, value) = item.map_err(db_err)?;
            let height = key
                .value()
                .get(4..12)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map_or(0, u64::from_be_bytes);
            let parse = |bytes: &[u8]| -> Result<_, jifen_protocol::DecodeError> {
                let mut reader = Reader::new(bytes);
                let count = reader.count("entries", 0, MAX_STORED_ENTRIES, 8)?;
                let mut entries = Vec::with_capacity(count);
                for _ in 0..count {
                    entries.push(Entry::decode_from(&mut reader)?);
                }
                reader.finish("subchain entries")?;
                Ok(entries)
            };
            out.push((
                height,
                parse(value.value())
                    .map_err(|e| corrupt("subchain entries", hex::encode(key.value()), e))?,
            ));
        }
        Ok(out)
    }
}
