import type { Metadata } from 'next';
import Link from 'next/link';
import { SsoStartForm } from './sso-start-form';

export const metadata: Metadata = { title: 'Sign in with SSO' };

export default function SsoSignInPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Sign in with SSO</h1>
      <p className="mb-6 text-sm text-slate-600">You will continue at your company’s identity provider (Microsoft, Okta, OneLogin, JumpCloud…).</p>
      <SsoStartForm />
      <p className="mt-6 text-sm text-slate-600">
        <Link href="/sign-in" className="font-semibold text-indigo-700 underline">
          Sign in with a password instead
        </Link>
      </p>
    </>
  );
}
