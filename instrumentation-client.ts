// Runs in the browser before the studio's own code (Next.js instrumentation-client).
import { z } from "zod";

// Note: zod compiles object parsers with `new Function` when eval is allowed and probes for it on
// first use; under the studio's CSP (no 'unsafe-eval') that probe is reported as a violation. The
// interpreted parsers give the same results.
z.config({ jitless: true });
