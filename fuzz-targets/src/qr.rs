//! Cold signing over QR codes (`docs/qr.md`): UR parts, the multipart
//! decoder, the CBOR payloads, and the codes read from images.

use jifen_qr::scan::{scan_image_bytes, scan_luma};
use jifen_qr::{DerivationPath, Payload, UrDecoder, UrType};

/// UR text, CBOR payloads and scanned images, fed `data`.
pub fn qr(data: &[u8]) {
    for ur_type in UrType::ALL {
        payload(ur_type, data);
    }
    for text in crate::texts(data) {
        parts(&text);
        if let Ok(path) = text.parse::<DerivationPath>() {
            assert_eq!(path.to_string().parse::<DerivationPath>().ok(), Some(path));
        }
        if let Ok(ur_type) = text.parse::<UrType>() {
            assert_eq!(ur_type.as_str().parse::<UrType>().ok(), Some(ur_type));
        }
    }
    images(data);
}

/// A payload of `ur_type` read from CBOR: canonical, and read back the same.
fn payload(ur_type: UrType, cbor: &[u8]) -> Option<Payload> {
    let payload = Payload::from_cbor(ur_type, cbor).ok()?;
    assert_eq!(payload.ur_type(), ur_type);
    assert_eq!(
        payload.to_cbor(),
        cbor,
        "{ur_type}: a payload read is not canonical CBOR"
    );
    let again = Payload::from_cbor(ur_type, &payload.to_cbor()).expect("re-reading a payload");
    assert_eq!(again, payload);
    Some(payload)
}

/// The text as a sequence of scanned parts (one per line), then as one
/// pasted text, to a decoder taking any type and to one expecting each.
fn parts(text: &str) {
    let mut any = UrDecoder::new();
    for line in text.lines() {
        let _ = any.receive(line);
        let progress = any.progress();
        assert!(progress.percent() <= 100);
        finish(&any);
    }
    for ur_type in UrType::ALL {
        let mut expecting = UrDecoder::expecting(ur_type);
        let _ = expecting.receive_text(text);
        if let Some((got, _)) = expecting.message() {
            assert_eq!(
                got, ur_type,
                "a decoder expecting one type completed another"
            );
        }
        finish(&expecting);
    }
}

/// A completed message decodes as its type's payload, strictly.
fn finish(decoder: &UrDecoder) {
    if let Some((ur_type, message)) = decoder.message() {
        let message = message.to_vec();
        let via_decoder = decoder.payload().ok().flatten();
        assert_eq!(via_decoder, payload(ur_type, &message));
    }
}

/// Images as the camera and file import hand them over: PNG and JPEG files
/// (only when the bytes start like one: the image decoders are slow) and
/// small luma frames.
fn images(data: &[u8]) {
    if data.starts_with(b"\x89PNG") || data.starts_with(&[0xff, 0xd8]) {
        let _ = scan_image_bytes(data);
    }
    if let [width, pixels @ ..] = data {
        // A frame as wide as the first byte says (at least 21, a QR code's
        // smallest side), as many rows as the rest fills.
        let width = usize::from(*width).max(21);
        let height = (pixels.len() / width).min(256);
        if height > 0 {
            let frame = pixels.get(..width * height).unwrap_or_default();
            let _ = scan_luma(width as u32, height as u32, frame);
        }
    }
}
