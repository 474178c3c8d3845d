/**
 * The HTML staff paste into their own site to show a plan's buy button: the embed script
 * from this server, naming the unit and the plan by their public slugs (lower-case letters,
 * digits and dashes, so nothing in them needs escaping inside the attribute).
 */
export function buttonSnippet(publicBase: string, unitSlug: string, planSlug: string): string {
  return `<script async src="${publicBase}embed/button.js" data-tessera-unit="${unitSlug}" data-tessera-plan="${planSlug}"></script>`;
}
