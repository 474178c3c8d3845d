/*
 * Tessera's buy button for any site. Paste where the button goes:
 *   <script async src="https://<server>/embed/button.js" data-tessera-unit="<unit>" data-tessera-plan="<plan>"></script>
 * It asks the server for the plan's button (JSON, no cookies), checks every value again,
 * and draws a link to the plan's checkout inside a Shadow DOM right after the script, so the
 * host page's CSS does not reach it and ours does not reach the page. Text is set with
 * textContent, never as markup. A plan not on sale draws nothing. No framework, no globals.
 */
(() => {
  // The bounds of each size, put here by the server from core's buttonDesignSchema.
  const limits = /*TESSERA_LIMITS*/ null;
  const colour = /^#[0-9a-fA-F]{6}$/;
  const slug = /^[a-z0-9-]{2,64}$/;

  function sizeOk(name, value) {
    const limit = limits?.[name];
    if (!limit) return false;
    if (value === null) return limit.optional === true;
    return (
      typeof value === "number" && Math.floor(value) === value && value >= limit.min && value <= limit.max
    );
  }

  function designOk(d) {
    return (
      d !== null &&
      typeof d === "object" &&
      colour.test(d.textColor) &&
      colour.test(d.backgroundColor) &&
      colour.test(d.borderColor) &&
      typeof d.bold === "boolean" &&
      sizeOk("textSizePx", d.textSizePx) &&
      sizeOk("borderWidthPx", d.borderWidthPx) &&
      sizeOk("cornerRadiusPx", d.cornerRadiusPx) &&
      sizeOk("widthPx", d.widthPx) &&
      sizeOk("heightPx", d.heightPx)
    );
  }

  const baseStyle =
    ":host{all:initial;display:inline-block}" +
    "a{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;" +
    "padding:0.5em 1.25em;border-style:solid;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;" +
    "line-height:1.2;text-align:center;text-decoration:none;cursor:pointer;overflow-wrap:anywhere}" +
    "a:hover{filter:brightness(0.92)}a:focus-visible{outline:3px solid #111;outline-offset:2px}";

  function draw(script, button, checkoutUrl) {
    const d = button.design;
    const host = document.createElement("span");
    host.setAttribute("data-tessera-button", "");
    script.parentNode.insertBefore(host, script.nextSibling);
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = baseStyle;
    const link = document.createElement("a");
    link.href = checkoutUrl;
    // A new tab: the host page stays open, and the checkout runs in its own top-level window.
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = button.text;
    const css = link.style;
    css.setProperty("color", d.textColor);
    css.setProperty("background-color", d.backgroundColor);
    css.setProperty("border-color", d.borderColor);
    css.setProperty("border-width", d.borderWidthPx + "px");
    css.setProperty("border-radius", d.cornerRadiusPx + "px");
    css.setProperty("font-size", d.textSizePx + "px");
    css.setProperty("font-weight", d.bold ? "700" : "400");
    if (d.widthPx !== null) css.setProperty("width", d.widthPx + "px");
    if (d.heightPx !== null) css.setProperty("height", d.heightPx + "px");
    root.appendChild(style);
    root.appendChild(link);
  }

  function load(script) {
    script.setAttribute("data-tessera-drawn", "");
    const unit = script.getAttribute("data-tessera-unit") || "";
    const plan = script.getAttribute("data-tessera-plan") || "";
    if (!slug.test(unit) || !slug.test(plan) || !script.src || !script.parentNode) return;
    const api = new URL("buttons/" + unit + "/" + plan, script.src);
    const checkoutUrl = new URL("../u/" + unit + "/" + plan, script.src).href;
    fetch(api.href, { credentials: "omit", headers: { accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((button) => {
        if (
          button &&
          button.onSale === true &&
          typeof button.text === "string" &&
          button.text.length > 0 &&
          button.text.length <= 200 &&
          designOk(button.design)
        ) {
          draw(script, button, checkoutUrl);
        } else if (window.console) {
          console.warn("Tessera: the plan " + plan + " is not on sale; no button drawn.");
        }
      })
      .catch(() => {
        if (window.console) console.warn("Tessera: could not load the button of " + plan + ".");
      });
  }

  for (const script of document.querySelectorAll("script[data-tessera-plan]:not([data-tessera-drawn])"))
    load(script);
})();
