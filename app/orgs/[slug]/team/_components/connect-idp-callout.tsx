import Link from 'next/link';

/**
 * For an owner whose org has no SCIM token yet, e.g. right after sign-up: where the identity
 * provider is connected (issue 13: nothing pointed there).
 */
export function ConnectIdpCallout({ slug }: { slug: string }) {
  return (
    <section aria-labelledby="connect-idp-title" className="rounded-lg bg-indigo-50 px-4 py-3 text-sm text-indigo-950 ring-1 ring-indigo-200">
      <h2 id="connect-idp-title" className="font-semibold">
        Connect your identity provider
      </h2>
      <p className="mt-1">
        Let Entra ID, Okta, OneLogin or JumpCloud keep this team up to date: the SCIM endpoint and its tokens are under Security → Directory Sync.{' '}
        <Link href={`/orgs/${slug}/settings/security`} className="font-semibold text-indigo-700 underline">
          Set up Directory Sync
        </Link>
      </p>
    </section>
  );
}
