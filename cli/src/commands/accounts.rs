//! `list`, `addresses`, `export-watch-only`: public data, no password needed.

use jifen_wallet::receive::{self, AddressChain};
use jifen_wallet::{WalletContext, wallets, watch_only};

use super::print_json;
use super::security::open;
use crate::args::WalletArg;
use crate::error::{Result, describe_view};
use crate::ui::Ui;

/// `jifen list`.
pub fn list(ui: &Ui, ctx: &WalletContext, json: bool) -> Result<()> {
    let store = ctx.store();
    let rows = wallets::list(&store)?;
    if json {
        return print_json(ui, &rows);
    }
    if rows.is_empty() {
        ui.say(
            "list-empty",
            &[("dir", store.dir().display().to_string().into())],
        );
        return Ok(());
    }
    for row in rows {
        match (&row.wallet, &row.error) {
            (Some(wallet), _) => {
                ui.data(&ui.text(
                    "list-row",
                    &[
                        ("name", row.name.clone().into()),
                        ("network", wallet.network.to_string().into()),
                        ("address", wallet.address.clone().into()),
                    ],
                ));
                if wallet.watch_only {
                    ui.say("list-watch-only", &[]);
                } else if !wallet.backup_verified {
                    ui.say("list-not-backed-up", &[]);
                }
            }
            (None, error) => ui.data(
                &ui.text(
                    "list-row-broken",
                    &[
                        ("name", row.name.clone().into()),
                        (
                            "reason",
                            error
                                .as_ref()
                                .map_or_else(String::new, |e| describe_view(ui.catalog(), e))
                                .into(),
                        ),
                    ],
                ),
            ),
        }
    }
    Ok(())
}

/// `jifen addresses`.
pub fn addresses(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    start: u32,
    count: u32,
    change: bool,
    json: bool,
) -> Result<()> {
    let open = open(ctx, wallet)?;
    let chain = if change {
        AddressChain::Change
    } else {
        AddressChain::Receive
    };
    let rows = receive::addresses(open.handle(), chain, start, count)?;
    if json {
        return print_json(ui, &rows);
    }
    for row in rows {
        ui.data(&format!("{:>4}  {}", row.index, row.address));
    }
    Ok(())
}

/// `jifen export-watch-only`.
pub fn export_watch_only(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    json: bool,
) -> Result<()> {
    let open = open(ctx, wallet)?;
    let export = watch_only::export(open.handle())?;
    if json {
        return print_json(ui, &export);
    }
    ui.say(
        "watch-only-details",
        &[
            ("network", export.network.to_string().into()),
            ("path", export.path.clone().into()),
            ("fingerprint", export.master_fingerprint.clone().into()),
        ],
    );
    ui.data(&export.xpub);
    Ok(())
}
