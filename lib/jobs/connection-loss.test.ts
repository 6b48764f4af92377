import { describe, expect, it } from "vitest";
import { isConnectionLoss } from "./connection-loss";

describe("isConnectionLoss", () => {
  it("recognises a terminated, reset or refused connection", () => {
    expect(
      isConnectionLoss(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true);
    expect(isConnectionLoss(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("does not excuse anything else", () => {
    expect(isConnectionLoss(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isConnectionLoss(Object.assign(new Error("deadlock detected"), { code: "40P01" }))).toBe(false);
    expect(isConnectionLoss(new TypeError("x is not a function"))).toBe(false);
    expect(isConnectionLoss("Connection terminated")).toBe(false);
    expect(isConnectionLoss(undefined)).toBe(false);
  });
});
