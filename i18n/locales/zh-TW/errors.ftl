# 錯誤訊息，每個錯誤代碼一則（見 docs/adr/0003-i18n-fluent-codes.md）。

## Addresses

address-bad-checksum = 地址檢查碼不符：可能有字元輸入錯誤。
address-invalid-character = 地址第 { $position } 位的字元「{ $character }」無效。
address-missing-separator = 這不是積分鏈地址（缺少分隔符「1」）。
address-mixed-case = 地址中混用了大小寫字母。
address-not-bech32m = 此地址使用舊式檢查碼（bech32）；積分鏈地址使用 bech32m。
address-unknown-prefix = 前綴「{ $prefix }」不屬於積分鏈網路（jf、jft、jfd）。
address-wrong-length = 地址長度不對（資料部分 { $got } 個字元，應為 { $expected } 個）。
address-wrong-network = 這是 { $got } 網路的地址，不是 { $expected }。

## Payment requests (docs/payment-request.md)

payment-request-too-long = 收款碼內容過長（{ $got } 位元組，最多 { $max } 位元組）。
payment-request-wrong-scheme = 這不是積分鏈收款碼（應以「jifen:」開頭）。
payment-request-invalid-character = 收款碼含有不允許的字元（第 { $position } 位的「{ $character }」）。
payment-request-bad-percent-encoding = 收款碼已損壞：第 { $position } 位的「%」後面不是兩位十六進位數字。
payment-request-missing-recipient = 收款碼沒有寫明收款人。
payment-request-bad-address = 收款碼中的收款地址不是有效的積分鏈地址。
payment-request-malformed-parameter = 收款碼在第 { $position } 位附近已損壞（「{ $parameter }」）。
payment-request-duplicate-parameter = 收款碼中「{ $parameter }」出現了兩次。
payment-request-unknown-required-parameter = 收款碼要求「{ $parameter }」，目前版本的錢包無法識別。請更新錢包後再付款。
payment-request-missing-parameter = 收款碼缺少「{ $parameter }」。
payment-request-empty-value = 收款碼中的「{ $parameter }」為空。
payment-request-bad-chain-id = 收款碼中的鏈標識無效。
payment-request-unknown-asset = 收款碼要求支付「{ $given }」，它既不是 POINT，也不是商戶積分。
payment-request-bad-expiry = 收款碼的有效期「{ $given }」不是有效的時間。
payment-request-text-not-utf8 = 收款碼中的{ $field ->
    [memo] 備註
   *[label] 商戶名稱
  }不是有效的文字。
payment-request-text-too-long = 收款碼中的{ $field ->
    [memo] 備註
   *[label] 商戶名稱
  }過長（{ $got } 位元組，最多 { $max } 位元組）。
payment-request-text-control-character = 收款碼中的{ $field ->
    [memo] 備註
   *[label] 商戶名稱
  }含有隱藏的控制字元（第 { $position } 個字元 { $code_point }），可能被用來掩蓋真實的付款內容。
payment-request-wrong-chain = 這個收款碼屬於 { $got } 鏈，本錢包在 { $expected } 鏈上。請勿在此付款。
payment-request-wrong-network = 這個收款碼的收款地址屬於 { $got } 網路，本錢包在 { $expected } 網路上。
payment-request-expired = 這個收款碼已在 { $seconds } 秒前過期。請商戶重新出示收款碼。
decimal-amount-malformed = 「{ $given }」不是有效的金額：請只寫數字，最多一個小數點（例如 12.5）。
decimal-amount-negative = 金額「{ $given }」是負數。
decimal-amount-plus-sign = 金額「{ $given }」帶有「+」號。
decimal-amount-whitespace = 金額「{ $given }」中有空格。
decimal-amount-exponent = 金額「{ $given }」使用了科學記號；請寫出全部數字。
decimal-amount-zero = 金額為零。
decimal-amount-too-many-decimals = 金額 { $given } 有 { $got } 位小數，而該資產只有 { $max } 位。不四捨五入就無法支付。
decimal-amount-overflow = 金額 { $given } 過大。

## Protocol data

chain-id-empty = 鏈識別碼為空。
chain-id-invalid-character = 鏈識別碼只能包含 a-z、0-9 與「-」。
chain-id-too-long = 鏈識別碼超過 32 個字元。
commit-block-mismatch = 此提交證明屬於另一個區塊。
commit-height-mismatch = 此提交證明屬於另一個高度。
commit-index-out-of-range = 提交證明引用了不在驗證者集合中的驗證者。
commit-invalid-signature = 提交證明中有無效的驗證者簽章。
commit-no-signatures = 提交證明沒有任何簽章。
commit-not-sorted = 提交證明中的簽章未依規範排序。
decode-bad-tag = 資料格式錯誤：未知的標記位元組。
decode-invalid-value = 資料格式錯誤：某個欄位的值無效。
decode-length-out-of-bounds = 資料格式錯誤：長度超出範圍。
decode-trailing-bytes = 資料格式錯誤：結尾有多餘位元組。
decode-unexpected-end = 資料格式錯誤：資料提前結束。
decode-unknown-transaction-kind = 未知的交易類型；錢包版本可能過舊。
decode-unsupported-version = 不支援的資料版本；錢包版本可能過舊。
hash-invalid-hex = 雜湊值不是有效的十六進位。
hash-wrong-length = 雜湊值必須是 64 個十六進位字元。
header-missing-parent = 區塊頭缺少父區塊連結。
header-unexpected-parent = 第一個區塊頭不應有父區塊。
header-unsupported-version = 不支援的區塊頭版本。
header-zero-height = 區塊頭高度不能為 0。
key-not-compressed = 公鑰必須是壓縮格式（33 位元組）。
key-not-on-curve = 公鑰不是有效的 secp256k1 點。
key-wrong-length = 公鑰長度不對。
merkle-index-out-of-range = 默克爾證明指向樹外。
merkle-root-mismatch = 默克爾證明與已承諾的根不符。
merkle-wrong-path-length = 默克爾證明的步數不對。
network-unknown = 未知網路；請使用 mainnet、testnet 或 devnet。
asset-malformed = "{ $given }" 不是有效的資產：請寫 POINT，或 M 加商戶編號（例如 M3）。
signature-high-s = 簽章不是規範的低 S 形式。
signature-invalid = 簽章驗證失敗。
signature-r-out-of-range = 簽章的 r 值超出範圍。
signature-s-out-of-range = 簽章的 s 值超出範圍。
signature-wrong-length = 簽章必須是 64 位元組。
validator-address-mismatch = 某驗證者的地址與其公鑰不符。
validator-duplicate = 驗證者集合中有重複的驗證者。
validator-set-empty = 驗證者集合為空。
validator-set-not-sorted = 驗證者集合未依規範排序。
validator-set-power-too-large = 驗證者集合的總投票權過大。
validator-set-too-many = 驗證者集合成員過多。
validator-zero-power = 某驗證者的投票權為零。

state-proof-too-deep = 狀態證明無效：深度超過狀態樹。
state-proof-wrong-leaf = 狀態證明無效：未指向所查詢的紀錄。
state-proof-value-mismatch = 狀態證明無效：數值與證明不符。
state-proof-leaf-off-path = 狀態證明無效：不存在證明指向了無關紀錄。
state-proof-root-mismatch = 狀態證明無效：與已驗證的狀態根不符。

## Keys and mnemonics

hd-bad-extended-key = 這不是有效的延伸公鑰。
hd-extended-key-checksum = 此延伸金鑰有字元錯誤（檢查碼不符）。
hd-index-out-of-range = 帳戶或地址序號過大。
hd-invalid-child = 在此序號衍生出無效金鑰；請使用下一個序號。
hd-invalid-private-key = 此延伸金鑰已損壞：其中的私鑰無效。
hd-invalid-public-key = 此延伸金鑰已損壞：其中的公鑰不是有效的曲線點。
hd-key-kind-mismatch = 此延伸金鑰已損壞：版本與金鑰不符（公鑰與私鑰混淆）。
hd-private-key-given = 這是延伸私鑰，可完全控制資金。唯讀錢包需要延伸公鑰（xpub 或 tpub）；請妥善保密此私鑰。
hd-unknown-key-version = 未知的延伸金鑰類型；帳戶金鑰以 xpub（主網）或 tpub（測試網與開發網）開頭。
hd-wrong-depth = 此延伸金鑰不是帳戶層級金鑰。
hd-wrong-network = 此延伸金鑰屬於另一個網路。
hd-zero-depth-with-index = 此延伸金鑰已損壞：主金鑰（深度 0）不能有子序號。
hd-zero-depth-with-parent = 此延伸金鑰已損壞：主金鑰（深度 0）不能有父金鑰。
message-signature-bad = 簽章與訊息不符。
message-signature-malformed = 這不是積分鏈訊息簽章。
message-signature-version = 不支援的訊息簽章版本 { $got }。
message-signature-wrong-signer = 簽章有效，但簽署者是 { $got }。
mnemonic-ambiguous-language = 這些詞同時屬於多個詞表；請以 --mnemonic-lang 指定。
mnemonic-bad-checksum = 助記詞檢查碼不符：有詞寫錯或順序不對。
mnemonic-entropy-length = 熵的長度必須是 16 到 32 位元組，而非 { $got }。
mnemonic-randomness = 系統亂數產生器發生錯誤。
mnemonic-unknown-language = 未知詞表；請使用 en、zh-hans 或 zh-hant。
mnemonic-unknown-word = 第 { $position } 個詞不在詞表中。
mnemonic-word-count = 助記詞應有 12、15、18、21 或 24 個詞，這裡有 { $got } 個。
sign-failed = 簽署失敗。
sign-invalid-secret-key = 私鑰無效。

## Keystore

keystore-already-exists = { $path } 已有檔案。
keystore-corrupted = 錢包檔案已損毀（{ $detail }）。旁邊可能保留了上一版本的 .bak 副本。
keystore-crypto = 加密步驟發生錯誤。
keystore-empty-password = 密碼為空。
keystore-foreign-unlocked = 該已解鎖金鑰屬於另一個錢包檔案。
keystore-invalid-policy = 密碼保護設定無效。
keystore-io = 無法 { $op } { $path }：{ $reason }
keystore-kdf-out-of-bounds = 錢包檔案的密碼參數超出範圍（{ $param } = { $got }，允許 { $min } 至 { $max }）；未開啟此檔案。
keystore-keyring-entry-missing = 作業系統鑰匙圈中已沒有此錢包的金鑰；請以密碼解鎖。
keystore-keyring-mismatch = 作業系統鑰匙圈中的金鑰無法開啟此錢包；請以密碼解鎖。
keystore-keyring-unavailable = 作業系統鑰匙圈無法使用（{ $reason }）；密碼仍然有效。
keystore-no-keyring-slot = 此錢包沒有作業系統鑰匙圈金鑰。
keystore-not-a-keystore = 這不是積分錢包檔案。
keystore-not-found = { $path } 沒有錢包檔案。
keystore-random = 系統亂數產生器發生錯誤。
keystore-too-large = 資料過大，無法存入錢包檔案。
keystore-truncated = 錢包檔案不完整（{ $got } / { $expected } 位元組）。旁邊可能保留了上一版本的 .bak 副本。
keystore-unsupported-version = 錢包檔案格式版本為 { $found }；目前積分錢包只能讀取版本 { $supported }。請更新積分錢包。
keystore-verify-failed = 寫入的檔案回讀驗證失敗；原檔案未被改動。
keystore-wrong-password = 密碼錯誤。

## Wallets

wallet-account-mismatch = 錢包私密資料與帳戶紀錄不符；檔案可能遭竄改。
wallet-already-exists = 已有名為「{ $name }」的錢包。
wallet-bad-record = 錢包紀錄格式錯誤（{ $detail }）。
wallet-bad-secret = 錢包私密資料格式錯誤（{ $detail }）。
wallet-directory-io = 無法讀取錢包目錄：{ $reason }
wallet-invalid-name = 「{ $name }」不是有效的錢包名稱（1-64 個字母、數字、「-」或「_」）。
wallet-none = 還沒有錢包。請以「jifen create」或「jifen restore」建立。
wallet-not-chosen = 有多個錢包（{ $names }）；請以 --wallet 選擇。
wallet-not-found = 沒有名為「{ $name }」的錢包。
wallet-passphrase-too-long = 密語過長（最多 1024 位元組）。

## QR codes (cold signing)

qr-not-ur = 此 QR 碼不是積分錢包的碼（不以「ur:」開頭）。
qr-malformed-ur = QR 碼內容已損毀；請重新掃描。
qr-unknown-type = 未知類型的碼；對方裝置可能執行較新版本的積分錢包。
qr-wrong-type = 這不是本頁面需要的碼類型。
qr-bytewords = QR 碼內容已損毀（位元組詞檢查失敗）；請重新掃描。
qr-ur-too-large = 動態碼資料過大，無法接受。
qr-foreign-stream = 已忽略來自另一組動態碼的影格。
qr-inconsistent-part = 有一個影格與目前動態碼不符，已忽略。
qr-message-checksum = 重組後的資料檢查失敗；請重新掃描。
qr-unsupported-version = 此碼由較新版本的積分錢包產生；請更新本裝置。
qr-cbor-truncated = 碼中的資料提前結束。
qr-cbor-malformed = 碼中的資料格式錯誤。
qr-cbor-non-canonical = 碼中的資料不是規範格式，已拒絕。
qr-cbor-duplicate-key = 碼中的資料有重複欄位，已拒絕。
qr-cbor-trailing-bytes = 碼中的資料結尾有多餘位元組。
qr-unknown-field = 碼中的資料有本版本不認識的欄位。
qr-missing-field = 碼中的資料缺少必要欄位。
qr-wrong-field-type = 碼中某個欄位的型別不對。
qr-field-too-large = 碼中某個欄位過大。
qr-invalid-field = 碼中某個欄位的值不被允許。
qr-invalid-transaction = 碼中的交易格式錯誤。
qr-invalid-payload = 這些資料無法產生碼。
qr-capacity = 文字過長，一個 QR 碼放不下。
qr-fountain = 無法將資料拆分為動態碼影格。
qr-png = 無法產生 QR 碼圖片。
qr-image-too-large = 圖片過大。
qr-frame-size = 相機畫面尺寸不對。
qr-image-unreadable = 無法讀取圖片（不是 PNG 或 JPEG，或已損毀）。
qr-image-io = 無法開啟圖片檔案。

## 檔案（jifen-files）

files-not-found = { $path } 不存在。
files-already-exists = { $path } 已存在，未做變更。
files-wrong-kind = { $path } 是{ $found ->
    [directory] 資料夾
    [fifo] 具名管道
    [char-device] 裝置檔案
    [block-device] 裝置檔案
    [socket] 通訊端
    [symlink] 符號連結
    [file] 檔案
   *[other] 特殊檔案
  }，不是{ $expected ->
    [directory] 資料夾
   *[file] 一般檔案
  }，因此未使用。
files-too-large = { $path } 超過 { $max } 位元組，未讀取。
files-locked = 另一個積分錢包視窗或指令正在使用 { $path }；請待其結束後再試。
files-io = { $op ->
    [open] 無法開啟 { $path }：{ $reason }
    [read] 無法讀取 { $path }：{ $reason }
    [inspect] 無法讀取 { $path } 的檔案資訊：{ $reason }
    [create-temp] 無法在 { $path } 中建立暫存檔：{ $reason }
    [write] 無法寫入 { $path }：{ $reason }
    [sync] 無法將 { $path } 儲存到磁碟：{ $reason }
    [rename] 無法取代 { $path }：{ $reason }
    [link] 無法建立 { $path }：{ $reason }
    [sync-dir] 無法將資料夾 { $path } 的變更儲存到磁碟：{ $reason }
    [create-dir] 無法建立資料夾 { $path }：{ $reason }
    [restrict] 無法限制 { $path } 的存取權限：{ $reason }
    [open-lock] 無法開啟鎖定檔 { $path }：{ $reason }
    [lock] 無法鎖定 { $path }：{ $reason }
    [list] 無法列出 { $path } 中的檔案：{ $reason }
    [remove] 無法刪除 { $path }：{ $reason }
   *[other] 無法存取 { $path }：{ $reason }
  }

## 錢包用例
wallet-not-watch-only = 錢包「{ $name }」有自己的私鑰：請直接用它發送，不必製作待簽請求。
wallet-locked = 錢包已鎖定：請先用密碼解鎖。
wallet-backup-already-checked = 此錢包的備份已經核對過，助記詞不會再次顯示。
wallet-no-backup-challenge = 目前沒有進行中的備份核對（或嘗試次數已用完）：請輸入密碼重新開始。
wallet-backup-mismatch = 輸入的詞與您的備份不符。{ $left ->
    [0] 已沒有嘗試機會：請輸入密碼重新開始核對。
   *[other] 還可以再試 { $left } 次。
}
wallet-too-many-attempts = 連續輸錯密碼次數過多，請在 { $seconds } 秒後再試。
wallet-reauth-required = 為了安全，請再次輸入錢包密碼以確認此操作。
wallet-randomness = 系統亂數產生器出錯，操作未執行。
wallet-no-data-dir = 沒有資料目錄：請設定 JIFEN_DATA_DIR（或 HOME）。

## 點數與 POINT（鏈上規則，代碼 1101-1199；金額為最小單位）
tx-insufficient-balance = POINT 餘額（{ $available }）不足以支付 { $needed }。
point-not-issuer = 只有聯盟的發行方才能鑄造 POINT。
withdraw-below-fee = 提領 { $amount } 不足以支付提領手續費 { $fee }。
points-insufficient-balance = 您持有的商家 { $merchant } 點數（{ $available }）不足 { $needed }。
merchant-unknown = 不存在編號為 { $merchant } 的商家。
merchant-not-owner = 只有商家 { $merchant } 的擁有者才能執行此操作。
merchant-not-approved = 商家 { $merchant } { $status ->
    [proposed] 仍在等待理事會審核
    [suspended] 已被理事會暫停
   *[other] 狀態為 { $status }
}：目前不能發行或兌換其點數。
merchant-deposit-too-small = 商家保證金至少為 { $minimum } 個 POINT 最小單位，實際為 { $got }。
merchant-deposit-below-required = 從保證金（{ $deposit }）中取出 { $amount } 後將低於必須保留的 { $required }。
merchant-registry-full = 無法再註冊新的商家。
council-not-member = 只有目前驗證人集合中的驗證人才能在理事會投票。
council-already-voted = 您已經投票同意{ $action ->
    [approve] 核准
   *[other] 暫停
}商家 { $merchant }。
council-action-not-applicable = 商家 { $merchant } 目前狀態為 { $status }，無法{ $action ->
    [approve] 核准
   *[other] 暫停
}。
rate-valid-until-past = 有效期至區塊高度 { $valid_until } 的匯率在高度 { $height } 時已經過期。
points-overflow = 金額過大（{ $what } 會溢位）。
swap-not-quoting = 商家 { $merchant } 尚未公布匯率，目前不兌換點數。
swap-deadline-passed = 兌換在截止高度 { $deadline } 之前未能執行（目前高度 { $height }）。未進行任何兌換，請重新報價。
swap-rate-stale = 報價之後商家匯率已變更（您接受的是第 { $accepted } 版，現在是第 { $current } 版）。未進行任何兌換，請重新報價。
swap-rate-expired = 商家匯率已於高度 { $valid_until } 過期（目前高度 { $height }），在公布新匯率之前不兌換點數。
swap-below-minimum = { $amount } 低於該商家的最低兌換量 { $minimum }。
swap-not-increment = { $amount } 不是 { $increment } 的整數倍（該商家按此級距兌換）。
swap-below-min-out = 此次兌換只能得到 { $out }，低於您接受的最少數量 { $min_out }。未進行任何兌換。
swap-deposit-insufficient = 商家保證金（{ $deposit }）不足以支付此次兌換（{ $needed }），請嘗試較小的數量。

## 錢包的積分流程
points-amount-zero = 數量必須大於零。
points-record-malformed = 鏈上有一筆本版本無法讀取的 { $what } 記錄（{ $detail }）。請更新錢包。
points-no-alliance = 此鏈沒有積分聯盟：沒有可用的商家或 POINT 規則。
swap-quote-expiring = 此報價只剩 { $seconds } 秒；確認至少需要 { $needed } 秒。請重新報價。
swap-slippage-too-large = 滑價容忍度 { $bps } 個基點超過允許的最大值 { $max } 個基點。
pay-amount-needed = 此收款請求未指定金額：請輸入要支付的數量。
pay-asset-unknown = 此鏈上沒有資產「{ $asset }」。
merchant-not-yours = 商家 { $merchant } 屬於 { $owner }，不屬於此錢包。
withdraw-reference-invalid = 請輸入 1 到 { $max } 位元組的提領參考（法幣付款去向；它在鏈上公開，請勿填寫個人資料）。
rate-invalid = 匯率無效（{ $field }）：{ $field ->
      [price] 價格的小數位過多，或買入價高於賣出價（價差模式下兩者必須相等）。
      [bid] 回收價不能高於發行價。
      [ask] 價差模式下回收價與發行價是同一個中間價：請輸入相同的價格。
      [fee_bps] 結算模式下手續費必須為 0，價差模式下為 1 到 1,000 個基點。
     *[other] 請檢查最小數量（至少一個步長，且為步長的整數倍）和有效期。
    }

## 帳戶歷史
history-length-mismatch = 節點提供的歷史有 { $got } 筆，而已證明的帳戶記錄為 { $expected } 筆：節點遺漏或加入了記錄。
history-head-mismatch = 節點提供的歷史與已證明的帳戶不符：有記錄被竄改或調換了順序。
history-height-order = 第 { $index } 筆歷史記錄（高度 { $height }）排在高度 { $previous } 之後：節點提供的順序有誤。
history-after-proven-height = 有一筆歷史記錄的高度 { $height } 高於已證明的帳戶高度 { $proven }：請同步後重試。
history-too-long = 歷史記錄過長，無法核對。
seal-bad-public-key = 該金鑰不是 secp256k1 公鑰，無法為其加密資料。
seal-bad-ephemeral = 加密所用的一次性金鑰無效。
seal-too-long = 個人資訊超過 { $max } 位元組，無法加密。
seal-no-randomness = 沒有可用的亂數，無法加密資料。
seal-not-for-this-key = 這段加密資料不是給這個金鑰的。
