import type { Page } from "playwright-core";

/** Signs in to the back office through its log-in form, as a member does. */
export async function signInInBrowser(
  page: Page,
  member: { email: string; password: string },
): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel("E-mail").fill(member.email);
  await page.getByLabel("Senha").fill(member.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
}
