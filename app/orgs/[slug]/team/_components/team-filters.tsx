import { Button } from '@/components/ui/button';
import type { TeamQuery } from '@/lib/validation/member';

/** A plain GET form: search and filters live in the URL, so they survive reloads and links. */
export function TeamFilters({ query }: { query: TeamQuery }) {
  return (
    <form role="search" className="flex flex-wrap items-end gap-2" method="get">
      <label className="text-sm">
        <span className="block font-medium text-slate-700">Search</span>
        <input name="q" defaultValue={query.q ?? ''} placeholder="Name or email" className="rounded-md border-0 px-3 py-1.5 text-sm ring-1 ring-slate-300" />
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-700">Status</span>
        <select name="status" defaultValue={query.status ?? ''} className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-slate-300">
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="suspended">Suspended</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-700">Source</span>
        <select name="source" defaultValue={query.source ?? ''} className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-slate-300">
          <option value="">Any</option>
          <option value="scim">Identity provider</option>
          <option value="manual">Added by hand</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-700">Sort by</span>
        <select name="sort" defaultValue={query.sort} className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-slate-300">
          <option value="newest">Added, newest first</option>
          <option value="oldest">Added, oldest first</option>
          <option value="name">Name</option>
          <option value="changed">Last change</option>
        </select>
      </label>
      <Button type="submit" variant="secondary" size="sm" className="shadow-none">
        Apply
      </Button>
    </form>
  );
}
