// How every TypeScript entry point of the studio runs under plain Node: through tsx, with the
// "react-server" export condition, so modules marked `import "server-only"` (everything touching
// the database or secrets) load here as they do in Next's server, and throw in a browser bundle.
export const TSX_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];
