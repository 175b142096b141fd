//! Round trips through real images: the sending side renders PNG frames, the
//! test loses and shuffles some, the receiving side reads them back with rqrr.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::Rng;
use jifen_qr::{
    EncoderSettings, FragmentSize, LumaFrame, Payload, QrSymbol, UrDecoder, UrEncoder, UrType,
    scan_frame, scan_image_bytes, scan_image_file, scan_luma,
};

/// Renders `frames` PNG frames, drops `loss_percent` of them, shuffles the
/// rest and feeds what rqrr reads to a decoder. Returns the message and how
/// many frames were read.
fn png_round_trip(
    ur_type: UrType,
    cbor: &[u8],
    settings: EncoderSettings,
    loss_percent: usize,
    seed: u64,
) -> (Vec<u8>, usize) {
    let mut encoder = UrEncoder::from_cbor(ur_type, cbor, settings).unwrap();
    let count = encoder.fragment_count();
    let frames = 3 * count + 10;
    let mut rng = Rng(seed);
    let mut pngs: Vec<Vec<u8>> = (0..frames)
        .map(|_| encoder.next_qr().unwrap().to_png(3).unwrap())
        .filter(|_| rng.below(100) >= loss_percent)
        .collect();
    rng.shuffle(&mut pngs);
    let mut decoder = UrDecoder::expecting(ur_type);
    let mut read = 0;
    for png in &pngs {
        let texts = scan_image_bytes(png).unwrap();
        assert_eq!(texts.len(), 1, "every rendered frame is readable");
        assert!(texts[0].starts_with("UR:JIFEN-"), "rendered in upper case");
        read += 1;
        if decoder.receive(&texts[0]).unwrap().complete {
            break;
        }
    }
    let (got_type, message) = decoder.message().expect("complete");
    assert_eq!(got_type, ur_type);
    (message.to_vec(), read)
}

#[test]
fn one_and_three_kilobytes_survive_loss_and_shuffling_through_png() {
    let mut rng = Rng(0x5eed);
    for (size, loss) in [(1_024, 10), (1_024, 30), (3_072, 20), (3_072, 30)] {
        let message = rng.bytes(size);
        let (got, read) = png_round_trip(
            UrType::SignRequest,
            &message,
            EncoderSettings::default(),
            loss,
            size as u64 + loss as u64,
        );
        assert_eq!(got, message, "{size} bytes at {loss}% loss");
        assert!(read >= size.div_ceil(200), "{read} frames");
    }
}

#[test]
fn a_sign_request_round_trips_through_png_at_every_fragment_size() {
    let request = Payload::SignRequest(common::sign_request());
    for fragment_size in FragmentSize::ALL {
        let settings = EncoderSettings {
            fragment_size,
            ..EncoderSettings::default()
        };
        let (cbor, _) = png_round_trip(UrType::SignRequest, &request.to_cbor(), settings, 25, 3);
        assert_eq!(
            Payload::from_cbor(UrType::SignRequest, &cbor).unwrap(),
            request
        );
    }
}

fn inverted(frame: &LumaFrame) -> LumaFrame {
    LumaFrame {
        pixels: frame.pixels.iter().map(|p| 255 - p).collect(),
        ..frame.clone()
    }
}

fn png_of(frame: &LumaFrame) -> Vec<u8> {
    let image =
        image::GrayImage::from_raw(frame.width, frame.height, frame.pixels.clone()).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn dark_mode_codes_are_read() {
    let text = Payload::Signature(common::signature()).to_ur();
    let frame = QrSymbol::for_ur(&text).unwrap().to_luma(4);
    let dark = inverted(&frame);
    assert_eq!(scan_frame(&dark).unwrap(), vec![text.to_uppercase()]);
    assert_eq!(
        scan_image_bytes(&png_of(&dark)).unwrap(),
        vec![text.to_uppercase()]
    );
}

#[test]
fn jpeg_photos_and_files_are_read() {
    let text = Payload::Account(common::account()).to_ur();
    let frame = QrSymbol::for_ur(&text).unwrap().to_luma(4);
    let image = image::GrayImage::from_raw(frame.width, frame.height, frame.pixels).unwrap();
    let mut jpeg = std::io::Cursor::new(Vec::new());
    image.write_to(&mut jpeg, image::ImageFormat::Jpeg).unwrap();
    let jpeg = jpeg.into_inner();
    assert_eq!(scan_image_bytes(&jpeg).unwrap(), vec![text.to_uppercase()]);

    let path = std::env::temp_dir().join(format!("jifen-qr-test-{}.jpg", std::process::id()));
    std::fs::write(&path, &jpeg).unwrap();
    let found = scan_image_file(&path);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(found.unwrap(), vec![text.to_uppercase()]);
}

/// A code somewhere in a noisy 1280x720 camera frame.
#[test]
fn a_code_in_a_noisy_camera_frame_is_read() {
    let text = UrEncoder::new(
        &Payload::SignRequest(common::sign_request()),
        EncoderSettings::default(),
    )
    .unwrap()
    .next_part()
    .unwrap();
    let code = QrSymbol::for_ur(&text).unwrap().to_luma(5);
    let (w, h) = (1280_u32, 720_u32);
    let mut rng = Rng(11);
    let mut pixels: Vec<u8> = (0..w * h)
        .map(|_| 90 + (rng.next_u64() % 60) as u8)
        .collect();
    let (ox, oy) = (400, 150);
    for y in 0..code.height {
        for x in 0..code.width {
            let v = code.pixels[(y * code.width + x) as usize];
            let noise = (rng.next_u64() % 40) as u8;
            pixels[((oy + y) * w + ox + x) as usize] =
                if v == 0 { 20 + noise } else { 200 + noise / 2 };
        }
    }
    assert_eq!(scan_luma(w, h, &pixels).unwrap(), vec![text.to_uppercase()]);
    assert!(
        scan_luma(w, h, &vec![128; (w * h) as usize])
            .unwrap()
            .is_empty()
    );
}

/// The terminal rendering is a real code: read it back from its characters.
#[test]
fn terminal_and_svg_renderings_hold_the_code() {
    let text = Payload::Signature(common::signature()).to_ur();
    let symbol = QrSymbol::for_ur(&text).unwrap();
    let side = symbol.width() + 2 * jifen_qr::QUIET_ZONE_MODULES;
    for inverted_terminal in [false, true] {
        let art = symbol.to_terminal(inverted_terminal);
        let rows: Vec<Vec<char>> = art.lines().map(|l| l.chars().collect()).collect();
        assert_eq!(rows.len(), side.div_ceil(2));
        let scale = 4;
        let mut pixels = vec![255_u8; side * scale * side * scale];
        for (line, chars) in rows.iter().enumerate() {
            assert_eq!(chars.len(), side);
            for (x, c) in chars.iter().enumerate() {
                let (top, bottom) = match c {
                    '\u{2588}' => (true, true),
                    '\u{2580}' => (true, false),
                    '\u{2584}' => (false, true),
                    ' ' => (false, false),
                    other => panic!("unexpected {other:?}"),
                };
                for (dy, printed) in [(0, top), (1, bottom)] {
                    let y = 2 * line + dy;
                    if y >= side || printed == inverted_terminal {
                        continue;
                    }
                    for py in 0..scale {
                        for px in 0..scale {
                            pixels[(y * scale + py) * side * scale + x * scale + px] = 0;
                        }
                    }
                }
            }
        }
        let n = u32::try_from(side * scale).unwrap();
        assert_eq!(scan_luma(n, n, &pixels).unwrap(), vec![text.to_uppercase()]);
    }
    let svg = symbol.to_svg();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
    assert_eq!(
        svg.matches("h1v1h-1z").count(),
        symbol.to_luma(1).pixels.iter().filter(|p| **p == 0).count()
    );
}

#[test]
fn rendering_uses_level_l_and_a_quiet_zone() {
    let text = Payload::Signature(common::signature()).to_ur();
    let symbol = QrSymbol::for_ur(&text).unwrap();
    let frame = symbol.to_luma(1);
    let side = symbol.width() + 8;
    assert_eq!((frame.width as usize, frame.height as usize), (side, side));
    // the 4-module border is light
    for y in 0..side {
        for x in 0..side {
            if x < 4 || y < 4 || x >= side - 4 || y >= side - 4 {
                assert_eq!(frame.pixels[y * side + x], 255);
            }
        }
    }
    // 184 alphanumeric characters fit version 7 at level L (not at M)
    assert!(symbol.version() <= 8, "version {}", symbol.version());
    assert_eq!(
        QrSymbol::for_ur(&"A".repeat(5_000)).unwrap_err().code(),
        "qr-capacity"
    );
}

#[test]
fn image_errors_by_case() {
    type Scanned = Result<Vec<String>, jifen_qr::ScanError>;
    let cases: Vec<(&str, Scanned, &str)> = vec![
        (
            "frame too wide",
            scan_luma(5_000, 1, &[0; 5_000]),
            "qr-image-too-large",
        ),
        ("short buffer", scan_luma(10, 10, &[0; 99]), "qr-frame-size"),
        (
            "not an image",
            scan_image_bytes(b"hello"),
            "qr-image-unreadable",
        ),
        (
            "gif",
            scan_image_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
            "qr-image-unreadable",
        ),
        (
            "truncated png",
            scan_image_bytes(&png_of(&QrSymbol::for_ur("UR:X/Y").unwrap().to_luma(2))[..60]),
            "qr-image-unreadable",
        ),
        (
            "missing file",
            scan_image_file(std::path::Path::new("/nonexistent/jifen.png")),
            "qr-image-io",
        ),
    ];
    for (name, result, expected) in cases {
        assert_eq!(result.unwrap_err().code(), expected, "{name}");
    }
    // A device is refused from its type, not read (it would never end).
    #[cfg(unix)]
    {
        let err = scan_image_file(std::path::Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.code(), "qr-image-io");
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }
    // A PNG header announcing 5000x5000 pixels is refused before decoding.
    let big = png_of(&LumaFrame {
        width: 5_000,
        height: 1,
        pixels: vec![255; 5_000],
    });
    assert_eq!(
        scan_image_bytes(&big).unwrap_err().code(),
        "qr-image-too-large"
    );
    assert!(scan_luma(0, 0, &[]).unwrap().is_empty());
}
