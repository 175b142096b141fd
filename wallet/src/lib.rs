//! Application services shared by every Jifen front end (the CLI and the Tauri app).
//!
//! - [`store`]: the directory of wallet files: create, restore, list, open, unlock.
//! - [`record`]: what a wallet file holds (secret payload, public record, settings).
//! - [`chain`]: chain settings per network and the verifying chain session (balances,
//!   transfers, audit bundles) over the light client.
//! - [`cold`]: cold signing over QR codes: pairing, review, signing, accepting signatures.
//! - [`messages`]: every library error as a message id and its named arguments.
//!
//! Front ends stay thin: they collect input, call these services, and translate the
//! [`WalletError::code`] of failures.

pub mod chain;
pub mod cold;
pub mod error;
pub mod messages;
pub mod record;
pub mod store;

pub use chain::{ChainError, ChainSettings};
pub use error::WalletError;
pub use store::{NewWallet, UnlockedWallet, WalletHandle, WalletStore, WalletSummary};
