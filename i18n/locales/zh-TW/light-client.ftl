## light-client: light client errors (lc-*), sync/status/balance/send CLI messages (zh-TW)

# --- WALLET-CHAIN begin ---

## 輕客戶端指令的說明

help-sync = 驗證鏈上區塊頭直到最新高度（輕客戶端：未經驗證的資料一概不信任）。
help-sync-network = 網路：devnet（預設）、testnet 或 mainnet。
help-status = 顯示輕客戶端信任的內容：區塊頭、節點及其狀態、最近一次交叉核對、證據檔案。
help-status-network = 網路：devnet（預設）、testnet 或 mainnet。
help-status-json = 機器可讀的輸出。
help-balance = 顯示經已驗證區塊頭證明的餘額。
help-balance-wallet = 錢包名稱（只有一個錢包時可省略）。
help-balance-address = 查詢任意位址，而非錢包自己的位址。
help-balance-index = 錢包收款位址的序號。
help-balance-json = 機器可讀的輸出。
help-send = 傳送 POINT：核對、確認、簽署、廣播，然後等待其上鏈獲得證明。
help-send-wallet = 錢包名稱（只有一個錢包時可省略）。
help-send-password_fd = 從此檔案描述符讀取密碼（或設定 JIFEN_PASSWORD）。
help-send-to = 收款位址。
help-send-amount = 金額，單位 POINT，最多 6 位小數（例如 2.5）。
help-send-fee = 手續費，單位 POINT（預設為最低值 0.001）。
help-send-index = 付款所用收款位址的序號。
help-send-yes = 不再詢問確認（供指令碼使用）。
help-send-timeout = 等待上鏈證明的秒數。
help-send-no_keyring = 不使用作業系統鑰匙圈，直接詢問密碼。
help-export-bundle = 寫出可離線核驗、證明帳戶餘額的稽核包。
help-export-bundle-wallet = 錢包名稱（只有一個錢包時可省略）。
help-export-bundle-address = 任意位址，而非錢包自己的位址。
help-export-bundle-index = 錢包收款位址的序號。
help-export-bundle-out = 要寫出的稽核包檔案。
help-verify-bundle = 離線核驗稽核包（不連網）。
help-verify-bundle-network = 網路：devnet（預設）、testnet 或 mainnet。
help-verify-bundle-checkpoint = 信任此區塊頭（高度:雜湊），而非本機的信任根。
help-verify-bundle-address = 稽核包必須證明的位址。
help-verify-bundle-file = 稽核包檔案。
help-verify-evidence = 依本機已驗證的驗證者集合離線核驗分叉證據檔案。
help-verify-evidence-network = 網路：devnet（預設）、testnet 或 mainnet。
help-verify-evidence-file = 證據檔案。
help-endpoints = 顯示或變更所用節點（主節點、見證節點）及檢查點。
help-endpoints-network = 網路：devnet（預設）、testnet 或 mainnet。
help-endpoints-primary = 將此節點設為主節點：URL（https://…）或 P2P 節點位址（/ip4/…/tcp/…/p2p/…）。
help-endpoints-witness = 新增見證節點：URL 或 P2P 節點位址，可重複使用。
help-endpoints-clear_witnesses = 移除所有見證節點。
help-endpoints-checkpoint = 先信任此區塊頭（高度:雜湊），而非創世區塊。
help-endpoints-clear_checkpoint = 恢復為首次使用時信任創世區塊。
help-endpoints-trust_cert = 除系統憑證外，為該網路的 https:// 節點信任此檔案中的 PEM 憑證（例如你自己節點的 CA），可重複使用。
help-endpoints-untrust_certs = 不再信任以 --trust-cert 新增的憑證（系統憑證不受影響）。
help-endpoints-reset = 恢復該網路的預設設定。

## 輕客戶端指令：進度與結果

sync-phase-bootstrapping = 核對信任根
sync-phase-syncing = 驗證區塊頭
sync-phase-cross-checking = 與見證節點交叉核對
sync-phase-done = 完成
sync-progress-message = { $phase } · 高度 { $height }/{ $target } · 已取 { $headers } 個區塊頭 · { $peers } 個節點 · 預計剩餘 { $eta }
sync-progress-line = 同步：{ $phase }，高度 { $height }/{ $target }，已取 { $headers } 個區塊頭，{ $peers } 個節點，預計剩餘 { $eta }
sync-peer-demoted = ⚠ 節點 { $peer } 傳送了無效資料，已停止使用：{ $reason }
sync-peer-state = 節點 { $peer }：{ $state }
sync-primary-changed = 主節點已切換為 { $peer }。
sync-evidence-written = ⚠ 分叉證據已寫入 { $path }
sync-done = 已驗證至高度 { $height }（區塊 { $hash }）：從 { $primary } 取得 { $headers } 個區塊頭，{ $witnesses } 個見證節點一致，耗時 { $millis } 毫秒。
sync-tip-old = ⚠ 節點提供的最新區塊已是 { $minutes } 分鐘前的：鏈可能已停滯，或所有節點都落後。餘額以該區塊為準。
status-network = 網路 { $network }（鏈 { $chain }）
status-trusted = 受信任區塊頭：高度 { $height }，區塊 { $hash }，時間 { $time }
status-not-synced = 尚未驗證任何區塊頭：請執行 "jifen sync"。
status-tip-old = ⚠ 可信區塊頭已是 { $minutes } 分鐘前的：餘額可能已過時。請執行 "jifen sync"；若仍然過舊，表示鏈已停滯或節點已停止回應。
status-root-checkpoint = 信任根：你設定的檢查點 { $checkpoint }
status-root-genesis = 信任根：創世區塊 { $checkpoint }，首次使用時取得；{ $agreed } 個見證節點提供了相同的區塊
status-root-genesis-unwitnessed = ⚠ 信任根：創世區塊 { $checkpoint }，首次使用時僅從主節點取得，沒有見證節點提供相同的區塊。請新增見證節點（"jifen endpoints --witness URL"），或設定從可信來源取得的檢查點（"jifen endpoints --checkpoint 高度:雜湊"）。
status-root-genesis-earlier = 信任根：創世區塊 { $checkpoint }，在先前的工作階段中首次使用時取得
status-role-primary = 主節點
status-role-witness = 見證節點
status-peer = 節點 { $peer }（{ $role }）：{ $state }
status-peer-active = 使用中
status-peer-lagging = 落後，位於高度 { $height }
status-peer-unreachable = 無回應：{ $reason }
status-peer-demoted = 已停用：{ $reason }
status-cross-check = 最近交叉核對：高度 { $height }，{ $agreed } 個見證節點一致，{ $lagging } 個落後
status-no-cross-check = 本次工作階段尚無交叉核對（status 不聯繫節點；請執行 "jifen sync"）。
status-no-evidence = 沒有分叉證據。
status-evidence = ⚠ 分叉證據：{ $path }
balance-line = { $address }：{ $amount }，已於高度 { $height } 證明（區塊 { $hash }）
send-review = 請核對這筆轉帳：
    付款方：{ $from }
    收款方：{ $to }
    金額：  { $amount }
    手續費：{ $fee }
    合計：  { $total }
    餘額：  { $balance }（已於高度 { $height } 證明）
    鏈 { $chain } 上的序號 { $nonce }
send-confirm = 確認傳送？輸入 y 確認：{" "}
send-cancelled = 未傳送。
send-broadcast = 已作為交易 { $id } 傳送到網路，正在等待上鏈證明……
send-included = 已包含在區塊 { $height } 的第 { $index } 位，並已對照已驗證的區塊頭 { $hash } 證明。
cli-send-needs-confirmation = 傳送需要確認：請在終端機執行、加上 --interactive，或在核對上方資訊後加上 --yes。
bundle-written = { $address } 的稽核包（{ $headers } 個區塊頭）已寫入 { $path }。
bundle-valid = 稽核包有效：從信任根 { $root } 起驗證了 { $headers } 個區塊頭，直到高度 { $height }（區塊 { $hash }）。
bundle-account = 帳戶 { $key }：餘額 { $amount }，序號 { $nonce }，已於高度 { $height } 證明
bundle-no-value = 該稽核包只證明區塊頭（不含帳戶數值）。
evidence-valid = 分叉證據有效，高度 { $height }：{ $count } 個受信任的驗證者（投票權 { $power }/{ $total }）同時簽署了區塊 { $first } 與 { $second }。其位址：
help-store = 本機輕客戶端儲存：重新驗證其中的全部內容，或解除釘選。
help-store-verify = 從信任根出發重新驗證儲存的每個區塊（離線）。
help-store-verify-network = 網路：devnet（預設）、testnet 或 mainnet。
help-store-verify-json = 輸出機器可讀的格式。
help-store-unpin = 解除一組釘選的區塊（分叉證據或匯出的稽核包）。
help-store-unpin-network = 網路：devnet（預設）、testnet 或 mainnet。
help-store-unpin-id = 釘選項的 ID（即其檔名，見 store verify 的列表）。
store-valid = 本機輕客戶端儲存驗證通過：{ $blocks } 個區塊、{ $commits } 組簽章已核對，從信任根 { $root } 到高度 { $height }（{ $hash }）；其中 { $pivots } 個為必要的銜接區塊，共 { $kib } KiB。{ $pins ->
        [0] 沒有釘選項。
       *[other] 釘選項（{ $pins }）：
    }
store-empty = 本機輕客戶端儲存為空（尚未同步）。
store-pin = { $id }（{ $kind }）：高度 { $heights }
store-unpinned = 已解除釘選 { $id }（{ $count } 個區塊）；下次同步時將不再保留。
endpoints-saved = { $network } 的設定已儲存。
endpoints-primary = 主節點：{ $url }
endpoints-witness = 見證節點：{ $url }
endpoints-none = 尚未設定節點：請用 --primary URL 設定。
endpoints-checkpoint = 檢查點：{ $checkpoint }
endpoints-genesis = 檢查點：無（首次使用時信任創世區塊）
endpoints-trusted-certificates = https:// 節點的額外信任憑證：除系統憑證外 { $count } 個
endpoints-in-use = 本次執行改用 { $urls }（JIFEN_ENDPOINTS）；未設定時使用上面儲存的節點。

## 鏈錯誤（chain-*）

chain-endpoint-unparsable = 「{ $url }」不是節點位址（URL）。
chain-endpoint-no-scheme = 「{ $url }」開頭缺少 http:// 或 https://。
chain-endpoint-scheme = 「{ $url }」使用了「{ $scheme }」；節點位址應以 http:// 或 https:// 開頭。
chain-endpoint-extra = 「{ $url }」包含使用者名稱、密碼、查詢參數或片段，請移除。
chain-endpoint-plain-http = 僅 devnet 允許以明文 http 連線其他電腦（「{ $url }」）；在 { $network } 上請使用 https:// 或本機節點。
chain-endpoint-duplicate = 節點「{ $url }」重複列出。
chain-endpoint-too-many = 最多 { $max } 個節點（一個主節點加見證節點）。
p2p-address-unparsable = 「{ $address }」不是節點位址（{ $reason }）。格式如 /ip4/203.0.113.5/tcp/27660/p2p/12D3KooW…
p2p-address-no-peer-id = 節點位址「{ $address }」沒有指明節點：它必須以 /p2p/ 加節點的 peer id 結尾。
p2p-address-unsupported = 無法連線「{ $address }」：請使用 /ip4、/ip6 或 /dns 加主機，再加 /tcp/ 與連接埠，最後加 /p2p/ 與 peer id。
chain-no-endpoints = 尚未為 { $network } 設定節點：請執行「jifen endpoints --network { $network } --primary URL」。
chain-settings-io = 無法讀寫鏈設定 { $path }：{ $reason }
chain-settings-corrupt = 鏈設定 { $path } 已損壞（{ $detail }）；請修復或刪除該檔案（其中可能有你的檢查點）。
chain-settings-version = 鏈設定的格式為 { $found }，本版積分錢包只能讀取 { $supported }。請更新。
chain-amount-malformed = 「{ $text }」不是金額，請寫成 2.5 這樣的形式。
chain-amount-too-many-decimals = 「{ $text }」的小數超過 { $max } 位；POINT 只有 { $max } 位小數。
chain-amount-overflow = 金額過大。
chain-amount-zero = 金額必須大於零。
chain-fee-too-low = 手續費 { $got } 低於最低值 { $minimum }。
chain-insufficient-balance = 餘額 { $balance }（已於高度 { $height } 證明）不足以支付金額加手續費 { $needed }。
chain-wrong-network = 錢包屬於 { $wallet }，但鏈工作階段屬於 { $session }。
chain-inclusion-timeout = 交易 { $id } 在 { $seconds } 秒內未能證明已上鏈。它仍可能上鏈：稍後用「jifen balance」查看。
chain-cancelled = 已取消。
chain-tx-failed = 交易 { $id } 已於高度 { $height } 上鏈但執行失敗（代碼 { $code }），手續費已扣除。
chain-file-io = 無法讀寫 { $path }：{ $reason }
chain-bundle-other-account = 該稽核包證明的不是 { $address } 的帳戶。
chain-bundle-not-account = 稽核包證明的數值不是帳戶紀錄。
chain-no-trusted-header = 在高度 { $height } 沒有可供對照的已驗證區塊頭：請先執行「jifen sync」，或提供 --checkpoint。
chain-foreign-chain = 該檔案屬於鏈 { $got }，而非 { $expected }。
chain-tx-rejected = 節點拒絕了該交易：{ $reason ->
      [tx-nonce-too-low] 此位址的另一筆交易已被接受，請同步後重試。
      [tx-nonce-gap] 此位址的前一筆交易仍在等待中。
      [tx-insufficient-balance] 餘額不足以支付金額加手續費。
      [tx-fee-too-low] 手續費低於該節點的最低值。
      [tx-already-known] 同一筆交易已在等待中。
      [mempool-full] 節點忙碌中，請稍後重試。
      [tx-bad-signature] 簽章無法驗證。
      [tx-wrong-chain-id] 該交易屬於其他鏈。
     *[other] { $reason }（{ $detail }）。
    }
chain-key-mismatch = 位址 { $index } 的金鑰不是該交易的付款方。

## 輕客戶端錯誤（lc-*）

lc-bundle-decode = 稽核包中有無法解碼的區塊。
lc-bundle-hex = 稽核包中有不是十六進位的資料。
lc-bundle-invalid = 稽核包中有區塊無法通過驗證：稽核包被竄改或偽造。
lc-bundle-json = 該檔案不是有效的稽核包。
lc-bundle-link-broken = 稽核包中高度 { $height } 的區塊頭不是其上方區塊頭的父塊：稽核包被竄改。
lc-bundle-not-enough-trust = 稽核包中有區塊未獲足夠受信任驗證者簽署。
lc-bundle-proof-decode = 稽核包的最終證明無法解碼。
lc-bundle-proof-invalid = 稽核包的最終證明與已驗證區塊頭不符：數值被竄改。
lc-bundle-root = 稽核包的起點不是你信任的區塊頭。
lc-bundle-tx-id-mismatch = 稽核包聲明的是交易 { $expected }，證明的卻是 { $got }。
lc-bundle-tx-not-in-block = 稽核包中的交易不在區塊 { $height } 中：交易被竄改，或屬於別處。
lc-bundle-tx-result-not-in-block = 區塊 { $height } 記錄的該交易結果不是 { $code }：稽核包中的結果被竄改。
lc-bundle-tx-wrong-height = 稽核包的交易證明針對區塊 { $got }，但其區塊頭指向區塊 { $expected }。
lc-bundle-unknown-format = 該稽核包的格式本版本無法讀取。
lc-bundle-unknown-proof-kind = 稽核包最終證明的類型本版本無法核驗。
lc-cannot-bisect = 驗證無法再進一步拆分區間。
lc-cert-invalid = 第 { $index } 個憑證不是可用的 X.509 憑證（{ $reason }）。
lc-cert-none = 找不到憑證：請貼上以 -----BEGIN CERTIFICATE----- 開頭的 PEM 文字。
lc-cert-private-key = 此文字包含私密金鑰。只需提供節點的憑證（-----BEGIN CERTIFICATE-----），並妥善保管私密金鑰。
lc-cert-too-large = 憑證文字有 { $size } 位元組；最多接受 { $limit } 位元組。
lc-cert-too-many = 共 { $count } 個憑證；每個網路最多信任 { $max } 個。
lc-cert-unreadable = 憑證文字不是有效的 PEM（{ $reason }）。
lc-chain-id-mismatch = 區塊屬於另一條鏈。
lc-checkpoint-bad-hash = 檢查點的雜湊必須是 64 個十六進位字元。
lc-checkpoint-bad-height = 檢查點的高度必須是不小於 1 的數字。
lc-checkpoint-mismatch = 該區塊不是檢查點所指的區塊。
lc-checkpoint-missing-separator = 檢查點的寫法是 高度:雜湊。
lc-client-cancelled = 已取消；已完整驗證的部分會保留。
lc-client-evidence-write = 無法將分叉證據寫入 { $path }：{ $reason }
lc-client-fork-detected = 在高度 { $height } 發現分叉：兩個互相衝突的區塊都帶有效簽章。已保存證據；最後一次交叉核對之後的內容一概不信任。
lc-client-headers-withheld = 節點扣留了它聲稱擁有的區塊頭。
lc-client-history-not-prefix = 儲存的歷史位置（{ $len } 筆）不屬於該帳戶已證明的歷史（區塊 { $height } 時共 { $proven_len } 筆）；請重新讀取完整歷史。
lc-client-implausible-tip = 節點聲稱有 { $tip } 個區塊，超過自受信區塊頭以來任何鏈可能產生的數量（至多 { $limit }）；不再使用該節點。
lc-client-no-peer = 沒有節點給出正確回答：{ $peers }
lc-client-no-trusted-state = 尚未驗證任何內容；請執行「jifen sync」。
lc-client-primary-stale = 主節點遠遠落後於見證節點（過時）。
lc-client-proof-above-tip = 節點稱該交易在區塊 { $height } 中，高於它自己的最新高度 { $tip }。
lc-client-proof-below-root = 節點稱該交易在區塊 { $height } 中，低於你的信任根（區塊 { $root }），那裡的內容無從證明。
lc-client-root-unavailable = 嘗試 { $attempts } 次後，仍沒有節點提供信任根所在的區塊 { $height }（節點最高高度：{ $tip }）。如果你設定了檢查點，它可能高於所有節點的最新高度：請用「jifen endpoints」檢查它的高度。
lc-client-store-other-chain = 本機輕客戶端儲存屬於鏈 { $got }，而非 { $expected }。
lc-client-tx-not-proven = 暫無節點能在已驗證的區塊中證明交易 { $id }；請在下一個區塊後重試。
lc-client-wrong-chain = 節點提供的是另一條鏈。
lc-commit-not-for-header = 該提交不屬於這個區塊頭。
lc-evidence-bad-address = 證據檔案中有無效的驗證者位址。
lc-evidence-decode = 證據檔案中的區塊無法解碼：檔案已損壞或被竄改。
lc-evidence-double-signers-mismatch = 證據檔案列出的雙重簽署者與其區塊不符：檔案被竄改。
lc-evidence-height-mismatch = 證據中的兩個區塊高度不同。
lc-evidence-hex = 證據檔案中有不是十六進位的資料。
lc-evidence-invalid-block = 證據中的區塊沒有有效簽章：檔案被竄改或偽造。
lc-evidence-json = 該檔案不是有效的分叉證據檔案。
lc-evidence-no-accountable-signers = 沒有你信任的驗證者同時簽署兩個區塊：該證據無法追究任何人。
lc-evidence-no-conflict = 證據中的兩個區塊是同一個區塊：並無分叉。
lc-evidence-unknown-format = 該證據檔案的格式本版本無法讀取。
lc-header-from-future = 區塊頭的時間在未來；請檢查本機時鐘。
lc-insufficient-quorum = 區塊未獲超過三分之二驗證者簽署。
lc-invalid-commit = 區塊的簽章無效。
lc-invalid-header = 區塊頭格式錯誤。
lc-next-validators-hash-mismatch = 下一組驗證者集合與區塊頭不符。
lc-non-increasing-height = 區塊高度沒有高於受信任的區塊。
lc-non-increasing-time = 區塊時間沒有晚於受信任的區塊。
lc-not-parent = 高度 { $height } 的區塊不是其上方受信鏈所指的區塊：受信高度以下存在分叉。
lc-nothing-pending = 沒有剩餘需要驗證的內容。
lc-parent-hash-mismatch = 區塊未鏈結到前一個區塊。
lc-peer-bad-envelope = 節點的回答不是正確的 JSON-RPC 回答。
lc-peer-bad-field = 節點的回答缺少欄位或欄位無效。
lc-peer-bad-frame = 節點的二進位輕區塊回答無效。
lc-peer-decode = 節點的回答中有無法解碼的資料。
lc-peer-height-unavailable = 節點沒有所請求的區塊。
lc-peer-http-status = 節點回傳了 HTTP 錯誤。
lc-peer-inconsistent = 節點的回答自相矛盾。
lc-peer-malformed-json = 節點的回答不是有效的 JSON。
lc-peer-redirect = 節點重新導向到另一個位址（{ $location }）；Jifen 不會跟隨重新導向。如果你信任該位址，請自行設定。
lc-peer-response-too-complex = 節點的回答包含的數值遠多於任何真實回答。
lc-peer-response-too-large = 節點的回答過大。
lc-peer-rpc-error = 節點回傳了非預期的錯誤。
lc-peer-timeout = 節點 { $peer } 未能及時回答。
lc-peer-tls = 與 { $peer } 的安全連線失敗：{ $problem ->
        [unknown-issuer] 其憑證由本機不信任的機構簽發（或為自我簽署憑證）。如果這是你自己的節點，請在該網路的設定中信任它的憑證。
        [wrong-name] 其憑證屬於另一個位址。請檢查位址，或使用憑證簽發時的名稱。
        [expired] 其憑證已過期。
        [not-yet-valid] 其憑證尚未生效（本機時鐘是否正確？）。
        [revoked] 其憑證已被撤銷。
        [ca-as-server] 它把 CA 憑證當作自己的憑證（「openssl req -x509」預設如此產生）。節點需要伺服器憑證：由該 CA 簽發的憑證，或 basicConstraints 為 CA:FALSE 的自我簽署憑證。
        [not-tls] 該位址不支援 https（是否為明文 http？）。
        [no-roots] 本機沒有根憑證；請在該網路的設定中信任節點的憑證。
       *[other] 其憑證未被接受或 TLS 交握失敗（{ $reason }）。如果這是你自己的節點，請在該網路的設定中信任它的憑證。
    }
lc-peer-tx-rejected = 節點拒絕了該交易（{ $reason }）。
lc-peer-unreachable = 無法連線節點 { $peer }（{ $reason }）。節點是否在執行？
lc-proof-bad-account = 經證明的帳戶紀錄格式錯誤。
lc-proof-index-mismatch = 交易證明指向兩個不同的位置。
lc-proof-result-not-in-block = 交易結果不在已驗證的區塊中。
lc-proof-state-invalid = 節點的狀態證明與已驗證區塊不符：該數值未獲證明。
lc-proof-tx-id-mismatch = 節點證明的不是所詢問的交易。
lc-proof-tx-not-in-block = 該交易不在已驗證的區塊中。
lc-proof-wrong-height = 節點的證明與已驗證區塊頭的高度不同。
lc-proof-wrong-key = 節點的證明針對的不是所詢問的紀錄。
lc-sequential-validators-mismatch = 驗證者集合與前一個區塊不銜接。
lc-source-failed = 節點未能提供區塊。
lc-source-wrong-height = 節點提供的區塊高度與請求不同。
lc-store-backend = 無法讀寫本機輕客戶端儲存（磁碟或權限問題？）。
lc-store-locked = 另一個 jifen（應用程式或指令）正在使用此網路的輕客戶端儲存；請關閉它後再試一次。
lc-store-unreadable = 本機輕客戶端儲存檔案已損壞，無法讀取；其中內容均不會被使用。請刪除 light.redb 後重新同步。
lc-store-broken-chain = 本機輕客戶端儲存有無法驗證的斷層；請刪除 light.redb 後重新同步。
lc-store-checkpoint-mismatch = 本機輕客戶端儲存的起點不是你的檢查點。
lc-store-corrupt = 本機輕客戶端儲存已損壞；請刪除 light.redb 後重新同步。
lc-store-format = 本機輕客戶端儲存由較新版本的 jifen 寫入（格式 { $found }，本版本只支援到 { $supported }）；請升級 jifen。
lc-store-unknown-pin = 本機輕客戶端儲存中沒有名為 { $id } 的釘選項（用 jifen store verify 檢視所有釘選項）。
lc-store-missing = 本機輕客戶端儲存缺少一個區塊。
lc-store-tampered = 本機輕客戶端儲存被竄改，無法通過驗證，其中內容一概不信任。請刪除 light.redb 後重新同步。
lc-store-wrong-height = 本機輕客戶端儲存中有區塊存放在錯誤的高度下。
lc-shape-not-consecutive = 用於離線最佳計算的鏈缺少高度：應為 { $expected }，實際為 { $got }。
lc-shape-time-not-increasing = 用於離線最佳計算的鏈在高度 { $height } 的區塊時間沒有遞增。
lc-shape-signer-out-of-range = 用於離線最佳計算的鏈在高度 { $height } 列出的簽署者 { $index } 不在其驗證人集合中。
lc-target-below-trusted = 請求的高度低於受信任的高度。
lc-trust-expired = 受信任的區塊頭過舊，無法據以驗證；請用「jifen endpoints --checkpoint」設定新的檢查點。
lc-trust-threshold-too-low = 信任門檻過低（至少三分之一）。
lc-validators-hash-mismatch = 驗證者集合與區塊頭不符。
lc-zero-trusting-period = 信任期必須大於零。

## JSON-RPC 線路格式（rpc-*，jifen-rpc-types）與節點測試用戶端（node-client-*）

rpc-field-missing = 節點的回答缺少欄位 { $field }。
rpc-field-wrong-type = 節點回答中的欄位 { $field } 必須是 { $expected }。
rpc-field-bad-text = 節點回答中的欄位 { $field } 必須是 { $expected }。
rpc-field-decode = 節點回答中的欄位 { $field } 無法解碼：{ $detail }
rpc-field-address = 欄位 { $field } 不是有效的位址：{ $detail }
rpc-field-inconsistent = 節點的回答自相矛盾：{ $field } 是 { $got }，應為 { $expected }。
rpc-frame-invalid = 節點的二進位輕區塊回答在第 { $offset } 位元組處無效：應為 { $expected }。
rpc-not-json = 節點的回答不是有效的 JSON。
rpc-not-an-object = 節點的回答不是 JSON-RPC 物件。
rpc-wrong-version = 節點的回答不是 JSON-RPC 2.0。
rpc-wrong-id = 節點的回答屬於另一個請求。
rpc-no-outcome = 節點的回答既沒有結果也沒有錯誤。
rpc-bad-error-object = 節點的錯誤回答缺少 { $missing }。
rpc-request-not-an-object = 請求不是 JSON 物件。
rpc-request-invalid = 請求不是有效的 JSON-RPC 2.0 請求。
rpc-request-params-not-object = 請求的參數必須按名稱給出（一個物件）。
node-client-transport = 無法連線節點，或節點未以 JSON-RPC 回答：{ $detail }
node-client-rpc = 節點回傳錯誤 { $number }：{ $detail }
node-client-wire = 節點的回答不符合文件所述的格式。

# --- WALLET-CHAIN end ---

## 錢包用例（鏈）
chain-no-such-review = 要確認的發送不是剛才審核的那一筆（已經發送過，或被新的審核取代）：請重新審核。
chain-nonce-used = 交易的 nonce { $nonce } 已被使用（帳戶的下一個 nonce 是 { $next }）：另一筆交易先到了。請重新審核。
chain-not-devnet = 水龍頭只在開發網（devnet）上提供，{ $network } 上沒有。
chain-wait-cancelled = 已停止等待交易 { $id }。它已經發出，仍可能被打包：餘額會反映出來。
chain-worker-stopped = 鏈上工作執行緒已停止（應用程式正在關閉）。
send-review-id = 審核編號 { $id }。

# Subchain audit (issue 13)
lc-peer-unsupported = 該節點不提供 { $method }。
lc-client-subchain-unknown = 沒有編號為 { $subchain } 的子鏈（已在驗證過的鏈頭證明）。
lc-client-subchain-record = 鏈上證明的子鏈 { $subchain } 記錄無法解碼（{ $reason }）；鏈本身已損壞。
lc-client-subchain-not-audited = 子鏈 { $subchain } 在高度 { $height } 尚未審計；請先審計。
lc-client-subchain-halted = 子鏈 { $subchain } 已在高度 { $height } 停止（其委員會簽署了兩個區塊頭）：從該高度起的資料都不可信。
subchain-state-invalid = { $peer } 證明的子鏈值與審計結果不符（{ $reason }）。
