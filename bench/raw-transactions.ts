import BetterSqlite3 from "better-sqlite3";

/** Raw better-sqlite3: transactions of 5 inserts per second, on a WAL file with synchronous NORMAL. */
export function rawFiveRowTransactionsPerSecond(
  file: string,
  options: { warmUpMs: number; measureMs: number },
): number {
  const db = new BetterSqlite3(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, amount INTEGER NOT NULL)");
    const insert = db.prepare("INSERT INTO rows (body, amount) VALUES (?, ?)");
    const fiveRows = db.transaction((n: number) => {
      for (let i = 0; i < 5; i++) insert.run(`row ${n}.${i}`, n * 5 + i);
    });
    const runFor = (ms: number) => {
      let count = 0;
      const start = performance.now();
      while (performance.now() - start < ms) fiveRows(count++);
      return count / ((performance.now() - start) / 1000);
    };
    runFor(options.warmUpMs);
    return runFor(options.measureMs);
  } finally {
    db.close();
  }
}
