import type { SsoActivityDto } from '@/lib/sso/find-sso-activity';
import { formatDateTime } from './format';

/** Latest sign-in events: SSO sign-ins and refusals with their reason, tests, settings, invites. */
export function SsoActivity({ events }: { events: SsoActivityDto[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No sign-in activity yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-xs">
        <caption className="sr-only">Sign-in activity</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-semibold">
              When
            </th>
            <th scope="col" className="py-1 pr-4 font-semibold">
              Who
            </th>
            <th scope="col" className="py-1 font-semibold">
              What
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-800">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap py-1 pr-4">{formatDateTime(e.at)}</td>
              <td className="py-1 pr-4">{e.who ?? '—'}</td>
              <td className="py-1">{e.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
