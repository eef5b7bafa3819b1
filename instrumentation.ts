/** Runs once when the server starts; the checks themselves need Node (lib/startup-check.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/startup-check');
  }
}
