# Command-line wallet: everything `jifen` says to a person.
# Keep ids and variables identical in zh-CN, zh-TW and en (checked by tests).

## Help texts

help-jifen = Jifen wallet: keys, addresses and signatures for the Jifen merchant-alliance chain.
help-global-lang = Language of messages: zh-CN (default), zh-TW or en. Also JIFEN_LANG.
help-global-data_dir = Directory holding wallets (default ~/.local/share/jifen). Also JIFEN_DATA_DIR.
help-global-interactive = Ask questions on stdin even when it is not a terminal.
help-create = Create a wallet with a new mnemonic (shown once, then checked).
help-create-name = Name of the new wallet.
help-create-network = Network of the addresses: devnet (default), testnet or mainnet.
help-create-passphrase = Protect the mnemonic with an extra BIP39 passphrase.
help-create-passphrase_fd = Read the BIP39 passphrase from this file descriptor.
help-create-password_fd = Read the new wallet password from this file descriptor (or set JIFEN_PASSWORD).
help-create-keyring = Also keep an unlock key in the operating system's keyring.
help-create-words = Number of words: 12 or 24.
help-create-mnemonic_lang = Word list of the mnemonic: zh-hans (default), zh-hant or en.
help-create-skip_backup_check = Skip the backup check (the wallet is marked as not backed up).
help-restore = Restore a wallet from its mnemonic.
help-restore-name = Name of the restored wallet.
help-restore-network = Network of the addresses: devnet (default), testnet or mainnet.
help-restore-passphrase = The mnemonic was protected with a BIP39 passphrase.
help-restore-passphrase_fd = Read the BIP39 passphrase from this file descriptor.
help-restore-password_fd = Read the new wallet password from this file descriptor (or set JIFEN_PASSWORD).
help-restore-keyring = Also keep an unlock key in the operating system's keyring.
help-restore-mnemonic_lang = Word list of the mnemonic, if it cannot be detected: en, zh-hans or zh-hant.
help-restore-mnemonic_fd = Read the mnemonic from this file descriptor (otherwise from stdin or a prompt).
help-list = List wallets.
help-list-json = Machine-readable output.
help-addresses = Show receive (or change) addresses; no password needed.
help-addresses-wallet = Wallet name (may be omitted when there is only one).
help-addresses-start = First address index.
help-addresses-count = How many addresses.
help-addresses-change = Show change addresses instead of receive addresses.
help-addresses-json = Machine-readable output.
help-export-watch-only = Export the watch-only account (extended public key).
help-export-watch-only-wallet = Wallet name (may be omitted when there is only one).
help-export-watch-only-json = Machine-readable output.
help-change-password = Change the wallet password (only the key slot is rewritten).
help-change-password-wallet = Wallet name (may be omitted when there is only one).
help-change-password-password_fd = Read the current password from this file descriptor (or set JIFEN_PASSWORD).
help-change-password-new_password_fd = Read the new password from this file descriptor (or set JIFEN_NEW_PASSWORD).
help-backup-check = Check that the mnemonic was written down correctly.
help-backup-check-wallet = Wallet name (may be omitted when there is only one).
help-backup-check-password_fd = Read the password from this file descriptor (or set JIFEN_PASSWORD).
help-keyring = Add (enable) or remove (disable) the unlock key in the OS keyring.
help-keyring-wallet = Wallet name (may be omitted when there is only one).
help-keyring-password_fd = Read the password from this file descriptor (or set JIFEN_PASSWORD).
help-keyring-action = enable or disable.
help-sign-message = Sign a message with the key of a receive address.
help-sign-message-wallet = Wallet name (may be omitted when there is only one).
help-sign-message-password_fd = Read the password from this file descriptor (or set JIFEN_PASSWORD).
help-sign-message-index = Index of the receive address whose key signs.
help-sign-message-no_keyring = Do not try the OS keyring; ask for the password.
help-sign-message-message = The message to sign.
help-verify-message = Verify a signed message against an address.
help-verify-message-address = The address that should have signed.
help-verify-message-signature = The signature printed by sign-message.
help-verify-message-message = The message that was signed.

## Prompts

prompt-password = Wallet password:{" "}
prompt-new-password = New wallet password (at least 8 characters):{" "}
prompt-new-password-again = Type the new password again:{" "}
prompt-passphrase = BIP39 passphrase:{" "}
prompt-passphrase-again = Type the passphrase again:{" "}
prompt-mnemonic = Type your mnemonic words, separated by spaces:{" "}

## Progress and results

error-prefix = Error: { $message }
kdf-calibrating = Measuring this computer to choose how hard the password is to guess…
kdf-calibrated = Password protection: Argon2id, { $memory } MiB, { $passes } passes, unlock takes about { $millis } ms here.
kdf-upgraded = This wallet's password protection was below today's minimum and has been strengthened.
kdf-upgrade-failed = This wallet's password protection is below today's minimum but could not be strengthened (another Jifen window or command may be using it, or the wallet folder is read-only; it is tried again at the next unlock). The wallet is unlocked.
mnemonic-multiplexer-warning = Note: you are inside tmux or screen, which keep their own history; clear it (or close the window) after writing the words down.
mnemonic-intro = Write these { $count } words down on paper, in order. They are the only way to recover the wallet.
mnemonic-warning = Anyone who sees these words can take everything in the wallet. Never photograph them or type them into a website.
mnemonic-continue = Press Enter when you have written them down; the screen will be cleared.
backup-skipped = Backup check skipped: the wallet is marked as not backed up. Run "jifen backup-check" later.
backup-check-intro = Let's check your copy: type { $count } of the words.
backup-check-word = Word #{ $position }:{" "}
backup-check-wrong = That is not the word. { $left ->
    [one] One try left.
   *[other] { $left } tries left.
}
backup-check-passed = Backup checked: the words match.
backup-failed-not-created = The words did not match, so the wallet was not created. Run create again and copy the words carefully.
backup-failed = The words did not match. Find your written copy and try again.
wallet-created = Wallet “{ $name }” created.
wallet-first-address = First receive address: { $address }
password-changed = Password of wallet “{ $name }” changed.
keyring-enabled = The OS keyring now holds an unlock key for this wallet.
keyring-disabled = The unlock key was removed from the OS keyring.
keyring-not-enabled = The OS keyring could not be used ({ $reason }); the password still unlocks the wallet.
keyring-fallback = Could not unlock with the OS keyring ({ $reason }); asking for the password instead.
list-empty = No wallets yet in { $dir }. Create one with "jifen create" or "jifen restore".
list-row = { $name }  [{ $network }]  { $address }
list-row-broken = { $name }  cannot be read: { $reason }
list-not-backed-up =     ⚠ mnemonic backup not checked yet
watch-only-details = Watch-only account — network { $network }, path { $path }, master fingerprint { $fingerprint }. The key below reveals all addresses but can spend nothing:
message-signed = Signed by { $address }. Signature:
message-valid = Valid signature by { $address }.

## Refusals of the command line itself

cli-secrets-differ = The two entries differ; please type them again.
cli-no-secret-source = No terminal to ask for it: pass it through a file descriptor option or the { $env } environment variable.
cli-bad-fd = Cannot read from file descriptor { $fd }.
cli-password-too-short = The password has { $got } characters; use at least { $min }.
cli-unknown-network = Unknown network “{ $given }”; use devnet, testnet or mainnet.
cli-unknown-mnemonic-language = Unknown word list “{ $given }”; use zh-hans, zh-hant or en.
cli-word-count = A new mnemonic has 12 or 24 words, not { $got }.
cli-backup-check-needs-terminal = The backup check needs a person at a terminal: run interactively, pass --interactive, or pass --skip-backup-check.
cli-no-data-dir = No data directory: set --data-dir or JIFEN_DATA_DIR.
cli-randomness = The system random number generator failed.
cli-keyring-action = Unknown action “{ $given }”; use enable or disable.
error-unexpected = Unexpected error: { $detail }

## Wallet use cases (CLI)
passphrase-from-env = Using the BIP39 passphrase from { $env }.
cli-env-not-unicode = { $env } is not valid text (UTF-8).
cli-terminal-io = Cannot read from or write to the terminal: { $reason }
cli-json = Cannot write the JSON output: { $reason }
help-faucet = Devnet only: get 100 test POINT from the devnet's public account, proven arrived.
help-faucet-wallet = Wallet name (may be omitted when there is only one).
help-faucet-index = Index of the receive address that gets the POINT.
help-faucet-timeout = Seconds to wait for proven inclusion.
help-faucet-json = Machine-readable output.
help-verify-bundle-json = Machine-readable output.
help-verify-evidence-json = Machine-readable output.
help-endpoints-json = Machine-readable output.
help-online-pending-online = Sync first and say which requests' nonces are already used on chain.
