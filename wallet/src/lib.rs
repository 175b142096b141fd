//! Application services shared by every Jifen front end (CLI now, the Tauri app later).
//!
//! - [`store`]: the directory of wallet files: create, restore, list, open, unlock.
//! - [`record`]: what a wallet file holds (secret payload, public record, settings).
//! - [`chain`]: chain settings per network and the verifying chain session (balances,
//!   transfers, audit bundles) over the light client.
//! - [`cold`]: cold signing over QR codes: pairing, review, signing, accepting signatures.
//!
//! Front ends stay thin: they collect input, call these services, and translate the
//! [`WalletError::code`] of failures.

pub mod chain;
pub mod cold;
pub mod error;
pub mod record;
pub mod store;

pub use chain::{ChainError, ChainSettings};
pub use error::WalletError;
pub use store::{NewWallet, UnlockedWallet, WalletHandle, WalletStore, WalletSummary};
