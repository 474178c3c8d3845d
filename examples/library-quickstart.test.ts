/**
 * The quickstart page shows code that runs: every TypeScript block of
 * docs/library-quickstart.md must be found, line for line, in one of the example programs
 * the other tests type-check and run. A block the repository cannot run (Express is not one
 * of its dependencies) is preceded by `<!-- not run: <why> -->`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const page = read("../docs/library-quickstart.md");
const programs = {
  "sell-a-plan.ts": read("./sell-a-plan.ts"),
  "webhook-route.ts": read("./webhook-route.ts"),
};

/** Lines without their indentation and blank lines: a block may sit deeper in the program. */
const codeLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

function containsRun(haystack: string[], needle: string[]): boolean {
  return haystack.some((_, start) => needle.every((line, offset) => haystack[start + offset] === line));
}

interface Block {
  line: number;
  code: string;
  notRun: string | null;
}

function typescriptBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const pattern = /(?:<!-- not run: (.+?) -->\s*\n)?```ts\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(pattern)) {
    const line = markdown.slice(0, match.index).split("\n").length;
    blocks.push({ line, code: match[2] ?? "", notRun: match[1] ?? null });
  }
  return blocks;
}

describe("docs/library-quickstart.md", () => {
  const blocks = typescriptBlocks(page);

  it("shows the program's code in TypeScript blocks", () => {
    expect(blocks.filter((block) => block.notRun === null).length).toBeGreaterThanOrEqual(8);
  });

  it.each(blocks.filter((block) => block.notRun === null))(
    "block at line $line is code from an example program",
    (block) => {
      const lines = codeLines(block.code);
      const found = Object.entries(programs).filter(([, source]) => containsRun(codeLines(source), lines));
      expect(
        found.map(([name]) => name),
        `not in any example:\n${block.code}`,
      ).not.toEqual([]);
    },
  );

  it("says why each block it does not run is left out", () => {
    for (const block of blocks.filter((b) => b.notRun !== null)) {
      expect(block.notRun?.length, `block at line ${block.line}`).toBeGreaterThan(10);
    }
  });
});
