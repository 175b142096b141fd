# Subchains (issue 13, docs/adr/0019-subchains-and-their-audit.md)

## CLI lines
subchain-none = No subchain is registered on this chain.
subchain-list-head = { $count ->
    [one] One subchain registered (proven at height { $height }):
   *[other] { $count } subchains registered (proven at height { $height }):
}
subchain-row = #{ $id } { $name } · { $kind }, { $consensus } · { $status } · anchored to height { $height } (main height { $anchor }) · audited to { $audited }: { $state } · followed: { $followed }
subchain-alerted = { $count ->
    [one] One subchain has an audit alert: its data is not trusted past the finding.
   *[other] { $count } subchains have audit alerts: their data is not trusted past the findings.
}
subchain-audited = Subchain #{ $id } audited: { $new } new reports checked against { $headers } main-chain headers in { $millis } ms.
subchain-progress-headers = Proving main-chain headers { $from } to { $to } by hash links…
subchain-progress = Checked { $checked } of { $total } reports.
subchain-value = #{ $id } { $name }: { $key } at subchain height { $height } (header { $header }, audited, anchored at main height { $main }):
subchain-value-absent = #{ $id } { $name }: { $key } holds no value at subchain height { $height } (proven absent under audited header { $header }, anchored at main height { $main }).
subchain-evidence-equivocation = Valid evidence: the committee of subchain #{ $id } signed two headers at height { $height } ({ $first } and { $second }); { $count } members signed both:
subchain-evidence-lost-fork = Valid evidence: at height { $height } of subchain #{ $id } the main chain anchored { $second } over { $first }, though it loses the XOR fork choice.
subchain-followed = Subchain #{ $id } is now audited with every sync.
subchain-unfollowed = Subchain #{ $id } is no longer audited with every sync (its audit is kept).
subchain-follow-yes = yes
subchain-follow-no = no
subchain-kind-bft = bft
subchain-kind-pow-xor = pow-xor
subchain-consensus-bft = committee of { $members }
subchain-consensus-bft-unaudited = committee (its size is known after an audit)
subchain-consensus-pow = { $bits } bits of work
subchain-status-active = active
subchain-status-halted = halted (equivocation)
subchain-status-retired = retired
subchain-audit-not-audited = not audited
subchain-audit-clean = clean
subchain-audit-behind = behind (new reports since)
subchain-audit-alert = ALERT
subchain-audit-failed = FAILED
subchain-alert-equivocation = ALERT: the committee signed two headers at height { $height } (main height { $main }); evidence: { $path }
subchain-alert-lost-fork = ALERT: a header that loses the XOR fork choice was anchored at height { $height } (main height { $main }): { $reason } Evidence: { $path }
subchain-alert-invalid = ALERT at height { $height } (main height { $main }): { $reason }
sync-subchain-audited = Subchain #{ $id } { $name }: { $new } new reports audited, to height { $height } ({ $state }).
sync-subchain-failed = The subchain audit stopped: { $reason }

## The chain's rules (codes 1201-1223)
subchain-unknown = There is no subchain number { $subchain }.
subchain-halted = Subchain { $subchain } is halted: its committee signed two headers at height { $height }. It takes no more reports and its stake stays locked.
subchain-retired = Subchain { $subchain } is retired.
subchain-stake-too-low = A subchain needs a stake of at least { $min } base units of POINT; { $got } was offered.
subchain-not-owner = Only the owner of subchain { $subchain } can retire it.
subchain-registry-full = No more subchains can be registered.
subchain-wrong-kind = The header is { $got }, but the subchain is registered as { $expected }.
subchain-skipped-height = The header is at height { $got }; the next height is { $expected }.
subchain-broken-parent = The header at height { $height } names parent { $got }, not the block below it ({ $expected }).
subchain-time-backwards = The header's time ({ $got }) is before its parent's ({ $parent }).
subchain-wrong-validators = The header at height { $height } is signed by committee { $got }, not the committee its chain names ({ $expected }).
subchain-bad-next-validators = The next committee of height { $height } is missing, unexpected or not the one the header names.
subchain-bad-commit = The commit of height { $height } is invalid: { $detail }
subchain-no-quorum = The commit of height { $height } is signed by { $signed } of { $total } voting power, not more than two thirds.
subchain-wrong-bits = Height { $height } must be mined at { $expected } bits; the header says { $got }.
subchain-insufficient-work = The header at height { $height } has { $got } leading zero bits; { $bits } are required.
subchain-loses-fork-choice = The header at height { $height } loses the XOR fork choice to { $winner }.
subchain-reorg-too-deep = The header at height { $height } forks below the anchored tip ({ $tip }): a block with an anchored child is final.
subchain-already-anchored = The header at height { $height } is already anchored.
subchain-wrong-subchain = The header is for subchain { $got }, not { $expected }.

## Light client and wallet
subchain-id-invalid = “{ $text }” is not a subchain number (1, 2, …).
subchain-key-invalid = “{ $key }” is not a subchain key (1 to 64 bytes, no control characters).
subchain-not-audited = Subchain { $subchain } has not been audited on this device yet: audit it first.
subchain-record-malformed = A subchain record proven on chain does not decode ({ $detail }).

## The audit (light client)
subchain-missing-anchor = Subchain { $subchain }: report { $expected } was expected, { $got } came (a node withheld anchored reports).
subchain-wrong-main-chain = The anchoring block is from chain { $got }, not { $expected }.
subchain-wrong-main-height = Report { $index } names main height { $got }, but was checked against the header at { $expected }.
subchain-anchor-out-of-order = Report { $index } (main height { $main_height }, leaf { $leaf_index }) comes before the previous one (main height { $previous_height }, leaf { $previous_leaf }).
subchain-anchor-proof-invalid = Report { $index } is not anchored at main height { $main_height }: { $reason }
subchain-outcome-mismatch = Report { $index } at main height { $main_height } is anchored as “{ $anchored }”, but the rules give “{ $derived }”.
subchain-record-mismatch = The proven record of subchain { $subchain } disagrees with its anchored reports: { $reason }
subchain-tip-mismatch = The proven record of subchain { $subchain } names tip { $expected } at height { $expected_height }; the anchored reports lead to { $got } at height { $got_height }.
subchain-status-mismatch = The proven record of subchain { $subchain } says “{ $expected }”; the anchored reports say “{ $got }”.
subchain-alert-lost-fork-choice = The main chain anchored a header that loses the XOR fork choice.
subchain-not-kept = The node does not keep this subchain's blocks.

## Evidence files
subchain-evidence-json = This is not a subchain evidence file: { $reason }
subchain-evidence-unknown-format = Unknown subchain evidence format “{ $format }”.
subchain-evidence-hex = The evidence field { $field } is not hex.
subchain-evidence-decode = The evidence field { $field } does not decode: { $reason }
subchain-evidence-wrong-main-chain = The { $side ->
        [first] first
       *[other] second
    } main block is from another chain than the evidence says.
subchain-evidence-main-block-invalid = The { $side ->
        [first] first
       *[other] second
    } main block is not validly signed: { $detail }
subchain-evidence-main-height-mismatch = The { $side ->
        [first] first
       *[other] second
    } report names main height { $expected }, its block is at { $got }.
subchain-evidence-anchor-proof-invalid = The { $side ->
        [first] first
       *[other] second
    } header is not anchored in its main block: { $reason }
subchain-evidence-wrong-subchain = The { $side ->
        [first] first
       *[other] second
    } header is for another subchain.
subchain-evidence-wrong-kind = The { $side ->
        [first] first
       *[other] second
    } header is not a { $expected } header.
subchain-evidence-height-mismatch = The two headers are at different heights ({ $first } and { $second }): no conflict.
subchain-evidence-no-conflict = Both headers are the same block ({ $hash }): no conflict.
subchain-evidence-set-mismatch = The two headers are not signed by the same committee.
subchain-evidence-commit-invalid = The { $side ->
        [first] first
       *[other] second
    } commit is invalid: { $reason }
subchain-evidence-not-siblings = The { $side ->
        [first] first
       *[other] second
    } header is not a child of the evidence's parent.
subchain-evidence-bits-mismatch = The siblings are mined at different difficulties ({ $first } and { $second } bits).
subchain-evidence-insufficient-work = The { $side ->
        [first] first
       *[other] second
    } header does not carry its work.
subchain-evidence-winner-not-first = The winning sibling was not anchored before the losing one.
subchain-evidence-loser-not-replaces = The losing sibling is anchored as “{ $got }”, not as a replacement.
subchain-evidence-loser-wins = The sibling called the loser is in fact XOR-closer to the parent: no rule was broken.
subchain-evidence-wrong-report = The report given is not anchored report { $index } (header { $hash }).

## Subchain values
subchain-value-wrong-subchain = The answer is about subchain { $got }, not { $expected }.
subchain-value-wrong-height = The answer is for height { $expected }, but its block is at height { $got }.
subchain-value-not-audited = Height { $height } is not audited yet (audited up to { $audited }).
subchain-value-wrong-header = The block given for height { $height } is not the audited one.
subchain-value-halted = Subchain data at height { $height } cannot be trusted: the subchain halted at height { $halted }.
subchain-value-bad-key = “{ $key }” is not a valid subchain key.
subchain-value-proof = The subchain value is not proven by its block: { $reason }

## CLI help
help-subchain = Subchains: list them, audit one, read a proven value, verify evidence, follow.
help-subchain-list = List the subchains with their proven records and this wallet's audit status.
help-subchain-list-json = Machine-readable output.
help-subchain-audit = Audit a subchain: every header it reported, checked under its own consensus and anchored in a verified main-chain block.
help-subchain-audit-id = The subchain's number.
help-subchain-audit-json = Machine-readable output.
help-subchain-get = Show a value of an audited subchain's state, proven against an audited header.
help-subchain-get-id = The subchain's number.
help-subchain-get-key = The state key (e.g. demo/greeting).
help-subchain-get-height = An audited subchain height instead of the audited tip.
help-subchain-get-json = Machine-readable output.
help-subchain-verify-evidence = Check a subchain evidence file offline (equivocation or a lost fork choice).
help-subchain-verify-evidence-file = The evidence file.
help-subchain-verify-evidence-json = Machine-readable output.
help-subchain-follow = Audit a subchain with every sync from now on.
help-subchain-follow-id = The subchain's number.
help-subchain-unfollow = Stop auditing a subchain with every sync (its audit is kept).
help-subchain-unfollow-id = The subchain's number.
