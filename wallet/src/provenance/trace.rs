//! Use case: **trace a product**: scan its tag, fetch its records, anchor,
//! sales and parties with proofs, check everything, say what was found.
//!
//! The IO: a sync of the main chain; the anchor, sales and parties proven
//! at the verified head; the records' subchain audited (resuming from the
//! kept checkpoint) and the records proven against the audited header.
//! The checks are the pure [`jifen_light_client::provenance::check()`].

use std::collections::BTreeMap;
use std::time::Instant;

use jifen_light_client::provenance::{Lookup, LookupInput, Purpose, check};
use jifen_protocol::provenance::{
    AnchorRecord, PartyRecord, ProvenanceRecord, SalesRecord, anchor_key, sales_key,
};
use jifen_protocol::subchain::AnchoredHeader;
use jifen_protocol::{Address, Decode, Encode};

use super::bundle::{self, ProvenanceBundle, StateEntry};
use super::error::{ProvenanceFlowError, decode_proven};
use super::tag;
use super::timeline;
use super::views::{TraceProgressView, TracePurpose, TraceView};
use crate::chain::ChainSession;
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

fn ms_since(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Looks up the product `tag_text` names: syncs, audits its records'
/// subchain and proves its records, then proves its anchor, sales and
/// parties (all at one verified header, kept with the records' proofs in
/// the bundle), and checks everything.
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
    // Where the records live and who sold it: read once to know what to
    // fetch; everything the verdict uses is proven again below at one header.
    let anchor: Option<AnchorRecord> = decode_proven(
        "anchor record",
        reader.state(&anchor_key(&item))?.value.as_deref(),
    )?;
    let sales: Option<SalesRecord> = decode_proven(
        "sales record",
        reader.state(&sales_key(&item))?.value.as_deref(),
    )?;
    let mut answers = Vec::new();
    let mut records = Vec::new();
    let mut subchain = None;
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
        subchain = Some((id, proven.height));
        records = proven.records;
        answers = proven.answers;
    }
    let mut addresses: Vec<Address> = records
        .iter()
        .filter_map(|bytes| {
            bytes
                .as_ref()
                .and_then(|b| ProvenanceRecord::decode(b).ok())
                .map(|r| r.signer_address())
        })
        .chain(anchor.iter().map(|a| a.issuer))
        .chain(
            sales
                .iter()
                .flat_map(|s| s.sales.iter().map(|sale| sale.seller)),
        )
        .collect();
    addresses.sort_unstable();
    addresses.dedup();
    let keys = bundle::keys(&item, subchain, &addresses);
    let hashes: Vec<_> = keys.iter().map(|(_, _, key)| *key).collect();
    let (main, proven) = session.states_bundle(&hashes)?;
    let at = main.path.last().unwrap_or(&main.root);
    let proven_at = ProvenAt {
        height: at.height(),
        header_hash: at.hash().to_string(),
    };
    let value = |i: usize| proven.get(i).and_then(|(_, value)| value.clone());
    let anchor: Option<AnchorRecord> = decode_proven("anchor record", value(0).as_deref())?;
    let sales: Option<SalesRecord> = decode_proven("sales record", value(1).as_deref())?;
    let first_party = if subchain.is_some() { 4 } else { 2 };
    if let Some((id, height)) = subchain {
        // The audit's header must be the one the main chain anchored.
        let anchored: Option<AnchoredHeader> =
            decode_proven("anchored header", value(3).as_deref())?;
        let audited = AuditBook::of(session)
            .checkpoint(id)
            .and_then(|c| c.anchored(height).map(|a| a.header_hash));
        if anchored.map(|a| a.header_hash) != audited {
            return Err(ProvenanceFlowError::RecordMalformed {
                what: "anchored header",
                detail: format!("subchain {id} height {height}: not the audited header"),
            });
        }
    }
    let mut parties = BTreeMap::new();
    for (i, address) in addresses.iter().enumerate() {
        let party: Option<PartyRecord> =
            decode_proven("party record", value(first_party + i).as_deref())?;
        parties.insert(*address, party);
    }
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
        subchain.map_or(0, |(_, height)| height),
        (fetch_ms, verify_ms),
    );
    let states = keys
        .iter()
        .zip(&proven)
        .map(|((what, party, _), (answer, _))| StateEntry {
            what: what.clone(),
            party: party.clone(),
            answer: hex::encode(answer.encode()),
        })
        .collect();
    let bundle = ProvenanceBundle::new(
        &item,
        tag_text.trim(),
        purpose,
        view.verdict,
        lookup
            .findings
            .iter()
            .map(|f| jifen_protocol::message::Coded::code(f).to_owned())
            .collect(),
        &main,
        states,
        subchain.map(|(id, _)| id.get()),
        &answers,
    );
    Ok(Traced { view, bundle })
}
