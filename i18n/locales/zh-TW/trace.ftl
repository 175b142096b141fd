# 商品溯源：查驗（trace）、結論、原因、業務環節、角色、商戶操作（收貨、售出）及其錯誤。

## 結論
verdict-authentic = 正品
verdict-tampered = 記錄被篡改
verdict-signer-not-registered = 簽名方未登記
verdict-suspected-clone = 疑似仿冒（標籤被複製）
verdict-unanchored = 未完全錨定
verdict-unknown-product = 未知商品

## 原因（記錄從 1 開始編號）
trace-reason-unknown-product = 鏈上既沒有這件商品的錨定，也沒有它的記錄：沒有發碼方登記過它。
trace-reason-not-anchored = 這件商品有記錄，但沒有發碼方在主鏈上錨定它。
trace-reason-unreadable = 第 { $record } 條記錄無法讀取（{ $reason }）。
trace-reason-hash-mismatch = 第 { $record } 條記錄被改動過：事件內容與參與方簽名時的雜湊不再一致。
trace-reason-bad-signature = 第 { $record } 條記錄：簽名驗證失敗。
trace-reason-broken-link = 第 { $record } 條記錄沒有接上前一條記錄（或指向了別的商品）。
trace-reason-anchor-mismatch = 主鏈第 { $height } 個區塊對 { $count } 條記錄的錨定與記錄不符：第 { $first } 條起的記錄在錨定後被改動。
trace-reason-missing-records = 錨定覆蓋 { $anchored } 條記錄，子鏈上卻只有 { $found } 條：有記錄缺失。
trace-reason-signer-unknown = 第 { $record } 條記錄的簽名金鑰不屬於任何已登記的參與方。
trace-reason-signer-out-of-period = 第 { $record } 條記錄的簽名方在該時間並未登記在冊。
trace-reason-signer-lacks-role = 第 { $record } 條記錄：簽名方的角色無權登記“{ $step }”。
trace-reason-time-backwards = 第 { $record } 條記錄的時間早於前一條記錄。
trace-reason-no-commissioning = 溯源記錄不是從生產方的投產記錄開始的。
trace-reason-sold-twice = 這件商品被登記售出 { $sales } 次：這個序號的標籤已被複製。
trace-reason-sold-before = 這件商品已經售出（主鏈第 { $height } 個區塊）：售出後又在櫃檯被掃描的標籤是複製品。
trace-reason-after-sale = 第 { $record } 條記錄出現在商品售出之後。
trace-reason-two-places = 第 { $record } 條記錄：商品出現在 { $place }，但它從未離開 { $previous }：同一序號同時出現在兩地。
trace-reason-unanchored = { $total } 條記錄中有 { $count } 條尚未在主鏈上錨定。

## 單條記錄的核驗項
trace-check-hash = 雜湊
trace-check-signature = 簽名
trace-check-link = 連結
trace-check-signer = 已登記
trace-check-anchored = 已錨定
trace-check-order = 順序

## 業務環節（CBV 2.0）
step-none = （無環節）
step-commissioning = 投產
step-creating_class_instance = 批次生產
step-packing = 裝箱
step-unpacking = 拆箱
step-transforming = 加工
step-inspecting = 檢驗
step-sampling = 抽樣
step-holding = 扣留待檢
step-releasing = 放行
step-storing = 入庫儲存
step-picking = 揀貨
step-loading = 裝車
step-unloading = 卸貨
step-shipping = 發貨出庫
step-departing = 啟運
step-transporting = 運輸交接
step-arriving = 到達
step-receiving = 收貨
step-accepting = 簽收
step-stocking = 上架
step-retail_selling = 零售售出

## 角色
role-producer = 生產方
role-warehouse = 倉儲方
role-carrier = 承運方
role-inspector = 檢驗方
role-retailer = 零售商
role-tag-issuer = 發碼方

## 命令列查驗
trace-head = 商品 GTIN { $gtin }，序號 { $serial }：共 { $records } 條記錄
trace-record = { $number }. { $time }（{ $zone }）  { $step }  @ { $place }  由 { $party }  [{ $marks }]
trace-sealed-for = {"      "}本條記錄中的個人資訊已加密，僅 { $party } 可讀。
trace-party-unregistered = 未登記的金鑰 { $address }
trace-anchor = 由 { $issuer } 錨定：{ $count } 條記錄，主鏈第 { $height } 個區塊（記錄在子鏈 #{ $subchain }）
trace-sale = 由 { $seller } 售出（主鏈第 { $height } 個區塊）
trace-verdict = 結論：{ $verdict }
trace-proven = 於主鏈第 { $height } 個區塊（{ $hash }）、子鏈高度 { $subchain_height } 證明；獲取耗時 { $fetch } 毫秒，核驗耗時 { $verify } 毫秒。
trace-stage-sync = 正在同步主鏈……
trace-stage-audit = 正在審計記錄所在的子鏈……
trace-stage-records = 正在獲取記錄及其證明……
trace-stage-verify = 正在逐條核驗記錄……
trace-bundle-saved = 查驗稽核包已儲存：{ $path }
tag-parsed = GTIN { $gtin }  序號 { $serial }  批號 { $lot }  有效期 { $expiry }  網路 { $network }  解析服務 { $resolver }  標準形式 { $canonical }
cli-trace-no-tag-in-picture = 圖片中沒有商品標籤（GS1 數位連結 QR 碼）。
cli-record-needs-keys = 收貨記錄用本錢包的金鑰簽名；觀察錢包暫時無法簽署。

## 商戶操作
receiving-review = 登記收貨：GTIN { $gtin } 序號 { $serial }，由 { $party } 在 { $place }（{ $location }）登記為第 { $number } 條記錄；事件雜湊 { $hash }。
receiving-confirm = 簽名並登記？輸入 y 確認：{" "}
receiving-cancelled = 未登記任何記錄。
receiving-recorded = 第 { $number } 條記錄已上子鏈，於子鏈高度 { $height } 證明（事件雜湊 { $hash }）。
sale-review = 登記售出：GTIN { $gtin } 序號 { $serial }，售出方 { $seller }（已錨定 { $records } 條記錄）；網路手續費 { $network_fee }；於第 { $height } 個區塊證明。
sale-confirm = 簽名並登記售出？輸入 y 確認：{" "}
sale-cancelled = 未登記售出。

## 溯源用例的錯誤
trace-wrong-network = 這個標籤屬於 { $tag } 網路，本錢包在 { $wallet } 網路。
trace-record-malformed = 已證明的 { $what } 無法解碼（{ $detail }）：鏈上資料已損壞。
trace-subchain-untrusted = 子鏈 #{ $subchain } 未透過審計或已停止：其記錄不可信。
trace-not-a-party = 此帳戶目前不是已登記的{ $role }。
trace-not-anchored = 這件商品未在鏈上錨定：無法收貨或售出。
trace-already-sold = 這件商品已經售出（主鏈第 { $height } 個區塊）。
trace-record-timeout = 記錄在 { $waited } 毫秒內沒有出現在子鏈上；請稍後用 trace 查詢。
trace-location-invalid = “{ $text }”不是地點：請填寫 13 位 GLN 或帶 /414/ 的 GS1 數位連結。
trace-bundle-invalid = 溯源稽核包無效：{ $detail }
provenance-records-invalid = { $peer } 提供的商品記錄與已審計的子鏈不符（{ $reason }）。

## 鏈上規則（節點拒絕 1301-1324）
provenance-not-platform = 只有聯盟平臺帳戶可以登記參與方。
provenance-not-a-party = 傳送方不是已登記的參與方。
provenance-party-out-of-period = 參與方不在登記的有效期內。
provenance-party-lacks-role = 參與方未登記為{ $role }。
provenance-subchain-unknown = 子鏈 #{ $subchain } 未註冊。
provenance-subchain-not-bft = 子鏈 #{ $subchain } 不是 bft 子鏈：溯源記錄須放在由委員會簽名的子鏈上。
provenance-not-item-issuer = 這件商品由另一個發碼方錨定；只有它可以擴充套件錨定。
provenance-subchain-changed = 這件商品的記錄在子鏈 #{ $subchain } 上。
provenance-count-not-greater = 錨定已覆蓋 { $anchored } 條記錄；擴充套件必須覆蓋更多，而不是 { $got } 條。
provenance-anchor-full = 這件商品的錨定已無法再擴充套件。
provenance-item-not-anchored = 這件商品未錨定。
provenance-sales-full = 這件商品的售出記錄已滿。
provenance-record-bad-signature = 記錄的簽名驗證失敗。
provenance-record-wrong-index = 這件商品的下一條記錄應是第 { $expected } 條，這條是第 { $got } 條（已有人先登記：請重試）。
provenance-record-broken-link = 記錄沒有接上這件商品的最後一條記錄。
provenance-record-bad-event = 記錄中的事件無效：{ $reason }
provenance-record-step-not-allowed = 具有這些角色的參與方無權登記“{ $step }”。
provenance-records-bad-count = 子鏈上這件商品的記錄數格式錯誤。
provenance-records-wrong-indices = 節點提供了錯誤的商品記錄。

## Help of the provenance commands
help-trace = 按標籤查驗商品：經核驗的溯源記錄（時間線）和結論。
help-trace-tag = 標籤：GS1 數位連結，或其 QR 碼圖片。
help-trace-counter = 在商家櫃檯使用：已售出的商品即為複製的標籤。
help-trace-bundle = 同時將查驗稽核包（記錄和已證明的數值）儲存到此資料夾。
help-trace-json = 輸出機器可讀的格式。
help-tag = 商品標籤（GS1 數位連結）：解析標籤。
help-tag-parse = 解析商品標籤：輸出其識別碼，或具體錯誤（並以非零狀態結束）。
help-tag-parse-uri = 標籤（GS1 數位連結 URI）。
help-tag-parse-json = 輸出機器可讀的格式。
help-epcis = EPCIS 2.0 文件：每個事件的 CBV 2.0 雜湊。
help-epcis-hash = 輸出 EPCIS 2.0 JSON 文件（或單一事件）中每個事件的 CBV 2.0 事件雜湊，每行一個，依文件順序。
help-epcis-hash-file = JSON 檔案（- 表示標準輸入）。
help-epcis-hash-json = 輸出機器可讀的格式。
help-record-receiving = 收貨：在商品的溯源記錄後追加您簽名的收貨記錄。
help-record-receiving-wallet = 錢包名稱（只有一個錢包時可省略）。
help-record-receiving-tag = 商品標籤（GS1 數位連結）。
help-record-receiving-location = 地點：13 位 GLN 或地點數位連結（.../414/<GLN>）。
help-record-receiving-place = 地點的可讀名稱。
help-record-receiving-time_zone = 事件的本地時區偏移。
help-record-receiving-index = 參與方的收款地址序號。
help-record-receiving-password_fd = 從此檔案描述符讀取錢包密碼。
help-record-receiving-yes = 不詢問確認。
help-record-receiving-no_keyring = 不嘗試作業系統鑰匙圈。
help-record-sale = 在主鏈上登記您售出了一件商品（同一商品再次售出即表示標籤被複製）。
help-record-sale-wallet = 錢包名稱（只有一個錢包時可省略）。
help-record-sale-tag = 商品標籤（GS1 數位連結）。
help-record-sale-index = 零售商的收款地址序號。
help-record-sale-password_fd = 從此檔案描述符讀取錢包密碼。
help-record-sale-fee = 網路手續費，單位 POINT（預設最低值 0.001）。
help-record-sale-yes = 不詢問確認。
help-record-sale-timeout = 等待打包證明的秒數。
help-record-sale-no_keyring = 不嘗試作業系統鑰匙圈。
help-record-sale-out = 觀察錢包的簽名請求：將其 QR 碼影格以 PNG 檔寫入此目錄。
help-record-sale-terminal = 觀察錢包的簽名請求：在終端機中顯示其 QR 碼。
trace-bundle-checked = 已核驗 { $item } 的稽核包：{ $verdict }；{ $records } 條記錄於子鏈高度 { $subchain_height }、主鏈第 { $height } 個區塊證明。
trace-bundle-verdict-differs = 稽核包中的證明得出的結論與其聲稱的結論不同。
help-verify-trace-bundle = 離線重新核驗商品查驗的稽核包，並重新計算結論。
help-verify-trace-bundle-network = 哪個網路。
help-verify-trace-bundle-checkpoint = 信任此區塊頭（高度:雜湊），而非輕儲存的信任根。
help-verify-trace-bundle-file = 稽核包檔案。
help-verify-trace-bundle-json = 輸出機器可讀的格式。
provenance-records-wrong-header = 記錄所依據的子鏈區塊頭不是已錨定的那個。
