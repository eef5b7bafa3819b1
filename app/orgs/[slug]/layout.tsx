import Link from 'next/link';
import type { ReactNode } from 'react';
import { getDb } from '@/lib/database';
import { requireMember } from '@/lib/auth/guards';
import { findAccountOrgs } from '@/lib/orgs/find-account-orgs';
import { OrgNav } from './org-nav';
import { OrgSwitcher } from './org-switcher';
import { SignOutForm } from '../sign-out-form';

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { account, org, member } = await requireMember(slug);
  const orgs = await findAccountOrgs(await getDb(), account.id);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={`/orgs/${org.slug}/team`} className="text-lg font-bold text-indigo-700">
            Roster
          </Link>
          <OrgSwitcher current={org.slug} orgs={orgs.map((o) => ({ slug: o.slug, name: o.name }))} />
          <OrgNav slug={org.slug} isOwner={member.role === 'owner'} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline" title={account.email}>
              {account.name} · {member.role}
            </span>
            <SignOutForm />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
