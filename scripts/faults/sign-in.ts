/**
 * Signs in to a running Roster through Auth.js's own endpoints (CSRF token, then the
 * credentials callback) and returns the session cookie, as a browser would end up with.
 */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/orgs` }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.includes('session-token'));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session;
}

/** Resolves when the team-events stream says the team changed, or rejects after `timeoutMs`. */
export async function nextTeamEvent(base: string, slug: string, cookie: string, timeoutMs: number, onOpen: () => Promise<void>): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${base}/orgs/${slug}/team/events`, { headers: { cookie }, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`events stream answered ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let started = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('events stream closed');
      text += decoder.decode(value);
      if (!started && text.includes(': connected')) {
        started = performance.now();
        await onOpen();
      }
      if (text.includes('event: team')) return performance.now() - started;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
