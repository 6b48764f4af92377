// Only paths on this site. The value is resolved the way a browser would (dot segments removed,
// percent-encoded dots decoded) and the *result* must still be a plain path: "/.//evil.example"
// resolves to "//evil.example", which a browser treats as another host.
export function safeNext(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (hasBackslashOrControl(value)) return "/";
  let resolved: URL;
  try {
    resolved = new URL(value, "http://studio.invalid");
  } catch {
    return "/";
  }
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // Note: checked on the normalized form, since that is what the Location header will carry.
  if (resolved.origin !== "http://studio.invalid" || !path.startsWith("/") || /^\/[/\\]/.test(path))
    return "/";
  // A path that decodes to a slash, backslash or control character at its start is refused too:
  // some proxies and servers decode before routing.
  const decoded = safeDecode(resolved.pathname);
  if (decoded.startsWith("//") || hasBackslashOrControl(decoded.slice(1, 2))) return "/";
  return path;
}

function safeDecode(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return "//"; // undecodable: treated as unsafe
  }
}

function hasBackslashOrControl(value: string) {
  return [...value].some(
    (character) => character === "\\" || character.charCodeAt(0) <= 0x20 || character.charCodeAt(0) === 0x7f,
  );
}
