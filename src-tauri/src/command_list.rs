//! The app's IPC commands, one place for the build step (which turns each into an
//! `allow-<name>` permission) and the invoke handler. Capabilities in
//! `capabilities/` must list exactly these.

/// Every command the webview may call.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "list_wallets",
    "create_wallet",
    "restore_wallet",
    "unlock",
    "lock",
    "reveal_mnemonic",
    "backup_challenge",
    "backup_check",
    "wallet_overview",
    "receive_qr",
    "set_language",
    "change_password",
    "keyring_enable",
    "keyring_disable",
    "recalibrate_kdf",
    "chain_status",
    "sync",
    "cancel_sync",
    "balance",
    "review_send",
    "send",
    "devnet_faucet",
    "set_endpoints",
    "export_audit_bundle",
    "scan_image",
];
