import { beforeEach } from "vitest";

/**
 * Each test starts after one full turn of the event loop. A worker reports to vitest's main
 * process over IPC with a fixed 60 s answer timeout (`[vitest-worker]: Timeout calling
 * "onTaskUpdate"`, vitest-dev/vitest#6479); the answer is read only in the loop's poll phase.
 * Tests on in-process SQLite and `app.request` can run test after test on promises alone,
 * never reaching that phase, and on a loaded machine a file's run crosses 60 s: every test
 * passes and the run fails. One `setImmediate` per test bounds the stretch to one test.
 */
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
