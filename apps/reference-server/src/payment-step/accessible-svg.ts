/** The five characters XML gives meaning to, as entities: safe in character data and in quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => xmlEntities[char as keyof typeof xmlEntities]);
}

const xmlEntities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" } as const;

/**
 * A generated SVG with an accessible name, to be inlined in a page as it is (eta `<%~ %>`):
 * `role="img"` and `aria-label` on the root, and a `<title>` as its first child (the name
 * and tooltip SVG-AAM gives an `<svg>`), both escaped. Nothing else of the drawing is
 * touched, so the markup is the library's plus these attributes. Throws a `TypeError` when
 * `svg` does not start with one `<svg …>` root of its own, or already names itself.
 */
export function withAccessibleName(svg: string, name: string): string {
  const markup = svg.trim();
  const root = /^<svg\b[^>]*>/.exec(markup);
  if (root === null || markup.indexOf("<svg", 1) !== -1 || !markup.endsWith("</svg>")) {
    throw new TypeError("withAccessibleName takes one generated <svg> element.");
  }
  if (/\s(role|aria-label|aria-labelledby)=/.test(root[0])) {
    throw new TypeError("The generated <svg> already has an accessible name.");
  }
  if (name.trim() === "") throw new TypeError("An image needs a name for screen readers.");
  const label = escapeXml(name);
  const openTag = `${root[0].slice(0, -1)} role="img" aria-label="${label}">`;
  return `${openTag}<title>${label}</title>${markup.slice(root[0].length)}`;
}
