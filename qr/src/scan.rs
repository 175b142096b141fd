//! Finding and reading QR codes in camera frames and image files (rqrr).
//!
//! Every function returns the texts of all codes it could read, possibly none;
//! when the image holds no readable code, the inverted image is tried too
//! (light-on-dark codes from apps in dark mode).

use std::io::Cursor;
use std::path::Path;

use image::{ImageReader, Limits};

use crate::error::ScanError;
use crate::render::LumaFrame;

/// Largest image side accepted, in pixels.
pub const MAX_SCAN_DIMENSION: u32 = 4_096;
/// Largest image file accepted, in bytes.
pub const MAX_IMAGE_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the QR codes in a grey frame of `width * height` bytes (row-major,
/// 0 = black), e.g. the Y plane of a camera frame.
///
/// # Errors
/// [`ScanError::ImageTooLarge`] above [`MAX_SCAN_DIMENSION`];
/// [`ScanError::FrameSize`] if `pixels` is not `width * height` bytes.
pub fn scan_luma(width: u32, height: u32, pixels: &[u8]) -> Result<Vec<String>, ScanError> {
    check_dimensions(u64::from(width), u64::from(height))?;
    let expected = u64::from(width) * u64::from(height);
    if pixels.len() as u64 != expected {
        return Err(ScanError::FrameSize {
            width,
            height,
            expected,
            got: pixels.len(),
        });
    }
    let (w, h) = (width as usize, height as usize);
    let found = read_codes(w, h, pixels, false);
    if !found.is_empty() {
        return Ok(found);
    }
    Ok(read_codes(w, h, pixels, true))
}

/// Reads the QR codes in a [`LumaFrame`].
///
/// # Errors
/// As [`scan_luma`].
pub fn scan_frame(frame: &LumaFrame) -> Result<Vec<String>, ScanError> {
    scan_luma(frame.width, frame.height, &frame.pixels)
}

/// Reads the QR codes in PNG or JPEG bytes.
///
/// # Errors
/// [`ScanError::ImageTooLarge`] for a large file or image (checked from the
/// header before decoding pixels); [`ScanError::Unreadable`] for other formats
/// or corrupt data.
pub fn scan_image_bytes(bytes: &[u8]) -> Result<Vec<String>, ScanError> {
    if bytes.len() as u64 > MAX_IMAGE_FILE_BYTES {
        return Err(ScanError::ImageTooLarge {
            width: 0,
            height: 0,
            max: MAX_SCAN_DIMENSION,
        });
    }
    let unreadable = |e: &dyn core::fmt::Display| ScanError::Unreadable {
        reason: e.to_string(),
    };
    let open = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| unreadable(&e))
    };
    if !matches!(
        open()?.format(),
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)
    ) {
        return Err(ScanError::Unreadable {
            reason: "not a PNG or JPEG image".to_owned(),
        });
    }
    let (width, height) = open()?.into_dimensions().map_err(|e| unreadable(&e))?;
    check_dimensions(u64::from(width), u64::from(height))?;
    let mut reader = open()?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SCAN_DIMENSION);
    limits.max_image_height = Some(MAX_SCAN_DIMENSION);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let luma = reader.decode().map_err(|e| unreadable(&e))?.into_luma8();
    let (width, height) = luma.dimensions();
    scan_luma(width, height, luma.as_raw())
}

/// Reads the QR codes in a PNG or JPEG file (for cameras that cannot focus:
/// the user photographs the screen and imports the picture).
///
/// The file is read with [`jifen_files::read_bounded`]: a FIFO or a device
/// at `path` is refused without blocking, and nothing over
/// [`MAX_IMAGE_FILE_BYTES`] is read into memory.
///
/// # Errors
/// [`ScanError::ImageTooLarge`] (with 0x0) for a file over
/// [`MAX_IMAGE_FILE_BYTES`]; [`ScanError::Io`] if it cannot be read or is
/// not a regular file; else as [`scan_image_bytes`].
pub fn scan_image_file(path: &Path) -> Result<Vec<String>, ScanError> {
    let bytes = jifen_files::read_bounded(path, MAX_IMAGE_FILE_BYTES).map_err(|e| match e {
        jifen_files::FileError::TooLarge { .. } => ScanError::ImageTooLarge {
            width: 0,
            height: 0,
            max: MAX_SCAN_DIMENSION,
        },
        other => ScanError::Io {
            path: path.display().to_string(),
            reason: other.to_string(),
        },
    })?;
    scan_image_bytes(&bytes)
}

const fn check_dimensions(width: u64, height: u64) -> Result<(), ScanError> {
    if width > MAX_SCAN_DIMENSION as u64 || height > MAX_SCAN_DIMENSION as u64 {
        return Err(ScanError::ImageTooLarge {
            width,
            height,
            max: MAX_SCAN_DIMENSION,
        });
    }
    Ok(())
}

/// Runs rqrr over the frame. rqrr works on untrusted pixels and has panicked
/// on odd inputs in the past; a panic is contained and counts as "no code".
fn read_codes(width: usize, height: usize, pixels: &[u8], inverted: bool) -> Vec<String> {
    if width == 0 || height == 0 {
        return Vec::new();
    }
    std::panic::catch_unwind(|| {
        let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
            let value = pixels.get(y * width + x).copied().unwrap_or(255);
            if inverted { 255 - value } else { value }
        });
        prepared
            .detect_grids()
            .iter()
            .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
            .collect::<Vec<String>>()
    })
    .unwrap_or_default()
}
