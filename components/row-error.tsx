/** A refused row action's message, under the row's buttons, announced to screen readers. */
export function RowError({ result }: { result: { ok: boolean; message?: string } | null | undefined }) {
  if (!result || result.ok) return null;
  return (
    <p role="alert" className="w-full text-right text-xs text-red-700">
      {result.message}
    </p>
  );
}
