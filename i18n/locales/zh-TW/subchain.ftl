# 子鏈（issue 13，docs/adr/0019-subchains-and-their-audit.md）

## 命令列
subchain-none = 本鏈尚未註冊任何子鏈。
subchain-list-head = 已註冊 { $count } 條子鏈（證明於高度 { $height }）：
subchain-row = #{ $id } { $name } · { $kind }，{ $consensus } · { $status } · 已錨定至高度 { $height }（主鏈高度 { $anchor }）· 已審計至 { $audited }：{ $state } · 隨同步審計：{ $followed }
subchain-alerted = 有 { $count } 條子鏈的審計發出警報：其資料在發現問題之處以後不再可信。
subchain-audited = 子鏈 #{ $id } 審計完成：用 { $headers } 個主鏈區塊頭核對了 { $new } 條新報告，耗時 { $millis } 毫秒。
subchain-progress-headers = 正在透過雜湊連結證明主鏈區塊頭 { $from } 至 { $to }……
subchain-progress = 已核對 { $checked } / { $total } 條報告。
subchain-value = #{ $id } { $name }：{ $key }，子鏈高度 { $height }（區塊頭 { $header }，已審計，錨定於主鏈高度 { $main }）：
subchain-value-absent = #{ $id } { $name }：{ $key } 在子鏈高度 { $height } 沒有值（已在審計過的區塊頭 { $header } 下證明不存在，錨定於主鏈高度 { $main }）。
subchain-evidence-equivocation = 證據有效：子鏈 #{ $id } 的委員會在高度 { $height } 簽署了兩個區塊頭（{ $first } 與 { $second }）；有 { $count } 名成員兩邊都簽了：
subchain-evidence-lost-fork = 證據有效：在子鏈 #{ $id } 的高度 { $height }，主鏈錨定了 { $second } 而不是 { $first }，但前者在 XOR 分叉選擇中落敗。
subchain-followed = 子鏈 #{ $id } 此後每次同步都會審計。
subchain-unfollowed = 子鏈 #{ $id } 不再隨同步審計（已有的審計結果保留）。
subchain-follow-yes = 是
subchain-follow-no = 否
subchain-kind-bft = bft
subchain-kind-pow-xor = pow-xor
subchain-consensus-bft = { $members } 人委員會
subchain-consensus-bft-unaudited = 委員會（審計後可知人數）
subchain-consensus-pow = 工作量 { $bits } 位
subchain-status-active = 運行中
subchain-status-halted = 已停止（雙簽）
subchain-status-retired = 已註銷
subchain-audit-not-audited = 未審計
subchain-audit-clean = 正常
subchain-audit-behind = 落後（之後有新報告）
subchain-audit-alert = 警報
subchain-audit-failed = 審計失敗
subchain-alert-equivocation = 警報：委員會在高度 { $height }（主鏈高度 { $main }）簽署了兩個區塊頭；證據：{ $path }
subchain-alert-lost-fork = 警報：在高度 { $height }（主鏈高度 { $main }）錨定了一個在 XOR 分叉選擇中落敗的區塊頭：{ $reason } 證據：{ $path }
subchain-alert-invalid = 警報，高度 { $height }（主鏈高度 { $main }）：{ $reason }
sync-subchain-audited = 子鏈 #{ $id } { $name }：審計了 { $new } 條新報告，至高度 { $height }（{ $state }）。
sync-subchain-failed = 子鏈審計中止：{ $reason }

## 鏈上規則（代碼 1201-1223）
subchain-unknown = 沒有編號為 { $subchain } 的子鏈。
subchain-halted = 子鏈 { $subchain } 已停止：其委員會在高度 { $height } 簽署了兩個區塊頭。它不再接受報告，押金保持鎖定。
subchain-retired = 子鏈 { $subchain } 已註銷。
subchain-stake-too-low = 註冊子鏈至少需要押金 { $min } 個 POINT 基本單位；提供的是 { $got }。
subchain-not-owner = 只有子鏈 { $subchain } 的所有者才能註銷它。
subchain-registry-full = 已不能再註冊子鏈。
subchain-wrong-kind = 該區塊頭屬於 { $got }，但子鏈註冊的是 { $expected }。
subchain-skipped-height = 該區塊頭在高度 { $got }；下一個高度應是 { $expected }。
subchain-broken-parent = 高度 { $height } 的區塊頭所指的父塊是 { $got }，不是它下面的區塊（{ $expected }）。
subchain-time-backwards = 該區塊頭的時間（{ $got }）早於父塊的時間（{ $parent }）。
subchain-wrong-validators = 高度 { $height } 的區塊頭由委員會 { $got } 簽署，而不是其鏈所指定的委員會（{ $expected }）。
subchain-bad-next-validators = 高度 { $height } 的下一屆委員會缺失、多餘，或與區塊頭所指不符。
subchain-bad-commit = 高度 { $height } 的提交無效：{ $detail }
subchain-no-quorum = 高度 { $height } 的提交只有 { $total } 投票權中的 { $signed } 簽名，未超過三分之二。
subchain-wrong-bits = 高度 { $height } 必須以 { $expected } 位難度挖出；區塊頭寫的是 { $got }。
subchain-insufficient-work = 高度 { $height } 的區塊頭只有 { $got } 個前導零位；要求 { $bits } 個。
subchain-loses-fork-choice = 高度 { $height } 的區塊頭在 XOR 分叉選擇中輸給了 { $winner }。
subchain-reorg-too-deep = 高度 { $height } 的區塊頭在已錨定的頂端（{ $tip }）之下分叉：已有子塊被錨定的區塊是最終的。
subchain-already-anchored = 高度 { $height } 的區塊頭已被錨定。
subchain-wrong-subchain = 該區塊頭屬於子鏈 { $got }，不是 { $expected }。

## 輕客戶端與錢包
subchain-id-invalid = “{ $text }”不是子鏈編號（1、2……）。
subchain-key-invalid = “{ $key }”不是子鏈鍵（1 至 64 位元組，不含控制字元）。
subchain-not-audited = 本裝置尚未審計子鏈 { $subchain }：請先審計。
subchain-record-malformed = 鏈上證明的子鏈記錄無法解碼（{ $detail }）。

## 審計（輕客戶端）
subchain-missing-anchor = 子鏈 { $subchain }：應為第 { $expected } 條報告，收到的是第 { $got } 條（有節點隱瞞了已錨定的報告）。
subchain-wrong-main-chain = 錨定區塊來自鏈 { $got }，不是 { $expected }。
subchain-wrong-main-height = 報告 { $index } 所稱的主鏈高度是 { $got }，但核對所用的是高度 { $expected } 的區塊頭。
subchain-anchor-out-of-order = 報告 { $index }（主鏈高度 { $main_height }，葉 { $leaf_index }）排在上一條（主鏈高度 { $previous_height }，葉 { $previous_leaf }）之前。
subchain-anchor-proof-invalid = 報告 { $index } 並未錨定在主鏈高度 { $main_height }：{ $reason }
subchain-outcome-mismatch = 主鏈高度 { $main_height } 的報告 { $index } 錨定為「{ $anchored }」，但按規則應為「{ $derived }」。
subchain-record-mismatch = 子鏈 { $subchain } 的已證明記錄與其錨定報告不一致：{ $reason }
subchain-tip-mismatch = 子鏈 { $subchain } 的已證明記錄所指頂端是高度 { $expected_height } 的 { $expected }；錨定報告得出的是高度 { $got_height } 的 { $got }。
subchain-status-mismatch = 子鏈 { $subchain } 的已證明記錄為「{ $expected }」；錨定報告得出的是「{ $got }」。
subchain-alert-lost-fork-choice = 主鏈錨定了一個在 XOR 分叉選擇中落敗的區塊頭。
subchain-not-kept = 該節點不保存此子鏈的區塊。

## 證據檔案
subchain-evidence-json = 這不是子鏈證據檔案：{ $reason }
subchain-evidence-unknown-format = 未知的子鏈證據格式「{ $format }」。
subchain-evidence-hex = 證據欄位 { $field } 不是十六進位。
subchain-evidence-decode = 證據欄位 { $field } 無法解碼：{ $reason }
subchain-evidence-wrong-main-chain = { $side ->
        [first] 第一
       *[other] 第二
    }個主鏈區塊與證據所稱的鏈不同。
subchain-evidence-main-block-invalid = { $side ->
        [first] 第一
       *[other] 第二
    }個主鏈區塊的簽名無效：{ $detail }
subchain-evidence-main-height-mismatch = { $side ->
        [first] 第一
       *[other] 第二
    }條報告所稱主鏈高度為 { $expected }，其區塊卻在 { $got }。
subchain-evidence-anchor-proof-invalid = { $side ->
        [first] 第一
       *[other] 第二
    }個區塊頭並未錨定在其主鏈區塊中：{ $reason }
subchain-evidence-wrong-subchain = { $side ->
        [first] 第一
       *[other] 第二
    }個區塊頭屬於另一條子鏈。
subchain-evidence-wrong-kind = { $side ->
        [first] 第一
       *[other] 第二
    }個區塊頭不是 { $expected } 區塊頭。
subchain-evidence-height-mismatch = 兩個區塊頭高度不同（{ $first } 與 { $second }）：不構成衝突。
subchain-evidence-no-conflict = 兩個區塊頭是同一個區塊（{ $hash }）：不構成衝突。
subchain-evidence-set-mismatch = 兩個區塊頭不是由同一委員會簽署的。
subchain-evidence-commit-invalid = { $side ->
        [first] 第一
       *[other] 第二
    }個提交無效：{ $reason }
subchain-evidence-not-siblings = { $side ->
        [first] 第一
       *[other] 第二
    }個區塊頭不是證據所指父塊的子塊。
subchain-evidence-bits-mismatch = 兩個兄弟區塊的難度不同（{ $first } 位與 { $second } 位）。
subchain-evidence-insufficient-work = { $side ->
        [first] 第一
       *[other] 第二
    }個區塊頭的工作量不足。
subchain-evidence-winner-not-first = 勝出的兄弟區塊並未先於落敗者被錨定。
subchain-evidence-loser-not-replaces = 落敗的兄弟區塊錨定為「{ $got }」，而不是替換。
subchain-evidence-loser-wins = 所稱的落敗者實際上與父塊的 XOR 距離更近：沒有違反規則。
subchain-evidence-wrong-report = 給出的報告不是第 { $index } 條錨定報告（區塊頭 { $hash }）。

## 子鏈值
subchain-value-wrong-subchain = 該答覆針對的是子鏈 { $got }，不是 { $expected }。
subchain-value-wrong-height = 該答覆針對高度 { $expected }，但其區塊在高度 { $got }。
subchain-value-not-audited = 高度 { $height } 尚未審計（已審計至 { $audited }）。
subchain-value-wrong-header = 給出的高度 { $height } 區塊不是審計過的那個。
subchain-value-halted = 高度 { $height } 的子鏈資料不可信：該子鏈已在高度 { $halted } 停止。
subchain-value-bad-key = 「{ $key }」不是有效的子鏈鍵。
subchain-value-proof = 該子鏈值未被其區塊證明：{ $reason }

## 命令列說明
help-subchain = 子鏈：列出、審計、讀取已證明的值、驗證證據、隨同步審計。
help-subchain-list = 列出子鏈及其已證明的記錄和本錢包的審計狀態。
help-subchain-list-json = 機器可讀的輸出。
help-subchain-audit = 審計子鏈：其回報的每個區塊頭，都按其自身共識核對並錨定在已驗證的主鏈區塊中。
help-subchain-audit-id = 子鏈編號。
help-subchain-audit-json = 機器可讀的輸出。
help-subchain-get = 顯示已審計子鏈狀態中的一個值，以審計過的區塊頭證明。
help-subchain-get-id = 子鏈編號。
help-subchain-get-key = 狀態鍵（例如 demo/greeting）。
help-subchain-get-height = 指定一個已審計的子鏈高度，而不是已審計的頂端。
help-subchain-get-json = 機器可讀的輸出。
help-subchain-verify-evidence = 離線核驗子鏈證據檔案（雙簽或 XOR 分叉選擇落敗）。
help-subchain-verify-evidence-file = 證據檔案。
help-subchain-verify-evidence-json = 機器可讀的輸出。
help-subchain-follow = 此後每次同步都審計該子鏈。
help-subchain-follow-id = 子鏈編號。
help-subchain-unfollow = 不再隨同步審計該子鏈（已有的審計保留）。
help-subchain-unfollow-id = 子鏈編號。
