import { startSsoRoute } from '@/lib/sso/http/start-route';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return startSsoRoute(request, (await params).slug);
}
