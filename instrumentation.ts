/**
 * Next.js start-up hook: runs once per server process before it takes requests.
 */
export async function register(): Promise<void> {
  // Node only: the guard patches node:http, which the edge runtime does not have.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installMethodGuard } = await import('./server/method-guard');
    installMethodGuard();
  }
}
