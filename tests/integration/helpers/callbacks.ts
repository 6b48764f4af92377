import { webhookHeaders } from "../../../emulator/webhooks";

/** A Kling callback to the studio's route, signed with `secret` the way the emulator signs one. */
export function signedCallback(secret: string, body: string) {
  const id = `msg_${Math.random().toString(36).slice(2)}`;
  const headers = webhookHeaders(secret, id, Math.floor(Date.now() / 1000), body);
  return new Request("http://studio.test/api/kling/callback", {
    method: "POST",
    body,
    headers: { ...headers },
  });
}
