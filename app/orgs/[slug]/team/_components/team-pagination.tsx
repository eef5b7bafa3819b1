import Link from 'next/link';
import type { TeamQuery } from '@/lib/validation/member';

function hrefFor(query: TeamQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  if (query.source) params.set('source', query.source);
  if (query.sort !== 'newest') params.set('sort', query.sort);
  params.set('page', String(page));
  return `?${params.toString()}`;
}

export function TeamPagination({ page, pageCount, query }: { page: number; pageCount: number; query: TeamQuery }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link className="font-medium text-indigo-700 underline" href={hrefFor(query, page - 1)}>
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="font-medium text-indigo-700 underline" href={hrefFor(query, page + 1)}>
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
