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

## Help of the points commands
help-points = 列出您持有的 POINT 和各商家積分，每筆餘額都已證明。
help-points-wallet = 錢包名稱（只有一個錢包時可省略）。
help-points-address = 改用任意地址，而非錢包的地址。
help-points-index = 錢包的收款地址序號。
help-points-all = 同時列出您未持有其積分的商家。
help-points-json = 輸出機器可讀的格式。
help-merchants = 列出已註冊商家及其目前匯率（已證明）。
help-merchants-json = 輸出機器可讀的格式。
help-merchant = 查看商家及其匯率歷史；管理您自己的商家。
help-quote = 為商家積分與 POINT 之間的兌換報價（不簽名）。
help-quote-wallet = 錢包名稱（只有一個錢包時可省略）。
help-quote-merchant = 商家：編號、M1、M2……或代號（TEA）。
help-quote-side = sell：賣出積分換 POINT；buy：用 POINT 買入積分。
help-quote-amount = 數量，以該資產的單位計。
help-quote-slippage_bps = 滑價容忍度，單位為基點（預設 0：匯率版本已固定）。
help-quote-index = 錢包的收款地址序號。
help-quote-json = 輸出機器可讀的格式。
help-swap = 按已證明的報價在商家積分與 POINT 之間雙向兌換。
help-swap-wallet = 錢包名稱（只有一個錢包時可省略）。
help-swap-merchant = 商家：編號、M1、M2……或代號（TEA）。
help-swap-side = sell：賣出積分換 POINT；buy：用 POINT 買入積分。
help-swap-amount = 數量，以該資產的單位計。
help-swap-slippage_bps = 滑價容忍度，單位為基點（預設 0：匯率版本已固定）。
help-swap-index = 錢包的收款地址序號。
help-swap-password_fd = 從此檔案描述符讀取錢包密碼。
help-swap-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-swap-yes = 不詢問確認。
help-swap-timeout = 等待打包證明的秒數。
help-swap-no_keyring = 不嘗試作業系統鑰匙圈。
help-swap-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-swap-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
help-pay = 支付收款請求（jifen: 連結或其 QR 碼圖片）。
help-pay-wallet = 錢包名稱（只有一個錢包時可省略）。
help-pay-request = 收款請求（jifen:...）。
help-pay-qr = 改為從 QR 碼圖片（PNG 或 JPEG）讀取請求。
help-pay-amount = 數量，以該資產的單位計。
help-pay-index = 錢包的收款地址序號。
help-pay-password_fd = 從此檔案描述符讀取錢包密碼。
help-pay-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-pay-yes = 不詢問確認。
help-pay-timeout = 等待打包證明的秒數。
help-pay-no_keyring = 不嘗試作業系統鑰匙圈。
help-pay-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-pay-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
help-request-payment = 產生收款請求（連結和 QR 碼），收款到您的地址。
help-request-payment-wallet = 錢包名稱（只有一個錢包時可省略）。
help-request-payment-asset = POINT，或某商家的積分（編號、M1、M2……或代號）。
help-request-payment-amount = 數量，以該資產的單位計。
help-request-payment-memo = 訂單號或備註，記錄在鏈上（最多 128 位元組）。
help-request-payment-label = 付款人錢包顯示的您的名稱。
help-request-payment-expires_in = 請求可支付的秒數。
help-request-payment-index = 錢包的收款地址序號。
help-request-payment-png = 將 QR 碼寫入 PNG 檔。
help-request-payment-wait = 然後等待（最多這麼多秒）直到付款得到證明。
help-request-payment-json = 輸出機器可讀的格式。
help-history = 查看您的 POINT 和積分記錄：已證明完整，每筆都已證明包含在區塊中。
help-history-wallet = 錢包名稱（只有一個錢包時可省略）。
help-history-address = 改用任意地址，而非錢包的地址。
help-history-index = 錢包的收款地址序號。
help-history-limit = 證明並顯示最新的多少筆記錄（最多 200）。
help-history-json = 輸出機器可讀的格式。
help-receipt = 查看已證明包含的交易，並匯出為稽核包。
help-receipt-wallet = 錢包名稱（只有一個錢包時可省略）。
help-receipt-tx_id = 交易編號（十六進位）。
help-receipt-index = 錢包的收款地址序號。
help-receipt-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-receipt-json = 輸出機器可讀的格式。
help-withdraw = 將 POINT 提領為法幣（鏈上銷毀，鏈下扣除手續費後支付）。
help-withdraw-wallet = 錢包名稱（只有一個錢包時可省略）。
help-withdraw-amount = 數量，以該資產的單位計。
help-withdraw-reference = 付款參考（法幣去向；在鏈上公開）。
help-withdraw-index = 錢包的收款地址序號。
help-withdraw-password_fd = 從此檔案描述符讀取錢包密碼。
help-withdraw-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-withdraw-yes = 不詢問確認。
help-withdraw-timeout = 等待打包證明的秒數。
help-withdraw-no_keyring = 不嘗試作業系統鑰匙圈。
help-withdraw-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-withdraw-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
help-merchant-show = 查看商家及其匯率歷史（已證明）。
help-merchant-show-merchant = 商家：編號、M1、M2……或代號（TEA）。
help-merchant-show-rates = 顯示多少個匯率版本（最新的在前）。
help-merchant-show-json = 輸出機器可讀的格式。
help-merchant-rate = 公布新的匯率版本（所有者）。
help-merchant-rate-set = 公布新的匯率版本。
help-merchant-rate-set-wallet = 錢包名稱（只有一個錢包時可省略）。
help-merchant-rate-set-merchant = 商家：編號、M1、M2……或代號（TEA）。
help-merchant-rate-set-mode = 手續費模式：settlement（結算）或 spread（價差）。
help-merchant-rate-set-bid = 回收每個積分支付的 POINT（價差模式：中間價）。
help-merchant-rate-set-ask = 發行每個積分收取的 POINT（價差模式：與 --bid 相同）。
help-merchant-rate-set-fee_bps = 兌換手續費，單位為基點（價差模式；結算模式為 0）。
help-merchant-rate-set-sell_min = 最小賣出數量（積分）。
help-merchant-rate-set-sell_step = 賣出步長（積分）。
help-merchant-rate-set-buy_min = 最小買入金額（POINT）。
help-merchant-rate-set-buy_step = 買入步長（POINT）。
help-merchant-rate-set-valid_for = 匯率保持有效的區塊數。
help-merchant-rate-set-index = 錢包的收款地址序號。
help-merchant-rate-set-password_fd = 從此檔案描述符讀取錢包密碼。
help-merchant-rate-set-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-merchant-rate-set-yes = 不詢問確認。
help-merchant-rate-set-timeout = 等待打包證明的秒數。
help-merchant-rate-set-no_keyring = 不嘗試作業系統鑰匙圈。
help-merchant-rate-set-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-merchant-rate-set-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
help-merchant-issue = 向顧客發行積分（所有者）。
help-merchant-issue-wallet = 錢包名稱（只有一個錢包時可省略）。
help-merchant-issue-merchant = 商家：編號、M1、M2……或代號（TEA）。
help-merchant-issue-to = 顧客的地址。
help-merchant-issue-amount = 數量，以該資產的單位計。
help-merchant-issue-index = 錢包的收款地址序號。
help-merchant-issue-password_fd = 從此檔案描述符讀取錢包密碼。
help-merchant-issue-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-merchant-issue-yes = 不詢問確認。
help-merchant-issue-timeout = 等待打包證明的秒數。
help-merchant-issue-no_keyring = 不嘗試作業系統鑰匙圈。
help-merchant-issue-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-merchant-issue-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
help-merchant-deposit = 追加或提取 POINT 保證金（所有者）。
help-merchant-deposit-top-up = 向保證金追加 POINT。
help-merchant-deposit-top-up-wallet = 錢包名稱（只有一個錢包時可省略）。
help-merchant-deposit-top-up-merchant = 商家：編號、M1、M2……或代號（TEA）。
help-merchant-deposit-top-up-amount = 數量，以該資產的單位計。
help-merchant-deposit-top-up-index = 錢包的收款地址序號。
help-merchant-deposit-top-up-password_fd = 從此檔案描述符讀取錢包密碼。
help-merchant-deposit-top-up-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-merchant-deposit-top-up-yes = 不詢問確認。
help-merchant-deposit-top-up-timeout = 等待打包證明的秒數。
help-merchant-deposit-top-up-no_keyring = 不嘗試作業系統鑰匙圈。
help-merchant-deposit-top-up-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-merchant-deposit-top-up-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
help-merchant-deposit-withdraw = 從保證金中取出 POINT（不低於須保留的數額）。
help-merchant-deposit-withdraw-wallet = 錢包名稱（只有一個錢包時可省略）。
help-merchant-deposit-withdraw-merchant = 商家：編號、M1、M2……或代號（TEA）。
help-merchant-deposit-withdraw-amount = 數量，以該資產的單位計。
help-merchant-deposit-withdraw-index = 錢包的收款地址序號。
help-merchant-deposit-withdraw-password_fd = 從此檔案描述符讀取錢包密碼。
help-merchant-deposit-withdraw-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-merchant-deposit-withdraw-yes = 不詢問確認。
help-merchant-deposit-withdraw-timeout = 等待打包證明的秒數。
help-merchant-deposit-withdraw-no_keyring = 不嘗試作業系統鑰匙圈。
help-merchant-deposit-withdraw-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-merchant-deposit-withdraw-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
