import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The PDF's fonts: DejaVu Sans, shipped as a pinned npm dependency (`dejavu-fonts-ttf`) and
 * embedded (subset) in each file — the PDF's 14 standard fonts know no Cyrillic, so a Russian
 * report needs a Unicode font, and a studio's server (a slim container) may have none of its
 * own. Resolved once, from the package, never from the machine's font folders.
 */
export function pdfFonts(): { regular: string; bold: string } {
  return {
    regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
    bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  };
}
