## light-client: light client errors (lc-*), sync/status/balance/send CLI messages (en)

# --- WALLET-CHAIN begin ---

## Help texts of the light-client commands

help-sync = Verify the chain's block headers up to the newest one (light client; nothing is trusted unchecked).
help-sync-network = Network: devnet (default), testnet or mainnet.
help-status = Show what the light client trusts: header, nodes and their state, last cross-check, evidence files.
help-status-network = Network: devnet (default), testnet or mainnet.
help-status-json = Machine-readable output.
help-balance = Show a balance proven against a verified block header.
help-balance-wallet = Wallet name (may be omitted when there is only one).
help-balance-address = Any address instead of the wallet's own.
help-balance-index = Index of the wallet's receive address.
help-balance-json = Machine-readable output.
help-send = Send POINT: review, confirm, sign, broadcast, then wait until its inclusion is proven.
help-send-wallet = Wallet name (may be omitted when there is only one).
help-send-password_fd = Read the password from this file descriptor (or set JIFEN_PASSWORD).
help-send-to = Recipient address.
help-send-amount = Amount in POINT, up to 6 decimals (e.g. 2.5).
help-send-fee = Fee in POINT (default: the minimum, 0.001).
help-send-index = Index of the sending receive address.
help-send-yes = Do not ask for confirmation (for scripts).
help-send-timeout = Seconds to wait for proven inclusion.
help-send-no_keyring = Do not try the OS keyring; ask for the password.
help-export-bundle = Write an audit bundle that proves an account's balance and can be checked offline.
help-export-bundle-wallet = Wallet name (may be omitted when there is only one).
help-export-bundle-address = Any address instead of the wallet's own.
help-export-bundle-index = Index of the wallet's receive address.
help-export-bundle-out = The bundle file to write.
help-verify-bundle = Check an audit bundle offline (no network).
help-verify-bundle-network = Network: devnet (default), testnet or mainnet.
help-verify-bundle-checkpoint = Trust this header (height:hash) instead of the local root of trust.
help-verify-bundle-address = The address the bundle must be about.
help-verify-bundle-file = The bundle file.
help-verify-evidence = Check a fork evidence file offline against the locally verified validators.
help-verify-evidence-network = Network: devnet (default), testnet or mainnet.
help-verify-evidence-file = The evidence file.
help-endpoints = Show or change the nodes used (primary, witnesses) and the checkpoint.
help-endpoints-network = Network: devnet (default), testnet or mainnet.
help-endpoints-primary = Make this node the primary: a URL (https://…) or a P2P peer address (/ip4/…/tcp/…/p2p/…).
help-endpoints-witness = Add a witness node: a URL or a P2P peer address; repeatable.
help-endpoints-clear_witnesses = Remove every witness.
help-endpoints-checkpoint = Trust this header first (height:hash) instead of genesis.
help-endpoints-clear_checkpoint = Go back to trusting the genesis block on first use.
help-endpoints-trust_cert = Trust the PEM certificates in this file for this network's https:// nodes, besides the system's (e.g. your own node's CA); repeatable.
help-endpoints-untrust_certs = Stop trusting the certificates added with --trust-cert (the system's stay).
help-endpoints-reset = Back to the network's defaults.

## Light-client commands: progress and results

sync-phase-bootstrapping = checking the root of trust
sync-phase-syncing = verifying headers
sync-phase-cross-checking = cross-checking with witnesses
sync-phase-done = done
sync-progress-message = { $phase } · height { $height }/{ $target } · { $headers } headers · { $peers } nodes · ETA { $eta }
sync-progress-line = Sync: { $phase }, height { $height } of { $target }, { $headers } headers fetched, { $peers } nodes, ETA { $eta }
sync-peer-demoted = ⚠ Node { $peer } sent invalid data and is no longer used: { $reason }
sync-peer-state = Node { $peer }: { $state }
sync-primary-changed = The primary node is now { $peer }.
sync-evidence-written = ⚠ Fork evidence written to { $path }
sync-done = Verified up to height { $height } (block { $hash }): { $headers } headers fetched from { $primary }, { $witnesses } witnesses agreed, { $millis } ms.
sync-tip-old = ⚠ The newest block the nodes served is { $minutes } min old: the chain may have stalled, or every node is behind. Balances are proven as of that block.
status-network = Network { $network } (chain { $chain })
status-trusted = Trusted header: height { $height }, block { $hash }, time { $time }
status-not-synced = Nothing verified yet: run "jifen sync".
status-tip-old = ⚠ The trusted header is { $minutes } min old: balances may be out of date. Run "jifen sync"; if it stays old, the chain has stalled or the nodes stopped answering.
status-root-checkpoint = Root of trust: your checkpoint { $checkpoint }
status-root-genesis = Root of trust: genesis block { $checkpoint }, taken on first use; { $agreed } witnesses served the same block
status-root-genesis-unwitnessed = ⚠ Root of trust: genesis block { $checkpoint }, taken on first use from the primary alone: no witness served it. Add a witness ("jifen endpoints --witness URL") or set a checkpoint you got from a source you trust ("jifen endpoints --checkpoint HEIGHT:HASH").
status-root-genesis-earlier = Root of trust: genesis block { $checkpoint }, taken on first use in an earlier session
status-role-primary = primary
status-role-witness = witness
status-peer = Node { $peer } ({ $role }): { $state }
status-peer-active = in use
status-peer-lagging = behind, at height { $height }
status-peer-unreachable = not answering: { $reason }
status-peer-demoted = no longer used: { $reason }
status-cross-check = Last cross-check: height { $height }, { $agreed } witnesses agreed, { $lagging } behind
status-no-cross-check = No cross-check in this session (status does not contact the nodes; run "jifen sync").
status-no-evidence = No fork evidence.
status-evidence = ⚠ Fork evidence: { $path }
balance-line = { $address }: { $amount }, proven at height { $height } (block { $hash })
send-review = Please check the transfer:
    from:    { $from }
    to:      { $to }
    amount:  { $amount }
    fee:     { $fee }
    total:   { $total }
    balance: { $balance } (proven at height { $height })
    nonce { $nonce } on chain { $chain }
send-confirm = Send it? Type y to confirm:{" "}
send-cancelled = Not sent.
send-broadcast = Sent to the network as transaction { $id }; waiting until its inclusion is proven…
send-included = Included in block { $height } at position { $index }, proven against the verified header { $hash }.
cli-send-needs-confirmation = Sending needs a confirmation: run at a terminal, pass --interactive, or pass --yes after checking the details above.
bundle-written = Audit bundle for { $address } ({ $headers } headers) written to { $path }.
bundle-valid = Valid audit bundle: { $headers } headers verified from the root { $root } up to height { $height } (block { $hash }).
bundle-account = Account { $key }: balance { $amount }, nonce { $nonce }, proven at height { $height }
bundle-no-value = The bundle proves headers only (no account value).
evidence-valid = Valid fork evidence at height { $height }: { $count } trusted validators ({ $power } of { $total } voting power) signed both blocks { $first } and { $second }. Their addresses:
help-store = The local light-client store: re-verify everything in it, or release a pin.
help-store-verify = Re-verify every stored block from the root of trust (offline).
help-store-verify-network = Network: devnet (default), testnet or mainnet.
help-store-verify-json = Machine-readable output.
help-store-unpin = Release a pinned set of blocks (fork evidence or an exported bundle).
help-store-unpin-network = Network: devnet (default), testnet or mainnet.
help-store-unpin-id = The pin's id (its file name, as store verify lists it).
store-valid = The local light-client store verifies: { $blocks } blocks, { $commits } commits checked, from the root of trust { $root } to height { $height } ({ $hash }); { $pivots } of them kept as necessary links, { $kib } KiB in all. { $pins ->
        [0] No pins.
       *[other] Pins ({ $pins }):
    }
store-empty = The local light-client store is empty (not synced yet).
store-pin = { $id } ({ $kind }): heights { $heights }
store-unpinned = Released the pin { $id } ({ $count } blocks); the next sync no longer keeps them.
endpoints-saved = Settings of { $network } saved.
endpoints-primary = Primary: { $url }
endpoints-witness = Witness: { $url }
endpoints-none = No node configured: set one with --primary URL.
endpoints-checkpoint = Checkpoint: { $checkpoint }
endpoints-genesis = Checkpoint: none (the genesis block is trusted on first use)
endpoints-trusted-certificates = Trusted certificates for https:// nodes: { $count } besides the system's
endpoints-in-use = This run uses { $urls } instead (JIFEN_ENDPOINTS); the saved nodes above apply when it is not set.

## Chain errors (chain-*)

chain-endpoint-unparsable = “{ $url }” is not a node address (URL).
chain-endpoint-no-scheme = “{ $url }” lacks http:// or https:// at the start.
chain-endpoint-scheme = “{ $url }” uses “{ $scheme }”; node addresses start with http:// or https://.
chain-endpoint-extra = “{ $url }” contains a user name, password, query or fragment; remove it.
chain-endpoint-plain-http = Plain http to another computer (“{ $url }”) is allowed on devnet only; on { $network } use https:// or a node on this computer.
chain-endpoint-duplicate = The node “{ $url }” is listed twice.
chain-endpoint-too-many = At most { $max } nodes (one primary and witnesses).
p2p-address-unparsable = “{ $address }” is not a peer address ({ $reason }). Write it like /ip4/203.0.113.5/tcp/27660/p2p/12D3KooW…
p2p-address-no-peer-id = The peer address “{ $address }” names no node: it must end in /p2p/ and the node's peer id.
p2p-address-unsupported = “{ $address }” cannot be dialed: use /ip4, /ip6 or /dns with a host, then /tcp/ and a port, then /p2p/ and the peer id.
chain-no-endpoints = No node is configured for { $network }: run “jifen endpoints --network { $network } --primary URL”.
chain-settings-io = Cannot read or write the chain settings { $path }: { $reason }
chain-settings-corrupt = The chain settings { $path } are damaged ({ $detail }); fix or delete the file (it may hold your checkpoint).
chain-settings-version = The chain settings have format { $found }; this version of Jifen reads { $supported }. Update Jifen.
chain-amount-malformed = “{ $text }” is not an amount; write it like 2.5.
chain-amount-too-many-decimals = “{ $text }” has more than { $max } decimals; POINT has { $max }.
chain-amount-overflow = The amount is too large.
chain-amount-zero = The amount must be more than zero.
chain-fee-too-low = The fee { $got } is below the minimum { $minimum }.
chain-insufficient-balance = The balance { $balance } (proven at height { $height }) does not cover amount plus fee, { $needed }.
chain-wrong-network = The wallet is for { $wallet }, but the chain session is for { $session }.
chain-inclusion-timeout = Transaction { $id } was not proven included within { $seconds } s. It may still be included: check later with “jifen balance”.
chain-cancelled = Cancelled.
chain-tx-failed = Transaction { $id } was included at height { $height } but failed (code { $code }); the fee was paid.
chain-file-io = Cannot read or write { $path }: { $reason }
chain-bundle-other-account = The bundle proves another account than { $address }.
chain-bundle-not-account = The value the bundle proves is not an account record.
chain-no-trusted-header = There is no verified header to check against at height { $height }: run “jifen sync” first, or give --checkpoint.
chain-foreign-chain = The file is for chain { $got }, not { $expected }.
chain-tx-rejected = The node refused the transaction: { $reason ->
      [tx-nonce-too-low] another transaction from this address was already accepted; sync and try again.
      [tx-nonce-gap] a previous transaction from this address is still pending.
      [tx-insufficient-balance] the balance does not cover amount plus fee.
      [tx-fee-too-low] the fee is below this node's minimum.
      [tx-already-known] the same transaction is already pending.
      [mempool-full] the node is busy; try again later.
      [tx-bad-signature] the signature does not verify.
      [tx-wrong-chain-id] it is for another chain.
     *[other] { $reason } ({ $detail }).
    }
chain-key-mismatch = The key of address { $index } is not the sender of this transaction.

## Light-client errors (lc-*)

lc-bundle-decode = The audit bundle holds a block that does not decode.
lc-bundle-hex = The audit bundle holds data that is not hexadecimal.
lc-bundle-invalid = A block in the audit bundle does not verify: the bundle was altered or is forged.
lc-bundle-json = This file is not a valid audit bundle.
lc-bundle-link-broken = Header { $height } in the audit bundle is not the parent of the header above it: the bundle was altered.
lc-bundle-not-enough-trust = A block in the audit bundle is not signed by enough trusted validators.
lc-bundle-proof-decode = The audit bundle's final proof does not decode.
lc-bundle-proof-invalid = The audit bundle's final proof does not match the verified header: the value was altered.
lc-bundle-root = The audit bundle does not start at the header you trust.
lc-bundle-tx-id-mismatch = The audit bundle names transaction { $expected } but proves { $got }.
lc-bundle-tx-not-in-block = The transaction in the audit bundle is not in block { $height }: it was altered or belongs elsewhere.
lc-bundle-tx-result-not-in-block = Block { $height } did not record result { $code } for the audit bundle's transaction: the result was altered.
lc-bundle-tx-wrong-height = The audit bundle's transaction proof is for block { $got }, but its headers lead to block { $expected }.
lc-bundle-unknown-format = This audit bundle has a format this version does not read.
lc-bundle-unknown-proof-kind = The audit bundle's final proof is of a kind this version does not check.
lc-cannot-bisect = Verification cannot split the range any further.
lc-cert-invalid = Certificate { $index } is not a usable X.509 certificate ({ $reason }).
lc-cert-none = No certificate found: paste the PEM text that starts with -----BEGIN CERTIFICATE-----.
lc-cert-private-key = This text holds a private key. Give only the node's certificate (-----BEGIN CERTIFICATE-----) and keep the key secret.
lc-cert-too-large = The certificate text is { $size } bytes; at most { $limit } are accepted.
lc-cert-too-many = { $count } certificates; at most { $max } can be trusted per network.
lc-cert-unreadable = The certificate text is not valid PEM ({ $reason }).
lc-chain-id-mismatch = A block belongs to another chain.
lc-checkpoint-bad-hash = The checkpoint's hash must be 64 hexadecimal characters.
lc-checkpoint-bad-height = The checkpoint's height must be a number of at least 1.
lc-checkpoint-mismatch = The block is not the one the checkpoint names.
lc-checkpoint-missing-separator = A checkpoint is written height:hash.
lc-client-cancelled = Cancelled; what was fully verified is kept.
lc-client-evidence-write = Cannot write the fork evidence to { $path }: { $reason }
lc-client-fork-detected = Fork detected at height { $height }: two conflicting blocks carry valid signatures. Evidence was kept; nothing after the last cross-checked header is trusted.
lc-client-headers-withheld = The node withholds block headers it claims to have.
lc-client-history-not-prefix = The saved history position ({ $len } entries) is not part of this account's proven history ({ $proven_len } entries at block { $height }); read the whole history again.
lc-client-implausible-tip = The node claims { $tip } blocks, more than any chain can have made since the trusted header (at most { $limit }); it is no longer used.
lc-client-no-peer = No node answered correctly: { $peers }
lc-client-no-trusted-state = Nothing is verified yet; run “jifen sync”.
lc-client-primary-stale = The primary node is far behind a witness (stale).
lc-client-proof-above-tip = The node places the transaction in block { $height }, above its own tip { $tip }.
lc-client-proof-below-root = The node places the transaction in block { $height }, below your root of trust (block { $root }), where nothing is proven.
lc-client-root-unavailable = No node has block { $height }, the root of trust, after { $attempts } tries (highest node tip: { $tip }). If you set a checkpoint, it may be above every node's tip: check its height with “jifen endpoints”.
lc-client-store-other-chain = The local light-client store holds chain { $got }, not { $expected }.
lc-client-tx-not-proven = No node proves transaction { $id } in a verified block yet; try again after the next block.
lc-client-wrong-chain = The node serves another chain.
lc-commit-not-for-header = The commit is not for this block header.
lc-evidence-bad-address = The evidence file lists an invalid validator address.
lc-evidence-decode = A block in the evidence file does not decode: the file is damaged or altered.
lc-evidence-double-signers-mismatch = The evidence file names other double signers than its blocks show: it was altered.
lc-evidence-height-mismatch = The two blocks of the evidence are at different heights.
lc-evidence-hex = The evidence file holds data that is not hexadecimal.
lc-evidence-invalid-block = A block in the evidence does not carry valid signatures: the file was altered or is forged.
lc-evidence-json = This file is not a valid fork evidence file.
lc-evidence-no-accountable-signers = No validator you trust signed both blocks: the evidence accuses no one.
lc-evidence-no-conflict = The two blocks of the evidence are the same block: there is no fork.
lc-evidence-unknown-format = This evidence file has a format this version does not read.
lc-header-from-future = A block header is dated in the future; check this computer's clock.
lc-insufficient-quorum = A block is not signed by more than two thirds of its validators.
lc-invalid-commit = A block's signatures are invalid.
lc-invalid-header = A block header is malformed.
lc-next-validators-hash-mismatch = The next validator set does not match the block header.
lc-non-increasing-height = A block is not higher than the trusted one.
lc-non-increasing-time = A block is not later than the trusted one.
lc-not-parent = The block at height { $height } is not the one the trusted chain above it names: a fork below the trusted height.
lc-nothing-pending = Nothing is left to verify.
lc-parent-hash-mismatch = A block does not link to the previous block.
lc-peer-bad-envelope = The node's answer is not a proper JSON-RPC answer.
lc-peer-bad-field = The node's answer lacks a field or has an invalid one.
lc-peer-bad-frame = The node's binary light-block answer is invalid.
lc-peer-decode = The node's answer holds data that does not decode.
lc-peer-height-unavailable = The node does not have the requested block.
lc-peer-http-status = The node answered with an HTTP error.
lc-peer-inconsistent = The node's answer contradicts itself.
lc-peer-malformed-json = The node's answer is not valid JSON.
lc-peer-redirect = The node redirects to another address ({ $location }); Jifen does not follow redirects. Configure that address yourself if you trust it.
lc-peer-response-too-complex = The node's answer holds far more values than any real answer.
lc-peer-response-too-large = The node's answer is too large.
lc-peer-rpc-error = The node answered with an unexpected error.
lc-peer-timeout = The node { $peer } did not answer in time.
lc-peer-tls = The secure connection to { $peer } failed: { $problem ->
        [unknown-issuer] its certificate is signed by an authority this computer does not trust (or is self-signed). If it is your own node, trust its certificate in the network's settings.
        [wrong-name] its certificate is for another address. Check the address, or use the name the certificate was issued for.
        [expired] its certificate has expired.
        [not-yet-valid] its certificate is not valid yet (is this computer's clock right?).
        [revoked] its certificate was revoked.
        [ca-as-server] it serves a CA certificate as its own (as “openssl req -x509” makes by default). The node needs a server certificate: one issued by that CA, or a self-signed one with basicConstraints CA:FALSE.
        [not-tls] it does not speak https at this address (is it plain http?).
        [no-roots] this computer has no root certificates; trust the node's certificate in the network's settings.
       *[other] its certificate is not accepted or the TLS handshake failed ({ $reason }). If it is your own node, trust its certificate in the network's settings.
    }
lc-peer-tx-rejected = The node refused the transaction ({ $reason }).
lc-peer-unreachable = The node { $peer } cannot be reached ({ $reason }). Is it running?
lc-proof-bad-account = The proven account record is malformed.
lc-proof-index-mismatch = The transaction proof points at two different positions.
lc-proof-result-not-in-block = The transaction's result is not in the verified block.
lc-proof-state-invalid = The node's state proof does not match the verified block: the value is not proven.
lc-proof-tx-id-mismatch = The node proved another transaction than the one asked.
lc-proof-tx-not-in-block = The transaction is not in the verified block.
lc-proof-wrong-height = The node's proof is for another height than the verified header.
lc-proof-wrong-key = The node's proof is for another record than the one asked.
lc-sequential-validators-mismatch = The validator set does not follow from the previous block.
lc-source-failed = The node failed to serve a block.
lc-source-wrong-height = The node served a block of another height than asked.
lc-store-backend = The local light-client store cannot be read or written (a disk or permission problem?).
lc-store-locked = Another jifen (the app or a command) is using this network's light-client store; close it and try again.
lc-store-unreadable = The local light-client store file is damaged and cannot be read; nothing in it is used. Delete light.redb and sync again.
lc-store-broken-chain = The local light-client store has a gap that cannot be verified; delete light.redb and sync again.
lc-store-checkpoint-mismatch = The local light-client store does not start at your checkpoint.
lc-store-corrupt = The local light-client store is damaged; delete light.redb and sync again.
lc-store-format = The local light-client store was written by a newer jifen (format { $found }; this version reads up to { $supported }); please upgrade jifen.
lc-store-unknown-pin = The local light-client store has no pin named { $id } (jifen store verify lists every pin).
lc-store-missing = A block is missing from the local light-client store.
lc-store-tampered = The local light-client store was modified and does not verify; nothing in it is trusted. Delete light.redb and sync again.
lc-store-wrong-height = The local light-client store holds a block under the wrong height.
lc-shape-not-consecutive = The chain for the offline optimum skips a height: expected { $expected }, got { $got }.
lc-shape-time-not-increasing = The chain for the offline optimum has a block whose time does not increase, at height { $height }.
lc-shape-signer-out-of-range = The chain for the offline optimum names signer { $index } at height { $height }, outside its validator set.
lc-target-below-trusted = The requested height is below the trusted one.
lc-trust-expired = The trusted header is too old to verify from; set a recent checkpoint with “jifen endpoints --checkpoint”.
lc-trust-threshold-too-low = The trust threshold is too low (at least one third).
lc-validators-hash-mismatch = The validator set does not match the block header.
lc-zero-trusting-period = The trusting period must be longer than zero.

## JSON-RPC wire format (rpc-*, jifen-rpc-types) and the node's test client (node-client-*)

rpc-field-missing = The node's answer lacks the field { $field }.
rpc-field-wrong-type = The field { $field } of the node's answer must be { $expected }.
rpc-field-bad-text = The field { $field } of the node's answer must be { $expected }.
rpc-field-decode = The field { $field } of the node's answer does not decode: { $detail }
rpc-field-address = The field { $field } is not a valid address: { $detail }
rpc-field-inconsistent = The node's answer contradicts itself: { $field } is { $got }, expected { $expected }.
rpc-frame-invalid = The node's binary light-block answer is invalid at byte { $offset }: expected { $expected }.
rpc-not-json = The node's answer is not valid JSON.
rpc-not-an-object = The node's answer is not a JSON-RPC object.
rpc-wrong-version = The node's answer is not JSON-RPC 2.0.
rpc-wrong-id = The node's answer is for another request.
rpc-no-outcome = The node's answer holds neither a result nor an error.
rpc-bad-error-object = The node's error answer lacks { $missing }.
rpc-request-not-an-object = The request is not a JSON object.
rpc-request-invalid = The request is not a valid JSON-RPC 2.0 request.
rpc-request-params-not-object = The request's parameters must be given by name (an object).
node-client-transport = The node could not be reached or did not answer with JSON-RPC: { $detail }
node-client-rpc = The node answered with error { $number }: { $detail }
node-client-wire = The node's answer does not match the documented format.

# --- WALLET-CHAIN end ---

## Wallet use cases (chain)
chain-no-such-review = The send to confirm is not the one reviewed (it was sent already, or another review replaced it): review it again.
chain-nonce-used = The transaction's nonce { $nonce } is already used (the account's next nonce is { $next }): another transaction went first. Review it again.
chain-not-devnet = The faucet exists on the devnet only, not on { $network }.
chain-wait-cancelled = Stopped waiting for transaction { $id }. It was sent and may still be included: the balance will show it.
chain-worker-stopped = The chain worker has stopped (the app is closing).
send-review-id = Review { $id }.

# Subchain audit (issue 13)
lc-peer-unsupported = The node does not serve { $method }.
lc-client-subchain-unknown = There is no subchain number { $subchain } (proven at the verified head).
lc-client-subchain-record = The record of subchain { $subchain } proven on chain does not decode ({ $reason }); the chain is broken.
lc-client-subchain-not-audited = Subchain { $subchain } is not audited at height { $height }; audit it first.
lc-client-subchain-halted = Subchain { $subchain } halted at height { $height } (its committee signed two headers): nothing from that height on is trusted.
subchain-state-invalid = { $peer } proved a subchain value that does not check against the audit ({ $reason }).
