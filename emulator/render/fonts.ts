import { fileURLToPath } from "node:url";
import { GlobalFonts } from "@napi-rs/canvas";

let registered = false;

/** Registers the bundled DejaVu fonts, so frames render the same on machines without system fonts. */
export function registerFonts(): void {
  if (registered) return;
  const assets = fileURLToPath(new URL("../assets/", import.meta.url));
  for (const file of ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]) {
    if (!GlobalFonts.registerFromPath(`${assets}${file}`, "DejaVu Sans")) {
      throw new Error(`could not register font ${`${assets}${file}`}`);
    }
  }
  registered = true;
}
