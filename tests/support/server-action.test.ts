import { describe, expect, it } from "vitest";
import { actionResultOf } from "./server-action";

describe("actionResultOf: the action's result out of React's flight stream", () => {
  it("finds the ActionResult row among the page's rows", () => {
    const body = '0:{"a":"$@1","b":"build"}\n1:{"ok":false,"error":"Comment is empty","field":"body"}\n';
    expect(actionResultOf(body)).toEqual({ ok: false, error: "Comment is empty", field: "body" });
  });

  it('skips text rows by their byte length: they carry no newline, and may hold newlines and "ok":', () => {
    const text = 'é\n{"ok":true}\n'.repeat(3); // 2-byte é: a length in bytes, not characters
    const length = Buffer.byteLength(text).toString(16);
    const body = `0:{"a":"$@1"}\n2:T${length},${text}1:{"ok":false,"error":"Name is required","values":{"name":"$2"}}\n`;
    expect(actionResultOf(body)).toEqual({ ok: false, error: "Name is required", values: { name: "$2" } });
  });

  it("answers undefined when no row is an ActionResult", () => {
    expect(actionResultOf('0:{"a":"$@1"}\n1:"$Sreact.fragment"\n')).toBeUndefined();
  });
});
