import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { sleep } from './server.ts';

/** Every demo account has this password; the MFA ones share this TOTP secret. */
export const DEMO_PASSWORD = 'Cordon-Demo-2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A current TOTP code with at least 5 s of life left, so it cannot expire on the way. */
export async function totpCode(secretBase32: string = DEMO_TOTP_SECRET): Promise<string> {
  const left = 30 - (Math.floor(Date.now() / 1000) % 30);
  if (left < 5) await sleep(left * 1000 + 200);
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  return totp.generate();
}

/** Signs in through the login page (and the TOTP step when asked), ending on the home page. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const welcome = page.getByRole('heading', { level: 1, name: /^Welcome, / });
  const mfa = page.getByRole('heading', { name: 'Two-step verification' });
  await welcome.or(mfa).waitFor();
  if (await mfa.isVisible()) {
    await page.getByLabel('Authentication code').fill(await totpCode());
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await welcome.waitFor();
}
