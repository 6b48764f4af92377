import { LogOut } from "lucide-react";
import { signOut } from "@/lib/auth/actions";

export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <form action={signOut} className="flex items-center gap-2">
      <span className="hidden text-sm text-muted md:inline" title={email}>
        {name}
      </span>
      <button
        type="submit"
        className="flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-raised hover:text-fg"
      >
        <LogOut aria-hidden className="size-4" />
        <span className="sr-only sm:not-sr-only">Sign out</span>
      </button>
    </form>
  );
}
