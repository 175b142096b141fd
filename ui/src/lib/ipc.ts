// The app's IPC: the typed `commands` generated from the Rust types
// (`bindings.ts`, see docs/adr/0009-wallet-use-cases.md), wrapped so that every
// failure becomes an ErrorView {code, args}, translated by the error component
// with the Fluent catalogs. No type here is written by hand.
import { Channel, commands, type ErrorView } from "./bindings";
import { t, has, type Args } from "./i18n.svelte";

export * from "./bindings";

/** A failure the UI shows: a Fluent message id and its arguments. */
export type AppError = ErrorView;

export function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && typeof (e as AppError).code === "string";
}

/** Normalizes anything thrown into an AppError. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return { code: e.code, args: e.args ?? {} };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: "app-error-unexpected", args: { detail } };
}

/** The translated text of an error. */
export function errorText(e: AppError): string {
  if (has(e.code)) return t(e.code, e.args as Args);
  return t("app-error-unknown-code", { code: e.code });
}

type Commands = typeof commands;

/** Every command, throwing AppErrors. */
export const api = Object.fromEntries(
  Object.entries(commands).map(([name, command]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await (command as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (e) {
        throw toAppError(e);
      }
    },
  ]),
) as Commands;

/** A channel whose messages go to `onMessage`. */
export function channel<T>(onMessage: (message: T) => void): Channel<T> {
  const ch = new Channel<T>();
  ch.onmessage = onMessage;
  return ch;
}

/** Where save_qr_frames writes (one directory per stem). */
export type QrStem = "jifen-pairing" | "jifen-request" | "jifen-signature";

/** The bytes of a chosen file, as IPC wants them. */
export async function fileBytes(file: Blob): Promise<number[]> {
  const buffer =
    typeof file.arrayBuffer === "function"
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(file);
        });
  return Array.from(new Uint8Array(buffer));
}

/** The text of a chosen file. */
export async function fileText(file: Blob): Promise<string> {
  return typeof file.text === "function"
    ? file.text()
    : new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(file);
      });
}

export { Channel };
