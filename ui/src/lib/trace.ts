// What the Trace screen decides from the wallet's provenance views, kept apart
// from the components so it can be tested alone: the banner of a verdict (a
// colour, an icon and a word: never colour alone), which verdicts sound the
// alarm, a record's time in the event's own time zone, the translated names
// of steps and roles (the name itself when the catalogs do not know it), a
// record's checks, and what the screen remembers between runs (counter mode,
// sound, the receiving location).
import type { RecordChecksView, TraceRecordView, VerdictView } from "./ipc";
import { has, t } from "./i18n.svelte";

/** How a verdict looks: the banner's tone, its icon and whether it is bad. */
export interface Banner {
  tone: "ok" | "warn" | "alert" | "none";
  icon: string;
  /** A verdict the counter must not miss: the alarm sounds. */
  bad: boolean;
}

/** The banner of a verdict: green authentic, amber unanchored, red for the bad ones, grey unknown. */
export function banner(verdict: VerdictView): Banner {
  switch (verdict) {
    case "authentic":
      return { tone: "ok", icon: "✓", bad: false };
    case "unanchored":
      return { tone: "warn", icon: "!", bad: false };
    case "tampered":
      return { tone: "alert", icon: "✕", bad: true };
    case "suspected-clone":
      return { tone: "alert", icon: "⚠", bad: true };
    case "signer-not-registered":
      return { tone: "alert", icon: "✕", bad: true };
    case "unknown-product":
      return { tone: "none", icon: "?", bad: false };
  }
}

/** A catalog message if there is one (the name as written, or in kebab case), else the name itself. */
function named(prefix: string, name: string): string {
  for (const id of [`${prefix}-${name}`, `${prefix}-${name.replaceAll("_", "-")}`]) if (has(id)) return t(id);
  return name;
}

/** A CBV business step, translated (`step-<name>`), else its name. */
export function stepLabel(step: string | null): string {
  return named("step", step ?? "none");
}

/** A party's role, translated (`role-<name>`), else its name. */
export function roleLabel(role: string): string {
  return named("role", role);
}

/** An event's time where it happened (the wallet's `local_time`) with its zone. */
export function eventTime(record: TraceRecordView): string {
  return `${record.local_time} (${record.time_zone})`;
}

/** This device's time zone as an offset (`+08:00`), for the records it makes. */
export function localZone(now = new Date()): string {
  const east = -now.getTimezoneOffset();
  const abs = Math.abs(east);
  return `${east < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The checks shown on every record, in order, with their message ids. */
export const CHECKS: Array<{ key: keyof RecordChecksView; label: string }> = [
  { key: "hash", label: "trace-check-hash" },
  { key: "signature", label: "trace-check-signature" },
  { key: "link", label: "trace-check-link" },
  { key: "signer", label: "trace-check-signer" },
  { key: "anchored", label: "trace-check-anchored" },
  { key: "order", label: "trace-check-order" },
];

/** Whether every check of a record passed. */
export function recordOk(record: TraceRecordView): boolean {
  return CHECKS.every((c) => record.checks[c.key]);
}

/** A progress stage's message id (`trace-stage-sync`, `-audit`, `-records`, `-verify`). */
export function stageLabel(stage: string): string {
  const id = `trace-stage-${stage}`;
  return has(id) ? id : "app-trace-stage-other";
}

/** What the screen remembers between runs (this device only: no secrets). */
export interface TracePrefs {
  counter: boolean;
  muted: boolean;
  location: string;
  place: string;
}

const PREFS_KEY = "jifen.trace";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadPrefs(): TracePrefs {
  const fallback: TracePrefs = { counter: false, muted: false, location: "", place: "" };
  const raw = storage()?.getItem(PREFS_KEY);
  if (!raw) return fallback;
  try {
    const p = JSON.parse(raw) as Partial<TracePrefs>;
    return {
      counter: p.counter === true,
      muted: p.muted === true,
      location: typeof p.location === "string" ? p.location : "",
      place: typeof p.place === "string" ? p.place : "",
    };
  } catch {
    return fallback;
  }
}

export function savePrefs(prefs: TracePrefs): void {
  try {
    storage()?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // A full or disabled storage only forgets the preference.
  }
}

/**
 * A short sound for a verdict (WebAudio, no files): one high beep when it is
 * authentic, two low buzzes for a bad verdict, one middle tone otherwise.
 * Silent where there is no audio (tests, a webview without it).
 */
export function beep(verdict: VerdictView): void {
  const Ctx = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    const b = banner(verdict);
    const tones: Array<[number, number, OscillatorType]> = b.bad
      ? [[220, 0, "square"], [220, 0.28, "square"]]
      : b.tone === "ok"
        ? [[1320, 0, "sine"]]
        : [[660, 0, "sine"]];
    for (const [freq, at, type] of tones) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = type;
      osc.frequency.value = freq;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + (b.bad ? 0.22 : 0.12));
    }
    setTimeout(() => void ctx.close(), 1_000);
  } catch {
    // No sound is not an error: the banner says it.
  }
}
