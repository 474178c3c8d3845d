/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final xor), the
 * checksum that closes every Pix BR Code (BCB "Manual de Padrões para Iniciação do Pix",
 * §2, field 63). Computed over the text's bytes; BR Codes are ASCII, so bytes = characters.
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

/** The CRC as a BR Code writes it: four upper-case hex digits. */
export function crc16CcittHex(text: string): string {
  return crc16Ccitt(text).toString(16).toUpperCase().padStart(4, "0");
}
