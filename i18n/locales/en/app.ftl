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
app-sync-tip-old = The newest verified block was signed { $age }: balances may be out of date. Sync again; if it stays old, the chain has stalled or the nodes stopped answering.
app-sync-never = Not synced yet
app-sync-peers = { $active } of { $total } peers in use
app-faucet = Get 100 test POINT (devnet)
app-faucet-working = Sending test POINT…
app-faucet-note = Devnet only: test POINT from the public devnet account 0. They have no value.
app-peer-role-primary = primary
app-peer-role-witness = witness
app-peer-state-active = in use
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
app-send-fee-hint = Leave it empty for the network's minimum fee (0.001 POINT on the devnet).
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
app-settings-endpoints-lead = The first node serves headers; the others are witnesses that cross-check it. One address per line: a URL (https://…) or a P2P peer address (/ip4/…/tcp/…/p2p/…).
app-settings-endpoints-save = Save nodes
app-settings-endpoints-saved = Nodes saved.
app-settings-endpoints-placeholder = https://node.example.org or /ip4/203.0.113.5/tcp/27660/p2p/12D3KooW…
app-settings-certificates = Trusted certificates
app-settings-certificates-lead = For an https:// node with a certificate of its own (e.g. your own node's CA), paste its PEM certificate here. The system's certificates are always trusted; leave this empty to trust only them.
app-settings-certificates-count = { $count ->
        [one] One certificate trusted besides the system's.
       *[other] { $count } certificates trusted besides the system's.
    }

## Scan
app-nav-scan = Scan
app-scan-title = Scan a QR code
app-scan-lead = Choose a photo or screenshot of a QR code (PNG or JPEG). On phones the camera is used instead.
app-scan-choose = Image file
app-scan-kind-address = An address
app-scan-kind-sign-request = A cold-signing request
app-scan-kind-signature = A cold-signing signature
app-scan-kind-account = A cold wallet's account (pairing)
app-scan-kind-unknown = Not a Jifen code
app-scan-send-to = Send to this address

## Cold signing: errors raised by the app
app-cold-offline = This device is an offline signer: it makes no network connection. Leave cold-signer mode in Settings to use the network.
app-not-watch-only = Wallet “{ $name }” has its own keys; unlock it with its password.
app-watch-only-needs-request = A watch-only wallet cannot sign: make a sign request for its cold device.
app-bad-mode = Unknown mode “{ $mode }”.
app-too-many-images = Too many pictures: at most { $max } at once (got { $got }).

## Cold signing: first run and modes
app-welcome-pair = Pair a cold device (watch-only)
app-welcome-pair-hint = Import the account code of an offline signer: see the balance and make sign requests here, sign there.
app-welcome-cold = Use this device as a cold signer
app-welcome-cold-hint = Keep the keys on this offline device; it reviews and signs requests shown as QR codes.
app-cold-banner = Offline signer: this app makes no network connection.
app-cold-welcome-lead = This device is an offline signer. Create or restore the wallet whose keys stay here.
app-cold-leave-lead = Not meant to be an offline signer?
app-cold-leave = Leave cold-signer mode
app-cold-start-title = Use this device as a cold signer
app-cold-start-lead = An offline signer keeps a wallet's keys on a device that never goes online. Another device with a watch-only copy of the wallet makes the transactions; this one only signs them.
app-cold-start-offline = This app will make no network connection at all: no sync, no balance, no sending from here.
app-cold-start-keys = The keys stay on this device; only public keys and signatures leave it, as QR codes.
app-cold-start-review = Every request is shown line by line with its fingerprint before anything is signed; compare the fingerprint with the online wallet.
app-cold-start-codes = Codes move as pictures: show them on screen, or save them as image files for a USB stick or paper.
app-cold-start-leave = You can leave cold-signer mode later in Settings.
app-cold-start-create-hint = New recovery words for the signer; write them down and check them.
app-cold-start-unlock = Use a wallet of this device
app-cold-start-unlock-hint = Open one of the wallets already here with its password.
app-cold-start-use-open = Use the open wallet “{ $name }”
app-cold-start-use-open-hint = The wallet open now becomes the signer's wallet.
app-settings-mode = How this device is used
app-settings-mode-wallet = Online wallet: the app syncs with the network and sends transactions itself.
app-settings-mode-watch-only = Watch-only wallet paired with a cold device (chain { $chain }): transactions are signed on that device.
app-settings-mode-cold = Offline signer: the app makes no network connection and signs the requests it is shown, after your review.
app-settings-mode-leave-lead = Leaving cold-signer mode lets this app connect to the network again (sync, balance, send). Do it only if this device is no longer kept offline; the keys stay in the wallet either way.

## Cold signing: watch-only wallet
app-watch-only = watch-only
app-watch-only-badge = watch-only · paired with a cold device (chain { $chain })
app-home-pending = Sign requests and signatures
app-unlock-watch-only = Watch-only wallets
app-unlock-watch-only-cold = An offline signer cannot use watch-only wallets: they have no keys.
app-unlock-open = Open
app-pair-title = Pair a cold device
app-pair-lead = On the cold device, open “Pair with the online wallet”. Its account code holds only public keys.
app-pair-step-cold = Show the account code on the cold device (or save its frames as images).
app-pair-step-pictures = Choose pictures of the code here: one, or several frames of the animation in any order.
app-pair-step-import = Name the watch-only wallet and import.
app-pair-import = Import
app-pair-working = Reading the code…
app-pair-missing = { $missing } fragments of the code are still missing.
app-pair-watch-only-note = The imported wallet is watch-only: it shows the proven balance and makes sign requests; the cold device signs.
app-send-watch-only-note = This wallet is watch-only: the last step makes a sign request for its cold device.
app-request-make = Make sign request
app-request-working = Proving balance and nonce, making the request…
app-request-title = Sign request for the cold device
app-request-lead = Show this code to the cold device (or save its frames as images). Request fingerprint:
app-request-compare = Compare the fingerprint with the one the cold device shows before it signs.
app-request-id = Request { $id }
app-request-signature-title = The cold device's signature
app-request-signature-lead = Choose pictures of the signature code the cold device shows.
app-accept-title = Accept a signature
app-accept-pending = Pending sign requests
app-accept-pending-none = No pending requests.
app-accept-new-request = Make a new request
app-accept-submit = Accept and broadcast
app-accept-working = Checking the signature against the paired key…
app-accept-another = Accept another signature
app-accept-discard = Discard
app-accept-discard-confirm = Discard the request with fingerprint { $fingerprint }? A signature for it will be refused afterwards.
app-accept-discard-yes = Yes, discard it
app-accept-discard-keep = Keep it
app-accept-discarded = Discarded the request { $fingerprint }.
app-accept-superseded = superseded: its nonce is already used on chain, so it can no longer be broadcast; discard it

## Cold signing: the offline signer
app-nav-cold-pair = Pair with the online wallet
app-nav-cold-sign = Sign a request
app-cold-home-title = Offline signer “{ $name }”
app-cold-home-pair-hint = Show this wallet's account code to the online wallet once.
app-cold-home-sign-hint = Read a sign request from pictures, review it and sign.
app-cold-home-scan-hint = A picture of some other code?
app-cold-pair-title = Pair with the online wallet
app-cold-pair-lead = The online wallet imports this code as a watch-only wallet. It holds public keys only, never a secret.
app-cold-pair-chain = Chain to sign for
app-cold-pair-chain-hint = This device refuses requests for any other chain.
app-cold-pair-submit = Show pairing code
app-cold-pair-working = Deriving the account…
app-cold-pair-done = Paired for chain { $chain }. On the online wallet choose “Pair a cold device” and read this code.
app-cold-pair-master = Master key fingerprint:
app-cold-pair-next = The online wallet shows the same address as this device once imported.
app-cold-sign-title = Sign a request
app-cold-sign-lead = Choose pictures of the sign request the online wallet shows: one, or several frames of the animation in any order.
app-cold-sign-review = Review
app-cold-sign-reading = Reading and checking the request…
app-cold-sign-pair-first = Wallet “{ $wallet }” has not been paired yet: pair it with the online wallet first.
app-cold-sign-check = Check every line: nothing is signed before you confirm
app-cold-sign-fingerprint = Request fingerprint
app-cold-sign-match = Check it matches the online wallet: the same fingerprint must be shown there.
app-cold-sign-reject = Reject
app-cold-sign-confirm = Confirm and sign
app-cold-sign-signing = Signing…
app-cold-sign-done = Signed. Show this code to the online wallet (or save its frames as images).
app-cold-sign-another = Sign another request

## QR codes
app-qr-frame = frame { $index } / { $count }
app-qr-fragments = { $count } fragments
app-qr-static = One code: read it once.
app-qr-pause = Pause
app-qr-resume = Resume
app-qr-speed = Speed: { $fps } frames per second
app-qr-animated-hint = The other device needs every fragment: keep the camera on the code until it has read enough frames, in any order.
app-qr-save = Save as images
app-qr-saved = Saved the frames in { $dir }
app-qr-images-choose = Pictures of the code (PNG or JPEG)
app-qr-images-count = { $count } pictures chosen
app-qr-images-clear = clear
app-qr-add-more = Add more pictures of the animation (other frames) and try again; the pictures chosen so far are kept.
app-scan-account-lead = Import it as a watch-only wallet paired with that cold device.
app-scan-account-on-online = Import this code on the online wallet (“Pair a cold device”), not on the signer.
app-scan-pair = Pair as watch-only wallet
app-scan-request-lead = Review this request line by line before signing.
app-scan-request-on-cold = Show this request to the cold device that holds the keys (a device in cold-signer mode).
app-scan-review-sign = Review and sign
app-scan-signature-lead = Accept it as the answer to one of this wallet's pending requests and broadcast it.
app-scan-signature-on-online = Accept this signature in the watch-only wallet that made the request.

## Wallet use cases (app)
app-qr-no-parts = There is no code to show.
app-settings-corrupt = The app's settings file is damaged ({ $reason }): the app started as an offline cold signer. Choose how this device is used to start again.

## Backup check (answers go back together; a miss never names the word)
app-backup-tries = { $left ->
    [one] One try left for these words.
   *[other] { $left } tries left for these words.
}
app-backup-mismatch-left = The words do not match your backup. Check your written copy and try again ({ $left ->
    [one] one try left
   *[other] { $left } tries left
}).
app-backup-no-tries = No tries left for these words. Type your password to be asked other words.
app-backup-recheck-lead = Type your password to be asked a few words of your written copy.
app-backup-recheck-start = Ask me the words

## Unlock notices
app-kdf-upgraded = The password protection was upgraded to this computer's current settings.
app-kdf-upgrade-failed = The password protection could not be upgraded; the wallet opened with its old settings.
app-dismiss = Dismiss
app-unlock-damaged = Wallets that cannot be read

## Damaged settings (the app started as an offline signer)
app-settings-problem-title = The app settings could not be used
app-settings-problem-lead = Until you choose, this app stays an offline signer with no network connection. The choice is saved in new settings.
app-settings-problem-cold = Keep it an offline signer
app-settings-problem-wallet = Use it as an online wallet
app-settings-checkpoint = Trusted from checkpoint { $checkpoint }
app-settings-checkpoint-genesis = Trusted from the genesis block on first use

## Send
app-send-balance = Balance
app-send-nonce = Nonce
app-send-chain = Chain
app-send-reviewing = Proving the balance and nonce…
app-send-review-again = The review is no longer kept (another review replaced it, or the wallet was locked). Review the transfer again before sending.

## Sync notes
app-sync-note-peer-demoted = Dropped { $peer }: { $reason }
app-sync-note-primary-changed = Now taking headers from { $peer }
app-sync-note-evidence-written = Evidence of a fork saved to { $path }
app-peer-state-lagging-at = behind (at block { $height })

## Sync & audit: tip, root of trust, jobs, evidence, bundles
app-audit-tip-age = Signed { $age }
app-audit-trust-expires = Trust in this block lasts until { $time }; after that a new checkpoint is needed.
app-audit-root-checkpoint = Root of trust: a configured checkpoint
app-audit-root-genesis = Root of trust: the genesis block, taken on first use
app-audit-root-genesis-agreed = Root of trust: the genesis block, taken on first use ({ $agreed } witnesses served the same)
app-audit-root-genesis-unwitnessed = Root of trust: the genesis block, taken on first use from the primary alone: no witness served it. Add a witness node or set a checkpoint in Settings.
app-audit-cross-check-lagging = { $lagging } behind
app-audit-jobs = Jobs
app-audit-jobs-none = No job is running or waiting.
app-job-kind-sync = Sync
app-job-kind-send = Send
app-job-kind-faucet = Faucet
app-job-kind-broadcast = Broadcast of a signed request
app-job-kind-audit = Audit
app-job-kind-session = Connecting to the nodes
app-job-kind-subchain-audit = Subchain audit
app-job-state-queued = waiting
app-job-state-running = running
app-job-cancelled = cancel requested
app-audit-checking = Checking…
app-audit-exporting = Collecting headers and proofs…
app-audit-exported-detail = { $headers } verified headers; the account is proven at block { $height }.
app-audit-evidence-verify-lead = Check an evidence file (from this or another device) against the validators this wallet verified.
app-audit-evidence-file = Evidence file (JSON)
app-audit-evidence-verify = Check evidence
app-audit-evidence-valid = Valid fork evidence at block { $height }: { $count } validators ({ $power } of { $total } voting power) signed both blocks.
app-audit-evidence-blocks = The two blocks:
app-audit-evidence-accountable = Validators who signed both:
app-audit-verify-title = Check an audit bundle
app-audit-verify-lead = Check a bundle exported here or on another device, with no network: every header from the root of trust, then the account's proof.
app-audit-verify-file = Audit bundle (JSON)
app-audit-verify-checkpoint = Checkpoint to trust (optional)
app-audit-verify-checkpoint-hint = As height:hash. Empty: this wallet's own root of trust.
app-audit-verify-submit = Check bundle
app-audit-verify-valid = Valid: { $headers } headers verified up to block { $height }.
app-audit-verify-root = Checked from the root of trust:
app-audit-verify-time = Last header signed at { $time }
app-audit-verify-account = The account holds { $points } { $asset } (next nonce { $nonce }), proven.

## Pending requests
app-accept-damaged = This request's record cannot be read: { $reason } It can still be discarded.
app-accept-discard-confirm-damaged = Discard the unreadable request { $id }?

## Sign and verify a message
app-message-title = Sign a message
app-message-lead = Prove that you control an address by signing a text with its key; anyone can check the signature, here or with “jifen verify-message”.
app-message-sign = Sign
app-message-index = Address number
app-message-text = Message
app-message-sign-hint = Only sign texts you understand: the signature says that the holder of this address agreed to them.
app-message-sign-submit = Sign message
app-message-signed-by = Signed by
app-message-signature = Signature
app-message-check-this = Check this signature
app-message-watch-only = This wallet is watch-only: its keys are on the cold device, which signs messages. Signatures can be checked here.
app-message-verify = Check a signature
app-message-address = Address
app-message-verify-submit = Check signature
app-message-valid = Valid signature by { $address } ({ $network }).
app-receive-message-lead = Prove this address is yours:
app-cold-home-message-hint = Prove an address is yours?
app-settings-endpoints-override = This run uses { $nodes } (set by JIFEN_ENDPOINTS). The list below is saved and used when the app starts without it.

## Confirm with the password again before signing (ADR 0012)
app-reauth-lead = It has been a few minutes since you typed your password. Type it again to sign this.
app-reauth-submit = Confirm and sign

## Points (issue 12): holdings, merchants, swap, pay, receive payment, withdraw, merchant tools
app-nav-points = Points
app-nav-swap = Swap
app-nav-pay = Pay
app-nav-collect = Receive payment
app-nav-more = More
app-action-confirm = Confirm
app-scan-kind-payment-request = A payment request
app-scan-pay = Review and pay
app-scan-payment-request-elsewhere = A payment request is paid from a wallet that holds its keys on this device.
app-points-title = Points
app-points-lead = POINT and every merchant's points of this wallet. Each balance is proven against a verified block, never taken on a node's word.
app-points-loading = Proving balances and merchants…
app-points-assets = Your assets
app-points-point-name = the alliance's common token
app-points-registry = { $count } merchants registered (proven at block { $height }). Tap a merchant for its record and rate history.
app-points-refresh = Prove again
app-points-merchant-tools = Merchant tools
app-points-merchant-tools-lead = This wallet owns these merchants: publish a rate, issue points, manage the deposit.
app-points-manage = Manage
app-merchant-title = Merchant
app-merchant-back = ← Points
app-merchant-status-approved = approved
app-merchant-status-proposed = proposed, waiting for the council
app-merchant-status-suspended = suspended by the council
app-merchant-asset = Points asset
app-merchant-decimals = { $decimals } decimals
app-merchant-status = Standing
app-merchant-owner = Owner
app-merchant-owner-you = this wallet
app-merchant-deposit = Deposit
app-merchant-outstanding = Points in circulation
app-merchant-registered = Registered
app-merchant-genesis = at genesis
app-merchant-block = block { $height }
app-merchant-swap = Swap { $symbol }
app-merchant-rates = Rate history
app-merchant-rates-lead = Every rate version this merchant published, newest first, in POINT per 1 { $symbol }. A version never changes once set, so the rate a swap used stays provable.
app-merchant-no-rate = No rate published yet: this merchant does not convert points.
app-rate-version = Version
app-rate-set-at = Set at
app-rate-bid = Bid (you sell)
app-rate-ask = Ask (you buy)
app-rate-fee = Fee
app-rate-limits = Limits
app-rate-valid-until = Valid until
app-rate-current = current
app-rate-expired = expired
app-rate-per-point = { $price } POINT per 1 { $symbol }
app-rate-limit-sell = Sell from { $min }, in steps of { $step }
app-rate-limit-buy = Buy from { $min }, in steps of { $step }
app-fee-mode-settlement = Settlement
app-fee-mode-spread = Spread
app-fee-mode-settlement-detail = The merchant settles with the platform: no exchange fee, you trade at the merchant's own bid and ask.
app-fee-mode-spread-detail = The platform quotes both sides around the merchant's mid price and keeps { $percent } of the POINT side.

## Swap
app-swap-title = Swap points
app-swap-lead = Sell a merchant's points for POINT, or buy them with POINT, at the merchant's proven rate.
app-swap-merchant = Merchant
app-swap-direction = Direction
app-swap-buy = Buy { $symbol } with POINT
app-swap-sell = Sell { $symbol } for POINT
app-swap-amount = You pay ({ $asset })
app-swap-limits = From { $min }, in steps of { $step }
app-swap-limits-title = Minimum and step
app-swap-get-quote = Get quote
app-swap-quoting = Proving the rate and your balances…
app-swap-quote-title = Quote
app-swap-valid-for = Valid for { $seconds } s
app-swap-expired = Expired
app-swap-quote-gone = No longer valid
app-swap-pay = You pay
app-swap-receive = You receive
app-swap-min-receive = Minimum received
app-swap-no-slippage = The swap names this rate version: the chain pays exactly this or refuses the swap.
app-swap-slippage = Accepts up to { $percent } less.
app-swap-rate = Rate
app-swap-side-bid = the merchant's bid: what it pays for points
app-swap-side-ask = the merchant's ask: what it charges for points
app-swap-effective = After fees: { $price } POINT per 1 { $symbol }
app-swap-vs-mid = Cost against the mid price
app-swap-vs-mid-value = { $cost } ({ $percent }); at the mid price with no fee you would receive { $mid }
app-swap-exchange-fee = Exchange fee
app-swap-fee-mode = Fee mode
app-swap-network-fee = Network fee
app-swap-withdrawal-fee = Withdrawal fee
app-swap-withdrawal-fee-value = { $fee } if you then cash the POINT out to fiat
app-swap-round-trip = Round trip
app-swap-round-trip-value = Swapping straight back would return { $back }: the round trip costs { $cost } ({ $percent })
app-swap-source = Rate source
app-swap-source-value = { $name } ({ $id }), rate version { $version }, set at { $set }; proven at block { $height }
app-swap-balance = Your balance
app-swap-deadline = Deadline
app-swap-deadline-value = Runs by block { $deadline } or not at all (quoted at block { $height })
app-swap-final = A swap cannot be undone. Check the amounts before you confirm.
app-swap-quote-expiring = Less than 5 seconds of this quote are left: get a fresh quote to confirm.
app-swap-quote-expired = The wallet dropped this quote: it had too little time left to be confirmed. Get a fresh quote.
app-swap-quote-replaced = The wallet no longer keeps this quote (another review replaced it, or the wallet was locked). Get a fresh quote.
app-swap-fresh-quote = Get a fresh quote
app-swap-confirm = Confirm swap
app-swap-done = Swap done: proven included in block { $height }.
app-swap-received = Received
app-swap-as-quoted = as quoted
app-swap-not-as-quoted = quoted { $quoted }
app-swap-quoted = Quoted
app-swap-paid = Paid
app-swap-rate-version = Rate version
app-swap-balances-after = Balances afterwards
app-swap-another = Another swap

## Pay a payment request
app-pay-title = Pay
app-pay-lead = Paste a payment request (it starts with “jifen:”), choose a picture of its QR code, or scan it on the Scan screen.
app-pay-request = Payment request
app-pay-picture = Or a picture of its QR code
app-pay-no-request = This picture holds no Jifen payment request.
app-pay-amount = Amount
app-pay-review = Review payment
app-pay-reviewing = Checking the request and proving your balance…
app-pay-review-title = Check this payment
app-pay-merchant = Registered merchant: { $name } ({ $symbol }, { $id }), proven on chain.
app-pay-not-merchant = This address is not the owner of any registered merchant. A payment request carries no signature: pay only if you know whom this address belongs to.
app-pay-to = Pay to
app-pay-label = Name in the request
app-pay-label-unproven = The merchant's own words, not proven.
app-pay-memo = Order id or note
app-pay-no-memo = none
app-pay-expires = Expires
app-pay-no-expiry = No expiry
app-pay-confirm = Pay
app-pay-done = Paid: proven included in block { $height }.
app-pay-balance-after = Your balance afterwards
app-pay-another = Pay another request

## Receive payment (ask to be paid)
app-collect-title = Receive payment
app-collect-lead = Ask to be paid: the payer scans the code (or opens the link) and their wallet shows exactly what you ask for.
app-collect-asset = Asset
app-collect-amount = Amount
app-collect-amount-hint = Leave it empty to let the payer enter the amount.
app-collect-amount-any = the payer enters it
app-collect-memo = Order id or note (carried on chain, public)
app-collect-label = Your name as the payer sees it
app-collect-label-hint = Shown to the payer as your own words: their wallet proves only whether your address owns a registered merchant.
app-collect-expiry = Payable for
app-collect-expiry-none = no expiry
app-collect-expiry-minutes = { $minutes ->
    [60] 1 hour
    [1440] 1 day
   *[other] { $minutes } minutes
  }
app-collect-create = Show the payment code
app-collect-creating = Making the request…
app-collect-show-amount = Scan to pay { $amount }
app-collect-show-any = Scan to pay in { $asset }
app-collect-scan-hint = Scan it with the Jifen wallet, or copy the link below.
app-collect-copy = Copy the link
app-collect-copied = Copied
app-collect-watch-title = Waiting for the payment
app-collect-watching = After every sync your proven history since this request was made is searched for the payment; a node cannot hide it.
app-collect-checking = Checking…
app-collect-not-yet = Not paid yet (checked up to block { $height }).
app-collect-check-now = Check now
app-collect-paid = Paid: { $amount } from { $from }, proven included in block { $height }.
app-collect-paid-memo = Order id or note: { $memo }
app-collect-watch-from = The payment will be among your proven history entries from number { $entry } on (history proven at block { $height }).
app-collect-another = New request

## Withdraw POINT to fiat
app-withdraw-title = Withdraw to fiat
app-withdraw-lead = The alliance burns the POINT and pays the amount, less its withdrawal fee, to your payout reference outside the chain.
app-withdraw-amount = POINT to withdraw
app-withdraw-reference = Payout reference
app-withdraw-reference-hint = Where the money goes (a reference the issuer understands). It is recorded on chain for anyone to see: no personal data.
app-withdraw-review-title = Check this withdrawal
app-withdraw-burned = Burned from your balance
app-withdraw-fee = Withdrawal fee
app-withdraw-fee-terms = The alliance's terms: { $percent }, at least { $min }
app-withdraw-payout = Paid out
app-withdraw-final = A withdrawal cannot be undone. The payout happens outside the chain: the wallet cannot prove it.
app-withdraw-confirm = Withdraw

## A merchant's tools
app-admin-title = Merchant tools
app-admin-back = ← Merchant
app-admin-not-owner = This wallet does not own this merchant: the wallet refuses these actions.
app-admin-action = Action
app-admin-action-set-rate = Publish a new rate
app-admin-action-issue = Issue points to a customer
app-admin-action-top-up = Top up the deposit
app-admin-action-withdraw-deposit = Withdraw from the deposit
app-admin-bid = Bid: POINT paid per 1 point taken back
app-admin-ask = Ask: POINT charged per 1 point sold
app-admin-mid = Mid price: POINT per 1 point
app-admin-fee-bps = Platform fee (basis points, 1 to 1000)
app-admin-price-hint = Prices in POINT per 1 { $symbol }, up to 12 decimals.
app-admin-sell-min = Smallest sell ({ $symbol })
app-admin-sell-step = Sell step ({ $symbol })
app-admin-buy-min = Smallest buy (POINT)
app-admin-buy-step = Buy step (POINT)
app-admin-valid-for = Valid for (blocks)
app-admin-issue-to = Customer's address
app-admin-issue-amount = Points to issue ({ $symbol })
app-admin-deposit-amount = POINT
app-admin-withdraw-hint = The deposit must keep at least the alliance's minimum and its reserve for the points in circulation.
app-admin-deposit-after = Deposit afterwards
app-admin-deposit-required = The deposit must keep

## History and receipts
app-nav-history = History
app-history-title = History
app-history-lead = Every entry of this wallet's history, checked complete against its proven account: a node cannot leave one out. Each entry shown is proven included in its block.
app-history-loading = Proving the history…
app-history-complete = { $total } { $total ->
    [one] entry
   *[other] entries
  }, proven complete at block { $height }.
app-history-empty = Nothing has happened on this wallet yet.
app-history-to = To { $who }
app-history-from = From { $who }
app-history-included = Proven included in block { $height }.
app-history-failed = Failed
app-history-failed-note = Failed (result { $code }): only the network fee moved.
app-history-position = Entry { $index } of { $total }.
app-history-older = { $older } older { $older ->
    [one] entry was
   *[other] entries were
  } checked but not shown.
app-history-more = Show more
app-history-refresh = Sync and refresh
app-history-kind-transfer = Transfer
app-history-kind-transfer-asset = Payment
app-history-kind-swap = Swap
app-history-kind-withdraw = Withdrawal to fiat
app-history-kind-mint = Mint
app-history-kind-points-issue = Points issued
app-history-kind-deposit-top-up = Deposit top-up
app-history-kind-deposit-withdraw = Deposit withdrawal
app-history-kind-rate-set = Rate set
app-history-kind-council-vote = Council vote
app-history-kind-merchant-register = Merchant registration
app-history-kind-bond = Bond
app-history-kind-unbond = Unbond
app-history-kind-other = Other transaction
app-receipt-save = Save receipt (audit bundle)
app-receipt-saving = Saving the receipt…
app-receipt-saved = Receipt saved ({ $headers } verified headers); anyone can check it offline with "Check an audit bundle":
app-collect-paid-at = In block { $height }, position { $index }.
app-audit-verify-tx = Transaction
app-audit-verify-tx-kind = Kind
app-audit-verify-tx-sender = Sender
app-audit-verify-tx-place = Where
app-audit-verify-tx-at = Block { $height }, position { $index }
app-audit-verify-tx-result = Result
app-audit-verify-tx-ok = Succeeded, proven

app-store-title = Stored headers
app-store-lead = Opening the wallet checks only the newest stored header. Re-verify every stored header from your root of trust, offline.
app-store-verify = Verify stored headers
app-store-empty = Nothing is stored yet (not synced).
app-store-valid = All { $blocks } stored blocks verify from the root of trust up to height { $height } ({ $commits } signature sets checked; { $pivots } kept as bridges; { $kib } KiB).
app-store-no-pins = Nothing is kept for evidence or exported bundles.
app-store-pins = Kept for evidence and exported bundles:
app-store-pin-evidence = fork evidence, { $count } blocks
app-store-pin-bundle = audit bundle, { $count } blocks
app-store-unpin = Release
app-store-unpinned = Released { $id } ({ $count } blocks); they may be pruned at the next sync.

## Subchains (issue 13, docs/adr/0019-subchains-and-their-audit.md)
app-nav-subchains = Subchains
app-subchains-title = Subchains
app-subchains-lead = Subchains run their own consensus and report every block header to the main chain. This wallet trusts a subchain's data only after auditing those reports: each one valid under the subchain's rules and anchored in a main-chain block it verified.
app-subchains-loading = Proving the subchain records…
app-subchains-none = No subchain is registered on this chain.
app-subchains-proven = { $count ->
    [one] One subchain registered, proven at block { $height }.
   *[other] { $count } subchains registered, proven at block { $height }.
}
app-subchains-refresh = Refresh
app-subchain-name = #{ $id } { $name }
app-subchain-state-clean = Healthy
app-subchain-state-behind = Behind: new reports since the last audit
app-subchain-state-alert = ALERT
app-subchain-state-failed = Audit failed
app-subchain-state-not-audited = Not audited yet
app-subchain-kind-bft = BFT (committee signatures)
app-subchain-kind-pow-xor = Proof of work (XOR fork choice)
app-subchain-consensus = Consensus
app-subchain-consensus-bft = committee of { $members }
app-subchain-consensus-bft-unknown = committee size known after an audit
app-subchain-consensus-pow = { $bits } bits of work
app-subchain-standing = On the main chain
app-subchain-status-active = Active
app-subchain-status-halted = Halted at height { $height }: its committee signed two headers there; its stake stays locked.
app-subchain-status-retired = Retired by its owner
app-subchain-anchored = Anchored height
app-subchain-anchored-line = { $height } ({ $reports } reports)
app-subchain-last-anchor = Last anchor
app-subchain-last-anchor-line = main-chain block { $height }
app-subchain-no-anchor = none yet
app-subchain-audited = Audited to
app-subchain-audited-line = height { $height } (main-chain block { $main }), { $reports } reports checked
app-subchain-audited-never = not audited on this device
app-subchain-follow-on = Audited with every sync
app-subchain-follow-off = Not audited with every sync
app-subchain-follow = Audit with every sync
app-subchain-unfollow = Stop auditing with every sync
app-subchain-audit-now = Audit now
app-subchain-audit-cancel = Cancel
app-subchain-audit-headers = Proving main-chain blocks { $from } to { $to }…
app-subchain-audit-reports = Checked { $checked } of { $total } reports
app-subchain-audit-starting = Auditing…
app-subchain-audit-by-sync = Audited by the sync…
app-subchain-audit-done = { $new } new reports checked against { $headers } main-chain blocks in { $millis } ms.
app-subchain-alerts = Findings
app-subchain-alert-equivocation = Equivocation: the committee signed two different headers at height { $height } (main-chain block { $main }).
app-subchain-alert-lost-fork-choice = A header that loses the XOR fork choice was anchored at height { $height } (main-chain block { $main }).
app-subchain-alert-invalid-report = A report anchored at main-chain block { $main } breaks the subchain's rules at height { $height }; nothing after it is trusted.
app-subchain-alert-record-mismatch = The proven record does not match the reports served (at main-chain block { $main }): a report was hidden or altered.
app-subchain-alert-other = A problem at height { $height } (main-chain block { $main }).
app-subchain-alert-evidence = Evidence file (check it offline below):
app-subchain-value-title = Read a proven value
app-subchain-value-lead = A value in a subchain's state, proven against a header this wallet audited. Audit the subchain first.
app-subchain-value-subchain = Subchain
app-subchain-value-key = Key
app-subchain-value-height = Subchain height (empty: the audited tip)
app-subchain-value-read = Read and prove
app-subchain-value-reading = Proving the value…
app-subchain-value-found = { $key } at height { $height } of #{ $id } { $name }:
app-subchain-value-absent = { $key } holds no value at height { $height } of #{ $id } { $name } (proven absent).
app-subchain-value-text = Text
app-subchain-value-hex = Bytes (hex)
app-subchain-value-header = Audited header
app-subchain-value-anchor = Anchored at
app-subchain-value-anchor-line = main-chain block { $height }
app-subchain-form-pick = Pick a subchain.
app-subchain-form-key = “{ $key }” is not a subchain key (1 to 64 bytes, no control characters).
app-subchain-form-height = “{ $height }” is not a height (a whole number, or empty for the audited tip).
app-subchain-form-audit-first = Audit #{ $id } { $name } first (Audit now on its card): a value is proven only against a header this wallet audited.
app-subchain-evidence-title = Check subchain evidence
app-subchain-evidence-lead = An evidence file proves a subchain misbehaved (two headers signed at one height, or a fork-choice loser anchored). It is checked here with nothing but its own contents: no node is asked.
app-subchain-evidence-file = Evidence file (.json)
app-subchain-evidence-verify = Check evidence
app-subchain-evidence-equivocation = Valid evidence: the committee of subchain #{ $id } signed two headers at height { $height }; { $count } members signed both.
app-subchain-evidence-lost-fork-choice = Valid evidence: at height { $height } of subchain #{ $id } the main chain anchored a header that loses the XOR fork choice.
app-subchain-evidence-headers = The two headers (the anchored one first)
app-subchain-evidence-main = Anchored in main-chain blocks { $first } and { $second }
app-subchain-evidence-signers = Members that signed both
app-subchain-evidence-chain = Main chain { $chain }
app-sync-subchain = Auditing subchain #{ $id }:
app-subchain-sync-stopped = The subchain audits after the sync stopped: { $reason }
app-home-subchain-alert = { $count ->
    [one] A subchain audit found a problem.
   *[other] Subchain audits found problems in { $count } subchains.
}
app-home-subchain-alert-open = Open Subchains

## Provenance: check a product (issue 14). Verdicts, steps, roles and reasons are in provenance.ftl.
app-nav-trace = Check a product
app-home-trace = Check a product
app-home-trace-lead = Scan or paste a product's tag: its whole history, each record checked against the chain.
app-scan-kind-product-tag = A product's tag
app-scan-trace = Check this product
app-trace-title = Check a product
app-trace-lead = Scan the product's code with a barcode scanner, paste its link, or choose a picture of it. Every record is checked on this device against the chain.
app-trace-counter-lead = Counter mode: scan each item; the result shows at once and the field is ready for the next scan. An item already sold is reported as a copy.
app-trace-counter = Counter mode
app-trace-mute = Mute sounds
app-trace-input = Product tag (GS1 Digital Link)
app-trace-input-hint = A barcode scanner types here and ends with Enter.
app-trace-check = Check
app-trace-image = Picture of the code
app-trace-camera = Use the camera
app-trace-camera-stop = Stop the camera
app-trace-no-camera = No camera is available here. Use a barcode scanner, paste the link or choose a picture.
app-trace-no-tag-in-image = This picture holds no product tag.
app-trace-looking = Looking the product up…
app-trace-stage-other = Working…
app-trace-item = GTIN { $gtin } · serial { $serial }
app-trace-timeline = History
app-trace-no-records = No records of this item.
app-trace-place-none = (no place given)
app-trace-sealed-for = Personal data encrypted for { $party }
app-trace-tag = Tag
app-trace-lot = Lot
app-trace-expiry = Expiry
app-trace-anchor = Anchor
app-trace-anchor-line = { $issuer } anchored { $count } records at main-chain block { $height } (subchain #{ $subchain }, { $times } times)
app-trace-anchor-none = Not anchored on the main chain
app-trace-sales = Sales
app-trace-sales-none = No sale recorded
app-trace-sale-line = Sold by { $seller } at main-chain block { $height } ({ $time })
app-trace-proven = Proven at
app-trace-proven-line = main-chain block { $main }, subchain height { $sub }
app-trace-timing = Time
app-trace-timing-line = fetch { $fetch } ms, verify { $verify } ms
app-trace-export = Export audit bundle
app-trace-exported = Saved:
app-trace-none = No product has been looked up yet: check one first.
app-trace-merchant-title = Merchant
app-trace-merchant-cold = Recording receiving or a sale needs this wallet's keys, which are on its cold device: record them from a wallet that holds the keys.
app-trace-receiving = Record receiving
app-trace-sale = Record sale
app-trace-location = Location (GLN or SGLN Digital Link)
app-trace-place = Place name (optional)
app-trace-location-hint = Remembered on this device for the next item.
app-trace-review-item = Item
app-trace-review-step = Step
app-trace-review-party = Signed by
app-trace-review-hash = Event hash
app-trace-review-index = Record number
app-trace-review-seller = Seller
app-trace-review-anchored = Records anchored
app-trace-receiving-confirm = Sign and record
app-trace-submitting = Recording…
app-trace-receiving-done = Recorded as record { $index }, proven at subchain height { $height }.
app-trace-sale-confirm = Record the sale
app-trace-sale-done = Sale recorded, proven in block { $height }.
