'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Links only; whether a page may be seen is decided by the page itself on the server. */
export function OrgNav({ slug, isOwner }: { slug: string; isOwner: boolean }) {
  const pathname = usePathname();
  const links = [
    { href: `/orgs/${slug}/team`, label: 'Team' },
    { href: `/orgs/${slug}/groups`, label: 'Groups' },
    ...(isOwner ? [{ href: `/orgs/${slug}/settings/security`, label: 'Security' }] : []),
  ];
  return (
    <nav aria-label="Organization" className="flex gap-1 text-sm">
      {links.map((link) => {
        const active = pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${active ? 'bg-indigo-50 text-indigo-700' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
