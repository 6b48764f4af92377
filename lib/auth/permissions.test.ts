import { describe, expect, it } from "vitest";
import { can, canAssignRole, PERMISSIONS, type Permission, ROLES } from "@/lib/auth/permissions";

// The README's permission table, pinned: a change here is a change to who may do what.
const EXPECTED: Record<Permission, string> = {
  "team.view": "owner admin creator reviewer viewer",
  "comment.create": "owner admin creator reviewer viewer",
  "review.set": "owner admin creator reviewer",
  "generation.create": "owner admin creator",
  "share.manage": "owner admin creator",
  "team.update": "owner admin",
  "member.manage": "owner admin",
};

describe("permission table", () => {
  it.each(Object.keys(PERMISSIONS) as Permission[])("%s", (permission) => {
    const allowed = ROLES.filter((role) => can(role, permission)).join(" ");
    expect(allowed).toBe(EXPECTED[permission]);
  });

  it("lets only owners hand out or take away ownership", () => {
    expect(canAssignRole("owner", { from: "admin", to: "owner" })).toBe(true);
    expect(canAssignRole("admin", { from: "viewer", to: "creator" })).toBe(true);
    expect(canAssignRole("admin", { from: "viewer", to: "owner" })).toBe(false);
    expect(canAssignRole("admin", { from: "owner", to: "viewer" })).toBe(false);
    expect(canAssignRole("creator", { from: "viewer", to: "reviewer" })).toBe(false);
  });
});
