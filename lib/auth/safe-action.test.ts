import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formAction, publicAction, teamAction } from "@/lib/auth/safe-action";
import { UserError } from "@/lib/errors";

const schema = z.object({ name: z.string().trim().min(2, { error: "Name must be at least 2 characters" }) });

describe("the action wrapper", () => {
  it("parses the input and hands the handler the parsed value", async () => {
    const greet = publicAction(schema, async ({ name }) => `hello ${name}`);
    expect(await greet({ name: "  Ada " })).toEqual({ ok: true, data: "hello Ada" });
  });

  it("refuses invalid input with the field and its message, before anything runs", async () => {
    let ran = false;
    const action = teamAction(schema, "team.update", async () => {
      ran = true;
    });
    // No session exists in this test: the input is refused before the caller is even looked up.
    expect(await action({ name: "A", teamId: "team-a" })).toEqual({
      ok: false,
      error: "Name must be at least 2 characters",
      field: "name",
      fieldErrors: { name: "Name must be at least 2 characters" },
    });
    expect(ran).toBe(false);
  });

  it("a team action without the team its page was rendered for is refused by name, before any lookup", async () => {
    const action = teamAction(schema, "team.update", async () => "ran");
    for (const teamId of [undefined, "", "a\u0000b", ["a"]]) {
      expect(await action({ name: "Ada", teamId } as never)).toMatchObject({ ok: false, field: "teamId" });
    }
  });

  it("turns user errors into results and hides everything else", async () => {
    const refused = publicAction(schema, async () => {
      throw new UserError("That name is taken", { status: 409, field: "name" });
    });
    expect(await refused({ name: "Ada" })).toEqual({ ok: false, error: "That name is taken", field: "name" });
    const broken = publicAction(schema, async () => {
      throw new Error("connection refused to 10.0.0.5");
    });
    const original = console.error;
    console.error = () => {};
    try {
      expect(await broken({ name: "Ada" })).toEqual({
        ok: false,
        error: "Something went wrong on our side. Please try again.",
      });
    } finally {
      console.error = original;
    }
  });

  it("behind a form: reads the FormData, reports every field and hands back what was typed, never passwords", async () => {
    const signUp = formAction(
      publicAction(
        schema.extend({ password: z.string().min(10, { error: "Password is too short" }) }),
        async () => 1,
      ),
    );
    const form = new FormData();
    form.set("name", "A");
    form.set("password", "short");
    expect(await signUp(undefined, form)).toEqual({
      ok: false,
      error: "Check the highlighted fields",
      field: "name",
      fieldErrors: { name: "Name must be at least 2 characters", password: "Password is too short" },
      values: { name: "A" },
    });
    form.set("name", "Ada");
    form.set("password", "long enough 1");
    expect(await signUp(undefined, form)).toEqual({ ok: true, data: 1 });
  });
});
