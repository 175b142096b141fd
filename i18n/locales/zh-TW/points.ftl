## 終端機裡的積分與 POINT（jifen points、merchants、merchant、quote、swap、pay、request-payment、withdraw）

points-header = { $address } 的資產，已在高度 { $height }（{ $hash }）證明；共有 { $merchants } 個註冊商家：
points-row = { $amount }  { $name } [{ $id }] { $status }
points-hidden = 還有 { $count } 個您未持有積分的商家未顯示（--all 可全部列出）。
points-tx-included = 完成：交易 { $tx } 已證明包含在高度 { $height }（{ $hash }）；POINT 餘額現為 { $balance }。
merchant-status-proposed = 等待理事會批准
merchant-status-approved = 已批准
merchant-status-suspended = 已被理事會暫停
rate-mode-settlement = 結算模式（您不付手續費）
rate-mode-spread = 價差模式（平台費用已含在價格中）
rate-state-current = 目前
rate-state-expired = 已過期
rate-state-old = 已替換
merchants-none = 此鏈上沒有註冊商家。
merchant-no-rate = 未公布匯率：不兌換積分
merchant-line = [{ $id }] { $symbol } { $name }：{ $status }；保證金 { $deposit }；{ $rate }
rate-line = 匯率第 { $version } 版（{ $state }）：回收 1 { $symbol } 付 { $bid } POINT，發行 1 { $symbol } 收 { $ask } POINT；{ $mode }，手續費 { $fee } 個基點；於高度 { $set } 設定，有效至 { $until }
rate-limits = {"    "}賣出至少 { $sell_min }，步長 { $sell_step }；買入至少 { $buy_min }，步長 { $buy_step }
merchant-detail = 商家 [{ $id }] { $name }（{ $symbol }，{ $decimals } 位小數）：{ $status }
    所有者：           { $owner }
    保證金：           { $deposit }
    流通積分：         { $outstanding }
    註冊高度：         { $registered }
    已在高度 { $height }（{ $hash }）證明
swap-side-sell = 賣出積分換 POINT
swap-side-buy = 用 POINT 買入積分
swap-review = { $side }，商家 { $merchant }：
    您支付：           { $pay }
    您收到：           { $receive }
    最少收到：         { $min_receive }（滑價容忍度 { $slippage } 個基點；低於此數鏈會拒絕兌換）
    匯率：             1 { $symbol } = { $bid } POINT（回收價）/ { $ask } POINT（發行價）；此次使用 { $rate_side ->
        [bid] 回收價
       *[other] 發行價
    }
    實際價格：         1 { $symbol } = { $effective } POINT（含費用）
    按中間價：         { $at_mid }；此次相對中間價成本 { $cost_mid }（{ $cost_mid_bps } 個基點）
    手續費模式：       { $mode }
    兌換手續費：       { $exchange_fee }（歸平台）
    網路手續費：       { $network_fee }
    提領手續費：       { $withdrawal_fee }（若將 POINT 提現為法幣）
    往返成本：         立即換回可得 { $round_back }，成本 { $round_cost }（{ $round_bps } 個基點）
    限額：             至少 { $minimum }，步長 { $increment }；商家保證金 { $deposit }
    您的餘額：         { $balance }
    匯率來源：         第 { $version } 版，於高度 { $set_at } 設定，已在高度 { $height }（{ $hash }）證明
    截止：             高度 { $deadline }；此報價可在 { $seconds } 秒內確認
swap-irreversible = 兌換一旦進入區塊便無法撤銷。
swap-confirm = 確認兌換？輸入 y 確認：{" "}
swap-cancelled = 未進行任何兌換。
swap-receipt = 兌換完成，與報價完全一致：支付 { $paid }，收到 { $received }（最少 { $min_receive }）。
    兌換手續費 { $exchange_fee }，網路手續費 { $network_fee }，匯率第 { $version } 版
    交易 { $tx } 已證明包含在高度 { $height }，位置 { $index }（{ $hash }）
    之後的餘額（已在高度 { $balances_height } 證明）：{ $balance_in } 和 { $balance_out }
swap-receipt-differs = 兌換完成，但與報價不一致：支付 { $paid }，報價 { $quoted }，收到 { $received }（最少 { $min_receive }）。
    兌換手續費 { $exchange_fee }，網路手續費 { $network_fee }，匯率第 { $version } 版
    交易 { $tx } 已證明包含在高度 { $height }，位置 { $index }（{ $hash }）
    之後的餘額（已在高度 { $balances_height } 證明）：{ $balance_in } 和 { $balance_out }
pay-payee-merchant = { $name } [{ $id }]，已註冊商家（{ $status }），已證明
pay-payee-not-merchant = 警告：此地址不屬於任何註冊商家。請僅在您確知對方身分時付款。
pay-review = 請核對付款：
    收款方：         { $to }
    收款人：         { $payee }
    對方標籤：       { $label }（商家自己的說法，未經證明）
    訂單 / 備註：    { $memo }（隨付款記錄在鏈上）
    金額：           { $amount }
    網路手續費：     { $network_fee }
    您的餘額：       { $balance }（已在高度 { $height } 證明）；付款後 { $remaining }
    請求過期時間：   { $expires }
pay-confirm = 確認付款？輸入 y 確認：{" "}
pay-cancelled = 未付款。
pay-receipt = 已向 { $to } 支付 { $amount }（備註 { $memo }）。
    交易 { $tx } 已證明包含在高度 { $height }（{ $hash }）；您的餘額現為 { $balance }
cli-pay-no-request-in-picture = 圖片中沒有找到收款請求（jifen: 碼）。
request-png-written = QR 碼已寫入 { $path }。
request-any-amount = 任意數量的 { $asset }（由付款人填寫）
request-shown = 向 { $to } 收取 { $amount }（備註 { $memo }）的收款請求。請向付款人出示此碼：
withdraw-review = 請核對提領：
    提領：           { $amount }（在鏈上銷毀）
    提領手續費：     { $fee }（{ $fee_bps } 個基點，至少 { $fee_min }）
    到帳：           法幣 { $payout }，付至參考“{ $reference }”
    網路手續費：     { $network_fee }
    您的餘額：       { $balance }（已在高度 { $height } 證明）；提領後 { $remaining }
withdraw-confirm = 確認提領？輸入 y 確認：{" "}
withdraw-cancelled = 未提領。
merchant-action-set-rate = 公布新匯率
merchant-action-issue = 發行積分
merchant-action-top-up = 追加保證金
merchant-action-withdraw-deposit = 提取保證金
merchant-action-review = 請核對：為 { $merchant } { $action }
    新匯率：         { $rate }
    給：             { $to }
    數量：           { $amount }
    保證金：         現為 { $deposit }，之後 { $deposit_after }（須保留 { $required }）
    網路手續費：     { $network_fee }
    已在高度 { $height } 證明
merchant-action-confirm = 確認執行？輸入 y 確認：{" "}
merchant-action-cancelled = 未執行任何操作。
request-waiting = 最多等待 { $seconds } 秒，直到付款得到證明……
request-paid = 已收款：{ $from } 支付 { $amount }（備註 { $memo }），交易 { $tx } 已證明包含在高度 { $height }（{ $hash }）。
request-not-paid = 在 { $seconds } 秒內沒有證明到對應此請求的付款。請求在過期前仍然有效。
history-header = { $address } 的記錄：共 { $total } 筆，已在高度 { $height }（{ $hash }）證明完整。最新的在前：
history-entry = #{ $index } 高度 { $height }  { $kind }  { $moves }  對方 { $party }  備註 { $memo }  （{ $tx }）
history-entry-failed = #{ $index } 高度 { $height }  { $kind } 失敗（代碼 { $code }），只扣了手續費：{ $moves }  （{ $tx }）
history-older = 另有 { $count } 筆較早的記錄已檢查但未顯示（--limit 可顯示更多）。
history-kind-transfer = POINT 轉帳
history-kind-transfer-asset = 付款
history-kind-swap = 兌換
history-kind-withdraw = 提領
history-kind-mint = 鑄造 POINT
history-kind-points-issue = 發行積分
history-kind-deposit-top-up = 追加保證金
history-kind-deposit-withdraw = 提取保證金
history-kind-merchant-register = 商家註冊
history-kind-council-vote = 理事會投票
history-kind-rate-set = 新匯率
history-kind-bond = 質押
history-kind-unbond = 解除質押
receipt-header = 交易 { $tx }，已證明包含在高度 { $height }（{ $hash }）：
receipt-bundle-written = 收據已作為稽核包寫入 { $path }（{ $headers } 個已驗證區塊頭）；任何人都可以用「jifen verify-bundle」離線核驗。
bundle-transaction = 它證明交易 { $tx }（{ $kind }，由 { $sender } 發送）位於區塊 { $height } 的第 { $index } 位，結果代碼 { $code }（0：成功）。
cli-tx-id-malformed = 「{ $text }」不是交易編號（64 位十六進位數字）。
history-peer-lied = 它提供的記錄與已證明的帳戶不符（有條目被遺漏、新增、竄改或順序錯亂）。{ $reason }
