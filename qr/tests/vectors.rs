//! The test vectors of docs/qr.md: fixed payloads -> CBOR hex and UR text.
//! The test also fails if docs/qr.md no longer shows a value.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use jifen_qr::{EncoderSettings, FragmentSize, Payload, UrDecoder, UrEncoder};

const DOC: &str = include_str!("../../docs/qr.md");

const ACCOUNT_CBOR: &str = "a7010102676d61696e6e657403443442193e04811a8000000005786f787075623638476d79354564766769625156665064716b42424348784135687469716735356372585975586f51524b66444246413157456a576750364c486877425a654e4b3156547366544655484364726670316267775139787635736b6938505839724c32645a58766747446e770665302e312e300718c8";
const ACCOUNT_UR: &str = "ur:jifen-account/osadadaoiojnhsinjtjtihjyaxfyeefwcffmaalycylaaeaeaeahksjlksjokpidenetfljnkkecfeiekoioinidgyhfiygdiejsjefwfwfxfdksfpecisjyinjsioececiajphdhkkphdjlgygmgriyfyfwfgfpehhgfeimhgiogdengsfdisktfwhtihglgrehhfghjkiyghfggofdfxiejpiyjoehidioktgyeskskoecjkjeinetgdhdesjpgseyiehthdkoioflfyjtktamihdydmehdmdyatcsspknrewdtt";
const SIGN_REQUEST_CBOR: &str = "a70101025000112233445546778899aabbccddeeff03588400010c6a6966656e2d6465766e65744aa742ca4c04501864677500ad2a9402c9df045b0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f817980000000000000007000000000000000000000000000003e800000024222222222222222222222222222222222222222200000000000000000000000000bebc20046c6a6966656e2d6465766e657405851a8000002c1a80004a461a80000000000006544aa742ca4c04501864677500ad2a9402c9df045b076f6a6966656e2d636c6920302e312e30";
const SIGN_REQUEST_UR: &str = "ur:jifen-sign-request/osadadaogdaebycpeofygofgktlonlpkrksfutwyzmaxhdlraeadbniminiyihjtdpieihkojtihjygeosfwsggsaagdcsieiokpaepmdrmwaosouraahpaokkrniykbytuorkpsgonbidmdtoltbdataondztuydptodetahkwzlyhpcmyachmkaeaeaeaeaeaeaeataeaeaeaeaeaeaeaeaeaeaeaeaeaeaxvsaeaeaedkcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpaeaeaeaeaeaeaeaeaeaeaeaeaernrfcxaajziminiyihjtdpieihkojtihjyahlpcylaaeaedwcylaaegefgcylaaeaeaeaeaeamghgeosfwsggsaagdcsieiokpaepmdrmwaosouraahpatjliminiyihjtdpiajzincxdydmehdmdyiabgreue";
const SIGNATURE_CBOR: &str = "a30101025000112233445546778899aabbccddeeff0358400102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40";
const SIGNATURE_UR: &str = "ur:jifen-signature/otadadaogdaebycpeofygofgktlonlpkrksfutwyzmaxhdfzadaoaxaaahamatayasbkbdbnbtbabsbebybgbwbbbzcmchcscfcycwcecackctcxclcpcndkdadsdidedtdrdndwdpdmdldyeheyeoeeecenemetesftfrfnfsfmfhfzotuorsbk";
const SIGN_REQUEST_PARTS_80: [&str; 4] = [
    "ur:jifen-sign-request/1-3/lpadaxcsvecyiabgreuehdgsosadadaogdaebycpeofygofgktlonlpkrksfutwyzmaxhdlraeadbniminiyihjtdpieihkojtihjygeosfwsggsaagdcsieiokpaepmdrmwaosouraahpaokkrniykbytuorkpsgonbidmdtoltbdatchckhelp",
    "ur:jifen-sign-request/2-3/lpaoaxcsvecyiabgreuehdgsaondztuydptodetahkwzlyhpcmyachmkaeaeaeaeaeaeaeataeaeaeaeaeaeaeaeaeaeaeaeaeaeaxvsaeaeaedkcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpcpaeaeaeaeaeaeaeaeaeaeaeaeontavsee",
    "ur:jifen-sign-request/3-3/lpaxaxcsvecyiabgreuehdgsaernrfcxaajziminiyihjtdpieihkojtihjyahlpcylaaeaedwcylaaegefgcylaaeaeaeaeaeamghgeosfwsggsaagdcsieiokpaepmdrmwaosouraahpatjliminiyihjtdpiajzincxdydmehdmdydmonrnjy",
    "ur:jifen-sign-request/4-3/lpaaaxcsvecyiabgreuehdgsaernrfcxaajziminiyihjtdpieihkojtihjyahlpcylaaeaedwcylaaegefgcylaaeaeaeaeaeamghgeosfwsggsaagdcsieiokpaepmdrmwaosouraahpatjliminiyihjtdpiajzincxdydmehdmdytaqzatrd",
];

fn vectors() -> [(Payload, &'static str, &'static str); 3] {
    let [account, request, signature] = common::payloads();
    [
        (account, ACCOUNT_CBOR, ACCOUNT_UR),
        (request, SIGN_REQUEST_CBOR, SIGN_REQUEST_UR),
        (signature, SIGNATURE_CBOR, SIGNATURE_UR),
    ]
}

#[test]
fn payloads_encode_to_the_vectors() {
    for (payload, cbor, ur) in vectors() {
        assert_eq!(
            hex::encode(payload.to_cbor()),
            cbor,
            "{}",
            payload.ur_type()
        );
        assert_eq!(payload.to_ur(), ur, "{}", payload.ur_type());
    }
}

#[test]
fn vectors_decode_to_the_payloads() {
    for (payload, cbor, ur) in vectors() {
        let bytes = hex::decode(cbor).unwrap();
        assert_eq!(
            Payload::from_cbor(payload.ur_type(), &bytes).unwrap(),
            payload
        );
        let mut decoder = UrDecoder::new();
        assert!(decoder.receive(ur).unwrap().complete);
        assert_eq!(decoder.payload().unwrap(), Some(payload));
    }
}

#[test]
fn multipart_vectors() {
    let settings = EncoderSettings {
        fragment_size: FragmentSize::Small,
        ..EncoderSettings::default()
    };
    let request = Payload::SignRequest(common::sign_request());
    let mut encoder = UrEncoder::new(&request, settings).unwrap();
    assert!(!encoder.is_single_part());
    assert_eq!(encoder.fragment_count(), 3);
    for expected in SIGN_REQUEST_PARTS_80 {
        assert_eq!(encoder.next_part().unwrap(), expected);
    }
    // Fragments 1, 2 and the fountain part 4 (a copy of fragment 3) suffice.
    let mut decoder = UrDecoder::new();
    for part in [
        SIGN_REQUEST_PARTS_80[3],
        SIGN_REQUEST_PARTS_80[0],
        SIGN_REQUEST_PARTS_80[1],
    ] {
        decoder.receive(part).unwrap();
    }
    assert_eq!(decoder.payload().unwrap(), Some(request));
}

#[test]
fn the_document_shows_every_vector() {
    let mut values = vec![
        ACCOUNT_CBOR,
        ACCOUNT_UR,
        SIGN_REQUEST_CBOR,
        SIGN_REQUEST_UR,
        SIGNATURE_CBOR,
        SIGNATURE_UR,
    ];
    values.extend(SIGN_REQUEST_PARTS_80);
    for value in values {
        assert!(DOC.contains(value), "docs/qr.md lacks {value}");
    }
}

/// The account export of a device paired for a chain (optional key 8).
const PAIRED_ACCOUNT_CBOR: &str = "a8010102676d61696e6e657403443442193e04811a8000000005786f787075623638476d79354564766769625156665064716b42424348784135687469716735356372585975586f51524b66444246413157456a576750364c486877425a654e4b3156547366544655484364726670316267775139787635736b6938505839724c32645a58766747446e770665302e312e300718c8086c6a6966656e2d6465766e6574";

#[test]
fn paired_account_vector() {
    let mut account = common::account();
    account.chain_id = Some(jifen_protocol::ChainId::new("jifen-devnet").unwrap());
    let payload = Payload::Account(account);
    let cbor = hex::encode(payload.to_cbor());
    assert_eq!(cbor, PAIRED_ACCOUNT_CBOR);
    assert!(DOC.contains(PAIRED_ACCOUNT_CBOR), "docs/qr.md lacks it");
    let back = Payload::from_cbor(payload.ur_type(), &hex::decode(&cbor).unwrap()).unwrap();
    assert_eq!(back, payload);
}

/// A swap's sign request with its context (optional key 8): TEA's symbol,
/// decimals and name, and the quote's output, fee and rate terms.
fn context_request() -> jifen_qr::SignRequest {
    use jifen_protocol::points::{FeeMode, Swap, SwapDirection};
    use jifen_protocol::{AssetId, MerchantId, TxPayload, UnsignedTransaction};
    use jifen_qr::{AssetContext, SignContext, SwapContext};
    let base = common::sign_request();
    let tea = MerchantId::new(1).unwrap();
    let t = &base.transaction;
    let transaction = UnsignedTransaction::new(
        t.chain_id.clone(),
        t.sender_public_key,
        t.nonce,
        t.fee,
        TxPayload::Swap(Swap {
            merchant: tea,
            direction: SwapDirection::PointsToPoint,
            amount_in: 1_000,
            min_out: 9_500,
            rate_version: 3,
            deadline: 160,
        }),
    );
    jifen_qr::SignRequest {
        transaction,
        context: Some(Box::new(SignContext {
            assets: vec![AssetContext {
                asset: AssetId::Points(tea),
                symbol: "TEA".to_owned(),
                decimals: 2,
                name: Some("Tea House".to_owned()),
            }],
            swap: Some(SwapContext {
                quoted_out: 9_500,
                exchange_fee: 0,
                bid: 950,
                ask: 1_050,
                den: 100,
                fee_mode: FeeMode::Settlement,
                fee_bps: 0,
                rate_version: 3,
                quote_expires_ms: 1_765_000_000_000,
            }),
            withdrawal: None,
        })),
        ..base
    }
}

const CONTEXT_REQUEST_CBOR: &str = "a80101025000112233445546778899aabbccddeeff03589100260c6a6966656e2d6465766e65744aa742ca4c04501864677500ad2a9402c9df045b0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f817980000000000000007000000000000000000000000000003e8000000310000000101000000000000000000000000000003e80000000000000000000000000000251c0000000300000000000000a0046c6a6966656e2d6465766e657405851a8000002c1a80004a461a80000000000006544aa742ca4c04501864677500ad2a9402c9df045b076f6a6966656e2d636c6920302e312e3008a20181a4010102635445410302046954656120486f75736502a901500000000000000000000000000000251c025000000000000000000000000000000000031903b60419041a051864060107000803091b0000019af232b200";

#[test]
fn sign_request_context_vector() {
    let payload = Payload::SignRequest(context_request());
    let cbor = hex::encode(payload.to_cbor());
    assert_eq!(cbor, CONTEXT_REQUEST_CBOR);
    assert!(DOC.contains(CONTEXT_REQUEST_CBOR), "docs/qr.md lacks it");
    let back = Payload::from_cbor(payload.ur_type(), &hex::decode(&cbor).unwrap()).unwrap();
    assert_eq!(back, payload);
    // The same request without its context is the old request: same keys
    // 1-7, and it decodes with no context.
    let mut old = context_request();
    old.context = None;
    let old = Payload::SignRequest(old);
    let back = Payload::from_cbor(old.ur_type(), &old.to_cbor()).unwrap();
    assert_eq!(back.into_sign_request().unwrap().context, None);
}

#[test]
fn context_decoding_is_strict_and_bounded() {
    let decode = |hex_text: &str| {
        Payload::from_cbor(
            jifen_qr::UrType::SignRequest,
            &hex::decode(hex_text).unwrap(),
        )
        .map(|_| ())
        .map_err(|e| e.code())
    };
    assert_eq!(decode(CONTEXT_REQUEST_CBOR), Ok(()));
    let at = CONTEXT_REQUEST_CBOR.find("08a20181").unwrap();
    let (head, context) = CONTEXT_REQUEST_CBOR.split_at(at);
    // An empty context map is refused (it is left out instead).
    assert_eq!(decode(&format!("{head}08a0")), Err("qr-invalid-field"));
    // An unknown key in the swap map.
    let swap_at = context.find("02a901").unwrap();
    let unknown = format!(
        "{head}{}02aa01{}0a00",
        &context[..swap_at],
        &context[swap_at + 6..]
    );
    assert_eq!(decode(&unknown), Err("qr-unknown-field"));
    // 19 decimals.
    let decimals = format!("{head}{}", context.replacen("0302", "0313", 1));
    assert_eq!(decode(&decimals), Err("qr-invalid-field"));
    // A denominator of 0.
    let den = format!("{head}{}", context.replacen("051864", "0500", 1));
    assert_eq!(decode(&den), Err("qr-invalid-field"));
    // A fee mode other than 1 or 2.
    let mode = format!("{head}{}", context.replacen("0601", "0603", 1));
    assert_eq!(decode(&mode), Err("qr-invalid-field"));
}
