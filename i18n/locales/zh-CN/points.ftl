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
