//! QR symbols for UR parts and their renderings: PNG, SVG, terminal text and
//! raw luma frames.

use core::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

use crate::error::EncodeError;

/// Light modules around the symbol (the QR spec asks for 4; scanners need >= 2).
pub const QUIET_ZONE_MODULES: usize = 4;

/// Largest module size in pixels for the raster renderings (a version 40 code
/// is then 5,888 pixels a side).
pub const MAX_MODULE_PX: u32 = 32;

/// An 8-bit grey image, row-major, one byte per pixel (0 = black).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LumaFrame {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height` bytes.
    pub pixels: Vec<u8>,
}

/// One QR code: a UR part in upper case at EC level L, so the encoder uses
/// the alphanumeric mode (5.5 bits per character instead of 8)
/// ([`QrSymbol::for_ur`]), or a text kept as is at EC level M, such as a
/// payment request ([`QrSymbol::for_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSymbol {
    width: usize,
    version: i16,
    dark: Vec<bool>,
}

impl QrSymbol {
    /// The symbol for a UR part (any case).
    ///
    /// # Errors
    /// [`EncodeError::QrCapacity`] when the text does not fit version 40.
    pub fn for_ur(part: &str) -> Result<Self, EncodeError> {
        let upper = part.trim().to_ascii_uppercase();
        Self::encode(&upper, EcLevel::L)
    }

    /// The symbol for `text` exactly as given (no change of case), for a
    /// static code such as a payment request shown at a counter: EC level M
    /// (15% of the symbol may be lost to glare, a scratch or a crease, where
    /// the animated UR codes between two screens use L), segments chosen by
    /// the encoder, so an upper-case run (`JIFEN:JF1...`) is packed in
    /// alphanumeric mode and the rest in byte mode.
    ///
    /// # Errors
    /// [`EncodeError::QrCapacity`] when the text does not fit version 40.
    pub fn for_text(text: &str) -> Result<Self, EncodeError> {
        Self::encode(text, EcLevel::M)
    }

    fn encode(text: &str, level: EcLevel) -> Result<Self, EncodeError> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), level)
            .map_err(|_| EncodeError::QrCapacity { len: text.len() })?;
        let version = match code.version() {
            qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
        };
        Ok(Self {
            width: code.width(),
            version,
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    /// Modules per side, without the quiet zone.
    #[must_use]
    pub const fn width(&self) -> usize {
        self.width
    }

    /// The QR version (1-40).
    #[must_use]
    pub const fn version(&self) -> i16 {
        self.version
    }

    /// Whether the module at column `x`, row `y` (quiet zone included) is dark.
    fn is_dark(&self, x: usize, y: usize) -> bool {
        let (Some(x), Some(y)) = (
            x.checked_sub(QUIET_ZONE_MODULES),
            y.checked_sub(QUIET_ZONE_MODULES),
        ) else {
            return false;
        };
        x < self.width
            && y < self.width
            && self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }

    fn side_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE_MODULES
    }

    /// A grey image with `module_px` pixels per module (clamped to
    /// 1..=[`MAX_MODULE_PX`]), dark on light, quiet zone included.
    #[must_use]
    pub fn to_luma(&self, module_px: u32) -> LumaFrame {
        let scale = module_px.clamp(1, MAX_MODULE_PX) as usize;
        let side = self.side_with_quiet_zone() * scale;
        let mut pixels = Vec::with_capacity(side * side);
        for y in 0..side {
            for x in 0..side {
                pixels.push(if self.is_dark(x / scale, y / scale) {
                    0
                } else {
                    255
                });
            }
        }
        let side = u32::try_from(side).unwrap_or(u32::MAX);
        LumaFrame {
            width: side,
            height: side,
            pixels,
        }
    }

    /// PNG bytes (8-bit grey) with `module_px` pixels per module (clamped as
    /// in [`QrSymbol::to_luma`]).
    ///
    /// # Errors
    /// [`EncodeError::Png`] if the PNG encoder fails.
    pub fn to_png(&self, module_px: u32) -> Result<Vec<u8>, EncodeError> {
        let frame = self.to_luma(module_px);
        let png_error = |reason: String| EncodeError::Png { reason };
        let image = image::GrayImage::from_raw(frame.width, frame.height, frame.pixels)
            .ok_or_else(|| png_error("buffer size".to_owned()))?;
        let mut out = std::io::Cursor::new(Vec::new());
        image
            .write_to(&mut out, image::ImageFormat::Png)
            .map_err(|e| png_error(e.to_string()))?;
        Ok(out.into_inner())
    }

    /// An SVG document, one unit per module, quiet zone included; scales to
    /// any size without blurring (`shape-rendering="crispEdges"`).
    #[must_use]
    pub fn to_svg(&self) -> String {
        let side = self.side_with_quiet_zone();
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 {side} {side}\" \
             shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
             <path fill=\"#000\" d=\""
        );
        for y in 0..side {
            for x in 0..side {
                if self.is_dark(x, y) {
                    // Writing to a String cannot fail.
                    let _ = write!(svg, "M{x} {y}h1v1h-1z");
                }
            }
        }
        svg.push_str("\"/></svg>\n");
        svg
    }

    /// Terminal text, two module rows per line with Unicode half blocks.
    /// `inverted` swaps the colours for terminals that draw light text on a
    /// dark background (the printed blocks are then the light modules).
    #[must_use]
    pub fn to_terminal(&self, inverted: bool) -> String {
        let side = self.side_with_quiet_zone();
        let mut out = String::with_capacity(side * (side / 2 + 1) * 3);
        for y in (0..side).step_by(2) {
            for x in 0..side {
                // A printed block shows the foreground colour: dark modules on a
                // light terminal, light modules on a dark (inverted) one.
                let top = self.is_dark(x, y) != inverted;
                let bottom = (y + 1 < side && self.is_dark(x, y + 1)) != inverted;
                out.push(match (top, bottom) {
                    (true, true) => '\u{2588}',
                    (true, false) => '\u{2580}',
                    (false, true) => '\u{2584}',
                    (false, false) => ' ',
                });
            }
            out.push('\n');
        }
        out
    }
}
