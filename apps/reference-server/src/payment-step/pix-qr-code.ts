import { hasValidCrc } from "@tessera/core";
import QRCode from "qrcode";
import { withAccessibleName } from "./accessible-svg";

/**
 * Error correction level M (about 15 % of the symbol recoverable): what BACEN's BR Code
 * manual (Manual de Padrões para Iniciação do Pix) recommends — a dynamic BR Code stays a
 * version small enough to scan from a phone screen, and a smudge or a glare still reads.
 */
export const pixQrErrorCorrection = "M";

/** Light modules around the symbol: the four ISO/IEC 18004 requires, so a reader finds its edges. */
export const pixQrQuietZoneModules = 4;

/**
 * The QR code of a PIX BR Code ("copia e cola" payload) as an SVG element to inline in the
 * checkout's payment step (eta `<%~ %>`): qrcode's own markup — a white background over
 * the quiet zone, so it scans on a dark page too, and the dark modules as one path with
 * `shape-rendering="crispEdges"` — with `role="img"`, `aria-label` and a `<title>` added
 * (escaped). It has a `viewBox` and no size: the page sizes it with CSS, and being vector
 * it stays sharp at any size a phone shows it. The payload itself never appears in the
 * markup. Throws a `TypeError` for a payload whose CRC16 is wrong (cut or edited on the
 * way), which no bank app would accept.
 *
 * @example
 * ```ts
 * const svg = await pixQrCodeSvg(action.qrCodePayload, { title: t("pix.qrCode") });
 * ```
 */
export async function pixQrCodeSvg(payload: string, options: { title?: string } = {}): Promise<string> {
  if (!hasValidCrc(payload)) {
    throw new TypeError("A PIX QR code takes a BR Code payload ending in its CRC16 (field 63).");
  }
  const svg = await QRCode.toString(payload, {
    type: "svg",
    errorCorrectionLevel: pixQrErrorCorrection,
    margin: pixQrQuietZoneModules,
    color: { dark: "#000000", light: "#ffffff" },
  });
  // BACEN's name for it, what the payer's bank app says; pages pass their translated one.
  return withAccessibleName(svg, options.title ?? "QR Code Pix");
}
