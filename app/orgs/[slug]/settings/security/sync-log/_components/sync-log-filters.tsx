import { Button } from '@/components/ui/button';
import Link from 'next/link';
import { idpLabels, syncOperations, syncResources, type SyncLogFilters as Filters } from '@/lib/audit/sync-log-query';

const selectClass = 'block rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-slate-300';
const ranges = [
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['custom', 'Custom (from/to)'],
] as const;

function Select({ label, name, value, options }: { label: string; name: string; value: string | undefined; options: readonly (readonly [string, string])[] }) {
  return (
    <label className="text-sm">
      <span className="block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ''} className={selectClass}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A plain GET form: the filters live in the URL, so a filtered view can be reloaded, shared and exported. */
export function SyncLogFilters({ filters, basePath }: { filters: Filters; basePath: string }) {
  const any = ['', 'Any'] as const;
  return (
    <form role="search" aria-label="Filter the sync log" method="get" action={basePath} className="flex flex-wrap items-end gap-3">
      <Select label="Outcome" name="outcome" value={filters.outcome} options={[any, ['success', 'Success'], ['failure', 'Failure']]} />
      <Select label="Operation" name="op" value={filters.op} options={[any, ...syncOperations.map((o) => [o, o[0]?.toUpperCase() + o.slice(1)] as const)]} />
      <Select label="Resource" name="resource" value={filters.resource} options={[any, ...syncResources.map((r) => [r, `${r}s`] as const)]} />
      <Select label="Identity provider" name="idp" value={filters.idp} options={[any, ...Object.entries(idpLabels)]} />
      <label className="text-sm">
        <span className="block font-medium text-slate-700">Person or group</span>
        <input
          type="search"
          name="person"
          defaultValue={filters.person}
          placeholder="userName, group name or id"
          className="block w-56 rounded-md border-0 px-2 py-1 text-sm ring-1 ring-slate-300"
        />
      </label>
      <Select label="Time range" name="range" value={filters.range} options={ranges} />
      <label className="text-sm">
        <span className="block font-medium text-slate-700">From (UTC)</span>
        <input
          type="datetime-local"
          name="from"
          defaultValue={filters.from}
          className="block rounded-md border-0 px-2 py-1 text-sm ring-1 ring-slate-300"
          aria-describedby="custom-range-hint"
        />
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-700">To (UTC)</span>
        <input
          type="datetime-local"
          name="to"
          defaultValue={filters.to}
          className="block rounded-md border-0 px-2 py-1 text-sm ring-1 ring-slate-300"
          aria-describedby="custom-range-hint"
        />
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" size="sm" className="shadow-none">
          Apply
        </Button>
        <Link href={basePath} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Clear
        </Link>
      </div>
      <p id="custom-range-hint" className="w-full text-xs text-slate-500">
        From and To apply when the time range is Custom.
      </p>
    </form>
  );
}
