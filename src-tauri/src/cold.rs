//! Cold signing in the app, over `jifen_wallet::cold` (`docs/cold-signing.md`).
//!
//! Two roles, as in the CLI:
//! - the **cold signer** (this app in cold-signer mode, never online): exports its
//!   account for pairing, reviews a sign request read from QR images with the
//!   device's own checks, and signs only after the person confirmed that review;
//! - the **online wallet** (a watch-only wallet paired with that device): makes a
//!   sign request for a send, keeps it pending, and accepts only the signature
//!   that answers it and verifies against the paired key; then broadcasts it and
//!   proves its inclusion like a normal send.
//!
//! QR codes go out as animated SVG frames (and PNG files on request) and come in
//! as image files (camera frames on phones).

use std::sync::atomic::AtomicBool;

use jifen_crypto::hd::Chain;
use jifen_protocol::ChainId;
use jifen_qr::{EncoderSettings, FragmentSize, Payload, QrSymbol, UrEncoder, UrType};
use jifen_wallet::cold::transport::{self, InputEvent, QrInput};
use jifen_wallet::cold::{
    ColdError, PendingStore, RequestFingerprint, ReviewValue, accept_signature, pair_export,
    parse_request_id, review_request, sign_after_review, start_request,
};
use serde::Serialize;

use crate::chain::{SendEvent, SendResult, SendReview};
use crate::error::AppError;
use crate::state::{WalletInfo, WalletState};

/// What this app announces as its version in an account export.
pub const APP_VERSION: &str = concat!("jifen-app/", env!("CARGO_PKG_VERSION"));
/// Who asks, shown on the cold device's review.
pub const ORIGIN: &str = concat!("jifen-app ", env!("CARGO_PKG_VERSION"));
/// The longest fragment this app reads: it reads image files, not a weak camera.
pub const MAX_FRAGMENT_READ: u16 = 400;
/// What a paired device whose record names no fragment size reads.
const DEFAULT_FRAGMENT_READ: u16 = 200;
/// Most images one call reads (one loop of a 3 KB request at 80-byte
/// fragments is ~240 frames).
pub const MAX_IMAGES: usize = 400;
/// PNG pixels per module of saved frames.
const SAVED_MODULE_PX: u32 = 6;
/// The stems `save_qr_frames` writes.
pub const QR_STEMS: [&str; 3] = ["jifen-pairing", "jifen-request", "jifen-signature"];

/// A QR code to show: one frame for a short message, else an animation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnimatedQr {
    /// `jifen-account`, `jifen-sign-request` or `jifen-signature`.
    pub ur_type: String,
    /// SVG documents (our renderer's output, no scripts), one per frame.
    pub frames: Vec<String>,
    /// The UR text of each frame (public data).
    pub parts: Vec<String>,
    /// Fountain fragments of the message (0 for a single-part code).
    pub fragments: usize,
    /// Suggested frames per second.
    pub fps: u8,
}

/// The cold device's account export, to show to the online wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PairExport {
    /// The chain this device will sign for.
    pub chain_id: String,
    /// BIP32 master fingerprint (hex).
    pub master_fingerprint: String,
    /// The account's extended public key.
    pub xpub: String,
    /// The code.
    pub qr: AnimatedQr,
}

/// One line of the cold review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReviewLineView {
    /// Message id of the label (`cold-review-*`).
    pub label: String,
    /// The value; a message id when `value_kind` is `message`.
    pub value: String,
    /// `amount`, `address`, `message`, `text` or `number`.
    pub value_kind: &'static str,
}

/// What the cold device shows before signing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColdReview {
    /// Request id.
    pub request_id: String,
    /// The request's fingerprint (both devices show it).
    pub fingerprint: String,
    /// Every line, in order.
    pub lines: Vec<ReviewLineView>,
}

/// A sign request the online wallet made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignRequestView {
    /// Request id.
    pub request_id: String,
    /// Its fingerprint (the cold device must show the same).
    pub fingerprint: String,
    /// What the send does, against the proven balance.
    pub review: SendReview,
    /// The code to show to the cold device.
    pub qr: AnimatedQr,
}

/// A pending request of the open watch-only wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PendingView {
    /// Request id.
    pub request_id: String,
    /// Fingerprint.
    pub fingerprint: String,
    /// Whether its signature was accepted (ready to broadcast).
    pub signed: bool,
    /// When it was made, unix seconds.
    pub created_at: u64,
    /// The transaction's nonce.
    pub nonce: u64,
    /// Whether that nonce is already used on chain (the sender's proven next
    /// nonce is past it: by another transaction, or by this one when the wait
    /// for its inclusion was cancelled), so it can no longer be broadcast. `None` when nothing was proven: no chain session is open
    /// (the list never opens one), cold-signer mode, or the proof failed.
    pub superseded: Option<bool>,
}

/// A pending request the person discarded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiscardedView {
    /// Request id.
    pub request_id: String,
    /// Its fingerprint (`-` for a damaged record, which is discarded too).
    pub fingerprint: String,
}

impl From<ColdError> for AppError {
    fn from(e: ColdError) -> Self {
        match e {
            // The CLI's message names a CLI command; the app has its own.
            ColdError::NotPaired { wallet } => {
                AppError::new("app-cold-not-paired").arg("wallet", wallet)
            }
            other => jifen_wallet::messages::cold_translation(&other).into(),
        }
    }
}

/// `payload` as frames to show.
///
/// # Errors
/// `qr-*` encode errors.
pub fn animate(payload: &Payload, settings: EncoderSettings) -> Result<AnimatedQr, AppError> {
    let mut encoder = UrEncoder::new(payload, settings)?;
    let (count, fragments) = if encoder.is_single_part() {
        (1, 0)
    } else {
        // One loop of the encoder's length survives a third of it lost.
        (encoder.loop_len(), encoder.fragment_count())
    };
    let parts = (0..count)
        .map(|_| encoder.next_part())
        .collect::<Result<Vec<_>, _>>()?;
    let frames = parts
        .iter()
        .map(|part| Ok(QrSymbol::for_ur(part)?.to_svg()))
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(AnimatedQr {
        ur_type: payload.ur_type().to_string(),
        frames,
        parts,
        fragments,
        fps: settings.frame_rate.fps(),
    })
}

/// Reads the message of type `expected` from image files' bytes (frames in any
/// order; codes of other animations are skipped, as a camera would).
///
/// # Errors
/// `app-scan-nothing` when no image holds a code, `app-too-many-images`,
/// `cold-qr-incomplete` {resolved, total} when frames are missing,
/// `qr-wrong-type` for a whole message of another kind, `qr-*` scan errors.
pub fn read_images(expected: UrType, images: Vec<Vec<u8>>) -> Result<Payload, AppError> {
    read_images_refusing(expected, images, |e| e)
}

/// As [`read_images`], with `refusal` choosing how a failure is reported.
fn read_images_refusing(
    expected: UrType,
    images: Vec<Vec<u8>>,
    refusal: impl FnOnce(ColdError) -> ColdError,
) -> Result<Payload, AppError> {
    if images.len() > MAX_IMAGES {
        return Err(AppError::new("app-too-many-images")
            .arg("max", MAX_IMAGES)
            .arg("got", images.len()));
    }
    let inputs: Vec<QrInput> = images
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| QrInput::ImageBytes {
            label: format!("#{}", i + 1),
            bytes,
        })
        .collect();
    let mut codes = 0usize;
    let result = transport::receive(expected, &inputs, &mut |event| {
        if !matches!(event, InputEvent::NoCode(_)) {
            codes += 1;
        }
    });
    match result {
        Ok(payload) => Ok(payload),
        Err(ColdError::Incomplete { .. }) if codes == 0 => Err(AppError::new("app-scan-nothing")),
        Err(e) => Err(refusal(e).into()),
    }
}

fn review_line(label: &str, value: &ReviewValue) -> ReviewLineView {
    let (value_kind, text) = match value {
        ReviewValue::Amount(_) => ("amount", value.plain()),
        ReviewValue::Address(_) => ("address", value.plain()),
        ReviewValue::Message(id) => ("message", (*id).to_owned()),
        ReviewValue::Number(_) => ("number", value.plain()),
        _ => ("text", value.plain()),
    };
    ReviewLineView {
        label: label.to_owned(),
        value: text,
        value_kind,
    }
}

impl WalletState {
    /// Cold signer: records the pairing for `chain_id` (else the network's
    /// default chain) and returns the account export as a code.
    ///
    /// # Errors
    /// `app-locked`, `wallet-watch-only`, an invalid chain id, storage errors.
    pub fn cold_pair_export(&mut self, chain_id: Option<&str>) -> Result<PairExport, AppError> {
        let chain_id = match chain_id.map(str::trim).filter(|c| !c.is_empty()) {
            Some(text) => ChainId::new(text)
                .map_err(|e| AppError::new(e.code()).arg("chain", text.to_owned()))?,
            None => jifen_wallet::chain::settings::default_chain_id(self.config.network)?,
        };
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        open.keys()?;
        let export = pair_export(
            self.store(),
            &open.handle,
            &chain_id,
            APP_VERSION,
            MAX_FRAGMENT_READ,
        )?;
        let master_fingerprint = hex::encode(export.master_fingerprint);
        let xpub = export.xpub.clone();
        let qr = animate(&Payload::Account(export), EncoderSettings::default())?;
        Ok(PairExport {
            chain_id: chain_id.as_str().to_owned(),
            master_fingerprint,
            xpub,
            qr,
        })
    }

    /// Online wallet: imports the account export read from `images` as the
    /// watch-only wallet `name` and opens it.
    ///
    /// # Errors
    /// As [`read_images`], and the import's errors.
    pub fn pair_import(
        &mut self,
        name: &str,
        images: Vec<Vec<u8>>,
    ) -> Result<WalletInfo, AppError> {
        jifen_wallet::store::validate_name(name)?;
        let export = read_images(UrType::Account, images)?
            .into_account()
            .map_err(ColdError::from)?;
        self.import_pairing(name, &export)
    }

    /// Cold signer: reads the sign request from `images`, runs the device's own
    /// checks (paired chain, own address at the path, known kind) and keeps the
    /// review until it is signed or replaced.
    ///
    /// # Errors
    /// As [`read_images`]; `app-cold-not-paired`, `cold-wrong-chain`,
    /// `cold-foreign-path`, `cold-foreign-address`, `cold-unknown-kind`.
    pub fn cold_review(&mut self, images: Vec<Vec<u8>>) -> Result<ColdReview, AppError> {
        self.review = None;
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        open.keys()?;
        let pairing = jifen_wallet::cold::signer::load_pairing(self.store(), &open.handle)?;
        // A request of a transaction kind this device does not know is its own
        // refusal (`cold-unknown-kind`), as in the CLI.
        let payload = read_images_refusing(UrType::SignRequest, images, |e| match e {
            ColdError::Payload(p) => jifen_wallet::cold::signer::refusal_of(p),
            other => other,
        })?;
        let request = payload.into_sign_request().map_err(ColdError::from)?;
        let review = review_request(&open.handle, &pairing, request)?;
        let view = ColdReview {
            request_id: review.request_id().to_string(),
            fingerprint: review.fingerprint().to_string(),
            lines: review
                .lines()
                .iter()
                .map(|line| review_line(line.label, &line.value))
                .collect(),
        };
        self.review = Some(review);
        Ok(view)
    }

    /// Cold signer: signs the kept review, after the person confirmed it; the
    /// screen passes the fingerprint it showed, so only that very review is
    /// signed. The review is used up.
    ///
    /// # Errors
    /// `app-no-review`, `cold-fingerprint-mismatch`, `app-locked`, signing errors.
    pub fn cold_sign(&mut self, fingerprint: &str) -> Result<AnimatedQr, AppError> {
        let review = self
            .review
            .as_ref()
            .ok_or_else(|| AppError::new("app-no-review"))?;
        let confirmation = review.confirm_with_fingerprint(fingerprint)?;
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        let answer = sign_after_review(review, confirmation, open.keys()?)?;
        self.review = None;
        animate(&Payload::Signature(answer), EncoderSettings::default())
    }

    /// Online wallet (watch-only): builds the transfer against the proven
    /// balance and nonce, keeps it pending and returns its code.
    ///
    /// # Errors
    /// `app-not-watch-only`, the review errors of a send, `cold-wrong-chain`,
    /// storage errors.
    pub fn make_sign_request(
        &mut self,
        to: &str,
        amount: &str,
        fee: &str,
    ) -> Result<SignRequestView, AppError> {
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        if !open.handle.is_watch_only() {
            return Err(AppError::new("app-not-watch-only").arg("name", open.handle.name()));
        }
        let fragment_size = FragmentSize::largest_within(
            open.handle
                .watch_only_record()
                .map_or(DEFAULT_FRAGMENT_READ, |r| r.max_fragment_len),
        );
        let name = open.handle.name().to_owned();
        let (review, plan) = self.plan_send(to, amount, fee)?;
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        let pending = PendingStore::new(self.store(), &name);
        let (request, _) = start_request(
            &pending,
            &open.handle,
            Chain::Receive,
            0,
            plan.unsigned,
            Some(ORIGIN.to_owned()),
        )?;
        let settings = EncoderSettings {
            fragment_size,
            ..EncoderSettings::default()
        };
        Ok(SignRequestView {
            request_id: request.request_id.to_string(),
            fingerprint: RequestFingerprint::of(&request).to_string(),
            review,
            qr: animate(&Payload::SignRequest(request), settings)?,
        })
    }

    /// Online wallet: accepts the cold device's signature read from `images`
    /// (only the answer to a pending request of this wallet, verified against
    /// the paired key for that exact transaction), broadcasts it and waits for
    /// its proven inclusion.
    ///
    /// # Errors
    /// As [`read_images`]; `cold-unknown-request`, `cold-bad-signature`, and the
    /// send errors.
    pub fn accept_signature(
        &mut self,
        images: Vec<Vec<u8>>,
        on_event: &mut dyn FnMut(SendEvent),
        cancel: &AtomicBool,
    ) -> Result<SendResult, AppError> {
        self.online()?;
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        let response = read_images(UrType::Signature, images)?
            .into_signature()
            .map_err(ColdError::from)?;
        let pending = PendingStore::new(self.store(), open.handle.name());
        let tx = accept_signature(&pending, &open.handle, &response)?;
        let (from, network) = self.receive_address()?;
        let sent = crate::chain::broadcast_and_prove(
            self.session()?,
            &tx,
            &from,
            network,
            on_event,
            cancel,
        )?;
        // Included and proven: the request is done.
        pending.remove(&response.request_id)?;
        Ok(sent)
    }

    /// The open wallet's pending sign requests. With a chain session already
    /// open (online), each says whether it is superseded, against the
    /// sender's proven next nonce (one proof per sender).
    ///
    /// # Errors
    /// `app-locked`, storage errors.
    pub fn pending_requests(&mut self) -> Result<Vec<PendingView>, AppError> {
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        let records = PendingStore::new(self.store(), open.handle.name()).list()?;
        let mut session = if self.cold_signer() {
            None
        } else {
            self.chain.as_mut()
        };
        let mut proven: Vec<(jifen_protocol::Address, Option<u64>)> = Vec::new();
        let mut views = Vec::with_capacity(records.len());
        for record in records {
            let request = record.request()?;
            let sender = request.transaction.sender;
            let superseded = match session.as_deref_mut() {
                None => None,
                Some(session) => {
                    let next = match proven.iter().find(|(a, _)| *a == sender) {
                        Some((_, next)) => *next,
                        None => {
                            // A failed proof leaves the answer unknown; the
                            // list itself stays available.
                            let next = session.next_nonce(&sender).ok().map(|p| p.value);
                            proven.push((sender, next));
                            next
                        }
                    };
                    next.map(|n| record.superseded(n)).transpose()?
                }
            };
            views.push(PendingView {
                fingerprint: RequestFingerprint::of(&request).to_string(),
                signed: record.signed_transaction.is_some(),
                created_at: record.created_at,
                nonce: request.transaction.nonce,
                superseded,
                request_id: record.request_id,
            });
        }
        Ok(views)
    }

    /// Discards the open wallet's pending request `request_id`, one that will
    /// never be signed (the person changed their mind, the cold device is
    /// lost, or its nonce was used by another transaction). A signature for it
    /// is refused afterwards.
    ///
    /// # Errors
    /// `app-locked`, `cold-bad-request-id`, `cold-unknown-request`,
    /// `cold-storage-io`.
    pub fn discard_request(&mut self, request_id: &str) -> Result<DiscardedView, AppError> {
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        let id = parse_request_id(request_id)?;
        let record = PendingStore::new(self.store(), open.handle.name()).discard(&id)?;
        Ok(DiscardedView {
            fingerprint: record
                .fingerprint()
                .map_or_else(|_| "-".to_owned(), |f| f.to_string()),
            request_id: record.request_id,
        })
    }

    /// Writes one PNG per UR part into `<data dir>/exports/qr/<stem>/` (older
    /// frames of that stem are removed) and returns the directory.
    ///
    /// # Errors
    /// `app-bad-qr-stem`, `qr-*` encode errors, `cold-storage-io`.
    pub fn save_qr_frames(&self, stem: &str, parts: &[String]) -> Result<String, AppError> {
        if !QR_STEMS.contains(&stem) {
            return Err(AppError::new("app-bad-qr-stem").arg("stem", stem));
        }
        if parts.is_empty() || parts.len() > MAX_IMAGES {
            return Err(AppError::new("app-too-many-images")
                .arg("max", MAX_IMAGES)
                .arg("got", parts.len()));
        }
        let frames = parts
            .iter()
            .map(|part| Ok(QrSymbol::for_ur(part)?.to_png(SAVED_MODULE_PX)?))
            .collect::<Result<Vec<_>, AppError>>()?;
        let dir = self.config.data_dir.join("exports").join("qr").join(stem);
        transport::write_frames(&dir, stem, &frames)?;
        Ok(dir.display().to_string())
    }
}
