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

/** A catalog message if there is one, else the name as written. */
function named(prefix: string, name: string): string {
  const id = `${prefix}-${name.replaceAll("_", "-")}`;
  return has(id) ? t(id) : name;
}

/** A CBV business step, translated (`step-<name>`), else its name. */
export function stepLabel(step: string | null): string {
  return step ? named("step", step) : t("app-trace-step-none");
}

/** A party's role, translated (`role-<name>`), else its name. */
export function roleLabel(role: string): string {
  return named("role", role);
}

/** Minutes east of UTC of an offset like `+08:00` or `-05:30` (`Z`: 0; unreadable: null). */
export function offsetMinutes(zone: string): number | null {
  const z = zone.trim();
  if (z === "Z" || z === "") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  return m[1] === "-" ? -minutes : minutes;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An event's time as written where it happened: `YYYY-MM-DD HH:MM` in the
 * event's time zone, with that zone (`+08:00`); UTC when the zone does not read.
 */
export function localTime(timeMs: number, zone: string): string {
  const offset = offsetMinutes(zone);
  const d = new Date(timeMs + (offset ?? 0) * 60_000);
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${text} (${offset === null ? "UTC" : zone.trim() === "Z" || zone.trim() === "" ? "UTC" : zone.trim()})`;
}

/** The checks shown on every record, in order, with their message ids. */
export const CHECKS: Array<{ key: keyof RecordChecksView; label: string }> = [
  { key: "hash", label: "app-trace-check-hash" },
  { key: "signature", label: "app-trace-check-signature" },
  { key: "link", label: "app-trace-check-link" },
  { key: "signer", label: "app-trace-check-signer" },
  { key: "anchored", label: "app-trace-check-anchored" },
  { key: "order", label: "app-trace-check-order" },
];

/** Whether every check of a record passed. */
export function recordOk(record: TraceRecordView): boolean {
  return CHECKS.every((c) => record.checks[c.key]);
}

/** A progress stage's message id (`sync`, `audit`, `records`, `verify`). */
export function stageLabel(stage: string): string {
  const id = `app-trace-stage-${stage}`;
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
