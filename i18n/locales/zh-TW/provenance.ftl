# 商品溯源：GS1 數位連結標籤與 EPCIS 2.0 記錄（issue 14，docs/adr/0021-gs1-tags-events-and-event-hash.md）

## 標籤（GS1 數位連結）
tag-too-long = 標籤內容太長：{ $got } 位元組，最多 { $max } 位元組。
tag-not-http-uri = 這不是商品標籤：GS1 數位連結應以 https:// 開頭（讀到的是「{ $scheme }」）。
tag-bad-host = 標籤裡的網址沒有有效的網域。
tag-no-gtin = 標籤裡沒有商品條碼（GTIN，AI 01）。
tag-gtin-length = 商品條碼位數不對：有 { $got } 位，應為 8、12、13 或 14 位。
tag-bad-check-digit = 商品條碼檢查碼錯誤：最後一位是 { $got }，應為 { $expected }。標籤可能印錯或遭竄改。
tag-missing-serial = 標籤只標明了商品，沒有序號（AI 21），無法確定是哪一件。
tag-invalid-character = 標籤的 AI { $ai } 中有不允許的字元「{ $character }」。
tag-value-too-long = 標籤的 AI { $ai } 太長，最多 { $max } 個字元。
tag-value-too-short = 標籤的 AI { $ai } 太短，至少 { $min } 個字元。
tag-empty-value = 標籤的 AI { $ai } 是空的。
tag-bad-expiry = 有效期限「{ $value }」不是有效的日期（應為 YYMMDD）。
tag-unknown-network = 標籤指定了未知的網路「{ $name }」，應為 mainnet、testnet 或 devnet。
tag-unknown-ai = 標籤裡有不認識的 GS1 應用識別碼 { $ai }。
tag-misplaced-ai = 標籤裡的 AI { $ai } 位置不對（不符合 GS1 數位連結的規定）。
tag-duplicate-ai = 標籤裡的 AI { $ai } 出現了兩次。
tag-bad-percent-encoding = 標籤裡有錯誤的百分比編碼（% 後應接兩位十六進位數）。

## 記錄（EPCIS 2.0）
epcis-too-large = 記錄檔案太大：{ $got } 位元組，最多 { $max } 位元組。
epcis-not-json = 記錄不是有效的 JSON：{ $reason }
epcis-too-deep = 記錄巢狀超過 { $max } 層，不予讀取。
epcis-no-event-list = 檔案裡沒有 EPCIS 事件（找不到 epcisBody.eventList，也不是單一事件）。
epcis-not-an-object = 第 { $event } 筆事件不是 JSON 物件。
epcis-unknown-event-type = 第 { $event } 筆事件的類型「{ $got }」不是 EPCIS 事件類型。
epcis-missing-field = 第 { $event } 筆事件缺少必填欄位 { $field }。
epcis-bad-field = 第 { $event } 筆事件的欄位 { $field } 格式不對。
epcis-bad-event-time = 第 { $event } 筆事件的時間「{ $got }」無效（須帶時區）。
epcis-bad-time-zone-offset = 第 { $event } 筆事件的時區「{ $got }」無效（應為 ±HH:MM）。
epcis-bad-action = 第 { $event } 筆事件的動作「{ $got }」無效，應為 ADD、OBSERVE 或 DELETE。
epcis-too-many-events = 一個檔案裡的事件超過 { $max } 筆。
epcis-bad-event-hash = 這不是 CBV 2.0 事件雜湊（應為 ni:///sha-256;<64 位十六進位>?ver=CBV2.0）。
