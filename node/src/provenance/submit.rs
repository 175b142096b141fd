//! The checks a submitted record passes before the node queues it for its
//! provenance subchain (`docs/rpc.md#jifen_provenancesubmit`), in order:
//! the signature over the record's digest (1320), its place in the item's
//! history (1321), its link to the last record (1322), its event (1323),
//! the signer's registration at the event's time (1302, 1303) and its
//! roles allowing the event's business step (1324).

use jifen_protocol::provenance::{PartyRecord, ProvenanceError, ProvenanceRecord, party_key};
use jifen_protocol::{ChainId, Decode, StateMap};

use super::ledger::Tail;

/// The event a record carries, read and checked against the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEvent {
    /// Its time (UTC ms).
    pub time_ms: u64,
    /// Its business step (CBV short name).
    pub biz_step: String,
}

fn bad_event(reason: impl Into<String>) -> ProvenanceError {
    ProvenanceError::RecordBadEvent(reason.into())
}

/// Reads the record's event: exactly one EPCIS 2.0 event, whose CBV 2.0
/// hash is the record's `event_hash`, that names the record's item, with
/// a business step and a time after 1970.
///
/// # Errors
/// [`ProvenanceError::RecordBadEvent`] with the reason.
pub fn check_event(record: &ProvenanceRecord) -> Result<CheckedEvent, ProvenanceError> {
    let mut events = jifen_gs1::parse_events(&record.event)
        .map_err(|error| bad_event(format!("not EPCIS 2.0 JSON: {error}")))?;
    if events.len() != 1 {
        return Err(bad_event(format!(
            "a record holds one event, this one holds {}",
            events.len()
        )));
    }
    let event = events.remove(0);
    if event.hash().0 != record.event_hash.0 {
        return Err(bad_event(
            "the event's CBV 2.0 hash is not the record's event hash",
        ));
    }
    if !event.mentions(&record.item) {
        return Err(bad_event(format!(
            "the event does not name the item {}",
            record.item
        )));
    }
    let biz_step = event
        .biz_step()
        .ok_or_else(|| bad_event("the event has no business step"))?;
    let time_ms = u64::try_from(event.event_time_ms())
        .map_err(|_| bad_event("the event's time is before 1970"))?;
    Ok(CheckedEvent { time_ms, biz_step })
}

/// The registration of the record's signer in the main chain's `state`.
///
/// # Errors
/// [`ProvenanceError::NotAParty`] when a stored record does not decode
/// either (the state is the node's own; a corrupt record is no party).
pub fn signer_party(
    state: &StateMap,
    record: &ProvenanceRecord,
) -> Result<PartyRecord, ProvenanceError> {
    let address = record.signer_address();
    state
        .get(&party_key(&address))
        .and_then(|bytes| PartyRecord::decode(bytes).ok())
        .ok_or(ProvenanceError::NotAParty(address))
}

/// Every check of a submitted record against the item's `tail` on the
/// subchain and the main chain's `state`; the checked event on success.
///
/// # Errors
/// The first check that fails, as its [`ProvenanceError`].
pub fn check_record(
    chain_id: &ChainId,
    state: &StateMap,
    tail: Tail,
    record: &ProvenanceRecord,
) -> Result<CheckedEvent, ProvenanceError> {
    record
        .signer
        .verify_prehash(&record.digest(chain_id), &record.signature)
        .map_err(|_| ProvenanceError::RecordBadSignature)?;
    if record.index != tail.count {
        return Err(ProvenanceError::RecordWrongIndex {
            expected: tail.count,
            got: record.index,
        });
    }
    if record.prev != tail.last_leaf {
        return Err(ProvenanceError::RecordBrokenLink);
    }
    let event = check_event(record)?;
    let party = signer_party(state, record)?;
    if !party.registered_at(event.time_ms) {
        return Err(ProvenanceError::OutOfPeriod(record.signer_address()));
    }
    if !party.roles.may_record(&event.biz_step) {
        return Err(ProvenanceError::RecordStepNotAllowed(event.biz_step));
    }
    Ok(event)
}
