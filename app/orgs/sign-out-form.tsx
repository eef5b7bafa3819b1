import { Button } from '@/components/ui/button';
import { signOutAction } from './actions';

/** The one "Sign out" button: the org picker and every org page's header. */
export function SignOutForm() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="ghost" size="xs" className="text-sm font-medium">
        Sign out
      </Button>
    </form>
  );
}
