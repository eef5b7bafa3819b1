import 'server-only';
import { getMembership, type Membership } from './guards';

type SlugParams = { params: Promise<{ slug: string }> };

/**
 * The owner check for route handlers under /orgs/[slug] (docs/architecture.md pattern 1): the
 * caller's role is read from the database on every request, and anyone who is not an active
 * owner of the org gets the same bare 404 as a stranger, with no hint that the org exists.
 */
export function withOwner(handler: (request: Request, membership: Membership) => Promise<Response>) {
  return async (request: Request, { params }: SlugParams): Promise<Response> => {
    const membership = await getMembership((await params).slug);
    if (!membership || membership.member.role !== 'owner') return new Response('Not found', { status: 404 });
    return handler(request, membership);
  };
}
