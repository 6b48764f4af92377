// Setup, sign-in and invitations: a single centred card, no studio navigation.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-md bg-accent-strong text-sm font-bold text-white"
          >
            K
          </span>
          Kling Studio
        </div>
        {children}
      </div>
    </main>
  );
}
