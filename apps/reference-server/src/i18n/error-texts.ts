import type { MessageKey } from "./message-catalog";
import type { Translate } from "./translator";

/** A form's errors (message keys by input name) as the texts its page shows beside each input. */
export function errorTexts(
  errors: Readonly<Record<string, MessageKey>>,
  t: Translate,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [input, key] of Object.entries(errors)) texts[input] = t(key);
  return texts;
}
