import type { Metadata } from 'next';
import { getDb } from '@/lib/database';
import { getCurrentAccount } from '@/lib/auth/get-current-account';
import { getPendingInvite } from '@/lib/members/accept-invite';
import { AcceptInviteForm } from './accept-invite-form';

export const metadata: Metadata = { title: 'Join a team', referrer: 'no-referrer' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await getPendingInvite(await getDb(), token);
  const account = await getCurrentAccount();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="mb-6 text-center text-2xl font-bold tracking-tight text-indigo-700">Roster</p>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        {invite ? (
          <>
            <h1 className="mb-1 text-xl font-semibold">Join {invite.orgName}</h1>
            <p className="mb-6 text-sm text-slate-600">You were invited as {invite.email}.</p>
            <AcceptInviteForm token={token} signedInAs={account?.email ?? null} orgSlug={invite.orgSlug} />
          </>
        ) : (
          <>
            <h1 className="mb-1 text-xl font-semibold">This invite link does not work</h1>
            <p className="text-sm text-slate-600">It is wrong, already used, or expired. Ask an owner of your team for a new one.</p>
          </>
        )}
      </div>
    </main>
  );
}
