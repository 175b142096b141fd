//! QR codes on screen and on disk: SVG frames for the webview (our own
//! renderer's output, no scripts or styles) and PNG files of a code's frames.

use std::path::Path;

use jifen_qr::QrSymbol;
use jifen_wallet::cold::requests;

use crate::error::{AppError, AppRefusal};
use crate::state::MAX_IMAGES;

/// PNG pixels per module of saved frames.
const SAVED_MODULE_PX: u32 = 6;

/// The kinds of frames `save_frames` writes, each in its own directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub enum QrStem {
    /// A cold device's pairing.
    #[serde(rename = "jifen-pairing")]
    Pairing,
    /// A sign request.
    #[serde(rename = "jifen-request")]
    Request,
    /// A cold device's signature.
    #[serde(rename = "jifen-signature")]
    Signature,
}

impl QrStem {
    /// The directory and file name stem.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            QrStem::Pairing => "jifen-pairing",
            QrStem::Request => "jifen-request",
            QrStem::Signature => "jifen-signature",
        }
    }
}

fn check_count(parts: &[String]) -> Result<(), AppError> {
    if parts.is_empty() {
        return Err(AppRefusal::NoQrParts.into());
    }
    if parts.len() > MAX_IMAGES {
        return Err(AppRefusal::TooManyImages {
            max: MAX_IMAGES,
            got: parts.len(),
        }
        .into());
    }
    Ok(())
}

/// One SVG document per part (a UR part, or any short text such as an
/// address).
///
/// # Errors
/// `app-qr-no-parts`, `app-too-many-images`, `qr-*` encoding errors.
pub fn render_svg(parts: &[String]) -> Result<Vec<String>, AppError> {
    check_count(parts)?;
    parts
        .iter()
        .map(|part| {
            QrSymbol::for_ur(part)
                .map(|symbol| symbol.to_svg())
                .map_err(|e| AppError::of(&e))
        })
        .collect()
}

/// The SVG document of a QR code of `text` exactly as given (no change of
/// case): a static code such as a payment request shown at a counter.
///
/// # Errors
/// `app-qr-no-parts` for an empty text, `qr-*` encoding errors.
pub fn render_text_svg(text: &str) -> Result<String, AppError> {
    if text.trim().is_empty() {
        return Err(AppRefusal::NoQrParts.into());
    }
    QrSymbol::for_text(text)
        .map(|symbol| symbol.to_svg())
        .map_err(|e| AppError::of(&e))
}

/// Writes one PNG per part into `<exports>/qr/<stem>/` (older frames of that
/// stem are removed) and returns the directory.
///
/// # Errors
/// `app-qr-no-parts`, `app-too-many-images`, `qr-*` encoding errors,
/// `cold-storage-io`.
pub fn save_frames(exports: &Path, stem: QrStem, parts: &[String]) -> Result<String, AppError> {
    check_count(parts)?;
    let dir = exports.join("qr").join(stem.as_str());
    requests::save_frames(&dir, stem.as_str(), parts, SAVED_MODULE_PX)?;
    Ok(dir.display().to_string())
}
