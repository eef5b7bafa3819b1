import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from './sign-in-form';
import { SsoSignInLink } from './sso/sso-sign-in-link';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
      <SignInForm next={typeof next === 'string' ? next : undefined} />
      <SsoSignInLink />
      <p className="mt-6 text-sm text-slate-600">
        New to Roster?{' '}
        <Link href="/sign-up" className="font-semibold text-indigo-700 underline">
          Create an organization
        </Link>
      </p>
    </>
  );
}
