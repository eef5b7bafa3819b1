import { ssoCallbackRoute } from '@/lib/sso/http/callback-route';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return ssoCallbackRoute(request, (await params).slug);
}
