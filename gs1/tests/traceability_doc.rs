//! The vectors quoted in docs/traceability.md hold: tag tables (accepted and
//! refused) and event -> pre-hash -> hash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use jifen_gs1::{DigitalLink, ProductTag, event_hash, item_uri, parse_events, pre_hash};

fn doc() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/traceability.md"))
        .unwrap()
}

/// The text between the first pair of backticks of a table cell, or the cell.
fn cell(text: &str) -> &str {
    let text = text.trim();
    text.strip_prefix('`')
        .and_then(|t| t.split('`').next())
        .unwrap_or(text)
}

#[test]
fn tag_tables_hold() {
    let doc = doc();
    let mut accepted = 0;
    let mut refused = 0;
    for line in doc
        .lines()
        .filter(|l| l.starts_with("| `http") || l.starts_with("| `ftp"))
    {
        let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
        let uri = cell(cells[0]);
        if cells.len() == 7 {
            let link = DigitalLink::parse_at(uri, 2026).unwrap_or_else(|e| panic!("{uri}: {e}"));
            let dash = |s: &str| if s == "-" { None } else { Some(s.to_owned()) };
            assert_eq!(link.gtin().as_str(), cell(cells[1]), "{uri}");
            assert_eq!(
                link.serial().map(str::to_owned),
                dash(cell(cells[2])),
                "{uri}"
            );
            assert_eq!(link.lot().map(str::to_owned), dash(cell(cells[3])), "{uri}");
            assert_eq!(
                link.expiry().map(|e| e.to_string()),
                dash(cell(cells[4])),
                "{uri}"
            );
            assert_eq!(
                link.network().map(|n| n.name().to_owned()),
                dash(cell(cells[5])),
                "{uri}"
            );
            let item = link.item().ok().map(|i| item_uri(&i));
            let want = cells[6].trim();
            if want.starts_with('`') {
                assert_eq!(item.as_deref(), Some(cell(want)), "{uri}");
                assert_eq!(
                    ProductTag::parse(cell(want)).unwrap().item,
                    link.item().unwrap()
                );
            } else {
                assert_eq!(item, None, "{uri}");
            }
            accepted += 1;
        } else if cells.len() == 2 {
            let error = DigitalLink::parse_at(uri, 2026).map(|_| ()).unwrap_err();
            assert_eq!(error.code(), cell(cells[1]), "{uri}");
            refused += 1;
        }
    }
    assert_eq!((accepted, refused), (4, 11));
}

#[test]
fn event_vectors_hold() {
    let doc = doc();
    let mut checked = 0;
    for section in doc.split("<!-- vector -->").skip(1) {
        let json = section
            .split("```json")
            .nth(1)
            .unwrap()
            .split("```")
            .next()
            .unwrap();
        let text = section
            .split("```text")
            .nth(1)
            .unwrap()
            .split("```")
            .next()
            .unwrap()
            .trim();
        let hash = section
            .split("hash: `")
            .nth(1)
            .unwrap()
            .split('`')
            .next()
            .unwrap();
        let events = parse_events(json.as_bytes()).unwrap();
        assert_eq!(events.len(), 1);
        let got_pre = pre_hash(&events[0]);
        let got_hash = event_hash(&events[0]).to_string();
        assert_eq!(
            (got_pre.as_str(), got_hash.as_str()),
            (text, hash),
            "vector {}: pre-hash and hash in docs/traceability.md",
            checked + 1
        );
        assert_eq!(
            hash.parse::<jifen_gs1::EventHash>().unwrap().to_string(),
            hash
        );
        checked += 1;
    }
    assert_eq!(checked, 3);
}
