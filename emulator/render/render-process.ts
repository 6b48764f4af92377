// Child-process entry: renders jobs sent over IPC one at a time, so drawing and encoding never run
// on the emulator's event loop.
import { activeEncoders, renderVideo } from "./encode";
import type { RenderJob } from "./types";

export interface RenderRequest {
  id: number;
  job: RenderJob;
}

export interface RenderReply {
  id: number;
  error: string | null;
}

process.on("message", (message: RenderRequest) => {
  renderVideo(message.job).then(
    () => reply({ id: message.id, error: null }),
    (error: unknown) =>
      reply({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

// The parent went away or asked us to stop: take the encoders down too, nobody will use their output.
process.on("disconnect", stop);
process.on("SIGTERM", stop);

function stop(): void {
  for (const encoder of activeEncoders) encoder.kill("SIGKILL");
  process.exit(0);
}

function reply(message: RenderReply): void {
  if (process.connected) process.send?.(message);
}
