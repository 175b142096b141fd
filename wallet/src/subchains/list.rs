//! Use case: **list the subchains** with their proven records and this
//! wallet's audit status (no audit runs here: see [`super::audit`]).

use jifen_light_client::Proven;
use jifen_protocol::subchain::keys::subchain_registry_key;
use jifen_protocol::subchain::{
    ConsensusParams, SubchainId, SubchainRecord, SubchainRegistry, SubchainStatus,
};
use jifen_protocol::{Decode, Network};

use super::book::AuditBook;
use super::error::SubchainFlowError;
use super::views::{
    AuditStateView, AuditSummaryView, PowParamsView, SubchainKindView, SubchainListView,
    SubchainStatusView, SubchainView,
};
use crate::chain::ChainReader;
use crate::points::AssetInfo;
use crate::views::ProvenAt;

/// Most subchains one list proves.
pub const MAX_LISTED: u32 = 256;

fn decode<T: Decode>(bytes: &[u8]) -> Result<T, SubchainFlowError> {
    T::decode(bytes).map_err(|error| SubchainFlowError::RecordMalformed {
        detail: error.to_string(),
    })
}

/// Every registered subchain (at most [`MAX_LISTED`]), proven at the
/// verified head, with this wallet's audit status.
///
/// # Errors
/// Light-client errors, `subchain-record-malformed`.
pub fn list(reader: &ChainReader) -> Result<SubchainListView, SubchainFlowError> {
    let book = AuditBook::new(reader.dir());
    let followed = book.followed();
    let registry = reader.state(&subchain_registry_key())?;
    let count = match registry.value.as_deref() {
        Some(bytes) => decode::<SubchainRegistry>(bytes)?.count,
        None => 0,
    };
    let mut subchains = Vec::new();
    for n in 1..=count.min(MAX_LISTED) {
        let Some(id) = SubchainId::new(n) else {
            continue;
        };
        if let Some(proven) = reader.subchain_record(id)? {
            subchains.push(view(
                id,
                &proven,
                book.summary(id),
                followed.contains(&id),
                reader.network(),
            ));
        }
    }
    let alerted = subchains
        .iter()
        .filter(|s| matches!(s.state, AuditStateView::Alert | AuditStateView::Failed))
        .count();
    Ok(SubchainListView {
        registered: count,
        alerted: u32::try_from(alerted).unwrap_or(u32::MAX),
        subchains,
        proven: ProvenAt::of(&registry),
    })
}

/// The audit's verdict on `record`: a clean audit that has not reached the
/// record's report count is behind.
#[must_use]
pub fn state_against(
    record: &SubchainRecord,
    summary: Option<&AuditSummaryView>,
) -> AuditStateView {
    match summary {
        None => AuditStateView::NotAudited,
        Some(summary) => match summary.state {
            AuditStateView::Clean | AuditStateView::Behind if summary.reports < record.reports => {
                AuditStateView::Behind
            }
            AuditStateView::Behind => AuditStateView::Clean,
            state => state,
        },
    }
}

/// The view of subchain `id`'s proven `record`.
#[must_use]
pub fn view(
    id: SubchainId,
    record: &Proven<SubchainRecord>,
    audit: Option<AuditSummaryView>,
    followed: bool,
    network: Network,
) -> SubchainView {
    let r = &record.value;
    let (kind, genesis_committee, pow) = match &r.params {
        ConsensusParams::Bft {
            genesis_validators_hash,
        } => (
            SubchainKindView::Bft,
            Some(genesis_validators_hash.to_string()),
            None,
        ),
        ConsensusParams::PowXor(p) => (
            SubchainKindView::PowXor,
            None,
            Some(PowParamsView {
                initial_bits: u32::from(p.initial_bits),
                min_bits: u32::from(p.min_bits),
                retarget_interval: p.retarget_interval,
                target_spacing_ms: p.target_spacing_ms,
            }),
        ),
    };
    let (status, halted_at) = match r.status {
        SubchainStatus::Active => (SubchainStatusView::Active, None),
        SubchainStatus::Halted { height } => (SubchainStatusView::Halted, Some(height)),
        SubchainStatus::Retired => (SubchainStatusView::Retired, None),
    };
    SubchainView {
        id: id.get(),
        name: r.name.clone(),
        kind,
        status,
        halted_at,
        owner: r.owner.encode(network),
        stake: AssetInfo::point().amount(r.stake),
        registered_at: r.registered_at,
        genesis_committee,
        pow,
        anchored_height: r.tip.height,
        anchored_tip: r.tip.hash.to_string(),
        reports: r.reports,
        last_anchor: r.last_anchor_height,
        followed,
        state: state_against(r, audit.as_ref()),
        audit,
        proven: ProvenAt::of(record),
    }
}
