/**
 * A row's button of a table whose buttons of one kind share one form (TableActionForm): plain HTML
 * rendered on the server, no client component per row. Its accessible name starts with the visible
 * text and says which element it acts on (`label`, as ManagementForm's buttons: WCAG 2.5.3). The
 * form's question is filled from `target` (the person's name, the right's).
 */
export function TableActionButton({
  form,
  name,
  value,
  submitLabel,
  label,
  target,
}: {
  /** The id of the TableActionForm it submits. */
  form: string;
  /** The field naming the target (`personId`, `grantId`) and its value. */
  name: string;
  value: string;
  submitLabel: string;
  label: string;
  target: { name: string; right?: string };
}) {
  const nameSuffix = label.startsWith(submitLabel) ? label.slice(submitLabel.length) : ` — ${label}`;
  return (
    <button
      type="submit"
      form={form}
      name={name}
      value={value}
      data-name={target.name}
      data-right={target.right}
      className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
    >
      {submitLabel}
      {nameSuffix && <span className="sr-only">{nameSuffix}</span>}
    </button>
  );
}
