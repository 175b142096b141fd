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
app-backup-already-checked = 此钱包的备份已经核对过，助记词不会再次显示。
app-no-challenge = 请重新开始备份核对。
app-backup-mismatch = 第 { $position } 个词与您的备份不符。请核对纸上的记录后重试（将询问新的词）。
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
app-sync-never = 尚未同步
app-sync-peers = { $total } 个节点中 { $active } 个在用
app-sync-cancelled = 同步已取消。
app-faucet = 领取 100 个测试 POINT（开发网）
app-faucet-working = 正在发送测试 POINT…
app-faucet-note = 仅限开发网：测试 POINT 来自公开的开发网账户 0，没有任何价值。
app-faucet-not-devnet = 水龙头只存在于开发网。
app-peer-role-primary = 主节点
app-peer-role-witness = 见证节点
app-peer-state-active = 在用
app-peer-state-lagging = 落后
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
app-send-fee-hint = 开发网接受 0.001 POINT 起的手续费。
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
app-sync-first = 请先与链同步。
app-export-io = 无法写入审计包。

## Scan
app-nav-scan = 扫码
app-scan-title = 扫描二维码
app-scan-lead = 请选择一张二维码的照片或截图（PNG 或 JPEG）。手机上则使用摄像头。
app-scan-choose = 图片文件
app-scan-nothing = 这张图片中没有找到二维码。
app-scan-kind-address = 一个地址
app-scan-kind-sign-request = 一个冷签名请求
app-scan-kind-signature = 一个冷签名结果
app-scan-kind-account = 一个冷钱包账户（配对）
app-scan-kind-unknown = 不是积分的二维码
app-scan-send-to = 向此地址转账
app-scan-cold-cli = 此版本的应用尚不支持冷签名；请使用命令行钱包的冷签名命令处理此二维码。
