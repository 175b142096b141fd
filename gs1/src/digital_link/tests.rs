#![allow(clippy::unwrap_used)]
use super::*;

const YEAR: u16 = 2026;

#[test]
fn parses_the_common_forms() {
    let link =
        DigitalLink::parse_at("https://id.gs1.org/01/09506000134352/21/ABC123", YEAR).unwrap();
    assert_eq!(link.gtin().as_str(), "09506000134352");
    assert_eq!(link.serial(), Some("ABC123"));
    assert_eq!(link.resolver(), "id.gs1.org");
    assert_eq!(link.network(), None);
    assert_eq!(link.item().unwrap().serial(), "ABC123");

    let link = DigitalLink::parse_at(
        "https://brand.example.com/p/01/9506000134352/10/LOT%2F7/21/S%2F1?17=290131&net=devnet&utm=x",
        YEAR,
    )
    .unwrap();
    assert_eq!(link.gtin().as_str(), "09506000134352");
    assert_eq!(link.lot(), Some("LOT/7"));
    assert_eq!(link.serial(), Some("S/1"));
    assert_eq!(
        link.expiry(),
        Some(Expiry {
            year: 2029,
            month: 1,
            day: 31
        })
    );
    assert_eq!(link.network(), Some(Network::Devnet));
    assert_eq!(link.other_params(), [("utm".to_owned(), "x".to_owned())]);
    assert_eq!(
        item_uri(&link.item().unwrap()),
        "https://id.gs1.org/01/09506000134352/21/S%2F1"
    );
}

#[test]
fn refuses_with_specific_errors() {
    let code = |uri: &str| {
        DigitalLink::parse_at(uri, YEAR)
            .map(|_| ())
            .unwrap_err()
            .code()
    };
    assert_eq!(
        code("ftp://id.gs1.org/01/09506000134352"),
        "tag-not-http-uri"
    );
    assert_eq!(
        code("https://id.gs1.org/00/095060001343520000"),
        "tag-no-gtin"
    );
    assert_eq!(code("https://id.gs1.org/01/09506000134"), "tag-gtin-length");
    assert_eq!(
        code("https://id.gs1.org/01/09506000134353/21/1"),
        "tag-bad-check-digit"
    );
    assert_eq!(
        code("https://id.gs1.org/01/09506000134352/21/a%20b"),
        "tag-invalid-character"
    );
    assert_eq!(
        code("https://id.gs1.org/01/09506000134352/21/123456789012345678901"),
        "tag-value-too-long"
    );
    assert_eq!(
        code("https://id.gs1.org/01/09506000134352/21/1?17=291331"),
        "tag-bad-expiry"
    );
    assert_eq!(
        code("https://id.gs1.org/01/09506000134352/21/1?net=moon"),
        "tag-unknown-network"
    );
    assert_eq!(
        code("https://id.gs1.org/01/09506000134352/21/1?19=1"),
        "tag-unknown-ai"
    );
    assert_eq!(
        code("https://id.gs1.org/01/09506000134352/21/1/10/L"),
        "tag-misplaced-ai"
    );
    assert_eq!(
        code("https://id.gs1.org/01/09506000134352/21/1%zz"),
        "tag-bad-percent-encoding"
    );
    assert_eq!(
        ProductTag::parse("https://id.gs1.org/01/09506000134352")
            .unwrap_err()
            .code(),
        "tag-missing-serial"
    );
}

#[test]
fn items_come_from_links_and_epc_urns() {
    let item = item_from_uri("urn:epc:id:sgtin:4012345.011111.9876").unwrap();
    assert_eq!(
        item_uri(&item),
        "https://id.gs1.org/01/04012345111118/21/9876"
    );
    assert_eq!(
        item_from_uri("https://x.example/01/04012345111118/10/L/21/9876?net=mainnet"),
        Some(item)
    );
    assert_eq!(
        item_from_uri("https://id.gs1.org/01/04012345111119/21/9876"),
        None
    );
    assert_eq!(item_from_uri("https://id.gs1.org/01/04012345111118"), None);
}
