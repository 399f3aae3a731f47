/**
 * A download that changes state on the server (it is audited, or marks a file as collected): a
 * small POST form, never a link, so that no prefetch, crawler or cross-site <img> triggers it and
 * the route's same-origin check applies (issue 9, finding 10). The answer is an attachment: the
 * browser saves it and the page stays as it is.
 */
export function DownloadButton({
  action,
  fields,
  children,
  className,
}: {
  action: string;
  fields?: Record<string, string>;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <form method="post" action={action} className="inline">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className ?? "text-brand-700 underline hover:text-brand-800"}>
        {children}
      </button>
    </form>
  );
}
