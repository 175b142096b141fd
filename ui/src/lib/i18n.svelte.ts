// Fluent catalogs from ../i18n, bundled at build time, so the UI formats the same
// message ids (and error codes) the Rust side uses. The locale is reactive state:
// switching it re-renders every t() call without a restart.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const LOCALES = ["zh-CN", "zh-TW", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const sources = import.meta.glob("../../../i18n/locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

function buildBundle(locale: Locale): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  for (const [path, text] of Object.entries(sources)) {
    if (path.includes(`/locales/${locale}/`)) {
      const errors = bundle.addResource(new FluentResource(text));
      if (errors.length > 0) console.error(`fluent errors in ${path}`, errors);
    }
  }
  return bundle;
}

const bundles: Record<Locale, FluentBundle> = {
  "zh-CN": buildBundle("zh-CN"),
  "zh-TW": buildBundle("zh-TW"),
  en: buildBundle("en"),
};

export const i18n = $state({ locale: "zh-CN" as Locale });

export function isLocale(tag: unknown): tag is Locale {
  return typeof tag === "string" && (LOCALES as readonly string[]).includes(tag);
}

export function setLocale(tag: Locale): void {
  i18n.locale = tag;
  if (typeof document !== "undefined") document.documentElement.lang = tag;
}

export type Args = Record<string, FluentVariable | null | undefined>;

/** Whether the catalogs have a message `id`. */
export function has(id: string): boolean {
  return bundles[i18n.locale].hasMessage(id);
}

/** Formats message `id` in the current locale (the id itself if it is missing). */
export function t(id: string, args?: Args): string {
  const bundle = bundles[i18n.locale];
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  const clean: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(args ?? {})) if (v !== null && v !== undefined) clean[k] = v;
  return bundle.formatPattern(message.value, clean);
}

/** How long ago, in the app's language ("5 minutes ago", "5分钟前"). */
export function ago(ms: number): string {
  const format = new Intl.RelativeTimeFormat(i18n.locale, { numeric: "always" });
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return format.format(-seconds, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, "hour");
  return format.format(-Math.round(hours / 24), "day");
}

/** Every message id of a locale (tests compare the three catalogs). */
export function messageIds(locale: Locale): string[] {
  const ids: string[] = [];
  for (const [path, text] of Object.entries(sources)) {
    if (!path.includes(`/locales/${locale}/`)) continue;
    for (const entry of new FluentResource(text).body) {
      if ("id" in entry && !entry.id.startsWith("-")) ids.push(entry.id);
    }
  }
  return ids.sort();
}
