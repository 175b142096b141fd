//! Application services shared by every Jifen front end (CLI now, the Tauri app later).
//!
//! - [`store`]: the directory of wallet files: create, restore, list, open, unlock.
//! - [`record`]: what a wallet file holds (secret payload, public record, settings).
//!
//! Front ends stay thin: they collect input, call these services, and translate the
//! [`WalletError::code`] of failures.

pub mod error;
pub mod record;
pub mod store;

pub use error::WalletError;
pub use store::{NewWallet, UnlockedWallet, WalletHandle, WalletStore, WalletSummary};
