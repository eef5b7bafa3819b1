import type { ReactNode } from 'react';
import { requireOwner } from '@/lib/auth/guards';

/**
 * The owner check again, here: loading.tsx wraps the pages below in Suspense, so their own
 * requireOwner runs after the 200 has been sent and a refusal would be a "soft" 404. A layout
 * renders outside its loading boundary, so this keeps the status a real 404. Pages still check
 * on their first line: layouts are not re-run on client navigation between their pages.
 */
export default async function SecurityLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  await requireOwner((await params).slug);
  return children;
}
