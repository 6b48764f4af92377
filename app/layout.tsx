import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { MainNav } from "@/components/layout/main-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kling Studio", template: "%s · Kling Studio" },
  description: "A team studio for text-to-video with Kling AI.",
};

export const viewport: Viewport = { themeColor: "#0b0d12", colorScheme: "dark" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="dark">
      <body className="min-h-dvh antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-1 focus:text-surface"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-line bg-surface/90 backdrop-blur">
          <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <span
                aria-hidden
                className="grid size-7 place-items-center rounded-md bg-accent-strong text-xs font-bold text-white"
              >
                K
              </span>
              Kling Studio
            </Link>
            <MainNav />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
