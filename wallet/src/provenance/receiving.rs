//! Use case: **receive goods**: a warehouse or a retailer appends a CBV
//! `receiving` record to an item's history on the provenance subchain,
//! signed by its registered party key, then sees it proven in an audited
//! subchain header. The devnet's tag issuer then extends the item's anchor.
//!
//! Three steps, like a send: [`prepare`] (proven reads: the party, the
//! anchor, the sales, the item's records; builds the EPCIS event),
//! [`PreparedRecord::sign`] (the keys), [`submit_and_prove`] (the node,
//! then the audit until the record is proven).

use std::time::{Duration, Instant};

use jifen_crypto::signer::Signer;
use jifen_gs1::{Action, EventBuilder, parse_events};
use jifen_protocol::provenance::{
    AnchorRecord, ItemId, PartyRecord, ProvenanceRecord, Role, SalesRecord, anchor_key,
    gs1_check_digit, party_key, sales_key,
};
use jifen_protocol::{Decode, Hash32, PublicKey};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{ProvenanceFlowError, decode_one};
use super::tag;
use super::timeline::PLACE_FIELD;
use super::views::{RecordedView, TagView, TraceProgressView};
use crate::action::now_ms;
use crate::chain::{ChainError, ChainSession};
use crate::jobs::CancelToken;
use crate::store::UnlockedWallet;
use crate::subchains::audit::audit;
use crate::subchains::book::AuditBook;
use crate::subchains::views::AuditStateView;
use crate::views::ProvenAt;
use crate::wallets::WalletFacts;

/// How long [`submit_and_prove`] waits for the record to be proven.
pub const PROVE_TIMEOUT: Duration = Duration::from_secs(90);

/// What to record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReceivingRequest {
    /// The item's tag.
    pub tag: String,
    /// Where: a 13-digit GLN or a GS1 Digital Link of a location (`/414/`).
    pub location: String,
    /// A readable name of the place (shown in timelines).
    pub place: Option<String>,
    /// The local time zone offset (`+08:00`; default `+08:00`).
    pub time_zone: Option<String>,
    /// The party's account (index).
    pub from_index: u32,
}

/// What the party confirms before signing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordReview {
    /// The item.
    pub tag: TagView,
    /// `receiving`.
    pub biz_step: String,
    /// The location (a Digital Link).
    pub location: String,
    /// The place's name.
    pub place: Option<String>,
    /// The party's registered name.
    pub party: String,
    /// The party's address.
    pub from: String,
    /// The record's place in the item's history.
    pub index: u32,
    /// The event's CBV 2.0 hash.
    pub event_hash: String,
    /// The event, as it will be stored (JSON).
    pub event: String,
}

/// A record ready to sign.
#[derive(Clone, Debug)]
pub struct PreparedRecord {
    record: ProvenanceRecord,
    from_index: u32,
    digest: [u8; 32],
    review: RecordReview,
    subchain: jifen_protocol::subchain::SubchainId,
}

/// A signed record, ready to submit.
#[derive(Clone, Debug)]
pub struct SignedRecord {
    record: ProvenanceRecord,
    review: RecordReview,
    subchain: jifen_protocol::subchain::SubchainId,
}

impl PreparedRecord {
    /// What the party confirms.
    #[must_use]
    pub fn review(&self) -> &RecordReview {
        &self.review
    }

    /// The digest the party signs (for a cold device).
    #[must_use]
    pub fn digest(&self) -> [u8; 32] {
        self.digest
    }

    /// Signs with the wallet's key.
    ///
    /// # Errors
    /// `chain-key-mismatch` when the key is not the party's; signing errors.
    pub fn sign(&self, keys: &UnlockedWallet) -> Result<SignedRecord, ProvenanceFlowError> {
        let key = keys
            .signing_key(self.from_index)
            .map_err(ChainError::from)?;
        if key.public_key() != self.record.signer {
            return Err(ChainError::KeyMismatch {
                index: self.from_index,
            }
            .into());
        }
        let signature = key
            .sign_digest(&self.digest)
            .map_err(|e| ChainError::from(crate::error::WalletError::from(e)))?;
        let mut record = self.record.clone();
        record.signature = signature;
        Ok(SignedRecord {
            record,
            review: self.review.clone(),
            subchain: self.subchain,
        })
    }
}

/// The location's Digital Link: a 13-digit GLN (check digit checked) or a
/// Digital Link holding `/414/<GLN>`.
///
/// # Errors
/// [`ProvenanceFlowError::LocationInvalid`].
pub fn location_uri(text: &str) -> Result<String, ProvenanceFlowError> {
    let text = text.trim();
    let invalid = || ProvenanceFlowError::LocationInvalid {
        text: text.to_owned(),
    };
    let gln = if text.len() == 13 && text.bytes().all(|b| b.is_ascii_digit()) {
        text
    } else {
        let (_, rest) = text.split_once("/414/").ok_or_else(invalid)?;
        let gln = rest.split(['/', '?']).next().unwrap_or_default();
        if gln.len() != 13 || !gln.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        if !text.starts_with("https://") && !text.starts_with("http://") {
            return Err(invalid());
        }
        return check_gln(gln).map(|()| text.to_owned()).ok_or_else(invalid);
    };
    check_gln(gln)
        .map(|()| format!("https://id.gs1.org/414/{gln}"))
        .ok_or_else(invalid)
}

fn check_gln(gln: &str) -> Option<()> {
    let (last, body) = gln.as_bytes().split_last()?;
    let check = gs1_check_digit(body)?;
    (body.len() == 12 && last.checked_sub(b'0') == Some(check)).then_some(())
}

/// The item's records' subchain, audited: the audit checkpoint.
fn audited(
    session: &mut ChainSession,
    subchain: jifen_protocol::subchain::SubchainId,
    progress: &mut dyn FnMut(&TraceProgressView),
    cancel: &CancelToken,
) -> Result<jifen_light_client::subchain::SubchainAudit, ProvenanceFlowError> {
    let audited = audit(
        session,
        subchain,
        &mut |p| {
            progress(&TraceProgressView {
                stage: "audit".into(),
                done: p.checked,
                total: p.total,
            });
        },
        cancel,
    )?;
    if matches!(
        audited.subchain.audit.as_ref().map(|a| a.state),
        Some(AuditStateView::Failed) | None
    ) {
        return Err(ProvenanceFlowError::SubchainUntrusted {
            subchain: subchain.get(),
        });
    }
    AuditBook::of(session)
        .checkpoint(subchain)
        .ok_or(ProvenanceFlowError::SubchainUntrusted {
            subchain: subchain.get(),
        })
}

/// The leaf of the item's last record and the item's record count.
fn last_leaf(records: &[Option<Vec<u8>>]) -> Result<(Hash32, u32), ProvenanceFlowError> {
    let count = u32::try_from(records.len()).unwrap_or(u32::MAX);
    match records.last() {
        None => Ok((Hash32::ZERO, 0)),
        Some(None) => Err(ProvenanceFlowError::RecordMalformed {
            what: "provenance record",
            detail: "the item's last record is missing".into(),
        }),
        Some(Some(bytes)) => {
            let record: ProvenanceRecord = decode_one("provenance record", bytes)?;
            Ok((record.leaf(), count))
        }
    }
}

/// Checks that the account is a party that may record `receiving` now,
/// that the item is anchored and not sold, reads its records (auditing
/// its subchain), and builds the record to sign.
///
/// # Errors
/// `tag-*`, `trace-location-invalid`, `trace-not-a-party`,
/// `trace-not-anchored`, `trace-already-sold`, audit and light-client
/// errors.
pub fn prepare(
    session: &mut ChainSession,
    facts: &WalletFacts,
    request: &ReceivingRequest,
    progress: &mut dyn FnMut(&TraceProgressView),
    cancel: &CancelToken,
) -> Result<PreparedRecord, ProvenanceFlowError> {
    let product = tag::parse_for(&request.tag, facts.network)?;
    let item: ItemId = product.item.clone();
    let location = location_uri(&request.location)?;
    let signer: PublicKey = facts
        .public_key(request.from_index)
        .map_err(ChainError::from)?;
    let address = signer.address();
    session.sync(&mut |_| {}, cancel)?;
    let reader = session.reader();
    let now = now_ms();
    let party: Option<PartyRecord> = reader
        .state(&party_key(&address))?
        .value
        .as_deref()
        .map(|b| decode_one("party record", b))
        .transpose()?;
    let party = party
        .filter(|p| p.registered_at(now) && p.roles.may_record("receiving"))
        .ok_or_else(|| ProvenanceFlowError::NotAParty {
            role: format!("{} / {}", Role::Warehouse.as_str(), Role::Retailer.as_str()),
        })?;
    let anchor: AnchorRecord = match reader.state(&anchor_key(&item))?.value.as_deref() {
        Some(bytes) => decode_one("anchor record", bytes)?,
        None => return Err(ProvenanceFlowError::NotAnchored),
    };
    if let Some(bytes) = reader.state(&sales_key(&item))?.value {
        let sales: SalesRecord = decode_one("sales record", &bytes)?;
        if let Some(first) = sales.sales.first() {
            return Err(ProvenanceFlowError::AlreadySold {
                height: first.height,
            });
        }
    }
    let checkpoint = audited(session, anchor.subchain, progress, cancel)?;
    let records = session.provenance_records(&checkpoint, &item)?;
    let (prev, index) = last_leaf(&records.records)?;
    let time_zone = request
        .time_zone
        .clone()
        .unwrap_or_else(|| "+08:00".to_owned());
    let mut builder = EventBuilder::object(
        i64::try_from(now).unwrap_or(i64::MAX),
        &time_zone,
        Action::Observe,
        "receiving",
    )
    .epc(&item)
    .disposition("in_progress")
    .read_point(&location)
    .biz_location(&location);
    if let Some(place) = request
        .place
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        builder = builder.extension(PLACE_FIELD, serde_json::Value::String(place.to_owned()));
    }
    let json = builder.build();
    let event_bytes =
        serde_json::to_vec(&json).map_err(|e| ProvenanceFlowError::RecordMalformed {
            what: "event",
            detail: e.to_string(),
        })?;
    let event = parse_events(&event_bytes)?
        .into_iter()
        .next()
        .ok_or_else(|| ProvenanceFlowError::RecordMalformed {
            what: "event",
            detail: "the built event does not parse".into(),
        })?;
    let event_hash = Hash32(event.hash().0);
    let chain_id = session.settings().chain_id().clone();
    let record = ProvenanceRecord {
        item: item.clone(),
        index,
        prev,
        event: event_bytes.clone(),
        event_hash,
        signer,
        signature: jifen_protocol::Signature::from_bytes(&[0; 64]).map_err(|e| {
            ProvenanceFlowError::RecordMalformed {
                what: "signature",
                detail: e.to_string(),
            }
        })?,
    };
    let digest = record.digest(&chain_id);
    Ok(PreparedRecord {
        review: RecordReview {
            tag: tag::view(request.tag.trim(), &product),
            biz_step: "receiving".into(),
            location,
            place: request.place.clone(),
            party: party.name,
            from: address.encode(facts.network),
            index,
            event_hash: event.hash().to_string(),
            event: String::from_utf8_lossy(&event_bytes).into_owned(),
        },
        record,
        from_index: request.from_index,
        digest,
        subchain: anchor.subchain,
    })
}

/// Submits the signed record, then audits the subchain until the record
/// is proven in an audited header (at most [`PROVE_TIMEOUT`]).
///
/// # Errors
/// `chain-rejected` with the node's reason (e.g.
/// `provenance-record-wrong-index` when someone recorded first),
/// `trace-record-timeout`, audit and light-client errors; cancelled.
pub fn submit_and_prove(
    session: &mut ChainSession,
    signed: &SignedRecord,
    progress: &mut dyn FnMut(&TraceProgressView),
    cancel: &CancelToken,
) -> Result<RecordedView, ProvenanceFlowError> {
    session
        .reader()
        .submit_record(signed.subchain, &signed.record)?;
    let started = Instant::now();
    let item = &signed.record.item;
    loop {
        if cancel.is_cancelled() {
            return Err(ChainError::Cancelled.into());
        }
        session.sync(&mut |_| {}, cancel)?;
        let checkpoint = audited(session, signed.subchain, progress, cancel)?;
        let records = session.provenance_records(&checkpoint, item)?;
        let stored = records
            .records
            .get(signed.record.index as usize)
            .and_then(Option::as_ref)
            .and_then(|bytes| ProvenanceRecord::decode(bytes).ok());
        if stored.as_ref() == Some(&signed.record) {
            return Ok(RecordedView {
                tag: signed.review.tag.clone(),
                biz_step: signed.review.biz_step.clone(),
                index: Some(signed.record.index),
                event_hash: Some(signed.review.event_hash.clone()),
                tx_id: None,
                proven_at: ProvenAt {
                    height: records.height,
                    header_hash: checkpoint
                        .anchored(records.height)
                        .map(|a| a.header_hash.to_string())
                        .unwrap_or_default(),
                },
            });
        }
        let waited = started.elapsed();
        if waited >= PROVE_TIMEOUT {
            return Err(ProvenanceFlowError::RecordTimeout {
                waited_ms: u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
            });
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}
