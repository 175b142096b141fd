# 命令行钱包：jifen 对用户说的每一句话。
# 三种语言（zh-CN、zh-TW、en）的消息 id 和变量必须一致（由测试检查）。

## 帮助

help-jifen = 积分钱包：积分商盟链的密钥、地址与签名工具。
help-global-lang = 消息语言：zh-CN（默认）、zh-TW 或 en。也可设置 JIFEN_LANG。
help-global-data_dir = 存放钱包的目录（默认 ~/.local/share/jifen）。也可设置 JIFEN_DATA_DIR。
help-global-interactive = 即使标准输入不是终端，也在标准输入上提问。
help-create = 用新的助记词创建钱包（只显示一次，随后核对）。
help-create-name = 新钱包的名称。
help-create-network = 地址所属网络：devnet（默认）、testnet 或 mainnet。
help-create-passphrase = 为助记词另设 BIP39 密语。
help-create-passphrase_fd = 从此文件描述符读取 BIP39 密语。
help-create-password_fd = 从此文件描述符读取新钱包密码（或设置 JIFEN_PASSWORD）。
help-create-keyring = 同时在操作系统钥匙串中保存解锁密钥。
help-create-words = 助记词个数：12 或 24。
help-create-mnemonic_lang = 助记词词表：zh-hans（默认）、zh-hant 或 en。
help-create-skip_backup_check = 跳过备份核对（钱包将标记为未备份）。
help-restore = 用助记词恢复钱包。
help-restore-name = 恢复后钱包的名称。
help-restore-network = 地址所属网络：devnet（默认）、testnet 或 mainnet。
help-restore-passphrase = 该助记词设有 BIP39 密语。
help-restore-passphrase_fd = 从此文件描述符读取 BIP39 密语。
help-restore-password_fd = 从此文件描述符读取新钱包密码（或设置 JIFEN_PASSWORD）。
help-restore-keyring = 同时在操作系统钥匙串中保存解锁密钥。
help-restore-mnemonic_lang = 无法自动识别时指定助记词词表：en、zh-hans 或 zh-hant。
help-restore-mnemonic_fd = 从此文件描述符读取助记词（否则从标准输入或提示读取）。
help-list = 列出钱包。
help-list-json = 机器可读的输出。
help-addresses = 显示收款（或找零）地址，无需密码。
help-addresses-wallet = 钱包名称（只有一个钱包时可省略）。
help-addresses-start = 起始地址序号。
help-addresses-count = 地址个数。
help-addresses-change = 显示找零地址而不是收款地址。
help-addresses-json = 机器可读的输出。
help-export-watch-only = 导出只读账户（扩展公钥）。
help-export-watch-only-wallet = 钱包名称（只有一个钱包时可省略）。
help-export-watch-only-json = 机器可读的输出。
help-change-password = 修改钱包密码（只重写密钥槽）。
help-change-password-wallet = 钱包名称（只有一个钱包时可省略）。
help-change-password-password_fd = 从此文件描述符读取当前密码（或设置 JIFEN_PASSWORD）。
help-change-password-new_password_fd = 从此文件描述符读取新密码（或设置 JIFEN_NEW_PASSWORD）。
help-backup-check = 核对助记词是否抄写正确。
help-backup-check-wallet = 钱包名称（只有一个钱包时可省略）。
help-backup-check-password_fd = 从此文件描述符读取密码（或设置 JIFEN_PASSWORD）。
help-keyring = 在操作系统钥匙串中添加（enable）或删除（disable）解锁密钥。
help-keyring-wallet = 钱包名称（只有一个钱包时可省略）。
help-keyring-password_fd = 从此文件描述符读取密码（或设置 JIFEN_PASSWORD）。
help-keyring-action = enable 或 disable。
help-sign-message = 用某个收款地址的密钥签名一条消息。
help-sign-message-wallet = 钱包名称（只有一个钱包时可省略）。
help-sign-message-password_fd = 从此文件描述符读取密码（或设置 JIFEN_PASSWORD）。
help-sign-message-index = 用于签名的收款地址序号。
help-sign-message-no_keyring = 不使用操作系统钥匙串，直接询问密码。
help-sign-message-message = 要签名的消息。
help-verify-message = 按地址验证一条已签名的消息。
help-verify-message-address = 应当签名的地址。
help-verify-message-signature = sign-message 输出的签名。
help-verify-message-message = 被签名的消息。

## 提示

prompt-password = 钱包密码：{" "}
prompt-new-password = 新钱包密码（至少 8 个字符）：{" "}
prompt-new-password-again = 再输入一次新密码：{" "}
prompt-passphrase = BIP39 密语：{" "}
prompt-passphrase-again = 再输入一次密语：{" "}
prompt-mnemonic = 请输入助记词，词与词之间用空格分开：{" "}

## 进度与结果

error-prefix = 错误：{ $message }
kdf-calibrating = 正在测量本机性能，以确定密码保护强度……
kdf-calibrated = 密码保护：Argon2id，{ $memory } MiB，{ $passes } 轮，本机解锁约需 { $millis } 毫秒。
kdf-upgraded = 此钱包的密码保护低于当前最低标准，已自动加强。
kdf-upgrade-failed = 此钱包的密码保护低于当前最低标准，但未能加强（可能有其他积分窗口或命令正在使用它，或钱包目录为只读；下次解锁时会再试）。钱包已解锁。
mnemonic-multiplexer-warning = 注意：您正在 tmux 或 screen 中运行，它们会保留自己的历史记录；抄写完成后请清除历史（或关闭窗口）。
mnemonic-intro = 请按顺序把这 { $count } 个词抄在纸上。它们是恢复钱包的唯一凭据。
mnemonic-warning = 任何看到这些词的人都能转走钱包里的全部资产。切勿拍照，切勿输入任何网站。
mnemonic-continue = 抄写完成后按回车键，屏幕将被清除。
backup-skipped = 已跳过备份核对：钱包标记为未备份。稍后请运行 “jifen backup-check”。
backup-check-intro = 现在核对您的抄写：请输入其中 { $count } 个词。
backup-check-word = 第 { $position } 个词：{" "}
backup-check-wrong = 这个词不对。{ $left ->
   *[other] 还可以再试 { $left } 次。
}
backup-check-passed = 备份核对通过：助记词一致。
backup-failed-not-created = 助记词不一致，钱包未创建。请重新运行 create，并仔细抄写。
backup-failed = 助记词不一致。请找出您的纸质备份再试一次。
wallet-created = 钱包“{ $name }”已创建。
wallet-first-address = 第一个收款地址：{ $address }
password-changed = 钱包“{ $name }”的密码已修改。
keyring-enabled = 操作系统钥匙串已保存此钱包的解锁密钥。
keyring-disabled = 已从操作系统钥匙串删除解锁密钥。
keyring-not-enabled = 无法使用操作系统钥匙串（{ $reason }）；仍可用密码解锁钱包。
keyring-fallback = 无法用操作系统钥匙串解锁（{ $reason }），改为询问密码。
list-empty = { $dir } 中还没有钱包。请用 “jifen create” 或 “jifen restore” 创建。
list-row = { $name }  [{ $network }]  { $address }
list-row-broken = { $name }  无法读取：{ $reason }
list-not-backed-up =     ⚠ 尚未核对助记词备份
watch-only-details = 只读账户 —— 网络 { $network }，路径 { $path }，主密钥指纹 { $fingerprint }。下面的扩展公钥可查看所有地址，但不能动用任何资产：
message-signed = 由 { $address } 签名。签名：
message-valid = 签名有效，签名者为 { $address }。

## 命令行本身的拒绝

cli-secrets-differ = 两次输入不一致，请重新输入。
cli-no-secret-source = 没有可提问的终端：请通过文件描述符选项或环境变量 { $env } 提供。
cli-bad-fd = 无法从文件描述符 { $fd } 读取。
cli-password-too-short = 密码只有 { $got } 个字符，至少需要 { $min } 个。
cli-unknown-network = 未知网络“{ $given }”；请使用 devnet、testnet 或 mainnet。
cli-unknown-mnemonic-language = 未知词表“{ $given }”；请使用 zh-hans、zh-hant 或 en。
cli-word-count = 新助记词只能是 12 或 24 个词，不能是 { $got } 个。
cli-backup-check-needs-terminal = 备份核对需要有人在终端前操作：请交互运行、加 --interactive，或加 --skip-backup-check。
cli-no-data-dir = 没有数据目录：请设置 --data-dir 或 JIFEN_DATA_DIR。
cli-randomness = 系统随机数生成器出错。
cli-keyring-action = 未知操作“{ $given }”；请使用 enable 或 disable。
error-unexpected = 意外错误：{ $detail }

## 钱包用例（命令行）
passphrase-from-env = 使用 { $env } 中的 BIP39 口令。
cli-env-not-unicode = { $env } 不是有效的文本（UTF-8）。
cli-terminal-io = 无法读写终端：{ $reason }
cli-json = 无法输出 JSON：{ $reason }
help-faucet = 仅限开发网：从开发网的公开账户领取 100 个测试 POINT，并证明已到账。
help-faucet-wallet = 钱包名称（只有一个钱包时可省略）。
help-faucet-index = 接收 POINT 的收款地址序号。
help-faucet-timeout = 等待打包证明的秒数。
help-faucet-json = 输出机器可读的格式。
help-verify-bundle-json = 输出机器可读的格式。
help-verify-evidence-json = 输出机器可读的格式。
help-endpoints-json = 输出机器可读的格式。
help-online-pending-online = 先同步，并指出哪些请求的 nonce 已在链上被使用。
