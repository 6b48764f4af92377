import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kling Studio", template: "%s · Kling Studio" },
  description: "A team studio for text-to-video with Kling AI.",
};

export const viewport: Viewport = { themeColor: "#0b0d12", colorScheme: "dark" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Note: reading the request makes every page render per request, so each gets the nonce of its
  // own CSP (a prerendered page's scripts would carry none and be blocked).
  await headers();
  return (
    <html lang="en" className="dark">
      <body className="min-h-dvh antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-1 focus:text-surface"
        >
          Skip to content
        </a>
        {children}
        <Toaster theme="dark" position="bottom-right" />
      </body>
    </html>
  );
}
