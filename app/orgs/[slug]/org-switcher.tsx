'use client';

import { useRouter } from 'next/navigation';

export function OrgSwitcher({ current, orgs }: { current: string; orgs: { slug: string; name: string }[] }) {
  const router = useRouter();
  if (orgs.length < 2) {
    return <span className="text-sm font-medium text-slate-800">{orgs.find((o) => o.slug === current)?.name}</span>;
  }
  return (
    <label className="text-sm">
      <span className="sr-only">Organization</span>
      <select
        className="rounded-md border-0 py-1 pl-2 pr-8 text-sm ring-1 ring-slate-300"
        value={current}
        onChange={(e) => router.push(`/orgs/${e.target.value}/team`)}
      >
        {orgs.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
