//! `sign-message` and `verify-message`.

use anyhow::Result;
use jifen_crypto::signer::MessageSignature;
use jifen_protocol::Address;
use jifen_wallet::WalletStore;

use super::security::unlock;
use crate::args::{PasswordArgs, WalletArg};
use crate::ui::Ui;

/// `jifen sign-message`: prints the signature on stdout.
pub fn sign(
    ui: &Ui,
    store: &WalletStore,
    wallet: &WalletArg,
    password: &PasswordArgs,
    index: u32,
    no_keyring: bool,
    message: &str,
) -> Result<()> {
    let mut wallet = store.choose(wallet.wallet.as_deref())?;
    let network = wallet.network()?;
    let unlocked = unlock(ui, &mut wallet, password, no_keyring)?;
    let signature = unlocked.sign_message(index, message.as_bytes())?;
    ui.say(
        "message-signed",
        &[(
            "address",
            signature.public_key.address().encode(network).into(),
        )],
    );
    ui.data(&signature.to_text());
    Ok(())
}

/// `jifen verify-message`: exit status 0 only for a valid signature by `address`.
pub fn verify(ui: &Ui, address: &str, signature: &str, message: &str) -> Result<()> {
    let (network, address) = Address::decode_any(address)?;
    let signature = MessageSignature::from_text(signature)?;
    signature.verify(message.as_bytes(), &address, network)?;
    ui.say(
        "message-valid",
        &[("address", address.encode(network).into())],
    );
    Ok(())
}
