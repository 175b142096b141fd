//! Typed passwords through the open wallet: wrong ones are spaced out (the
//! next try, even a right one, is refused without deriving a key), and past
//! the re-authentication window a kept send is signed only after the
//! password is typed again. Real keystore files in a temporary directory.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use jifen_crypto::keystore::{KeystoreError, Password};
use jifen_crypto::mnemonic::MnemonicLanguage;
use jifen_node::keys::NodeKey;
use jifen_protocol::{ChainId, Network};
use jifen_wallet::chain::ChainError;
use jifen_wallet::error::WalletError;
use jifen_wallet::onboarding::{self, Secrets};
use jifen_wallet::open::calibrate;
use jifen_wallet::password_gate::FREE_TRIES;
use jifen_wallet::send::{self, SendRequest};
use jifen_wallet::{FrontEnd, OpenWallet, WalletContext};

fn context(dir: &Path) -> WalletContext {
    let mut ctx = WalletContext::new(dir, Network::Devnet, FrontEnd::App);
    ctx.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    ctx
}

fn created(ctx: &WalletContext, password: &Password) -> OpenWallet {
    let kdf = calibrate(&ctx.kdf_policy).unwrap();
    let draft = onboarding::draft(&ctx.store(), "w", MnemonicLanguage::English, 12).unwrap();
    let secrets = Secrets {
        password,
        passphrase: "",
        kdf: &kdf,
    };
    draft.commit(ctx, &secrets, None).unwrap()
}

fn is_wrong_password(result: &Result<impl std::fmt::Debug, WalletError>) -> bool {
    matches!(
        result,
        Err(WalletError::Keystore(KeystoreError::WrongPassword))
    )
}

#[test]
fn wrong_passwords_in_a_row_make_the_next_try_wait() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let right = Password::new("right horse battery").unwrap();
    let wrong = Password::new("wrong horse battery").unwrap();
    created(&ctx, &right);

    let mut open = OpenWallet::open(&ctx.store(), Some("w")).unwrap();
    for _ in 0..FREE_TRIES {
        assert!(is_wrong_password(
            &open.unlock_with_password(&wrong, &ctx.kdf_policy)
        ));
    }
    // Even the right password waits now; a new handle on the same file too
    // (the app opens one per unlock).
    let mut again = OpenWallet::open(&ctx.store(), Some("w")).unwrap();
    let refused = again.unlock_with_password(&right, &ctx.kdf_policy);
    assert!(
        matches!(
            refused,
            Err(WalletError::TooManyAttempts { retry_after_s: 1 })
        ),
        "{refused:?}"
    );
    assert!(!again.is_unlocked());
    assert_eq!(
        refused.unwrap_err().code(),
        "wallet-too-many-attempts",
        "a translated message of its own"
    );

    // Another wallet file in the same process is not held back.
    let other_dir = tempfile::tempdir().unwrap();
    let other_ctx = context(other_dir.path());
    created(&other_ctx, &right);
    let mut other = OpenWallet::open(&other_ctx.store(), Some("w")).unwrap();
    other
        .unlock_with_password(&right, &other_ctx.kdf_policy)
        .unwrap();

    std::thread::sleep(Duration::from_millis(1_100));
    again
        .unlock_with_password(&right, &ctx.kdf_policy)
        .expect("the right password after the wait");
    // The right password cleared the count: three free tries again.
    for _ in 0..FREE_TRIES {
        assert!(is_wrong_password(
            &again.reauthenticate(&wrong, &ctx.kdf_policy)
        ));
    }
    assert!(matches!(
        again.start_backup_check(&right, &ctx.kdf_policy),
        Err(WalletError::TooManyAttempts { .. })
    ));
}

#[test]
fn past_the_window_a_kept_send_waits_for_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let right = Password::new("right horse battery").unwrap();
    let wrong = Password::new("wrong horse battery").unwrap();
    let mut open = created(&ctx, &right);
    let facts = open.facts().unwrap();
    let request = SendRequest {
        to: NodeKey::devnet_account(1)
            .unwrap()
            .address()
            .encode(Network::Devnet),
        amount: "1".into(),
        fee: None,
        from_index: 0,
    };
    let prepared =
        send::prepare_offline(&facts, &request, ChainId::new("jifen-devnet").unwrap(), 0).unwrap();
    let review_id = prepared.review_id().to_owned();

    // A CLI command (no window) signs whenever it is unlocked.
    assert!(!open.needs_reauth());
    open.set_reauth_window(Some(Duration::from_secs(1)));
    assert!(!open.needs_reauth(), "just created: the password was typed");
    open.keep_send(prepared);
    std::thread::sleep(Duration::from_millis(1_100));
    assert!(open.needs_reauth());
    assert!(matches!(
        open.sign_kept_send(&review_id),
        Err(ChainError::Wallet(WalletError::ReauthRequired))
    ));
    // A wrong password opens no window; the review is still kept.
    assert!(is_wrong_password(
        &open.reauthenticate(&wrong, &ctx.kdf_policy)
    ));
    assert!(matches!(
        open.sign_kept_send(&review_id),
        Err(ChainError::Wallet(WalletError::ReauthRequired))
    ));
    open.reauthenticate(&right, &ctx.kdf_policy).unwrap();
    let (signed, _tx) = open.sign_kept_send(&review_id).unwrap();
    assert_eq!(signed.review_id(), review_id);

    // Locking forgets the authentication with the keys.
    open.lock();
    assert!(open.needs_reauth());
}
