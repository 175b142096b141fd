## cold: cold signing: review, pairing, QR CLI messages (zh-CN)

## 钱包种类
wallet-watch-only = 钱包“{ $name }”是只读钱包（观察钱包），没有私钥可解锁；请在它的离线签名设备上签名。
list-watch-only =     👁 只读钱包：交易在离线设备上签名

## 拒绝与错误
cold-not-paired = 钱包“{ $wallet }”尚未配对任何链：请先为在线钱包导出配对码。
cold-wrong-chain = 已拒绝：请求所属的链是“{ $got }”，但本设备配对的链是“{ $paired }”。
cold-foreign-path = 已拒绝：请求的密钥路径 { $path } 不在本钱包的账户 { $account } 之内。
cold-foreign-address = 已拒绝：请求的签名地址 { $got } 不是本设备在该路径上的地址 { $expected }。这笔请求不是发给本设备的。
cold-unknown-kind = 已拒绝：本版本无法显示交易类型 { $kind } 的内容，不会盲签。请升级离线设备。
cold-fingerprint-mismatch = 指纹“{ $typed }”与请求的指纹不符；未签名。
cold-confirmation-mismatch = 这次确认属于另一笔请求；未签名。
cold-not-confirmed = 未确认，未签名。
cold-bad-account-path = 账户路径 { $path } 不是积分钱包的账户路径（应为 m/44'/19014'/N'）。
cold-sender-not-in-wallet = 发送地址 { $address } 不是本钱包的第 { $index } 号地址。
cold-unknown-request = 已拒绝：请求 { $id } 不在本钱包的待签请求中（可能已完成或已丢弃，或是另一笔请求的签名）。
cold-bad-signature = 已拒绝：请求 { $id } 的签名无法用配对的公钥对这笔交易验证通过（可能是另一把密钥签的）。
cold-not-signed = 请求 { $id } 还没有被接受的签名；请先运行 `jifen online accept`。
cold-qr-incomplete = 读到的二维码只包含 { $resolved }/{ $total } 个分片；请再扫描更多帧。
cold-input-io = 无法读取 { $path }：{ $reason }
cold-storage-io = 无法{ $op }文件 { $path }：{ $reason }
cold-record-corrupt = 记录 { $path } 已损坏：{ $detail }
cold-randomness = 系统随机数生成器出错。
cold-confirmation-required = 没有终端可以提问：请用 `--confirm-fingerprint` 给出请求的指纹以确认签名（或加 `--interactive`）。
cold-request-not-chosen = 有 { $count } 个已签名的待签请求，请指明要广播哪一个。
cold-bad-request-id = “{ $id }”不是请求编号。
cold-bad-fragment-size = 分片大小“{ $size }”无效：请用 small、medium 或 large。

## 进度与结果
cold-paired = 钱包“{ $wallet }”已配对链 { $chain }。请用在线钱包扫描下面的账户二维码。
cold-pair-imported = 已导入只读钱包“{ $name }”（{ $network }，链 { $chain }）。
cold-request-made = 已生成签名请求 { $id }。请求指纹：{ $fingerprint }（请与离线设备上显示的核对）
cold-signed = 已签名请求 { $id }（指纹 { $fingerprint }）。请用在线钱包扫描下面的签名二维码。
cold-signature-accepted = 已接受请求 { $id } 的签名；交易 { $tx } 已验证。
cold-syncing = 正在同步并验证区块头……
cold-broadcast = 交易 { $tx } 已广播，正在等待上链证明……
cold-included = 交易 { $tx } 已在高度 { $height } 上链（已用轻客户端验证）。
cold-pending-none = 钱包“{ $wallet }”没有待签请求。
cold-pending-signed = 已签名，待广播
cold-pending-waiting = 等待签名
cold-pending-row = { $id }  { $fingerprint }  { $state }
cold-discarded = 已丢弃待签请求 { $id }（请求指纹：{ $fingerprint }）；本钱包不会再接受它的签名。
cold-progress = 二维码接收进度：{ $percent }%（{ $resolved }/{ $total } 个分片）
cold-no-code = 图片 { $path } 中没有可读的二维码，已跳过。
cold-frame-ignored = 已忽略一帧：{ $reason }
cold-frames-written = 已在 { $dir } 写入 { $count } 帧二维码（{ $fragments } 个分片；动画按每秒 { $fps } 帧播放）。
cold-terminal-animated = 这是动画二维码的第一帧；全部帧在 { $dir } 中。
cold-amount = { $amount } { $asset }

## 审核
cold-review-title = 请核对这笔交易（确认前不会签名）：
cold-review-line = { $label }：{ $value }
cold-review-fingerprint = 请求指纹：{ $fingerprint }（必须与在线钱包显示的一致）
cold-confirm-prompt = 核对无误后，请输入指纹的前四个字符以签名（直接回车取消）：
cold-review-kind = 交易类型
cold-review-amount = 金额
cold-review-recipient = 收款地址
cold-review-bond-amount = 质押金额
cold-review-unbond-amount = 解除质押金额
cold-review-fee = 手续费
cold-review-from = 付款地址（本设备）
cold-review-path = 密钥路径
cold-review-chain = 链
cold-review-nonce = 序号（nonce）
cold-review-origin = 请求来源
cold-review-request-id = 请求编号
cold-kind-transfer = 转账
cold-kind-bond = 质押
cold-kind-unbond = 解除质押
cold-kind-unknown = 未知类型

## 命令帮助
help-cold = 离线签名设备：通过二维码配对和签名（不联网）。
help-cold-pair-export = 为某条链配对本钱包，并把账户显示为二维码供在线钱包导入。
help-cold-pair-export-wallet = 钱包名称（只有一个钱包时可省略）。
help-cold-pair-export-chain_id = 本设备签名的链（例如 jifen-devnet）。
help-cold-pair-export-max_fragment = 本设备摄像头能可靠读取的最长二维码分片（字节）。
help-cold-pair-export-out = 把二维码帧写成 PNG 文件到此目录。
help-cold-pair-export-terminal = 在终端中画出二维码。
help-cold-sign = 从图片或文本读取签名请求，审核后经确认再签名。
help-cold-sign-wallet = 钱包名称（只有一个钱包时可省略）。
help-cold-sign-password_fd = 从此文件描述符读取密码（或设置 JIFEN_PASSWORD）。
help-cold-sign-no_keyring = 不使用操作系统钥匙串，直接询问密码。
help-cold-sign-confirm_fingerprint = 给出请求的指纹以确认，不再提问（供脚本使用）。
help-cold-sign-out = 把签名二维码写成 PNG 文件到此目录。
help-cold-sign-terminal = 在终端中画出签名二维码。
help-cold-sign-inputs = PNG/JPEG 帧、帧所在目录，或 UR 文本文件（`-` 表示标准输入）。
help-online = 在线钱包的离线签名功能：配对、请求、接受签名、广播。
help-online-pair-import = 把离线设备的账户二维码导入为只读钱包。
help-online-pair-import-name = 新只读钱包的名称。
help-online-pair-import-inputs = 账户二维码的 PNG/JPEG 图片或文本文件（`-` 表示标准输入）。
help-online-request = 生成一笔转账的签名请求，并显示为二维码帧。
help-online-request-wallet = 只读钱包名称（只有一个钱包时可省略）。
help-online-request-to = 收款地址。
help-online-request-amount = 金额，以 POINT 计（例如 12.5）。
help-online-request-fee = 手续费，以 POINT 计。
help-online-request-index = 付款地址序号。
help-online-request-nonce = 不联网时直接使用的序号（nonce）；默认通过已验证的查询获得。
help-online-request-fragment_size = 动画帧的密度：small、medium 或 large（默认按设备能读取的）。
help-online-request-frames = 动画二维码写出的帧数（默认一轮：分片数的六倍，至少 30 帧）。
help-online-request-out = 把二维码帧写成 PNG 文件到此目录。
help-online-request-terminal = 在终端中画出二维码（动画只画第一帧）。
help-online-accept = 从图片或文本读取离线设备的签名并接受。
help-online-accept-wallet = 只读钱包名称（只有一个钱包时可省略）。
help-online-accept-broadcast = 同时广播并等待上链证明。
help-online-accept-inputs = 签名二维码的 PNG/JPEG 图片或文本文件（`-` 表示标准输入）。
help-online-broadcast = 广播已接受签名的请求，并等待上链得到证明。
help-online-broadcast-wallet = 只读钱包名称（只有一个钱包时可省略）。
help-online-broadcast-request = 请求编号（默认：唯一一个已签名的请求）。
help-online-broadcast-timeout = 等待上链的秒数。
help-online-pending = 列出待签的请求。
help-online-pending-wallet = 只读钱包名称（只有一个钱包时可省略）。
help-online-discard = 丢弃一个不会再签名的待签请求。
help-online-discard-wallet = 只读钱包名称（只有一个钱包时可省略）。
help-online-discard-request_id = 请求编号（即 `jifen online pending` 列出的编号）。

## 钱包用例（冷签名）
cold-no-review = 没有已审核的请求可签：请重新读取待签请求。
cold-no-code-found = { $count ->
   *[other] 在这 { $count } 张图片或文本中没有找到二维码。
}
cold-pending-superseded = 其 nonce 已被使用，永远不会被打包（请丢弃）
cold-pending-damaged = 记录已损坏（{ $reason }），可以丢弃

## 积分类交易的审核（issue 12）；“在线钱包声称”表示交易本身不约束的值
cold-context-mismatch = 已拒绝：在线钱包声称的内容与交易不符（{ $field }）。未显示也未签名；请重新生成请求。
cold-kind-mint = 铸造 POINT
cold-kind-withdraw = 提取 POINT 为法币
cold-kind-transfer-asset = 付款
cold-kind-merchant-register = 注册商户
cold-kind-council-vote = 理事会投票
cold-kind-rate-set = 设置兑换汇率
cold-kind-points-issue = 发行积分
cold-kind-deposit-top-up = 充值保证金
cold-kind-deposit-withdraw = 提取保证金
cold-kind-swap = 兑换
cold-review-reference = 参考号
cold-review-withdraw-amount = 提取金额（销毁）
cold-review-asset = 资产
cold-review-memo = 备注
cold-review-merchant = 商户
cold-review-merchant-name = 商户名称
cold-review-symbol = 代号
cold-review-decimals = 小数位数
cold-review-deposit-amount = 保证金金额
cold-review-council-action = 投票
cold-review-rate-terms = 汇率（买价 / 卖价 / 分母）
cold-review-fee-mode = 费用模式
cold-review-fee-bps = 兑换费（基点）
cold-review-sell-min = 最小卖出量
cold-review-sell-increment = 卖出步长
cold-review-buy-min = 最小买入量
cold-review-buy-increment = 买入步长
cold-review-valid-until = 有效至区块高度
cold-review-direction = 方向
cold-review-swap-pay = 支付
cold-review-swap-min-receive = 最少收到（否则兑换失败）
cold-review-rate-version = 汇率版本
cold-review-deadline = 截止区块高度
cold-review-claim-merchant = 商户（在线钱包声称）
cold-review-claim-swap-receive = 预计收到（在线钱包声称；已按其汇率核对）
cold-review-claim-rate = 汇率 买价 / 卖价 / 分母（在线钱包声称）
cold-review-claim-fee-mode = 费用模式（在线钱包声称）
cold-review-claim-fee-bps = 兑换费基点（在线钱包声称）
cold-review-claim-exchange-fee = 兑换费（在线钱包声称；已按其汇率核对）
cold-review-claim-quote-expires = 报价有效至（在线钱包声称）
cold-review-claim-withdrawal-fee = 提取手续费（在线钱包声称）
cold-review-claim-payout = 法币到账（在线钱包声称；已核对手续费 + 到账 = 金额）
cold-review-claims-note = 说明
cold-claims-note = 标有“在线钱包声称”的行不受交易约束；链上只保证支付金额、最少收到、汇率版本和截止高度。
cold-council-approve = 批准
cold-council-suspend = 暂停
cold-fee-mode-settlement = 结算模式（无兑换费）
cold-fee-mode-spread = 点差模式（平台收取费用）
cold-direction-sell = 卖出积分换 POINT
cold-direction-buy = 用 POINT 买入积分

# Subchains (issue 13)
cold-kind-subchain-register = 注册子链
cold-kind-subchain-report = 报告子链区块头
cold-kind-subchain-retire = 注销子链
cold-review-subchain = 子链
cold-review-subchain-name = 子链名称
cold-review-subchain-consensus = 共识
cold-review-subchain-stake = 锁定的押金
cold-review-subchain-height = 子链高度
cold-review-subchain-header = 区块头 ID
cold-review-party = 参与方
cold-review-party-name = 参与方名称
cold-review-party-roles = 角色
cold-review-item = 商品（GTIN/序列号）
cold-review-item-records = 已锚定记录数
cold-review-item-root = 记录根哈希
cold-review-item-sale = 售出
cold-review-item-sale-note = 将此商品登记为由您售出（retail_selling）；同一序列号再次售出即表明标签被复制
cold-kind-party-register = 登记溯源参与方
cold-kind-item-anchor = 锚定商品记录
cold-kind-item-sale = 登记商品售出
