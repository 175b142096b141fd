# 错误消息，每个错误代码一条（见 docs/adr/0003-i18n-fluent-codes.md）。

## Addresses

address-bad-checksum = 地址校验和不符：可能有字符输错。
address-invalid-character = 地址第 { $position } 位的字符“{ $character }”无效。
address-missing-separator = 这不是积分链地址（缺少分隔符“1”）。
address-mixed-case = 地址中混用了大小写字母。
address-not-bech32m = 该地址使用旧式校验（bech32）；积分链地址使用 bech32m。
address-unknown-prefix = 前缀“{ $prefix }”不属于积分链网络（jf、jft、jfd）。
address-wrong-length = 地址长度不对（数据部分 { $got } 个字符，应为 { $expected } 个）。
address-wrong-network = 这是 { $got } 网络的地址，不是 { $expected }。

## Payment requests (docs/payment-request.md)

payment-request-too-long = 收款码内容过长（{ $got } 字节，最多 { $max } 字节）。
payment-request-wrong-scheme = 这不是积分链收款码（应以“jifen:”开头）。
payment-request-invalid-character = 收款码含有不允许的字符（第 { $position } 位的“{ $character }”）。
payment-request-bad-percent-encoding = 收款码已损坏：第 { $position } 位的“%”后面不是两位十六进制数字。
payment-request-missing-recipient = 收款码没有写明收款人。
payment-request-bad-address = 收款码中的收款地址不是有效的积分链地址。
payment-request-malformed-parameter = 收款码在第 { $position } 位附近已损坏（“{ $parameter }”）。
payment-request-duplicate-parameter = 收款码中“{ $parameter }”出现了两次。
payment-request-unknown-required-parameter = 收款码要求“{ $parameter }”，当前版本的钱包无法识别。请更新钱包后再付款。
payment-request-missing-parameter = 收款码缺少“{ $parameter }”。
payment-request-empty-value = 收款码中的“{ $parameter }”为空。
payment-request-bad-chain-id = 收款码中的链标识无效。
payment-request-unknown-asset = 收款码要求支付“{ $given }”，它既不是 POINT，也不是商户积分。
payment-request-bad-expiry = 收款码的有效期“{ $given }”不是有效的时间。
payment-request-text-not-utf8 = 收款码中的{ $field ->
    [memo] 备注
   *[label] 商户名称
  }不是有效的文字。
payment-request-text-too-long = 收款码中的{ $field ->
    [memo] 备注
   *[label] 商户名称
  }过长（{ $got } 字节，最多 { $max } 字节）。
payment-request-text-control-character = 收款码中的{ $field ->
    [memo] 备注
   *[label] 商户名称
  }含有隐藏的控制字符（第 { $position } 个字符 { $code_point }），可能被用来掩盖真实的付款内容。
payment-request-wrong-chain = 这个收款码属于 { $got } 链，本钱包在 { $expected } 链上。请勿在此付款。
payment-request-wrong-network = 这个收款码的收款地址属于 { $got } 网络，本钱包在 { $expected } 网络上。
payment-request-expired = 这个收款码已在 { $seconds } 秒前过期。请商户重新出示收款码。
decimal-amount-malformed = “{ $given }”不是有效的金额：请只写数字，最多一个小数点（例如 12.5）。
decimal-amount-negative = 金额“{ $given }”是负数。
decimal-amount-plus-sign = 金额“{ $given }”带有“+”号。
decimal-amount-whitespace = 金额“{ $given }”中有空格。
decimal-amount-exponent = 金额“{ $given }”使用了科学计数法；请写出全部数字。
decimal-amount-zero = 金额为零。
decimal-amount-too-many-decimals = 金额 { $given } 有 { $got } 位小数，而该资产只有 { $max } 位。不四舍五入就无法支付。
decimal-amount-overflow = 金额 { $given } 过大。

## Protocol data

chain-id-empty = 链标识为空。
chain-id-invalid-character = 链标识只能包含 a-z、0-9 和“-”。
chain-id-too-long = 链标识超过 32 个字符。
commit-block-mismatch = 该提交证明属于另一个区块。
commit-height-mismatch = 该提交证明属于另一个高度。
commit-index-out-of-range = 提交证明引用了不在验证人集合中的验证人。
commit-invalid-signature = 提交证明中有无效的验证人签名。
commit-no-signatures = 提交证明没有任何签名。
commit-not-sorted = 提交证明中的签名未按规范排序。
decode-bad-tag = 数据格式错误：未知的标记字节。
decode-invalid-value = 数据格式错误：某个字段的值无效。
decode-length-out-of-bounds = 数据格式错误：长度超出范围。
decode-trailing-bytes = 数据格式错误：末尾有多余字节。
decode-unexpected-end = 数据格式错误：数据提前结束。
decode-unknown-transaction-kind = 未知的交易类型；钱包版本可能过旧。
decode-unsupported-version = 不支持的数据版本；钱包版本可能过旧。
hash-invalid-hex = 哈希值不是有效的十六进制。
hash-wrong-length = 哈希值必须是 64 个十六进制字符。
header-missing-parent = 区块头缺少父区块链接。
header-unexpected-parent = 第一个区块头不应有父区块。
header-unsupported-version = 不支持的区块头版本。
header-zero-height = 区块头高度不能为 0。
key-not-compressed = 公钥必须是压缩格式（33 字节）。
key-not-on-curve = 公钥不是有效的 secp256k1 点。
key-wrong-length = 公钥长度不对。
merkle-index-out-of-range = 默克尔证明指向树外。
merkle-root-mismatch = 默克尔证明与已承诺的根不符。
merkle-wrong-path-length = 默克尔证明的步数不对。
network-unknown = 未知网络；请使用 mainnet、testnet 或 devnet。
asset-malformed = "{ $given }" 不是有效的资产：请写 POINT，或 M 加商户编号（例如 M3）。
signature-high-s = 签名不是规范的低 S 形式。
signature-invalid = 签名验证失败。
signature-r-out-of-range = 签名的 r 值超出范围。
signature-s-out-of-range = 签名的 s 值超出范围。
signature-wrong-length = 签名必须是 64 字节。
validator-address-mismatch = 某验证人的地址与其公钥不符。
validator-duplicate = 验证人集合中有重复的验证人。
validator-set-empty = 验证人集合为空。
validator-set-not-sorted = 验证人集合未按规范排序。
validator-set-power-too-large = 验证人集合的总投票权过大。
validator-set-too-many = 验证人集合成员过多。
validator-zero-power = 某验证人的投票权为零。

state-proof-too-deep = 状态证明无效：深度超过状态树。
state-proof-wrong-leaf = 状态证明无效：未指向所查询的记录。
state-proof-value-mismatch = 状态证明无效：数值与证明不符。
state-proof-leaf-off-path = 状态证明无效：不存在证明指向了无关记录。
state-proof-root-mismatch = 状态证明无效：与已验证的状态根不符。

## Keys and mnemonics

hd-bad-extended-key = 这不是有效的扩展公钥。
hd-extended-key-checksum = 该扩展密钥有字符错误（校验和不符）。
hd-index-out-of-range = 账户或地址序号过大。
hd-invalid-child = 在此序号派生出无效密钥；请使用下一个序号。
hd-invalid-private-key = 该扩展密钥已损坏：其中的私钥无效。
hd-invalid-public-key = 该扩展密钥已损坏：其中的公钥不是有效的曲线点。
hd-key-kind-mismatch = 该扩展密钥已损坏：版本与密钥不符（公钥与私钥混淆）。
hd-private-key-given = 这是扩展私钥，可完全控制资金。只读钱包需要扩展公钥（xpub 或 tpub）；请妥善保密此私钥。
hd-unknown-key-version = 未知的扩展密钥类型；账户密钥以 xpub（主网）或 tpub（测试网和开发网）开头。
hd-wrong-depth = 该扩展密钥不是账户级密钥。
hd-wrong-network = 该扩展密钥属于另一个网络。
hd-zero-depth-with-index = 该扩展密钥已损坏：主密钥（深度 0）不能有子序号。
hd-zero-depth-with-parent = 该扩展密钥已损坏：主密钥（深度 0）不能有父密钥。
message-signature-bad = 签名与消息不符。
message-signature-malformed = 这不是积分链消息签名。
message-signature-version = 不支持的消息签名版本 { $got }。
message-signature-wrong-signer = 签名有效，但签名者是 { $got }。
mnemonic-ambiguous-language = 这些词同时属于多个词表；请用 --mnemonic-lang 指定。
mnemonic-bad-checksum = 助记词校验不符：有词写错或顺序不对。
mnemonic-entropy-length = 熵的长度必须是 16 到 32 字节，而不是 { $got }。
mnemonic-randomness = 系统随机数生成器出错。
mnemonic-unknown-language = 未知词表；请使用 en、zh-hans 或 zh-hant。
mnemonic-unknown-word = 第 { $position } 个词不在词表中。
mnemonic-word-count = 助记词应有 12、15、18、21 或 24 个词，这里有 { $got } 个。
sign-failed = 签名失败。
sign-invalid-secret-key = 私钥无效。

## Keystore

keystore-already-exists = { $path } 已存在文件。
keystore-corrupted = 钱包文件已损坏（{ $detail }）。旁边可能保留了上一版本的 .bak 副本。
keystore-crypto = 加密步骤出错。
keystore-empty-password = 密码为空。
keystore-foreign-unlocked = 该已解锁密钥属于另一个钱包文件。
keystore-invalid-policy = 密码保护设置无效。
keystore-io = 无法 { $op } { $path }：{ $reason }
keystore-kdf-out-of-bounds = 钱包文件的密码参数超出范围（{ $param } = { $got }，允许 { $min } 至 { $max }）；未打开该文件。
keystore-keyring-entry-missing = 操作系统钥匙串中已没有此钱包的密钥；请用密码解锁。
keystore-keyring-mismatch = 操作系统钥匙串中的密钥打不开此钱包；请用密码解锁。
keystore-keyring-unavailable = 操作系统钥匙串不可用（{ $reason }）；密码仍然有效。
keystore-no-keyring-slot = 此钱包没有操作系统钥匙串密钥。
keystore-not-a-keystore = 这不是积分钱包文件。
keystore-not-found = { $path } 没有钱包文件。
keystore-random = 系统随机数生成器出错。
keystore-too-large = 数据过大，无法存入钱包文件。
keystore-truncated = 钱包文件不完整（{ $got } / { $expected } 字节）。旁边可能保留了上一版本的 .bak 副本。
keystore-unsupported-version = 钱包文件格式版本为 { $found }；当前积分钱包只能读取版本 { $supported }。请升级积分钱包。
keystore-verify-failed = 写入的文件回读校验失败；原文件未被改动。
keystore-wrong-password = 密码错误。

## Wallets

wallet-account-mismatch = 钱包私密数据与账户记录不符；文件可能被篡改。
wallet-already-exists = 已存在名为“{ $name }”的钱包。
wallet-bad-record = 钱包记录格式错误（{ $detail }）。
wallet-bad-secret = 钱包私密数据格式错误（{ $detail }）。
wallet-directory-io = 无法读取钱包目录：{ $reason }
wallet-invalid-name = “{ $name }”不是有效的钱包名称（1-64 个字母、数字、“-”或“_”）。
wallet-none = 还没有钱包。请用“jifen create”或“jifen restore”创建。
wallet-not-chosen = 有多个钱包（{ $names }）；请用 --wallet 选择。
wallet-not-found = 没有名为“{ $name }”的钱包。
wallet-passphrase-too-long = 密语过长（最多 1024 字节）。

## QR codes (cold signing)

qr-not-ur = 此二维码不是积分钱包的码（不以“ur:”开头）。
qr-malformed-ur = 二维码内容已损坏；请重新扫描。
qr-unknown-type = 未知类型的码；对方设备可能运行较新版本的积分钱包。
qr-wrong-type = 这不是本页面需要的码类型。
qr-bytewords = 二维码内容已损坏（字节词校验失败）；请重新扫描。
qr-ur-too-large = 动态码数据过大，无法接受。
qr-foreign-stream = 已忽略来自另一组动态码的帧。
qr-inconsistent-part = 有一帧与当前动态码不符，已忽略。
qr-message-checksum = 重组后的数据校验失败；请重新扫描。
qr-unsupported-version = 此码由较新版本的积分钱包生成；请升级本设备。
qr-cbor-truncated = 码中的数据提前结束。
qr-cbor-malformed = 码中的数据格式错误。
qr-cbor-non-canonical = 码中的数据不是规范格式，已拒绝。
qr-cbor-duplicate-key = 码中的数据有重复字段，已拒绝。
qr-cbor-trailing-bytes = 码中的数据末尾有多余字节。
qr-unknown-field = 码中的数据有本版本不认识的字段。
qr-missing-field = 码中的数据缺少必需字段。
qr-wrong-field-type = 码中某个字段的类型不对。
qr-field-too-large = 码中某个字段过大。
qr-invalid-field = 码中某个字段的值不被允许。
qr-invalid-transaction = 码中的交易格式错误。
qr-invalid-payload = 这些数据无法生成码。
qr-capacity = 文字过长，一个二维码放不下。
qr-fountain = 无法把数据拆分为动态码帧。
qr-png = 无法生成二维码图片。
qr-image-too-large = 图片过大。
qr-frame-size = 相机画面尺寸不对。
qr-image-unreadable = 无法读取图片（不是 PNG 或 JPEG，或已损坏）。
qr-image-io = 无法打开图片文件。

## 文件（jifen-files）

files-not-found = { $path } 不存在。
files-already-exists = { $path } 已存在，未作改动。
files-wrong-kind = { $path } 是{ $found ->
    [directory] 文件夹
    [fifo] 命名管道
    [char-device] 设备文件
    [block-device] 设备文件
    [socket] 套接字
    [symlink] 符号链接
    [file] 文件
   *[other] 特殊文件
  }，不是{ $expected ->
    [directory] 文件夹
   *[file] 普通文件
  }，因此未使用。
files-too-large = { $path } 超过 { $max } 字节，未读取。
files-locked = 另一个积分钱包窗口或命令正在使用 { $path }；请等它结束后重试。
files-io = { $op ->
    [open] 无法打开 { $path }：{ $reason }
    [read] 无法读取 { $path }：{ $reason }
    [inspect] 无法读取 { $path } 的文件信息：{ $reason }
    [create-temp] 无法在 { $path } 中创建临时文件：{ $reason }
    [write] 无法写入 { $path }：{ $reason }
    [sync] 无法把 { $path } 保存到磁盘：{ $reason }
    [rename] 无法替换 { $path }：{ $reason }
    [link] 无法创建 { $path }：{ $reason }
    [sync-dir] 无法把文件夹 { $path } 的更改保存到磁盘：{ $reason }
    [create-dir] 无法创建文件夹 { $path }：{ $reason }
    [restrict] 无法限制 { $path } 的访问权限：{ $reason }
    [open-lock] 无法打开锁文件 { $path }：{ $reason }
    [lock] 无法锁定 { $path }：{ $reason }
    [list] 无法列出 { $path } 中的文件：{ $reason }
    [remove] 无法删除 { $path }：{ $reason }
   *[other] 无法访问 { $path }：{ $reason }
  }

## 钱包用例
wallet-not-watch-only = 钱包“{ $name }”有自己的私钥：请直接用它发送，不必制作待签请求。
wallet-locked = 钱包已锁定：请先用密码解锁。
wallet-backup-already-checked = 此钱包的备份已经核对过，助记词不会再次显示。
wallet-no-backup-challenge = 当前没有进行中的备份核对（或尝试次数已用完）：请输入密码重新开始。
wallet-backup-mismatch = 输入的词与您的备份不符。{ $left ->
    [0] 已没有尝试机会：请输入密码重新开始核对。
   *[other] 还可以再试 { $left } 次。
}
wallet-too-many-attempts = 连续输错密码次数过多，请在 { $seconds } 秒后再试。
wallet-reauth-required = 为了安全，请再次输入钱包密码以确认此操作。
wallet-randomness = 系统随机数生成器出错，操作未执行。
wallet-no-data-dir = 没有数据目录：请设置 JIFEN_DATA_DIR（或 HOME）。

## 积分与 POINT（链上规则，代码 1101-1199；金额为最小单位）
tx-insufficient-balance = POINT 余额（{ $available }）不足以支付 { $needed }。
point-not-issuer = 只有联盟的发行方才能铸造 POINT。
withdraw-below-fee = 提现 { $amount } 不足以支付提现手续费 { $fee }。
points-insufficient-balance = 您持有的商户 { $merchant } 积分（{ $available }）不足 { $needed }。
merchant-unknown = 不存在编号为 { $merchant } 的商户。
merchant-not-owner = 只有商户 { $merchant } 的所有者才能执行此操作。
merchant-not-approved = 商户 { $merchant } { $status ->
    [proposed] 仍在等待理事会审批
    [suspended] 已被理事会暂停
   *[other] 状态为 { $status }
}：目前不能发行或兑换其积分。
merchant-deposit-too-small = 商户保证金至少为 { $minimum } 个 POINT 最小单位，实际为 { $got }。
merchant-deposit-below-required = 从保证金（{ $deposit }）中取出 { $amount } 后将低于必须保留的 { $required }。
merchant-registry-full = 无法再注册新的商户。
council-not-member = 只有当前验证人集合中的验证人才能在理事会投票。
council-already-voted = 您已经投票同意{ $action ->
    [approve] 批准
   *[other] 暂停
}商户 { $merchant }。
council-action-not-applicable = 商户 { $merchant } 当前状态为 { $status }，无法{ $action ->
    [approve] 批准
   *[other] 暂停
}。
rate-valid-until-past = 有效期至区块高度 { $valid_until } 的汇率在高度 { $height } 时已经过期。
points-overflow = 金额过大（{ $what } 会溢出）。
swap-not-quoting = 商户 { $merchant } 尚未公布汇率，目前不兑换积分。
swap-deadline-passed = 兑换在截止高度 { $deadline } 之前未能执行（当前高度 { $height }）。未进行任何兑换，请重新报价。
swap-rate-stale = 报价之后商户汇率已变更（您接受的是第 { $accepted } 版，现在是第 { $current } 版）。未进行任何兑换，请重新报价。
swap-rate-expired = 商户汇率已于高度 { $valid_until } 过期（当前高度 { $height }），在公布新汇率之前不兑换积分。
swap-below-minimum = { $amount } 低于该商户的最低兑换量 { $minimum }。
swap-not-increment = { $amount } 不是 { $increment } 的整数倍（该商户按此步长兑换）。
swap-below-min-out = 此次兑换只能得到 { $out }，低于您接受的最少数量 { $min_out }。未进行任何兑换。
swap-deposit-insufficient = 商户保证金（{ $deposit }）不足以支付此次兑换（{ $needed }），请尝试较小的数量。

## 钱包的积分流程
points-amount-zero = 数量必须大于零。
points-record-malformed = 链上有一条本版本无法读取的 { $what } 记录（{ $detail }）。请更新钱包。
points-no-alliance = 此链没有积分联盟：没有可用的商户或 POINT 规则。
swap-quote-expiring = 此报价只剩 { $seconds } 秒；确认至少需要 { $needed } 秒。请重新报价。
swap-slippage-too-large = 滑点容忍度 { $bps } 个基点超过允许的最大值 { $max } 个基点。
pay-amount-needed = 此收款请求未指定金额：请输入要支付的数量。
pay-asset-unknown = 此链上没有资产“{ $asset }”。
merchant-not-yours = 商户 { $merchant } 属于 { $owner }，不属于此钱包。
withdraw-reference-invalid = 请输入 1 到 { $max } 字节的提现参考（法币付款去向；它在链上公开，请勿填写个人信息）。
rate-invalid = 汇率无效（{ $field }）：{ $field ->
      [price] 价格的小数位过多，或买入价高于卖出价（点差模式下两者必须相等）。
      [bid] 回收价不能高于发行价。
      [ask] 点差模式下回收价与发行价是同一个中间价：请输入相同的价格。
      [fee_bps] 结算模式下手续费必须为 0，点差模式下为 1 到 1,000 个基点。
     *[other] 请检查最小数量（至少一个步长，且为步长的整数倍）和有效期。
    }

## 账户历史
history-length-mismatch = 节点提供的历史有 { $got } 条，而已证明的账户记录为 { $expected } 条：节点遗漏或添加了记录。
history-head-mismatch = 节点提供的历史与已证明的账户不符：有记录被篡改或调换了顺序。
history-height-order = 第 { $index } 条历史记录（高度 { $height }）排在高度 { $previous } 之后：节点提供的顺序有误。
history-after-proven-height = 有一条历史记录的高度 { $height } 高于已证明的账户高度 { $proven }：请同步后重试。
history-too-long = 历史记录过长，无法核对。
seal-bad-public-key = 该密钥不是 secp256k1 公钥，无法为其加密数据。
seal-bad-ephemeral = 加密所用的一次性密钥无效。
seal-too-long = 个人信息超过 { $max } 字节，无法加密。
seal-no-randomness = 没有可用的随机数，无法加密数据。
seal-not-for-this-key = 这段加密数据不是给这个密钥的。
