## app: the desktop app screens messages (zh-CN)

app-title = 积分 Jifen
app-loading = 正在加载…
app-language = 语言
app-language-zh-CN = 简体中文
app-language-zh-TW = 繁體中文
app-language-en = English
app-error-unexpected = 发生了意外错误：{ $detail }
app-error-unknown-code = 出现错误（代码“{ $code }”）。
app-network-line = 网络：{ $network }
app-back = 返回
app-continue = 继续
app-wallet = 钱包
app-wallet-name = 钱包名称
app-password = 密码
app-password-repeat = 再次输入密码
app-password-mismatch = 两次输入的密码不一致。

## Errors raised by the app itself
app-engine-start = 应用无法启动钱包服务。
app-engine-stopped = 钱包服务已停止，请重新启动应用。
app-no-data-dir = 找不到数据目录，请设置 JIFEN_DATA_DIR。
app-settings-io = 无法保存应用设置。
app-locked = 请先解锁钱包。
app-unknown-language = 未知语言“{ $tag }”。

## First run
app-welcome-title = 欢迎使用积分钱包
app-welcome-lead = 每一笔余额都用签名区块头和默克尔证明核验，无需信任任何服务器。
app-welcome-create = 创建新钱包
app-welcome-create-hint = 生成新的助记词，抄写并核对。
app-welcome-restore = 恢复钱包
app-welcome-restore-hint = 用您抄下的 12 或 24 个助记词恢复。
app-welcome-have-wallet = 本机已有钱包：去解锁

## Create and backup
app-create-title = 创建钱包
app-create-words = 助记词数量
app-create-word-list = 助记词语言
app-word-list-zh-hans = 简体中文
app-word-list-zh-hant = 繁体中文
app-word-list-en = 英文
app-create-kdf-note = 密码经 Argon2id 加强，强度按本机性能调校（约一秒）。
app-create-submit = 创建
app-create-working = 正在按本机性能调校密码保护并写入钱包…
app-backup-title = 抄写助记词
app-backup-auth-lead = 请再次输入密码以显示助记词。助记词只显示这一次：请按顺序抄在纸上。
app-backup-later = 稍后
app-backup-reveal = 显示助记词
app-backup-warning = 任何人拿到这些词就拥有这个钱包。切勿拍照，也不要输入任何网站。
app-backup-written = 我已抄好
app-backup-check-title = 核对备份
app-backup-word-n = 第 { $n } 个词
app-backup-check-submit = 核对
app-backup-done = 备份核对无误。请把纸妥善保管。

## Restore
app-restore-title = 恢复钱包
app-restore-words = 助记词
app-restore-words-hint = 词之间用空格分隔；可识别中文和英文词表。
app-restore-passphrase = BIP39 附加密码（仅在您设置过时填写）
app-restore-submit = 恢复

## Unlock
app-unlock-title = 解锁
app-unlock-working = 正在解锁…
app-unlock-submit = 解锁

## Home and navigation
app-nav-home = 首页
app-nav-receive = 收款
app-nav-settings = 设置
app-home-title = 钱包“{ $name }”
app-home-backup-missing = 此钱包的助记词尚未核对。
app-home-backup-now = 立即备份
app-home-address = 您的地址

## Receive
app-receive-title = 收款
app-receive-lead = 请向付款方出示此二维码或地址。
app-receive-index = 第 { $index } 号地址
app-receive-previous = 上一个地址
app-receive-next = 下一个地址

## Settings
app-settings-title = 设置
app-settings-working = 正在处理…
app-settings-calibrating = 正在测量本机性能…
app-settings-password-changed = 密码已修改。
app-settings-kdf-done = 密码保护已重新调校。
app-settings-keyring-on = 现在可以用系统钥匙串解锁此钱包。
app-settings-keyring-off = 已删除系统钥匙串中的条目。
app-settings-language = 语言
app-settings-backup = 备份
app-settings-backup-ok = 助记词已核对。
app-settings-backup-check = 核对我抄写的助记词
app-settings-password = 修改密码
app-settings-old-password = 当前密码
app-settings-new-password = 新密码
app-settings-password-submit = 修改密码
app-settings-keyring = 系统钥匙串
app-settings-keyring-lead = 在操作系统钥匙串中保存一把密钥，在本机打开钱包时无需输入密码。
app-settings-keyring-present = 已有钥匙串密钥槽。
app-settings-keyring-remove = 删除钥匙串密钥槽
app-settings-keyring-add = 添加钥匙串密钥槽
app-settings-kdf = 密码保护（Argon2id）
app-settings-kdf-params = 内存 { $memory } MiB，{ $passes } 轮，{ $lanes } 条通道
app-settings-kdf-measured = 在本机解锁一次约需 { $millis } 毫秒。
app-settings-kdf-submit = 按本机性能重新调校
app-settings-lock = 锁定钱包

## Balance, sync and audit
app-nav-send = 转账
app-nav-audit = 同步与审计
app-balance-title = 余额
app-balance-proven = 已在第 { $height } 个区块证明
app-balance-waiting = 正在验证链，验证后显示余额…
app-balance-unknown = 尚无已验证的余额。
app-sync-phase-bootstrapping = 正在检查信任根
app-sync-phase-syncing = 正在验证区块头
app-sync-phase-cross-checking = 正在与见证节点交叉核对
app-sync-phase-done = 已验证
app-sync-heights = 第 { $current } / { $target } 个区块
app-sync-eta = 约剩 { $seconds } 秒
app-sync-cancel = 取消
app-sync-now = 立即同步
app-sync-trusted = 已验证到第 { $height } 个区块
app-sync-tip-old = 最新的已验证区块签署于{ $age }：余额可能已过时。请再次同步；如果仍然过旧，说明链已停滞或节点已停止应答。
app-sync-never = 尚未同步
app-sync-peers = { $total } 个节点中 { $active } 个在用
app-faucet = 领取 100 个测试 POINT（开发网）
app-faucet-working = 正在发送测试 POINT…
app-faucet-note = 仅限开发网：测试 POINT 来自公开的开发网账户 0，没有任何价值。
app-peer-role-primary = 主节点
app-peer-role-witness = 见证节点
app-peer-state-active = 在用
app-peer-state-unreachable = 无法连接
app-peer-state-demoted = 已弃用（发送了无效数据）
app-audit-title = 同步与审计
app-audit-trusted = 可信区块
app-audit-trusted-line = 第 { $height } 个区块，签署于 { $time }
app-audit-chain = 链 { $chain }（{ $network }）
app-audit-peers = 节点
app-audit-cross-check = 见证节点在第 { $height } 个区块一致（{ $agreed } 个一致）
app-audit-evidence = 节点作恶证据
app-audit-no-evidence = 无：没有节点相互矛盾。
app-audit-bundle = 审计包
app-audit-bundle-lead = 导出您的余额背后的区块头和证明，任何人都可以离线核验。
app-audit-export = 导出审计包
app-audit-exported = 已保存到 { $path }

## Send
app-send-title = 转出 POINT
app-send-to = 收款地址
app-send-from = 付款地址
app-send-amount = 金额（POINT）
app-send-fee = 手续费（POINT）
app-send-fee-hint = 留空则使用网络的最低手续费（开发网为 0.001 POINT）。
app-send-review = 核对
app-send-review-title = 发送前请核对
app-send-total = 合计
app-send-remaining = 发送后余额
app-send-confirm = 签名并发送
app-send-stage-signing = 正在签名…
app-send-stage-submitted = 已发送到节点…
app-send-stage-waiting = 正在等待区块及其包含证明…
app-send-stage-included = 已上链。
app-send-tx-id = 交易 { $id }
app-send-included = 已包含在第 { $height } 个区块中，并已证明。
app-send-included-detail = 区块内第 { $index } 笔；区块头 { $hash }…
app-send-new-balance = 新余额 { $points } POINT，已在第 { $height } 个区块证明
app-send-another = 再转一笔
app-settings-endpoints = 网络与节点
app-settings-endpoints-lead = 第一个节点提供区块头，其余为交叉核对的见证节点。每行一个地址。
app-settings-endpoints-save = 保存节点
app-settings-endpoints-saved = 节点已保存。

## Scan
app-nav-scan = 扫码
app-scan-title = 扫描二维码
app-scan-lead = 请选择一张二维码的照片或截图（PNG 或 JPEG）。手机上则使用摄像头。
app-scan-choose = 图片文件
app-scan-kind-address = 一个地址
app-scan-kind-sign-request = 一个冷签名请求
app-scan-kind-signature = 一个冷签名结果
app-scan-kind-account = 一个冷钱包账户（配对）
app-scan-kind-unknown = 不是积分的二维码
app-scan-send-to = 向此地址转账

## 离线签名：应用本身的错误
app-cold-offline = 本设备是离线签名设备，不建立任何网络连接。如需联网，请在“设置”中退出离线签名模式。
app-not-watch-only = 钱包“{ $name }”有自己的私钥，请用密码解锁。
app-watch-only-needs-request = 只读钱包无法签名：请为它的离线设备生成签名请求。
app-bad-mode = 未知的模式“{ $mode }”。
app-too-many-images = 图片太多：一次最多 { $max } 张（收到 { $got } 张）。

## 离线签名：首次使用与模式
app-welcome-pair = 配对离线设备（只读钱包）
app-welcome-pair-hint = 导入离线签名设备的账户二维码：在这里查看余额、生成签名请求，在那里签名。
app-welcome-cold = 将本设备用作离线签名设备
app-welcome-cold-hint = 私钥保存在这台不联网的设备上；它审核并签署以二维码出示的请求。
app-cold-banner = 离线签名设备：本应用不建立任何网络连接。
app-cold-welcome-lead = 本设备是离线签名设备。请创建或恢复私钥将保存在这里的钱包。
app-cold-leave-lead = 不打算把本设备用作离线签名设备？
app-cold-leave = 退出离线签名模式
app-cold-start-title = 将本设备用作离线签名设备
app-cold-start-lead = 离线签名设备把钱包的私钥保存在一台从不联网的设备上。另一台设备上的只读钱包负责生成交易，本设备只负责签名。
app-cold-start-offline = 本应用将不建立任何网络连接：不能在这里同步、查看余额或发送交易。
app-cold-start-keys = 私钥始终留在本设备上；离开本设备的只有公钥和签名，以二维码的形式传递。
app-cold-start-review = 签名前会逐行显示每笔请求及其指纹；请与在线钱包显示的指纹核对。
app-cold-start-codes = 二维码以图片传递：在屏幕上出示，或保存为图片文件，通过 U 盘或纸张传递。
app-cold-start-leave = 以后可以在“设置”中退出离线签名模式。
app-cold-start-create-hint = 为签名设备生成新的助记词，抄写并核对。
app-cold-start-unlock = 使用本机已有的钱包
app-cold-start-unlock-hint = 用密码打开本机已有的某个钱包。
app-cold-start-use-open = 使用当前打开的钱包“{ $name }”
app-cold-start-use-open-hint = 当前打开的钱包将作为签名设备的钱包。
app-settings-mode = 本设备的用途
app-settings-mode-wallet = 在线钱包：应用与网络同步，并自行发送交易。
app-settings-mode-watch-only = 已与离线设备配对的只读钱包（链 { $chain }）：交易在那台设备上签名。
app-settings-mode-cold = 离线签名设备：应用不建立任何网络连接，只在您审核后签署出示给它的请求。
app-settings-mode-leave-lead = 退出离线签名模式后，本应用将重新连接网络（同步、余额、转账）。只有在本设备不再保持离线时才这样做；无论如何，私钥都保留在钱包中。

## 离线签名：只读钱包
app-watch-only = 只读
app-watch-only-badge = 只读钱包 · 已与离线设备配对（链 { $chain }）
app-home-pending = 签名请求与签名
app-unlock-watch-only = 只读钱包
app-unlock-watch-only-cold = 离线签名设备不能使用只读钱包：它们没有私钥。
app-unlock-open = 打开
app-pair-title = 配对离线设备
app-pair-lead = 请在离线设备上打开“与在线钱包配对”。它的账户二维码只包含公钥。
app-pair-step-cold = 在离线设备上显示账户二维码（或把各帧保存为图片）。
app-pair-step-pictures = 在这里选择二维码的图片：一张，或动画的多帧，顺序不限。
app-pair-step-import = 为只读钱包命名并导入。
app-pair-import = 导入
app-pair-working = 正在读取二维码…
app-pair-missing = 二维码还缺少 { $missing } 个分片。
app-pair-watch-only-note = 导入的钱包是只读钱包：它显示已证明的余额并生成签名请求，由离线设备签名。
app-send-watch-only-note = 这是只读钱包：最后一步会为它的离线设备生成签名请求。
app-request-make = 生成签名请求
app-request-working = 正在证明余额和序号，并生成请求…
app-request-title = 给离线设备的签名请求
app-request-lead = 请向离线设备出示此二维码（或把各帧保存为图片）。请求指纹：
app-request-compare = 离线设备签名前，请核对它显示的指纹与此一致。
app-request-id = 请求 { $id }
app-request-signature-title = 离线设备的签名
app-request-signature-lead = 请选择离线设备显示的签名二维码的图片。
app-accept-title = 接受签名
app-accept-pending = 待签请求
app-accept-pending-none = 没有待签请求。
app-accept-new-request = 生成新请求
app-accept-submit = 接受并广播
app-accept-working = 正在用配对的公钥核验签名…
app-accept-another = 接受另一个签名
app-accept-discard = 丢弃
app-accept-discard-confirm = 要丢弃指纹为 { $fingerprint } 的请求吗？丢弃后，它的签名将被拒绝。
app-accept-discard-yes = 确认丢弃
app-accept-discard-keep = 保留
app-accept-discarded = 已丢弃请求 { $fingerprint }。
app-accept-superseded = 已失效：它的序号（nonce）已在链上使用，无法再广播，请丢弃

## 离线签名：签名设备
app-nav-cold-pair = 与在线钱包配对
app-nav-cold-sign = 签署请求
app-cold-home-title = 离线签名设备“{ $name }”
app-cold-home-pair-hint = 向在线钱包出示本钱包的账户二维码（只需一次）。
app-cold-home-sign-hint = 从图片读取签名请求，审核后签名。
app-cold-home-scan-hint = 是别的二维码的图片？
app-cold-pair-title = 与在线钱包配对
app-cold-pair-lead = 在线钱包会把此二维码导入为只读钱包。它只包含公钥，绝不包含任何机密。
app-cold-pair-chain = 签名的链
app-cold-pair-chain-hint = 本设备会拒绝其他链的请求。
app-cold-pair-submit = 显示配对二维码
app-cold-pair-working = 正在推导账户…
app-cold-pair-done = 已配对链 { $chain }。请在在线钱包中选择“配对离线设备”并读取此二维码。
app-cold-pair-master = 主密钥指纹：
app-cold-pair-next = 导入后，在线钱包显示的地址与本设备相同。
app-cold-sign-title = 签署请求
app-cold-sign-lead = 请选择在线钱包显示的签名请求的图片：一张，或动画的多帧，顺序不限。
app-cold-sign-review = 审核
app-cold-sign-reading = 正在读取并检查请求…
app-cold-sign-pair-first = 钱包“{ $wallet }”尚未配对：请先与在线钱包配对。
app-cold-sign-check = 请逐行核对：确认前不会签名
app-cold-sign-fingerprint = 请求指纹
app-cold-sign-match = 请核对它与在线钱包一致：在线钱包上必须显示相同的指纹。
app-cold-sign-reject = 拒绝
app-cold-sign-confirm = 确认并签名
app-cold-sign-signing = 正在签名…
app-cold-sign-done = 已签名。请向在线钱包出示此二维码（或把各帧保存为图片）。
app-cold-sign-another = 签署另一笔请求

## 二维码
app-qr-frame = 第 { $index } / { $count } 帧
app-qr-fragments = { $count } 个分片
app-qr-static = 单个二维码：读取一次即可。
app-qr-pause = 暂停
app-qr-resume = 继续播放
app-qr-speed = 速度：每秒 { $fps } 帧
app-qr-animated-hint = 对方设备需要收齐所有分片：请让摄像头对准二维码，直到读取足够的帧（顺序不限）。
app-qr-save = 保存为图片
app-qr-saved = 各帧已保存到 { $dir }
app-qr-images-choose = 二维码图片（PNG 或 JPEG）
app-qr-images-count = 已选择 { $count } 张图片
app-qr-images-clear = 清除
app-qr-add-more = 请添加动画的更多图片（其他帧）后重试；已选择的图片会保留。
app-scan-account-lead = 把它导入为与该离线设备配对的只读钱包。
app-scan-account-on-online = 请在在线钱包上导入此二维码（“配对离线设备”），而不是在签名设备上。
app-scan-pair = 配对为只读钱包
app-scan-request-lead = 签名前请逐行审核这笔请求。
app-scan-request-on-cold = 请把这笔请求出示给保存私钥的离线设备（处于离线签名模式的设备）。
app-scan-review-sign = 审核并签名
app-scan-signature-lead = 把它作为本钱包某笔待签请求的回应接受，并广播交易。
app-scan-signature-on-online = 请在生成该请求的只读钱包中接受此签名。

## 钱包用例（应用）
app-qr-no-parts = 没有可显示的二维码。
app-settings-corrupt = 应用的设置文件已损坏（{ $reason }）：应用以离线冷签名设备的方式启动。请重新选择本设备的用途。

## 备份检查（答案一起提交；答错时不指出是哪个词）
app-backup-tries = 这组词还可以尝试 { $left } 次。
app-backup-mismatch-left = 这些词与您的备份不符。请核对纸上的记录后重试（还剩 { $left } 次）。
app-backup-no-tries = 这组词的尝试次数已用完。请输入密码，换几个词再检查。
app-backup-recheck-lead = 输入密码后，会请您写出纸上记录中的几个词。
app-backup-recheck-start = 开始提问

## 解锁提示
app-kdf-upgraded = 密码保护已升级为本机当前的参数。
app-kdf-upgrade-failed = 密码保护未能升级；钱包仍以原有参数打开。
app-dismiss = 关闭
app-unlock-damaged = 无法读取的钱包

## 设置损坏（应用以离线签名设备启动）
app-settings-problem-title = 无法使用应用设置
app-settings-problem-lead = 在您选择之前，应用保持为离线签名设备，不连接网络。您的选择会保存为新的设置。
app-settings-problem-cold = 继续作为离线签名设备
app-settings-problem-wallet = 作为在线钱包使用
app-settings-checkpoint = 信任起点：检查点 { $checkpoint }
app-settings-checkpoint-genesis = 信任起点：首次使用时的创世区块

## 转账
app-send-balance = 余额
app-send-nonce = 序号（nonce）
app-send-chain = 链
app-send-reviewing = 正在证明余额和序号…
app-send-review-again = 这次核对已失效（被新的核对取代，或钱包已锁定）。发送前请重新核对转账。

## 同步提示
app-sync-note-peer-demoted = 已停用 { $peer }：{ $reason }
app-sync-note-primary-changed = 现在从 { $peer } 获取区块头
app-sync-note-evidence-written = 分叉证据已保存到 { $path }
app-peer-state-lagging-at = 落后（在区块 { $height }）

## 同步与审计：最新区块、信任起点、任务、证据、审计包
app-audit-tip-age = 签署于{ $age }
app-audit-trust-expires = 对此区块的信任持续到 { $time }；之后需要新的检查点。
app-audit-root-checkpoint = 信任起点：已配置的检查点
app-audit-root-genesis = 信任起点：首次使用时取得的创世区块
app-audit-root-genesis-agreed = 信任起点：首次使用时取得的创世区块（{ $agreed } 个见证节点提供了相同的区块）
app-audit-root-genesis-unwitnessed = 信任起点：首次使用时仅从主节点取得的创世区块，没有见证节点提供相同的区块。请在设置中添加见证节点或设置检查点。
app-audit-cross-check-lagging = { $lagging } 个落后
app-audit-jobs = 任务
app-audit-jobs-none = 没有正在运行或等待的任务。
app-job-kind-sync = 同步
app-job-kind-send = 转账
app-job-kind-faucet = 水龙头
app-job-kind-broadcast = 广播已签名的请求
app-job-kind-audit = 审计
app-job-kind-session = 连接节点
app-job-kind-subchain-audit = 子链审计
app-job-state-queued = 等待中
app-job-state-running = 运行中
app-job-cancelled = 已请求取消
app-audit-checking = 正在检查…
app-audit-exporting = 正在收集区块头和证明…
app-audit-exported-detail = 共 { $headers } 个已验证的区块头；账户在区块 { $height } 得到证明。
app-audit-evidence-verify-lead = 用本钱包验证过的验证者集合，检查一个证据文件（来自本设备或其他设备）。
app-audit-evidence-file = 证据文件（JSON）
app-audit-evidence-verify = 检查证据
app-audit-evidence-valid = 区块 { $height } 的分叉证据有效：{ $count } 个验证者（投票权 { $power } / { $total }）签署了两个区块。
app-audit-evidence-blocks = 两个区块：
app-audit-evidence-accountable = 两个都签署了的验证者：
app-audit-verify-title = 检查审计包
app-audit-verify-lead = 无需网络，检查在本设备或其他设备导出的审计包：从信任起点验证每个区块头，再验证账户证明。
app-audit-verify-file = 审计包（JSON）
app-audit-verify-checkpoint = 要信任的检查点（可选）
app-audit-verify-checkpoint-hint = 格式为 高度:哈希。留空则使用本钱包自己的信任起点。
app-audit-verify-submit = 检查审计包
app-audit-verify-valid = 有效：已验证 { $headers } 个区块头，直到区块 { $height }。
app-audit-verify-root = 检查起点（信任起点）：
app-audit-verify-time = 最后一个区块头签署于 { $time }
app-audit-verify-account = 该账户持有 { $points } { $asset }（下一个序号 { $nonce }），已证明。

## 待签名请求
app-accept-damaged = 无法读取此请求的记录：{ $reason } 仍可以丢弃它。
app-accept-discard-confirm-damaged = 丢弃无法读取的请求 { $id }？

## 签名和验证消息
app-message-title = 签名消息
app-message-lead = 用地址的私钥签署一段文字，证明您控制这个地址；任何人都可以在这里或用“jifen verify-message”检查签名。
app-message-sign = 签名
app-message-index = 地址编号
app-message-text = 消息
app-message-sign-hint = 只签署您理解的文字：签名表示此地址的持有人同意了它。
app-message-sign-submit = 签名消息
app-message-signed-by = 签名地址
app-message-signature = 签名
app-message-check-this = 检查这个签名
app-message-watch-only = 这是只读钱包：私钥在离线设备上，由离线设备签名消息。可以在这里检查签名。
app-message-verify = 检查签名
app-message-address = 地址
app-message-verify-submit = 检查签名
app-message-valid = 签名有效，签名地址 { $address }（{ $network }）。
app-receive-message-lead = 证明这个地址属于您：
app-cold-home-message-hint = 要证明某个地址属于您？
app-settings-endpoints-override = 本次运行使用 { $nodes }（由 JIFEN_ENDPOINTS 指定）。下面的列表会被保存，在不设置该变量启动时使用。

## 签名前再次确认密码
app-reauth-lead = 距离上次输入密码已过去几分钟。请再次输入密码以签署此操作。
app-reauth-submit = 确认并签名

## 积分（issue 12）：资产、商户、兑换、付款、收款码、提现、商户工具
app-nav-points = 积分
app-nav-swap = 兑换
app-nav-pay = 付款
app-nav-collect = 收款码
app-nav-more = 更多
app-action-confirm = 确认
app-scan-kind-payment-request = 一个付款请求
app-scan-pay = 核对并付款
app-scan-payment-request-elsewhere = 付款请求需要用本设备上持有密钥的钱包支付。
app-points-title = 积分
app-points-lead = 本钱包的 POINT 和各商户积分。每笔余额都依据已验证的区块证明，绝不轻信节点。
app-points-loading = 正在证明余额和商户…
app-points-assets = 我的资产
app-points-point-name = 联盟通用代币
app-points-registry = 已登记 { $count } 个商户（已在第 { $height } 个区块证明）。点选商户可查看其记录和汇率历史。
app-points-refresh = 重新证明
app-points-merchant-tools = 商户工具
app-points-merchant-tools-lead = 本钱包拥有以下商户：可发布汇率、发行积分、管理保证金。
app-points-manage = 管理
app-merchant-title = 商户
app-merchant-back = ← 积分
app-merchant-status-approved = 已批准
app-merchant-status-proposed = 待理事会审批
app-merchant-status-suspended = 已被理事会暂停
app-merchant-asset = 积分资产
app-merchant-decimals = { $decimals } 位小数
app-merchant-status = 状态
app-merchant-owner = 所有者
app-merchant-owner-you = 本钱包
app-merchant-deposit = 保证金
app-merchant-outstanding = 流通中的积分
app-merchant-registered = 登记于
app-merchant-genesis = 创世区块
app-merchant-block = 第 { $height } 个区块
app-merchant-swap = 兑换 { $symbol }
app-merchant-rates = 汇率历史
app-merchant-rates-lead = 该商户发布过的每个汇率版本，最新在前，单位为每 1 { $symbol } 的 POINT。版本一经设定永不更改，因此兑换所用的汇率始终可以证明。
app-merchant-no-rate = 尚未发布汇率：该商户目前不兑换积分。
app-rate-version = 版本
app-rate-set-at = 设定于
app-rate-bid = 买入价（您卖出）
app-rate-ask = 卖出价（您买入）
app-rate-fee = 费用
app-rate-limits = 限额
app-rate-valid-until = 有效至
app-rate-current = 当前
app-rate-expired = 已过期
app-rate-per-point = 每 1 { $symbol } { $price } POINT
app-rate-limit-sell = 卖出：最少 { $min }，步长 { $step }
app-rate-limit-buy = 买入：最少 { $min }，步长 { $step }
app-fee-mode-settlement = 结算模式
app-fee-mode-spread = 点差模式
app-fee-mode-settlement-detail = 商户与平台定期结算：不收兑换费，按商户自己的买入价和卖出价成交。
app-fee-mode-spread-detail = 平台围绕商户的中间价双向报价，并收取 POINT 一侧的 { $percent }。

## 兑换
app-swap-title = 兑换积分
app-swap-lead = 按商户已证明的汇率，把商户积分卖出换成 POINT，或用 POINT 买入积分。
app-swap-merchant = 商户
app-swap-direction = 方向
app-swap-buy = 用 POINT 买入 { $symbol }
app-swap-sell = 卖出 { $symbol } 换 POINT
app-swap-amount = 支付数量（{ $asset }）
app-swap-limits = 最少 { $min }，步长 { $step }
app-swap-limits-title = 最少数量和步长
app-swap-get-quote = 获取报价
app-swap-quoting = 正在证明汇率和余额…
app-swap-quote-title = 报价
app-swap-valid-for = 有效期还剩 { $seconds } 秒
app-swap-expired = 已过期
app-swap-quote-gone = 已失效
app-swap-pay = 您支付
app-swap-receive = 您得到
app-swap-min-receive = 最少得到
app-swap-no-slippage = 此次兑换指定了这个汇率版本：链上要么按此数量支付，要么拒绝兑换。
app-swap-slippage = 最多接受少 { $percent }。
app-swap-rate = 汇率
app-swap-side-bid = 商户买入价：商户为积分支付的价格
app-swap-side-ask = 商户卖出价：商户出售积分的价格
app-swap-effective = 扣除费用后：每 1 { $symbol } { $price } POINT
app-swap-vs-mid = 相对中间价的成本
app-swap-vs-mid-value = { $cost }（{ $percent }）；按中间价且不收费时您将得到 { $mid }
app-swap-exchange-fee = 兑换费
app-swap-fee-mode = 收费模式
app-swap-network-fee = 网络手续费
app-swap-withdrawal-fee = 提现费
app-swap-withdrawal-fee-value = 如随后将 POINT 提现为法币，需 { $fee }
app-swap-round-trip = 往返成本
app-swap-round-trip-value = 立即换回将得到 { $back }：往返成本 { $cost }（{ $percent }）
app-swap-source = 汇率来源
app-swap-source-value = { $name }（{ $id }），汇率版本 { $version }，设定于{ $set }；已在第 { $height } 个区块证明
app-swap-balance = 您的余额
app-swap-deadline = 截止区块
app-swap-deadline-value = 须在第 { $deadline } 个区块前执行，否则不执行（报价于第 { $height } 个区块）
app-swap-final = 兑换一经执行无法撤销。确认前请核对数量。
app-swap-quote-expiring = 此报价剩余不足 5 秒：请获取新报价后再确认。
app-swap-quote-expired = 钱包已丢弃此报价：剩余时间不足以确认。请获取新报价。
app-swap-quote-replaced = 钱包已不再保留此报价（被新的核对取代，或钱包已锁定）。请获取新报价。
app-swap-fresh-quote = 获取新报价
app-swap-confirm = 确认兑换
app-swap-done = 兑换完成：已包含在第 { $height } 个区块中，并已证明。
app-swap-received = 实际得到
app-swap-as-quoted = 与报价一致
app-swap-not-as-quoted = 报价为 { $quoted }
app-swap-quoted = 报价
app-swap-paid = 已支付
app-swap-rate-version = 汇率版本
app-swap-balances-after = 兑换后余额
app-swap-another = 再兑换一笔

## 支付付款请求
app-pay-title = 付款
app-pay-lead = 粘贴付款请求（以“jifen:”开头）、选择其二维码图片，或在“扫码”页面扫描。
app-pay-request = 付款请求
app-pay-picture = 或选择其二维码图片
app-pay-no-request = 这张图片中没有积分钱包的付款请求。
app-pay-amount = 金额
app-pay-review = 核对付款
app-pay-reviewing = 正在检查请求并证明余额…
app-pay-review-title = 付款前请核对
app-pay-merchant = 已登记商户：{ $name }（{ $symbol }，{ $id }），已在链上证明。
app-pay-not-merchant = 该地址不是任何已登记商户的所有者。付款请求没有签名：只有在您确知此地址属于谁时才付款。
app-pay-to = 收款方
app-pay-label = 请求中的名称
app-pay-label-unproven = 商户自己填写的文字，未经证明。
app-pay-memo = 订单号或备注
app-pay-no-memo = 无
app-pay-expires = 到期时间
app-pay-no-expiry = 不过期
app-pay-confirm = 付款
app-pay-done = 已付款：已包含在第 { $height } 个区块中，并已证明。
app-pay-balance-after = 付款后余额
app-pay-another = 支付其他请求

## 收款码（请求付款）
app-collect-title = 收款码
app-collect-lead = 请求对方付款：付款方扫码（或打开链接）后，其钱包会准确显示您请求的内容。
app-collect-asset = 资产
app-collect-amount = 金额
app-collect-amount-hint = 留空则由付款方输入金额。
app-collect-amount-any = 由付款方输入
app-collect-memo = 订单号或备注（记录在链上，公开可见）
app-collect-label = 付款方看到的您的名称
app-collect-label-hint = 作为您自己的文字显示给付款方：对方钱包只能证明您的地址是否拥有已登记的商户。
app-collect-expiry = 有效期
app-collect-expiry-none = 不过期
app-collect-expiry-minutes = { $minutes ->
    [60] 1 小时
    [1440] 1 天
   *[other] { $minutes } 分钟
  }
app-collect-create = 生成收款码
app-collect-creating = 正在生成请求…
app-collect-show-amount = 扫码支付 { $amount }
app-collect-show-any = 扫码以 { $asset } 支付
app-collect-scan-hint = 请用积分钱包扫描，或复制下方链接。
app-collect-copy = 复制链接
app-collect-copied = 已复制
app-collect-watch-title = 等待付款
app-collect-watching = 每次同步后，都会在您自此请求以来已证明的历史记录中查找这笔付款；节点无法隐瞒。
app-collect-checking = 正在检查…
app-collect-not-yet = 尚未收到付款（已检查至第 { $height } 个区块）。
app-collect-check-now = 立即检查
app-collect-paid = 已收到付款：{ $amount }，来自 { $from }，已包含在第 { $height } 个区块中，并已证明。
app-collect-paid-memo = 订单号或备注：{ $memo }
app-collect-watch-from = 这笔付款将出现在您已证明的历史记录第 { $entry } 条及之后（历史已在第 { $height } 个区块证明）。
app-collect-another = 新的收款请求

## 将 POINT 提现为法币
app-withdraw-title = 提现为法币
app-withdraw-lead = 联盟销毁 POINT，并在链外将扣除提现费后的金额支付到您的收款凭据。
app-withdraw-amount = 提现的 POINT
app-withdraw-reference = 收款凭据
app-withdraw-reference-hint = 款项去向（发行方能识别的凭据）。它会记录在链上，任何人都能看到：请勿填写个人信息。
app-withdraw-review-title = 提现前请核对
app-withdraw-burned = 从余额中销毁
app-withdraw-fee = 提现费
app-withdraw-fee-terms = 联盟的费率：{ $percent }，最低 { $min }
app-withdraw-payout = 实际支付
app-withdraw-final = 提现一经执行无法撤销。支付在链外进行：钱包无法证明。
app-withdraw-confirm = 提现

## 商户工具
app-admin-title = 商户工具
app-admin-back = ← 商户
app-admin-not-owner = 本钱包不拥有该商户：钱包会拒绝这些操作。
app-admin-action = 操作
app-admin-action-set-rate = 发布新汇率
app-admin-action-issue = 向顾客发行积分
app-admin-action-top-up = 增加保证金
app-admin-action-withdraw-deposit = 从保证金中取回
app-admin-bid = 买入价：每收回 1 积分支付的 POINT
app-admin-ask = 卖出价：每售出 1 积分收取的 POINT
app-admin-mid = 中间价：每 1 积分的 POINT
app-admin-fee-bps = 平台费（基点，1 至 1000）
app-admin-price-hint = 价格以每 1 { $symbol } 的 POINT 计，最多 12 位小数。
app-admin-sell-min = 最少卖出（{ $symbol }）
app-admin-sell-step = 卖出步长（{ $symbol }）
app-admin-buy-min = 最少买入（POINT）
app-admin-buy-step = 买入步长（POINT）
app-admin-valid-for = 有效期（区块数）
app-admin-issue-to = 顾客地址
app-admin-issue-amount = 发行的积分（{ $symbol }）
app-admin-deposit-amount = POINT
app-admin-withdraw-hint = 保证金至少须保留联盟规定的最低额，以及流通积分所需的准备金。
app-admin-deposit-after = 操作后保证金
app-admin-deposit-required = 保证金须保留

## 历史与收据
app-nav-history = 历史
app-history-title = 交易历史
app-history-lead = 本钱包历史中的每一条记录，都已对照已证明的账户核对完整：节点无法遗漏任何一条。显示的每条记录都已证明包含在其区块中。
app-history-loading = 正在证明历史记录…
app-history-complete = 共 { $total } 条记录，已在第 { $height } 个区块证明完整。
app-history-empty = 本钱包还没有任何记录。
app-history-to = 付给 { $who }
app-history-from = 来自 { $who }
app-history-included = 已证明包含在第 { $height } 个区块。
app-history-failed = 失败
app-history-failed-note = 失败（结果 { $code }）：只扣除了网络手续费。
app-history-position = 第 { $index } 条，共 { $total } 条。
app-history-older = 另有 { $older } 条较早的记录已核对，未显示。
app-history-more = 显示更多
app-history-refresh = 同步并刷新
app-history-kind-transfer = 转账
app-history-kind-transfer-asset = 付款
app-history-kind-swap = 兑换
app-history-kind-withdraw = 提现
app-history-kind-mint = 铸造
app-history-kind-points-issue = 发放积分
app-history-kind-deposit-top-up = 补充保证金
app-history-kind-deposit-withdraw = 取回保证金
app-history-kind-rate-set = 设定汇率
app-history-kind-council-vote = 理事会投票
app-history-kind-merchant-register = 商户注册
app-history-kind-bond = 质押
app-history-kind-unbond = 解除质押
app-history-kind-other = 其他交易
app-receipt-save = 保存收据（审计包）
app-receipt-saving = 正在保存收据…
app-receipt-saved = 收据已保存（{ $headers } 个已验证区块头）；任何人都可以用"检查审计包"离线核对：
app-collect-paid-at = 在第 { $height } 个区块，第 { $index } 位。
app-audit-verify-tx = 交易
app-audit-verify-tx-kind = 类型
app-audit-verify-tx-sender = 发送方
app-audit-verify-tx-place = 位置
app-audit-verify-tx-at = 第 { $height } 个区块，第 { $index } 位
app-audit-verify-tx-result = 结果
app-audit-verify-tx-ok = 成功，已证明

app-store-title = 已存储的区块头
app-store-lead = 打开钱包时只检查最新存储的区块头。可在此从信任根出发离线重新验证所有存储的区块头。
app-store-verify = 验证存储的区块头
app-store-empty = 尚未存储任何内容（尚未同步）。
app-store-valid = 存储的 { $blocks } 个区块从信任根到高度 { $height } 全部验证通过（核对了 { $commits } 组签名；{ $pivots } 个为必要的衔接区块；共 { $kib } KiB）。
app-store-no-pins = 没有为分叉证据或导出的审计包保留的区块。
app-store-pins = 为分叉证据和导出的审计包保留：
app-store-pin-evidence = 分叉证据，{ $count } 个区块
app-store-pin-bundle = 审计包，{ $count } 个区块
app-store-unpin = 释放
app-store-unpinned = 已释放 { $id }（{ $count } 个区块）；下次同步时可能被清理。

## 子链（第 13 号议题，docs/adr/0019-subchains-and-their-audit.md）
app-nav-subchains = 子链
app-subchains-title = 子链
app-subchains-lead = 子链运行自己的共识，并把每个区块头报告给主链。本钱包只有在审计过这些报告之后才信任子链的数据：每份报告都符合子链自己的规则，并锚定在本钱包核验过的主链区块中。
app-subchains-loading = 正在证明子链记录…
app-subchains-none = 这条链上还没有注册任何子链。
app-subchains-proven = 已注册 { $count } 条子链，在第 { $height } 个区块证明。
app-subchains-refresh = 刷新
app-subchain-name = #{ $id } { $name }
app-subchain-state-clean = 健康
app-subchain-state-behind = 落后：上次审计后有新的报告
app-subchain-state-alert = 警报
app-subchain-state-failed = 审计失败
app-subchain-state-not-audited = 尚未审计
app-subchain-kind-bft = BFT（委员会签名）
app-subchain-kind-pow-xor = 工作量证明（XOR 分叉选择）
app-subchain-consensus = 共识
app-subchain-consensus-bft = 委员会 { $members } 人
app-subchain-consensus-bft-unknown = 委员会人数在审计后可知
app-subchain-consensus-pow = 难度 { $bits } 位
app-subchain-standing = 主链上的状态
app-subchain-status-active = 运行中
app-subchain-status-halted = 已在高度 { $height } 停止：其委员会在该高度签署了两个区块头，质押保持锁定。
app-subchain-status-retired = 已由所有者退役
app-subchain-anchored = 已锚定高度
app-subchain-anchored-line = { $height }（{ $reports } 份报告）
app-subchain-last-anchor = 最近锚定
app-subchain-last-anchor-line = 主链第 { $height } 个区块
app-subchain-no-anchor = 尚无
app-subchain-audited = 已审计到
app-subchain-audited-line = 高度 { $height }（主链第 { $main } 个区块），已检查 { $reports } 份报告
app-subchain-audited-never = 本设备尚未审计
app-subchain-follow-on = 每次同步时审计
app-subchain-follow-off = 同步时不审计
app-subchain-follow = 每次同步时审计
app-subchain-unfollow = 不再随同步审计
app-subchain-audit-now = 立即审计
app-subchain-audit-cancel = 取消
app-subchain-audit-headers = 正在证明主链第 { $from } 至 { $to } 个区块…
app-subchain-audit-reports = 已检查 { $checked } / { $total } 份报告
app-subchain-audit-starting = 正在审计…
app-subchain-audit-by-sync = 正随同步审计…
app-subchain-audit-done = 对照 { $headers } 个主链区块检查了 { $new } 份新报告，用时 { $millis } 毫秒。
app-subchain-alerts = 发现的问题
app-subchain-alert-equivocation = 双重签名：委员会在高度 { $height } 签署了两个不同的区块头（主链第 { $main } 个区块）。
app-subchain-alert-lost-fork-choice = 高度 { $height } 锚定了一个在 XOR 分叉选择中落败的区块头（主链第 { $main } 个区块）。
app-subchain-alert-invalid-report = 锚定在主链第 { $main } 个区块的报告在高度 { $height } 违反了子链规则；此后的内容都不被信任。
app-subchain-alert-record-mismatch = 已证明的记录与节点提供的报告不符（主链第 { $main } 个区块）：有报告被隐瞒或篡改。
app-subchain-alert-other = 高度 { $height } 出现问题（主链第 { $main } 个区块）。
app-subchain-alert-evidence = 证据文件（可在下方离线核验）：
app-subchain-value-title = 读取已证明的值
app-subchain-value-lead = 子链状态中的一个值，对照本钱包审计过的区块头证明。请先审计该子链。
app-subchain-value-subchain = 子链
app-subchain-value-key = 键
app-subchain-value-height = 子链高度（留空：已审计的最新高度）
app-subchain-value-read = 读取并证明
app-subchain-value-reading = 正在证明该值…
app-subchain-value-found = #{ $id } { $name } 在高度 { $height } 的 { $key }：
app-subchain-value-absent = #{ $id } { $name } 在高度 { $height } 没有 { $key } 的值（已证明不存在）。
app-subchain-value-text = 文本
app-subchain-value-hex = 字节（十六进制）
app-subchain-value-header = 已审计的区块头
app-subchain-value-anchor = 锚定于
app-subchain-value-anchor-line = 主链第 { $height } 个区块
app-subchain-form-pick = 请选择一条子链。
app-subchain-form-key = “{ $key }”不是有效的子链键（1 至 64 字节，不含控制字符）。
app-subchain-form-height = “{ $height }”不是有效的高度（整数，或留空表示已审计的最新高度）。
app-subchain-form-audit-first = 请先审计 #{ $id } { $name }（其卡片上的“立即审计”）：值只对照本钱包审计过的区块头证明。
app-subchain-evidence-title = 核验子链证据
app-subchain-evidence-lead = 证据文件证明某条子链有不当行为（在同一高度签署了两个区块头，或锚定了分叉选择中落败的区块头）。这里只用文件自身的内容核验，不询问任何节点。
app-subchain-evidence-file = 证据文件（.json）
app-subchain-evidence-verify = 核验证据
app-subchain-evidence-equivocation = 证据有效：子链 #{ $id } 的委员会在高度 { $height } 签署了两个区块头；{ $count } 名成员两个都签了。
app-subchain-evidence-lost-fork-choice = 证据有效：在子链 #{ $id } 的高度 { $height }，主链锚定了一个在 XOR 分叉选择中落败的区块头。
app-subchain-evidence-headers = 两个区块头（先列已锚定的）
app-subchain-evidence-main = 分别锚定在主链第 { $first } 和第 { $second } 个区块
app-subchain-evidence-signers = 两个都签署的成员
app-subchain-evidence-chain = 主链 { $chain }
app-sync-subchain = 正在审计子链 #{ $id }：
app-subchain-sync-stopped = 同步后的子链审计已停止：{ $reason }
app-home-subchain-alert = { $count ->
    [1] 子链审计发现了问题。
   *[other] 子链审计在 { $count } 条子链中发现了问题。
}
app-home-subchain-alert-open = 打开子链
