import { redirect } from 'next/navigation';
import { getCurrentAccount } from '@/lib/auth/get-current-account';

export default async function HomePage() {
  const account = await getCurrentAccount();
  redirect(account ? '/orgs' : '/sign-up');
}
