/**
 * How this project launches Debian's Chromium (Playwright cannot download its own browser here):
 * shared by the Playwright config and the web benchmark. The background-networking flags stop
 * Chromium's own connections, which the closed network refuses.
 */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
