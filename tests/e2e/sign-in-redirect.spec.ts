import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { PASSWORD, signUp, uniqueEmail } from "./helpers";

// callbackUrl values that used to pass a startsWith("/") check and take the browser off the site.
const ESCAPES = ["/\\evil.example/x", "\\/evil.example", "//evil.example", "/\t/evil.example", "/.//evil.example", "http:evil.example", "https://evil.example/"];

test("after sign-in the browser stays on Keypoint, whatever callbackUrl says", async ({ page, browser }) => {
  // Eight sign-ins in fresh browsers.
  test.setTimeout(240_000);
  const email = await signUp(page, uniqueEmail("redirect"));
  await page.context().close();
  for (const callbackUrl of ESCAPES) {
    const context = await browser.newContext();
    const signIn = await context.newPage();
    await signIn.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signIn.fill("#email", email);
    await signIn.fill("#password", PASSWORD);
    await signIn.click("button[type=submit]");
    // Signed in ("http:evil.example" is the path /evil.example here, a 404 of this site), and still on it.
    await expect(signIn).not.toHaveURL(/\/sign-in/);
    await signIn.waitForLoadState();
    expect(new URL(signIn.url()).origin, callbackUrl).toBe(baseURL);
    expect((await signIn.request.get("/api/auth/session")).ok()).toBe(true);
    expect(await (await signIn.request.get("/api/auth/session")).json(), callbackUrl).toMatchObject({ user: { email } });
    await context.close();
  }
  // A path on the site is still where sign-in leads.
  const context = await browser.newContext();
  const signIn = await context.newPage();
  await signIn.goto(`/sign-in?callbackUrl=${encodeURIComponent("/stats")}`);
  await signIn.fill("#email", email);
  await signIn.fill("#password", PASSWORD);
  await signIn.click("button[type=submit]");
  await expect(signIn).toHaveURL(`${baseURL}/stats`);
  await context.close();
});
