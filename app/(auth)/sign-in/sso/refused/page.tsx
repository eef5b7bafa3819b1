import type { Metadata } from 'next';
import Link from 'next/link';
import { SuspendedNotice } from '@/components/suspended-notice';
import { getDb } from '@/lib/database';
import { findSuspendedMemberships } from '@/lib/orgs/find-suspended-memberships';
import { openRefusalNote } from '@/lib/sso/refusal-note';
import { refusalMessages, ssoRefusalReasons, type SsoRefusalReason } from '@/lib/sso/sso-refusal';

export const metadata: Metadata = { title: 'Single sign-on refused', referrer: 'no-referrer' };

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export default async function SsoRefusedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const raw = one(query.reason);
  const reason: SsoRefusalReason = ssoRefusalReasons.includes(raw as SsoRefusalReason) ? (raw as SsoRefusalReason) : 'idp_error';
  const orgId = reason === 'suspended' ? openRefusalNote(one(query.note)) : null;
  const suspended = orgId ? await findSuspendedMemberships(await getDb(), { orgId }) : [];
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{reason === 'not_provisioned' ? 'You don’t have access to Roster yet' : 'You could not be signed in'}</h1>
      {suspended.length > 0 ? (
        <SuspendedNotice memberships={suspended} />
      ) : (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900" data-reason={reason}>
          {refusalMessages[reason]}
        </p>
      )}
      <p className="mt-6 text-sm text-slate-600">
        <Link href="/sign-in/sso" className="font-semibold text-indigo-700 underline">
          Try single sign-on again
        </Link>
        {' · '}
        <Link href="/sign-in" className="font-semibold text-indigo-700 underline">
          Sign in with a password
        </Link>
      </p>
    </>
  );
}
