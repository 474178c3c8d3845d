// Loads the TypeScript worker entry in a worker thread: tsx compiles it on the fly, as
// vitest does for the tests, so the worker runs the package's source, not a build.
import { register } from "tsx/esm/api";

register();
await import("./worker-connection-entry.ts");
