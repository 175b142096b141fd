# 點對點網路（ADR 0022）：狀態行、跟隨、錯誤。

status-peer-p2p = 節點 { $peer }（{ $role }，P2P，K 桶 { $bucket }）：{ $state }
status-peer-p2p-discovered = 節點 { $peer }（{ $role }，P2P，經探索加入，K 桶 { $bucket }）：{ $state }
chain-p2p-start = 點對點網路無法啟動：{ $detail }
app-peer-transport-rpc = RPC
app-peer-transport-p2p = P2P
app-peer-bucket = K 桶 { $bucket }
app-peer-discovered = 經探索加入
follow-started = 正在跟隨鏈：P2P 節點公告的每個區塊都會被驗證。按 Ctrl-C 停止。
follow-verified = 已驗證區塊 { $height }（{ $hash }），{ $witnesses } 個見證節點一致，公告後 { $millis } 毫秒。
follow-false-announcement = 有節點公告的區塊 { $height } 與已驗證的不同：{ $peer }
follow-done = 跟隨了 { $verified } 個新區塊；已驗證到區塊 { $height }。
chain-follow-needs-p2p = 跟隨 { $network } 鏈需要一個 P2P 節點位址（/ip4/…/tcp/…/p2p/…）：區塊透過 P2P 公告。
help-follow = 跟隨鏈：P2P 節點每公告一個新區塊就驗證它（需要一個 P2P 節點位址；按 Ctrl-C 停止）。
help-follow-network = 哪個網路。
help-follow-blocks = 驗證這麼多個新區塊頭後停止。
app-sync-following = 跟隨中 · P2P
app-sync-following-hint = P2P 節點每公布一個區塊，都會立即驗證；無需按「立即同步」。
app-job-kind-follow = 跟隨鏈（P2P）
