## 终端里的积分与 POINT（jifen points、merchants、merchant、quote、swap、pay、request-payment、withdraw）

points-header = { $address } 的资产，已在高度 { $height }（{ $hash }）证明；共有 { $merchants } 个注册商户：
points-row = { $amount }  { $name } [{ $id }] { $status }
points-hidden = 还有 { $count } 个您未持有积分的商户未显示（--all 可全部列出）。
points-tx-included = 完成：交易 { $tx } 已证明包含在高度 { $height }（{ $hash }）；POINT 余额现为 { $balance }。
merchant-status-proposed = 等待理事会批准
merchant-status-approved = 已批准
merchant-status-suspended = 已被理事会暂停
rate-mode-settlement = 结算模式（您不付手续费）
rate-mode-spread = 点差模式（平台费用已含在价格中）
rate-state-current = 当前
rate-state-expired = 已过期
rate-state-old = 已替换
merchants-none = 此链上没有注册商户。
merchant-no-rate = 未公布汇率：不兑换积分
merchant-line = [{ $id }] { $symbol } { $name }：{ $status }；保证金 { $deposit }；{ $rate }
rate-line = 汇率第 { $version } 版（{ $state }）：回收 1 { $symbol } 付 { $bid } POINT，发行 1 { $symbol } 收 { $ask } POINT；{ $mode }，手续费 { $fee } 个基点；于高度 { $set } 设定，有效至 { $until }
rate-limits = {"    "}卖出至少 { $sell_min }，步长 { $sell_step }；买入至少 { $buy_min }，步长 { $buy_step }
merchant-detail = 商户 [{ $id }] { $name }（{ $symbol }，{ $decimals } 位小数）：{ $status }
    所有者：           { $owner }
    保证金：           { $deposit }
    流通积分：         { $outstanding }
    注册高度：         { $registered }
    已在高度 { $height }（{ $hash }）证明
swap-side-sell = 卖出积分换 POINT
swap-side-buy = 用 POINT 买入积分
swap-review = { $side }，商户 { $merchant }：
    您支付：           { $pay }
    您收到：           { $receive }
    最少收到：         { $min_receive }（滑点容忍度 { $slippage } 个基点；低于此数链会拒绝兑换）
    汇率：             1 { $symbol } = { $bid } POINT（回收价）/ { $ask } POINT（发行价）；此次使用 { $rate_side ->
        [bid] 回收价
       *[other] 发行价
    }
    实际价格：         1 { $symbol } = { $effective } POINT（含费用）
    按中间价：         { $at_mid }；此次相对中间价成本 { $cost_mid }（{ $cost_mid_bps } 个基点）
    手续费模式：       { $mode }
    兑换手续费：       { $exchange_fee }（归平台）
    网络手续费：       { $network_fee }
    提现手续费：       { $withdrawal_fee }（若将 POINT 提现为法币）
    往返成本：         立即换回可得 { $round_back }，成本 { $round_cost }（{ $round_bps } 个基点）
    限额：             至少 { $minimum }，步长 { $increment }；商户保证金 { $deposit }
    您的余额：         { $balance }
    汇率来源：         第 { $version } 版，于高度 { $set_at } 设定，已在高度 { $height }（{ $hash }）证明
    截止：             高度 { $deadline }；此报价可在 { $seconds } 秒内确认
swap-irreversible = 兑换一旦进入区块便无法撤销。
swap-confirm = 确认兑换？输入 y 确认：{" "}
swap-cancelled = 未进行任何兑换。
swap-receipt = 兑换完成，与报价完全一致：支付 { $paid }，收到 { $received }（最少 { $min_receive }）。
    兑换手续费 { $exchange_fee }，网络手续费 { $network_fee }，汇率第 { $version } 版
    交易 { $tx } 已证明包含在高度 { $height }，位置 { $index }（{ $hash }）
    之后的余额（已在高度 { $balances_height } 证明）：{ $balance_in } 和 { $balance_out }
swap-receipt-differs = 兑换完成，但与报价不一致：支付 { $paid }，报价 { $quoted }，收到 { $received }（最少 { $min_receive }）。
    兑换手续费 { $exchange_fee }，网络手续费 { $network_fee }，汇率第 { $version } 版
    交易 { $tx } 已证明包含在高度 { $height }，位置 { $index }（{ $hash }）
    之后的余额（已在高度 { $balances_height } 证明）：{ $balance_in } 和 { $balance_out }
pay-payee-merchant = { $name } [{ $id }]，已注册商户（{ $status }），已证明
pay-payee-not-merchant = 警告：此地址不属于任何注册商户。请仅在您确知对方身份时付款。
pay-review = 请核对付款：
    收款方：         { $to }
    收款人：         { $payee }
    对方标签：       { $label }（商户自己的说法，未经证明）
    订单 / 备注：    { $memo }（随付款记录在链上）
    金额：           { $amount }
    网络手续费：     { $network_fee }
    您的余额：       { $balance }（已在高度 { $height } 证明）；付款后 { $remaining }
    请求过期时间：   { $expires }
pay-confirm = 确认付款？输入 y 确认：{" "}
pay-cancelled = 未付款。
pay-receipt = 已向 { $to } 支付 { $amount }（备注 { $memo }）。
    交易 { $tx } 已证明包含在高度 { $height }（{ $hash }）；您的余额现为 { $balance }
cli-pay-no-request-in-picture = 图片中没有找到收款请求（jifen: 码）。
request-png-written = 二维码已写入 { $path }。
request-any-amount = 任意数量的 { $asset }（由付款人填写）
request-shown = 向 { $to } 收取 { $amount }（备注 { $memo }）的收款请求。请向付款人出示此码：
withdraw-review = 请核对提现：
    提现：           { $amount }（在链上销毁）
    提现手续费：     { $fee }（{ $fee_bps } 个基点，至少 { $fee_min }）
    到账：           法币 { $payout }，付至参考“{ $reference }”
    网络手续费：     { $network_fee }
    您的余额：       { $balance }（已在高度 { $height } 证明）；提现后 { $remaining }
withdraw-confirm = 确认提现？输入 y 确认：{" "}
withdraw-cancelled = 未提现。
merchant-action-set-rate = 公布新汇率
merchant-action-issue = 发行积分
merchant-action-top-up = 追加保证金
merchant-action-withdraw-deposit = 提取保证金
merchant-action-review = 请核对：为 { $merchant } { $action }
    新汇率：         { $rate }
    给：             { $to }
    数量：           { $amount }
    保证金：         现为 { $deposit }，之后 { $deposit_after }（须保留 { $required }）
    网络手续费：     { $network_fee }
    已在高度 { $height } 证明
merchant-action-confirm = 确认执行？输入 y 确认：{" "}
merchant-action-cancelled = 未执行任何操作。
request-waiting = 最多等待 { $seconds } 秒，直到付款得到证明……
request-paid = 已收款：{ $from } 支付 { $amount }（备注 { $memo }），交易 { $tx } 已证明包含在高度 { $height }（{ $hash }）。
request-not-paid = 在 { $seconds } 秒内没有证明到对应此请求的付款。请求在过期前仍然有效。
history-header = { $address } 的记录：共 { $total } 条，已在高度 { $height }（{ $hash }）证明完整。最新的在前：
history-entry = #{ $index } 高度 { $height }  { $kind }  { $moves }  对方 { $party }  备注 { $memo }  （{ $tx }）
history-entry-failed = #{ $index } 高度 { $height }  { $kind } 失败（代码 { $code }），只扣了手续费：{ $moves }  （{ $tx }）
history-older = 另有 { $count } 条较早的记录已检查但未显示（--limit 可显示更多）。
history-kind-transfer = POINT 转账
history-kind-transfer-asset = 付款
history-kind-swap = 兑换
history-kind-withdraw = 提现
history-kind-mint = 铸造 POINT
history-kind-points-issue = 发行积分
history-kind-deposit-top-up = 追加保证金
history-kind-deposit-withdraw = 提取保证金
history-kind-merchant-register = 商户注册
history-kind-council-vote = 理事会投票
history-kind-rate-set = 新汇率
history-kind-bond = 质押
history-kind-unbond = 解除质押
receipt-header = 交易 { $tx }，已证明包含在高度 { $height }（{ $hash }）：
receipt-bundle-written = 回执已作为审计包写入 { $path }（{ $headers } 个已验证区块头）；任何人都可以用“jifen verify-bundle”离线核验。
bundle-transaction = 它证明交易 { $tx }（{ $kind }，由 { $sender } 发送）位于区块 { $height } 的第 { $index } 位，结果代码 { $code }（0：成功）。
cli-tx-id-malformed = “{ $text }”不是交易编号（64 位十六进制数字）。
history-peer-lied = 它提供的记录与已证明的账户不符（有条目被遗漏、添加、篡改或顺序错乱）。{ $reason }

## Help of the points commands
help-points = 列出您持有的 POINT 和各商户积分，每笔余额都已证明。
help-points-wallet = 钱包名称（只有一个钱包时可省略）。
help-points-address = 改用任意地址，而非钱包的地址。
help-points-index = 钱包的收款地址序号。
help-points-all = 同时列出您未持有其积分的商户。
help-points-json = 输出机器可读的格式。
help-merchants = 列出已注册商户及其当前汇率（已证明）。
help-merchants-json = 输出机器可读的格式。
help-merchant = 查看商户及其汇率历史；管理您自己的商户。
help-quote = 为商户积分与 POINT 之间的兑换报价（不签名）。
help-quote-wallet = 钱包名称（只有一个钱包时可省略）。
help-quote-merchant = 商户：编号、M1、M2……或代号（TEA）。
help-quote-side = sell：卖出积分换 POINT；buy：用 POINT 买入积分。
help-quote-amount = 数量，以该资产的单位计。
help-quote-slippage_bps = 滑点容忍度，单位为基点（默认 0：汇率版本已固定）。
help-quote-index = 钱包的收款地址序号。
help-quote-json = 输出机器可读的格式。
help-swap = 按已证明的报价在商户积分与 POINT 之间双向兑换。
help-swap-wallet = 钱包名称（只有一个钱包时可省略）。
help-swap-merchant = 商户：编号、M1、M2……或代号（TEA）。
help-swap-side = sell：卖出积分换 POINT；buy：用 POINT 买入积分。
help-swap-amount = 数量，以该资产的单位计。
help-swap-slippage_bps = 滑点容忍度，单位为基点（默认 0：汇率版本已固定）。
help-swap-index = 钱包的收款地址序号。
help-swap-password_fd = 从此文件描述符读取钱包密码。
help-swap-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-swap-yes = 不询问确认。
help-swap-timeout = 等待打包证明的秒数。
help-swap-no_keyring = 不尝试操作系统钥匙串。
help-swap-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-swap-terminal = 观察钱包的签名请求：在终端中显示其二维码。
help-pay = 支付收款请求（jifen: 链接或其二维码图片）。
help-pay-wallet = 钱包名称（只有一个钱包时可省略）。
help-pay-request = 收款请求（jifen:...）。
help-pay-qr = 改为从二维码图片（PNG 或 JPEG）读取请求。
help-pay-amount = 数量，以该资产的单位计。
help-pay-index = 钱包的收款地址序号。
help-pay-password_fd = 从此文件描述符读取钱包密码。
help-pay-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-pay-yes = 不询问确认。
help-pay-timeout = 等待打包证明的秒数。
help-pay-no_keyring = 不尝试操作系统钥匙串。
help-pay-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-pay-terminal = 观察钱包的签名请求：在终端中显示其二维码。
help-request-payment = 生成收款请求（链接和二维码），收款到您的地址。
help-request-payment-wallet = 钱包名称（只有一个钱包时可省略）。
help-request-payment-asset = POINT，或某商户的积分（编号、M1、M2……或代号）。
help-request-payment-amount = 数量，以该资产的单位计。
help-request-payment-memo = 订单号或备注，记录在链上（最多 128 字节）。
help-request-payment-label = 付款人钱包显示的您的名称。
help-request-payment-expires_in = 请求可支付的秒数。
help-request-payment-index = 钱包的收款地址序号。
help-request-payment-png = 将二维码写入 PNG 文件。
help-request-payment-wait = 然后等待（最多这么多秒）直到付款得到证明。
help-request-payment-json = 输出机器可读的格式。
help-history = 查看您的 POINT 和积分记录：已证明完整，每条都已证明包含在区块中。
help-history-wallet = 钱包名称（只有一个钱包时可省略）。
help-history-address = 改用任意地址，而非钱包的地址。
help-history-index = 钱包的收款地址序号。
help-history-limit = 证明并显示最新的多少条记录（最多 200）。
help-history-json = 输出机器可读的格式。
help-receipt = 查看已证明包含的交易，并导出为审计包。
help-receipt-wallet = 钱包名称（只有一个钱包时可省略）。
help-receipt-tx_id = 交易编号（十六进制）。
help-receipt-index = 钱包的收款地址序号。
help-receipt-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-receipt-json = 输出机器可读的格式。
help-withdraw = 将 POINT 提现为法币（链上销毁，链下扣除手续费后支付）。
help-withdraw-wallet = 钱包名称（只有一个钱包时可省略）。
help-withdraw-amount = 数量，以该资产的单位计。
help-withdraw-reference = 付款参考（法币去向；在链上公开）。
help-withdraw-index = 钱包的收款地址序号。
help-withdraw-password_fd = 从此文件描述符读取钱包密码。
help-withdraw-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-withdraw-yes = 不询问确认。
help-withdraw-timeout = 等待打包证明的秒数。
help-withdraw-no_keyring = 不尝试操作系统钥匙串。
help-withdraw-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-withdraw-terminal = 观察钱包的签名请求：在终端中显示其二维码。
help-merchant-show = 查看商户及其汇率历史（已证明）。
help-merchant-show-merchant = 商户：编号、M1、M2……或代号（TEA）。
help-merchant-show-rates = 显示多少个汇率版本（最新的在前）。
help-merchant-show-json = 输出机器可读的格式。
help-merchant-rate = 公布新的汇率版本（所有者）。
help-merchant-rate-set = 公布新的汇率版本。
help-merchant-rate-set-wallet = 钱包名称（只有一个钱包时可省略）。
help-merchant-rate-set-merchant = 商户：编号、M1、M2……或代号（TEA）。
help-merchant-rate-set-mode = 手续费模式：settlement（结算）或 spread（点差）。
help-merchant-rate-set-bid = 回收每个积分支付的 POINT（点差模式：中间价）。
help-merchant-rate-set-ask = 发行每个积分收取的 POINT（点差模式：与 --bid 相同）。
help-merchant-rate-set-fee_bps = 兑换手续费，单位为基点（点差模式；结算模式为 0）。
help-merchant-rate-set-sell_min = 最小卖出数量（积分）。
help-merchant-rate-set-sell_step = 卖出步长（积分）。
help-merchant-rate-set-buy_min = 最小买入金额（POINT）。
help-merchant-rate-set-buy_step = 买入步长（POINT）。
help-merchant-rate-set-valid_for = 汇率保持有效的区块数。
help-merchant-rate-set-index = 钱包的收款地址序号。
help-merchant-rate-set-password_fd = 从此文件描述符读取钱包密码。
help-merchant-rate-set-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-merchant-rate-set-yes = 不询问确认。
help-merchant-rate-set-timeout = 等待打包证明的秒数。
help-merchant-rate-set-no_keyring = 不尝试操作系统钥匙串。
help-merchant-rate-set-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-merchant-rate-set-terminal = 观察钱包的签名请求：在终端中显示其二维码。
help-merchant-issue = 向顾客发行积分（所有者）。
help-merchant-issue-wallet = 钱包名称（只有一个钱包时可省略）。
help-merchant-issue-merchant = 商户：编号、M1、M2……或代号（TEA）。
help-merchant-issue-to = 顾客的地址。
help-merchant-issue-amount = 数量，以该资产的单位计。
help-merchant-issue-index = 钱包的收款地址序号。
help-merchant-issue-password_fd = 从此文件描述符读取钱包密码。
help-merchant-issue-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-merchant-issue-yes = 不询问确认。
help-merchant-issue-timeout = 等待打包证明的秒数。
help-merchant-issue-no_keyring = 不尝试操作系统钥匙串。
help-merchant-issue-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-merchant-issue-terminal = 观察钱包的签名请求：在终端中显示其二维码。
help-merchant-deposit = 追加或提取 POINT 保证金（所有者）。
help-merchant-deposit-top-up = 向保证金追加 POINT。
help-merchant-deposit-top-up-wallet = 钱包名称（只有一个钱包时可省略）。
help-merchant-deposit-top-up-merchant = 商户：编号、M1、M2……或代号（TEA）。
help-merchant-deposit-top-up-amount = 数量，以该资产的单位计。
help-merchant-deposit-top-up-index = 钱包的收款地址序号。
help-merchant-deposit-top-up-password_fd = 从此文件描述符读取钱包密码。
help-merchant-deposit-top-up-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-merchant-deposit-top-up-yes = 不询问确认。
help-merchant-deposit-top-up-timeout = 等待打包证明的秒数。
help-merchant-deposit-top-up-no_keyring = 不尝试操作系统钥匙串。
help-merchant-deposit-top-up-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-merchant-deposit-top-up-terminal = 观察钱包的签名请求：在终端中显示其二维码。
help-merchant-deposit-withdraw = 从保证金中取出 POINT（不低于须保留的数额）。
help-merchant-deposit-withdraw-wallet = 钱包名称（只有一个钱包时可省略）。
help-merchant-deposit-withdraw-merchant = 商户：编号、M1、M2……或代号（TEA）。
help-merchant-deposit-withdraw-amount = 数量，以该资产的单位计。
help-merchant-deposit-withdraw-index = 钱包的收款地址序号。
help-merchant-deposit-withdraw-password_fd = 从此文件描述符读取钱包密码。
help-merchant-deposit-withdraw-fee = 网络手续费，单位 POINT（默认最低值 0.001）。
help-merchant-deposit-withdraw-yes = 不询问确认。
help-merchant-deposit-withdraw-timeout = 等待打包证明的秒数。
help-merchant-deposit-withdraw-no_keyring = 不尝试操作系统钥匙串。
help-merchant-deposit-withdraw-out = 观察钱包的签名请求：将其二维码帧以 PNG 文件写入此目录。
help-merchant-deposit-withdraw-terminal = 观察钱包的签名请求：在终端中显示其二维码。
