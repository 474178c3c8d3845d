/** Letters and digits a person reads aloud without confusion: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
export const activationAlphabet = "34679ACDEFGHJKMNPQRTUVWXY";

/** A random code of `length` characters from the alphabet, e.g. `K7RM-4QX9` (dash every 4). */
export function generateActivationCode(random: (n: number) => Uint8Array, length = 8): string {
  const chars: string[] = [];
  const max = Math.floor(256 / activationAlphabet.length) * activationAlphabet.length;
  while (chars.length < length) {
    for (const byte of random(length * 2)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < max && chars.length < length)
        chars.push(activationAlphabet[byte % activationAlphabet.length]!);
    }
  }
  return chars.join("").replace(/(.{4})(?=.)/g, "$1-");
}
