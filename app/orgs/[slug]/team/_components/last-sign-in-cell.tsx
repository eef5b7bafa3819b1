import { TableCell } from '@/components/ui/table';
import type { LastSignInDto } from '@/lib/members/find-last-sign-ins';

const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const methodLabel = { sso: 'SSO', password: 'password', invite: 'invite' } as const;

/** The team table's "Last sign-in" cell: when and how, or "never signed in". */
export function LastSignInCell({ signIn }: { signIn: LastSignInDto | undefined }) {
  return (
    <TableCell className="whitespace-nowrap text-xs text-slate-600">
      {signIn ? (
        <span title={`${format.format(new Date(signIn.at))} UTC`}>
          {format.format(new Date(signIn.at))} · {methodLabel[signIn.method]}
        </span>
      ) : (
        <span className="text-slate-500">Never signed in</span>
      )}
    </TableCell>
  );
}
