// Typed fixtures of the subchain views, as the Rust side sends them
// (`wallet/src/subchains/views.rs`), for the Vitest suites.
import type {
  AuditSummaryView,
  SubchainAlertView,
  SubchainAuditView,
  SubchainListView,
  SubchainView,
} from "./ipc";
import { points } from "./testing";

const proven = (height: number) => ({ height, header_hash: "cd".repeat(32) });

export function summary(over: Partial<AuditSummaryView> = {}): AuditSummaryView {
  return {
    state: "clean",
    reports: 30,
    height: 30,
    tip: "aa".repeat(32),
    main_height: 44,
    at_ms: 1_700_000_000_000,
    committee_size: 4,
    bits: null,
    alerts: [],
    ...over,
  };
}

export function bft(over: Partial<SubchainView> = {}): SubchainView {
  return {
    id: 1,
    name: "trace-consortium",
    kind: "bft",
    status: "active",
    halted_at: null,
    owner: "jfd1owner",
    stake: points("1000"),
    registered_at: 1,
    genesis_committee: "bb".repeat(32),
    pow: null,
    anchored_height: 30,
    anchored_tip: "aa".repeat(32),
    reports: 30,
    last_anchor: 44,
    followed: false,
    state: "clean",
    audit: summary(),
    proven: proven(44),
    ...over,
  };
}

export function powXor(over: Partial<SubchainView> = {}): SubchainView {
  return {
    id: 2,
    name: "xor-demo",
    kind: "pow-xor",
    status: "active",
    halted_at: null,
    owner: "jfd1owner",
    stake: points("1000"),
    registered_at: 1,
    genesis_committee: null,
    pow: { initial_bits: 8, min_bits: 4, retarget_interval: 16, target_spacing_ms: 2000 },
    anchored_height: 25,
    anchored_tip: "ee".repeat(32),
    reports: 27,
    last_anchor: 43,
    followed: false,
    state: "not-audited",
    audit: null,
    proven: proven(44),
    ...over,
  };
}

export function alert(over: Partial<SubchainAlertView> = {}): SubchainAlertView {
  return {
    kind: "equivocation",
    height: 12,
    main_height: 20,
    error: null,
    evidence_path: "/data/chain/devnet/evidence/subchain-1-12.json",
    ...over,
  };
}

export function listView(subchains: SubchainView[]): SubchainListView {
  return {
    subchains,
    registered: subchains.length,
    alerted: subchains.filter((s) => s.state === "alert" || s.state === "failed").length,
    proven: proven(44),
  };
}

export function auditRun(subchain: SubchainView, new_reports = 10): SubchainAuditView {
  return { subchain, new_reports, main_headers: new_reports, elapsed_ms: 120 };
}
