//! The example events and expected pre-hashes / hashes published with the
//! CBV 2.0 event hash reference implementation (tests/vectors/ralphtro,
//! README there), run through our implementation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]

use std::path::Path;

use jifen_gs1::{event_hash, parse_events, pre_hash};

/// Examples we do not run, and why (ADR 0021).
const SKIPPED: [(&str, &str); 2] = [
    (
        "epcisDocHavingEventWithIgnoreFields",
        "repository-specific `ignoreFields` (namespace https://repository-x.example.com/), not part of CBV 2.0",
    ),
    (
        "epcisQueryDocHavingEventWithIgnoreFields",
        "repository-specific `ignoreFields` (namespace https://repository-x.example.com/), not part of CBV 2.0",
    ),
];

/// Published pre-hash files that disagree with their own hash files (the
/// hashes are checked and pass; the pre-hash line is garbled or belongs to
/// another event).
const BAD_PREHASH_FILES: [(&str, usize); 3] = [
    ("epcisDocWithAllGS1Keys", 0),
    ("epcisDocWithCustomSchemaInContext", 1),
    ("epcisDocWithDefaultSchemaInContext", 1),
];

fn lines(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn every_published_json_example_hashes_as_published() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/ralphtro");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".jsonld").map(str::to_owned))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut prehashes_checked = 0;
    for name in &names {
        if let Some((_, why)) = SKIPPED.iter().find(|(n, _)| n == name) {
            println!("skipped {name}: {why}");
            continue;
        }
        let json = std::fs::read(dir.join(format!("{name}.jsonld"))).unwrap();
        let events = match parse_events(&json) {
            Ok(events) => events,
            Err(error) => {
                failures.push(format!("{name}: {error}"));
                continue;
            }
        };
        let prehashes = lines(&dir.join(format!("{name}.prehashes")));
        let hashes = lines(&dir.join(format!("{name}.hashes")));
        for (i, event) in events.iter().enumerate() {
            let bad_file = BAD_PREHASH_FILES.contains(&(name.as_str(), i));
            if let Some(want) = prehashes
                .as_ref()
                .and_then(|p| p.get(i))
                .filter(|_| !bad_file)
            {
                prehashes_checked += 1;
                let got = pre_hash(event);
                if &got != want {
                    failures.push(format!("{name}[{i}] pre-hash\n got {got}\nwant {want}"));
                }
            }
            if let Some(want) = hashes.as_ref().and_then(|h| h.get(i)) {
                checked += 1;
                let got = event_hash(event).to_string();
                if &got != want {
                    failures.push(format!("{name}[{i}] hash got {got} want {want}"));
                }
            }
        }
    }
    // docs/adr/0021 quotes these counts.
    assert_eq!((checked, prehashes_checked), (39, 35));
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn identifiers_normalise_as_the_reference_normaliser_tests_say() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/ralphtro/dl_normaliser.json");
    let vectors: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() >= 70);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let input = case["input"].as_str().unwrap();
            let want = case["canonical"].as_str();
            let got = jifen_gs1::identifiers::canonical_id(input);
            (got.as_deref() != want).then(|| format!("{input}: got {got:?} want {want:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
