import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenField, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const design = {
  buttonText: "Assinar já",
  textColor: "#112233",
  textSizePx: "20",
  bold: "",
  backgroundColor: "#FFCC00",
  borderColor: "#000000",
  borderWidthPx: "3",
  cornerRadiusPx: "12",
  widthPx: "240",
  heightPx: "",
};

async function owner() {
  return signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
}

const mensal = () => server.plans.find((plan) => plan.name === "Mensal")!;
const designer = () => `/admin/u/aurora-centro/plans/${mensal().id}/button`;

describe("the buy-button designer", () => {
  it("shows the saved design in its preview and the snippet that loads the embed script", async () => {
    const { get } = await owner();
    const page = await get(designer());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('style="color: #ffffff; background-color: #1f6feb; border: 0px solid #1f6feb;');
    expect(html).toContain(
      "&lt;script async src=&quot;http://localhost/embed/button.js&quot; data-tessera-unit=&quot;aurora-centro&quot; data-tessera-plan=&quot;mensal&quot;&gt;&lt;/script&gt;",
    );
    expect(html).toContain('data-copy="button-snippet"');
    expect(html).toContain('<label for="button-text-size">Tamanho do texto (px)');
    expect(html).toContain("De 8 a 72.");
  });

  it("saves every property of Otmechalka's list, with an audit record, and keeps it when the plan form saves", async () => {
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(designer())).text(), "_csrf");
    const saved = await post(designer(), { _csrf: csrf, ...design });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${designer()}?saved=1`);
    const plan = await server.tessera.plans.getOrThrow(mensal().id);
    expect(plan.onlineSale.buttonText).toBe("Assinar já");
    expect(plan.onlineSale.buttonDesign).toEqual({
      textColor: "#112233",
      textSizePx: 20,
      bold: false,
      backgroundColor: "#ffcc00",
      borderColor: "#000000",
      borderWidthPx: 3,
      cornerRadiusPx: 12,
      widthPx: 240,
      heightPx: null,
    });
    const audit = await server.tessera.audit.list(server.unit.organizationId);
    expect(
      audit.items.some((entry) => entry.action === "plan.button_designed" && entry.subject?.id === plan.id),
    ).toBe(true);
    expect(await (await get(`${designer()}?saved=1`)).text()).toContain("Botão salvo.");

    // The plan form has no design inputs: saving it leaves the design alone.
    const form = await (await get(`/admin/u/aurora-centro/plans/${plan.id}`)).text();
    const fields = Object.fromEntries(
      [...form.matchAll(/<input[^>]*name="(\w+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const again = await post(`/admin/u/aurora-centro/plans/${plan.id}`, {
      ...fields,
      installmentMode: "fixed",
      onlineEnabled: "on",
      _csrf: csrf,
    });
    expect(again.status).toBe(303);
    expect((await server.tessera.plans.getOrThrow(plan.id)).onlineSale.buttonDesign.backgroundColor).toBe(
      "#ffcc00",
    );
  });

  it("puts each bad value beside its input, in the member's language, and saves nothing", async () => {
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(designer())).text(), "_csrf");
    const refused = await post(`${designer()}?lang=en`, {
      _csrf: csrf,
      ...design,
      textColor: "red",
      textSizePx: "abc",
      cornerRadiusPx: "",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('id="button-text-color-error">Choose a colour like #1a2b3c.');
    expect(html).toContain('id="button-text-size-error">Enter a whole number of pixels, such as 16.');
    expect(html).toContain('id="button-corner-radius-error">Fill in this field.');
    expect((await server.tessera.plans.getOrThrow(mensal().id)).onlineSale).toEqual(mensal().onlineSale);
  });

  it("puts core's bounds beside the size that breaks them", async () => {
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(designer())).text(), "_csrf");
    const refused = await post(designer(), { _csrf: csrf, ...design, textSizePx: "500", widthPx: "10" });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('id="button-text-size-error">Fora do intervalo permitido.');
    expect(html).toContain('id="button-width-error">Fora do intervalo permitido.');
    expect((await server.tessera.plans.getOrThrow(mensal().id)).onlineSale.buttonDesign.textSizePx).toBe(16);
  });
});
