import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-semibold text-indigo-700 underline">
        Go to Roster
      </Link>
    </main>
  );
}
