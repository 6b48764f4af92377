import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <section className="mx-auto max-w-lg py-16 text-center">
      <FileQuestion aria-hidden className="mx-auto mb-4 size-12 text-muted" />
      <h1 className="mb-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mb-8 text-muted">
        The link may be mistyped, or what it pointed to was removed. Shared links stop working when they
        expire or are revoked.
      </p>
      <div className="flex justify-center gap-3">
        <Link
          href="/"
          className="rounded-md bg-accent-strong px-4 py-2 text-sm font-medium text-white hover:bg-accent"
        >
          Go to the Studio
        </Link>
        <Link href="/gallery" className="rounded-md border border-line px-4 py-2 text-sm hover:bg-raised">
          Open the Gallery
        </Link>
      </div>
    </section>
  );
}
