import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import * as lifecycle from "@/lib/generations/lifecycle";
import {
  ACTIVE_STATUSES,
  assertTransition,
  canTransition,
  FAILED_STATUSES,
  GENERATION_STATUSES,
  type GenerationStatus,
  IllegalTransitionError,
  LIFECYCLE,
  TERMINAL_STATUSES,
  UPSTREAM_STATUSES,
} from "@/lib/generations/lifecycle";

const updateMany = vi.fn(async (_args: unknown) => ({ count: 1 }));
vi.mock("@/lib/db", () => ({ db: { generation: { updateMany: (args: unknown) => updateMany(args) } } }));
const { claim, transition } = await import("@/lib/generations/lease");

const root = path.resolve(import.meta.dirname, "../..");
const GROUPS = { ACTIVE_STATUSES, UPSTREAM_STATUSES, FAILED_STATUSES, TERMINAL_STATUSES };

describe("the lifecycle table", () => {
  it("only moves to statuses it knows", () => {
    for (const status of GENERATION_STATUSES)
      for (const next of LIFECYCLE[status].next) expect(GENERATION_STATUSES).toContain(next);
  });

  it("groups every status exactly once: active or terminal, failed within terminal", () => {
    expect([...ACTIVE_STATUSES, ...TERMINAL_STATUSES].sort()).toEqual([...GENERATION_STATUSES].sort());
    for (const status of UPSTREAM_STATUSES) expect(ACTIVE_STATUSES).toContain(status);
    for (const status of FAILED_STATUSES) expect(TERMINAL_STATUSES).toContain(status);
  });

  it("lets every active status reach a terminal one, and starts at queued", () => {
    for (const start of ACTIVE_STATUSES) {
      const seen = new Set<GenerationStatus>([start]);
      const queue: GenerationStatus[] = [start];
      while (queue.length) {
        const current = queue.shift() as GenerationStatus;
        for (const next of LIFECYCLE[current].next as readonly GenerationStatus[]) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      expect([...seen].some((status) => lifecycle.TERMINAL_STATUSES.some((end) => end === status))).toBe(
        true,
      );
    }
    expect(GENERATION_STATUSES[0]).toBe("queued");
  });

  it("has a label and a tone for every status", () => {
    for (const status of GENERATION_STATUSES) {
      expect(lifecycle.statusLabel(status)).not.toBe(status);
      expect(["waiting", "running", "ok", "danger"]).toContain(lifecycle.statusTone(status));
    }
    expect(lifecycle.statusLabel("archived")).toBe("Finished");
    expect(lifecycle.isFailed("timed_out")).toBe(true);
    expect(lifecycle.isActive("succeeded")).toBe(true);
    expect(lifecycle.isActive("nonsense")).toBe(false);
  });

  it("allows exactly the table's moves (and staying put)", () => {
    for (const from of GENERATION_STATUSES)
      for (const to of GENERATION_STATUSES) {
        const allowed = from === to || (LIFECYCLE[from].next as readonly string[]).includes(to);
        expect(canTransition(from, to)).toBe(allowed);
        if (allowed) expect(() => assertTransition([from], to)).not.toThrow();
        else expect(() => assertTransition([from], to)).toThrow(IllegalTransitionError);
      }
    expect(lifecycle.fromStatusesOf("succeeded").sort()).toEqual(["processing", "submitted", "timed_out"]);
  });
});

describe("transition() and claim()", () => {
  it("refuse a move the table does not allow before touching the database", async () => {
    updateMany.mockClear();
    // @ts-expect-error archived -> queued is not in the table, so it does not compile either
    await expect(transition("g1", ["archived"], { status: "queued" })).rejects.toThrow(
      IllegalTransitionError,
    );
    // @ts-expect-error every source must allow the move: failed -> archived is not allowed
    await expect(transition("g1", ["succeeded", "failed"], { status: "archived" })).rejects.toThrow(
      IllegalTransitionError,
    );
    const guard = {
      holder: { id: "w1", inFlight: new Set<string>(), isAlive: () => true },
      seen: { id: "g1", status: "queued", submitAttempts: 0, archiveAttempts: 0 },
      counter: "submitAttempts" as const,
    };
    // @ts-expect-error queued -> processing skips submitting
    await expect(claim("g1", ["queued"], { status: "processing" }, guard)).rejects.toThrow(
      IllegalTransitionError,
    );
    await expect(transition("g1", [], { status: "failed" })).rejects.toThrow(IllegalTransitionError);
    // @ts-expect-error a misspelt column does not compile (Prisma's update input type)
    await transition("g1", ["succeeded"], { erorrMessage: "x" });
    expect(updateMany).toHaveBeenCalledTimes(1);
  });

  it("compare-and-set on the from statuses and the holder, and release the row", async () => {
    updateMany.mockClear();
    expect(await transition("g1", ["submitted", "processing"], { status: "timed_out" })).toBe(true);
    expect(updateMany).toHaveBeenCalledWith({
      where: { id: "g1", status: { in: ["submitted", "processing"] }, leaseOwner: null },
      data: { leaseOwner: null, leasedAt: null, status: "timed_out" },
    });
    const holder = { id: "w1", inFlight: new Set<string>(), isAlive: () => true };
    await transition("g1", ["submitting"], { status: "queued" }, holder);
    expect(updateMany).toHaveBeenLastCalledWith({
      where: { id: "g1", status: { in: ["submitting"] }, leaseOwner: "w1" },
      data: { leaseOwner: null, leasedAt: null, status: "queued" },
    });
  });
});

/**
 * Every transition()/claim() call in lib/, read from the source: its from statuses and the status it
 * writes must be a move the table allows. A call this cannot read (anything but string literals,
 * lifecycle groups and fromStatusesOf(...)) fails too, so no call site escapes the check.
 */
describe("every transition the code performs", () => {
  const calls = findTransitionCalls();

  it("finds the pipeline's transitions", () => {
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(new Set(calls.map((call) => call.file))).toEqual(
      new Set([
        "lib/generations/archive.ts",
        "lib/generations/dispatch.ts",
        "lib/generations/retry.ts",
        "lib/generations/sync.ts",
      ]),
    );
  });

  it.each(
    calls.map((call) => [
      `${call.file}:${call.line} ${call.from.join("|")} -> ${call.to ?? "(stays)"}`,
      call,
    ]),
  )("%s is in the table", (_name, call) => {
    // Without a status each row stays in its own (always allowed), so `from` may list several.
    for (const to of call.to ? [call.to] : call.from)
      expect(() => assertTransition(call.to ? call.from : [to], to)).not.toThrow();
  });
});

interface TransitionCall {
  file: string;
  line: number;
  from: GenerationStatus[];
  to: GenerationStatus | undefined;
}

function findTransitionCalls(): TransitionCall[] {
  const files = listSources(path.join(root, "lib"));
  const calls: TransitionCall[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("@/lib/generations/lease")) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const relative = path.relative(root, file);
    const evaluate = (node: ts.Expression): unknown => {
      if (ts.isStringLiteral(node)) return node.text;
      if (ts.isArrayLiteralExpression(node)) return node.elements.map((element) => evaluate(element));
      if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return evaluate(node.expression);
      if (ts.isCallExpression(node) && node.expression.getText() === "fromStatusesOf")
        return lifecycle.fromStatusesOf(evaluate(node.arguments[0]) as GenerationStatus);
      if (ts.isIdentifier(node)) {
        if (Object.hasOwn(GROUPS, node.text)) return GROUPS[node.text as keyof typeof GROUPS];
        const declaration = findConst(source, node.text);
        if (declaration) return evaluate(declaration);
      }
      throw new Error(
        `${relative}: cannot read "${node.getText()}" statically; use literals or lifecycle groups`,
      );
    };
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        ["transition", "claim"].includes(node.expression.text)
      ) {
        const [, fromArg, dataArg] = node.arguments;
        let to: GenerationStatus | undefined;
        if (dataArg) {
          if (!ts.isObjectLiteralExpression(dataArg)) throw new Error(`${relative}: pass the update inline`);
          const status = dataArg.properties.find((property) => property.name?.getText() === "status") as
            | ts.PropertyAssignment
            | undefined;
          if (status) to = evaluate(status.initializer) as GenerationStatus;
        }
        calls.push({
          file: relative,
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          from: evaluate(fromArg) as GenerationStatus[],
          to,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

function findConst(source: ts.SourceFile, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer
    )
      found = node.initializer;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : listSources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}
