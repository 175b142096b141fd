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
