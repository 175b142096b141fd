//! QR / UR transport for Jifen cold signing.
//!
//! The online wallet and the offline signing device talk only through QR
//! codes. Payloads are our own UR types in deterministic CBOR, modelled on
//! ERC-4527, carried as Blockchain Commons URs: a single static QR code when
//! the message fits one fragment, otherwise an animated, fountain-coded
//! multipart stream. The wire format and its test vectors are in
//! `docs/qr.md`.
//!
//! | module | holds |
//! |---|---|
//! | [`context`] | [`SignContext`]: what a sign request's review shows as the online wallet's claim |
//! | [`payload`] | [`UrType`], [`AccountExport`], [`SignRequest`], [`SignatureResponse`], [`Payload`] |
//! | [`encoder`] | [`UrEncoder`], [`EncoderSettings`], [`FragmentSize`], [`FrameRate`] |
//! | [`decoder`] | [`UrDecoder`], [`Progress`] |
//! | [`render`] | [`QrSymbol`] (PNG, SVG, terminal, luma), [`LumaFrame`] |
//! | [`scan`] | reading codes from luma frames and PNG/JPEG images |
//! | [`error`] | one error enum per operation, each with a stable `code()` |
//!
//! ```
//! use jifen_protocol::Signature;
//! use jifen_qr::{EncoderSettings, Payload, RequestId, SignatureResponse, UrDecoder, UrEncoder, UrType};
//!
//! let answer = Payload::Signature(SignatureResponse {
//!     request_id: RequestId([7; 16]),
//!     signature: Signature::from_array([9; 64]),
//! });
//! let mut encoder = UrEncoder::new(&answer, EncoderSettings::default())?;
//! assert!(encoder.is_single_part());
//! let text = encoder.next_part()?;
//! assert!(text.starts_with("ur:jifen-signature/"));
//! let _png: Vec<u8> = encoder.next_qr()?.to_png(4)?;
//!
//! let mut decoder = UrDecoder::expecting(UrType::Signature);
//! let progress = decoder.receive(&text.to_uppercase())?;
//! assert!(progress.complete);
//! assert_eq!(decoder.payload()?, Some(answer));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cbor;
pub mod context;
pub mod decoder;
mod derivation;
pub mod encoder;
pub mod error;
pub mod payload;
pub mod render;
pub mod scan;

pub use context::{AssetContext, SignContext, SwapContext, WithdrawalContext};
pub use decoder::{MAX_FRAGMENTS, Progress, SWITCH_AFTER_PARTS, UrDecoder};
pub use encoder::{
    EncoderSettings, FragmentSize, FrameRate, LOOP_FRAMES_PER_FRAGMENT, MAX_MESSAGE_LEN,
    MIN_LOOP_FRAMES, UrEncoder,
};
pub use error::{EncodeError, PayloadError, ScanError, UrError};
pub use payload::{
    AccountExport, DerivationPath, PAYLOAD_VERSION, Payload, RequestId, SignRequest,
    SignatureResponse, UrType,
};
pub use render::{LumaFrame, MAX_MODULE_PX, QUIET_ZONE_MODULES, QrSymbol};
pub use scan::{
    MAX_IMAGE_FILE_BYTES, MAX_SCAN_DIMENSION, scan_frame, scan_image_bytes, scan_image_file,
    scan_luma,
};
