import Link from 'next/link';

/** Under the password form: the way in for people their company's IdP provisioned. */
export function SsoSignInLink() {
  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <Link
        href="/sign-in/sso"
        className="inline-flex w-full items-center justify-center rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
      >
        Sign in with SSO
      </Link>
    </div>
  );
}
