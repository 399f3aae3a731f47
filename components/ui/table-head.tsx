/** A table header row: one scoped <th> per column; `srOnly` columns (actions, links) are named for screen readers only. */
export function TableHead({ columns }: { columns: (string | { label: string; srOnly: true })[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-300 text-left">
        {columns.map((c, i) => {
          const label = typeof c === "string" ? c : c.label;
          return (
            <th key={label} scope="col" className={i === columns.length - 1 ? "py-2" : "py-2 pr-3"}>
              {typeof c === "string" ? label : <span className="sr-only">{label}</span>}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
