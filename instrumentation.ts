/**
 * Next.js start-up hook: runs once per server process before it takes requests.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { readTokenSetting } = await import('./server/api-auth');
    const setting = readTokenSetting();
    if (setting.kind === 'invalid') {
      // Never run open, or closed to everyone, on a setting that is wrong: stop here.
      console.error(`[labs] Refusing to start: ${setting.message}`);
      process.exit(78);
    }
  }
}
