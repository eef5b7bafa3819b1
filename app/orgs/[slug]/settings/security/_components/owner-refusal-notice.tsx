import type { AccessPolicyDto } from '@/lib/policy/find-access-policy';
import { relativeTime } from './format';

/** Tells the owner the IdP tried to deprovision the last active owner, and what to do. */
export function OwnerRefusalNotice({ slug, refusal }: { slug: string; refusal: AccessPolicyDto['lastOwnerRefusal'] }) {
  if (!refusal) return null;
  return (
    <div role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="last-owner-refusal">
      <p className="font-semibold">
        Your identity provider tried to deprovision the last active owner ({refusal.method} {refusal.path}, {relativeTime(refusal.occurredAt)}). Roster refused
        it.
      </p>
      <p className="mt-1">
        Make someone else an owner on the{' '}
        <a className="underline" href={`/orgs/${slug}/team`}>
          team page
        </a>{' '}
        (or map an owner group below); the IdP’s next retry then succeeds.
      </p>
    </div>
  );
}
