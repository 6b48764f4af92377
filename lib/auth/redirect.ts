// Only paths on this site: "/\\evil.example" or "/\t/evil.example" would leave it once a browser
// normalises them, so anything that does not resolve to our own origin falls back to "/".
export function safeNext(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || hasBackslashOrControl(value)) return "/";
  const resolved = new URL(value, "http://studio.invalid");
  return resolved.origin === "http://studio.invalid"
    ? `${resolved.pathname}${resolved.search}${resolved.hash}`
    : "/";
}

function hasBackslashOrControl(value: string) {
  return [...value].some(
    (character) => character === "\\" || character.charCodeAt(0) <= 0x20 || character.charCodeAt(0) === 0x7f,
  );
}
