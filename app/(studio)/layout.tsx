import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MainNav } from "@/components/layout/main-nav";
import { NoTeam } from "@/components/layout/no-team";
import { TeamSwitcher } from "@/components/layout/team-switcher";
import { UserMenu } from "@/components/layout/user-menu";
import { Providers } from "@/components/providers";
import { getViewer, NoTeamError, resolveTeamContext } from "@/lib/auth/session";
import { needsSetup } from "@/lib/auth/setup";
import { listTeamsForUser } from "@/lib/teams/teams";

// Every page of the studio needs a signed-in member of a team; first run leads to /setup.
export const dynamic = "force-dynamic";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const requestHeaders = await headers();
  if (await needsSetup()) redirect("/setup");
  const viewer = await getViewer(requestHeaders);
  if (!viewer) redirect("/sign-in");
  const context = await resolveTeamContext(requestHeaders).catch((error) => {
    if (error instanceof NoTeamError) return null;
    throw error;
  });
  const teams = await listTeamsForUser(viewer.user.id);

  return (
    <>
      <header className="sticky top-0 z-40 border-b border-line bg-surface/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:gap-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <span
              aria-hidden
              className="grid size-7 place-items-center rounded-md bg-accent-strong text-xs font-bold text-white"
            >
              K
            </span>
            <span className="hidden sm:inline">Kling Studio</span>
          </Link>
          <MainNav />
          <div className="ml-auto flex items-center gap-2">
            {context && (
              <TeamSwitcher teams={teams} currentTeamId={context.team.id} role={context.member.role} />
            )}
            <UserMenu name={viewer.user.name} email={viewer.user.email} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {context ? <Providers teamId={context.team.id}>{children}</Providers> : <NoTeam />}
      </main>
    </>
  );
}
