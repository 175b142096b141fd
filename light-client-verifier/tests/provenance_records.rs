//! An item's records are trusted only as proven against an audited
//! subchain header: a node that changes a record, hides one (a lower count,
//! a gap in the page) or answers from a header the audit does not hold is
//! refused, each with its own code; the offline form checks against an
//! anchored header id instead.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod subchain_common;

use jifen_light_client_verifier::provenance::{RecordsError, UntrustedRecords};
use jifen_light_client_verifier::subchain::test_chain::{BftSubchain, Committee, NodeView, anchor};
use jifen_protocol::StateMap;
use jifen_protocol::provenance::{Gtin, ItemId, count_entry, count_entry_key, record_entry_key};
use jifen_protocol::subchain::subchain_state_key;
use subchain_common::*;

fn item() -> ItemId {
    ItemId::new(Gtin::parse("06901234100020").unwrap(), "PE26L0020").unwrap()
}

/// A state holding three records (opaque bytes: the node-level check does
/// not read them) and the count.
fn state() -> StateMap {
    let mut map = StateMap::new();
    for index in 0..3u32 {
        map.set(
            subchain_state_key(&record_entry_key(&item(), index)),
            Some(format!("record {index}").into_bytes()),
        );
    }
    let count = count_entry(&item(), 3);
    map.set(subchain_state_key(&count.key), Some(count.value));
    map
}

fn page(
    map: &StateMap,
    header: jifen_protocol::subchain::SubchainHeader,
    from: u32,
    to: u32,
) -> UntrustedRecords {
    let (count, count_proof) = map.prove(&subchain_state_key(&count_entry_key(&item())));
    UntrustedRecords {
        height: header.height,
        header,
        count: (count, count_proof),
        records: (from..to)
            .map(|index| {
                let (value, proof) =
                    map.prove(&subchain_state_key(&record_entry_key(&item(), index)));
                (index, value, proof)
            })
            .collect(),
    }
}

#[test]
fn records_prove_against_the_audited_header_and_lies_are_named() {
    let mut sub = BftSubchain::new(1, Committee::numbered(1, 4));
    let mut view = NodeView::new(sub.id, sub.params());
    let map = state();
    let reports = vec![sub.next_with_state(map.root()), sub.next(None)];
    let anchored = anchor(&honest(&mut view, reports), PER_BLOCK, FIRST_MAIN, 0);
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items[..1]).unwrap();
    let header = sub.produced(1).clone();

    let proven = page(&map, header.clone(), 0, 3)
        .verify(&audit, &item(), 0, 256)
        .unwrap();
    assert_eq!(proven.count, 3);
    assert_eq!(proven.records[2].as_deref(), Some("record 2".as_bytes()));
    // Paged: two, then one.
    let first = page(&map, header.clone(), 0, 2)
        .verify(&audit, &item(), 0, 2)
        .unwrap();
    assert_eq!(first.records.len(), 2);
    page(&map, header.clone(), 2, 3)
        .verify(&audit, &item(), 2, 2)
        .unwrap();

    let code = |answer: &UntrustedRecords, from: u32| {
        answer
            .verify(&audit, &item(), from, 256)
            .unwrap_err()
            .code()
    };
    // A changed record.
    let mut changed = page(&map, header.clone(), 0, 3);
    changed.records[1].1 = Some(b"record X".to_vec());
    assert_eq!(code(&changed, 0), "subchain-value-proof");
    // A lower count to hide the last record.
    let mut lower = page(&map, header.clone(), 0, 2);
    lower.count.0 = Some(2u32.to_be_bytes().to_vec());
    assert_eq!(code(&lower, 0), "subchain-value-proof");
    // A page with a gap.
    let mut gap = page(&map, header.clone(), 0, 3);
    gap.records.remove(1);
    assert_eq!(code(&gap, 0), "provenance-records-wrong-indices");
    // A page that stops short.
    assert_eq!(
        code(&page(&map, header.clone(), 0, 2), 0),
        "provenance-records-wrong-indices"
    );
    // A header the audit does not hold (height 2 is not audited yet).
    assert_eq!(
        code(&page(&map, sub.produced(2).clone(), 0, 3), 0),
        "subchain-value-not-audited"
    );

    // Offline: against the anchored header's id.
    let offline = page(&map, header.clone(), 0, 3)
        .verify_under(&header.hash(), &item(), 0, 256)
        .unwrap();
    assert_eq!(offline.records, proven.records);
    let wrong =
        page(&map, header.clone(), 0, 3).verify_under(&sub.produced(2).hash(), &item(), 0, 256);
    assert!(matches!(wrong, Err(RecordsError::WrongHeader { .. })));
}
