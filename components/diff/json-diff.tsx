// Placeholder for the seam with the change work (branch console-change), which replaces this file with the
// side-by-side JSON diff. Same signature; two documents side by side meanwhile.
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {[before, after].map((document, i) => (
        <pre key={i} tabIndex={0} className="overflow-x-auto rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-900">
          {JSON.stringify(document, null, 2)}
        </pre>
      ))}
    </div>
  );
}
