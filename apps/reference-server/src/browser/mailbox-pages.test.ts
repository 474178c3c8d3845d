import { describe, expect, it } from "vitest";
import { demoPixSale } from "../http/test-app";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { signInInBrowser } from "./staff-sign-in";

const harness = useBrowserHarness();

/** Waits for the scheduler to deliver the sale's events: the mailbox then holds `count` messages. */
async function mailboxHolds(count: number) {
  const mailbox = harness.server.mailbox;
  if (!mailbox) throw new Error("the composed server has no dev mailbox");
  for (let waited = 0; waited < 15_000; waited += 100) {
    const messages = await mailbox.list();
    if (messages.length >= count) return messages;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the mailbox never held ${count} messages`);
}

describe("the dev mailbox pages", () => {
  it("lists an online sale's mails in a table and opens one, both pages accessible", async () => {
    const { page } = harness;
    const payment = await demoPixSale(harness.server, "browser-mailbox-0001");
    await mailboxHolds(2);

    await signInInBrowser(page, harness.server.demoOwner);
    await page.goto("/admin/mailbox");
    const table = page.getByRole("table", { name: "Mensagens, das mais recentes para as mais antigas" });
    await table.waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(["Data", "Para", "Assunto"]);
    expect(await table.getByRole("row").count()).toBe(3);
    await expectAccessible(page);

    await table.getByRole("link", { name: "Estúdio Aurora: seu pedido de Day pass — como pagar" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Estúdio Aurora: seu pedido de Day pass — como pagar" })
      .waitFor();
    const text = await page.getByRole("region", { name: "Texto da mensagem" }).textContent();
    expect(text).toContain(payment.action?.type === "pix" ? payment.action.qrCodePayload : "a PIX code");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Voltar para as mensagens" }).click();
    await table.waitFor();
  });
});
