//! Use case: **scan a code** (a picture from a file or a camera frame, or
//! text typed or pasted) and say what it is, so a front end can route it:
//! an address of this network to pay, a part of a cold-signing message,
//! a payment request, or a product tag to trace.

use jifen_protocol::{Address, Network};
use jifen_qr::UrType;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cold::ColdError;

/// What a scanned code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ScannedKind {
    /// An address of this network.
    Address,
    /// A part of a cold-signing sign request.
    SignRequest,
    /// A part of a cold device's signature.
    Signature,
    /// A part of a cold device's pairing.
    Account,
    /// A payment request (`jifen:...`, `docs/payment-request.md`): pay it.
    PaymentRequest,
    /// A product tag (a GS1 Digital Link with a GTIN and a serial): trace it.
    ProductTag,
    /// Something else.
    Unknown,
}

/// One code found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Scanned {
    /// What it is.
    pub kind: ScannedKind,
    /// The address, for an address (canonical lower case).
    pub address: Option<String>,
    /// The code's text.
    pub text: String,
}

/// What `text` is on `network`.
#[must_use]
pub fn classify(text: &str, network: Network) -> Scanned {
    let trimmed = text.trim();
    let address = Address::decode(trimmed, network).ok();
    let kind = if address.is_some() {
        ScannedKind::Address
    } else {
        match ur_type(trimmed) {
            Some(UrType::SignRequest) => ScannedKind::SignRequest,
            Some(UrType::Signature) => ScannedKind::Signature,
            Some(UrType::Account) => ScannedKind::Account,
            None if is_payment_request(trimmed) => ScannedKind::PaymentRequest,
            None if jifen_gs1::ProductTag::parse(trimmed).is_ok() => ScannedKind::ProductTag,
            None => ScannedKind::Unknown,
        }
    };
    Scanned {
        kind,
        address: address.map(|a| a.encode(network)),
        text: trimmed.to_owned(),
    }
}

/// Whether `text` uses the `jifen:` scheme (any case). Only the scheme is
/// looked at: a malformed request is routed to the payment review, which
/// says exactly what is wrong with it.
fn is_payment_request(text: &str) -> bool {
    text.get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case("jifen:"))
}

/// The UR type named by `ur:<type>/...`, if it is one of ours.
fn ur_type(text: &str) -> Option<UrType> {
    text.get(..3).filter(|p| p.eq_ignore_ascii_case("ur:"))?;
    let name = text.get(3..)?.split('/').next()?;
    UrType::ALL
        .into_iter()
        .find(|t| t.as_str().eq_ignore_ascii_case(name))
}

/// The codes in a PNG or JPEG picture, each classified.
///
/// # Errors
/// `qr-*` scan errors; `cold-no-code-found` when the picture holds no code.
pub fn scan_image(bytes: &[u8], network: Network) -> Result<Vec<Scanned>, ColdError> {
    let texts = jifen_qr::scan_image_bytes(bytes)?;
    if texts.is_empty() {
        return Err(ColdError::NoCode { inputs: 1 });
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
            ("UR:JIFEN-SIGNATURE/1-3/ABC", ScannedKind::Signature),
            ("ur:jifen-account/x", ScannedKind::Account),
            ("ur:crypto-psbt/x", ScannedKind::Unknown),
            (
                "JIFEN:JFD1ABC?chain=jifen-devnet",
                ScannedKind::PaymentRequest,
            ),
            ("jifen:not-even-an-address", ScannedKind::PaymentRequest),
            ("hello", ScannedKind::Unknown),
            ("", ScannedKind::Unknown),
        ];
        for (text, kind) in cases {
            assert_eq!(classify(text, Network::Devnet).kind, kind, "{text}");
        }
    }
}
