import { expect, it } from "vitest";
import { createTessera } from "../../tessera/create-tessera";
import { createMemoryFileStore } from "../memory-file-store";
import { buyerAna, type ScenarioEnv } from "./scenario-env";

const pdf = (marker: number) => new Uint8Array([...Array.from("%PDF-1.7\n", (c) => c.charCodeAt(0)), marker]);

/** A customer's attachments, through a real storage (the bytes in a file store in memory). */
export function attachmentScenarios(current: () => ScenarioEnv): void {
  const withFiles = () => {
    const env = current();
    const files = createMemoryFileStore();
    return { files, tessera: createTessera({ storage: env.storage, clock: env.clock, files }) };
  };

  it("keeps a customer's attachments in the storage, readable with their bytes, the rest of the customer untouched", async () => {
    const { tessera, files } = withFiles();
    const { customer } = await tessera.customers.register({ organizationId: current().org.id, ...buyerAna });
    const attachment = await tessera.customers.addAttachment(customer.id, {
      fieldKey: "atestado",
      fileName: "Atestado médico.pdf",
      contentType: "application/pdf",
      data: pdf(1),
    });
    const stored = await tessera.customers.getOrThrow(customer.id);
    expect(stored).toEqual({
      ...customer,
      attachments: [attachment],
      updatedAt: stored.updatedAt,
      version: customer.version + 1,
    });
    expect(await tessera.customers.getAttachment(customer.id, attachment.id)).toEqual({
      attachment,
      data: pdf(1),
    });
    expect(files.keys()).toEqual([attachment.fileKey]);
  });

  it("keeps every one of several attachments added to one customer at once", async () => {
    const { tessera, files } = withFiles();
    const { customer } = await tessera.customers.register({ organizationId: current().org.id, ...buyerAna });
    const added = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        tessera.customers.addAttachment(customer.id, {
          fileName: `doc-${n}.pdf`,
          contentType: "application/pdf",
          data: pdf(n),
        }),
      ),
    );
    const stored = await tessera.customers.getOrThrow(customer.id);
    expect(stored.attachments.map((a) => a.id).sort()).toEqual(added.map((a) => a.id).sort());
    expect(files.keys().sort()).toEqual(added.map((a) => a.fileKey).sort());
    for (const [i, attachment] of added.entries()) {
      expect((await tessera.customers.getAttachment(customer.id, attachment.id))?.data).toEqual(pdf(i + 1));
    }
  });
}
