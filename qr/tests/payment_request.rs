//! Payment requests through real QR codes: the merchant's request rendered
//! with `QrSymbol::for_text`, read back with rqrr, parsed to the same
//! request. Also the density figures behind the QR form's upper case.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jifen_protocol::payment_request::{
    DecimalAmount, MAX_LABEL_BYTES, MAX_MEMO_BYTES, PaymentRequest,
};
use jifen_protocol::{Address, AssetId, ChainId, MerchantId, Network};
use jifen_qr::{QrSymbol, scan_frame, scan_image_bytes};

fn typical() -> PaymentRequest {
    PaymentRequest::new(
        Address::from_bytes([0x4a; 20]),
        Network::Mainnet,
        ChainId::new("jifen-mainnet").unwrap(),
        AssetId::Point,
    )
    .with_amount(DecimalAmount::parse("38.5").unwrap())
    .unwrap()
    .with_memo("ORDER-20261206-0042")
    .unwrap()
    .with_label("老王茶馆")
    .unwrap()
    .with_expiry(1_767_225_600)
    .unwrap()
}

/// The longest request the format can carry: every field at its bound.
fn largest() -> PaymentRequest {
    PaymentRequest::new(
        Address::from_bytes([0xff; 20]),
        Network::Testnet,
        ChainId::new(&"x".repeat(32)).unwrap(),
        AssetId::Points(MerchantId::new(u32::MAX).unwrap()),
    )
    .with_amount(DecimalAmount::from_base_units(u128::MAX, 18).unwrap())
    .unwrap()
    // '!' is one byte that takes three characters percent-encoded.
    .with_memo(&"!".repeat(MAX_MEMO_BYTES))
    .unwrap()
    .with_label(&"!".repeat(MAX_LABEL_BYTES))
    .unwrap()
    .with_expiry(u64::MAX)
    .unwrap()
}

fn scanned(text: &str) -> PaymentRequest {
    let symbol = QrSymbol::for_text(text).unwrap();
    let texts = scan_frame(&symbol.to_luma(4)).unwrap();
    assert_eq!(texts, vec![text.to_owned()]);
    PaymentRequest::parse(&texts[0]).unwrap()
}

#[test]
fn a_request_survives_a_qr_code() {
    for request in [typical(), largest()] {
        assert_eq!(scanned(&request.to_qr_text()), request);
        assert_eq!(scanned(&request.to_uri()), request);
    }
    // Through a PNG file too, as `jifen pay --image` will read it.
    let request = typical();
    let png = QrSymbol::for_text(&request.to_qr_text())
        .unwrap()
        .to_png(3)
        .unwrap();
    let texts = scan_image_bytes(&png).unwrap();
    assert_eq!(PaymentRequest::parse(&texts[0]).unwrap(), request);
}

#[test]
fn for_text_keeps_case_where_for_ur_does_not() {
    let text = typical().to_qr_text();
    let kept = scan_frame(&QrSymbol::for_text(&text).unwrap().to_luma(4)).unwrap();
    assert_eq!(kept, vec![text.clone()]);
    let upper = scan_frame(&QrSymbol::for_ur(&text).unwrap().to_luma(4)).unwrap();
    // The UR path upper-cases everything: a request must not be sent that way.
    assert_eq!(
        PaymentRequest::parse(&upper[0]).unwrap_err().code(),
        "payment-request-malformed-parameter"
    );
}

/// The QR form (`JIFEN:JF1...`) never needs a larger symbol than the
/// canonical form, and over memos of 0 to 128 bytes it often needs a
/// smaller one (the 47 upper-case characters cost 5.5 bits each instead
/// of 8: about 100 bits saved, which drops a version near a boundary).
#[test]
fn the_upper_case_form_is_never_larger() {
    let mut smaller = 0;
    let mut modules_saved = 0;
    let total = MAX_MEMO_BYTES + 1;
    for memo_len in 0..=MAX_MEMO_BYTES {
        let mut request = typical();
        if memo_len > 0 {
            request = request.with_memo(&"A".repeat(memo_len)).unwrap();
        }
        let canonical = QrSymbol::for_text(&request.to_uri()).unwrap();
        let upper = QrSymbol::for_text(&request.to_qr_text()).unwrap();
        assert!(upper.version() <= canonical.version(), "memo of {memo_len}");
        if upper.version() < canonical.version() {
            smaller += 1;
            modules_saved += canonical.width() - upper.width();
        }
    }
    let largest = largest();
    let canonical = QrSymbol::for_text(&largest.to_uri()).unwrap().version();
    let upper = QrSymbol::for_text(&largest.to_qr_text()).unwrap().version();
    eprintln!(
        "upper-case form smaller in {smaller} of {total} memo lengths \
         ({modules_saved} modules a side saved in all); largest request: {} bytes, \
         version {canonical} lower case, {upper} upper case",
        largest.to_uri().len()
    );
    assert!(upper <= canonical);
    assert!(smaller > 0);
}
