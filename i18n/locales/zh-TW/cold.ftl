## cold: cold signing: review, pairing, QR CLI messages (zh-TW)

## 錢包種類
wallet-watch-only = 錢包「{ $name }」是唯讀錢包（觀察錢包），沒有私鑰可解鎖；請在它的離線簽章裝置上簽章。
list-watch-only =     👁 唯讀錢包：交易在離線裝置上簽章

## 拒絕與錯誤
cold-not-paired = 錢包「{ $wallet }」尚未配對任何鏈：請先為線上錢包匯出配對碼。
cold-wrong-chain = 已拒絕：請求所屬的鏈是「{ $got }」，但本裝置配對的鏈是「{ $paired }」。
cold-foreign-path = 已拒絕：請求的金鑰路徑 { $path } 不在本錢包的帳戶 { $account } 之內。
cold-foreign-address = 已拒絕：請求的簽章地址 { $got } 不是本裝置在該路徑上的地址 { $expected }。這筆請求不是發給本裝置的。
cold-unknown-kind = 已拒絕：本版本無法顯示交易類型 { $kind } 的內容，不會盲簽。請更新離線裝置。
cold-fingerprint-mismatch = 指紋「{ $typed }」與請求的指紋不符；未簽章。
cold-confirmation-mismatch = 這次確認屬於另一筆請求；未簽章。
cold-not-confirmed = 未確認，未簽章。
cold-bad-account-path = 帳戶路徑 { $path } 不是積分錢包的帳戶路徑（應為 m/44'/19014'/N'）。
cold-sender-not-in-wallet = 付款地址 { $address } 不是本錢包的第 { $index } 號地址。
cold-unknown-request = 已拒絕：請求 { $id } 不在本錢包的待簽請求中（可能已完成或已捨棄，或是另一筆請求的簽章）。
cold-bad-signature = 已拒絕：請求 { $id } 的簽章無法以配對的公鑰對這筆交易驗證通過（可能是另一把金鑰簽的）。
cold-not-signed = 請求 { $id } 還沒有被接受的簽章；請先執行 `jifen online accept`。
cold-qr-incomplete = 讀到的 QR 碼只包含 { $resolved }/{ $total } 個分片；請再掃描更多影格。
cold-input-io = 無法讀取 { $path }：{ $reason }
cold-storage-io = 無法{ $op }檔案 { $path }：{ $reason }
cold-record-corrupt = 紀錄 { $path } 已損毀：{ $detail }
cold-randomness = 系統亂數產生器出錯。
cold-confirmation-required = 沒有終端機可以詢問：請用 `--confirm-fingerprint` 提供請求的指紋以確認簽章（或加上 `--interactive`）。
cold-request-not-chosen = 有 { $count } 個已簽名的待簽請求，請指明要廣播哪一個。
cold-bad-request-id = 「{ $id }」不是請求編號。
cold-bad-fragment-size = 分片大小「{ $size }」無效：請用 small、medium 或 large。

## 進度與結果
cold-paired = 錢包「{ $wallet }」已配對鏈 { $chain }。請用線上錢包掃描下方的帳戶 QR 碼。
cold-pair-imported = 已匯入唯讀錢包「{ $name }」（{ $network }，鏈 { $chain }）。
cold-request-made = 已產生簽章請求 { $id }。請求指紋：{ $fingerprint }（請與離線裝置上顯示的核對）
cold-signed = 已簽章請求 { $id }（指紋 { $fingerprint }）。請用線上錢包掃描下方的簽章 QR 碼。
cold-signature-accepted = 已接受請求 { $id } 的簽章；交易 { $tx } 已驗證。
cold-syncing = 正在同步並驗證區塊頭……
cold-broadcast = 交易 { $tx } 已廣播，正在等待上鏈證明……
cold-included = 交易 { $tx } 已在高度 { $height } 上鏈（已用輕量用戶端驗證）。
cold-pending-none = 錢包「{ $wallet }」沒有待簽請求。
cold-pending-signed = 已簽章，待廣播
cold-pending-waiting = 等待簽章
cold-pending-row = { $id }  { $fingerprint }  { $state }
cold-discarded = 已捨棄待簽請求 { $id }（請求指紋：{ $fingerprint }）；本錢包不會再接受它的簽章。
cold-progress = QR 碼接收進度：{ $percent }%（{ $resolved }/{ $total } 個分片）
cold-no-code = 圖片 { $path } 中沒有可讀的 QR 碼，已略過。
cold-frame-ignored = 已忽略一個影格：{ $reason }
cold-frames-written = 已在 { $dir } 寫入 { $count } 個 QR 碼影格（{ $fragments } 個分片；動畫以每秒 { $fps } 格播放）。
cold-terminal-animated = 這是動態 QR 碼的第一格；全部影格在 { $dir } 中。
cold-amount = { $amount } { $asset }

## 審核
cold-review-title = 請核對這筆交易（確認前不會簽章）：
cold-review-line = { $label }：{ $value }
cold-review-fingerprint = 請求指紋：{ $fingerprint }（必須與線上錢包顯示的一致）
cold-confirm-prompt = 核對無誤後，請輸入指紋的前四個字元以簽章（直接按 Enter 取消）：
cold-review-kind = 交易類型
cold-review-amount = 金額
cold-review-recipient = 收款地址
cold-review-bond-amount = 質押金額
cold-review-unbond-amount = 解除質押金額
cold-review-fee = 手續費
cold-review-from = 付款地址（本裝置）
cold-review-path = 金鑰路徑
cold-review-chain = 鏈
cold-review-nonce = 序號（nonce）
cold-review-origin = 請求來源
cold-review-request-id = 請求編號
cold-kind-transfer = 轉帳
cold-kind-bond = 質押
cold-kind-unbond = 解除質押
cold-kind-unknown = 未知類型

## 指令說明
help-cold = 離線簽章裝置：透過 QR 碼配對與簽章（不連網）。
help-cold-pair-export = 為某條鏈配對本錢包，並把帳戶顯示為 QR 碼供線上錢包匯入。
help-cold-pair-export-wallet = 錢包名稱（只有一個錢包時可省略）。
help-cold-pair-export-chain_id = 本裝置簽章的鏈（例如 jifen-devnet）。
help-cold-pair-export-max_fragment = 本裝置相機能可靠讀取的最長 QR 碼分片（位元組）。
help-cold-pair-export-out = 把 QR 碼影格寫成 PNG 檔到此目錄。
help-cold-pair-export-terminal = 在終端機中畫出 QR 碼。
help-cold-sign = 從圖片或文字讀取簽章請求，審核後經確認再簽章。
help-cold-sign-wallet = 錢包名稱（只有一個錢包時可省略）。
help-cold-sign-password_fd = 從此檔案描述符讀取密碼（或設定 JIFEN_PASSWORD）。
help-cold-sign-no_keyring = 不使用作業系統鑰匙圈，直接詢問密碼。
help-cold-sign-confirm_fingerprint = 提供請求的指紋以確認，不再詢問（供指令稿使用）。
help-cold-sign-out = 把簽章 QR 碼寫成 PNG 檔到此目錄。
help-cold-sign-terminal = 在終端機中畫出簽章 QR 碼。
help-cold-sign-inputs = PNG/JPEG 影格、影格所在目錄，或 UR 文字檔（`-` 表示標準輸入）。
help-online = 線上錢包的離線簽章功能：配對、請求、接受簽章、廣播。
help-online-pair-import = 把離線裝置的帳戶 QR 碼匯入為唯讀錢包。
help-online-pair-import-name = 新唯讀錢包的名稱。
help-online-pair-import-inputs = 帳戶 QR 碼的 PNG/JPEG 圖片或文字檔（`-` 表示標準輸入）。
help-online-request = 產生一筆轉帳的簽章請求，並顯示為 QR 碼影格。
help-online-request-wallet = 唯讀錢包名稱（只有一個錢包時可省略）。
help-online-request-to = 收款地址。
help-online-request-amount = 金額，以 POINT 計（例如 12.5）。
help-online-request-fee = 手續費，以 POINT 計。
help-online-request-index = 付款地址序號。
help-online-request-nonce = 不連網時直接使用的序號（nonce）；預設透過已驗證的查詢取得。
help-online-request-fragment_size = 動畫影格的密度：small、medium 或 large（預設依裝置能讀取的）。
help-online-request-frames = 動態 QR 碼寫出的影格數（預設一輪：分片數的六倍，至少 30 格）。
help-online-request-out = 把 QR 碼影格寫成 PNG 檔到此目錄。
help-online-request-terminal = 在終端機中畫出 QR 碼（動畫只畫第一格）。
help-online-accept = 從圖片或文字讀取離線裝置的簽章並接受。
help-online-accept-wallet = 唯讀錢包名稱（只有一個錢包時可省略）。
help-online-accept-broadcast = 同時廣播並等待上鏈證明。
help-online-accept-inputs = 簽章 QR 碼的 PNG/JPEG 圖片或文字檔（`-` 表示標準輸入）。
help-online-broadcast = 廣播已接受簽章的請求，並等待上鏈取得證明。
help-online-broadcast-wallet = 唯讀錢包名稱（只有一個錢包時可省略）。
help-online-broadcast-request = 請求編號（預設：唯一一個已簽章的請求）。
help-online-broadcast-timeout = 等待上鏈的秒數。
help-online-pending = 列出待簽的請求。
help-online-pending-wallet = 唯讀錢包名稱（只有一個錢包時可省略）。
help-online-discard = 捨棄一個不會再簽章的待簽請求。
help-online-discard-wallet = 唯讀錢包名稱（只有一個錢包時可省略）。
help-online-discard-request_id = 請求編號（即 `jifen online pending` 列出的編號）。

## 錢包用例（冷簽名）
cold-no-review = 沒有已審核的請求可簽：請重新讀取待簽請求。
cold-no-code-found = { $count ->
   *[other] 在這 { $count } 張圖片或文字中沒有找到 QR 碼。
}
cold-pending-superseded = 其 nonce 已被使用，永遠不會被打包（請捨棄）
cold-pending-damaged = 紀錄已損毀（{ $reason }），可以捨棄

## 積分類交易的審核（issue 12）；「線上錢包聲稱」表示交易本身不約束的值
cold-context-mismatch = 已拒絕：線上錢包聲稱的內容與交易不符（{ $field }）。未顯示也未簽署；請重新產生請求。
cold-kind-mint = 鑄造 POINT
cold-kind-withdraw = 提領 POINT 為法幣
cold-kind-transfer-asset = 付款
cold-kind-merchant-register = 註冊商戶
cold-kind-council-vote = 理事會投票
cold-kind-rate-set = 設定兌換匯率
cold-kind-points-issue = 發行積分
cold-kind-deposit-top-up = 儲值保證金
cold-kind-deposit-withdraw = 提領保證金
cold-kind-swap = 兌換
cold-review-reference = 參考號
cold-review-withdraw-amount = 提領金額（銷毀）
cold-review-asset = 資產
cold-review-memo = 備註
cold-review-merchant = 商戶
cold-review-merchant-name = 商戶名稱
cold-review-symbol = 代號
cold-review-decimals = 小數位數
cold-review-deposit-amount = 保證金金額
cold-review-council-action = 投票
cold-review-rate-terms = 匯率（買價 / 賣價 / 分母）
cold-review-fee-mode = 費用模式
cold-review-fee-bps = 兌換費（基點）
cold-review-sell-min = 最小賣出量
cold-review-sell-increment = 賣出級距
cold-review-buy-min = 最小買入量
cold-review-buy-increment = 買入級距
cold-review-valid-until = 有效至區塊高度
cold-review-direction = 方向
cold-review-swap-pay = 支付
cold-review-swap-min-receive = 最少收到（否則兌換失敗）
cold-review-rate-version = 匯率版本
cold-review-deadline = 截止區塊高度
cold-review-claim-merchant = 商戶（線上錢包聲稱）
cold-review-claim-swap-receive = 預計收到（線上錢包聲稱；已依其匯率核對）
cold-review-claim-rate = 匯率 買價 / 賣價 / 分母（線上錢包聲稱）
cold-review-claim-fee-mode = 費用模式（線上錢包聲稱）
cold-review-claim-fee-bps = 兌換費基點（線上錢包聲稱）
cold-review-claim-exchange-fee = 兌換費（線上錢包聲稱；已依其匯率核對）
cold-review-claim-quote-expires = 報價有效至（線上錢包聲稱）
cold-review-claim-withdrawal-fee = 提領手續費（線上錢包聲稱）
cold-review-claim-payout = 法幣入帳（線上錢包聲稱；已核對手續費 + 入帳 = 金額）
cold-review-claims-note = 說明
cold-claims-note = 標有「線上錢包聲稱」的行不受交易約束；鏈上只保證支付金額、最少收到、匯率版本和截止高度。
cold-council-approve = 核准
cold-council-suspend = 暫停
cold-fee-mode-settlement = 結算模式（無兌換費）
cold-fee-mode-spread = 價差模式（平台收取費用）
cold-direction-sell = 賣出積分換 POINT
cold-direction-buy = 用 POINT 買入積分

# Subchains (issue 13)
cold-kind-subchain-register = 註冊子鏈
cold-kind-subchain-report = 回報子鏈區塊頭
cold-kind-subchain-retire = 註銷子鏈
cold-review-subchain = 子鏈
cold-review-subchain-name = 子鏈名稱
cold-review-subchain-consensus = 共識
cold-review-subchain-stake = 鎖定的押金
cold-review-subchain-height = 子鏈高度
cold-review-subchain-header = 區塊頭 ID
cold-review-party = 參與方
cold-review-party-name = 參與方名稱
cold-review-party-roles = 角色
cold-review-item = 商品（GTIN/序號）
cold-review-item-records = 已錨定記錄數
cold-review-item-root = 記錄根雜湊
cold-review-item-sale = 售出
cold-review-item-sale-note = 將此商品登記為由您售出（retail_selling）；同一序號再次售出即表示標籤被複製
cold-kind-party-register = 登記溯源參與方
cold-kind-item-anchor = 錨定商品記錄
cold-kind-item-sale = 登記商品售出
