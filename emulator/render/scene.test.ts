import { describe, expect, it } from "vitest";
import { soundtrackSource } from "./audio";
import { sceneFor } from "./scene";

describe("scenes and soundtracks derived from the prompt", () => {
  it("are deterministic per prompt and differ between prompts", () => {
    expect(sceneFor("a red fox in the snow")).toEqual(sceneFor("a red fox in the snow"));
    expect(sceneFor("a red fox in the snow")).not.toEqual(sceneFor("a blue whale at night"));
    expect(soundtrackSource("a red fox", 5)).toBe(soundtrackSource("a red fox", 5));
    expect(soundtrackSource("a red fox", 5)).not.toBe(soundtrackSource("a blue whale", 5));
  });

  it("put the prompt's words into the scene", () => {
    const labels = sceneFor("A lighthouse keeper feeds seagulls").labels.map((label) => label.text);
    expect(labels).toEqual(["lighthouse", "keeper", "feeds", "seagulls"]);
  });

  it("make a soundtrack source of the requested length", () => {
    expect(soundtrackSource("x", 7)).toMatch(/^aevalsrc=exprs='.+\|.+':s=48000:d=7$/);
  });
});
