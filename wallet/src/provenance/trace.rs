//! Use case: **trace a product**: scan its tag, fetch its records, anchor,
//! sales and parties with proofs, check everything, say what was found.
//!
//! The IO: a sync of the main chain; the anchor, sales and parties proven
//! at the verified head; the records' subchain audited (resuming from the
//! kept checkpoint) and the records proven against the audited header.
//! The checks are the pure [`jifen_light_client::provenance::check`].

use std::collections::BTreeMap;
use std::time::Instant;

use jifen_light_client::provenance::{Lookup, LookupInput, Purpose, check};
use jifen_protocol::provenance::{
    AnchorRecord, PartyRecord, ProvenanceRecord, SalesRecord, anchor_key, party_key, sales_key,
};
use jifen_protocol::{Address, Decode, Hash32};

use super::bundle::ProvenanceBundle;
use super::error::ProvenanceFlowError;
use super::tag;
use super::timeline;
use super::views::{TraceProgressView, TracePurpose, TraceView};
use crate::chain::{ChainReader, ChainSession};
use crate::jobs::CancelToken;
use crate::subchains::audit::audit;
use crate::subchains::book::AuditBook;
use crate::subchains::views::AuditStateView;
use crate::views::ProvenAt;

/// A lookup's view and the bundle that proves it.
#[derive(Debug, Clone)]
pub struct Traced {
    /// What the front ends show.
    pub view: TraceView,
    /// Everything it was proven with, to export.
    pub bundle: ProvenanceBundle,
}

fn decode_at<T: Decode>(
    what: &'static str,
    bytes: Option<Vec<u8>>,
) -> Result<Option<T>, ProvenanceFlowError> {
    bytes
        .map(|bytes| T::decode(&bytes))
        .transpose()
        .map_err(|error| ProvenanceFlowError::RecordMalformed {
            what,
            detail: error.to_string(),
        })
}

/// The party records of `addresses`, proven at the verified head.
///
/// # Errors
/// Light-client errors; [`ProvenanceFlowError::RecordMalformed`].
pub fn parties(
    reader: &ChainReader,
    addresses: impl IntoIterator<Item = Address>,
) -> Result<BTreeMap<Address, Option<PartyRecord>>, ProvenanceFlowError> {
    let mut parties = BTreeMap::new();
    for address in addresses {
        if parties.contains_key(&address) {
            continue;
        }
        let proven = reader.state(&party_key(&address))?;
        parties.insert(address, decode_at("party record", proven.value)?);
    }
    Ok(parties)
}

fn ms_since(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Looks up the product `tag_text` names: syncs, proves its anchor, sales
/// and parties, audits its records' subchain and proves its records, then
/// checks everything.
///
/// # Errors
/// `tag-*` (not a product tag), `trace-wrong-network`, light-client and
/// subchain audit errors, `trace-subchain-untrusted` (the records'
/// subchain failed its audit), `trace-record-malformed`; cancelled.
pub fn trace(
    session: &mut ChainSession,
    tag_text: &str,
    purpose: TracePurpose,
    progress: &mut dyn FnMut(&TraceProgressView),
    cancel: &CancelToken,
) -> Result<Traced, ProvenanceFlowError> {
    let product = tag::parse_for(tag_text, session.network())?;
    let item = product.item.clone();
    let step = |stage: &str, done: u64, total: u64| TraceProgressView {
        stage: stage.to_owned(),
        done,
        total,
    };
    let fetch_started = Instant::now();
    progress(&step("sync", 0, 0));
    session.sync(&mut |_| {}, cancel)?;
    let reader = session.reader();
    let anchor_proven = reader.state(&anchor_key(&item))?;
    let proven_at = ProvenAt {
        height: anchor_proven.height,
        header_hash: anchor_proven.header_hash.to_string(),
    };
    let anchor: Option<AnchorRecord> = decode_at("anchor record", anchor_proven.value.clone())?;
    let sales_proven = reader.state(&sales_key(&item))?;
    let sales: Option<SalesRecord> = decode_at("sales record", sales_proven.value.clone())?;
    let mut records = Vec::new();
    let mut subchain_height = 0;
    let mut subchain_header = None;
    if let Some(anchor) = &anchor {
        let id = anchor.subchain;
        let audited = audit(
            session,
            id,
            &mut |p| progress(&step("audit", p.checked, p.total)),
            cancel,
        )?;
        let state = audited.subchain.audit.as_ref().map(|a| a.state);
        if matches!(state, Some(AuditStateView::Failed) | None) {
            return Err(ProvenanceFlowError::SubchainUntrusted { subchain: id.get() });
        }
        let checkpoint = AuditBook::of(session)
            .checkpoint(id)
            .ok_or(ProvenanceFlowError::SubchainUntrusted { subchain: id.get() })?;
        progress(&step("records", 0, 0));
        let proven = session.provenance_records(&checkpoint, &item)?;
        subchain_height = proven.height;
        subchain_header = checkpoint.anchored(proven.height).map(|a| a.header_hash);
        records = proven.records;
    }
    let signers = records.iter().filter_map(|bytes| {
        bytes
            .as_ref()
            .and_then(|b| ProvenanceRecord::decode(b).ok())
            .map(|r| r.signer_address())
    });
    let others = anchor
        .iter()
        .map(|a| a.issuer)
        .chain(sales.iter().flat_map(|s| s.sales.iter().map(|sale| sale.seller)));
    let parties = parties(&reader, signers.chain(others).collect::<Vec<_>>())?;
    let fetch_ms = ms_since(fetch_started);
    progress(&step("verify", 0, records.len() as u64));
    let verify_started = Instant::now();
    let lookup: Lookup = check(&LookupInput {
        chain_id: session.settings().chain_id(),
        item: &item,
        anchor: anchor.as_ref(),
        sales: sales.as_ref(),
        records: &records,
        parties: &parties,
        purpose: match purpose {
            TracePurpose::Inspect => Purpose::Inspect,
            TracePurpose::Counter => Purpose::Counter,
        },
    });
    let verify_ms = ms_since(verify_started);
    let view = timeline::view(
        session.network(),
        tag::view(tag_text.trim(), &product),
        purpose,
        &lookup,
        anchor.as_ref(),
        sales.as_ref(),
        &parties,
        proven_at,
        subchain_height,
        (fetch_ms, verify_ms),
    );
    let bundle = ProvenanceBundle::new(
        &view,
        &item,
        anchor_proven.value,
        sales_proven.value,
        &parties,
        subchain_header.unwrap_or(Hash32::ZERO),
        records,
    );
    Ok(Traced { view, bundle })
}
