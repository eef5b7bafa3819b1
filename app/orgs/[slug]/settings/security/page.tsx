import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { requireOwner } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Security' };

export default async function SecurityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { org } = await requireOwner((await params).slug);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Security</h1>
      <Card
        title="Directory Sync"
        description={`Keep ${org.name}'s team in sync with Microsoft Entra ID, Okta, OneLogin or JumpCloud over SCIM 2.0.`}
      >
        <p className="text-sm text-slate-600">Not connected yet.</p>
      </Card>
    </div>
  );
}
