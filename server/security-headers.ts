import nextConfig from '../next.config';

/**
 * The headers next.config.ts gives every path (its '/:path*' rules), read from the config itself
 * so SCIM responses served outside Next keep exactly the headers they had through Next.
 * Only catch-all rules are understood here: any other rule is reported at start, not guessed at.
 */
export async function loadSecurityHeaders(): Promise<Record<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const everywhere = rules.filter((rule) => rule.source === '/:path*' && !rule.has && !rule.missing && rule.basePath !== false);
  if (everywhere.length !== rules.length) {
    console.warn('roster: next.config.ts has header rules other than /:path*; they are not applied to /api/scim/v2 responses (server/security-headers.ts)');
  }
  return Object.fromEntries(everywhere.flatMap((rule) => rule.headers.map((header) => [header.key, header.value])));
}
