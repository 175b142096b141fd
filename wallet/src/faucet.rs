//! Use case: **get test POINT on the devnet** (the faucet): 100 POINT from
//! the devnet's public account 0, proven arrived. Refused on every other
//! network: the devnet's account keys are derived from public seeds
//! (`jifen-node accounts`), so they exist only there.

use std::time::Duration;

use jifen_crypto::signer::{SecretKey, Signer};
use jifen_protocol::{Address, Network, tagged_hash};

use crate::chain::{BASE_UNITS_PER_POINT, ChainError, ChainSession, MIN_FEE};
use crate::error::WalletError;
use crate::jobs::CancelToken;
use crate::send::{SendProgress, SendReceipt, broadcast_and_prove};

/// What the faucet sends: 100 POINT.
pub const FAUCET_AMOUNT: u128 = 100 * BASE_UNITS_PER_POINT;

/// The node's public derivation of devnet account keys (`jifen-node accounts`).
const DEVNET_ACCOUNT_TAG: &str = "jifen/devnet-account";

/// Sends [`FAUCET_AMOUNT`] to `to` from devnet account 0 and proves it
/// arrived (the receipt's balance is `to`'s).
///
/// # Errors
/// [`ChainError::NotDevnet`] on other networks; the errors of a send
/// (`chain-insufficient-balance` when the faucet account is empty...).
pub fn request(
    session: &mut ChainSession,
    to: &Address,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<SendReceipt, ChainError> {
    if session.network() != Network::Devnet {
        return Err(ChainError::NotDevnet {
            network: session.network(),
        });
    }
    let key = SecretKey::from_bytes(&tagged_hash(DEVNET_ACCOUNT_TAG, &0u32.to_be_bytes()))
        .map_err(WalletError::from)?;
    let plan = session
        .reader()
        .plan_transfer(key.public_key(), *to, FAUCET_AMOUNT, MIN_FEE)?;
    let signature = key
        .sign_digest(&plan.unsigned.signing_digest())
        .map_err(WalletError::from)?;
    let tx = plan.unsigned.with_signature(signature);
    broadcast_and_prove(session, &tx, to, timeout, on_event, cancel)
}
