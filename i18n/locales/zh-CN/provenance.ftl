# 商品溯源：GS1 数字链接标签与 EPCIS 2.0 记录（issue 14，docs/adr/0021-gs1-tags-events-and-event-hash.md）

## 标签（GS1 数字链接）
tag-too-long = 标签内容太长：{ $got } 字节，最多 { $max } 字节。
tag-not-http-uri = 这不是商品标签：GS1 数字链接应以 https:// 开头（读到的是“{ $scheme }”）。
tag-bad-host = 标签里的网址没有有效的域名。
tag-no-gtin = 标签里没有商品条码（GTIN，AI 01）。
tag-gtin-length = 商品条码位数不对：有 { $got } 位，应为 8、12、13 或 14 位。
tag-bad-check-digit = 商品条码校验位错误：最后一位是 { $got }，应为 { $expected }。标签可能印错或被篡改。
tag-missing-serial = 标签只标明了商品，没有序列号（AI 21），无法确定是哪一件。
tag-invalid-character = 标签的 AI { $ai } 中有不允许的字符“{ $character }”。
tag-value-too-long = 标签的 AI { $ai } 太长，最多 { $max } 个字符。
tag-value-too-short = 标签的 AI { $ai } 太短，至少 { $min } 个字符。
tag-empty-value = 标签的 AI { $ai } 是空的。
tag-bad-expiry = 有效期“{ $value }”不是有效的日期（应为 YYMMDD）。
tag-unknown-network = 标签指定了未知的网络“{ $name }”，应为 mainnet、testnet 或 devnet。
tag-unknown-ai = 标签里有不认识的 GS1 应用标识符 { $ai }。
tag-misplaced-ai = 标签里的 AI { $ai } 位置不对（不符合 GS1 数字链接的规定）。
tag-duplicate-ai = 标签里的 AI { $ai } 出现了两次。
tag-bad-percent-encoding = 标签里有错误的百分号编码（% 后应跟两位十六进制数）。

## 记录（EPCIS 2.0）
epcis-too-large = 记录文件太大：{ $got } 字节，最多 { $max } 字节。
epcis-not-json = 记录不是有效的 JSON：{ $reason }
epcis-too-deep = 记录嵌套超过 { $max } 层，不予读取。
epcis-no-event-list = 文件里没有 EPCIS 事件（找不到 epcisBody.eventList，也不是单个事件）。
epcis-not-an-object = 第 { $event } 条事件不是 JSON 对象。
epcis-unknown-event-type = 第 { $event } 条事件的类型“{ $got }”不是 EPCIS 事件类型。
epcis-missing-field = 第 { $event } 条事件缺少必填字段 { $field }。
epcis-bad-field = 第 { $event } 条事件的字段 { $field } 格式不对。
epcis-bad-event-time = 第 { $event } 条事件的时间“{ $got }”无效（须带时区）。
epcis-bad-time-zone-offset = 第 { $event } 条事件的时区“{ $got }”无效（应为 ±HH:MM）。
epcis-bad-action = 第 { $event } 条事件的动作“{ $got }”无效，应为 ADD、OBSERVE 或 DELETE。
epcis-too-many-events = 一个文件里的事件超过 { $max } 条。
epcis-bad-event-hash = 这不是 CBV 2.0 事件哈希（应为 ni:///sha-256;<64 位十六进制>?ver=CBV2.0）。
