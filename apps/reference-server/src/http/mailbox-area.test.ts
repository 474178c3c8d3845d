import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { DevMailbox } from "../notifications/dev-mailbox";
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

describe("the mailbox pages", () => {
  let server: Server | undefined;
  let clock: ManualClock;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  async function start() {
    clock = createManualClock();
    server = await composedTestServer({}, { clock });
    return { server, mailbox: server.mailbox as DevMailbox };
  }

  it("lists the dev mailbox's messages newest first, with time, recipients and subject in a table", async () => {
    const { server, mailbox } = await start();
    await mailbox.send(email("Primeiro"));
    clock.advance(60_000);
    await mailbox.send(email("Segundo", { to: ["recepcao@aurora.example", "dono@aurora.example"] }));

    const res = await server.app.request("/mailbox");
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
    expect(html).toContain(`<a href="/mailbox/${newest!.id}">Segundo</a>`);
    expect(html).toContain(`<time datetime="${newest!.storedAt}">`);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("says so when nothing was sent yet", async () => {
    const { server } = await start();
    const html = await (await server.app.request("/mailbox")).text();
    expect(html).toContain("Nenhuma mensagem ainda.");
    expect(html).not.toContain("<table>");
  });

  it("shows one message's headers and text body, and its HTML only as escaped source", async () => {
    const { server, mailbox } = await start();
    const { messageId } = await mailbox.send(
      email("Recibo <b>Mensal</b>", { html: '<p onclick="steal()">Oi</p><script>alert(1)</script>' }),
    );

    const res = await server.app.request(`/mailbox/${messageId}`);
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
    const { server } = await start();
    expect((await server.app.request("/mailbox/msg_01JD5Q4N3S8Y0XK2H7ZB6W9RCE")).status).toBe(404);
    expect((await server.app.request("/mailbox/..%2F..%2Ftessera.db")).status).toBe(404);
  });

  it("speaks the visitor's language", async () => {
    const { server, mailbox } = await start();
    await mailbox.send(email("Receipt"));
    const html = await (await server.app.request("/mailbox?lang=ru")).text();
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
    expect((await server.app.request("/mailbox")).status).toBe(404);
  });
});
