# Error messages, one per error code (see docs/adr/0003-i18n-fluent-codes.md).

## Addresses

address-bad-checksum = The address checksum does not match: a character is probably mistyped.
address-invalid-character = The address has an invalid character “{ $character }” at position { $position }.
address-missing-separator = This is not a Jifen address (the “1” separator is missing).
address-mixed-case = The address mixes upper- and lower-case letters.
address-not-bech32m = This address uses an old checksum (bech32); Jifen addresses use bech32m.
address-unknown-prefix = The prefix “{ $prefix }” is not a Jifen network (jf, jft, jfd).
address-wrong-length = The address has the wrong length ({ $got } characters of data, expected { $expected }).
address-wrong-network = This address is for { $got }, not { $expected }.

## Payment requests (docs/payment-request.md)

payment-request-too-long = This payment request is too long ({ $got } bytes; at most { $max }).
payment-request-wrong-scheme = This is not a Jifen payment request (it should start with “jifen:”).
payment-request-invalid-character = The payment request has a character it cannot contain (“{ $character }” at position { $position }).
payment-request-bad-percent-encoding = The payment request is damaged: the “%” at position { $position } is not followed by two hexadecimal digits.
payment-request-missing-recipient = The payment request does not say whom to pay.
payment-request-bad-address = The payment request's recipient is not a valid Jifen address.
payment-request-malformed-parameter = The payment request is damaged near position { $position } (“{ $parameter }”).
payment-request-duplicate-parameter = The payment request gives “{ $parameter }” twice.
payment-request-unknown-required-parameter = The payment request requires “{ $parameter }”, which this version of the wallet does not understand. Update the wallet to pay it.
payment-request-missing-parameter = The payment request has no “{ $parameter }”.
payment-request-empty-value = The payment request's “{ $parameter }” is empty.
payment-request-bad-chain-id = The payment request names an invalid chain.
payment-request-unknown-asset = The payment request asks for “{ $given }”, which is not POINT or a merchant's points.
payment-request-bad-expiry = The payment request's expiry “{ $given }” is not a valid time.
payment-request-text-not-utf8 = The payment request's { $field ->
    [memo] memo
   *[label] merchant name
  } is not valid text.
payment-request-text-too-long = The payment request's { $field ->
    [memo] memo
   *[label] merchant name
  } is too long ({ $got } bytes; at most { $max }).
payment-request-text-control-character = The payment request's { $field ->
    [memo] memo
   *[label] merchant name
  } contains a hidden control character ({ $code_point } at character { $position }), which could disguise what you are paying.
payment-request-wrong-chain = This payment request is for the chain { $got }; this wallet is on { $expected }. Do not pay it here.
payment-request-wrong-network = This payment request pays a { $got } address; this wallet is on { $expected }.
payment-request-expired = This payment request expired { $seconds } seconds ago. Ask the merchant for a new one.
decimal-amount-malformed = “{ $given }” is not an amount: write digits with at most one decimal point (for example 12.5).
decimal-amount-negative = The amount “{ $given }” is negative.
decimal-amount-plus-sign = The amount “{ $given }” has a “+” sign.
decimal-amount-whitespace = The amount “{ $given }” contains spaces.
decimal-amount-exponent = The amount “{ $given }” uses an exponent; write every digit.
decimal-amount-zero = The amount is zero.
decimal-amount-too-many-decimals = The amount { $given } has { $got } decimal places; this asset has { $max }. It cannot be paid without rounding.
decimal-amount-overflow = The amount { $given } is too large.

## Protocol data

chain-id-empty = The chain id is empty.
chain-id-invalid-character = The chain id may only contain a-z, 0-9 and “-”.
chain-id-too-long = The chain id is longer than 32 characters.
commit-block-mismatch = The commit is for a different block.
commit-height-mismatch = The commit is for a different height.
commit-index-out-of-range = The commit names a validator that is not in the set.
commit-invalid-signature = A validator signature in the commit is invalid.
commit-no-signatures = The commit has no signatures.
commit-not-sorted = The commit's signatures are not in canonical order.
decode-bad-tag = Malformed data: an unknown tag byte.
decode-invalid-value = Malformed data: a field has an invalid value.
decode-length-out-of-bounds = Malformed data: a length is out of bounds.
decode-trailing-bytes = Malformed data: unexpected bytes at the end.
decode-unexpected-end = Malformed data: it ends too early.
decode-unknown-transaction-kind = Unknown transaction kind; this wallet may be out of date.
decode-unsupported-version = Unsupported data version; this wallet may be out of date.
hash-invalid-hex = The hash is not valid hexadecimal.
hash-wrong-length = The hash must be 64 hexadecimal characters.
header-missing-parent = The block header lacks its parent link.
header-unexpected-parent = The first block header must not have a parent.
header-unsupported-version = Unsupported block header version.
header-zero-height = A block header cannot have height 0.
key-not-compressed = The public key must be in compressed form (33 bytes).
key-not-on-curve = The public key is not a valid secp256k1 point.
key-wrong-length = The public key has the wrong length.
merkle-index-out-of-range = The Merkle proof points outside the tree.
merkle-root-mismatch = The Merkle proof does not lead to the committed root.
merkle-wrong-path-length = The Merkle proof has the wrong number of steps.
network-unknown = Unknown network; use mainnet, testnet or devnet.
asset-malformed = "{ $given }" is not an asset: write POINT, or M followed by the merchant's number (for example M3).
signature-high-s = The signature is not in canonical low-S form.
signature-invalid = The signature does not verify.
signature-r-out-of-range = The signature's r value is out of range.
signature-s-out-of-range = The signature's s value is out of range.
signature-wrong-length = The signature must be 64 bytes.
validator-address-mismatch = A validator's address does not match its public key.
validator-duplicate = A validator appears twice in the set.
validator-set-empty = The validator set is empty.
validator-set-not-sorted = The validator set is not in canonical order.
validator-set-power-too-large = The validator set's total voting power is too large.
validator-set-too-many = The validator set has too many members.
validator-zero-power = A validator has zero voting power.

state-proof-too-deep = Invalid state proof: it is deeper than the state tree.
state-proof-wrong-leaf = Invalid state proof: it does not end at the requested record.
state-proof-value-mismatch = Invalid state proof: the value does not match the proven one.
state-proof-leaf-off-path = Invalid state proof: the absence proof points to an unrelated record.
state-proof-root-mismatch = Invalid state proof: it does not match the verified state root.

## Keys and mnemonics

hd-bad-extended-key = This is not a valid extended public key.
hd-extended-key-checksum = A character of this extended key is wrong (its checksum does not match).
hd-index-out-of-range = The account or address index is too large.
hd-invalid-child = Key derivation hit an invalid key at this index; use the next index.
hd-invalid-private-key = This extended key is damaged: its private key is not valid.
hd-invalid-public-key = This extended key is damaged: its public key is not a valid point.
hd-key-kind-mismatch = This extended key is damaged: its version and its key do not match (public and private mixed up).
hd-private-key-given = This is an extended private key: it controls the funds. A watch-only wallet needs the extended public key (xpub or tpub); keep this key secret.
hd-unknown-key-version = Unknown kind of extended key; an account key starts with xpub (mainnet) or tpub (testnet and devnet).
hd-wrong-depth = This extended key is not an account key.
hd-wrong-network = This extended key belongs to another network.
hd-zero-depth-with-index = This extended key is damaged: a master key (depth 0) cannot have a child number.
hd-zero-depth-with-parent = This extended key is damaged: a master key (depth 0) cannot have a parent.
message-signature-bad = The signature does not match the message.
message-signature-malformed = This is not a Jifen message signature.
message-signature-version = Unsupported message signature version { $got }.
message-signature-wrong-signer = The signature is valid but was made by { $got }.
mnemonic-ambiguous-language = These words fit more than one word list; name it with --mnemonic-lang.
mnemonic-bad-checksum = The mnemonic's checksum does not match: a word is wrong or out of order.
mnemonic-entropy-length = Entropy must be 16 to 32 bytes, not { $got }.
mnemonic-randomness = The system random number generator failed.
mnemonic-unknown-language = Unknown word list; use en, zh-hans or zh-hant.
mnemonic-unknown-word = Word { $position } is not in the word list.
mnemonic-word-count = A mnemonic has 12, 15, 18, 21 or 24 words; this one has { $got }.
sign-failed = Signing failed.
sign-invalid-secret-key = The secret key is invalid.

## Keystore

keystore-already-exists = A file already exists at { $path }.
keystore-corrupted = The wallet file is damaged ({ $detail }). A previous copy may be kept beside it as .bak.
keystore-crypto = An encryption step failed.
keystore-empty-password = The password is empty.
keystore-foreign-unlocked = That unlocked key belongs to another wallet file.
keystore-invalid-policy = Invalid password-protection settings.
keystore-io = Could not { $op } { $path }: { $reason }
keystore-kdf-out-of-bounds = The wallet file's password settings are out of bounds ({ $param } = { $got }, allowed { $min } to { $max }); it was not opened.
keystore-keyring-entry-missing = The OS keyring no longer holds this wallet's key; unlock with the password.
keystore-keyring-mismatch = The key in the OS keyring does not open this wallet; unlock with the password.
keystore-keyring-unavailable = The OS keyring is not available ({ $reason }); the password still works.
keystore-no-keyring-slot = This wallet has no OS keyring key.
keystore-not-a-keystore = This is not a Jifen wallet file.
keystore-not-found = No wallet file at { $path }.
keystore-random = The system random number generator failed.
keystore-too-large = The data is too large for a wallet file.
keystore-truncated = The wallet file is cut short ({ $got } of { $expected } bytes). A previous copy may be kept beside it as .bak.
keystore-unsupported-version = The wallet file has format version { $found }; this version of Jifen reads version { $supported }. Update Jifen.
keystore-verify-failed = The file written could not be read back correctly; the previous file is unchanged.
keystore-wrong-password = Wrong password.

## Wallets

wallet-account-mismatch = The wallet's secret does not match its account record; the file may have been tampered with.
wallet-already-exists = A wallet named “{ $name }” already exists.
wallet-bad-record = The wallet record is malformed ({ $detail }).
wallet-bad-secret = The wallet's secret is malformed ({ $detail }).
wallet-directory-io = Cannot read the wallet folder: { $reason }
wallet-invalid-name = “{ $name }” is not a valid wallet name (1-64 letters, digits, “-” or “_”).
wallet-none = There is no wallet yet. Create one with “jifen create” or “jifen restore”.
wallet-not-chosen = There are several wallets ({ $names }); choose one with --wallet.
wallet-not-found = There is no wallet named “{ $name }”.
wallet-passphrase-too-long = The passphrase is too long (at most 1024 bytes).

## QR codes (cold signing)

qr-not-ur = This QR code is not a Jifen code (it does not start with “ur:”).
qr-malformed-ur = The QR code's text is damaged; scan it again.
qr-unknown-type = Unknown kind of code; the other device may run a newer version of Jifen.
qr-wrong-type = This is a different kind of code than this screen expects.
qr-bytewords = The QR code's text is damaged (bytewords check failed); scan it again.
qr-ur-too-large = The animated code is too large to accept.
qr-foreign-stream = A frame from another animation was ignored.
qr-inconsistent-part = A frame does not fit this animation and was ignored.
qr-message-checksum = The reassembled data failed its checksum; scan again.
qr-unsupported-version = The code was made by a newer version of Jifen; update this device.
qr-cbor-truncated = The code's data ends too early.
qr-cbor-malformed = The code's data is malformed.
qr-cbor-non-canonical = The code's data is not in canonical form and was refused.
qr-cbor-duplicate-key = The code's data repeats a field and was refused.
qr-cbor-trailing-bytes = The code's data has unexpected bytes at the end.
qr-unknown-field = The code's data has a field this version does not know.
qr-missing-field = The code's data lacks a required field.
qr-wrong-field-type = A field in the code's data has the wrong type.
qr-field-too-large = A field in the code's data is too large.
qr-invalid-field = A field in the code's data has a value that is not allowed.
qr-invalid-transaction = The transaction in the code is malformed.
qr-invalid-payload = This data cannot be sent as a code.
qr-capacity = The text is too long for one QR code.
qr-fountain = Could not split the data into animated frames.
qr-png = Could not draw the QR code image.
qr-image-too-large = The image is too large.
qr-frame-size = The camera frame has the wrong size.
qr-image-unreadable = The image cannot be read (not a PNG or JPEG, or damaged).
qr-image-io = The image file cannot be opened.

## Files (jifen-files)

files-not-found = There is no file at { $path }.
files-already-exists = Something already exists at { $path }; it was left unchanged.
files-wrong-kind = { $path } is { $found ->
    [directory] a folder
    [fifo] a named pipe
    [char-device] a device
    [block-device] a device
    [socket] a socket
    [symlink] a symbolic link
    [file] a file
   *[other] a special file
  }, not { $expected ->
    [directory] a folder
   *[file] a regular file
  }; it was not used.
files-too-large = { $path } is larger than { $max } bytes and was not read.
files-locked = Another Jifen window or command is using { $path }; wait for it to finish and try again.
files-io = { $op ->
    [open] Could not open { $path }: { $reason }
    [read] Could not read { $path }: { $reason }
    [inspect] Could not read the file information of { $path }: { $reason }
    [create-temp] Could not create a temporary file in { $path }: { $reason }
    [write] Could not write { $path }: { $reason }
    [sync] Could not save { $path } to disk: { $reason }
    [rename] Could not replace { $path }: { $reason }
    [link] Could not create { $path }: { $reason }
    [sync-dir] Could not save the changes to the folder { $path } to disk: { $reason }
    [create-dir] Could not create the folder { $path }: { $reason }
    [restrict] Could not restrict access to { $path }: { $reason }
    [open-lock] Could not open the lock file { $path }: { $reason }
    [lock] Could not lock { $path }: { $reason }
    [list] Could not list the files in { $path }: { $reason }
    [remove] Could not remove { $path }: { $reason }
   *[other] Could not access { $path }: { $reason }
  }

## Wallet use cases
wallet-not-watch-only = Wallet “{ $name }” has its own keys: send from it directly instead of making a sign request.
wallet-locked = The wallet is locked: unlock it with its password first.
wallet-backup-already-checked = This wallet's backup was already checked; its words are not shown again.
wallet-no-backup-challenge = No backup check is running (or its tries are used up): start it again with your password.
wallet-backup-mismatch = The words do not match your backup. { $left ->
    [0] No try is left: start the check again with your password.
    [one] One try left.
   *[other] { $left } tries left.
}
wallet-too-many-attempts = Too many wrong passwords in a row. Try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}.
wallet-reauth-required = For your safety, type the wallet's password again to confirm this.
wallet-randomness = The system's random number generator failed; nothing was done.
wallet-no-data-dir = No data directory: set JIFEN_DATA_DIR (or HOME).

## Points and POINT (chain rules, codes 1101-1199; amounts in base units)
tx-insufficient-balance = The POINT balance ({ $available }) does not cover { $needed }.
point-not-issuer = Only the alliance's issuer can mint POINT.
withdraw-below-fee = Withdrawing { $amount } does not cover the withdrawal fee of { $fee }.
points-insufficient-balance = Your balance of merchant { $merchant }'s points ({ $available }) does not cover { $needed }.
merchant-unknown = There is no merchant number { $merchant }.
merchant-not-owner = Only the owner of merchant { $merchant } can do this.
merchant-not-approved = Merchant { $merchant } is { $status ->
    [proposed] still waiting for the council's approval
    [suspended] suspended by the council
   *[other] { $status }
}: its points cannot be issued or converted now.
merchant-deposit-too-small = A merchant's deposit must be at least { $minimum } POINT base units; { $got } was offered.
merchant-deposit-below-required = Taking { $amount } from the deposit ({ $deposit }) would leave less than the { $required } it must keep.
merchant-registry-full = No more merchants can be registered.
council-not-member = Only validators of the current set vote in the council.
council-already-voted = You already voted to { $action } merchant { $merchant }.
council-action-not-applicable = Merchant { $merchant } cannot be { $action ->
    [approve] approved
   *[other] suspended
}: it is { $status }.
rate-valid-until-past = A rate valid until height { $valid_until } is already expired at height { $height }.
points-overflow = The amount is too large ({ $what } would overflow).
swap-not-quoting = Merchant { $merchant } has not published a rate: it does not convert points now.
swap-deadline-passed = The swap's deadline (height { $deadline }) passed before it could run (height { $height }). Nothing was converted; ask for a fresh quote.
swap-rate-stale = The merchant's rate changed since your quote (you accepted version { $accepted }, it is now { $current }). Nothing was converted; ask for a fresh quote.
swap-rate-expired = The merchant's rate expired at height { $valid_until } (height { $height }): it does not convert points until it publishes a new one.
swap-below-minimum = { $amount } is below this merchant's minimum of { $minimum }.
swap-not-increment = { $amount } is not a multiple of { $increment }, the step this merchant converts in.
swap-below-min-out = The swap would give { $out }, less than the minimum you accepted ({ $min_out }). Nothing was converted.
swap-deposit-insufficient = The merchant's deposit ({ $deposit }) cannot pay this conversion ({ $needed }): try a smaller amount.

## The wallet's points flows
points-amount-zero = The amount must be more than zero.
points-record-malformed = The chain holds a { $what } record this version cannot read ({ $detail }). Update the wallet.
points-no-alliance = This chain has no points alliance: there are no merchants or POINT rules to use.
swap-quote-expiring = This quote has { $seconds } s left; confirming needs at least { $needed } s. Get a fresh quote.
swap-slippage-too-large = A slippage tolerance of { $bps } bps is above the largest allowed, { $max } bps.
pay-amount-needed = This payment request leaves the amount to you: enter how much to pay.
pay-asset-unknown = There is no asset “{ $asset }” on this chain.
merchant-not-yours = Merchant { $merchant } belongs to { $owner }, not to this wallet.
withdraw-reference-invalid = Enter a payout reference of 1 to { $max } bytes (where the fiat is paid; it is public on chain, so no personal data).
rate-invalid = The rate is not valid ({ $field }): { $field ->
      [price] the price needs fewer decimals, and the bid may not be above the ask (in spread mode they are equal).
      [bid] the bid may not be above the ask.
      [ask] in spread mode the bid and the ask are one mid price: enter the same price twice.
      [fee_bps] the fee must be 0 in settlement mode and 1 to 1,000 bps in spread mode.
     *[other] check the minimums (at least one step, a multiple of the step) and the validity.
    }

## Account history
history-length-mismatch = The node's history has { $got } entries, but the proven account has { $expected }: the node left entries out or added some.
history-head-mismatch = The node's history does not match the proven account: an entry was altered or moved.
history-height-order = History entry { $index } (height { $height }) comes after height { $previous }: the node's list is out of order.
history-after-proven-height = A history entry at height { $height } is newer than the proven account (height { $proven }): sync and try again.
history-too-long = The history is too long to check.
seal-bad-public-key = The key is not a secp256k1 public key: the data cannot be sealed for it.
seal-bad-ephemeral = The one-time key for sealing is not valid.
seal-too-long = The personal data is longer than { $max } bytes and cannot be sealed.
seal-no-randomness = No randomness is available to seal the data.
seal-not-for-this-key = This sealed data is not for this key.
