/**
 * How many pages SQLite's commits write, read from the write-ahead log itself. In WAL mode a
 * commit appends one frame (a 24-byte header and the page) per page the transaction changed;
 * the frame that ends a commit carries the database size in its header, every other frame 0
 * (https://www.sqlite.org/fileformat2.html#walformat). So, after `wal_checkpoint(TRUNCATE)`
 * has emptied the log, the frames and the commit frames in it are exactly the pages and the
 * commits written since — as long as no checkpoint restarted the log meanwhile (SQLite does so
 * past `wal_autocheckpoint`, 1000 pages by default): a restarted log holds fewer commits than
 * were made, so callers compare `commits` with the transactions they ran.
 */
import { existsSync, readFileSync } from "node:fs";
import type BetterSqlite3 from "better-sqlite3";

export interface WalFrames {
  pageSize: number;
  /** Pages written (frames) since the log was emptied. */
  frames: number;
  commits: number;
  /** The pages of each commit, in commit order. */
  pagesPerCommit: number[];
}

const headerBytes = 32;
const frameHeaderBytes = 24;

/**
 * Empties the log through `connection` (any connection to the file; nobody may be inside a
 * transaction). Throws when a reader or writer kept the checkpoint from finishing.
 */
export function truncateWal(connection: BetterSqlite3.Database): void {
  const [result] = connection.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
  if (result?.busy !== 0) throw new Error("the WAL checkpoint was blocked by an open transaction");
}

/** The frames and commits in `<file>-wal` written since `truncateWal`. */
export function readWalFrames(file: string): WalFrames {
  const walFile = `${file}-wal`;
  const empty = { pageSize: 0, frames: 0, commits: 0, pagesPerCommit: [] };
  if (!existsSync(walFile)) return empty;
  const wal = readFileSync(walFile);
  if (wal.length < headerBytes) return empty;
  const pageSize = wal.readUInt32BE(8);
  const salt = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let frames = 0;
  const pagesPerCommit: number[] = [];
  let sinceCommit = 0;
  for (
    let at = headerBytes;
    at + frameHeaderBytes + pageSize <= wal.length;
    at += frameHeaderBytes + pageSize
  ) {
    if (wal.readUInt32BE(at + 8) !== salt[0] || wal.readUInt32BE(at + 12) !== salt[1]) break;
    frames++;
    sinceCommit++;
    if (wal.readUInt32BE(at + 4) !== 0) {
      pagesPerCommit.push(sinceCommit);
      sinceCommit = 0;
    }
  }
  return { pageSize, frames, commits: pagesPerCommit.length, pagesPerCommit };
}
