//! The pure lookup: given an item's records (proven against an audited
//! subchain header), its anchor and sales and the parties (proven against
//! a verified main-chain header), check everything and say what was found.

use std::collections::BTreeMap;

use jifen_gs1::{Event, parse_events};
use jifen_protocol::provenance::{
    AnchorRecord, ItemId, PartyRecord, ProvenanceRecord, SalesRecord, records_root,
};
use jifen_protocol::{Address, ChainId, Decode, Hash32};

use super::finding::{Check, Finding, Verdict};

/// Why the lookup is made (see [`Finding::SoldBefore`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    /// Looking at the history.
    #[default]
    Inspect,
    /// At a merchant's counter: a recorded sale means a copy.
    Counter,
}

/// Everything a lookup checks, already proven by the IO around it.
#[derive(Debug, Clone)]
pub struct LookupInput<'a> {
    /// The main chain's id (records are signed for it).
    pub chain_id: &'a ChainId,
    /// The item looked up.
    pub item: &'a ItemId,
    /// Its anchor record, if any.
    pub anchor: Option<&'a AnchorRecord>,
    /// Its sales, if any.
    pub sales: Option<&'a SalesRecord>,
    /// The subchain's entries `0..count` as stored (`None`: proven absent).
    pub records: &'a [Option<Vec<u8>>],
    /// The party record of every signer (`None`: proven not registered).
    pub parties: &'a BTreeMap<Address, Option<PartyRecord>>,
    /// Why.
    pub purpose: Purpose,
}

/// The checks of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordChecks {
    /// The hash check passed.
    pub hash: bool,
    /// The signature verifies.
    pub signature: bool,
    /// It links to the previous record and names the item.
    pub link: bool,
    /// Its signer was registered in a role for the step at its time.
    pub signer: bool,
    /// A matching anchor covers it.
    pub anchored: bool,
    /// It is in a sane order.
    pub order: bool,
}

/// One record, decoded and checked.
#[derive(Debug, Clone)]
pub struct CheckedRecord {
    /// The record (`None` when its bytes do not decode or are absent).
    pub record: Option<ProvenanceRecord>,
    /// Its event (`None` when unreadable).
    pub event: Option<Event>,
    /// The checks.
    pub checks: RecordChecks,
    /// The first finding about it.
    pub problem: Option<Finding>,
}

/// What a lookup found.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// The verdict: the worst finding's, else authentic.
    pub verdict: Verdict,
    /// Every finding, worst first (stable within a verdict).
    pub findings: Vec<Finding>,
    /// The records, oldest first.
    pub records: Vec<CheckedRecord>,
    /// Records covered by a matching anchor (`0..anchored`).
    pub anchored: u32,
}

/// Steps that move the item between sites.
const IN_TRANSIT: [&str; 6] = [
    "shipping",
    "departing",
    "transporting",
    "loading",
    "unloading",
    "arriving",
];
/// Steps that say the item is kept at a site.
const AT_SITE: [&str; 4] = ["receiving", "accepting", "storing", "stocking"];

/// The site of a location: a GLN Digital Link without its extension (a
/// bin `/254/A-03-12` is in the warehouse `/414/<GLN>`), else the location.
pub(crate) fn site(location: &str) -> &str {
    match location.find("/414/") {
        Some(at) => location.get(..at + 5 + 13).unwrap_or(location),
        None => location,
    }
}

fn decode(index: u32, bytes: Option<&Vec<u8>>) -> Result<(ProvenanceRecord, Event), Finding> {
    let unreadable = |reason: String| Finding::Unreadable { index, reason };
    let bytes = bytes.ok_or_else(|| unreadable("missing".into()))?;
    let record = ProvenanceRecord::decode(bytes).map_err(|e| unreadable(e.to_string()))?;
    let mut events = parse_events(&record.event).map_err(|e| unreadable(e.to_string()))?;
    if events.len() != 1 {
        return Err(unreadable(format!("{} events", events.len())));
    }
    let event = events.remove(0);
    Ok((record, event))
}

/// Runs every check of a lookup.
#[must_use]
pub fn check(input: &LookupInput<'_>) -> Lookup {
    let mut findings = Vec::new();
    if input.anchor.is_none() && input.records.is_empty() {
        return Lookup {
            verdict: Verdict::UnknownProduct,
            findings: vec![Finding::UnknownProduct],
            records: Vec::new(),
            anchored: 0,
        };
    }
    let total = u32::try_from(input.records.len()).unwrap_or(u32::MAX);
    let mut checked = Vec::with_capacity(input.records.len());
    let mut leaves = Vec::with_capacity(input.records.len());
    let mut prev = Hash32::ZERO;
    let mut prev_time: Option<i64> = None;
    let mut place: Option<String> = None;
    let mut in_transit = false;
    let first_sale = input.sales.and_then(|s| s.sales.first()).copied();
    for (index, bytes) in (0u32..).zip(input.records) {
        let mut checks = RecordChecks {
            hash: false,
            signature: false,
            link: false,
            signer: false,
            anchored: false,
            order: true,
        };
        let mut record_findings = Vec::new();
        let (record, event) = match decode(index, bytes.as_ref()) {
            Ok(decoded) => decoded,
            Err(finding) => {
                // Nothing after an unreadable record can link to it.
                findings.push(finding.clone());
                leaves.push(Hash32::ZERO);
                prev = Hash32::ZERO;
                checked.push(CheckedRecord {
                    record: None,
                    event: None,
                    checks,
                    problem: Some(finding),
                });
                continue;
            }
        };
        checks.hash = event.hash().0 == record.event_hash.0;
        if !checks.hash {
            record_findings.push(Finding::HashMismatch { index });
        }
        checks.signature = record
            .signer
            .verify_prehash(&record.digest(input.chain_id), &record.signature)
            .is_ok();
        if !checks.signature {
            record_findings.push(Finding::BadSignature { index });
        }
        checks.link = record.index == index
            && record.item == *input.item
            && record.prev == prev
            && event.mentions(input.item);
        if !checks.link {
            record_findings.push(Finding::BrokenLink { index });
        }
        let step = event.biz_step().unwrap_or_default();
        let time = event.event_time_ms();
        let signer = record.signer_address();
        match input.parties.get(&signer).and_then(Option::as_ref) {
            None => record_findings.push(Finding::SignerUnknown { index }),
            Some(party) => match u64::try_from(time) {
                Ok(time) if party.registered_at(time) => {
                    if party.roles.may_record(&step) {
                        checks.signer = true;
                    } else {
                        record_findings.push(Finding::SignerLacksRole {
                            index,
                            step: step.clone(),
                        });
                    }
                }
                _ => record_findings.push(Finding::SignerOutOfPeriod { index }),
            },
        }
        // Order: the producer's commissioning first, time never backwards,
        // nothing after the sale, never in two places.
        if index == 0 && step != "commissioning" {
            checks.order = false;
            record_findings.push(Finding::NoCommissioning);
        }
        if prev_time.is_some_and(|before| time < before) {
            checks.order = false;
            record_findings.push(Finding::TimeBackwards { index });
        }
        if first_sale.is_some_and(|sale| u64::try_from(time).is_ok_and(|t| t > sale.time_ms)) {
            checks.order = false;
            record_findings.push(Finding::AfterSale { index });
        }
        // Kept at a site (received, stored...) until something moves it:
        // kept at a second site without moving is one serial in two places.
        let here = event.biz_location().or_else(|| event.read_point());
        if IN_TRANSIT.contains(&step.as_str()) {
            in_transit = true;
        } else if AT_SITE.contains(&step.as_str())
            && let Some(here) = here
        {
            if let Some(previous) = place
                .as_ref()
                .filter(|p| site(p) != site(&here) && !in_transit)
            {
                checks.order = false;
                record_findings.push(Finding::TwoPlaces {
                    index,
                    place: here.clone(),
                    previous: previous.clone(),
                });
            }
            place = Some(here);
            in_transit = false;
        }
        prev_time = Some(time);
        let leaf = record.leaf();
        leaves.push(leaf);
        prev = leaf;
        findings.extend(record_findings.iter().cloned());
        checked.push(CheckedRecord {
            record: Some(record),
            event: Some(event),
            checks,
            problem: record_findings.into_iter().next(),
        });
    }
    let anchored = check_anchor(input, &leaves, total, &mut checked, &mut findings);
    if let Some(sales) = input.sales {
        let count = u32::try_from(sales.sales.len()).unwrap_or(u32::MAX);
        if count >= 2 {
            findings.push(Finding::SoldTwice { sales: count });
        } else if let (Some(sale), Purpose::Counter) = (first_sale, input.purpose) {
            findings.push(Finding::SoldBefore {
                main_height: sale.height,
                time_ms: sale.time_ms,
            });
        }
    }
    findings.sort_by_key(Finding::verdict);
    let verdict = findings
        .first()
        .map_or(Verdict::Authentic, Finding::verdict);
    Lookup {
        verdict,
        findings,
        records: checked,
        anchored,
    }
}

/// Checks every anchor point against the records; marks the records a
/// matching point covers; returns how many are covered.
fn check_anchor(
    input: &LookupInput<'_>,
    leaves: &[Hash32],
    total: u32,
    checked: &mut [CheckedRecord],
    findings: &mut Vec<Finding>,
) -> u32 {
    let Some(anchor) = input.anchor else {
        findings.push(Finding::NotAnchored);
        return 0;
    };
    // Records are covered up to the last point of an unbroken run of
    // matching points from the first.
    let mut covered = 0u32;
    let mut broken = false;
    for point in &anchor.points {
        let count = point.count;
        match leaves.get(..count as usize) {
            None => {
                findings.push(Finding::MissingRecords {
                    anchored: count,
                    found: total,
                });
                break;
            }
            Some(slice) if records_root(slice) == point.root => {
                if !broken {
                    covered = count;
                }
            }
            Some(_) => {
                let finding = Finding::AnchorMismatch {
                    count,
                    main_height: point.height,
                    first: covered,
                };
                for record in checked
                    .iter_mut()
                    .take(count as usize)
                    .skip(covered as usize)
                {
                    if record.problem.is_none() {
                        record.problem = Some(finding.clone());
                    }
                }
                findings.push(finding);
                broken = true;
            }
        }
    }
    for record in checked.iter_mut().take(covered as usize) {
        record.checks.anchored = true;
    }
    if covered < total && !findings.iter().any(|f| f.check() == Some(Check::Anchor)) {
        findings.push(Finding::Unanchored {
            unanchored: total - covered,
            total,
        });
    }
    covered
}
