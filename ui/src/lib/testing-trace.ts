// Typed fixtures of the provenance views, as the Rust side sends them
// (`wallet/src/provenance/views.rs`), for the Vitest suites.
import type { ErrorView, PartyView, RecordReview, SaleReview, TagView, TraceRecordView, TraceView, VerdictView } from "./ipc";
import { points } from "./testing";

export const TAG = "https://id.gs1.org/01/09506000134352/21/A1?net=devnet";

export function tag(over: Partial<TagView> = {}): TagView {
  return {
    uri: TAG,
    canonical: "https://id.gs1.org/01/09506000134352/21/A1",
    gtin: "09506000134352",
    serial: "A1",
    lot: "L7",
    expiry: "2027-06-30",
    network: "devnet",
    resolver: "id.gs1.org",
    ...over,
  };
}

export function party(name: string | null, roles: string[] = ["producer"]): PartyView {
  return { address: `jfd1${(name ?? "anon").toLowerCase()}`, name, roles };
}

export function record(index: number, over: Partial<TraceRecordView> = {}): TraceRecordView {
  return {
    index,
    event_kind: "object",
    biz_step: "commissioning",
    disposition: "active",
    action: "ADD",
    // 2026-03-01 02:30 UTC: 10:30 in Shanghai.
    time_ms: Date.UTC(2026, 2, 1, 2, 30) + index * 86_400_000,
    time_zone: "+08:00",
    local_time: "2026-03-01 10:30",
    place: "Hangzhou tea garden",
    biz_location: "https://id.gs1.org/414/9506000134352",
    read_point: null,
    party: party("West Lake Tea Co."),
    event_hash: `ni:///sha-256;${"ab".repeat(32)}?ver=CBV2.0`,
    details: [{ name: "cbvmda:lotNumber", value: "L7" }],
    sealed_for: null,
    checks: { hash: true, signature: true, link: true, signer: true, anchored: true, order: true },
    problem: null,
    ...over,
  };
}

/** A reason the wallet gives with each verdict (authentic has none). */
export const REASONS: Record<VerdictView, ErrorView[]> = {
  authentic: [],
  unanchored: [{ code: "trace-reason-unanchored", args: { count: 1, total: 3 } }],
  tampered: [{ code: "trace-reason-hash-mismatch", args: { record: 2 } }],
  "suspected-clone": [{ code: "trace-reason-sold-before", args: { height: 40 } }],
  "signer-not-registered": [{ code: "trace-reason-signer-unknown", args: { record: 1 } }],
  "unknown-product": [{ code: "trace-reason-unknown-product", args: {} }],
};

export function traceView(verdict: VerdictView, over: Partial<TraceView> = {}): TraceView {
  return {
    tag: tag(),
    purpose: "inspect",
    verdict,
    reasons: REASONS[verdict],
    records: [record(0), record(1, { biz_step: "receiving", place: "Shanghai warehouse", party: party("Huadong Logistics", ["warehouse"]) })],
    anchor: { issuer: party("GS1 China", ["tag_issuer"]), subchain: 1, count: 2, main_height: 31, anchorings: 2 },
    sales: [],
    proven_at: { height: 44, header_hash: "cd".repeat(32) },
    subchain_height: 27,
    fetch_ms: 120,
    verify_ms: 8,
    ...over,
  };
}

export function recordReview(): RecordReview {
  return {
    tag: tag(),
    biz_step: "receiving",
    location: "https://id.gs1.org/414/9506000134369",
    place: "Jifen shop, Nanjing Road",
    party: "Nanjing Road Shop",
    from: "jfd1shop",
    index: 2,
    event_hash: `ni:///sha-256;${"ef".repeat(32)}?ver=CBV2.0`,
    event: "{}",
  };
}

export function saleReview(): SaleReview {
  return {
    review_id: "rv-sale",
    from: "jfd1vault",
    seller: "Nanjing Road Shop",
    tag: tag(),
    anchored_records: 3,
    network_fee: points("0.001"),
    nonce: 4,
    chain_id: "jifen-devnet",
    proven: { height: 44, header_hash: "cd".repeat(32) },
  };
}
