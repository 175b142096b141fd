# 商品溯源：查验（trace）、结论、原因、业务环节、角色、商户操作（收货、售出）及其错误。

## 结论
verdict-authentic = 正品
verdict-tampered = 记录被篡改
verdict-signer-not-registered = 签名方未登记
verdict-suspected-clone = 疑似仿冒（标签被复制）
verdict-unanchored = 未完全锚定
verdict-unknown-product = 未知商品

## 原因（记录从 1 开始编号）
trace-reason-unknown-product = 链上既没有这件商品的锚定，也没有它的记录：没有发码方登记过它。
trace-reason-not-anchored = 这件商品有记录，但没有发码方在主链上锚定它。
trace-reason-unreadable = 第 { $record } 条记录无法读取（{ $reason }）。
trace-reason-hash-mismatch = 第 { $record } 条记录被改动过：事件内容与参与方签名时的哈希不再一致。
trace-reason-bad-signature = 第 { $record } 条记录：签名验证失败。
trace-reason-broken-link = 第 { $record } 条记录没有接上前一条记录（或指向了别的商品）。
trace-reason-anchor-mismatch = 主链第 { $height } 个区块对 { $count } 条记录的锚定与记录不符：第 { $first } 条起的记录在锚定后被改动。
trace-reason-missing-records = 锚定覆盖 { $anchored } 条记录，子链上却只有 { $found } 条：有记录缺失。
trace-reason-signer-unknown = 第 { $record } 条记录的签名密钥不属于任何已登记的参与方。
trace-reason-signer-out-of-period = 第 { $record } 条记录的签名方在该时间并未登记在册。
trace-reason-signer-lacks-role = 第 { $record } 条记录：签名方的角色无权登记“{ $step }”。
trace-reason-time-backwards = 第 { $record } 条记录的时间早于前一条记录。
trace-reason-no-commissioning = 溯源记录不是从生产方的投产记录开始的。
trace-reason-sold-twice = 这件商品被登记售出 { $sales } 次：这个序列号的标签已被复制。
trace-reason-sold-before = 这件商品已经售出（主链第 { $height } 个区块）：售出后又在柜台被扫描的标签是复制品。
trace-reason-after-sale = 第 { $record } 条记录出现在商品售出之后。
trace-reason-two-places = 第 { $record } 条记录：商品出现在 { $place }，但它从未离开 { $previous }：同一序列号同时出现在两地。
trace-reason-unanchored = { $total } 条记录中有 { $count } 条尚未在主链上锚定。

## 单条记录的核验项
trace-check-hash = 哈希
trace-check-signature = 签名
trace-check-link = 链接
trace-check-signer = 已登记
trace-check-anchored = 已锚定
trace-check-order = 顺序

## 业务环节（CBV 2.0）
step-none = （无环节）
step-commissioning = 投产
step-creating_class_instance = 批次生产
step-packing = 装箱
step-unpacking = 拆箱
step-transforming = 加工
step-inspecting = 检验
step-sampling = 抽样
step-holding = 扣留待检
step-releasing = 放行
step-storing = 入库存储
step-picking = 拣货
step-loading = 装车
step-unloading = 卸货
step-shipping = 发货出库
step-departing = 启运
step-transporting = 运输交接
step-arriving = 到达
step-receiving = 收货
step-accepting = 签收
step-stocking = 上架
step-retail_selling = 零售售出

## 角色
role-producer = 生产方
role-warehouse = 仓储方
role-carrier = 承运方
role-inspector = 检验方
role-retailer = 零售商
role-tag-issuer = 发码方

## 命令行查验
trace-head = 商品 GTIN { $gtin }，序列号 { $serial }：共 { $records } 条记录
trace-record = { $number }. { $time }（{ $zone }）  { $step }  @ { $place }  由 { $party }  [{ $marks }]
trace-sealed-for = {"      "}本条记录中的个人信息已加密，仅 { $party } 可读。
trace-party-unregistered = 未登记的密钥 { $address }
trace-anchor = 由 { $issuer } 锚定：{ $count } 条记录，主链第 { $height } 个区块（记录在子链 #{ $subchain }）
trace-sale = 由 { $seller } 售出（主链第 { $height } 个区块）
trace-verdict = 结论：{ $verdict }
trace-proven = 于主链第 { $height } 个区块（{ $hash }）、子链高度 { $subchain_height } 证明；获取耗时 { $fetch } 毫秒，核验耗时 { $verify } 毫秒。
trace-stage-sync = 正在同步主链……
trace-stage-audit = 正在审计记录所在的子链……
trace-stage-records = 正在获取记录及其证明……
trace-stage-verify = 正在逐条核验记录……
trace-bundle-saved = 查验审计包已保存：{ $path }
tag-parsed = GTIN { $gtin }  序列号 { $serial }  批号 { $lot }  有效期 { $expiry }  网络 { $network }  解析服务 { $resolver }  标准形式 { $canonical }
cli-trace-no-tag-in-picture = 图片中没有商品标签（GS1 数字链接二维码）。
cli-record-needs-keys = 收货记录用本钱包的密钥签名；观察钱包暂时无法签署。

## 商户操作
receiving-review = 登记收货：GTIN { $gtin } 序列号 { $serial }，由 { $party } 在 { $place }（{ $location }）登记为第 { $number } 条记录；事件哈希 { $hash }。
receiving-confirm = 签名并登记？输入 y 确认：{" "}
receiving-cancelled = 未登记任何记录。
receiving-recorded = 第 { $number } 条记录已上子链，于子链高度 { $height } 证明（事件哈希 { $hash }）。
sale-review = 登记售出：GTIN { $gtin } 序列号 { $serial }，售出方 { $seller }（已锚定 { $records } 条记录）；网络手续费 { $network_fee }；于第 { $height } 个区块证明。
sale-confirm = 签名并登记售出？输入 y 确认：{" "}
sale-cancelled = 未登记售出。

## 溯源用例的错误
trace-wrong-network = 这个标签属于 { $tag } 网络，本钱包在 { $wallet } 网络。
trace-record-malformed = 已证明的 { $what } 无法解码（{ $detail }）：链上数据已损坏。
trace-subchain-untrusted = 子链 #{ $subchain } 未通过审计或已停止：其记录不可信。
trace-not-a-party = 此账户目前不是已登记的{ $role }。
trace-not-anchored = 这件商品未在链上锚定：无法收货或售出。
trace-already-sold = 这件商品已经售出（主链第 { $height } 个区块）。
trace-record-timeout = 记录在 { $waited } 毫秒内没有出现在子链上；请稍后用 trace 查询。
trace-location-invalid = “{ $text }”不是地点：请填写 13 位 GLN 或带 /414/ 的 GS1 数字链接。
trace-bundle-invalid = 溯源审计包无效：{ $detail }
provenance-records-invalid = { $peer } 提供的商品记录与已审计的子链不符（{ $reason }）。

## 链上规则（节点拒绝 1301-1324）
provenance-not-platform = 只有联盟平台账户可以登记参与方。
provenance-not-a-party = 发送方不是已登记的参与方。
provenance-party-out-of-period = 参与方不在登记的有效期内。
provenance-party-lacks-role = 参与方未登记为{ $role }。
provenance-subchain-unknown = 子链 #{ $subchain } 未注册。
provenance-subchain-not-bft = 子链 #{ $subchain } 不是 bft 子链：溯源记录须放在由委员会签名的子链上。
provenance-not-item-issuer = 这件商品由另一个发码方锚定；只有它可以扩展锚定。
provenance-subchain-changed = 这件商品的记录在子链 #{ $subchain } 上。
provenance-count-not-greater = 锚定已覆盖 { $anchored } 条记录；扩展必须覆盖更多，而不是 { $got } 条。
provenance-anchor-full = 这件商品的锚定已无法再扩展。
provenance-item-not-anchored = 这件商品未锚定。
provenance-sales-full = 这件商品的售出记录已满。
provenance-record-bad-signature = 记录的签名验证失败。
provenance-record-wrong-index = 这件商品的下一条记录应是第 { $expected } 条，这条是第 { $got } 条（已有人先登记：请重试）。
provenance-record-broken-link = 记录没有接上这件商品的最后一条记录。
provenance-record-bad-event = 记录中的事件无效：{ $reason }
provenance-record-step-not-allowed = 具有这些角色的参与方无权登记“{ $step }”。
provenance-records-bad-count = 子链上这件商品的记录数格式错误。
provenance-records-wrong-indices = 节点提供了错误的商品记录。

## Help of the provenance commands
help-trace = 按标签查验商品：经核验的溯源记录（时间线）和结论。
help-trace-tag = 标签：GS1 数字链接，或其二维码图片。
help-trace-counter = 在商户柜台使用：已售出的商品即为复制的标签。
help-trace-bundle = 同时将查验审计包（记录和已证明的数值）保存到此文件夹。
help-trace-json = 输出机器可读的格式。
help-tag = 商品标签（GS1 数字链接）：解析标签。
help-tag-parse = 解析商品标签：输出其标识，或具体错误（并以非零状态退出）。
help-tag-parse-uri = 标签（GS1 数字链接 URI）。
help-tag-parse-json = 输出机器可读的格式。
help-epcis = EPCIS 2.0 文档：每个事件的 CBV 2.0 哈希。
help-epcis-hash = 输出 EPCIS 2.0 JSON 文档（或单个事件）中每个事件的 CBV 2.0 事件哈希，每行一个，按文档顺序。
help-epcis-hash-file = JSON 文件（- 表示标准输入）。
help-epcis-hash-json = 输出机器可读的格式。
help-record-receiving = 收货：在商品的溯源记录后追加您签名的收货记录。
help-record-receiving-wallet = 钱包名称（只有一个钱包时可省略）。
help-record-receiving-tag = 商品标签（GS1 数字链接）。
help-record-receiving-location = 地点：13 位 GLN 或地点数字链接（.../414/<GLN>）。
help-record-receiving-place = 地点的可读名称。
help-record-receiving-time_zone = 事件的本地时区偏移。
help-record-receiving-index = 参与方的收款地址序号。
help-record-receiving-password_fd = 从此文件描述符读取钱包密码。
help-record-receiving-yes = 不询问确认。
help-record-receiving-no_keyring = 不尝试操作系统钥匙串。
help-record-sale = 在主链上登记您售出了一件商品（同一商品再次售出即表明标签被复制）。
help-record-sale-wallet = 钱包名称（只有一个钱包时可省略）。
help-record-sale-tag = 商品标签（GS1 数字链接）。
help-record-sale-index = 零售商的收款地址序号。
help-record-sale-password_fd = 从此文件描述符读取钱包密码。
help-record-sale-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-record-sale-yes = 不询问确认。
help-record-sale-timeout = 等待打包证明的秒数。
help-record-sale-no_keyring = 不尝试操作系统钥匙串。
help-record-sale-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-record-sale-terminal = 观察钱包的签名请求：在终端中显示其二维码。
trace-bundle-checked = 已核验 { $item } 的审计包：{ $verdict }；{ $records } 条记录于子链高度 { $subchain_height }、主链第 { $height } 个区块证明。
trace-bundle-verdict-differs = 审计包中的证明得出的结论与其声称的结论不同。
help-verify-trace-bundle = 离线重新核验商品查验的审计包，并重新计算结论。
help-verify-trace-bundle-network = 哪个网络。
help-verify-trace-bundle-checkpoint = 信任此区块头（高度:哈希），而非轻存储的信任根。
help-verify-trace-bundle-file = 审计包文件。
help-verify-trace-bundle-json = 输出机器可读的格式。
provenance-records-wrong-header = 记录所依据的子链区块头不是已锚定的那个。
