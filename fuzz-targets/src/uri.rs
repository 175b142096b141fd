//! What a camera or a merchant hands the wallet as text: payment requests
//! (`docs/payment-requests.md`), GS1 Digital Link tags and EPCIS events
//! (`docs/traceability.md`).

use jifen_gs1::identifiers::canonical_id;
use jifen_gs1::{DigitalLink, EventHash, ProductTag, item_from_uri, item_uri, parse_events};
use jifen_protocol::{DecimalAmount, Network, PaymentRequest};

/// A fixed year for two-digit expiry years (reproducible runs).
const YEAR: u16 = 2026;

/// URIs, amounts, tags and events, fed `data`.
pub fn uri(data: &[u8]) {
    for text in crate::texts(data) {
        payment_request(&text);
        amount(&text);
        digital_link(&text);
        if let Ok(hash) = text.parse::<EventHash>() {
            assert_eq!(hash.to_string().parse::<EventHash>().ok(), Some(hash));
        }
    }
    events(data);
}

fn payment_request(text: &str) {
    let Ok(request) = PaymentRequest::parse(text) else {
        return;
    };
    let uri = request.to_uri();
    let again = PaymentRequest::parse(&uri)
        .unwrap_or_else(|e| panic!("re-reading {uri}: {} (first read {text:?})", e.code()));
    assert_eq!(again, request, "a payment request does not survive its URI");
    for decimals in [0, 2, 6, 18] {
        let _ = request.amount_in_base_units(decimals);
    }
    let _ = request.check_expiry(u64::MAX);
    let _ = request.check_expiry(0);
}

fn amount(text: &str) {
    let Ok(amount) = DecimalAmount::parse(text) else {
        return;
    };
    let shown = amount.to_string();
    let again = DecimalAmount::parse(&shown)
        .unwrap_or_else(|e| panic!("re-reading amount {shown}: {}", e.code()));
    assert_eq!(again, amount);
    let _ = amount.to_base_units(38);
    let _ = amount.to_base_units(u8::MAX);
    // Assets have at most 18 decimals (`MAX_POINTS_DECIMALS`).
    for decimals in [0, 2, 6, 18] {
        if let Ok(units) = amount.to_base_units(decimals) {
            let back = DecimalAmount::from_base_units(units, decimals)
                .expect("base units read back as an amount");
            assert_eq!(
                back.to_base_units(decimals).ok(),
                Some(units),
                "{shown} at {decimals} decimals"
            );
        }
    }
}

fn digital_link(text: &str) {
    if let Ok(link) = DigitalLink::parse_at(text, YEAR) {
        let canonical = link.canonical();
        let again = DigitalLink::parse_at(&canonical, YEAR)
            .unwrap_or_else(|e| panic!("re-reading {canonical}: {e} (first read {text:?})"));
        assert_eq!(again.gtin(), link.gtin());
        assert_eq!(again.serial(), link.serial());
        if link.serial().is_none() {
            assert_eq!(again.lot(), link.lot());
        }
        if let Ok(item) = link.item() {
            assert_eq!(item_from_uri(&canonical).as_ref(), Some(&item));
        }
    }
    if let Ok(tag) = ProductTag::parse(text) {
        let uri = item_uri(&tag.item);
        assert_eq!(item_from_uri(&uri).as_ref(), Some(&tag.item));
        for network in Network::ALL {
            let _ = jifen_wallet::provenance::tag::parse_for(text, network);
        }
    }
    let _ = jifen_wallet::provenance::tag::parse(text);
    if let Some(item) = item_from_uri(text) {
        assert_eq!(item_from_uri(&item_uri(&item)).as_ref(), Some(&item));
    }
    let _ = canonical_id(text);
}

fn events(json: &[u8]) {
    let Ok(events) = parse_events(json) else {
        return;
    };
    for event in &events {
        let hash = event.hash();
        assert_eq!(event.hash(), hash, "an event's hash is not deterministic");
        assert_eq!(jifen_gs1::event_hash(event), hash);
        let _ = jifen_gs1::pre_hash(event);
        let _ = event.epcs();
        let _ = event.biz_step();
        let _ = event.read_point();
    }
    let _ = jifen_wallet::provenance::tag::event_hashes(json);
}
