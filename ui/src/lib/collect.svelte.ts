// The payment request the Receive payment screen shows, kept while the person
// visits other screens (a merchant's counter code stays up, and its watch
// resumes on return) until they ask for a new one; it belongs to the wallet
// that made it (another wallet opened later does not show it).
import type { PaymentRequestView } from "./ipc";

export const collect = $state({
  view: null as PaymentRequestView | null,
  /** Its QR code (SVG from the app's renderer). */
  svg: null as string | null,
  /** The wallet it was made for (another wallet's request is not shown). */
  wallet: null as string | null,
});
