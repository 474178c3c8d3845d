// The buy-button designer's live preview: as staff change an input, the preview takes the
// value at once. Without this script the preview shows the saved design after each save.
(() => {
  const form = document.querySelector("[data-button-designer]");
  const preview = document.querySelector("[data-button-preview]");
  if (!form || !preview) return;
  const colour = /^#[0-9a-fA-F]{6}$/;
  const number = (name) => {
    const input = form.elements.namedItem(name);
    const value = input ? Number(input.value) : Number.NaN;
    const min = input && input.min !== "" ? Number(input.min) : 0;
    const max = input && input.max !== "" ? Number(input.max) : 2000;
    return Number.isInteger(value) && value >= min && value <= max && input.value !== "" ? value : null;
  };
  const text = (name) => {
    const input = form.elements.namedItem(name);
    return input ? input.value : "";
  };
  const update = () => {
    const style = preview.style;
    for (const [name, property] of [
      ["textColor", "color"],
      ["backgroundColor", "background-color"],
      ["borderColor", "border-color"],
    ]) {
      if (colour.test(text(name))) style.setProperty(property, text(name));
    }
    for (const [name, property] of [
      ["textSizePx", "font-size"],
      ["borderWidthPx", "border-width"],
      ["cornerRadiusPx", "border-radius"],
    ]) {
      const value = number(name);
      if (value !== null) style.setProperty(property, `${value}px`);
    }
    for (const [name, property] of [
      ["widthPx", "width"],
      ["heightPx", "height"],
    ]) {
      const value = number(name);
      if (value === null) style.removeProperty(property);
      else style.setProperty(property, `${value}px`);
    }
    style.setProperty("border-style", "solid");
    style.setProperty("font-weight", form.elements.namedItem("bold")?.checked ? "700" : "400");
    // textContent: what staff type is text, never markup.
    preview.textContent = text("buttonText");
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();
