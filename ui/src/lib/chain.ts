// The chain side of the IPC: sync with streamed progress (a tauri Channel) and
// cancel, proven balance, send with proven inclusion, status, audit bundle.
import { invoke, Channel } from "@tauri-apps/api/core";
import { toAppError, type AnimatedQr, type ImageBytes } from "./ipc";

export interface TrustedHead {
  height: number;
  hash: string;
  time_ms: number;
}

export interface PeerView {
  id: string;
  role: "primary" | "witness";
  state: "active" | "lagging" | "unreachable" | "demoted";
  height: number | null;
  code: string | null;
}

export interface ChainView {
  network: string;
  chain_id: string;
  endpoints: string[];
  trusted: TrustedHead | null;
  peers: PeerView[];
  cross_check: { height: number; agreed: number; at_ms: number } | null;
  evidence: string[];
  devnet: boolean;
}

export interface SyncEvent {
  phase: "bootstrapping" | "syncing" | "cross-checking" | "done";
  current: number;
  target: number;
  fetched: number;
  peers: number;
  eta_ms: number | null;
}

export interface SyncResult {
  from_height: number;
  height: number;
  headers_fetched: number;
  elapsed_ms: number;
}

export interface ProvenBalance {
  address: string;
  points: string;
  units: string;
  nonce: number;
  height: number;
  header_hash: string;
}

export interface SendReview {
  from: string;
  to: string;
  amount: string;
  fee: string;
  total: string;
  balance: string;
  remaining: string;
  height: number;
}

export interface SendEvent {
  stage: "submitted" | "waiting" | "included";
  tx_id: string | null;
  height: number | null;
}

export interface SendResult {
  tx_id: string;
  height: number;
  index: number;
  result_code: number;
  header_hash: string;
  balance: ProvenBalance | null;
}

/** A sign request made by a watch-only wallet, for its cold device. */
export interface SignRequestView {
  request_id: string;
  /** The cold device must show the same fingerprint. */
  fingerprint: string;
  review: SendReview;
  qr: AnimatedQr;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const chain = {
  status: () => call<ChainView>("chain_status"),
  sync: (onEvent: (e: SyncEvent) => void) => {
    const onProgress = new Channel<SyncEvent>();
    onProgress.onmessage = onEvent;
    return call<SyncResult>("sync", { onProgress });
  },
  cancelSync: () => call<void>("cancel_sync"),
  balance: () => call<ProvenBalance>("balance"),
  reviewSend: (to: string, amount: string, fee: string) => call<SendReview>("review_send", { to, amount, fee }),
  send: (to: string, amount: string, fee: string, onEvent: (e: SendEvent) => void) => {
    const onProgress = new Channel<SendEvent>();
    onProgress.onmessage = onEvent;
    return call<SendResult>("send", { to, amount, fee, onProgress });
  },
  faucet: () => call<SendResult>("devnet_faucet"),
  setEndpoints: (endpoints: string[]) => call<ChainView>("set_endpoints", { endpoints }),
  exportBundle: () => call<string>("export_audit_bundle"),
  // Watch-only wallet: the cold device signs.
  makeSignRequest: (to: string, amount: string, fee: string) =>
    call<SignRequestView>("make_sign_request", { to, amount, fee }),
  acceptSignature: (images: ImageBytes, onEvent: (e: SendEvent) => void) => {
    const onProgress = new Channel<SendEvent>();
    onProgress.onmessage = onEvent;
    return call<SendResult>("accept_signature", { images, onProgress });
  },
};
