//! A lookup's **audit bundle** (`jifen-provenance-bundle/1`,
//! `docs/traceability.md#bundles`): the verdict and every proof it was
//! decided from, re-checkable offline by anyone with a root of trust.
//!
//! - `main`: an audit bundle of the main chain (the root of trust and the
//!   verified path to header `H`);
//! - `states`: state answers at `H` for the item's anchor and sales, the
//!   records' subchain, the anchored subchain header the records are
//!   proven against (`AnchoredHeader` at the records' height), and every
//!   party;
//! - `subchain`: the subchain header and the records' pages, each value
//!   with its proof under the header's state root.
//!
//! [`verify`] re-checks the path, each state answer against `H`, the
//! subchain header against the anchored one (and that the subchain had
//! not halted at or below it), each record against the header, then runs
//! the same pure checks as the lookup and compares the verdict.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jifen_light_client::proof::{UntrustedState, verify_state};
use jifen_light_client::provenance::{LookupInput, Purpose, UntrustedRecords, check};
use jifen_light_client::{AuditBundle, RECORDS_PAGE};
use jifen_protocol::provenance::{
    AnchorRecord, ItemId, PartyRecord, SalesRecord, anchor_key, party_key, sales_key,
};
use jifen_protocol::subchain::keys::{anchored_header_key, subchain_key};
use jifen_protocol::subchain::{AnchoredHeader, SubchainHeader, SubchainRecord, SubchainStatus};
use jifen_protocol::{Address, Decode, Encode, Hash32, StateProof};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::ProvenanceFlowError;
use super::timeline::verdict_view;
use super::views::{TracePurpose, VerdictView};
use crate::audit::{RootOf, Source};
use crate::chain::ChainError;
use crate::context::WalletContext;

/// The bundle's format name.
pub const BUNDLE_FORMAT: &str = "jifen-provenance-bundle/1";

/// One main-chain state answer of the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateEntry {
    /// `anchor`, `sales`, `subchain`, `anchored-header` or `party`.
    pub what: String,
    /// The party's address (hex) for `party`, else empty.
    pub party: String,
    /// The answer (hex of its canonical encoding).
    pub answer: String,
}

/// One proven subchain value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvenEntry {
    /// The record's index (the count entry: none).
    pub index: Option<u32>,
    /// The value (hex), `None` when proven absent.
    pub value: Option<String>,
    /// Its proof (hex).
    pub proof: String,
}

/// One page of records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsPage {
    /// The subchain height.
    pub height: u64,
    /// The subchain header (hex).
    pub header: String,
    /// The count entry.
    pub count: ProvenEntry,
    /// The records.
    pub records: Vec<ProvenEntry>,
}

/// A lookup's bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvenanceBundle {
    /// [`BUNDLE_FORMAT`].
    pub format: String,
    /// The item, `<gtin>/<serial>`.
    pub item: String,
    /// The tag as scanned.
    pub tag: String,
    /// Why it was looked up.
    pub purpose: TracePurpose,
    /// The verdict the wallet showed.
    pub verdict: VerdictView,
    /// Its reasons (message ids).
    pub reasons: Vec<String>,
    /// The main chain's audit bundle (JSON), no final proof.
    pub main: String,
    /// State answers at the bundle's last header.
    pub states: Vec<StateEntry>,
    /// The records' subchain, if the item is anchored.
    pub subchain: Option<u32>,
    /// The records' pages.
    pub pages: Vec<RecordsPage>,
}

/// What an offline check of a bundle found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleCheckView {
    /// The item, `<gtin>/<serial>`.
    pub item: String,
    /// The verdict recomputed from the proofs.
    pub verdict: VerdictView,
    /// Its reasons (message ids).
    pub reasons: Vec<String>,
    /// Whether it is the verdict the bundle states.
    pub matches: bool,
    /// The main-chain height everything is proven at.
    pub main_height: u64,
    /// The subchain height the records are proven at (0: none).
    pub subchain_height: u64,
    /// Records checked.
    pub records: u32,
}

fn invalid(detail: impl Into<String>) -> ProvenanceFlowError {
    ProvenanceFlowError::BundleInvalid {
        detail: detail.into(),
    }
}

fn page_of(answer: &UntrustedRecords) -> RecordsPage {
    let entry = |index: Option<u32>, value: &Option<Vec<u8>>, proof: &StateProof| ProvenEntry {
        index,
        value: value.as_ref().map(hex::encode),
        proof: hex::encode(proof.encode()),
    };
    RecordsPage {
        height: answer.height,
        header: hex::encode(answer.header.encode()),
        count: entry(None, &answer.count.0, &answer.count.1),
        records: answer
            .records
            .iter()
            .map(|(index, value, proof)| entry(Some(*index), value, proof))
            .collect(),
    }
}

fn bytes(text: &str, what: &str) -> Result<Vec<u8>, ProvenanceFlowError> {
    hex::decode(text).map_err(|_| invalid(format!("{what} is not hex")))
}

fn decode_hex<T: Decode>(text: &str, what: &str) -> Result<T, ProvenanceFlowError> {
    T::decode(&bytes(text, what)?).map_err(|e| invalid(format!("{what}: {e}")))
}

fn answer_of(page: &RecordsPage) -> Result<UntrustedRecords, ProvenanceFlowError> {
    let value = |v: &Option<String>| v.as_deref().map(|t| bytes(t, "record")).transpose();
    Ok(UntrustedRecords {
        height: page.height,
        header: decode_hex::<SubchainHeader>(&page.header, "subchain header")?,
        count: (
            value(&page.count.value)?,
            decode_hex::<StateProof>(&page.count.proof, "proof")?,
        ),
        records: page
            .records
            .iter()
            .map(|entry| {
                Ok((
                    entry
                        .index
                        .ok_or_else(|| invalid("a record without index"))?,
                    value(&entry.value)?,
                    decode_hex::<StateProof>(&entry.proof, "proof")?,
                ))
            })
            .collect::<Result<_, ProvenanceFlowError>>()?,
    })
}

/// The keys a bundle proves, in order: anchor, sales, then (with a
/// subchain) the subchain record and the anchored header, then parties.
#[must_use]
pub fn keys(
    item: &ItemId,
    subchain: Option<(jifen_protocol::subchain::SubchainId, u64)>,
    parties: &[Address],
) -> Vec<(String, String, Hash32)> {
    let mut keys = vec![
        ("anchor".to_owned(), String::new(), anchor_key(item)),
        ("sales".to_owned(), String::new(), sales_key(item)),
    ];
    if let Some((id, height)) = subchain {
        keys.push(("subchain".to_owned(), String::new(), subchain_key(id)));
        keys.push((
            "anchored-header".to_owned(),
            String::new(),
            anchored_header_key(id, height),
        ));
    }
    for party in parties {
        keys.push((
            "party".to_owned(),
            hex::encode(party.as_bytes()),
            party_key(party),
        ));
    }
    keys
}

impl ProvenanceBundle {
    /// The bundle of a lookup.
    #[allow(clippy::too_many_arguments)]
    #[must_use]
    pub fn new(
        item: &ItemId,
        tag: &str,
        purpose: TracePurpose,
        verdict: VerdictView,
        reasons: Vec<String>,
        main: &AuditBundle,
        states: Vec<StateEntry>,
        subchain: Option<u32>,
        answers: &[UntrustedRecords],
    ) -> Self {
        Self {
            format: BUNDLE_FORMAT.to_owned(),
            item: item.to_string(),
            tag: tag.to_owned(),
            purpose,
            verdict,
            reasons,
            main: main.to_json(),
            states,
            subchain,
            pages: answers.iter().map(page_of).collect(),
        }
    }

    /// The bundle's file name: `provenance-<gtin>-<serial>.json` (the
    /// serial's characters outside `[A-Za-z0-9-]` as `_`).
    #[must_use]
    pub fn file_name(&self) -> String {
        let safe: String = self
            .item
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("provenance-{safe}.json")
    }
}

/// Writes `bundle` into `dir` (created if needed), crash-safely; returns
/// the file's path.
///
/// # Errors
/// `chain-file-io`.
pub fn save(bundle: &ProvenanceBundle, dir: &Path) -> Result<PathBuf, ProvenanceFlowError> {
    crate::chain::create_output_dir(dir)?;
    let path = dir.join(bundle.file_name());
    let json = serde_json::to_vec_pretty(bundle).map_err(|error| invalid(error.to_string()))?;
    crate::chain::write_file_atomically(&path, &json)?;
    Ok(path)
}

/// Re-checks a provenance bundle offline from `root` (the wallet's root of
/// trust, see [`crate::audit::verify_bundle`]), or the `checkpoint` given.
///
/// # Errors
/// [`ProvenanceFlowError::BundleInvalid`] naming the first proof that
/// fails; main-chain bundle errors (`lc-bundle-*`).
pub fn verify(
    ctx: &WalletContext,
    root: RootOf<'_>,
    source: Source<'_>,
    checkpoint: Option<&str>,
) -> Result<BundleCheckView, ProvenanceFlowError> {
    let text = match source {
        Source::File(path) => crate::chain::offline::read_text(path)?,
        Source::Text(text) => text.to_owned(),
    };
    let bundle: ProvenanceBundle =
        serde_json::from_str(&text).map_err(|e| invalid(format!("not a bundle: {e}")))?;
    if bundle.format != BUNDLE_FORMAT {
        return Err(invalid(format!("unknown format {:?}", bundle.format)));
    }
    let item =
        ItemId::parse(&bundle.item).ok_or_else(|| invalid("the item is not <gtin>/<serial>"))?;
    // The main chain: the path from the root of trust to `H`.
    crate::audit::verify_bundle(
        ctx,
        ctx.network,
        root,
        Source::Text(&bundle.main),
        checkpoint,
        None,
    )?;
    let main = AuditBundle::from_json(&bundle.main).map_err(ChainError::from)?;
    let header = &main.path.last().unwrap_or(&main.root).header;
    // Each state answer at `H`.
    let subchain_id = bundle
        .subchain
        .map(|n| jifen_protocol::subchain::SubchainId::new(n).ok_or_else(|| invalid("subchain 0")))
        .transpose()?;
    let records_height = bundle.pages.first().map_or(0, |p| p.height);
    let parties: Vec<Address> = bundle
        .states
        .iter()
        .filter(|s| s.what == "party")
        .map(|s| {
            bytes(&s.party, "party")
                .ok()
                .and_then(|b| <[u8; 20]>::try_from(b).ok())
                .map(Address::from_bytes)
                .ok_or_else(|| invalid("a party address"))
        })
        .collect::<Result<_, _>>()?;
    let expected = keys(&item, subchain_id.map(|id| (id, records_height)), &parties);
    if expected.len() != bundle.states.len() {
        return Err(invalid("the state answers are not the ones a lookup needs"));
    }
    let mut values: BTreeMap<(String, String), Option<Vec<u8>>> = BTreeMap::new();
    for ((what, party, key), entry) in expected.iter().zip(&bundle.states) {
        if *what != entry.what || *party != entry.party {
            return Err(invalid(format!("state answer {what} out of order")));
        }
        let answer: UntrustedState = decode_hex(&entry.answer, "state answer")?;
        let value = verify_state(header, key, &answer)
            .map_err(|e| invalid(format!("the {what} proof: {e}")))?;
        values.insert((what.clone(), party.clone()), value);
    }
    let get = |what: &str, party: &str| {
        values
            .get(&(what.to_owned(), party.to_owned()))
            .cloned()
            .flatten()
    };
    let anchor: Option<AnchorRecord> = get("anchor", "")
        .map(|b| AnchorRecord::decode(&b).map_err(|e| invalid(format!("anchor: {e}"))))
        .transpose()?;
    let sales: Option<SalesRecord> = get("sales", "")
        .map(|b| SalesRecord::decode(&b).map_err(|e| invalid(format!("sales: {e}"))))
        .transpose()?;
    if anchor.as_ref().map(|a| a.subchain.get()) != bundle.subchain {
        return Err(invalid("the records' subchain is not the anchor's"));
    }
    // The records, against the anchored subchain header.
    let mut records: Vec<Option<Vec<u8>>> = Vec::new();
    if let Some(id) = subchain_id {
        let record = get("subchain", "")
            .ok_or_else(|| invalid("the subchain is not registered"))
            .and_then(|b| {
                SubchainRecord::decode(&b).map_err(|e| invalid(format!("subchain: {e}")))
            })?;
        if let SubchainStatus::Halted { height } = record.status
            && height <= records_height
        {
            return Err(invalid(format!("subchain {id} halted at {height}")));
        }
        let anchored = get("anchored-header", "")
            .ok_or_else(|| invalid("the records' subchain header is not anchored"))
            .and_then(|b| {
                AnchoredHeader::decode(&b).map_err(|e| invalid(format!("anchored header: {e}")))
            })?;
        for page in &bundle.pages {
            let from = u32::try_from(records.len()).unwrap_or(u32::MAX);
            let proven = answer_of(page)?
                .verify_under(&anchored.header_hash, &item, from, RECORDS_PAGE)
                .map_err(|e| invalid(format!("records: {e}")))?;
            if page.height != records_height {
                return Err(invalid("records pages at two heights"));
            }
            records.extend(proven.records);
            if u32::try_from(records.len()).unwrap_or(u32::MAX) >= proven.count {
                break;
            }
        }
    }
    let mut party_records = BTreeMap::new();
    for party in &parties {
        let record: Option<PartyRecord> = get("party", &hex::encode(party.as_bytes()))
            .map(|b| PartyRecord::decode(&b).map_err(|e| invalid(format!("party: {e}"))))
            .transpose()?;
        party_records.insert(*party, record);
    }
    let lookup = check(&LookupInput {
        chain_id: &header.chain_id,
        item: &item,
        anchor: anchor.as_ref(),
        sales: sales.as_ref(),
        records: &records,
        parties: &party_records,
        purpose: match bundle.purpose {
            TracePurpose::Inspect => Purpose::Inspect,
            TracePurpose::Counter => Purpose::Counter,
        },
    });
    let verdict = verdict_view(lookup.verdict);
    let reasons: Vec<String> = lookup
        .findings
        .iter()
        .map(|f| jifen_protocol::message::Coded::code(f).to_owned())
        .collect();
    Ok(BundleCheckView {
        item: item.to_string(),
        matches: verdict == bundle.verdict && reasons == bundle.reasons,
        verdict,
        reasons,
        main_height: header.height,
        subchain_height: if subchain_id.is_some() {
            records_height
        } else {
            0
        },
        records: u32::try_from(records.len()).unwrap_or(u32::MAX),
    })
}
