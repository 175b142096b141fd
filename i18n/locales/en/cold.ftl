## cold: cold signing: review, pairing, QR CLI messages (en)

## Wallet kinds
wallet-watch-only = Wallet “{ $name }” is watch-only: it has no secret to unlock. Sign on its cold device.
list-watch-only =     👁 watch-only: transactions are signed on a cold device

## Refusals and errors
cold-not-paired = Wallet “{ $wallet }” is not paired for any chain yet: export its pairing for the online wallet first.
cold-wrong-chain = Refused: the request is for chain “{ $got }”, but this device was paired for “{ $paired }”.
cold-foreign-path = Refused: the request's key path { $path } is not inside this wallet's account { $account }.
cold-foreign-address = Refused: the request's signer { $got } is not this device's address { $expected } at that path. The request is not meant for this device.
cold-unknown-kind = Refused: this version cannot show transactions of kind { $kind } and never signs blind. Update the cold device.
cold-fingerprint-mismatch = The fingerprint “{ $typed }” does not match the request's; nothing was signed.
cold-confirmation-mismatch = This confirmation belongs to another request; nothing was signed.
cold-not-confirmed = Not confirmed; nothing was signed.
cold-bad-account-path = The account path { $path } is not a Jifen account path (m/44'/19014'/N').
cold-sender-not-in-wallet = The sender { $address } is not address { $index } of this wallet.
cold-unknown-request = Refused: request { $id } is not pending in this wallet (already completed or discarded, or a signature for another request?).
cold-bad-signature = Refused: the signature for request { $id } does not verify against the paired key for this transaction (signed by another key?).
cold-not-signed = Request { $id } has no accepted signature yet; run `jifen online accept` first.
cold-qr-incomplete = The codes read hold { $resolved } of { $total } parts; scan more frames.
cold-input-io = Cannot read { $path }: { $reason }
cold-storage-io = Cannot { $op } { $path }: { $reason }
cold-record-corrupt = The record { $path } is damaged: { $detail }
cold-randomness = The system's random generator failed.
cold-confirmation-required = There is no terminal to ask: confirm by giving the request's fingerprint with `--confirm-fingerprint` (or add `--interactive`).
cold-request-not-chosen = { $count } pending requests are signed; name the one to broadcast.
cold-bad-request-id = “{ $id }” is not a request id.
cold-bad-fragment-size = Unknown fragment size “{ $size }”: use small, medium or large.

## Progress and results
cold-paired = Wallet “{ $wallet }” is paired for chain { $chain }. Scan the account code below with the online wallet.
cold-pair-imported = Imported the watch-only wallet “{ $name }” ({ $network }, chain { $chain }).
cold-request-made = Sign request { $id } made. Request fingerprint: { $fingerprint } (compare it with the cold device's)
cold-signed = Signed request { $id } (fingerprint { $fingerprint }). Scan the signature code below with the online wallet.
cold-signature-accepted = Accepted the signature for request { $id }; transaction { $tx } verified.
cold-syncing = Syncing and verifying headers…
cold-broadcast = Transaction { $tx } broadcast; waiting for proof of inclusion…
cold-included = Transaction { $tx } is included at height { $height } (verified by the light client).
cold-pending-none = Wallet “{ $wallet }” has no pending requests.
cold-pending-signed = signed, to broadcast
cold-pending-waiting = waiting for a signature
cold-pending-row = { $id }  { $fingerprint }  { $state }
cold-discarded = Discarded the pending request { $id } (fingerprint { $fingerprint }); this wallet will no longer accept a signature for it.
cold-progress = Receiving the code: { $percent }% ({ $resolved }/{ $total } parts)
cold-no-code = No readable QR code in { $path }; skipped.
cold-frame-ignored = A frame was ignored: { $reason }
cold-frames-written = Wrote { $count } QR frames to { $dir } ({ $fragments } parts; the animation plays at { $fps } frames per second).
cold-terminal-animated = This is the first frame of an animated code; all frames are in { $dir }.
cold-amount = { $amount } { $asset }

## Review
cold-review-title = Check this transaction (nothing is signed before you confirm):
cold-review-line = { $label }: { $value }
cold-review-fingerprint = Request fingerprint: { $fingerprint } (it must match the one the online wallet shows)
cold-confirm-prompt = If everything is right, type the first four characters of the fingerprint to sign (Enter alone cancels):
cold-review-kind = Transaction
cold-review-amount = Amount
cold-review-recipient = Recipient
cold-review-bond-amount = Amount to bond
cold-review-unbond-amount = Amount to unbond
cold-review-fee = Fee
cold-review-from = From (this device)
cold-review-path = Key path
cold-review-chain = Chain
cold-review-nonce = Nonce
cold-review-origin = Requested by
cold-review-request-id = Request id
cold-kind-transfer = Transfer
cold-kind-bond = Bond
cold-kind-unbond = Unbond
cold-kind-unknown = Unknown kind

## Command help
help-cold = Cold device: pair and sign over QR codes, offline.
help-cold-pair-export = Pair this wallet for a chain and show its account as a QR code for the online wallet.
help-cold-pair-export-wallet = Wallet name (may be omitted when there is only one).
help-cold-pair-export-chain_id = The chain this device signs for (e.g. jifen-devnet).
help-cold-pair-export-max_fragment = Longest QR fragment (bytes) this device's camera reads reliably.
help-cold-pair-export-out = Write the QR frames as PNG files into this directory.
help-cold-pair-export-terminal = Draw the QR code in the terminal.
help-cold-sign = Read a sign request from images or text, review it, and sign after confirmation.
help-cold-sign-wallet = Wallet name (may be omitted when there is only one).
help-cold-sign-password_fd = Read the password from this file descriptor (or set JIFEN_PASSWORD).
help-cold-sign-no_keyring = Do not try the OS keyring; ask for the password.
help-cold-sign-confirm_fingerprint = Confirm without a question by giving the request's fingerprint (for scripts).
help-cold-sign-out = Write the signature QR as PNG files into this directory.
help-cold-sign-terminal = Draw the signature QR code in the terminal.
help-cold-sign-inputs = PNG/JPEG frames, directories of frames, or text files of UR parts (`-`: stdin).
help-online = Online wallet side of cold signing: pair, request, accept, broadcast.
help-online-pair-import = Import a cold device's account QR code as a watch-only wallet.
help-online-pair-import-name = Name of the new watch-only wallet.
help-online-pair-import-inputs = PNG/JPEG images or text files of the account code (`-`: stdin).
help-online-request = Make a transfer sign request for the cold device and show it as QR frames.
help-online-request-wallet = Watch-only wallet name (may be omitted when there is only one).
help-online-request-to = Recipient address.
help-online-request-amount = Amount in POINT (e.g. 12.5).
help-online-request-fee = Fee in POINT.
help-online-request-index = Index of the sending address.
help-online-request-nonce = Nonce to use without asking the network (offline); default: a proven read.
help-online-request-fragment_size = Density of animated frames: small, medium or large (default: what the device reads).
help-online-request-frames = Number of frames written for an animated code (default: one loop, six times the parts, at least 30).
help-online-request-out = Write the QR frames as PNG files into this directory.
help-online-request-terminal = Draw the QR code in the terminal (the first frame of an animation).
help-online-accept = Accept the cold device's signature from images or text.
help-online-accept-wallet = Watch-only wallet name (may be omitted when there is only one).
help-online-accept-broadcast = Also broadcast and wait for proven inclusion.
help-online-accept-inputs = PNG/JPEG images or text files of the signature code (`-`: stdin).
help-online-broadcast = Broadcast an accepted request and wait until its inclusion is proven.
help-online-broadcast-wallet = Watch-only wallet name (may be omitted when there is only one).
help-online-broadcast-request = The request id (default: the only signed request).
help-online-broadcast-timeout = Seconds to wait for inclusion.
help-online-pending = List the pending sign requests.
help-online-pending-wallet = Watch-only wallet name (may be omitted when there is only one).
help-online-discard = Discard a pending request that will never be signed.
help-online-discard-wallet = Watch-only wallet name (may be omitted when there is only one).
help-online-discard-request_id = The request id (as `jifen online pending` lists it).

## Wallet use cases (cold signing)
cold-no-review = There is no reviewed request to sign: read the sign request again.
cold-no-code-found = { $count ->
    [one] No QR code was found in the picture.
   *[other] No QR code was found in the { $count } pictures or texts.
}
cold-pending-superseded = its nonce is already used: it can never be included (discard it)
cold-pending-damaged = damaged record ({ $reason }); it can be discarded

## Review of points kinds (issue 12); "online wallet says" marks a value the transaction does not bind
cold-context-mismatch = Refused: the online wallet's claims disagree with the transaction ({ $field }). Nothing was shown or signed; make the request again.
cold-kind-mint = Mint POINT
cold-kind-withdraw = Withdraw POINT to fiat
cold-kind-transfer-asset = Payment
cold-kind-merchant-register = Register a merchant
cold-kind-council-vote = Council vote
cold-kind-rate-set = Set the exchange rate
cold-kind-points-issue = Issue points
cold-kind-deposit-top-up = Top up the deposit
cold-kind-deposit-withdraw = Withdraw from the deposit
cold-kind-swap = Swap
cold-review-reference = Reference
cold-review-withdraw-amount = Amount withdrawn (burned)
cold-review-asset = Asset
cold-review-memo = Memo
cold-review-merchant = Merchant
cold-review-merchant-name = Merchant name
cold-review-symbol = Symbol
cold-review-decimals = Decimals
cold-review-deposit-amount = Deposit amount
cold-review-council-action = Vote
cold-review-rate-terms = Rate (bid / ask / denominator)
cold-review-fee-mode = Fee mode
cold-review-fee-bps = Exchange fee (basis points)
cold-review-sell-min = Smallest sell
cold-review-sell-increment = Sell step
cold-review-buy-min = Smallest buy
cold-review-buy-increment = Buy step
cold-review-valid-until = Valid until height
cold-review-direction = Direction
cold-review-swap-pay = You pay
cold-review-swap-min-receive = Minimum received (or the swap fails)
cold-review-rate-version = Rate version
cold-review-deadline = Deadline (last block height)
cold-review-claim-merchant = Merchant (online wallet says)
cold-review-claim-swap-receive = Expected to receive (online wallet says; checked against its rate)
cold-review-claim-rate = Rate bid / ask / denominator (online wallet says)
cold-review-claim-fee-mode = Fee mode (online wallet says)
cold-review-claim-fee-bps = Exchange fee, basis points (online wallet says)
cold-review-claim-exchange-fee = Exchange fee (online wallet says; checked against its rate)
cold-review-claim-quote-expires = Quote valid until (online wallet says)
cold-review-claim-withdrawal-fee = Withdrawal fee (online wallet says)
cold-review-claim-payout = Fiat payout (online wallet says; fee + payout = amount checked)
cold-review-claims-note = Note
cold-claims-note = Lines marked “online wallet says” are not bound by the transaction; the chain enforces only the amount paid, the minimum received, the rate version and the deadline.
cold-council-approve = Approve
cold-council-suspend = Suspend
cold-fee-mode-settlement = Settlement (no exchange fee)
cold-fee-mode-spread = Spread (the platform keeps a fee)
cold-direction-sell = Sell points for POINT
cold-direction-buy = Buy points with POINT

# Subchains (issue 13)
cold-kind-subchain-register = Register a subchain
cold-kind-subchain-report = Report a subchain header
cold-kind-subchain-retire = Retire a subchain
cold-review-subchain = Subchain
cold-review-subchain-name = Subchain name
cold-review-subchain-consensus = Consensus
cold-review-subchain-stake = Stake locked
cold-review-subchain-height = Subchain height
cold-review-subchain-header = Header id
cold-review-party = Party
cold-review-party-name = Party name
cold-review-party-roles = Roles
cold-review-item = Item (GTIN/serial)
cold-review-item-records = Records anchored
cold-review-item-root = Records root
cold-review-item-sale = Sale
cold-review-item-sale-note = Records this item as sold by you (retail_selling); a second sale marks a copied tag
cold-kind-party-register = Register a provenance party
cold-kind-item-anchor = Anchor an item's records
cold-kind-item-sale = Record an item's sale
