import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Sign up' };

export default function SignUpPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your organization</h1>
      <p className="mb-6 text-sm text-slate-600">You will be its owner. Connect your identity provider next.</p>
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-semibold text-indigo-700 underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
