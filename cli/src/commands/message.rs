//! `sign-message` and `verify-message` over `jifen_wallet::sign_message`.

use jifen_wallet::{WalletContext, sign_message};

use super::security::{open, unlock};
use crate::args::{PasswordArgs, WalletArg};
use crate::error::Result;
use crate::ui::Ui;

/// `jifen sign-message`: prints the signature on stdout.
pub fn sign(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    password: &PasswordArgs,
    index: u32,
    no_keyring: bool,
    message: &str,
) -> Result<()> {
    let mut open = open(ctx, wallet)?;
    let keys = unlock(ui, ctx, &mut open, password, no_keyring)?;
    let signed = sign_message::sign(keys, index, message)?;
    ui.say("message-signed", &[("address", signed.address.into())]);
    ui.data(&signed.signature);
    Ok(())
}

/// `jifen verify-message`: exit status 0 only for a valid signature by `address`.
pub fn verify(ui: &Ui, address: &str, signature: &str, message: &str) -> Result<()> {
    let verified = sign_message::verify(address, signature, message)?;
    ui.say("message-valid", &[("address", verified.address.into())]);
    Ok(())
}
