//! Moving payloads through QR codes in files: reading image files, frame
//! directories and text UR parts into one payload, and writing a payload as
//! PNG frames.

use std::fs;
use std::path::{Path, PathBuf};

use jifen_qr::{
    EncoderSettings, Payload, Progress, UrDecoder, UrEncoder, UrType, scan_image_bytes,
    scan_image_file,
};

use jifen_files::{FileError, read_bounded, write_atomic};

use crate::cold::error::ColdError;
use crate::cold::pending::cold_file_error;

/// Largest text file of UR parts read, in bytes.
pub const MAX_TEXT_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// Pixels per QR module in written PNG frames.
pub const FRAME_MODULE_PX: u32 = 6;

/// One thing to read codes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrInput {
    /// A PNG or JPEG image.
    Image(PathBuf),
    /// A PNG or JPEG image already in memory (an app's file picker or
    /// camera), with a label to report it by.
    ImageBytes {
        /// What to call it in events (e.g. the file name).
        label: String,
        /// The encoded image.
        bytes: Vec<u8>,
    },
    /// UR text parts, one per line (from a file or stdin).
    Text(String),
}

/// Expands paths into inputs: a directory gives its `.png`/`.jpg`/`.jpeg`
/// images and `.txt`/`.ur` files in name order; an image file is an image;
/// any other file is read as text parts.
///
/// # Errors
/// [`ColdError::Input`] for a path that cannot be read.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<QrInput>, ColdError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| input_error(path, &e))?;
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = fs::read_dir(path)
                .map_err(|e| input_error(path, &e))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && (is_image(p) || is_text(p)))
                .collect();
            files.sort();
            for file in files {
                out.push(file_input(&file)?);
            }
        } else {
            out.push(file_input(path)?);
        }
    }
    Ok(out)
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn is_image(path: &Path) -> bool {
    matches!(extension(path).as_str(), "png" | "jpg" | "jpeg")
}

fn is_text(path: &Path) -> bool {
    matches!(extension(path).as_str(), "txt" | "ur")
}

/// An image (read later by the scanner, which bounds and checks it
/// itself), or a text file read now: at most [`MAX_TEXT_INPUT_BYTES`], a
/// regular file only (a FIFO is refused without blocking).
fn file_input(path: &Path) -> Result<QrInput, ColdError> {
    if is_image(path) {
        return Ok(QrInput::Image(path.to_owned()));
    }
    let bytes = read_bounded(path, MAX_TEXT_INPUT_BYTES).map_err(|e| match e {
        FileError::TooLarge { max, .. } => ColdError::Input {
            path: path.display().to_string(),
            reason: format!("larger than {max} bytes"),
        },
        other => cold_file_error(other),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| ColdError::Input {
        path: path.display().to_string(),
        reason: e.utf8_error().to_string(),
    })?;
    Ok(QrInput::Text(text))
}

fn input_error(path: &Path, e: &std::io::Error) -> ColdError {
    ColdError::Input {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// What happened to one input while receiving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputEvent {
    /// Codes were read; the session is now at this progress.
    Progress(Progress),
    /// An image held no readable code.
    NoCode(PathBuf),
    /// A code was ignored (another animation, a damaged part): its error code.
    Ignored(&'static str),
}

/// Feeds every input to a decoder expecting `expected` until the message is
/// complete, reporting each step to `on_event`, and returns the payload.
/// Codes of other animations and damaged parts are reported and skipped, as a
/// camera would.
///
/// # Errors
/// [`ColdError::Incomplete`] if the inputs do not hold the whole message;
/// [`jifen_qr::UrError::WrongType`] (as [`ColdError::Ur`]) if they hold a
/// whole message of another type; [`ColdError::Scan`] for an image that is
/// not a readable PNG/JPEG; a payload error for a message that is not valid.
pub fn receive(
    expected: UrType,
    inputs: &[QrInput],
    on_event: &mut dyn FnMut(&InputEvent),
) -> Result<Payload, ColdError> {
    let mut decoder = UrDecoder::new();
    let mut wrong_type = None;
    let mut codes = 0usize;
    for input in inputs {
        let texts: Vec<String> = match input {
            QrInput::Image(path) => {
                let found = scan_image_file(path)?;
                if found.is_empty() {
                    on_event(&InputEvent::NoCode(path.clone()));
                }
                found
            }
            QrInput::ImageBytes { label, bytes } => {
                let found = scan_image_bytes(bytes)?;
                if found.is_empty() {
                    on_event(&InputEvent::NoCode(PathBuf::from(label)));
                }
                found
            }
            // A UR part never contains white space, so parts may be
            // separated by newlines, spaces or tabs (`docs/qr.md`).
            QrInput::Text(text) => text.split_whitespace().map(str::to_owned).collect(),
        };
        codes += texts.len();
        for text in texts {
            match decoder.receive(&text) {
                Ok(progress) => {
                    on_event(&InputEvent::Progress(progress));
                    if progress.complete {
                        if let Some((ur_type, _)) = decoder.message()
                            && ur_type != expected
                        {
                            wrong_type = Some(ur_type);
                            decoder.reset();
                            continue;
                        }
                        return decoder.payload()?.ok_or(ColdError::Incomplete {
                            resolved: 0,
                            total: 0,
                        });
                    }
                }
                Err(e) => on_event(&InputEvent::Ignored(e.code())),
            }
        }
    }
    if let Some(got) = wrong_type {
        return Err(jifen_qr::UrError::WrongType { expected, got }.into());
    }
    if codes == 0 {
        return Err(ColdError::NoCode {
            inputs: inputs.len(),
        });
    }
    let progress = decoder.progress();
    Err(ColdError::Incomplete {
        resolved: progress.fragments_resolved,
        total: progress.fragments_total,
    })
}

/// Writes frames as `<dir>/<stem>-0001.png`, ... (or `<dir>/<stem>.png` for a
/// single frame), replacing older frames of the same stem, and returns the
/// paths.
///
/// Each frame is written 0600 and crash-safely. A missing `dir` is created
/// 0700 (with its missing parents); an existing one is left as it is: it
/// may be a folder the person chose to share the frames from.
///
/// # Errors
/// `files-*` errors.
pub fn write_frames(dir: &Path, stem: &str, frames: &[Vec<u8>]) -> Result<Vec<PathBuf>, ColdError> {
    crate::chain::create_output_dir(dir)?;
    // Stale frames of an earlier run would mix two animations.
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(&format!("{stem}-")) && name.ends_with(".png") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    let mut paths = Vec::with_capacity(frames.len());
    for (i, png) in frames.iter().enumerate() {
        let path = if frames.len() == 1 {
            dir.join(format!("{stem}.png"))
        } else {
            dir.join(format!("{stem}-{:04}.png", i + 1))
        };
        write_atomic(&path, png).map_err(cold_file_error)?;
        paths.push(path);
    }
    Ok(paths)
}

/// The frames of one loop of `payload` as UR texts: one frame when it fits a
/// single code, else [`UrEncoder::loop_len`] fountain parts (a loop survives
/// a third of its frames lost).
///
/// # Errors
/// `qr-*` encoding errors.
pub fn qr_code(
    payload: &Payload,
    settings: EncoderSettings,
) -> Result<crate::views::QrCodeView, ColdError> {
    qr_code_frames(payload, settings, None)
}

/// As [`qr_code`] with `frames` frames (at least the fragment count) instead
/// of one loop.
///
/// # Errors
/// `qr-*` encoding errors.
pub fn qr_code_frames(
    payload: &Payload,
    settings: EncoderSettings,
    frames: Option<usize>,
) -> Result<crate::views::QrCodeView, ColdError> {
    let mut encoder = UrEncoder::new(payload, settings)?;
    let (count, fragments) = if encoder.is_single_part() {
        (1, 0)
    } else {
        let count = frames
            .unwrap_or_else(|| encoder.loop_len())
            .max(encoder.fragment_count());
        (count, encoder.fragment_count())
    };
    let parts = (0..count)
        .map(|_| encoder.next_part())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(crate::views::QrCodeView {
        ur_type: payload.ur_type().into(),
        parts,
        text: payload.to_ur(),
        fragments: u32::try_from(fragments).unwrap_or(u32::MAX),
        fps: settings.frame_rate.fps(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use jifen_protocol::{ChainId, PublicKey, Transfer, TxPayload, UnsignedTransaction};
    use jifen_qr::{DerivationPath, FragmentSize, SignRequest};

    use super::*;

    fn request() -> Payload {
        let key = PublicKey::from_bytes(&[
            0x02, 0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce,
            0x87, 0x0b, 0x07, 0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81,
            0x5b, 0x16, 0xf8, 0x17, 0x98,
        ])
        .unwrap();
        let unsigned = UnsignedTransaction::new(
            ChainId::new("jifen-devnet").unwrap(),
            key,
            7,
            1_000,
            TxPayload::Transfer(Transfer {
                to: key.address(),
                amount: 2_500_000,
            }),
        );
        let path = DerivationPath::new(vec![0x8000_002c, 0x8000_4a46, 0x8000_0000, 0, 0]).unwrap();
        Payload::SignRequest(SignRequest::new(unsigned, path, Some("test".into())).unwrap())
    }

    #[test]
    fn parts_on_one_line_separated_by_any_white_space_are_read() {
        let payload = request();
        let settings = EncoderSettings {
            fragment_size: FragmentSize::Small,
            ..EncoderSettings::default()
        };
        let code = qr_code(&payload, settings).unwrap();
        assert!(code.parts.len() > 2, "an animated code");
        for separator in [" ", "\t", "  \t ", "\r\n", " \n "] {
            let text = code.parts.join(separator);
            let read = receive(UrType::SignRequest, &[QrInput::Text(text)], &mut |_| {}).unwrap();
            assert_eq!(read, payload, "{separator:?}");
        }
        let single = receive(
            UrType::SignRequest,
            &[QrInput::Text(format!("  {}  ", code.text))],
            &mut |_| {},
        );
        assert_eq!(single.unwrap(), payload);
    }

    #[test]
    fn inputs_without_any_code_say_so() {
        let error = receive(
            UrType::SignRequest,
            &[QrInput::Text("   \n ".into())],
            &mut |_| {},
        )
        .unwrap_err();
        assert!(
            matches!(error, ColdError::NoCode { inputs: 1 }),
            "{error:?}"
        );
    }
}
