import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { requireAccount } from '@/lib/auth/guards';
import { findAccountOrgs } from '@/lib/orgs/find-account-orgs';
import { findSuspendedMemberships } from '@/lib/orgs/find-suspended-memberships';
import { SuspendedNotice } from '@/components/suspended-notice';
import { SignOutForm } from './sign-out-form';

export const metadata: Metadata = { title: 'Your organizations' };

export default async function OrgsPage() {
  const account = await requireAccount();
  const db = await getDb();
  const orgs = await findAccountOrgs(db, account.id);
  const suspended = await findSuspendedMemberships(db, { accountId: account.id });
  if (orgs.length === 1 && orgs[0] && suspended.length === 0) redirect(`/orgs/${orgs[0].slug}/team`);
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Your organizations</h1>
        <SignOutForm />
      </div>
      {suspended.length > 0 ? (
        <div className="mb-4">
          <SuspendedNotice memberships={suspended} />
        </div>
      ) : null}
      {orgs.length === 0 && suspended.length > 0 ? null : orgs.length === 0 ? (
        <p className="text-sm text-slate-600">
          You are not on any team yet. Ask an owner for an invite link, or{' '}
          <Link className="font-semibold text-indigo-700 underline" href="/sign-up">
            create an organization
          </Link>
          .
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
          {orgs.map((org) => (
            <li key={org.slug}>
              <Link className="flex justify-between px-4 py-3 hover:bg-slate-50" href={`/orgs/${org.slug}/team`}>
                <span className="font-medium">{org.name}</span>
                <span className="text-sm text-slate-500">{org.role}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
