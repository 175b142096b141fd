//! Payment requests: round trips of every valid request (proptest), the
//! canonical form is a fixed point, no input panics the parser, and the
//! builder refuses what the parser refuses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failed test

use jifen_protocol::message::Coded;
use jifen_protocol::payment_request::{
    DecimalAmount, MAX_LABEL_BYTES, MAX_MEMO_BYTES, MAX_URI_BYTES, PaymentRequest,
    PaymentRequestError, TextField,
};
use jifen_protocol::{Address, AssetId, ChainId, MerchantId, Network};
use proptest::prelude::*;

const MAIN: &str = "jf1f2n59jjvq3gpser8w5q26255qtya7pzmdvrunp";

fn base() -> String {
    format!("jifen:{MAIN}?chain=jifen-mainnet&asset=POINT")
}

fn network() -> impl Strategy<Value = Network> {
    prop::sample::select(Network::ALL.to_vec())
}

fn asset() -> impl Strategy<Value = AssetId> {
    prop_oneof![
        Just(AssetId::Point),
        (1u32..=u32::MAX).prop_map(|n| AssetId::Points(MerchantId::new(n).unwrap())),
    ]
}

/// Text a memo or label may hold: any characters but controls and bidi
/// formatting, cut to `max` bytes on a character boundary.
fn text(max: usize) -> impl Strategy<Value = String> {
    "[^\\p{Cc}\u{061C}\u{200E}\u{200F}\u{2028}-\u{202E}\u{2066}-\u{2069}]{1,60}".prop_map(
        move |s| {
            let mut out = String::new();
            for c in s.chars() {
                if out.len() + c.len_utf8() > max {
                    break;
                }
                out.push(c);
            }
            out
        },
    )
}

fn request() -> impl Strategy<Value = PaymentRequest> {
    (
        any::<[u8; 20]>(),
        network(),
        "[a-z0-9-]{1,32}",
        asset(),
        prop::option::of((1u128..=u128::MAX, 0u8..=18)),
        prop::option::of(text(MAX_MEMO_BYTES)),
        prop::option::of(text(MAX_LABEL_BYTES)),
        prop::option::of(1u64..=u64::MAX),
    )
        .prop_map(
            |(bytes, network, chain, asset, amount, memo, label, expires)| {
                let mut request = PaymentRequest::new(
                    Address::from_bytes(bytes),
                    network,
                    ChainId::new(&chain).unwrap(),
                    asset,
                );
                if let Some((units, decimals)) = amount {
                    let decimals = match asset {
                        AssetId::Point => decimals.min(6),
                        AssetId::Points(_) => decimals,
                    };
                    let amount = DecimalAmount::from_base_units(units, decimals).unwrap();
                    request = request.with_amount(amount).unwrap();
                }
                if let Some(memo) = memo.filter(|m| !m.is_empty()) {
                    request = request.with_memo(&memo).unwrap();
                }
                if let Some(label) = label.filter(|l| !l.is_empty()) {
                    request = request.with_label(&label).unwrap();
                }
                if let Some(expires) = expires {
                    request = request.with_expiry(expires).unwrap();
                }
                request
            },
        )
}

/// Characters a URI is made of, plus a few that it must not hold.
fn uri_noise() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9%&=?:@/.+~_!$'()*,;#\\- 茶\u{202E}\n-]{0,80}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_valid_request_round_trips(request in request()) {
        let uri = request.to_uri();
        prop_assert!(uri.len() <= MAX_URI_BYTES);
        prop_assert_eq!(PaymentRequest::parse(&uri), Ok(request.clone()));
        prop_assert_eq!(PaymentRequest::parse(&request.to_qr_text()), Ok(request.clone()));
        prop_assert_eq!(uri.parse::<PaymentRequest>()?.to_string(), uri);
    }

    #[test]
    fn the_canonical_form_is_a_fixed_point(request in request(), extra in uri_noise()) {
        // Whatever parses, its canonical form parses to the same request
        // and formats to itself.
        let text = format!("{}{extra}", request.to_uri());
        if let Ok(parsed) = PaymentRequest::parse(&text) {
            let canonical = parsed.to_uri();
            prop_assert_eq!(PaymentRequest::parse(&canonical), Ok(parsed));
            prop_assert_eq!(PaymentRequest::parse(&canonical)?.to_uri(), canonical);
        }
    }

    #[test]
    fn no_input_panics(text in any::<String>(), tail in uri_noise()) {
        let _ = PaymentRequest::parse(&text);
        let _ = PaymentRequest::parse(&format!("jifen:{MAIN}?{tail}"));
        let _ = PaymentRequest::parse(&format!("{}&{tail}", base()));
        if let Err(error) = PaymentRequest::parse(&format!("{}&amount={tail}", base())) {
            prop_assert!(!error.code().is_empty());
            prop_assert!(error.args().iter().all(|(name, _)| !name.is_empty()));
        }
    }

    #[test]
    fn mutated_requests_never_panic(request in request(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = request.to_uri().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let _ = PaymentRequest::parse(&String::from_utf8_lossy(&bytes));
        bytes.truncate(i);
        let _ = PaymentRequest::parse(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn the_length_bound_is_checked_before_parsing() {
    let filler = |len: usize| {
        let head = format!("{}&x=", base());
        format!("{head}{}", "y".repeat(len - head.len()))
    };
    assert!(PaymentRequest::parse(&filler(MAX_URI_BYTES)).is_ok());
    assert_eq!(
        PaymentRequest::parse(&filler(MAX_URI_BYTES + 1)),
        Err(PaymentRequestError::TooLong {
            max: MAX_URI_BYTES,
            got: MAX_URI_BYTES + 1
        })
    );
    // Refused by length even when nothing else about it is a request.
    let error = PaymentRequest::parse(&"\u{0}".repeat(10_000)).unwrap_err();
    assert_eq!(error.code(), "payment-request-too-long");
}

#[test]
fn errors_say_where_and_what() {
    let error = PaymentRequest::parse(&format!("{} &memo=x", base())).unwrap_err();
    let position = base().len();
    assert_eq!(
        error,
        PaymentRequestError::InvalidCharacter {
            position,
            character: ' '
        }
    );
    let args = error.args();
    assert_eq!(args[0].1.to_string(), (position + 1).to_string());
    assert_eq!(args[1].1.to_string(), "U+0020");

    let error = PaymentRequest::parse(&format!("{}&memo=a%0Ab", base())).unwrap_err();
    assert_eq!(
        error,
        PaymentRequestError::TextControlCharacter {
            field: TextField::Memo,
            position: 1,
            code_point: "U+000A".into()
        }
    );
    let error = PaymentRequest::parse(&format!("{}&&amount=1", base())).unwrap_err();
    assert_eq!(
        error,
        PaymentRequestError::MalformedParameter {
            position: base().len() + 1,
            parameter: String::new()
        }
    );
    let error = PaymentRequest::parse("bitcoin:bc1q").unwrap_err();
    assert_eq!(
        error,
        PaymentRequestError::WrongScheme {
            given: "bitcoin".into()
        }
    );
    let error = PaymentRequest::parse("\u{202E}:x").unwrap_err();
    assert_eq!(
        error,
        PaymentRequestError::WrongScheme {
            given: String::new()
        }
    );
    let error = PaymentRequest::parse(&format!("{}&expires=100", base()))
        .unwrap()
        .check_expiry(160)
        .unwrap_err();
    assert_eq!(
        error,
        PaymentRequestError::Expired {
            expires: 100,
            now: 160
        }
    );
    assert_eq!(
        error
            .args()
            .last()
            .map(|(name, value)| (*name, value.to_string())),
        Some(("seconds", "60".to_owned()))
    );
}

#[test]
fn the_builder_refuses_what_the_parser_refuses() {
    let new = |asset| {
        PaymentRequest::new(
            Address::from_bytes([7; 20]),
            Network::Devnet,
            ChainId::new("jifen-devnet").unwrap(),
            asset,
        )
    };
    let point = new(AssetId::Point);
    let seven_decimals = DecimalAmount::parse("1.0000001").unwrap();
    assert_eq!(
        point
            .clone()
            .with_amount(seven_decimals)
            .unwrap_err()
            .code(),
        "decimal-amount-too-many-decimals"
    );
    let merchant = new(AssetId::Points(MerchantId::new(7).unwrap()));
    let with_amount = merchant.with_amount(seven_decimals).unwrap();
    assert_eq!(
        with_amount.amount_in_base_units(7).unwrap(),
        Some(10_000_001)
    );
    assert_eq!(
        with_amount.amount_in_base_units(2).unwrap_err().code(),
        "decimal-amount-too-many-decimals"
    );
    for (result, code) in [
        (point.clone().with_memo(""), "payment-request-empty-value"),
        (
            point.clone().with_memo(&"x".repeat(MAX_MEMO_BYTES + 1)),
            "payment-request-text-too-long",
        ),
        (
            point.clone().with_label(&"茶".repeat(22)),
            "payment-request-text-too-long",
        ),
        (
            point.clone().with_label("a\u{202E}b"),
            "payment-request-text-control-character",
        ),
        (
            point.clone().with_memo("a\u{7F}"),
            "payment-request-text-control-character",
        ),
        (point.clone().with_expiry(0), "payment-request-bad-expiry"),
    ] {
        assert_eq!(result.unwrap_err().code(), code);
    }
    let full = point
        .with_memo(&"x".repeat(MAX_MEMO_BYTES))
        .unwrap()
        .with_label(&"茶".repeat(21))
        .unwrap();
    assert_eq!(PaymentRequest::parse(&full.to_uri()), Ok(full));
}

#[test]
fn the_qr_form_differs_only_in_case_of_scheme_and_address() {
    let request = PaymentRequest::parse(&format!("{}&memo=Order%20a1&label=Tea", base())).unwrap();
    let qr = request.to_qr_text();
    assert!(qr.starts_with(&format!("JIFEN:{}?", MAIN.to_ascii_uppercase())));
    assert_eq!(
        qr.to_ascii_lowercase(),
        request.to_uri().to_ascii_lowercase()
    );
    assert!(qr.ends_with("&memo=Order%20a1&label=Tea"));
}
