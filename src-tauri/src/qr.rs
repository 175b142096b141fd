//! QR codes on screen and on disk: SVG frames for the webview (our own
//! renderer's output, no scripts or styles) and PNG files of a code's frames.

use std::path::Path;

use jifen_qr::QrSymbol;
use jifen_wallet::cold::requests;

use crate::error::{AppError, AppRefusal};
use crate::state::MAX_IMAGES;

/// PNG pixels per module of saved frames.
const SAVED_MODULE_PX: u32 = 6;

/// The stems `save_frames` writes.
pub const QR_STEMS: [&str; 3] = ["jifen-pairing", "jifen-request", "jifen-signature"];

fn check_count(parts: &[String]) -> Result<(), AppError> {
    if parts.is_empty() || parts.len() > MAX_IMAGES {
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
/// `app-too-many-images`, `qr-*` encoding errors.
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

/// Writes one PNG per part into `<exports>/qr/<stem>/` (older frames of that
/// stem are removed) and returns the directory.
///
/// # Errors
/// `app-bad-qr-stem`, `app-too-many-images`, `qr-*` encoding errors,
/// `cold-storage-io`.
pub fn save_frames(exports: &Path, stem: &str, parts: &[String]) -> Result<String, AppError> {
    if !QR_STEMS.contains(&stem) {
        return Err(AppRefusal::BadQrStem {
            stem: stem.chars().take(32).collect(),
        }
        .into());
    }
    check_count(parts)?;
    let dir = exports.join("qr").join(stem);
    requests::save_frames(&dir, stem, parts, SAVED_MODULE_PX)?;
    Ok(dir.display().to_string())
}
