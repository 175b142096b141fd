//! Test support shared by the wallet's integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use jifen_qr::{EncoderSettings, Payload, QrSymbol};
use jifen_wallet::WalletHandle;
use jifen_wallet::cold::ColdError;
use jifen_wallet::cold::transport::{FRAME_MODULE_PX, qr_code_frames};
use jifen_wallet::wallets::WalletFacts;

/// PNG files of the frames of `payload` (one loop, or `frames` frames), as a
/// front end renders them from the code's UR parts.
pub fn render_frames(
    payload: &Payload,
    settings: EncoderSettings,
    frames: Option<usize>,
) -> Result<Vec<Vec<u8>>, ColdError> {
    let code = qr_code_frames(payload, settings, frames)?;
    code.parts
        .iter()
        .map(|part| Ok(QrSymbol::for_ur(part)?.to_png(FRAME_MODULE_PX)?))
        .collect()
}

/// The public facts of an opened wallet.
pub fn facts(handle: &WalletHandle) -> WalletFacts {
    WalletFacts::of(handle).unwrap()
}
