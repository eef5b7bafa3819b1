import type { HTMLAttributes, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './cn';

/**
 * How a table sits on the page; it sets the cell padding, through CSS variables, so a cell's own
 * `className` still overrides it (cn). framed: its own white box (team, sync log, groups); inset:
 * inside a card, flush with its edges; compact: inset with tighter rows.
 */
type Density = 'framed' | 'inset' | 'compact';

const densities: Record<Density, { wrapper: string; table: string }> = {
  framed: {
    wrapper: 'rounded-lg bg-white ring-1 ring-slate-200',
    table: '[--cell-pl:1rem] [--cell-pr:1rem] [--cell-pr-last:1rem] [--cell-py:0.5rem]',
  },
  inset: { wrapper: '', table: '[--cell-pl:0] [--cell-pr:1rem] [--cell-pr-last:0] [--cell-py:0.5rem]' },
  compact: { wrapper: '', table: '[--cell-pl:0] [--cell-pr:1rem] [--cell-pr-last:0] [--cell-py:0.25rem]' },
};

/**
 * A table with a visually hidden caption (its accessible name) in a scroll area. `relative`: a
 * visually hidden header inside is absolutely positioned and, without a positioned ancestor in the
 * scroll area, widened the page to 837 px on a phone (issue 13).
 */
export function Table({
  caption,
  density = 'framed',
  className,
  wrapperClassName,
  children,
  ...props
}: TableHTMLAttributes<HTMLTableElement> & { caption: string; density?: Density; wrapperClassName?: string }) {
  return (
    <div className={cn('relative overflow-x-auto', densities[density].wrapper, wrapperClassName)}>
      <table className={cn('min-w-full divide-y divide-slate-200 text-left text-sm', densities[density].table, className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn('text-left text-xs font-semibold uppercase tracking-wide text-slate-600', className)} {...props} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn('divide-y divide-slate-100', className)} {...props} />;
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn(className)} {...props} />;
}

const cellPadding = 'py-(--cell-py) pl-(--cell-pl) pr-(--cell-pr) last:pr-(--cell-pr-last)';

/** A column header (scope="col", in TableHead) or a row header (scope="row": the row's name). */
export function TableHeaderCell({ scope = 'col', className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={cn(cellPadding, 'text-left', scope === 'row' ? 'font-medium' : 'font-semibold', className)} {...props} />;
}

export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn(cellPadding, className)} {...props} />;
}
