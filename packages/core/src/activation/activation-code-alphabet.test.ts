import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { activationAlphabet, generateActivationCode } from "./activation-code-alphabet";

/** A byte source that replays `bytes` in order and records how many it was asked for. */
function scripted(bytes: number[]) {
  let next = 0;
  const requests: number[] = [];
  const random = (n: number) => {
    requests.push(n);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = bytes[next++ % bytes.length]!;
    return out;
  };
  return { random, requests };
}

describe("activation codes", () => {
  it("leave out look-alike characters: 0/O, 1/I/L, 5/S, 2/Z, 8/B", () => {
    for (const c of "0O1IL5S2Z8B") expect(activationAlphabet).not.toContain(c);
    expect(new Set(activationAlphabet).size).toBe(activationAlphabet.length);
    expect(activationAlphabet.length).toBe(25);
  });

  it("are XXXX-XXXX from the alphabet only", () => {
    const pattern = new RegExp(`^[${activationAlphabet}]{4}-[${activationAlphabet}]{4}$`);
    for (let i = 0; i < 500; i++) expect(generateActivationCode(randomBytes)).toMatch(pattern);
  });

  it("put a dash after every four characters for other lengths", () => {
    expect(generateActivationCode(randomBytes, 12)).toMatch(/^[^-]{4}-[^-]{4}-[^-]{4}$/);
    expect(generateActivationCode(randomBytes, 6)).toMatch(/^[^-]{4}-[^-]{2}$/);
    expect(generateActivationCode(randomBytes, 4)).toMatch(/^[^-]{4}$/);
  });

  it("map each accepted byte to alphabet[byte mod 25]", () => {
    const { random } = scripted([0, 1, 2, 3, 24, 25, 49, 249]);
    // 0→3, 1→4, 2→6, 3→7, 24→Y, 25→3, 49→Y, 249→Y
    expect(generateActivationCode(random)).toBe("3467-Y3YY");
  });

  it("reject bytes of 250 and above, which would favour the first six characters", () => {
    const { random, requests } = scripted([250, 251, 252, 253, 254, 255, 7]);
    // Only the byte 7 is accepted each time round: every code is made of alphabet[7].
    expect(generateActivationCode(random)).toBe(
      activationAlphabet[7]!.repeat(4) + "-" + activationAlphabet[7]!.repeat(4),
    );
    expect(requests.length).toBeGreaterThan(1); // it asked for more bytes until eight were accepted
  });

  it("use every character of the alphabet over many draws, in roughly equal numbers", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const c of generateActivationCode(randomBytes).replace("-", ""))
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...activationAlphabet].sort());
    // 16 000 characters over 25 → 640 each; a six-fold imbalance would mean a broken mapping.
    for (const count of counts.values()) expect(count).toBeGreaterThan(400);
  });
});
