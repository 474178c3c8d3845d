import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";

/** What the payer must do to finish a pending payment. */
export type PayerAction =
  | {
      type: "pix";
      /** The BR Code "copia e cola" payload; the QR image encodes the same text. */
      qrCodePayload: string;
      expiresAt: Instant;
    }
  | {
      type: "boleto";
      /** Linha digitável, 47 digits. */
      digitableLine: string;
      barcode: string;
      dueDate: CalendarDate;
      pdfUrl: string | null;
      /** Banco Inter's "bolepix" also carries a PIX payload. */
      pixPayload: string | null;
    }
  | { type: "redirect"; url: string; expiresAt: Instant | null };
