//! Transport figures for `docs/qr.md#measured`: frames needed (and seconds at
//! 5 frames/s) to receive 1 KB and 3 KB messages at 0, 10 and 30% frame loss,
//! how often one pass over a fixed loop decodes, QR versions per fragment size, and the time to find and read a code in a
//! 1280x720 camera frame.
//!
//! Run with `cargo bench -p jifen-qr --bench qr`.
#![allow(clippy::print_stdout)] // a bench binary reports on stdout

use std::error::Error;
use std::time::Instant;

use jifen_qr::{
    EncoderSettings, FragmentSize, FrameRate, QrSymbol, UrDecoder, UrEncoder, UrType, scan_luma,
};

/// xorshift64*: repeatable runs.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64().to_le_bytes()[0]).collect()
    }
}

const RUNS: usize = 1_000;

/// Frames shown from the moment the receiver starts scanning (at a random
/// point of the animation) until the message is complete.
fn frames_shown(
    rng: &mut Rng,
    size: usize,
    loss_percent: u64,
    settings: EncoderSettings,
) -> Result<(usize, usize), Box<dyn Error>> {
    let message = rng.bytes(size);
    let mut encoder = UrEncoder::from_cbor(UrType::SignRequest, &message, settings)?;
    let count = encoder.fragment_count();
    for _ in 0..rng.below(2 * count as u64) {
        encoder.next_part()?;
    }
    let mut decoder = UrDecoder::new();
    let mut shown = 0;
    loop {
        let part = encoder.next_part()?;
        shown += 1;
        if rng.below(100) < loss_percent {
            continue;
        }
        if decoder.receive(&part)?.complete {
            break;
        }
        if shown > 100 * count {
            return Err("stream did not complete".into());
        }
    }
    if decoder.message().map(|(_, m)| m) != Some(message.as_slice()) {
        return Err("wrong message".into());
    }
    Ok((shown, count))
}

fn percentile(sorted: &[usize], pct: usize) -> usize {
    let index = (sorted.len() * pct / 100).min(sorted.len().saturating_sub(1));
    sorted.get(index).copied().unwrap_or(0)
}

fn frames_table() -> Result<(), Box<dyn Error>> {
    let settings = EncoderSettings::default();
    let fps = f64::from(FrameRate::default().fps());
    println!(
        "frames needed, fragment {} bytes, receiver joins at a random frame, {RUNS} runs each",
        settings.fragment_size.bytes()
    );
    println!(
        "| message | fragments | frame loss | frames (mean) | frames (median / p95 / max) | seconds at 5 fps (mean / p95) |"
    );
    println!("|---|---|---|---|---|---|");
    let mut rng = Rng(0x0051_5eed);
    for size in [1_024, 3_072] {
        for loss in [0, 10, 30] {
            let mut shown = Vec::with_capacity(RUNS);
            let mut fragments = 0;
            for _ in 0..RUNS {
                let (n, count) = frames_shown(&mut rng, size, loss, settings)?;
                shown.push(n);
                fragments = count;
            }
            shown.sort_unstable();
            let mean = shown.iter().sum::<usize>() as f64 / shown.len() as f64;
            let p95 = percentile(&shown, 95);
            println!(
                "| {} KB | {fragments} | {loss}% | {mean:.1} ({:.2} x fragments) | {} / {p95} / {} | {:.1} s / {:.1} s |",
                size / 1_024,
                mean / fragments as f64,
                percentile(&shown, 50),
                shown.last().copied().unwrap_or(0),
                mean / fps,
                p95 as f64 / fps,
            );
        }
    }
    Ok(())
}

fn versions_table() -> Result<(), Box<dyn Error>> {
    println!(
        "\nQR code per fragment size (a fountain part of a 3 KB message, EC level L, upper case)"
    );
    println!("| fragment | UR characters | QR version | modules per side |");
    println!("|---|---|---|---|");
    let mut rng = Rng(3);
    let message = rng.bytes(3_072);
    for fragment_size in FragmentSize::ALL {
        let settings = EncoderSettings {
            fragment_size,
            ..EncoderSettings::default()
        };
        let mut encoder = UrEncoder::from_cbor(UrType::SignRequest, &message, settings)?;
        let mut part = String::new();
        for _ in 0..=encoder.fragment_count() {
            part = encoder.next_part()?;
        }
        let symbol = QrSymbol::for_ur(&part)?;
        println!(
            "| {} bytes | {} | {} | {} |",
            fragment_size.bytes(),
            part.len(),
            symbol.version(),
            symbol.width()
        );
    }
    Ok(())
}

/// A 1280x720 grey camera frame with noise, holding `text` at `module_px`.
fn camera_frame(
    rng: &mut Rng,
    text: Option<&str>,
    module_px: u32,
) -> Result<Vec<u8>, Box<dyn Error>> {
    let (w, h) = (1_280_usize, 720_usize);
    let mut pixels: Vec<u8> = (0..w * h).map(|_| 90 + (rng.below(60) as u8)).collect();
    if let Some(text) = text {
        let code = QrSymbol::for_ur(text)?.to_luma(module_px);
        let (cw, ch) = (code.width as usize, code.height as usize);
        let (ox, oy) = ((w - cw) / 2, (h - ch) / 2);
        for y in 0..ch {
            for x in 0..cw {
                let v = code.pixels.get(y * cw + x).copied().unwrap_or(255);
                let noise = rng.below(40) as u8;
                if let Some(p) = pixels.get_mut((oy + y) * w + ox + x) {
                    *p = if v == 0 { 20 + noise } else { 200 + noise / 2 };
                }
            }
        }
    }
    Ok(pixels)
}

fn decode_table() -> Result<(), Box<dyn Error>> {
    const ITERATIONS: u32 = 30;
    println!(
        "\nfinding and reading one code in a 1280x720 grey frame with noise ({ITERATIONS} frames each)"
    );
    println!("| frame | code size | ms per frame |");
    println!("|---|---|---|");
    let mut rng = Rng(5);
    let message = rng.bytes(3_072);
    let mut cases: Vec<(String, Option<String>, u32)> = Vec::new();
    for fragment_size in [FragmentSize::Medium, FragmentSize::Large] {
        let settings = EncoderSettings {
            fragment_size,
            ..EncoderSettings::default()
        };
        let part = UrEncoder::from_cbor(UrType::SignRequest, &message, settings)?.next_part()?;
        cases.push((
            format!("{}-byte fragment", fragment_size.bytes()),
            Some(part),
            5,
        ));
    }
    cases.push(("no code (normal and inverted pass)".to_owned(), None, 0));
    for (name, text, module_px) in cases {
        let frame = camera_frame(&mut rng, text.as_deref(), module_px)?;
        let mut found = 0;
        let start = Instant::now();
        for _ in 0..ITERATIONS {
            found += scan_luma(1_280, 720, &frame)?.len();
        }
        let ms = start.elapsed().as_secs_f64() * 1_000.0 / f64::from(ITERATIONS);
        let expected = if text.is_some() {
            ITERATIONS as usize
        } else {
            0
        };
        if found != expected {
            return Err(format!("{name}: read {found} codes in {ITERATIONS} frames").into());
        }
        let size = match &text {
            Some(t) => {
                let s = QrSymbol::for_ur(t)?;
                format!(
                    "version {}, {} px",
                    s.version(),
                    (s.width() + 8) * module_px as usize
                )
            }
            None => "-".to_owned(),
        };
        println!("| {name} | {size} | {ms:.1} |");
    }
    Ok(())
}

/// Whether one pass over a fixed loop of `loop_len` frames, each missed with
/// `loss_percent` chance, decodes the message.
fn one_loop_decodes(
    rng: &mut Rng,
    message: &[u8],
    loop_len: usize,
    loss_percent: u64,
    settings: EncoderSettings,
) -> Result<bool, Box<dyn Error>> {
    let mut encoder = UrEncoder::from_cbor(UrType::SignRequest, message, settings)?;
    let mut decoder = UrDecoder::new();
    for _ in 0..loop_len {
        let part = encoder.next_part()?;
        if rng.below(100) < loss_percent {
            continue;
        }
        if decoder.receive(&part)?.complete {
            return Ok(decoder.message().map(|(_, m)| m) == Some(message));
        }
    }
    Ok(false)
}

/// One loop of a fixed animation (the app's SVG frames, the CLI's PNG
/// files): how often a single pass decodes, with the loop length of
/// [`UrEncoder::loop_len`] and, for comparison, the earlier three times the
/// fragments (at least 20).
fn loop_table() -> Result<(), Box<dyn Error>> {
    const LOOP_RUNS: usize = 4_000;
    let settings = EncoderSettings {
        fragment_size: FragmentSize::Small,
        ..EncoderSettings::default()
    };
    println!(
        "one loop of a fixed animation, fragment {} bytes, random messages, {LOOP_RUNS} runs each",
        settings.fragment_size.bytes()
    );
    println!(
        "| fragments | loop (frames) | frame loss | failed passes | 3x, min 20: loop / failed |"
    );
    println!("|---|---|---|---|---|");
    let mut rng = Rng(0x100b_5eed);
    for fragments in [3usize, 6, 10, 16] {
        let size = fragments * settings.fragment_size.bytes() - 20;
        for loss in [10, 30] {
            let (mut failed, mut failed_before) = (0, 0);
            let (mut loop_len, mut before_len) = (0, 0);
            for _ in 0..LOOP_RUNS {
                let message = rng.bytes(size);
                let encoder = UrEncoder::from_cbor(UrType::SignRequest, &message, settings)?;
                if encoder.fragment_count() != fragments {
                    return Err(format!("{size} bytes are not {fragments} fragments").into());
                }
                loop_len = encoder.loop_len();
                before_len = (fragments * 3).max(20);
                if !one_loop_decodes(&mut rng, &message, loop_len, loss, settings)? {
                    failed += 1;
                }
                if !one_loop_decodes(&mut rng, &message, before_len, loss, settings)? {
                    failed_before += 1;
                }
            }
            println!(
                "| {fragments} | {loop_len} | {loss}% | {failed} of {LOOP_RUNS} | {before_len} / {failed_before} of {LOOP_RUNS} |"
            );
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    versions_table()?;
    println!();
    frames_table()?;
    println!();
    loop_table()?;
    println!();
    decode_table()?;
    Ok(())
}
