import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { DevMailbox } from "../notifications/dev-mailbox";
import { signInAs } from "./staff-session";
import { composedTestServer, type ComposedTestServer as Server } from "./test-app";

function email(subject: string, extra: { html?: string; to?: string[] } = {}) {
  return {
    channel: "email" as const,
    to: extra.to ?? ["ana@example.com"],
    subject,
    text: `Olá, Ana!\n\nTexto de ${subject}.`,
    tag: "sale.receipt",
    dedupeKey: `test:${subject}`,
    ...(extra.html ? { html: extra.html } : {}),
  };
}

/** The rows of the page's table, as text per cell. */
function rows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "").trim()),
  );
}

describe("the dev mailbox pages in the back office", () => {
  let server: Server | undefined;
  let clock: ManualClock;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  async function start() {
    clock = createManualClock();
    server = await composedTestServer({}, { clock });
    const owner = await signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
    return { server, mailbox: server.mailbox as DevMailbox, get: owner.get };
  }

  it("lists the dev mailbox's messages newest first, with time, recipients and subject in a table", async () => {
    const { mailbox, get } = await start();
    await mailbox.send(email("Primeiro"));
    clock.advance(60_000);
    await mailbox.send(email("Segundo", { to: ["recepcao@aurora.example", "dono@aurora.example"] }));

    const res = await get("/admin/mailbox");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Mensagens enviadas</h1>");
    expect(html).toContain("<caption>Mensagens, das mais recentes para as mais antigas</caption>");
    expect(html).toMatch(
      /<th scope="col">Data<\/th>\s*<th scope="col">Para<\/th>\s*<th scope="col">Assunto<\/th>/,
    );
    const listed = rows(html);
    expect(listed.map((row) => row.slice(1))).toEqual([
      ["recepcao@aurora.example, dono@aurora.example", "Segundo"],
      ["ana@example.com", "Primeiro"],
    ]);
    const [newest] = await mailbox.list({ limit: 1 });
    expect(html).toContain(`<a href="/admin/mailbox/${newest!.id}">Segundo</a>`);
    expect(html).toContain(`<time datetime="${newest!.storedAt}">`);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("says so when nothing was sent yet", async () => {
    const { get } = await start();
    const html = await (await get("/admin/mailbox")).text();
    expect(html).toContain("Nenhuma mensagem ainda.");
    expect(html).not.toContain("<table>");
  });

  it("shows one message's headers and text body, and its HTML only as escaped source", async () => {
    const { mailbox, get } = await start();
    const { messageId } = await mailbox.send(
      email("Recibo <b>Mensal</b>", { html: '<p onclick="steal()">Oi</p><script>alert(1)</script>' }),
    );

    const res = await get(`/admin/mailbox/${messageId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Recibo &lt;b&gt;Mensal&lt;/b&gt;</h1>");
    expect(html).toMatch(/<dt>De<\/dt>\s*<dd>Tessera &lt;no-reply@localhost&gt;<\/dd>/);
    expect(html).toMatch(/<dt>Para<\/dt>\s*<dd>ana@example.com<\/dd>/);
    expect(html).toMatch(
      /<dt>Chave de deduplicação<\/dt>\s*<dd><code>test:Recibo &lt;b&gt;Mensal&lt;\/b&gt;<\/code><\/dd>/,
    );
    expect(html).toContain(
      '<pre class="mail-text">Olá, Ana!\n\nTexto de Recibo &lt;b&gt;Mensal&lt;/b&gt;.</pre>',
    );
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain('onclick="steal()"');
  });

  it("answers 404 for a message that does not exist, and for an id that is a path", async () => {
    const { get } = await start();
    expect((await get("/admin/mailbox/msg_01JD5Q4N3S8Y0XK2H7ZB6W9RCE")).status).toBe(404);
    expect((await get("/admin/mailbox/..%2F..%2Ftessera.db")).status).toBe(404);
  });

  it("speaks the visitor's language", async () => {
    const { mailbox, get } = await start();
    await mailbox.send(email("Receipt"));
    const html = await (await get("/admin/mailbox?lang=ru")).text();
    expect(html).toContain("<h1>Отправленные сообщения</h1>");
    expect(html).toContain('<th scope="col">Тема</th>');
  });

  it("is not there when SMTP sends the mail", async () => {
    clock = createManualClock();
    server = await composedTestServer(
      { mail: { kind: "smtp", url: "smtp://127.0.0.1:2525", from: "Tessera <no-reply@localhost>" } },
      { clock },
    );
    expect(server.mailbox).toBeNull();
    const owner = await signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
    expect((await owner.get("/admin/mailbox")).status).toBe(404);
    expect((await server.app.request("/mailbox")).status).toBe(404);
  });

  it("is for signed-in owners only: a visitor goes to the log-in, a unit's staff member is refused", async () => {
    const { server, mailbox } = await start();
    const { messageId } = await mailbox.send(email("Privado"));
    const visitor = await server.app.request(`/admin/mailbox/${messageId}`);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toBe(`/admin/login?next=%2Fadmin%2Fmailbox%2F${messageId}`);
    await server.tessera.staff.create({
      organizationId: server.unit.organizationId,
      name: "Recepção",
      email: "recepcao@aurora.example",
      password: "uma-senha-bem-longa",
      role: "manager",
      scope: { kind: "organization" },
    });
    const manager = await signInAs(server.app, "recepcao@aurora.example", "uma-senha-bem-longa");
    const refused = await manager.get(`/admin/mailbox/${messageId}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("Privado");
    expect((await manager.get("/admin/mailbox")).status).toBe(403);
  });

  it("sends the old /mailbox addresses to the back office's", async () => {
    const { server } = await start();
    const list = await server.app.request("/mailbox");
    expect(list.status).toBe(301);
    expect(list.headers.get("location")).toBe("/admin/mailbox");
    const one = await server.app.request("/mailbox/msg_01JD5Q4N3S8Y0XK2H7ZB6W9RCE");
    expect(one.headers.get("location")).toBe("/admin/mailbox/msg_01JD5Q4N3S8Y0XK2H7ZB6W9RCE");
  });
});
