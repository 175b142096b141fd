//! Use cases of the **cold signer** (an offline device): **export the
//! pairing**, **review a sign request** read from QR codes with the device's
//! own checks, and **sign** it after the person confirmed that review.

use jifen_protocol::ChainId;
use jifen_qr::{EncoderSettings, Payload, UrType};

use crate::cold::error::ColdError;
use crate::cold::review::Confirmation;
use crate::cold::signer::{
    load_pairing, pair_export, refusal_of, review_request, sign_after_review,
};
use crate::cold::transport::{self, InputEvent, QrInput, qr_code};
use crate::cold::views::{ColdReviewView, PairExportView, SignatureView};
use crate::context::WalletContext;
use crate::open::OpenWallet;

/// The longest UR fragment a device reading image files (or a good camera)
/// reads; announced in the pairing so requests are cut to fit.
pub const MAX_FRAGMENT_READ: u16 = 400;

/// Records the pairing of this (keyed) wallet for `chain_id` (else the
/// context network's default chain) and returns the account export as a
/// code for the online wallet.
///
/// # Errors
/// `wallet-watch-only`, `chain-id-*` for an invalid chain id, `cold-storage-io`,
/// `qr-*` encoding errors.
pub fn export_pairing(
    ctx: &WalletContext,
    open: &OpenWallet,
    chain_id: Option<&str>,
    max_fragment_read: u16,
) -> Result<PairExportView, ColdError> {
    let chain_id = match chain_id.map(str::trim).filter(|c| !c.is_empty()) {
        Some(text) => ChainId::new(text).map_err(crate::chain::ChainError::from)?,
        None => crate::chain::settings::default_chain_id(ctx.network)?,
    };
    let export = pair_export(
        &ctx.store(),
        open.handle(),
        &chain_id,
        &ctx.front_end.app_version(),
        max_fragment_read,
    )?;
    let master_fingerprint = hex::encode(export.master_fingerprint);
    let xpub = export.xpub.clone();
    Ok(PairExportView {
        chain_id: chain_id.as_str().to_owned(),
        master_fingerprint,
        xpub,
        qr: qr_code(&Payload::Account(export), EncoderSettings::default())?,
    })
}

/// Reads a sign request from `inputs` (frames in any order; codes of other
/// messages skipped), runs the device's own checks (the paired chain, its
/// own address at the request's path, a transaction kind it can show) and
/// keeps the review in `open` until it is signed, refused or replaced.
/// `on_input` sees the reading progress and frames without a code.
///
/// # Errors
/// `cold-not-paired`, `cold-wrong-chain`, `cold-foreign-path`,
/// `cold-foreign-address`, `cold-unknown-kind`, `cold-qr-incomplete`,
/// `qr-wrong-type`, `qr-*`, `wallet-watch-only`.
pub fn review(
    ctx: &WalletContext,
    open: &mut OpenWallet,
    inputs: &[QrInput],
    on_input: &mut dyn FnMut(&InputEvent),
) -> Result<ColdReviewView, ColdError> {
    open.set_review(None);
    let pairing = load_pairing(&ctx.store(), open.handle())?;
    let payload = transport::receive(UrType::SignRequest, inputs, on_input)
        // A transaction kind this build does not know is the device's own
        // refusal, not a transport error.
        .map_err(|e| match e {
            ColdError::Payload(p) => refusal_of(p),
            other => other,
        })?;
    let request = payload.into_sign_request()?;
    let review = review_request(open.handle(), &pairing, request)?;
    let view = ColdReviewView::of(&review);
    open.set_review(Some(review));
    Ok(view)
}

/// How the person confirmed the review they saw.
#[derive(Clone, Copy, Debug)]
pub enum Confirm<'a> {
    /// The whole fingerprint (the app passes the one its screen showed; a
    /// script types it).
    Fingerprint(&'a str),
    /// The first group of the fingerprint, typed at a prompt after reading
    /// the review.
    FirstGroup(&'a str),
}

/// Signs the kept review after the person's confirmation, with the open
/// wallet's keys. The review is used up either way a signature is made.
///
/// # Errors
/// `cold-no-review`, `cold-fingerprint-mismatch`, `cold-not-confirmed`,
/// `wallet-locked`, signing errors.
pub fn sign(open: &mut OpenWallet, confirm: Confirm<'_>) -> Result<SignatureView, ColdError> {
    let review = open.review().ok_or(ColdError::NoReview)?;
    let confirmation: Confirmation = match confirm {
        Confirm::Fingerprint(typed) => review.confirm_with_fingerprint(typed)?,
        Confirm::FirstGroup(typed) => review.confirm_with_first_group(typed)?,
    };
    let answer = sign_after_review(review, confirmation, open.keys()?)?;
    let view = SignatureView {
        request_id: review.request_id().to_string(),
        fingerprint: review.fingerprint().to_string(),
        qr: qr_code(&Payload::Signature(answer), EncoderSettings::default())?,
    };
    open.set_review(None);
    Ok(view)
}
