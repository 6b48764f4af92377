// Who may do what in a team: the one table every route handler and server action consults
// (through lib/auth/session.ts). The README prints it; permissions.test.ts pins it.

export const ROLES = ["owner", "admin", "creator", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  creator: "Creator",
  reviewer: "Reviewer",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including managing owners",
  admin: "Manage members, invitations and team settings; generate, review, share",
  creator: "Generate, review and share",
  reviewer: "Review and comment; no generating",
  viewer: "View and comment only",
};

export const PERMISSIONS = {
  "team.view": ["owner", "admin", "creator", "reviewer", "viewer"],
  "comment.create": ["owner", "admin", "creator", "reviewer", "viewer"],
  "review.set": ["owner", "admin", "creator", "reviewer"],
  "generation.create": ["owner", "admin", "creator"],
  "share.manage": ["owner", "admin", "creator"],
  "team.update": ["owner", "admin"],
  "member.manage": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_LABELS: Record<Permission, string> = {
  "team.view": "view the team's videos",
  "comment.create": "comment",
  "review.set": "review videos",
  "generation.create": "generate videos",
  "share.manage": "create and revoke share links",
  "team.update": "change team settings",
  "member.manage": "manage members and invitations",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A stored role; anything unknown (a hand-edited row, a better-auth default) gets the least access. */
export function roleOf(value: unknown): Role {
  return isRole(value) ? value : "viewer";
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Owners are managed only by owners: an admin cannot promote to, demote or remove an owner. */
export function canAssignRole(actor: Role, target: { from?: Role; to?: Role }): boolean {
  if (!can(actor, "member.manage")) return false;
  if (actor === "owner") return true;
  return target.from !== "owner" && target.to !== "owner";
}
