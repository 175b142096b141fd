## Points and POINT in the terminal (jifen points, merchants, merchant, quote, swap, pay, request-payment, withdraw)

points-header = Assets of { $address }, proven at height { $height } ({ $hash }); { $merchants } merchants registered:
points-row = { $amount }  { $name } [{ $id }] { $status }
points-hidden = { $count } merchants whose points you do not hold are not shown (--all lists them).
points-tx-included = Done: transaction { $tx } proven included at height { $height } ({ $hash }); POINT balance now { $balance }.
merchant-status-proposed = waiting for the council's approval
merchant-status-approved = approved
merchant-status-suspended = suspended by the council
rate-mode-settlement = settlement (no fee to you)
rate-mode-spread = spread (the platform's fee is in the price)
rate-state-current = current
rate-state-expired = expired
rate-state-old = replaced
merchants-none = No merchants are registered on this chain.
merchant-no-rate = no rate published: does not convert points
merchant-line = [{ $id }] { $symbol } { $name }: { $status }; deposit { $deposit }; { $rate }
rate-line = rate v{ $version } ({ $state }): takes back 1 { $symbol } for { $bid } POINT, issues 1 { $symbol } for { $ask } POINT; { $mode }, fee { $fee } bps; set at height { $set }, valid until { $until }
rate-limits = {"    "}sell at least { $sell_min } in steps of { $sell_step }; buy with at least { $buy_min } in steps of { $buy_step }
merchant-detail = Merchant [{ $id }] { $name } ({ $symbol }, { $decimals } decimals): { $status }
    owner:             { $owner }
    deposit:           { $deposit }
    points in use:     { $outstanding }
    registered at:     height { $registered }
    proven at height { $height } ({ $hash })
swap-side-sell = Sell points for POINT
swap-side-buy = Buy points with POINT
swap-review = { $side } with { $merchant }:
    you pay:              { $pay }
    you receive:          { $receive }
    minimum received:     { $min_receive } (slippage tolerance { $slippage } bps; below it the chain refuses the swap)
    rate:                 1 { $symbol } = { $bid } POINT (bid) / { $ask } POINT (ask); this swap uses the { $rate_side }
    effective price:      1 { $symbol } = { $effective } POINT, fees included
    at the mid price:     { $at_mid }; this swap costs { $cost_mid } ({ $cost_mid_bps } bps) against it
    fee mode:             { $mode }
    exchange fee:         { $exchange_fee } (to the platform)
    network fee:          { $network_fee }
    withdrawal fee:       { $withdrawal_fee } (if you cash the POINT out to fiat)
    round trip:           swapping straight back returns { $round_back }, a cost of { $round_cost } ({ $round_bps } bps)
    limits:               at least { $minimum }, in steps of { $increment }; merchant's deposit { $deposit }
    your balance:         { $balance }
    rate source:          version { $version } set at height { $set_at }, proven at height { $height } ({ $hash })
    deadline:             height { $deadline }; the quote can be confirmed for { $seconds } s
swap-irreversible = A swap cannot be undone once it is in a block.
swap-confirm = Swap? Type y to confirm:{" "}
swap-cancelled = Nothing was swapped.
swap-receipt = Swapped, exactly as quoted: paid { $paid }, received { $received } (minimum { $min_receive }).
    exchange fee { $exchange_fee }, network fee { $network_fee }, rate version { $version }
    transaction { $tx } proven included at height { $height }, position { $index } ({ $hash })
    balances afterwards (proven at height { $balances_height }): { $balance_in } and { $balance_out }
swap-receipt-differs = Swapped, but NOT as quoted: paid { $paid }, quoted { $quoted }, received { $received } (minimum { $min_receive }).
    exchange fee { $exchange_fee }, network fee { $network_fee }, rate version { $version }
    transaction { $tx } proven included at height { $height }, position { $index } ({ $hash })
    balances afterwards (proven at height { $balances_height }): { $balance_in } and { $balance_out }
pay-payee-merchant = { $name } [{ $id }], a registered merchant ({ $status }), proven
pay-payee-not-merchant = WARNING: this address is not a registered merchant's. Pay only if you know who it is.
pay-review = Please check the payment:
    to:              { $to }
    payee:           { $payee }
    their label:     { $label } (the merchant's own words, not proven)
    order / memo:    { $memo } (recorded on chain with the payment)
    amount:          { $amount }
    network fee:     { $network_fee }
    your balance:    { $balance } (proven at height { $height }); afterwards { $remaining }
    request expires: { $expires }
pay-confirm = Pay? Type y to confirm:{" "}
pay-cancelled = Nothing was paid.
pay-receipt = Paid { $amount } to { $to } (memo { $memo }).
    transaction { $tx } proven included at height { $height } ({ $hash }); your balance now { $balance }
cli-pay-no-request-in-picture = No payment request (a jifen: code) was found in the picture.
request-png-written = QR code written to { $path }.
request-any-amount = any amount of { $asset } (the payer enters it)
request-shown = Payment request for { $amount } (memo { $memo }) to { $to }. Show this code to the payer:
withdraw-review = Please check the withdrawal:
    withdraw:        { $amount } (burned on chain)
    withdrawal fee:  { $fee } ({ $fee_bps } bps, at least { $fee_min })
    paid out:        { $payout } in fiat, to reference “{ $reference }”
    network fee:     { $network_fee }
    your balance:    { $balance } (proven at height { $height }); afterwards { $remaining }
withdraw-confirm = Withdraw? Type y to confirm:{" "}
withdraw-cancelled = Nothing was withdrawn.
merchant-action-set-rate = publish a new rate
merchant-action-issue = issue points
merchant-action-top-up = top up the deposit
merchant-action-withdraw-deposit = withdraw from the deposit
merchant-action-review = Please check: { $action } for { $merchant }
    new rate:        { $rate }
    to:              { $to }
    amount:          { $amount }
    deposit:         { $deposit } now, { $deposit_after } afterwards (must keep { $required })
    network fee:     { $network_fee }
    proven at height { $height }
merchant-action-confirm = Do it? Type y to confirm:{" "}
merchant-action-cancelled = Nothing was done.
request-waiting = Waiting up to { $seconds } s for the payment to be proven…
request-paid = Paid: { $amount } from { $from } (memo { $memo }), transaction { $tx } proven included at height { $height } ({ $hash }).
request-not-paid = No payment answering the request was proven within { $seconds } s. The request stays valid until it expires.
history-header = History of { $address }: { $total } entries, proven complete at height { $height } ({ $hash }). Newest first:
history-entry = #{ $index } height { $height }  { $kind }  { $moves }  with { $party }  memo { $memo }  ({ $tx })
history-entry-failed = #{ $index } height { $height }  { $kind } FAILED (code { $code }), only the fee moved: { $moves }  ({ $tx })
history-older = { $count } older entries were checked but not shown (--limit shows more).
history-kind-transfer = POINT transfer
history-kind-transfer-asset = payment
history-kind-swap = swap
history-kind-withdraw = withdrawal
history-kind-mint = POINT minted
history-kind-points-issue = points issued
history-kind-deposit-top-up = deposit top-up
history-kind-deposit-withdraw = deposit withdrawal
history-kind-merchant-register = merchant registration
history-kind-council-vote = council vote
history-kind-rate-set = new rate
history-kind-bond = stake
history-kind-unbond = unstake
receipt-header = Transaction { $tx }, proven included at height { $height } ({ $hash }):
receipt-bundle-written = Receipt written as an audit bundle to { $path } ({ $headers } verified headers); anyone can check it offline with “jifen verify-bundle”.
bundle-transaction = It proves transaction { $tx } ({ $kind }, sent by { $sender }) in block { $height } at position { $index }, result code { $code } (0: success).
cli-tx-id-malformed = “{ $text }” is not a transaction id (64 hexadecimal digits).
history-peer-lied = it served a history that does not match the proven account (an entry left out, added, altered or out of order). { $reason }

## Help of the points commands
help-points = List POINT and every merchant's points you hold, each balance proven.
help-points-wallet = Wallet name (may be omitted when there is only one).
help-points-address = Any address instead of the wallet's.
help-points-index = Receive address index of the wallet.
help-points-all = Also list merchants whose points you do not hold.
help-points-json = Machine-readable output.
help-merchants = List the registered merchants with their current rates, proven.
help-merchants-json = Machine-readable output.
help-merchant = Show a merchant and its rate history; administer your own merchant.
help-quote = Quote a swap between a merchant's points and POINT (nothing is signed).
help-quote-wallet = Wallet name (may be omitted when there is only one).
help-quote-merchant = The merchant: its number, M1, M2, … or symbol (TEA).
help-quote-side = sell: points for POINT; buy: points with POINT.
help-quote-amount = The amount, in the asset's unit.
help-quote-slippage_bps = Slippage tolerance in basis points (default 0: the rate version is fixed).
help-quote-index = Receive address index of the wallet.
help-quote-json = Machine-readable output.
help-swap = Swap a merchant's points and POINT, both ways, at a proven quote.
help-swap-wallet = Wallet name (may be omitted when there is only one).
help-swap-merchant = The merchant: its number, M1, M2, … or symbol (TEA).
help-swap-side = sell: points for POINT; buy: points with POINT.
help-swap-amount = The amount, in the asset's unit.
help-swap-slippage_bps = Slippage tolerance in basis points (default 0: the rate version is fixed).
help-swap-index = Receive address index of the wallet.
help-swap-password_fd = Read the wallet password from this file descriptor.
help-swap-fee = Network fee in POINT (default: the minimum, 0.001).
help-swap-yes = Do not ask for confirmation.
help-swap-timeout = Seconds to wait for proven inclusion.
help-swap-no_keyring = Do not try the OS keyring.
help-swap-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-swap-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
help-pay = Pay a payment request (a jifen: URI or its QR code picture).
help-pay-wallet = Wallet name (may be omitted when there is only one).
help-pay-request = The payment request (jifen:...).
help-pay-qr = Read the request from a QR code picture (PNG or JPEG) instead.
help-pay-amount = The amount, in the asset's unit.
help-pay-index = Receive address index of the wallet.
help-pay-password_fd = Read the wallet password from this file descriptor.
help-pay-fee = Network fee in POINT (default: the minimum, 0.001).
help-pay-yes = Do not ask for confirmation.
help-pay-timeout = Seconds to wait for proven inclusion.
help-pay-no_keyring = Do not try the OS keyring.
help-pay-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-pay-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
help-request-payment = Make a payment request (URI and QR code) to be paid at your address.
help-request-payment-wallet = Wallet name (may be omitted when there is only one).
help-request-payment-asset = POINT, or a merchant's points (number, M1, M2, … or symbol).
help-request-payment-amount = The amount, in the asset's unit.
help-request-payment-memo = Order id or note, carried on chain (at most 128 bytes).
help-request-payment-label = Your name as the payer's wallet shows it.
help-request-payment-expires_in = Seconds the request stays payable.
help-request-payment-index = Receive address index of the wallet.
help-request-payment-png = Write the QR code as a PNG file.
help-request-payment-wait = Then wait (at most this many seconds) until the payment is proven.
help-request-payment-json = Machine-readable output.
help-history = Show your history of POINT and points, proven complete, each entry proven included.
help-history-wallet = Wallet name (may be omitted when there is only one).
help-history-address = Any address instead of the wallet's.
help-history-index = Receive address index of the wallet.
help-history-limit = How many of the newest entries to prove and show (at most 200).
help-history-json = Machine-readable output.
help-receipt = Show a transaction proven included and export it as an audit bundle.
help-receipt-wallet = Wallet name (may be omitted when there is only one).
help-receipt-tx_id = The transaction id (hex).
help-receipt-index = Receive address index of the wallet.
help-receipt-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-receipt-json = Machine-readable output.
help-withdraw = Withdraw POINT to fiat (burned on chain, paid out off-chain less the fee).
help-withdraw-wallet = Wallet name (may be omitted when there is only one).
help-withdraw-amount = The amount, in the asset's unit.
help-withdraw-reference = Payout reference (where the fiat goes; public on chain).
help-withdraw-index = Receive address index of the wallet.
help-withdraw-password_fd = Read the wallet password from this file descriptor.
help-withdraw-fee = Network fee in POINT (default: the minimum, 0.001).
help-withdraw-yes = Do not ask for confirmation.
help-withdraw-timeout = Seconds to wait for proven inclusion.
help-withdraw-no_keyring = Do not try the OS keyring.
help-withdraw-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-withdraw-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
help-merchant-show = Show a merchant and its rate history, proven.
help-merchant-show-merchant = The merchant: its number, M1, M2, … or symbol (TEA).
help-merchant-show-rates = How many rate versions to show (newest first).
help-merchant-show-json = Machine-readable output.
help-merchant-rate = Publish a new rate version (owner).
help-merchant-rate-set = Publish a new rate version.
help-merchant-rate-set-wallet = Wallet name (may be omitted when there is only one).
help-merchant-rate-set-merchant = The merchant: its number, M1, M2, … or symbol (TEA).
help-merchant-rate-set-mode = Fee mode: settlement or spread.
help-merchant-rate-set-bid = POINT paid per whole point taken back (spread mode: the mid).
help-merchant-rate-set-ask = POINT asked per whole point issued (spread mode: the same as --bid).
help-merchant-rate-set-fee_bps = Exchange fee in basis points (spread mode; 0 in settlement).
help-merchant-rate-set-sell_min = Smallest sell (points).
help-merchant-rate-set-sell_step = Sell step (points).
help-merchant-rate-set-buy_min = Smallest buy (POINT).
help-merchant-rate-set-buy_step = Buy step (POINT).
help-merchant-rate-set-valid_for = Blocks the rate stays valid.
help-merchant-rate-set-index = Receive address index of the wallet.
help-merchant-rate-set-password_fd = Read the wallet password from this file descriptor.
help-merchant-rate-set-fee = Network fee in POINT (default: the minimum, 0.001).
help-merchant-rate-set-yes = Do not ask for confirmation.
help-merchant-rate-set-timeout = Seconds to wait for proven inclusion.
help-merchant-rate-set-no_keyring = Do not try the OS keyring.
help-merchant-rate-set-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-merchant-rate-set-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
help-merchant-issue = Issue points to a customer (owner).
help-merchant-issue-wallet = Wallet name (may be omitted when there is only one).
help-merchant-issue-merchant = The merchant: its number, M1, M2, … or symbol (TEA).
help-merchant-issue-to = The customer's address.
help-merchant-issue-amount = The amount, in the asset's unit.
help-merchant-issue-index = Receive address index of the wallet.
help-merchant-issue-password_fd = Read the wallet password from this file descriptor.
help-merchant-issue-fee = Network fee in POINT (default: the minimum, 0.001).
help-merchant-issue-yes = Do not ask for confirmation.
help-merchant-issue-timeout = Seconds to wait for proven inclusion.
help-merchant-issue-no_keyring = Do not try the OS keyring.
help-merchant-issue-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-merchant-issue-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
help-merchant-deposit = Top up or withdraw the POINT deposit (owner).
help-merchant-deposit-top-up = Add POINT to the deposit.
help-merchant-deposit-top-up-wallet = Wallet name (may be omitted when there is only one).
help-merchant-deposit-top-up-merchant = The merchant: its number, M1, M2, … or symbol (TEA).
help-merchant-deposit-top-up-amount = The amount, in the asset's unit.
help-merchant-deposit-top-up-index = Receive address index of the wallet.
help-merchant-deposit-top-up-password_fd = Read the wallet password from this file descriptor.
help-merchant-deposit-top-up-fee = Network fee in POINT (default: the minimum, 0.001).
help-merchant-deposit-top-up-yes = Do not ask for confirmation.
help-merchant-deposit-top-up-timeout = Seconds to wait for proven inclusion.
help-merchant-deposit-top-up-no_keyring = Do not try the OS keyring.
help-merchant-deposit-top-up-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-merchant-deposit-top-up-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
help-merchant-deposit-withdraw = Take POINT out of the deposit (down to what it must keep).
help-merchant-deposit-withdraw-wallet = Wallet name (may be omitted when there is only one).
help-merchant-deposit-withdraw-merchant = The merchant: its number, M1, M2, … or symbol (TEA).
help-merchant-deposit-withdraw-amount = The amount, in the asset's unit.
help-merchant-deposit-withdraw-index = Receive address index of the wallet.
help-merchant-deposit-withdraw-password_fd = Read the wallet password from this file descriptor.
help-merchant-deposit-withdraw-fee = Network fee in POINT (default: the minimum, 0.001).
help-merchant-deposit-withdraw-yes = Do not ask for confirmation.
help-merchant-deposit-withdraw-timeout = Seconds to wait for proven inclusion.
help-merchant-deposit-withdraw-no_keyring = Do not try the OS keyring.
help-merchant-deposit-withdraw-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-merchant-deposit-withdraw-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
