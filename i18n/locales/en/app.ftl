## app: the desktop app screens messages (en)

app-title = Jifen 积分
app-loading = Loading…
app-language = Language
app-language-zh-CN = 简体中文
app-language-zh-TW = 繁體中文
app-language-en = English
app-error-unexpected = Something unexpected went wrong: { $detail }
app-error-unknown-code = An error occurred (code “{ $code }”).
app-network-line = Network: { $network }
app-back = Back
app-continue = Continue
app-wallet = Wallet
app-wallet-name = Wallet name
app-password = Password
app-password-repeat = Repeat the password
app-password-mismatch = The two passwords differ.

## Errors raised by the app itself
app-engine-start = The app could not start its wallet service.
app-engine-stopped = The wallet service has stopped; restart the app.
app-no-data-dir = No data directory found; set JIFEN_DATA_DIR.
app-settings-io = The app settings could not be saved.
app-locked = Unlock a wallet first.
app-backup-already-checked = This wallet's backup was already checked; its words are not shown again.
app-no-challenge = Start the backup check again.
app-backup-mismatch = Word { $position } does not match your backup. Check your written copy and try again (new words are asked).
app-unknown-language = Unknown language “{ $tag }”.

## First run
app-welcome-title = Welcome to Jifen
app-welcome-lead = A wallet that checks every balance against signed block headers and Merkle proofs, so no server has to be trusted.
app-welcome-create = Create a new wallet
app-welcome-create-hint = New recovery words, written down and checked.
app-welcome-restore = Restore a wallet
app-welcome-restore-hint = From the 12 or 24 words you wrote down.
app-welcome-have-wallet = I already have a wallet here: unlock it

## Create and backup
app-create-title = Create a wallet
app-create-words = Number of words
app-create-word-list = Word list
app-word-list-zh-hans = Simplified Chinese
app-word-list-zh-hant = Traditional Chinese
app-word-list-en = English
app-create-kdf-note = The password is stretched with Argon2id, tuned to this computer (about one second).
app-create-submit = Create
app-create-working = Tuning the password protection to this computer and writing the wallet…
app-backup-title = Write down your recovery words
app-backup-auth-lead = Type your password again to show the recovery words. They are shown once: write them on paper, in order.
app-backup-later = Later
app-backup-reveal = Show the words
app-backup-warning = Anyone with these words owns the wallet. Never photograph them or type them into a website.
app-backup-written = I have written them down
app-backup-check-title = Check your backup
app-backup-word-n = Word number { $n }
app-backup-check-submit = Check
app-backup-done = Backup checked. Keep the paper somewhere safe.

## Restore
app-restore-title = Restore a wallet
app-restore-words = Recovery words
app-restore-words-hint = Separate words with spaces; Chinese and English word lists are recognized.
app-restore-passphrase = BIP39 passphrase (only if you used one)
app-restore-submit = Restore

## Unlock
app-unlock-title = Unlock
app-unlock-working = Unlocking…
app-unlock-submit = Unlock

## Home and navigation
app-nav-home = Home
app-nav-receive = Receive
app-nav-settings = Settings
app-home-title = Wallet “{ $name }”
app-home-backup-missing = The recovery words of this wallet have not been checked yet.
app-home-backup-now = Back up now
app-home-address = Your address

## Receive
app-receive-title = Receive
app-receive-lead = Show this code or address to the payer.
app-receive-index = Address number { $index }
app-receive-previous = Previous address
app-receive-next = Next address

## Settings
app-settings-title = Settings
app-settings-working = Working…
app-settings-calibrating = Measuring this computer…
app-settings-password-changed = Password changed.
app-settings-kdf-done = Password protection re-tuned.
app-settings-keyring-on = The wallet can now be unlocked from the system keyring.
app-settings-keyring-off = The system keyring entry was removed.
app-settings-language = Language
app-settings-backup = Backup
app-settings-backup-ok = The recovery words were checked.
app-settings-backup-check = Check my written words
app-settings-password = Change password
app-settings-old-password = Current password
app-settings-new-password = New password
app-settings-password-submit = Change password
app-settings-keyring = System keyring
app-settings-keyring-lead = Keep a key in the operating system's keyring so the wallet opens without typing the password on this computer.
app-settings-keyring-present = A keyring slot exists.
app-settings-keyring-remove = Remove the keyring slot
app-settings-keyring-add = Add a keyring slot
app-settings-kdf = Password protection (Argon2id)
app-settings-kdf-params = { $memory } MiB memory, { $passes } passes, { $lanes } lane(s)
app-settings-kdf-measured = One unlock takes about { $millis } ms on this computer.
app-settings-kdf-submit = Re-tune for this computer
app-settings-lock = Lock the wallet

## Balance, sync and audit
app-nav-send = Send
app-nav-audit = Sync & audit
app-balance-title = Balance
app-balance-proven = Proven at block { $height }
app-balance-waiting = Verifying the chain before showing a balance…
app-balance-unknown = No verified balance yet.
app-sync-phase-bootstrapping = Checking the root of trust
app-sync-phase-syncing = Verifying block headers
app-sync-phase-cross-checking = Cross-checking with witnesses
app-sync-phase-done = Verified
app-sync-heights = block { $current } of { $target }
app-sync-eta = about { $seconds } s left
app-sync-cancel = Cancel
app-sync-now = Sync now
app-sync-trusted = Verified up to block { $height }
app-sync-never = Not synced yet
app-sync-peers = { $active } of { $total } peers in use
app-sync-cancelled = Sync cancelled.
app-faucet = Get 100 test POINT (devnet)
app-faucet-working = Sending test POINT…
app-faucet-note = Devnet only: test POINT from the public devnet account 0. They have no value.
app-faucet-not-devnet = The faucet exists only on the devnet.
app-peer-role-primary = primary
app-peer-role-witness = witness
app-peer-state-active = in use
app-peer-state-lagging = behind
app-peer-state-unreachable = unreachable
app-peer-state-demoted = dropped (sent invalid data)
app-audit-title = Sync & audit
app-audit-trusted = Trusted block
app-audit-trusted-line = Block { $height }, signed at { $time }
app-audit-chain = Chain { $chain } ({ $network })
app-audit-peers = Peers
app-audit-cross-check = Witnesses agreed at block { $height } ({ $agreed } agreed)
app-audit-evidence = Evidence of misbehaving nodes
app-audit-no-evidence = None: no node contradicted another.
app-audit-bundle = Audit bundle
app-audit-bundle-lead = Export the headers and proofs behind your balance, so anyone can check them offline.
app-audit-export = Export audit bundle
app-audit-exported = Saved to { $path }

## Send
app-send-title = Send POINT
app-send-to = To
app-send-from = From
app-send-amount = Amount (POINT)
app-send-fee = Fee (POINT)
app-send-fee-hint = The devnet accepts fees from 0.001 POINT.
app-send-review = Review
app-send-review-title = Check before sending
app-send-total = Total
app-send-remaining = Left afterwards
app-send-confirm = Sign and send
app-send-stage-signing = Signing…
app-send-stage-submitted = Sent to the node…
app-send-stage-waiting = Waiting for a block with a proof of inclusion…
app-send-stage-included = Included.
app-send-tx-id = Transaction { $id }
app-send-included = Included in block { $height }, proven.
app-send-included-detail = Position { $index } in the block; header { $hash }…
app-send-new-balance = New balance { $points } POINT, proven at block { $height }
app-send-another = Send another
app-settings-endpoints = Network and nodes
app-settings-endpoints-lead = The first node serves headers; the others are witnesses that cross-check it. One address per line.
app-settings-endpoints-save = Save nodes
app-settings-endpoints-saved = Nodes saved.
app-sync-first = Sync with the chain first.
app-export-io = The audit bundle could not be written.

## Scan
app-nav-scan = Scan
app-scan-title = Scan a QR code
app-scan-lead = Choose a photo or screenshot of a QR code (PNG or JPEG). On phones the camera is used instead.
app-scan-choose = Image file
app-scan-nothing = No QR code was found in this image.
app-scan-kind-address = An address
app-scan-kind-sign-request = A cold-signing request
app-scan-kind-signature = A cold-signing signature
app-scan-kind-account = A cold wallet's account (pairing)
app-scan-kind-unknown = Not a Jifen code
app-scan-send-to = Send to this address
app-scan-cold-cli = Cold signing is not in this version of the app yet; use the command-line wallet's cold commands for this code.
