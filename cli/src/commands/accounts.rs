//! `list`, `addresses`, `export-watch-only`: public data, no password needed.

use anyhow::Result;
use jifen_crypto::hd::Chain;
use jifen_wallet::WalletStore;
use serde_json::json;

use crate::args::WalletArg;
use crate::error::describe;
use crate::ui::Ui;

/// `jifen list`.
pub fn list(ui: &Ui, store: &WalletStore, json: bool) -> Result<()> {
    let wallets = store.list()?;
    if json {
        let rows: Vec<_> = wallets
            .iter()
            .map(|(name, summary)| match summary {
                Ok(s) => json!({
                    "name": name,
                    "network": s.network.to_string(),
                    "first_address": s.first_address.encode(s.network),
                    "backup_verified": s.backup_verified,
                    "keyring": s.has_keyring_slot,
                    "watch_only": s.watch_only,
                }),
                Err(e) => json!({ "name": name, "error": e.code() }),
            })
            .collect();
        ui.data(&serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    if wallets.is_empty() {
        ui.say(
            "list-empty",
            &[("dir", store.dir().display().to_string().into())],
        );
        return Ok(());
    }
    for (name, summary) in wallets {
        match summary {
            Ok(s) => {
                ui.data(&ui.text(
                    "list-row",
                    &[
                        ("name", name.into()),
                        ("network", s.network.to_string().into()),
                        ("address", s.first_address.encode(s.network).into()),
                    ],
                ));
                if s.watch_only {
                    ui.say("list-watch-only", &[]);
                } else if !s.backup_verified {
                    ui.say("list-not-backed-up", &[]);
                }
            }
            Err(e) => {
                let error = anyhow::Error::from(e);
                ui.data(&ui.text(
                    "list-row-broken",
                    &[
                        ("name", name.into()),
                        ("reason", describe(ui.catalog(), &error).into()),
                    ],
                ));
            }
        }
    }
    Ok(())
}

/// `jifen addresses`.
pub fn addresses(
    ui: &Ui,
    store: &WalletStore,
    wallet: &WalletArg,
    start: u32,
    count: u32,
    change: bool,
    json: bool,
) -> Result<()> {
    let wallet = store.choose(wallet.wallet.as_deref())?;
    let network = wallet.network()?;
    let chain = if change {
        Chain::Change
    } else {
        Chain::Receive
    };
    let account = wallet.account()?;
    let rows = wallet.addresses(chain, start, count.min(1000))?;
    if json {
        let rows: Vec<_> = rows
            .iter()
            .map(|(i, a)| {
                json!({
                    "index": i,
                    "path": format!("{}/{}/{}", account.path(), u8::from(change), i),
                    "address": a.encode(network),
                })
            })
            .collect();
        ui.data(&serde_json::to_string_pretty(&rows)?);
    } else {
        for (index, address) in rows {
            ui.data(&format!("{index:>4}  {}", address.encode(network)));
        }
    }
    Ok(())
}

/// `jifen export-watch-only`.
pub fn export_watch_only(
    ui: &Ui,
    store: &WalletStore,
    wallet: &WalletArg,
    json: bool,
) -> Result<()> {
    let wallet = store.choose(wallet.wallet.as_deref())?;
    let network = wallet.network()?;
    let account = wallet.account()?;
    let xpub = account.to_string_for(network);
    if json {
        ui.data(&serde_json::to_string_pretty(&json!({
            "network": network.to_string(),
            "path": account.path(),
            "master_fingerprint": hex::encode(account.master_fingerprint()),
            "xpub": xpub,
        }))?);
    } else {
        ui.say(
            "watch-only-details",
            &[
                ("network", network.to_string().into()),
                ("path", account.path().into()),
                (
                    "fingerprint",
                    hex::encode(account.master_fingerprint()).into(),
                ),
            ],
        );
        ui.data(&xpub);
    }
    Ok(())
}
