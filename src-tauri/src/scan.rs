//! Scanning a QR image chosen in the UI (desktop: an image file; phones: the camera
//! through the barcode-scanner plugin) and routing what it holds.

use jifen_protocol::Address;
use serde::Serialize;

use crate::error::AppError;
use crate::state::WalletState;

/// What a scanned code is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scanned {
    /// `address`, `sign-request`, `signature`, `account` or `unknown`.
    pub kind: &'static str,
    /// The address, for `address`.
    pub address: Option<String>,
    /// The code's text (a UR part for the cold-signing kinds).
    pub text: String,
}

impl From<jifen_qr::ScanError> for AppError {
    fn from(e: jifen_qr::ScanError) -> Self {
        AppError::new(e.code())
    }
}

fn classify(text: &str, network: jifen_protocol::Network) -> Scanned {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let kind = if Address::decode(trimmed, network).is_ok() {
        "address"
    } else if lower.starts_with("ur:jifen-sign-request/") {
        "sign-request"
    } else if lower.starts_with("ur:jifen-signature/") {
        "signature"
    } else if lower.starts_with("ur:jifen-account/") {
        "account"
    } else {
        "unknown"
    };
    Scanned {
        kind,
        address: (kind == "address").then(|| lower.clone()),
        text: trimmed.to_owned(),
    }
}

impl WalletState {
    /// Reads the QR codes in PNG/JPEG `bytes` and says what each one is.
    ///
    /// # Errors
    /// `qr-*` scan errors; `app-scan-nothing` when the image holds no code.
    pub fn scan_image(&self, bytes: &[u8]) -> Result<Vec<Scanned>, AppError> {
        let texts = jifen_qr::scan_image_bytes(bytes)?;
        if texts.is_empty() {
            return Err(AppError::new("app-scan-nothing"));
        }
        Ok(texts
            .iter()
            .map(|t| classify(t, self.config.network))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jifen_protocol::Network;

    #[test]
    fn classifies_codes() {
        let cases = [
            ("ur:jifen-sign-request/abc", "sign-request"),
            ("UR:JIFEN-SIGNATURE/ABC", "signature"),
            ("ur:jifen-account/x", "account"),
            ("hello", "unknown"),
        ];
        for (text, kind) in cases {
            assert_eq!(classify(text, Network::Devnet).kind, kind, "{text}");
        }
    }
}
