/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final xor), the
 * checksum that closes every Pix BR Code (BCB "Manual de Padrões para Iniciação do Pix",
 * §2, field 63). Computed over the text's UTF-8 bytes; BR Codes are ASCII, so bytes =
 * characters.
 *
 * @example
 * ```ts
 * crc16Ccitt("123456789"); // 0x29b1
 * ```
 */
export function crc16Ccitt(text: string): number {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/**
 * The CRC as a BR Code writes it in field 63: four upper-case hex digits.
 *
 * @example
 * ```ts
 * crc16CcittHex("123456789"); // "29B1", the algorithm's published check value
 * ```
 */
export function crc16CcittHex(text: string): string {
  return crc16Ccitt(text).toString(16).toUpperCase().padStart(4, "0");
}
