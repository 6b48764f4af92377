import fc from "fast-check";

// Values an attacker would send: NUL, lone surrogates, huge strings, and, where a scalar is
// expected, arrays, objects, numbers and numbers-as-strings. Shared by the HTTP fuzz spec.

export const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFF",
    "%00",
    "../..",
    "[]",
    "{}",
    "12",
    "-1",
    "1e309",
    "",
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ minLength: 5000, maxLength: 9000 }),
);

export const hostileValue = fc.oneof(
  hostileString,
  fc.array(hostileString, { maxLength: 3 }),
  // Spread into a plain object: encodeReply (like a browser) refuses null-prototype objects.
  fc.dictionary(fc.string({ maxLength: 4 }), hostileString, { maxKeys: 2 }).map((value) => ({ ...value })),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

export const garbageCursor = fc.oneof(
  hostileString,
  fc.string({ maxLength: 40 }).map((text) => Buffer.from(text).toString("base64url")),
  fc.constantFrom(
    Buffer.from('{"r":"x","i":"a"}').toString("base64url"),
    Buffer.from('{"r":1,"i":"\\u0000"}').toString("base64url"),
    Buffer.from("[1,2]").toString("base64url"),
  ),
);
