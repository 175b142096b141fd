# Peer-to-peer (ADR 0022): status lines, follow, errors.

status-peer-p2p = Node { $peer } ({ $role }, P2P, K-bucket { $bucket }): { $state }
status-peer-p2p-discovered = Node { $peer } ({ $role }, P2P, found by discovery, K-bucket { $bucket }): { $state }
chain-p2p-start = The peer-to-peer network could not start: { $detail }
app-peer-transport-rpc = RPC
app-peer-transport-p2p = P2P
app-peer-bucket = bucket { $bucket }
app-peer-discovered = found by discovery
follow-started = Following the chain: each block the P2P peers announce is verified. Ctrl-C stops.
follow-verified = Verified block { $height } ({ $hash }), { $witnesses } witnesses agree, { $millis } ms after it was announced.
follow-false-announcement = A peer announced a block { $height } that is not the verified one: { $peer }
follow-done = Followed { $verified } new blocks; verified up to block { $height }.
chain-follow-needs-p2p = Following the { $network } chain needs a P2P endpoint (/ip4/…/tcp/…/p2p/…): blocks are announced over P2P.
help-follow = Follow the chain: verify each new block as P2P peers announce it (needs a P2P endpoint; Ctrl-C stops).
help-follow-network = Which network.
help-follow-blocks = Stop after this many new verified heads.
app-sync-following = Following · P2P
app-sync-following-hint = Each block the P2P nodes announce is verified as it comes; no need to press Sync now.
app-job-kind-follow = Following the chain (P2P)
