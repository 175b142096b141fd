//! What the provenance use cases return.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::views::{ErrorView, ProvenAt};

/// Why the item is being looked up: a counter scan treats an item already
/// sold as a copy; an inspection (a consumer after buying) shows the sale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TracePurpose {
    /// Look at the item's history (a consumer, an auditor).
    #[default]
    Inspect,
    /// A merchant at the counter (receiving or about to sell): a recorded
    /// sale means this tag is a copy.
    Counter,
}

/// The verdict of a lookup, most severe first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictView {
    /// No anchor and no records: the chain does not know this item.
    UnknownProduct,
    /// A record fails its hash, signature or link, or the anchor does not
    /// cover the records as they are now.
    Tampered,
    /// A record is signed by a key that was not a registered party in a
    /// role for that step at the record's time.
    SignerNotRegistered,
    /// A second sale, a counter scan of a sold item, or one serial in two
    /// places at once.
    SuspectedClone,
    /// Every check passed, but records exist beyond the last anchor.
    Unanchored,
    /// Every record checked and anchored.
    Authentic,
}

/// The parsed identifiers of a tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TagView {
    /// The tag as read.
    pub uri: String,
    /// The item's canonical Digital Link (`https://id.gs1.org/01/.../21/...`).
    pub canonical: String,
    /// GTIN-14.
    pub gtin: String,
    /// Serial number (AI 21).
    pub serial: String,
    /// Batch/lot (AI 10).
    pub lot: Option<String>,
    /// Expiry date (AI 17) as `YYYY-MM-DD` (`DD` `00`: end of month).
    pub expiry: Option<String>,
    /// The network the tag names (`net=`), if any.
    pub network: Option<String>,
    /// The resolver host.
    pub resolver: String,
}

/// A party as a lookup shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartyView {
    /// Its address (this network's text form).
    pub address: String,
    /// Its registered name; `None` when not registered.
    pub name: Option<String>,
    /// Its registered roles (`producer`, `warehouse`, ...).
    pub roles: Vec<String>,
}

/// The checks of one record (`true`: passed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordChecksView {
    /// The event's CBV 2.0 hash, recomputed, equals the signed one.
    pub hash: bool,
    /// The signature verifies.
    pub signature: bool,
    /// It links to the previous record (and names this item).
    pub link: bool,
    /// Its signer was a registered party in a role for its step at its time.
    pub signer: bool,
    /// It is covered by a main-chain anchor that matches.
    pub anchored: bool,
    /// It is in a sane place of the business steps.
    pub order: bool,
}

/// One labelled detail of a record (lot, expiry, origin, quality...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DetailView {
    /// The field's name as written in the event (e.g. `cbvmda:lotNumber`).
    pub name: String,
    /// Its value as text.
    pub value: String,
}

/// One record of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TraceRecordView {
    /// Place in the item's history, from 0.
    pub index: u32,
    /// `object`, `aggregation`, `transformation`, `transaction`, `association`.
    pub event_kind: String,
    /// CBV business step short name (`receiving`...); front ends translate
    /// `step-<name>` and show the name itself when unknown.
    pub biz_step: Option<String>,
    /// CBV disposition short name.
    pub disposition: Option<String>,
    /// `ADD`, `OBSERVE`, `DELETE`.
    pub action: Option<String>,
    /// Event time, UTC milliseconds.
    pub time_ms: i64,
    /// The event's time zone offset (`+08:00`), to show local time.
    pub time_zone: String,
    /// The event's local time, `YYYY-MM-DD HH:MM` in its own time zone.
    pub local_time: String,
    /// A readable place name when the event carries one, else the location.
    pub place: Option<String>,
    /// Business location (an SGLN Digital Link).
    pub biz_location: Option<String>,
    /// Read point.
    pub read_point: Option<String>,
    /// Who signed it.
    pub party: PartyView,
    /// The CBV 2.0 event hash as signed (`ni:///sha-256;...?ver=CBV2.0`).
    pub event_hash: String,
    /// Lot, expiry, origin, quality and other details.
    pub details: Vec<DetailView>,
    /// Personal data in the record is encrypted for this party (its name,
    /// or its address when not registered).
    pub sealed_for: Option<String>,
    /// The checks.
    pub checks: RecordChecksView,
    /// The first failed check, translated by the front end.
    pub problem: Option<ErrorView>,
}

/// One recorded sale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaleView {
    /// The retailer.
    pub seller: PartyView,
    /// The block's time, UTC ms.
    pub time_ms: u64,
    /// The main-chain height.
    pub main_height: u64,
}

/// The item's anchor on the main chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnchorView {
    /// The tag issuer.
    pub issuer: PartyView,
    /// The subchain holding the records.
    pub subchain: u32,
    /// Records the latest anchor covers.
    pub count: u32,
    /// The main-chain height of the latest anchor.
    pub main_height: u64,
    /// How many times it was anchored or extended.
    pub anchorings: u32,
}

/// The result of a lookup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TraceView {
    /// The tag.
    pub tag: TagView,
    /// Why it was looked up.
    pub purpose: TracePurpose,
    /// The verdict.
    pub verdict: VerdictView,
    /// Every reason for it (the first is the main one), translated by the
    /// front end (`trace-reason-*` messages).
    pub reasons: Vec<ErrorView>,
    /// The records, oldest first.
    pub records: Vec<TraceRecordView>,
    /// The anchor, if any.
    pub anchor: Option<AnchorView>,
    /// Every recorded sale.
    pub sales: Vec<SaleView>,
    /// The verified main-chain header the parties, anchor and sales were
    /// proven against.
    pub proven_at: ProvenAt,
    /// The audited subchain height the records were proven at (0 when none).
    pub subchain_height: u64,
    /// Time spent fetching from nodes, ms.
    pub fetch_ms: u64,
    /// Time spent verifying, ms.
    pub verify_ms: u64,
}

/// A record this wallet appended (receiving goods) or a sale it recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordedView {
    /// The item's tag.
    pub tag: TagView,
    /// `receiving` or `retail_selling`.
    pub biz_step: String,
    /// The record's index (receiving) on the subchain.
    pub index: Option<u32>,
    /// The event hash (receiving).
    pub event_hash: Option<String>,
    /// The main-chain transaction id (sale).
    pub tx_id: Option<String>,
    /// Where it was proven: the audited subchain height (receiving) or the
    /// main-chain header (sale).
    pub proven_at: ProvenAt,
}

/// One event's hash, as `jifen epcis hash` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventHashView {
    /// Position in the document, from 0.
    pub index: u32,
    /// `ni:///sha-256;<hex>?ver=CBV2.0`.
    pub hash: String,
}

/// Where a lookup stands (streamed while it runs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TraceProgressView {
    /// `sync` (the main chain), `audit` (the records' subchain), `records`
    /// (fetching them), `verify`.
    pub stage: String,
    /// Done so far in this stage.
    pub done: u64,
    /// Total in this stage (0 when unknown).
    pub total: u64,
}
