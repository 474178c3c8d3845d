import type { ButtonDesign, FieldIssue, OnlineSaleSettings } from "@tessera/core";
import { buttonDesignColors, buttonDesignSizes } from "../embed/button-design-limits";
import { type FormBody, formText } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";

/** The designer's inputs: the button's text, then Otmechalka's list of what staff may set. */
export const buttonDesignFormNames = [
  "buttonText",
  "textColor",
  "textSizePx",
  "bold",
  "backgroundColor",
  "borderColor",
  "borderWidthPx",
  "cornerRadiusPx",
  "widthPx",
  "heightPx",
] as const;
export type ButtonDesignFormName = (typeof buttonDesignFormNames)[number];

/** What staff typed, by input name, to show it back after an error. */
export type ButtonDesignFormValues = Record<ButtonDesignFormName, string>;
/** Errors by input name (or `form`), as i18n keys. */
export type ButtonDesignFormErrors = Partial<Record<ButtonDesignFormName | "form", MessageKey>>;

/** The form's values for a plan's current button. */
export function buttonDesignValuesOf(sale: OnlineSaleSettings): ButtonDesignFormValues {
  const design = sale.buttonDesign;
  return {
    buttonText: sale.buttonText,
    textColor: design.textColor,
    textSizePx: String(design.textSizePx),
    bold: design.bold ? "on" : "",
    backgroundColor: design.backgroundColor,
    borderColor: design.borderColor,
    borderWidthPx: String(design.borderWidthPx),
    cornerRadiusPx: String(design.cornerRadiusPx),
    widthPx: design.widthPx === null ? "" : String(design.widthPx),
    heightPx: design.heightPx === null ? "" : String(design.heightPx),
  };
}

/**
 * Reads the designer's form. Shape only: a colour is `#rrggbb`, a size a whole number (width
 * and height may be left empty, as wide or tall as the text needs); the bounds are core's
 * (`buttonDesignSchema`), whose issues `buttonDesignErrorsOf` puts beside the same inputs.
 */
export function readButtonDesignForm(body: FormBody): {
  text: string;
  design: ButtonDesign;
  values: ButtonDesignFormValues;
  errors: ButtonDesignFormErrors;
} {
  const values = Object.fromEntries(
    buttonDesignFormNames.map((name) => [name, formText(body, name, 200)]),
  ) as ButtonDesignFormValues;
  const errors: ButtonDesignFormErrors = {};
  if (values.buttonText === "") errors.buttonText = "form.error.required";
  const colors = {} as Record<(typeof buttonDesignColors)[number], string>;
  for (const name of buttonDesignColors) {
    colors[name] = values[name].toLowerCase();
    if (!/^#[0-9a-f]{6}$/.test(colors[name])) errors[name] = "admin.button.error.color";
  }
  const sizes = {} as Record<(typeof buttonDesignSizes)[number], number | null>;
  for (const name of buttonDesignSizes) {
    const typed = values[name].replace(/\s*px$/i, "");
    const optional = name === "widthPx" || name === "heightPx";
    if (typed === "" && optional) sizes[name] = null;
    else if (/^\d{1,5}$/.test(typed)) sizes[name] = Number(typed);
    else {
      errors[name] = typed === "" ? "form.error.required" : "admin.button.error.size";
      sizes[name] = 0;
    }
  }
  const bold = values.bold === "on" || values.bold === "true";
  const design: ButtonDesign = {
    textColor: colors.textColor,
    textSizePx: sizes.textSizePx ?? 0,
    bold,
    backgroundColor: colors.backgroundColor,
    borderColor: colors.borderColor,
    borderWidthPx: sizes.borderWidthPx ?? 0,
    cornerRadiusPx: sizes.cornerRadiusPx ?? 0,
    widthPx: sizes.widthPx,
    heightPx: sizes.heightPx,
  };
  return { text: values.buttonText, design, values, errors };
}

/** Places core's issues about the online sale (`onlineSale.buttonDesign.textSizePx`) beside their inputs. */
export function buttonDesignErrorsOf(issues: readonly FieldIssue[]): ButtonDesignFormErrors {
  const errors: ButtonDesignFormErrors = {};
  for (const issue of issues) {
    const [head, field, property] = issue.path.map(String);
    if (head !== "onlineSale") continue;
    if (field === "buttonText") errors.buttonText ??= "admin.button.error.text";
    else if (field === "buttonDesign" && (buttonDesignSizes as readonly string[]).includes(property ?? ""))
      errors[property as ButtonDesignFormName] ??= "admin.button.error.range";
    else if (field === "buttonDesign" && (buttonDesignColors as readonly string[]).includes(property ?? ""))
      errors[property as ButtonDesignFormName] ??= "admin.button.error.color";
  }
  return errors;
}
