import { NextResponse, type NextRequest } from 'next/server';

/**
 * Only a convenience redirect for visitors with no session cookie. It reads no database and
 * decides nothing: every page and action checks the caller itself (docs/architecture.md).
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (!hasSession) {
    const url = new URL('/sign-in', request.url);
    url.searchParams.set('next', request.nextUrl.pathname);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ['/orgs/:path*'] };
