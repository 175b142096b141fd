//! The receiving session: order, loss, case, foreign streams, restarts and
//! every refusal of a text part.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::Rng;
use jifen_qr::{EncoderSettings, FragmentSize, Payload, UrDecoder, UrEncoder, UrError, UrType};

fn small() -> EncoderSettings {
    EncoderSettings {
        fragment_size: FragmentSize::Small,
        ..EncoderSettings::default()
    }
}

fn parts(encoder: &mut UrEncoder, n: usize) -> Vec<String> {
    (0..n).map(|_| encoder.next_part().unwrap()).collect()
}

/// A multipart body `[seq, count, length, checksum, fragment]` as UR text.
fn raw_part(
    ur_type: &str,
    seq: u32,
    count: u32,
    len: u32,
    checksum: u32,
    fragment: &[u8],
) -> String {
    // shortest forms for the small values, as the ur crate writes them
    let mut canonical = vec![0x85];
    for v in [seq, count, len, checksum] {
        match v {
            0..=23 => canonical.push(v as u8),
            24..=0xff => canonical.extend([0x18, v as u8]),
            0x100..=0xffff => {
                canonical.push(0x19);
                canonical.extend((v as u16).to_be_bytes());
            }
            _ => {
                canonical.push(0x1a);
                canonical.extend(v.to_be_bytes());
            }
        }
    }
    if fragment.len() < 24 {
        canonical.push(0x40 | fragment.len() as u8);
    } else {
        canonical.extend([0x58, fragment.len() as u8]);
    }
    canonical.extend(fragment);
    let body = ur::bytewords::encode(&canonical, ur::bytewords::Style::Minimal);
    format!("ur:{ur_type}/{seq}-{count}/{body}")
}

#[test]
fn shuffled_parts_with_loss_and_repeats_reassemble() {
    let request = Payload::SignRequest(common::sign_request());
    let mut encoder = UrEncoder::new(&request, small()).unwrap();
    let mut all = parts(&mut encoder, 30);
    let mut rng = Rng(7);
    rng.shuffle(&mut all);
    let mut decoder = UrDecoder::expecting(UrType::SignRequest);
    for (i, part) in all.iter().enumerate() {
        if i % 3 == 0 {
            continue; // lost
        }
        let progress = decoder.receive(part).unwrap();
        decoder.receive(part).unwrap(); // repeated
        assert!(progress.percent() <= 100);
        if progress.complete {
            break;
        }
    }
    assert!(decoder.is_complete());
    assert_eq!(decoder.payload().unwrap(), Some(request));
}

#[test]
fn progress_counts_fragments() {
    let mut encoder =
        UrEncoder::new(&Payload::SignRequest(common::sign_request()), small()).unwrap();
    let mut decoder = UrDecoder::new();
    assert_eq!(decoder.progress().fragments_total, 0);
    let p = decoder.receive(&encoder.next_part().unwrap()).unwrap();
    assert_eq!(
        (p.parts_received, p.fragments_resolved, p.fragments_total),
        (1, 1, 3)
    );
    assert_eq!(p.percent(), 33);
    assert_eq!(p.ur_type, Some(UrType::SignRequest));
    let p = decoder.receive(&encoder.next_part().unwrap()).unwrap();
    assert_eq!((p.fragments_resolved, p.complete), (2, false));
    let p = decoder.receive(&encoder.next_part().unwrap()).unwrap();
    assert!(p.complete);
    assert_eq!(p.percent(), 100);
}

#[test]
fn case_and_white_space_do_not_matter() {
    let payload = Payload::Signature(common::signature());
    let text = payload.to_ur();
    for variant in [text.to_uppercase(), format!("  {text}\n"), text.clone()] {
        let mut decoder = UrDecoder::new();
        decoder.receive(&variant).unwrap();
        assert_eq!(decoder.payload().unwrap(), Some(payload.clone()));
    }
    let mut encoder =
        UrEncoder::new(&Payload::SignRequest(common::sign_request()), small()).unwrap();
    let mut decoder = UrDecoder::new();
    for part in parts(&mut encoder, 3) {
        decoder.receive(&part.to_uppercase()).unwrap();
    }
    assert!(decoder.is_complete());
}

#[test]
fn pasted_text_with_several_parts() {
    let mut encoder =
        UrEncoder::new(&Payload::SignRequest(common::sign_request()), small()).unwrap();
    let text = format!("{}\n\nnot a part\n", parts(&mut encoder, 3).join("\n"));
    let mut decoder = UrDecoder::new();
    assert!(decoder.receive_text(&text).unwrap().complete);
    assert_eq!(
        UrDecoder::new()
            .receive_text("hello world")
            .unwrap_err()
            .code(),
        "qr-not-ur"
    );
}

#[test]
fn foreign_frames_do_not_corrupt_the_stream() {
    let request = Payload::SignRequest(common::sign_request());
    let mut other_request = common::sign_request();
    other_request.request_id = jifen_qr::RequestId([9; 16]);
    let mut ours = UrEncoder::new(&request, small()).unwrap();
    let mut theirs = UrEncoder::new(&Payload::SignRequest(other_request), small()).unwrap();
    let mut decoder = UrDecoder::new();
    decoder.receive(&ours.next_part().unwrap()).unwrap();
    for _ in 0..6 {
        let err = decoder.receive(&theirs.next_part().unwrap()).unwrap_err();
        assert_eq!(err.code(), "qr-foreign-stream");
        // a single-part code of another type is foreign too
        let err = decoder
            .receive(&Payload::Signature(common::signature()).to_ur())
            .unwrap_err();
        assert_eq!(err.code(), "qr-foreign-stream");
    }
    assert_eq!(decoder.progress().parts_received, 1);
    decoder.receive(&ours.next_part().unwrap()).unwrap();
    decoder.receive(&ours.next_part().unwrap()).unwrap();
    assert_eq!(decoder.payload().unwrap(), Some(request));
}

#[test]
fn a_new_stream_after_a_finished_one_starts_cleanly() {
    let first = Payload::SignRequest(common::sign_request());
    let mut second_request = common::sign_request();
    second_request.transaction.nonce = 8;
    let second = Payload::SignRequest(second_request);
    let mut a = UrEncoder::new(&first, small()).unwrap();
    let mut b = UrEncoder::new(&second, small()).unwrap();
    let mut decoder = UrDecoder::new();
    for part in parts(&mut a, 3) {
        decoder.receive(&part).unwrap();
    }
    assert_eq!(decoder.payload().unwrap(), Some(first));
    // more frames of the finished animation change nothing
    assert!(decoder.receive(&a.next_part().unwrap()).unwrap().complete);
    // the next animation starts afresh
    let p = decoder.receive(&b.next_part().unwrap()).unwrap();
    assert!(!p.complete);
    assert_eq!(p.parts_received, 1);
    assert_eq!(decoder.payload().unwrap(), None);
    for part in parts(&mut b, 2) {
        decoder.receive(&part).unwrap();
    }
    assert_eq!(decoder.payload().unwrap(), Some(second));
    decoder.reset();
    assert_eq!(decoder.progress(), jifen_qr::Progress::default());
}

#[test]
fn a_wrong_type_says_so() {
    let mut decoder = UrDecoder::expecting(UrType::Signature);
    let err = decoder
        .receive(&Payload::Account(common::account()).to_ur())
        .unwrap_err();
    assert_eq!(err.code(), "qr-wrong-type");
    assert_eq!(
        err,
        UrError::WrongType {
            expected: UrType::Signature,
            got: UrType::Account
        }
    );
    assert_eq!(
        err.to_string(),
        "expected a jifen-signature code, got a jifen-account code"
    );
    assert!(!decoder.is_complete());
}

#[test]
fn text_part_errors_by_case() {
    let good = Payload::Signature(common::signature()).to_ur();
    let body = good.strip_prefix("ur:jifen-signature/").unwrap();
    let mut flipped = good.clone().into_bytes();
    let last = flipped.len() - 1;
    flipped[last] = if flipped[last] == b'a' { b'e' } else { b'a' };
    let flipped = String::from_utf8(flipped).unwrap();
    let first_part = UrEncoder::new(&Payload::SignRequest(common::sign_request()), small())
        .unwrap()
        .next_part()
        .unwrap();
    let bad_indices = first_part.replacen("/1-3/", "/2-3/", 1);
    let cases: Vec<(&str, String, &str)> = vec![
        ("plain text", "hello".to_owned(), "qr-not-ur"),
        ("url", "https://example.com".to_owned(), "qr-not-ur"),
        (
            "no body",
            "ur:jifen-signature".to_owned(),
            "qr-malformed-ur",
        ),
        (
            "bad type characters",
            format!("ur:jifen_signature/{body}"),
            "qr-malformed-ur",
        ),
        (
            "bad indices",
            format!("ur:jifen-signature/1-x/{body}"),
            "qr-malformed-ur",
        ),
        (
            "extra slash",
            format!("ur:jifen-signature/1-2/{body}/x"),
            "qr-malformed-ur",
        ),
        (
            "another wallet's type",
            format!("ur:eth-sign-request/{body}"),
            "qr-unknown-type",
        ),
        (
            "a newer type",
            format!("ur:jifen-sign-request-v2/{body}"),
            "qr-unknown-type",
        ),
        ("bytewords checksum", flipped, "qr-bytewords"),
        (
            "unknown word",
            format!("ur:jifen-signature/zzzz{body}"),
            "qr-bytewords",
        ),
        (
            "indices differ from body",
            bad_indices,
            "qr-inconsistent-part",
        ),
        (
            "count disagrees with length",
            raw_part("jifen-signature", 1, 3, 10, 1, &[1; 10]),
            "qr-inconsistent-part",
        ),
        (
            "too many fragments",
            raw_part("jifen-signature", 1, 5_000, 5_000 * 30, 1, &[1; 30]),
            "qr-ur-too-large",
        ),
        (
            "too long a message",
            raw_part("jifen-signature", 1, 2_000, 200 * 1024, 1, &[1; 200]),
            "qr-ur-too-large",
        ),
        (
            "sequence zero",
            raw_part("jifen-signature", 0, 2, 20, 1, &[1; 10]),
            "qr-inconsistent-part",
        ),
    ];
    for (name, text, expected) in cases {
        let mut decoder = UrDecoder::new();
        let err = decoder.receive(&text).unwrap_err();
        assert_eq!(err.code(), expected, "{name}: {err}");
        assert_eq!(decoder.progress(), jifen_qr::Progress::default(), "{name}");
    }
}

#[test]
fn a_part_disagreeing_with_the_stream_is_refused() {
    // same identity (type, count, length, checksum) but another fragment size
    let mut decoder = UrDecoder::new();
    decoder
        .receive(&raw_part("jifen-signature", 1, 2, 20, 7, &[1; 10]))
        .unwrap();
    let err = decoder
        .receive(&raw_part("jifen-signature", 2, 2, 20, 7, &[1; 11]))
        .unwrap_err();
    assert!(
        matches!(err.code(), "qr-inconsistent-part" | "qr-foreign-stream"),
        "{err}"
    );
    assert_eq!(decoder.progress().parts_received, 1);
}

#[test]
fn a_message_failing_its_checksum_restarts_the_session() {
    let mut decoder = UrDecoder::new();
    decoder
        .receive(&raw_part("jifen-signature", 1, 2, 20, 7, &[1; 10]))
        .unwrap();
    let err = decoder
        .receive(&raw_part("jifen-signature", 2, 2, 20, 7, &[2; 10]))
        .unwrap_err();
    assert_eq!(err.code(), "qr-message-checksum");
    assert_eq!(decoder.progress(), jifen_qr::Progress::default());
}

#[test]
fn a_complete_message_with_a_bad_payload_reports_the_payload_error() {
    // A well-formed UR whose CBOR is not a signature payload.
    let body = ur::bytewords::encode(&[0xa1, 0x01, 0x02], ur::bytewords::Style::Minimal);
    let mut decoder = UrDecoder::new();
    assert!(
        decoder
            .receive(&format!("ur:jifen-signature/{body}"))
            .unwrap()
            .complete
    );
    assert_eq!(
        decoder.payload().unwrap_err().code(),
        "qr-unsupported-version"
    );
}

#[test]
fn single_part_threshold_follows_the_fragment_size() {
    let request = Payload::SignRequest(common::sign_request());
    let len = request.to_cbor().len();
    assert!(len > 200 && len < 400, "{len}");
    let large = EncoderSettings {
        fragment_size: FragmentSize::Large,
        ..EncoderSettings::default()
    };
    let mut encoder = UrEncoder::new(&request, large).unwrap();
    assert!(encoder.is_single_part());
    assert_eq!(encoder.next_part().unwrap(), request.to_ur());
    let encoder = UrEncoder::new(&request, EncoderSettings::default()).unwrap();
    assert_eq!(encoder.fragment_count(), 2);
}

#[test]
fn frame_rate_and_fragment_settings() {
    use jifen_qr::FrameRate;
    assert_eq!(FrameRate::default().fps(), 5);
    assert_eq!(FrameRate::default().frame_interval().as_millis(), 200);
    assert_eq!(FrameRate::new(1).fps(), 2);
    assert_eq!(FrameRate::new(30).fps(), 10);
    assert_eq!(FragmentSize::default().bytes(), 200);
    assert_eq!(FragmentSize::largest_within(399), FragmentSize::Medium);
    assert_eq!(FragmentSize::largest_within(400), FragmentSize::Large);
    assert_eq!(FragmentSize::largest_within(20), FragmentSize::Small);
}

/// Mutated parts and payloads are refused with an error, never a panic, and
/// a refused part leaves the session as it was.
#[test]
fn mutated_input_never_panics() {
    let mut rng = Rng(0xbad);
    let mut encoder =
        UrEncoder::new(&Payload::SignRequest(common::sign_request()), small()).unwrap();
    let good: Vec<String> = parts(&mut encoder, 8);
    let cbors: Vec<Vec<u8>> = common::payloads().iter().map(Payload::to_cbor).collect();
    for round in 0..4_000 {
        // a text part with 1-3 characters replaced, removed or inserted
        let mut text = good[rng.below(good.len())].clone().into_bytes();
        for _ in 0..=rng.below(3) {
            let i = rng.below(text.len());
            match rng.below(3) {
                0 => text[i] = b"abcdefghijklmnopqrstuvwxyz0123456789-/:"[rng.below(39)],
                1 => {
                    text.remove(i);
                }
                _ => text.insert(i, b"aeiouy/-1"[rng.below(9)]),
            }
        }
        let text = String::from_utf8(text).unwrap();
        let mut decoder = UrDecoder::new();
        decoder.receive(&good[0]).unwrap();
        let before = decoder.progress();
        if decoder.receive(&text).is_err() {
            assert_eq!(decoder.progress(), before, "{text}");
        }
        // a payload with a few bytes changed, cut or extended
        let index = round % cbors.len();
        let mut cbor = cbors[index].clone();
        match rng.below(3) {
            0 => {
                let i = rng.below(cbor.len());
                cbor[i] = rng.next_u64() as u8;
            }
            1 => cbor.truncate(rng.below(cbor.len())),
            _ => {
                let n = 1 + rng.below(4);
                cbor.extend(rng.bytes(n));
            }
        }
        let _ = Payload::from_cbor(UrType::ALL[index], &cbor);
        let n = rng.below(300);
        let _ = Payload::from_cbor(UrType::ALL[index], &rng.bytes(n));
    }
}

#[test]
fn a_replaced_animation_is_followed_after_enough_of_its_parts() {
    let old = Payload::SignRequest(common::sign_request());
    let mut new_request = common::sign_request();
    new_request.transaction.fee = 2_000;
    let new = Payload::SignRequest(new_request);
    let mut a = UrEncoder::new(&old, small()).unwrap();
    let mut b = UrEncoder::new(&new, small()).unwrap();
    let mut decoder = UrDecoder::new();
    decoder.receive(&a.next_part().unwrap()).unwrap();
    let b_parts = parts(&mut b, jifen_qr::SWITCH_AFTER_PARTS + 3);
    for part in &b_parts[..jifen_qr::SWITCH_AFTER_PARTS - 1] {
        assert_eq!(
            decoder.receive(part).unwrap_err().code(),
            "qr-foreign-stream"
        );
        // repeats of the same frame do not count twice
        assert_eq!(
            decoder.receive(part).unwrap_err().code(),
            "qr-foreign-stream"
        );
    }
    let p = decoder
        .receive(&b_parts[jifen_qr::SWITCH_AFTER_PARTS - 1])
        .unwrap();
    assert_eq!(p.parts_received, 1, "the new stream starts with this part");
    for part in &b_parts[jifen_qr::SWITCH_AFTER_PARTS..] {
        decoder.receive(part).unwrap();
    }
    let mut more = b;
    while !decoder.is_complete() {
        decoder.receive(&more.next_part().unwrap()).unwrap();
    }
    assert_eq!(decoder.payload().unwrap(), Some(new));
}

#[test]
fn interleaved_streams_never_take_over() {
    let ours = Payload::SignRequest(common::sign_request());
    let mut other = common::sign_request();
    other.transaction.fee = 2_000;
    let mut a = UrEncoder::new(&ours, small()).unwrap();
    let mut b = UrEncoder::new(&Payload::SignRequest(other), small()).unwrap();
    let mut decoder = UrDecoder::new();
    // Both animations are in view; half of ours is lost, so up to 8 of the
    // other's parts pass between two of ours: fewer than SWITCH_AFTER_PARTS.
    decoder.receive(&a.next_part().unwrap()).unwrap();
    let mut foreign = 0;
    for round in 0..100 {
        for _ in 0..4 {
            assert_eq!(
                decoder.receive(&b.next_part().unwrap()).unwrap_err().code(),
                "qr-foreign-stream"
            );
            foreign += 1;
        }
        let part = a.next_part().unwrap();
        if round % 2 == 0 {
            continue;
        }
        if decoder.receive(&part).unwrap().complete {
            break;
        }
    }
    assert!(foreign > jifen_qr::SWITCH_AFTER_PARTS);
    assert_eq!(decoder.payload().unwrap(), Some(ours));
}
