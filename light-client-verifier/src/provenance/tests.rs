#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use jifen_gs1::{Action, EventBuilder, parse_events};
use jifen_protocol::provenance::{
    AnchorPoint, AnchorRecord, Gtin, ItemId, PartyRecord, ProvenanceRecord, Role, Roles, Sale,
    SalesRecord, records_root,
};
use jifen_protocol::subchain::SubchainId;
use jifen_protocol::{Address, ChainId, Decode, Encode, Hash32};

use super::{Finding, LookupInput, Purpose, Verdict, check};
use crate::test_chain::TestKey;

const DAY: i64 = 86_400_000;
// 2026-10-01T00:00:00Z
const T0: i64 = 1_790_812_800_000;
const A: &str = "https://id.gs1.org/414/6901234000017";
const B: &str = "https://id.gs1.org/414/6901234000024";

struct Fixture {
    chain_id: ChainId,
    item: ItemId,
    records: Vec<ProvenanceRecord>,
    keys: BTreeMap<&'static str, TestKey>,
    parties: BTreeMap<Address, Option<PartyRecord>>,
    anchor: Option<AnchorRecord>,
    sales: Option<SalesRecord>,
}

fn party(name: &str, roles: &[Role]) -> PartyRecord {
    PartyRecord {
        name: name.into(),
        roles: Roles::of(roles),
        valid_from_ms: 0,
        valid_until_ms: u64::MAX,
        height: 1,
    }
}

impl Fixture {
    /// A producer commissions, a warehouse receives at A and ships, a
    /// retailer receives at B; anchored over all four.
    fn new() -> Self {
        let item = ItemId::new(Gtin::parse("06901234567892").unwrap(), "TEA-0001").unwrap();
        let keys = BTreeMap::from([
            ("producer", TestKey::new(11)),
            ("warehouse", TestKey::new(12)),
            ("retailer", TestKey::new(13)),
            ("issuer", TestKey::new(14)),
            ("stranger", TestKey::new(15)),
        ]);
        let parties = BTreeMap::from([
            (
                keys["producer"].address(),
                Some(party("Tea Farm", &[Role::Producer])),
            ),
            (
                keys["warehouse"].address(),
                Some(party("Warehouse", &[Role::Warehouse])),
            ),
            (
                keys["retailer"].address(),
                Some(party("Shop", &[Role::Retailer])),
            ),
            (
                keys["issuer"].address(),
                Some(party("Issuer", &[Role::TagIssuer])),
            ),
        ]);
        let mut fixture = Self {
            chain_id: ChainId::new("jifen-devnet").unwrap(),
            item,
            records: Vec::new(),
            keys,
            parties,
            anchor: None,
            sales: None,
        };
        fixture.push("producer", "commissioning", A, 0);
        fixture.push("warehouse", "receiving", A, 1);
        fixture.push("warehouse", "shipping", A, 2);
        fixture.push("retailer", "receiving", B, 3);
        fixture.anchor_all();
        fixture
    }

    fn event(&self, step: &str, place: &str, day: i64) -> Vec<u8> {
        let json = EventBuilder::object(T0 + day * DAY, "+08:00", Action::Observe, step)
            .epc(&self.item)
            .read_point(place)
            .biz_location(place)
            .build();
        serde_json::to_vec(&json).unwrap()
    }

    fn push(&mut self, who: &'static str, step: &str, place: &str, day: i64) {
        let event = self.event(step, place, day);
        let hash = parse_events(&event).unwrap()[0].hash();
        let index = u32::try_from(self.records.len()).unwrap();
        let prev = self
            .records
            .last()
            .map_or(Hash32::ZERO, ProvenanceRecord::leaf);
        let key = &self.keys[who];
        let mut record = ProvenanceRecord {
            item: self.item.clone(),
            index,
            prev,
            event,
            event_hash: Hash32(hash.0),
            signer: key.public_key(),
            signature: key.sign_digest(&[0; 32]),
        };
        record.signature = key.sign_digest(&record.digest(&self.chain_id));
        self.records.push(record);
    }

    fn anchor_all(&mut self) {
        self.anchor_first(self.records.len());
    }

    fn anchor_first(&mut self, count: usize) {
        let leaves: Vec<Hash32> = self.records[..count]
            .iter()
            .map(ProvenanceRecord::leaf)
            .collect();
        self.anchor = Some(AnchorRecord {
            issuer: self.keys["issuer"].address(),
            subchain: SubchainId::new(1).unwrap(),
            points: vec![AnchorPoint {
                count: u32::try_from(count).unwrap(),
                root: records_root(&leaves),
                height: 10,
            }],
        });
    }

    fn sold(&mut self, times: u64) {
        let seller = self.keys["retailer"].address();
        self.sales = Some(SalesRecord {
            sales: (0..times)
                .map(|i| Sale {
                    seller,
                    time_ms: u64::try_from(T0 + 10 * DAY).unwrap() + i,
                    height: 20 + i,
                })
                .collect(),
        });
    }

    fn lookup(&self, purpose: Purpose) -> super::Lookup {
        let records: Vec<Option<Vec<u8>>> = self.records.iter().map(|r| Some(r.encode())).collect();
        check(&LookupInput {
            chain_id: &self.chain_id,
            item: &self.item,
            anchor: self.anchor.as_ref(),
            sales: self.sales.as_ref(),
            records: &records,
            parties: &self.parties,
            purpose,
        })
    }
}

#[test]
fn a_clean_history_is_authentic() {
    let lookup = Fixture::new().lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Authentic, "{:?}", lookup.findings);
    assert!(lookup.findings.is_empty());
    assert_eq!(lookup.anchored, 4);
    assert!(
        lookup
            .records
            .iter()
            .all(|r| r.checks.anchored && r.problem.is_none())
    );
}

#[test]
fn a_changed_event_is_tampered_at_its_hash() {
    let mut fixture = Fixture::new();
    fixture.records[2].event = fixture.event("shipping", B, 2);
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Tampered);
    assert_eq!(lookup.findings[0], Finding::HashMismatch { index: 2 });
    assert!(!lookup.records[2].checks.hash);
    assert!(lookup.records[1].checks.hash && lookup.records[1].checks.anchored);
}

#[test]
fn a_resigned_change_is_caught_by_the_anchor() {
    let mut fixture = Fixture::new();
    // The warehouse re-signs a changed record 1 and everything after it
    // is re-chained: every record checks, only the anchor does not.
    let records = fixture.records.clone();
    fixture.records.truncate(1);
    fixture.push("warehouse", "storing", A, 1);
    fixture.push("warehouse", "shipping", A, 2);
    fixture.push("retailer", "receiving", B, 3);
    assert_ne!(records[1], fixture.records[1]);
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Tampered, "{:?}", lookup.findings);
    assert!(matches!(
        lookup.findings[0],
        Finding::AnchorMismatch {
            count: 4,
            first: 0,
            ..
        }
    ));
    assert_eq!(lookup.anchored, 0);
}

#[test]
fn a_bad_signature_and_a_broken_link_are_named() {
    let mut fixture = Fixture::new();
    fixture.records[1].signature = fixture.keys["stranger"].sign_digest(&[7; 32]);
    let lookup = fixture.lookup(Purpose::Inspect);
    assert!(
        lookup
            .findings
            .contains(&Finding::BadSignature { index: 1 })
    );
    let mut fixture = Fixture::new();
    fixture.records[3].prev = Hash32([1; 32]);
    let key = &fixture.keys["retailer"];
    fixture.records[3].signature = key.sign_digest(&fixture.records[3].digest(&fixture.chain_id));
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Tampered);
    assert!(lookup.findings.contains(&Finding::BrokenLink { index: 3 }));
}

#[test]
fn records_beyond_the_anchor_are_unanchored() {
    let mut fixture = Fixture::new();
    fixture.anchor_first(2);
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Unanchored);
    assert_eq!(
        lookup.findings,
        vec![Finding::Unanchored {
            unanchored: 2,
            total: 4
        }]
    );
    assert!(lookup.records[1].checks.anchored && !lookup.records[2].checks.anchored);
    fixture.anchor = None;
    assert_eq!(
        fixture.lookup(Purpose::Inspect).findings,
        vec![Finding::NotAnchored]
    );
}

#[test]
fn an_anchor_over_missing_records_is_tampered() {
    let mut fixture = Fixture::new();
    fixture.records.pop();
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Tampered);
    assert!(lookup.findings.contains(&Finding::MissingRecords {
        anchored: 4,
        found: 3
    }));
}

#[test]
fn signers_must_be_registered_in_role_and_period() {
    let mut fixture = Fixture::new();
    fixture
        .parties
        .insert(fixture.keys["warehouse"].address(), None);
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::SignerNotRegistered);
    assert_eq!(lookup.findings[0], Finding::SignerUnknown { index: 1 });

    let mut fixture = Fixture::new();
    let mut late = party("Warehouse", &[Role::Warehouse]);
    late.valid_from_ms = u64::try_from(T0 + 2 * DAY).unwrap();
    fixture
        .parties
        .insert(fixture.keys["warehouse"].address(), Some(late));
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.findings[0], Finding::SignerOutOfPeriod { index: 1 });
    assert!(lookup.records[2].checks.signer);

    let mut fixture = Fixture::new();
    fixture.parties.insert(
        fixture.keys["warehouse"].address(),
        Some(party("Warehouse", &[Role::Carrier])),
    );
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(
        lookup.findings[0],
        Finding::SignerLacksRole {
            index: 1,
            step: "receiving".into()
        }
    );
}

#[test]
fn sales_mark_copies() {
    let mut fixture = Fixture::new();
    fixture.sold(1);
    assert_eq!(fixture.lookup(Purpose::Inspect).verdict, Verdict::Authentic);
    let counter = fixture.lookup(Purpose::Counter);
    assert_eq!(counter.verdict, Verdict::SuspectedClone);
    assert!(matches!(
        counter.findings[0],
        Finding::SoldBefore {
            main_height: 20,
            ..
        }
    ));
    fixture.sold(2);
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::SuspectedClone);
    assert_eq!(lookup.findings, vec![Finding::SoldTwice { sales: 2 }]);
    // A record after the sale.
    let mut fixture = Fixture::new();
    fixture.sold(1);
    fixture.push("retailer", "receiving", B, 12);
    fixture.anchor_all();
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.findings, vec![Finding::AfterSale { index: 4 }]);
}

#[test]
fn one_serial_in_two_places_is_a_copy() {
    let mut fixture = Fixture::new();
    fixture.records.truncate(2);
    // Received at B while still at A, never shipped.
    fixture.push("retailer", "receiving", B, 2);
    fixture.anchor_all();
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::SuspectedClone);
    assert_eq!(
        lookup.findings,
        vec![Finding::TwoPlaces {
            index: 2,
            place: B.into(),
            previous: A.into()
        }]
    );
}

#[test]
fn order_and_unknown_products() {
    let mut fixture = Fixture::new();
    fixture.records.truncate(0);
    fixture.push("warehouse", "receiving", A, 1);
    fixture.push("warehouse", "shipping", A, 0);
    fixture.anchor_all();
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Tampered);
    assert!(lookup.findings.contains(&Finding::NoCommissioning));
    assert!(
        lookup
            .findings
            .contains(&Finding::TimeBackwards { index: 1 })
    );

    let mut fixture = Fixture::new();
    fixture.records.clear();
    fixture.anchor = None;
    let lookup = fixture.lookup(Purpose::Counter);
    assert_eq!(lookup.verdict, Verdict::UnknownProduct);
}

#[test]
fn garbage_records_never_panic() {
    let fixture = Fixture::new();
    let mut records: Vec<Option<Vec<u8>>> =
        fixture.records.iter().map(|r| Some(r.encode())).collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..200 {
        let mut mutated = records.clone();
        let target = (round % 4) as usize;
        if let Some(bytes) = mutated[target].as_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = (seed as usize) % bytes.len();
            bytes[at] ^= (seed >> 32) as u8 | 1;
            if round % 7 == 0 {
                bytes.truncate(at);
            }
        }
        let lookup = check(&LookupInput {
            chain_id: &fixture.chain_id,
            item: &fixture.item,
            anchor: fixture.anchor.as_ref(),
            sales: None,
            records: &mutated,
            parties: &fixture.parties,
            purpose: Purpose::Inspect,
        });
        // Fields the CBV 2.0 hash leaves out (`@context` URLs, `eventID`,
        // `recordTime`...) may change without changing the record's
        // identity: such a change is not tampering with what was signed.
        let same_identity = mutated[target]
            .as_deref()
            .and_then(|b| ProvenanceRecord::decode(b).ok())
            .is_some_and(|m| {
                let original = &fixture.records[target];
                let rehash = parse_events(&m.event)
                    .ok()
                    .and_then(|e| e.first().map(|e| e.hash().0));
                rehash == Some(original.event_hash.0)
                    && ProvenanceRecord {
                        event: original.event.clone(),
                        ..m
                    } == *original
            });
        if !same_identity {
            assert_ne!(lookup.verdict, Verdict::Authentic, "round {round}");
        }
    }
    records[1] = None;
    let lookup = check(&LookupInput {
        chain_id: &fixture.chain_id,
        item: &fixture.item,
        anchor: fixture.anchor.as_ref(),
        sales: None,
        records: &records,
        parties: &fixture.parties,
        purpose: Purpose::Inspect,
    });
    assert!(matches!(
        lookup.findings[0],
        Finding::Unreadable { index: 1, .. }
    ));
}

#[test]
fn a_bin_is_inside_its_site_and_carriers_move_the_item() {
    let mut fixture = Fixture::new();
    fixture.records.truncate(2);
    // Stored in a bin of the same warehouse: the same site.
    fixture.push("warehouse", "storing", &format!("{A}/254/A-03-12"), 1);
    // Arriving at a hub moves it; received at B: no finding.
    fixture.push("warehouse", "arriving", B, 2);
    fixture.push("retailer", "receiving", B, 3);
    fixture.anchor_all();
    let lookup = fixture.lookup(Purpose::Inspect);
    assert_eq!(lookup.verdict, Verdict::Authentic, "{:?}", lookup.findings);
    assert_eq!(super::check::site("https://id.gs1.org/414/6901234000017/254/A-1"), A);
    assert_eq!(super::check::site("urn:epc:id:sgln:0614141.00777.0"), "urn:epc:id:sgln:0614141.00777.0");
}
