import Link from 'next/link';
import type { HeldDeprovisionDto } from '@/lib/policy/find-held-deprovisions';

/** Owners see on the team page who the deprovisioning guard is holding, and where to decide. */
export function HeldBanner({ slug, rows, held }: { slug: string; rows: HeldDeprovisionDto[]; held: number }) {
  if (held === 0) return null;
  const names = rows
    .filter((r) => r.state === 'held')
    .slice(0, 8)
    .map((r) => r.name);
  return (
    <div role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200" data-testid="held-banner">
      <p className="font-semibold">
        {held} {held === 1 ? 'deprovision is' : 'deprovisions are'} held for your approval: {names.join(', ')}
        {held > names.length ? ', …' : ''}
      </p>
      <p className="mt-1">
        Your identity provider asked to suspend or remove more people at once than the guard allows; they are still on the team.{' '}
        <Link className="font-medium underline" href={`/orgs/${slug}/settings/security`}>
          Allow or keep them under Security
        </Link>
      </p>
    </div>
  );
}
