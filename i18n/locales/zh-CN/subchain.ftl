# 子链（issue 13，docs/adr/0019-subchains-and-their-audit.md）

## 命令行
subchain-none = 本链尚未注册任何子链。
subchain-list-head = 已注册 { $count } 条子链（证明于高度 { $height }）：
subchain-row = #{ $id } { $name } · { $kind }，{ $consensus } · { $status } · 已锚定至高度 { $height }（主链高度 { $anchor }）· 已审计至 { $audited }：{ $state } · 随同步审计：{ $followed }
subchain-alerted = 有 { $count } 条子链的审计发出警报：其数据在发现问题之处以后不再可信。
subchain-audited = 子链 #{ $id } 审计完成：用 { $headers } 个主链区块头核对了 { $new } 条新报告，耗时 { $millis } 毫秒。
subchain-progress-headers = 正在通过哈希链接证明主链区块头 { $from } 至 { $to }……
subchain-progress = 已核对 { $checked } / { $total } 条报告。
subchain-value = #{ $id } { $name }：{ $key }，子链高度 { $height }（区块头 { $header }，已审计，锚定于主链高度 { $main }）：
subchain-value-absent = #{ $id } { $name }：{ $key } 在子链高度 { $height } 没有值（已在审计过的区块头 { $header } 下证明不存在，锚定于主链高度 { $main }）。
subchain-evidence-equivocation = 证据有效：子链 #{ $id } 的委员会在高度 { $height } 签署了两个区块头（{ $first } 与 { $second }）；有 { $count } 名成员两边都签了：
subchain-evidence-lost-fork = 证据有效：在子链 #{ $id } 的高度 { $height }，主链锚定了 { $second } 而不是 { $first }，但前者在 XOR 分叉选择中落败。
subchain-followed = 子链 #{ $id } 此后每次同步都会审计。
subchain-unfollowed = 子链 #{ $id } 不再随同步审计（已有的审计结果保留）。
subchain-follow-yes = 是
subchain-follow-no = 否
subchain-kind-bft = bft
subchain-kind-pow-xor = pow-xor
subchain-consensus-bft = { $members } 人委员会
subchain-consensus-bft-unaudited = 委员会（审计后可知人数）
subchain-consensus-pow = 工作量 { $bits } 位
subchain-status-active = 运行中
subchain-status-halted = 已停止（双签）
subchain-status-retired = 已注销
subchain-audit-not-audited = 未审计
subchain-audit-clean = 正常
subchain-audit-behind = 落后（之后有新报告）
subchain-audit-alert = 警报
subchain-audit-failed = 审计失败
subchain-alert-equivocation = 警报：委员会在高度 { $height }（主链高度 { $main }）签署了两个区块头；证据：{ $path }
subchain-alert-lost-fork = 警报：在高度 { $height }（主链高度 { $main }）锚定了一个在 XOR 分叉选择中落败的区块头：{ $reason } 证据：{ $path }
subchain-alert-invalid = 警报，高度 { $height }（主链高度 { $main }）：{ $reason }
sync-subchain-audited = 子链 #{ $id } { $name }：审计了 { $new } 条新报告，至高度 { $height }（{ $state }）。
sync-subchain-failed = 子链审计中止：{ $reason }

## 链上规则（代码 1201-1223）
subchain-unknown = 没有编号为 { $subchain } 的子链。
subchain-halted = 子链 { $subchain } 已停止：其委员会在高度 { $height } 签署了两个区块头。它不再接受报告，押金保持锁定。
subchain-retired = 子链 { $subchain } 已注销。
subchain-stake-too-low = 注册子链至少需要押金 { $min } 个 POINT 基本单位；提供的是 { $got }。
subchain-not-owner = 只有子链 { $subchain } 的所有者才能注销它。
subchain-registry-full = 已不能再注册子链。
subchain-wrong-kind = 该区块头属于 { $got }，但子链注册的是 { $expected }。
subchain-skipped-height = 该区块头在高度 { $got }；下一个高度应是 { $expected }。
subchain-broken-parent = 高度 { $height } 的区块头所指的父块是 { $got }，不是它下面的区块（{ $expected }）。
subchain-time-backwards = 该区块头的时间（{ $got }）早于父块的时间（{ $parent }）。
subchain-wrong-validators = 高度 { $height } 的区块头由委员会 { $got } 签署，而不是其链所指定的委员会（{ $expected }）。
subchain-bad-next-validators = 高度 { $height } 的下一届委员会缺失、多余，或与区块头所指不符。
subchain-bad-commit = 高度 { $height } 的提交无效：{ $detail }
subchain-no-quorum = 高度 { $height } 的提交只有 { $total } 投票权中的 { $signed } 签名，未超过三分之二。
subchain-wrong-bits = 高度 { $height } 必须以 { $expected } 位难度挖出；区块头写的是 { $got }。
subchain-insufficient-work = 高度 { $height } 的区块头只有 { $got } 个前导零位；要求 { $bits } 个。
subchain-loses-fork-choice = 高度 { $height } 的区块头在 XOR 分叉选择中输给了 { $winner }。
subchain-reorg-too-deep = 高度 { $height } 的区块头在已锚定的顶端（{ $tip }）之下分叉：已有子块被锚定的区块是最终的。
subchain-already-anchored = 高度 { $height } 的区块头已被锚定。
subchain-wrong-subchain = 该区块头属于子链 { $got }，不是 { $expected }。

## 轻客户端与钱包
subchain-id-invalid = “{ $text }”不是子链编号（1、2……）。
subchain-key-invalid = “{ $key }”不是子链键（1 至 64 字节，不含控制字符）。
subchain-not-audited = 本设备尚未审计子链 { $subchain }：请先审计。
subchain-record-malformed = 链上证明的子链记录无法解码（{ $detail }）。

## 审计（轻客户端）
subchain-missing-anchor = 子链 { $subchain }：应为第 { $expected } 条报告，收到的是第 { $got } 条（有节点隐瞒了已锚定的报告）。
subchain-wrong-main-chain = 锚定区块来自链 { $got }，不是 { $expected }。
subchain-wrong-main-height = 报告 { $index } 所称的主链高度是 { $got }，但核对所用的是高度 { $expected } 的区块头。
subchain-anchor-out-of-order = 报告 { $index }（主链高度 { $main_height }，叶 { $leaf_index }）排在上一条（主链高度 { $previous_height }，叶 { $previous_leaf }）之前。
subchain-anchor-proof-invalid = 报告 { $index } 并未锚定在主链高度 { $main_height }：{ $reason }
subchain-outcome-mismatch = 主链高度 { $main_height } 的报告 { $index } 锚定为“{ $anchored }”，但按规则应为“{ $derived }”。
subchain-record-mismatch = 子链 { $subchain } 的已证明记录与其锚定报告不一致：{ $reason }
subchain-tip-mismatch = 子链 { $subchain } 的已证明记录所指顶端是高度 { $expected_height } 的 { $expected }；锚定报告得出的是高度 { $got_height } 的 { $got }。
subchain-status-mismatch = 子链 { $subchain } 的已证明记录为“{ $expected }”；锚定报告得出的是“{ $got }”。
subchain-alert-lost-fork-choice = 主链锚定了一个在 XOR 分叉选择中落败的区块头。
subchain-not-kept = 该节点不保存此子链的区块。

## 证据文件
subchain-evidence-json = 这不是子链证据文件：{ $reason }
subchain-evidence-unknown-format = 未知的子链证据格式“{ $format }”。
subchain-evidence-hex = 证据字段 { $field } 不是十六进制。
subchain-evidence-decode = 证据字段 { $field } 无法解码：{ $reason }
subchain-evidence-wrong-main-chain = { $side ->
        [first] 第一
       *[other] 第二
    }个主链区块与证据所称的链不同。
subchain-evidence-main-block-invalid = { $side ->
        [first] 第一
       *[other] 第二
    }个主链区块的签名无效：{ $detail }
subchain-evidence-main-height-mismatch = { $side ->
        [first] 第一
       *[other] 第二
    }条报告所称主链高度为 { $expected }，其区块却在 { $got }。
subchain-evidence-anchor-proof-invalid = { $side ->
        [first] 第一
       *[other] 第二
    }个区块头并未锚定在其主链区块中：{ $reason }
subchain-evidence-wrong-subchain = { $side ->
        [first] 第一
       *[other] 第二
    }个区块头属于另一条子链。
subchain-evidence-wrong-kind = { $side ->
        [first] 第一
       *[other] 第二
    }个区块头不是 { $expected } 区块头。
subchain-evidence-height-mismatch = 两个区块头高度不同（{ $first } 与 { $second }）：不构成冲突。
subchain-evidence-no-conflict = 两个区块头是同一个区块（{ $hash }）：不构成冲突。
subchain-evidence-set-mismatch = 两个区块头不是由同一委员会签署的。
subchain-evidence-commit-invalid = { $side ->
        [first] 第一
       *[other] 第二
    }个提交无效：{ $reason }
subchain-evidence-not-siblings = { $side ->
        [first] 第一
       *[other] 第二
    }个区块头不是证据所指父块的子块。
subchain-evidence-bits-mismatch = 两个兄弟区块的难度不同（{ $first } 位与 { $second } 位）。
subchain-evidence-insufficient-work = { $side ->
        [first] 第一
       *[other] 第二
    }个区块头的工作量不足。
subchain-evidence-winner-not-first = 胜出的兄弟区块并未先于落败者被锚定。
subchain-evidence-loser-not-replaces = 落败的兄弟区块锚定为“{ $got }”，而不是替换。
subchain-evidence-loser-wins = 所称的落败者实际上与父块的 XOR 距离更近：没有违反规则。
subchain-evidence-wrong-report = 给出的报告不是第 { $index } 条锚定报告（区块头 { $hash }）。

## 子链值
subchain-value-wrong-subchain = 该答复针对的是子链 { $got }，不是 { $expected }。
subchain-value-wrong-height = 该答复针对高度 { $expected }，但其区块在高度 { $got }。
subchain-value-not-audited = 高度 { $height } 尚未审计（已审计至 { $audited }）。
subchain-value-wrong-header = 给出的高度 { $height } 区块不是审计过的那个。
subchain-value-halted = 高度 { $height } 的子链数据不可信：该子链已在高度 { $halted } 停止。
subchain-value-bad-key = “{ $key }”不是有效的子链键。
subchain-value-proof = 该子链值未被其区块证明：{ $reason }

## 命令行帮助
help-subchain = 子链：列出、审计、读取已证明的值、验证证据、随同步审计。
help-subchain-list = 列出子链及其已证明的记录和本钱包的审计状态。
help-subchain-list-json = 机器可读的输出。
help-subchain-audit = 审计子链：其报告的每个区块头，都按其自身共识核对并锚定在已验证的主链区块中。
help-subchain-audit-id = 子链编号。
help-subchain-audit-json = 机器可读的输出。
help-subchain-get = 显示已审计子链状态中的一个值，以审计过的区块头证明。
help-subchain-get-id = 子链编号。
help-subchain-get-key = 状态键（例如 demo/greeting）。
help-subchain-get-height = 指定一个已审计的子链高度，而不是已审计的顶端。
help-subchain-get-json = 机器可读的输出。
help-subchain-verify-evidence = 离线核验子链证据文件（双签或 XOR 分叉选择落败）。
help-subchain-verify-evidence-file = 证据文件。
help-subchain-verify-evidence-json = 机器可读的输出。
help-subchain-follow = 此后每次同步都审计该子链。
help-subchain-follow-id = 子链编号。
help-subchain-unfollow = 不再随同步审计该子链（已有的审计保留）。
help-subchain-unfollow-id = 子链编号。
