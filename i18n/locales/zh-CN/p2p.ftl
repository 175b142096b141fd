# 点对点网络（ADR 0022）：状态行、跟随、错误。

status-peer-p2p = 节点 { $peer }（{ $role }，P2P，K 桶 { $bucket }）：{ $state }
status-peer-p2p-discovered = 节点 { $peer }（{ $role }，P2P，经发现加入，K 桶 { $bucket }）：{ $state }
chain-p2p-start = 点对点网络无法启动：{ $detail }
app-peer-transport-rpc = RPC
app-peer-transport-p2p = P2P
app-peer-bucket = K 桶 { $bucket }
app-peer-discovered = 经发现加入
follow-started = 正在跟随链：P2P 节点公告的每个区块都会被验证。按 Ctrl-C 停止。
follow-verified = 已验证区块 { $height }（{ $hash }），{ $witnesses } 个见证节点一致，公告后 { $millis } 毫秒。
follow-false-announcement = 有节点公告的区块 { $height } 与已验证的不同：{ $peer }
follow-done = 跟随了 { $verified } 个新区块；已验证到区块 { $height }。
chain-follow-needs-p2p = 跟随 { $network } 链需要一个 P2P 节点地址（/ip4/…/tcp/…/p2p/…）：区块通过 P2P 公告。
help-follow = 跟随链：P2P 节点每公告一个新区块就验证它（需要一个 P2P 节点地址；按 Ctrl-C 停止）。
help-follow-network = 哪个网络。
help-follow-blocks = 验证这么多个新区块头后停止。
app-sync-following = 跟随中 · P2P
app-sync-following-hint = P2P 节点每公布一个区块，都会立即验证；无需按“立即同步”。
app-job-kind-follow = 跟随链（P2P）
