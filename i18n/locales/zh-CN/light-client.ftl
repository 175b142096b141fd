## light-client: light client errors (lc-*), sync/status/balance/send CLI messages (zh-CN)

# --- WALLET-CHAIN begin ---

## 轻客户端命令的帮助

help-sync = 验证链上区块头直到最新高度（轻客户端：未经验证的数据一概不信任）。
help-sync-network = 网络：devnet（默认）、testnet 或 mainnet。
help-status = 显示轻客户端信任的内容：区块头、节点及其状态、最近一次交叉核对、证据文件。
help-status-network = 网络：devnet（默认）、testnet 或 mainnet。
help-status-json = 机器可读的输出。
help-balance = 显示经已验证区块头证明的余额。
help-balance-wallet = 钱包名称（只有一个钱包时可省略）。
help-balance-address = 查询任意地址，而不是钱包自己的地址。
help-balance-index = 钱包收款地址的序号。
help-balance-json = 机器可读的输出。
help-send = 发送 POINT：核对、确认、签名、广播，然后等待其上链得到证明。
help-send-wallet = 钱包名称（只有一个钱包时可省略）。
help-send-password_fd = 从此文件描述符读取密码（或设置 JIFEN_PASSWORD）。
help-send-to = 收款地址。
help-send-amount = 金额，单位 POINT，最多 6 位小数（例如 2.5）。
help-send-fee = 手续费，单位 POINT（默认为最低值 0.001）。
help-send-index = 付款所用收款地址的序号。
help-send-yes = 不再询问确认（供脚本使用）。
help-send-timeout = 等待上链证明的秒数。
help-send-no_keyring = 不使用操作系统钥匙串，直接询问密码。
help-export-bundle = 写出可离线核验、证明账户余额的审计包。
help-export-bundle-wallet = 钱包名称（只有一个钱包时可省略）。
help-export-bundle-address = 任意地址，而不是钱包自己的地址。
help-export-bundle-index = 钱包收款地址的序号。
help-export-bundle-out = 要写出的审计包文件。
help-verify-bundle = 离线核验审计包（不联网）。
help-verify-bundle-network = 网络：devnet（默认）、testnet 或 mainnet。
help-verify-bundle-checkpoint = 信任此区块头（高度:哈希），而不是本地的信任根。
help-verify-bundle-address = 审计包必须证明的地址。
help-verify-bundle-file = 审计包文件。
help-verify-evidence = 按本地已验证的验证人集合离线核验分叉证据文件。
help-verify-evidence-network = 网络：devnet（默认）、testnet 或 mainnet。
help-verify-evidence-file = 证据文件。
help-endpoints = 显示或更改所用节点（主节点、见证节点）及检查点。
help-endpoints-network = 网络：devnet（默认）、testnet 或 mainnet。
help-endpoints-primary = 将此节点设为主节点：URL（https://…）或 P2P 节点地址（/ip4/…/tcp/…/p2p/…）。
help-endpoints-witness = 添加见证节点：URL 或 P2P 节点地址，可重复使用。
help-endpoints-clear_witnesses = 移除所有见证节点。
help-endpoints-checkpoint = 先信任此区块头（高度:哈希），而不是创世区块。
help-endpoints-clear_checkpoint = 恢复为首次使用时信任创世区块。
help-endpoints-trust_cert = 除系统证书外，为该网络的 https:// 节点信任此文件中的 PEM 证书（例如你自己节点的 CA），可重复使用。
help-endpoints-untrust_certs = 不再信任用 --trust-cert 添加的证书（系统证书不受影响）。
help-endpoints-reset = 恢复该网络的默认设置。

## 轻客户端命令：进度与结果

sync-phase-bootstrapping = 核对信任根
sync-phase-syncing = 验证区块头
sync-phase-cross-checking = 与见证节点交叉核对
sync-phase-done = 完成
sync-progress-message = { $phase } · 高度 { $height }/{ $target } · 已取 { $headers } 个区块头 · { $peers } 个节点 · 预计剩余 { $eta }
sync-progress-line = 同步：{ $phase }，高度 { $height }/{ $target }，已取 { $headers } 个区块头，{ $peers } 个节点，预计剩余 { $eta }
sync-peer-demoted = ⚠ 节点 { $peer } 发送了无效数据，已停止使用：{ $reason }
sync-peer-state = 节点 { $peer }：{ $state }
sync-primary-changed = 主节点已切换为 { $peer }。
sync-evidence-written = ⚠ 分叉证据已写入 { $path }
sync-done = 已验证至高度 { $height }（区块 { $hash }）：从 { $primary } 取得 { $headers } 个区块头，{ $witnesses } 个见证节点一致，用时 { $millis } 毫秒。
sync-tip-old = ⚠ 节点提供的最新区块已是 { $minutes } 分钟前的：链可能已停滞，或所有节点都落后。余额以该区块为准。
status-network = 网络 { $network }（链 { $chain }）
status-trusted = 受信任区块头：高度 { $height }，区块 { $hash }，时间 { $time }
status-not-synced = 尚未验证任何区块头：请运行 "jifen sync"。
status-tip-old = ⚠ 可信区块头已是 { $minutes } 分钟前的：余额可能已过时。请运行 "jifen sync"；如果仍然过旧，说明链已停滞或节点已停止应答。
status-root-checkpoint = 信任根：你设置的检查点 { $checkpoint }
status-root-genesis = 信任根：创世区块 { $checkpoint }，首次使用时取得；{ $agreed } 个见证节点提供了相同的区块
status-root-genesis-unwitnessed = ⚠ 信任根：创世区块 { $checkpoint }，首次使用时仅从主节点取得，没有见证节点提供相同的区块。请添加见证节点（"jifen endpoints --witness URL"），或设置从可信来源获得的检查点（"jifen endpoints --checkpoint 高度:哈希"）。
status-root-genesis-earlier = 信任根：创世区块 { $checkpoint }，在之前的会话中首次使用时取得
status-role-primary = 主节点
status-role-witness = 见证节点
status-peer = 节点 { $peer }（{ $role }）：{ $state }
status-peer-active = 使用中
status-peer-lagging = 落后，位于高度 { $height }
status-peer-unreachable = 无响应：{ $reason }
status-peer-demoted = 已停用：{ $reason }
status-cross-check = 最近交叉核对：高度 { $height }，{ $agreed } 个见证节点一致，{ $lagging } 个落后
status-no-cross-check = 本次会话尚无交叉核对（status 不联系节点；请运行 "jifen sync"）。
status-no-evidence = 没有分叉证据。
status-evidence = ⚠ 分叉证据：{ $path }
balance-line = { $address }：{ $amount }，已在高度 { $height } 证明（区块 { $hash }）
send-review = 请核对这笔转账：
    付款方：{ $from }
    收款方：{ $to }
    金额：  { $amount }
    手续费：{ $fee }
    合计：  { $total }
    余额：  { $balance }（已在高度 { $height } 证明）
    链 { $chain } 上的序号 { $nonce }
send-confirm = 确认发送？输入 y 确认：{" "}
send-cancelled = 未发送。
send-broadcast = 已作为交易 { $id } 发送到网络，正在等待上链证明……
send-included = 已包含在区块 { $height } 的第 { $index } 位，并已对照已验证的区块头 { $hash } 证明。
cli-send-needs-confirmation = 发送需要确认：请在终端运行、加上 --interactive，或在核对上方信息后加上 --yes。
bundle-written = { $address } 的审计包（{ $headers } 个区块头）已写入 { $path }。
bundle-valid = 审计包有效：从信任根 { $root } 起验证了 { $headers } 个区块头，直到高度 { $height }（区块 { $hash }）。
bundle-account = 账户 { $key }：余额 { $amount }，序号 { $nonce }，已在高度 { $height } 证明
bundle-no-value = 该审计包只证明区块头（不含账户数值）。
evidence-valid = 分叉证据有效，高度 { $height }：{ $count } 个受信任的验证人（投票权 { $power }/{ $total }）同时签署了区块 { $first } 和 { $second }。其地址：
help-store = 本地轻客户端存储：重新验证其中的全部内容，或释放固定项。
help-store-verify = 从信任根出发重新验证存储的每个区块（离线）。
help-store-verify-network = 网络：devnet（默认）、testnet 或 mainnet。
help-store-verify-json = 输出机器可读的格式。
help-store-unpin = 释放一组固定的区块（分叉证据或导出的审计包）。
help-store-unpin-network = 网络：devnet（默认）、testnet 或 mainnet。
help-store-unpin-id = 固定项的 ID（即其文件名，见 store verify 的列表）。
store-valid = 本地轻客户端存储验证通过：{ $blocks } 个区块、{ $commits } 组签名已核对，从信任根 { $root } 到高度 { $height }（{ $hash }）；其中 { $pivots } 个为必要的衔接区块，共 { $kib } KiB。{ $pins ->
        [0] 没有固定项。
       *[other] 固定项（{ $pins }）：
    }
store-empty = 本地轻客户端存储为空（尚未同步）。
store-pin = { $id }（{ $kind }）：高度 { $heights }
store-unpinned = 已释放固定项 { $id }（{ $count } 个区块）；下次同步时将不再保留。
endpoints-saved = { $network } 的设置已保存。
endpoints-primary = 主节点：{ $url }
endpoints-witness = 见证节点：{ $url }
endpoints-none = 尚未配置节点：请用 --primary URL 设置。
endpoints-checkpoint = 检查点：{ $checkpoint }
endpoints-genesis = 检查点：无（首次使用时信任创世区块）
endpoints-trusted-certificates = https:// 节点的额外信任证书：除系统证书外 { $count } 个
endpoints-in-use = 本次运行改用 { $urls }（JIFEN_ENDPOINTS）；未设置时使用上面保存的节点。

## 链错误（chain-*）

chain-endpoint-unparsable = “{ $url }”不是节点地址（URL）。
chain-endpoint-no-scheme = “{ $url }”开头缺少 http:// 或 https://。
chain-endpoint-scheme = “{ $url }”使用了“{ $scheme }”；节点地址应以 http:// 或 https:// 开头。
chain-endpoint-extra = “{ $url }”包含用户名、密码、查询参数或片段，请去掉。
chain-endpoint-plain-http = 仅 devnet 允许用明文 http 连接其他计算机（“{ $url }”）；在 { $network } 上请使用 https:// 或本机节点。
chain-endpoint-duplicate = 节点“{ $url }”重复列出。
chain-endpoint-too-many = 最多 { $max } 个节点（一个主节点加见证节点）。
p2p-address-unparsable = “{ $address }”不是节点地址（{ $reason }）。格式如 /ip4/203.0.113.5/tcp/27660/p2p/12D3KooW…
p2p-address-no-peer-id = 节点地址“{ $address }”没有指明节点：它必须以 /p2p/ 加节点的 peer id 结尾。
p2p-address-unsupported = 无法连接“{ $address }”：请使用 /ip4、/ip6 或 /dns 加主机，再加 /tcp/ 与端口，最后加 /p2p/ 与 peer id。
chain-no-endpoints = 尚未为 { $network } 配置节点：请运行“jifen endpoints --network { $network } --primary URL”。
chain-settings-io = 无法读写链设置 { $path }：{ $reason }
chain-settings-corrupt = 链设置 { $path } 已损坏（{ $detail }）；请修复或删除该文件（其中可能有你的检查点）。
chain-settings-version = 链设置的格式为 { $found }，本版积分钱包只能读取 { $supported }。请更新。
chain-amount-malformed = “{ $text }”不是金额，请写成 2.5 这样的形式。
chain-amount-too-many-decimals = “{ $text }”的小数超过 { $max } 位；POINT 只有 { $max } 位小数。
chain-amount-overflow = 金额过大。
chain-amount-zero = 金额必须大于零。
chain-fee-too-low = 手续费 { $got } 低于最低值 { $minimum }。
chain-insufficient-balance = 余额 { $balance }（已在高度 { $height } 证明）不足以支付金额加手续费 { $needed }。
chain-wrong-network = 钱包属于 { $wallet }，但链会话属于 { $session }。
chain-inclusion-timeout = 交易 { $id } 在 { $seconds } 秒内未能证明已上链。它仍可能上链：稍后用“jifen balance”查看。
chain-cancelled = 已取消。
chain-tx-failed = 交易 { $id } 已在高度 { $height } 上链但执行失败（代码 { $code }），手续费已扣除。
chain-file-io = 无法读写 { $path }：{ $reason }
chain-bundle-other-account = 该审计包证明的不是 { $address } 的账户。
chain-bundle-not-account = 审计包证明的数值不是账户记录。
chain-no-trusted-header = 在高度 { $height } 没有可供对照的已验证区块头：请先运行“jifen sync”，或提供 --checkpoint。
chain-foreign-chain = 该文件属于链 { $got }，而不是 { $expected }。
chain-tx-rejected = 节点拒绝了该交易：{ $reason ->
      [tx-nonce-too-low] 此地址的另一笔交易已被接受，请同步后重试。
      [tx-nonce-gap] 此地址的前一笔交易仍在等待中。
      [tx-insufficient-balance] 余额不足以支付金额加手续费。
      [tx-fee-too-low] 手续费低于该节点的最低值。
      [tx-already-known] 同一笔交易已在等待中。
      [mempool-full] 节点繁忙，请稍后重试。
      [tx-bad-signature] 签名无法验证。
      [tx-wrong-chain-id] 该交易属于其他链。
     *[other] { $reason }（{ $detail }）。
    }
chain-key-mismatch = 地址 { $index } 的密钥不是该交易的付款方。

## 轻客户端错误（lc-*）

lc-bundle-decode = 审计包中有无法解码的区块。
lc-bundle-hex = 审计包中有不是十六进制的数据。
lc-bundle-invalid = 审计包中有区块无法通过验证：审计包被改动或伪造。
lc-bundle-json = 该文件不是有效的审计包。
lc-bundle-link-broken = 审计包中高度 { $height } 的区块头不是其上方区块头的父块：审计包被改动。
lc-bundle-not-enough-trust = 审计包中有区块未获足够受信任验证人签署。
lc-bundle-proof-decode = 审计包的最终证明无法解码。
lc-bundle-proof-invalid = 审计包的最终证明与已验证区块头不符：数值被改动。
lc-bundle-root = 审计包的起点不是你信任的区块头。
lc-bundle-tx-id-mismatch = 审计包声明的是交易 { $expected }，证明的却是 { $got }。
lc-bundle-tx-not-in-block = 审计包中的交易不在区块 { $height } 中：交易被改动，或属于别处。
lc-bundle-tx-result-not-in-block = 区块 { $height } 记录的该交易结果不是 { $code }：审计包中的结果被改动。
lc-bundle-tx-wrong-height = 审计包的交易证明针对区块 { $got }，但其区块头指向区块 { $expected }。
lc-bundle-unknown-format = 该审计包的格式本版本无法读取。
lc-bundle-unknown-proof-kind = 审计包最终证明的类型本版本无法核验。
lc-cannot-bisect = 验证无法再进一步拆分区间。
lc-cert-invalid = 第 { $index } 个证书不是可用的 X.509 证书（{ $reason }）。
lc-cert-none = 未找到证书：请粘贴以 -----BEGIN CERTIFICATE----- 开头的 PEM 文本。
lc-cert-private-key = 此文本包含私钥。只需提供节点的证书（-----BEGIN CERTIFICATE-----），并妥善保管私钥。
lc-cert-too-large = 证书文本有 { $size } 字节；最多接受 { $limit } 字节。
lc-cert-too-many = 共 { $count } 个证书；每个网络最多信任 { $max } 个。
lc-cert-unreadable = 证书文本不是有效的 PEM（{ $reason }）。
lc-chain-id-mismatch = 区块属于另一条链。
lc-checkpoint-bad-hash = 检查点的哈希必须是 64 个十六进制字符。
lc-checkpoint-bad-height = 检查点的高度必须是不小于 1 的数字。
lc-checkpoint-mismatch = 该区块不是检查点所指的区块。
lc-checkpoint-missing-separator = 检查点的写法是 高度:哈希。
lc-client-cancelled = 已取消；已完整验证的部分会保留。
lc-client-evidence-write = 无法将分叉证据写入 { $path }：{ $reason }
lc-client-fork-detected = 在高度 { $height } 发现分叉：两个互相冲突的区块都带有效签名。已保存证据；最后一次交叉核对之后的内容一概不信任。
lc-client-headers-withheld = 节点扣留了它声称拥有的区块头。
lc-client-history-not-prefix = 保存的历史位置（{ $len } 条）不属于该账户已证明的历史（区块 { $height } 时共 { $proven_len } 条）；请重新读取完整历史。
lc-client-implausible-tip = 节点声称有 { $tip } 个区块，超过自受信区块头以来任何链可能产生的数量（至多 { $limit }）；不再使用该节点。
lc-client-no-peer = 没有节点给出正确回答：{ $peers }
lc-client-no-trusted-state = 尚未验证任何内容；请运行“jifen sync”。
lc-client-primary-stale = 主节点远远落后于见证节点（过时）。
lc-client-proof-above-tip = 节点称该交易在区块 { $height } 中，高于它自己的最新高度 { $tip }。
lc-client-proof-below-root = 节点称该交易在区块 { $height } 中，低于你的信任根（区块 { $root }），那里的内容无从证明。
lc-client-root-unavailable = 尝试 { $attempts } 次后，仍没有节点提供信任根所在的区块 { $height }（节点最高高度：{ $tip }）。如果你设置了检查点，它可能高于所有节点的最新高度：请用“jifen endpoints”检查它的高度。
lc-client-store-other-chain = 本地轻客户端存储属于链 { $got }，而不是 { $expected }。
lc-client-tx-not-proven = 暂无节点能在已验证的区块中证明交易 { $id }；请在下一个区块后重试。
lc-client-wrong-chain = 节点提供的是另一条链。
lc-commit-not-for-header = 该提交不属于这个区块头。
lc-evidence-bad-address = 证据文件中有无效的验证人地址。
lc-evidence-decode = 证据文件中的区块无法解码：文件已损坏或被改动。
lc-evidence-double-signers-mismatch = 证据文件列出的双重签名者与其区块不符：文件被改动。
lc-evidence-height-mismatch = 证据中的两个区块高度不同。
lc-evidence-hex = 证据文件中有不是十六进制的数据。
lc-evidence-invalid-block = 证据中的区块没有有效签名：文件被改动或伪造。
lc-evidence-json = 该文件不是有效的分叉证据文件。
lc-evidence-no-accountable-signers = 没有你信任的验证人同时签署两个区块：该证据无法追究任何人。
lc-evidence-no-conflict = 证据中的两个区块是同一个区块：并无分叉。
lc-evidence-unknown-format = 该证据文件的格式本版本无法读取。
lc-header-from-future = 区块头的时间在未来；请检查本机时钟。
lc-insufficient-quorum = 区块未获超过三分之二验证人签署。
lc-invalid-commit = 区块的签名无效。
lc-invalid-header = 区块头格式错误。
lc-next-validators-hash-mismatch = 下一组验证人集合与区块头不符。
lc-non-increasing-height = 区块高度没有高于受信任的区块。
lc-non-increasing-time = 区块时间没有晚于受信任的区块。
lc-not-parent = 高度 { $height } 的区块不是其上方受信链所指的区块：受信高度以下存在分叉。
lc-nothing-pending = 没有剩余需要验证的内容。
lc-parent-hash-mismatch = 区块未链接到前一个区块。
lc-peer-bad-envelope = 节点的回答不是正确的 JSON-RPC 回答。
lc-peer-bad-field = 节点的回答缺少字段或字段无效。
lc-peer-bad-frame = 节点的二进制轻区块回答无效。
lc-peer-decode = 节点的回答中有无法解码的数据。
lc-peer-height-unavailable = 节点没有所请求的区块。
lc-peer-http-status = 节点返回了 HTTP 错误。
lc-peer-inconsistent = 节点的回答自相矛盾。
lc-peer-malformed-json = 节点的回答不是有效的 JSON。
lc-peer-redirect = 节点重定向到另一个地址（{ $location }）；Jifen 不跟随重定向。如果你信任该地址，请自行配置。
lc-peer-response-too-complex = 节点的回答包含的数值远多于任何真实回答。
lc-peer-response-too-large = 节点的回答过大。
lc-peer-rpc-error = 节点返回了意外的错误。
lc-peer-timeout = 节点 { $peer } 未能及时回答。
lc-peer-tls = 与 { $peer } 的安全连接失败：{ $problem ->
        [unknown-issuer] 其证书由本机不信任的机构签发（或为自签名证书）。如果这是你自己的节点，请在该网络的设置中信任它的证书。
        [wrong-name] 其证书属于另一个地址。请检查地址，或使用证书签发时的名称。
        [expired] 其证书已过期。
        [not-yet-valid] 其证书尚未生效（本机时钟是否正确？）。
        [revoked] 其证书已被吊销。
        [ca-as-server] 它把 CA 证书当作自己的证书（“openssl req -x509”默认如此生成）。节点需要服务器证书：由该 CA 签发的证书，或 basicConstraints 为 CA:FALSE 的自签名证书。
        [not-tls] 该地址不支持 https（是否为明文 http？）。
        [no-roots] 本机没有根证书；请在该网络的设置中信任节点的证书。
       *[other] 其证书未被接受或 TLS 握手失败（{ $reason }）。如果这是你自己的节点，请在该网络的设置中信任它的证书。
    }
lc-peer-tx-rejected = 节点拒绝了该交易（{ $reason }）。
lc-peer-unreachable = 无法连接节点 { $peer }（{ $reason }）。节点是否在运行？
lc-proof-bad-account = 经证明的账户记录格式错误。
lc-proof-index-mismatch = 交易证明指向两个不同的位置。
lc-proof-result-not-in-block = 交易结果不在已验证的区块中。
lc-proof-state-invalid = 节点的状态证明与已验证区块不符：该数值未获证明。
lc-proof-tx-id-mismatch = 节点证明的不是所询问的交易。
lc-proof-tx-not-in-block = 该交易不在已验证的区块中。
lc-proof-wrong-height = 节点的证明与已验证区块头的高度不同。
lc-proof-wrong-key = 节点的证明针对的不是所询问的记录。
lc-sequential-validators-mismatch = 验证人集合与前一个区块不衔接。
lc-source-failed = 节点未能提供区块。
lc-source-wrong-height = 节点提供的区块高度与请求不同。
lc-store-backend = 无法读写本地轻客户端存储（磁盘或权限问题？）。
lc-store-locked = 另一个 jifen（应用或命令）正在使用此网络的轻客户端存储；请关闭它后重试。
lc-store-unreadable = 本地轻客户端存储文件已损坏，无法读取；其中内容均不会被使用。请删除 light.redb 后重新同步。
lc-store-broken-chain = 本地轻客户端存储有无法验证的断档；请删除 light.redb 后重新同步。
lc-store-checkpoint-mismatch = 本地轻客户端存储的起点不是你的检查点。
lc-store-corrupt = 本地轻客户端存储已损坏；请删除 light.redb 后重新同步。
lc-store-format = 本地轻客户端存储由更新版本的 jifen 写入（格式 { $found }，本版本只支持到 { $supported }）；请升级 jifen。
lc-store-unknown-pin = 本地轻客户端存储中没有名为 { $id } 的固定项（用 jifen store verify 查看所有固定项）。
lc-store-missing = 本地轻客户端存储缺少一个区块。
lc-store-tampered = 本地轻客户端存储被改动，无法通过验证，其中内容一概不信任。请删除 light.redb 后重新同步。
lc-store-wrong-height = 本地轻客户端存储中有区块存放在错误的高度下。
lc-shape-not-consecutive = 用于离线最优计算的链缺少高度：应为 { $expected }，实际为 { $got }。
lc-shape-time-not-increasing = 用于离线最优计算的链在高度 { $height } 的区块时间没有递增。
lc-shape-signer-out-of-range = 用于离线最优计算的链在高度 { $height } 列出的签名者 { $index } 不在其验证人集合中。
lc-target-below-trusted = 请求的高度低于受信任的高度。
lc-trust-expired = 受信任的区块头过旧，无法据以验证；请用“jifen endpoints --checkpoint”设置新的检查点。
lc-trust-threshold-too-low = 信任阈值过低（至少三分之一）。
lc-validators-hash-mismatch = 验证人集合与区块头不符。
lc-zero-trusting-period = 信任期必须大于零。

## JSON-RPC 线路格式（rpc-*，jifen-rpc-types）与节点测试客户端（node-client-*）

rpc-field-missing = 节点的回答缺少字段 { $field }。
rpc-field-wrong-type = 节点回答中的字段 { $field } 必须是 { $expected }。
rpc-field-bad-text = 节点回答中的字段 { $field } 必须是 { $expected }。
rpc-field-decode = 节点回答中的字段 { $field } 无法解码：{ $detail }
rpc-field-address = 字段 { $field } 不是有效的地址：{ $detail }
rpc-field-inconsistent = 节点的回答自相矛盾：{ $field } 是 { $got }，应为 { $expected }。
rpc-frame-invalid = 节点的二进制轻区块回答在第 { $offset } 字节处无效：应为 { $expected }。
rpc-not-json = 节点的回答不是有效的 JSON。
rpc-not-an-object = 节点的回答不是 JSON-RPC 对象。
rpc-wrong-version = 节点的回答不是 JSON-RPC 2.0。
rpc-wrong-id = 节点的回答属于另一个请求。
rpc-no-outcome = 节点的回答既没有结果也没有错误。
rpc-bad-error-object = 节点的错误回答缺少 { $missing }。
rpc-request-not-an-object = 请求不是 JSON 对象。
rpc-request-invalid = 请求不是有效的 JSON-RPC 2.0 请求。
rpc-request-params-not-object = 请求的参数必须按名称给出（一个对象）。
node-client-transport = 无法连接节点，或节点未以 JSON-RPC 回答：{ $detail }
node-client-rpc = 节点返回错误 { $number }：{ $detail }
node-client-wire = 节点的回答不符合文档所述的格式。

# --- WALLET-CHAIN end ---

## 钱包用例（链）
chain-no-such-review = 要确认的发送不是刚才审核的那一笔（已经发送过，或被新的审核替换）：请重新审核。
chain-nonce-used = 交易的 nonce { $nonce } 已被使用（账户的下一个 nonce 是 { $next }）：另一笔交易先到了。请重新审核。
chain-not-devnet = 水龙头只在开发网（devnet）上提供，{ $network } 上没有。
chain-wait-cancelled = 已停止等待交易 { $id }。它已经发出，仍可能被打包：余额会反映出来。
chain-worker-stopped = 链上任务线程已停止（应用正在关闭）。
send-review-id = 审核编号 { $id }。

# Subchain audit (issue 13)
lc-peer-unsupported = 该节点不提供 { $method }。
lc-client-subchain-unknown = 没有编号为 { $subchain } 的子链（已在验证过的链头证明）。
lc-client-subchain-record = 链上证明的子链 { $subchain } 记录无法解码（{ $reason }）；链本身已损坏。
lc-client-subchain-not-audited = 子链 { $subchain } 在高度 { $height } 尚未审计；请先审计。
lc-client-subchain-halted = 子链 { $subchain } 已在高度 { $height } 停止（其委员会签署了两个区块头）：从该高度起的数据都不可信。
subchain-state-invalid = { $peer } 证明的子链值与审计结果不符（{ $reason }）。
