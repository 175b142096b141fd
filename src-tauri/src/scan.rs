//! Scanning a QR picture chosen in the UI (desktop: an image file; phones: a
//! camera frame) and saying what it holds, so the UI can route it.

use jifen_protocol::{Address, Network};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, AppRefusal};

/// What a scanned code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ScannedKind {
    /// An address of this network.
    Address,
    /// A cold-signing sign request (part).
    SignRequest,
    /// A cold device's signature (part).
    Signature,
    /// A cold device's pairing (part).
    Account,
    /// Something else.
    Unknown,
}

/// One code found in a picture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Scanned {
    /// What it is.
    pub kind: ScannedKind,
    /// The address, for an address.
    pub address: Option<String>,
    /// The code's text (a UR part for the cold-signing kinds).
    pub text: String,
}

fn classify(text: &str, network: Network) -> Scanned {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let kind = if Address::decode(trimmed, network).is_ok() {
        ScannedKind::Address
    } else if lower.starts_with("ur:jifen-sign-request/") {
        ScannedKind::SignRequest
    } else if lower.starts_with("ur:jifen-signature/") {
        ScannedKind::Signature
    } else if lower.starts_with("ur:jifen-account/") {
        ScannedKind::Account
    } else {
        ScannedKind::Unknown
    };
    Scanned {
        kind,
        address: (kind == ScannedKind::Address).then(|| lower.clone()),
        text: trimmed.to_owned(),
    }
}

/// Reads the QR codes in PNG/JPEG `bytes` and says what each one is.
///
/// # Errors
/// `qr-*` scan errors; `app-scan-nothing` when the picture holds no code.
pub fn scan(bytes: &[u8], network: Network) -> Result<Vec<Scanned>, AppError> {
    let texts = jifen_qr::scan_image_bytes(bytes).map_err(|e| AppError::of(&e))?;
    if texts.is_empty() {
        return Err(AppRefusal::ScanNothing.into());
    }
    Ok(texts.iter().map(|t| classify(t, network)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_codes() {
        let cases = [
            ("ur:jifen-sign-request/abc", ScannedKind::SignRequest),
            ("UR:JIFEN-SIGNATURE/ABC", ScannedKind::Signature),
            ("ur:jifen-account/x", ScannedKind::Account),
            ("hello", ScannedKind::Unknown),
        ];
        for (text, kind) in cases {
            assert_eq!(classify(text, Network::Devnet).kind, kind, "{text}");
        }
    }
}
