import type { LucideIcon } from "lucide-react";

/** A page that is planned but not built yet: says what will be here instead of showing nothing. */
export function Placeholder({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section className="rounded-xl border border-dashed border-line bg-panel p-10 text-center">
      <Icon aria-hidden className="mx-auto mb-4 size-10 text-muted" />
      <h1 className="mb-2 text-2xl font-semibold">{title}</h1>
      <p className="mx-auto max-w-prose text-muted">{children}</p>
    </section>
  );
}
