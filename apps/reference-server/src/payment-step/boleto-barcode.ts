// The Node build by its own entry: the package root names it only under a "node" condition TypeScript does not read.
import bwipjs from "bwip-js/node";
import { withAccessibleName } from "./accessible-svg";

/**
 * FEBRABAN's printed barcode: Interleaved 2 of 5 bars 13 mm tall over about 103 mm, the
 * wide elements three times the narrow (its 1:3 ratio). A narrow element of 0.254 mm
 * (1/100 in) makes the 405 modules of a 44-digit code 102.9 mm.
 */
export const febrabanBarcode = Object.freeze({ narrowMm: 0.254, heightMm: 13, wideToNarrow: 3 });

/** Light modules before and after the bars: the ten narrow widths I2of5 readers need to find its start. */
export const boletoQuietZoneModules = 10;

/**
 * What bwip-js draws for every boleto, SVG and PDF alike: no check digit of I2of5's own
 * (the barcode carries FEBRABAN's mod-11 digit at position 5), no human-readable text
 * under it (the digitable line is printed apart), one unit per narrow module, and
 * bwip-js's `barratio`/`spaceratio` of 2 — it draws a wide element as 1 + (2 − 1) × ratio
 * narrow ones, so 2 is FEBRABAN's 1:3. The height keeps the printed proportion:
 * 13 mm of bars over a 0.254 mm module, in bwip-js's millimetres of 72 units per inch.
 */
function encoderOptions(barcode: string) {
  return {
    bcid: "interleaved2of5",
    text: barcode,
    includecheck: false,
    includetext: false,
    barratio: febrabanBarcode.wideToNarrow - 1,
    spaceratio: febrabanBarcode.wideToNarrow - 1,
    scale: 1,
    height: (febrabanBarcode.heightMm / febrabanBarcode.narrowMm) * (25.4 / 72),
  };
}

/** Throws a `TypeError` unless `barcode` is a boleto's 44-digit código de barras (not its 47-digit line). */
export function assertBoletoBarcode(barcode: string): void {
  if (typeof barcode !== "string" || !/^\d{44}$/.test(barcode)) {
    throw new TypeError(
      "A boleto's barcode is its 44 digits (código de barras), not the 47-digit digitable line, with no dots or spaces.",
    );
  }
}

/** One bar, in narrow modules from the left edge of the first bar. */
export interface BarcodeBar {
  x: number;
  width: number;
}

/** The bars of a boleto's barcode and the length they span, in narrow modules. */
export interface BoletoBarcodeBars {
  bars: BarcodeBar[];
  /** From the first bar's left edge to the last bar's right edge. */
  modules: number;
}

/**
 * The boleto's Interleaved 2 of 5 bars as bwip-js lays them out, for drawers other than
 * SVG (the PDF): the same encoder and options as `boletoBarcodeSvg`, so the bars printed and
 * the bars shown are one encoding. Throws a `TypeError` for anything but 44 digits.
 *
 * @example
 * ```ts
 * const { bars, modules } = boletoBarcodeBars(action.barcode); // 114 bars over 405 modules
 * ```
 */
export function boletoBarcodeBars(barcode: string): BoletoBarcodeBars {
  assertBoletoBarcode(barcode);
  const drawn: BarcodeBar[] = [];
  // bwip-js draws a linear barcode's bars as vertical lines `lw` wide, centred on x.
  const collector: bwipjs.DrawingContext<BarcodeBar[]> = {
    scale: () => null,
    measure: () => ({ width: 0, ascent: 0, descent: 0 }),
    init: () => undefined,
    line(x0, _y0, x1, _y1, lw) {
      if (x0 !== x1) throw new Error("bwip-js drew a bar that is not vertical.");
      drawn.push({ x: x0 - lw / 2, width: lw });
    },
    polygon: () => unexpected("polygon"),
    hexagon: () => unexpected("hexagon"),
    ellipse: () => unexpected("ellipse"),
    fill: () => undefined,
    text: () => unexpected("text"),
    end: () => drawn,
  };
  const bars = bwipjs.render(encoderOptions(barcode), collector);
  const origin = bars[0]?.x ?? 0;
  const last = bars.at(-1);
  return {
    bars: bars.map((bar) => ({ x: bar.x - origin, width: bar.width })),
    modules: last === undefined ? 0 : last.x + last.width - origin,
  };
}

function unexpected(shape: string): never {
  throw new Error(`bwip-js drew a ${shape}, which an Interleaved 2 of 5 barcode without text has none of.`);
}

/**
 * A boleto's barcode (the 44-digit código de barras, FEBRABAN's Interleaved 2 of 5) as an
 * SVG element to inline in the checkout's payment step (eta `<%~ %>`): bwip-js's markup,
 * black bars on a white background with a ten-module quiet zone each side, plus
 * `role="img"`, `aria-label` and a `<title>` (escaped). A `viewBox` and no size: the page
 * sizes it with CSS. Throws a `TypeError` for anything but 44 digits — a digitable line
 * passed by mistake included.
 *
 * @example
 * ```ts
 * const svg = boletoBarcodeSvg(action.barcode, { title: t("boleto.barcode") });
 * ```
 */
export function boletoBarcodeSvg(barcode: string, options: { title?: string } = {}): string {
  assertBoletoBarcode(barcode);
  const svg = bwipjs.toSVG({
    ...encoderOptions(barcode),
    paddingwidth: boletoQuietZoneModules,
    // White behind the bars and the quiet zone, so it reads on a dark page too.
    backgroundcolor: "FFFFFF",
  });
  return withAccessibleName(svg, options.title ?? "Código de barras do boleto");
}
