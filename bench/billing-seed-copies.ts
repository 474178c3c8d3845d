/**
 * Multiplies the sales a SQLite file already holds into many more, by SQL inside SQLite, so
 * the billing memory benchmark can bill 1,000,000 due months: real sales through
 * `tessera.sales.start` go at a few hundred a second, far too slow for a million, while
 * copying a thousand real ones goes at about ten thousand sales a second (a million in some
 * 95 s on the 2-core bench machine).
 *
 * The file holds K sales made by the real sale path (one unit, one plan, a new buyer each).
 * Sale number n (K+1 … N) copies template sale (n−1) mod K, number c = ⌊(n−1)/K⌋, as an
 * independent sale: every row the sale wrote in the tables below (`saleTables`: its customer,
 * contract, installments, payments and their links) is inserted again by
 * `INSERT … SELECT` over a numbers table, in transactions of `chunkSales` sales, with:
 * - every id of a copied row (its primary key, each column that references a copied table,
 *   and any text column whose values are all ids of copied rows) given a fresh id made by one
 *   function of the old id and c, so references agree across tables: the same prefix and
 *   random part, its ULID time c milliseconds later (made c ms after the template; valid and
 *   unique, since the template's ids within one millisecond differ in their random part);
 * - in every other text column (JSON included), the old ULIDs of those ids replaced by the
 *   new ones (in the columns where a template's value holds one; in the others it would
 *   change nothing): a payment's idempotency key (`pay` + its ULID), its provider reference
 *   and the card token the keepless provider derived from it follow the payment's new id;
 * - a text column of a UNIQUE index that no id or rewrite above made unique (or one of
 *   `alsoUnique`) given a `~c` suffix on a copy where it would not change;
 * - the customer made buyer `benchBuyers(n)` (the buyer the n-th real sale would have had):
 *   name, e-mail, a valid CPF, its document key and search text computed by core's own
 *   `documentKey` and `customerSearchText` (as SQL functions).
 * Columns are read at run time (`PRAGMA table_info`, `foreign_key_list`, `index_list`): a
 * column added later is copied as the template has it, rewritten only by those rules.
 *
 * Left out, because the billing run never reads them (core/src/billing and the payment
 * paths it calls read units, contracts, installments, payments and their links, customers,
 * recurrences and the wallet, and only append to the outbox): `outbox` (the sales' events,
 * never delivered here: the bench runs no dispatcher) and `idempotency_keys` (the sales'
 * keys, read only by a retried `sales.start`). Organizations, units and plans are shared by
 * every copy. Any other table holding rows (recurrences, wallet lines, orders, reminders …)
 * stops the seeder with an error rather than leaving copies that miss them.
 *
 * Seeding only: `synchronous = OFF` and a 64 MB page cache on this connection, WAL as the
 * storage opens it, foreign keys on (a copy referencing a missing row fails the insert).
 */
import { customerSearchText, documentKey, type TaxDocument } from "@tessera/core";
import BetterSqlite3 from "better-sqlite3";
import { benchBuyers } from "./bench-buyers";

/**
 * The tables a sale writes, parents first, and which template sale (`seed_sale.i`) each row
 * belongs to: a query yielding `i` and the row's `rid` (rowid), one sale per row.
 */
const saleTables: readonly { table: string; owner: string }[] = [
  {
    table: "customers",
    owner: "select s.i, r.rowid as rid from seed_sale s join main.customers r on r.id = s.customer_id",
  },
  {
    table: "contracts",
    owner: "select s.i, r.rowid as rid from seed_sale s join main.contracts r on r.id = s.contract_id",
  },
  {
    table: "installments",
    owner:
      "select s.i, r.rowid as rid from seed_sale s join main.installments r on r.contract_id = s.contract_id",
  },
  {
    table: "payments",
    owner: `select distinct s.i, r.rowid as rid from seed_sale s
      join main.installments x on x.contract_id = s.contract_id
      join main.payment_installments l on l.installment_id = x.id
      join main.payments r on r.id = l.payment_id`,
  },
  {
    table: "payment_installments",
    owner: `select s.i, r.rowid as rid from seed_sale s
      join main.installments x on x.contract_id = s.contract_id
      join main.payment_installments r on r.installment_id = x.id`,
  },
];
/** Tables every copy shares with its template (the studio), or that Tessera keeps for itself. */
const sharedTables = new Set([
  "organizations",
  "units",
  "plans",
  "tessera_migration",
  "tessera_migration_lock",
]);
/** Tables of the sales the copies leave out: the billing run does not read them (see above). */
const leftOutTables: readonly string[] = ["outbox", "idempotency_keys"];
/** Columns kept unique per copy though no UNIQUE index says so: a provider's reference is looked up by. */
const alsoUnique: Record<string, readonly string[]> = { payments: ["provider_reference"] };
/** The customer's columns that make it a new buyer, rewritten from `benchBuyers`. */
const buyerColumns = ["name", "email", "document", "document_key", "search_key"] as const;

export interface SaleCopiesOptions {
  /** How many sales the file holds when done, templates included: at least the templates. */
  sales: number;
  /**
   * The buyer number (`benchBuyers`) of the first copy, sale K + 1; each next sale takes the
   * next number. Default K + 1: the templates are buyers 1 … K, as `benchBuyers(1, K)` made them.
   */
  firstBuyer?: number;
  /** Sales copied per transaction. */
  chunkSales?: number;
}

export interface SaleCopiesResult {
  /** Template sales found (K). */
  templates: number;
  /** Sales in the file now. */
  sales: number;
  /** Rows of each copied table now. */
  rows: Record<string, number>;
  ms: number;
}

type Row = Record<string, unknown>;
interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID's 10-letter time, as milliseconds. */
function decodeTime(text: string): number {
  let ms = 0;
  for (const letter of text) {
    const digit = crockford.indexOf(letter);
    if (digit < 0) throw new Error(`${text} is not a ULID time`);
    ms = ms * 32 + digit;
  }
  return ms;
}

function encodeTime(ms: number): string {
  let text = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    const digit = rest % 32;
    text = crockford[digit] + text;
    rest = (rest - digit) / 32;
  }
  return text;
}

/** SQL of the copy's id for the id `x` (a column expression), copy number `k.c`; null stays null. */
function newIdSql(x: string): string {
  return `(case when ${x} is null then null else substr(${x}, 1, instr(${x}, '_')) || ${newTimeSql(x)} || substr(${x}, instr(${x}, '_') + 11) end)`;
}
function newTimeSql(x: string): string {
  return `(select t.new_time from seed_shift t where t.old_time = substr(${x}, instr(${x}, '_') + 1, 10) and t.c = k.c)`;
}
/** SQL replacing, in text `e`, the ULID of id `x` by the copy's (`e` unchanged when `x` is null). */
function replaceUlidSql(e: string, x: string): string {
  return `replace(${e}, coalesce(substr(${x}, instr(${x}, '_') + 1), ''), coalesce(${newTimeSql(x)} || substr(${x}, instr(${x}, '_') + 11), ''))`;
}

/**
 * Copies the sales in `file` until it holds `options.sales` of them (see the header). The
 * file must not be open by a storage meanwhile.
 */
export function seedSaleCopies(file: string, options: SaleCopiesOptions): SaleCopiesResult {
  const start = performance.now();
  const db = new BetterSqlite3(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    db.pragma("foreign_keys = ON");
    db.pragma("temp_store = MEMORY");
    db.pragma("cache_size = -65536");
    checkNothingElseHoldsRows(db);

    db.exec(`create temp table seed_sale (i integer primary key, contract_id text not null, customer_id text not null);
      insert into seed_sale (i, contract_id, customer_id)
        select row_number() over (order by id) - 1, id, customer_id from main.contracts;`);
    const templates = count(db, "select count(*) from seed_sale");
    if (templates === 0) throw new Error(`${file} holds no sale to copy`);
    if (count(db, "select count(distinct customer_id) from seed_sale") !== templates)
      throw new Error("two template sales share a customer: each copy needs its own");
    const total = options.sales;
    if (!Number.isInteger(total) || total < templates)
      throw new Error(`cannot make ${total} sales from ${templates} templates`);
    const buyerOffset = (options.firstBuyer ?? templates + 1) - (templates + 1);

    for (const { table, owner } of saleTables) {
      db.exec(`create temp table ${quote(`seed_rows_${table}`)} as ${owner};
        create index temp.${quote(`seed_rows_${table}_i`)} on ${quote(`seed_rows_${table}`)} (i, rid);`);
      const owned = count(db, `select count(*) from ${quote(`seed_rows_${table}`)}`);
      const distinct = count(db, `select count(distinct rid) from ${quote(`seed_rows_${table}`)}`);
      const all = count(db, `select count(*) from main.${quote(table)}`);
      if (owned !== distinct || owned !== all)
        throw new Error(
          `${table}: ${all} rows, ${distinct} of them belong to a template sale, ${owned - distinct} to two: cannot copy by sale`,
        );
    }

    // Every id a copy rewrites is the primary key of a row of a copied table.
    db.exec("create temp table seed_ids (id text primary key) without rowid");
    for (const { table } of saleTables)
      if (columnsOf(db, table).some((c) => c.name === "id" && c.pk === 1))
        db.exec(`insert into seed_ids select id from main.${quote(table)}`);
    const copiesNeeded = Math.ceil((total - templates) / templates);
    db.exec(`create temp table seed_shift (old_time text, c integer, new_time text not null,
      primary key (old_time, c)) without rowid`);
    const shift = db.prepare("insert into seed_shift (old_time, c, new_time) values (?, ?, ?)");
    const times = db
      .prepare("select distinct substr(id, instr(id, '_') + 1, 10) as t from seed_ids")
      .pluck()
      .all() as string[];
    db.transaction(() => {
      for (const time of times)
        for (let c = 1; c <= copiesNeeded; c++) shift.run(time, c, encodeTime(decodeTime(time) + c));
    })();

    // Sale numbers K+1 … N: which template each copies, and as which copy.
    db.exec(`create temp table seed_copy (n integer primary key, c integer not null, i integer not null)`);
    // Integers written into the SQL: better-sqlite3 binds a JS number as a REAL, and n / K must divide whole.
    db.exec(`insert into seed_copy (n, c, i)
       with recursive sale(n) as (select ${templates + 1} union all select n + 1 from sale where n < ${total})
       select n, (n - 1) / ${templates}, (n - 1) % ${templates} from sale`);

    registerBuyerFunction(db);
    const inserts = saleTables.map(({ table }) => db.prepare(copySql(db, table, `k.n + ${buyerOffset}`)));
    const chunk = options.chunkSales ?? 25_000;
    for (let first = templates + 1; first <= total; first += chunk) {
      const last = Math.min(total, first + chunk - 1);
      db.transaction(() => {
        for (const insert of inserts) insert.run(first, last);
      })();
    }

    const rows: Record<string, number> = {};
    for (const { table } of saleTables) rows[table] = count(db, `select count(*) from main.${quote(table)}`);
    const sales = count(db, "select count(*) from main.contracts");
    if (sales !== total) throw new Error(`made ${sales} sales, not ${total}`);
    db.pragma("wal_checkpoint(TRUNCATE)");
    return { templates, sales, rows, ms: performance.now() - start };
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message))
      error.message += " — a unique column the copies repeat: add a rewrite for it in billing-seed-copies.ts";
    throw error;
  } finally {
    db.close();
  }
}

function count(db: BetterSqlite3.Database, sql: string): number {
  return Number(db.prepare(sql).pluck().get());
}

function columnsOf(db: BetterSqlite3.Database, table: string): ColumnInfo[] {
  return db.prepare(`select name, type, pk from pragma_table_info(?)`).all(table) as ColumnInfo[];
}

/** A table of the sales the copies neither repeat, share nor leave out on purpose, holding rows: stop. */
function checkNothingElseHoldsRows(db: BetterSqlite3.Database): void {
  const known = new Set([...sharedTables, ...leftOutTables, ...saleTables.map((t) => t.table)]);
  const tables = db
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string; sql: string }[];
  for (const { name, sql } of tables) {
    if (/without\s+rowid/i.test(sql) && !known.has(name)) throw new Error(`${name} is a WITHOUT ROWID table`);
    if (known.has(name)) continue;
    if (count(db, `select count(*) from (select 1 from main.${quote(name)} limit 1)`) > 0)
      throw new Error(
        `${name} holds rows the sale copies would not repeat: teach billing-seed-copies.ts to copy it`,
      );
  }
}

/**
 * `seed_customer(n, column, document, phone)`: a column of buyer n's customer, given the
 * template's document (JSON) and phone — `benchBuyers(n)`'s name, e-mail and CPF, the
 * document key and search text by core's own `documentKey` and `customerSearchText`. One
 * row's columns are computed once (the last buyer is kept).
 */
function registerBuyerFunction(db: BetterSqlite3.Database): void {
  let last: { n: number; columns: Record<(typeof buyerColumns)[number], string | null> } | undefined;
  db.function("seed_customer", { deterministic: true }, (n, column, document, phone) => {
    const number = Number(n);
    if (last?.n !== number) {
      const buyer = benchBuyers(number, 1)[0]!;
      const taxDocument =
        document === null ? null : ({ ...JSON.parse(String(document)), value: buyer.cpf } as TaxDocument);
      const email = buyer.email;
      last = {
        n: number,
        columns: {
          name: buyer.name,
          email,
          document: taxDocument === null ? null : JSON.stringify(taxDocument),
          document_key: taxDocument === null ? null : documentKey(taxDocument),
          search_key: customerSearchText({
            name: buyer.name,
            email,
            document: taxDocument,
            phone: phone === null ? null : String(phone),
          }),
        },
      };
    }
    if (!(buyerColumns as readonly unknown[]).includes(column))
      throw new Error(`seed_customer: no column ${String(column)}`);
    return last.columns[column as (typeof buyerColumns)[number]];
  });
}

/**
 * `insert into <table> (…every column…) select … from seed_copy k …` for the sales numbered
 * between its two parameters, each column by the rules in the header. `buyer` is the SQL of
 * the copy's buyer number.
 */
function copySql(db: BetterSqlite3.Database, table: string, buyer: string): string {
  const columns = columnsOf(db, table);
  const copied = new Set(saleTables.map((t) => t.table));
  const references = new Set(
    (db.prepare("select * from pragma_foreign_key_list(?)").all(table) as Row[])
      .filter((fk) => copied.has(String(fk["table"])))
      .map((fk) => String(fk["from"])),
  );
  const isText = (column: ColumnInfo) => /text|char|clob/i.test(column.type);
  const idValued = new Set(
    columns
      .filter(
        (column) =>
          (column.name === "id" && column.pk === 1) ||
          references.has(column.name) ||
          (isText(column) && holdsOnlySaleIds(db, table, column.name)),
      )
      .map((column) => column.name),
  );
  const explicit = new Set<string>(table === "customers" ? buyerColumns : []);
  if (table === "customers") {
    for (const name of buyerColumns)
      if (!columns.some((column) => column.name === name))
        throw new Error(`customers has no ${name} column any more: update billing-seed-copies.ts`);
    const kinds = db
      .prepare(
        "select distinct json_extract(document, '$.kind') from main.customers where document is not null",
      )
      .pluck()
      .all();
    if (kinds.some((kind) => kind !== "cpf"))
      throw new Error(`template customers hold documents of kinds ${kinds.join(", ")}: only cpf is copied`);
  }
  // Unique indexes no id or explicit rewrite covers: their last text column gets the suffix.
  const suffixed = new Set(alsoUnique[table] ?? []);
  const indexes = db.prepare('select name from pragma_index_list(?) where "unique" = 1').all(table) as {
    name: string;
  }[];
  for (const { name } of indexes) {
    const names = (db.prepare("select name from pragma_index_info(?)").all(name) as { name: string | null }[])
      .map((c) => c.name)
      .filter((c): c is string => c !== null);
    if (names.some((c) => idValued.has(c) || explicit.has(c))) continue;
    const last = names.filter((c) => isText(columns.find((column) => column.name === c)!)).at(-1);
    if (last === undefined) throw new Error(`${table}: unique index ${name} has no column a copy can change`);
    suffixed.add(last);
  }

  const ids = [...idValued].map((name) => `r.${quote(name)}`);
  const expressions = columns.map((column) => {
    const own = `r.${quote(column.name)}`;
    if (explicit.has(column.name))
      return `seed_customer(${buyer}, '${column.name}', r."document", r."phone")`;
    if (idValued.has(column.name)) return newIdSql(own);
    if (!isText(column)) return own;
    // Only the ids some template row's value holds: replacing any other would change nothing.
    const held = ids.filter((x) => holdsUlidOf(db, table, own, x));
    const replaced = held.reduce((e, x) => replaceUlidSql(e, x), own);
    return suffixed.has(column.name)
      ? `(case when ${replaced} is ${own} then ${own} || '~' || k.c else ${replaced} end)`
      : replaced;
  });
  const rowsOf = quote(`seed_rows_${table}`);
  return `insert into main.${quote(table)} (${columns.map((c) => quote(c.name)).join(", ")})
    select ${expressions.join(",\n      ")}
    from seed_copy k
    join ${rowsOf} m on m.i = k.i
    join main.${quote(table)} r on r.rowid = m.rid
    where k.n between ? and ?
    order by k.n, m.rid`;
}

/** True when some row's `text` (a column expression of `r`) holds the ULID of its id `x`. */
function holdsUlidOf(db: BetterSqlite3.Database, table: string, text: string, x: string): boolean {
  return (
    count(
      db,
      `select exists (select 1 from main.${quote(table)} r
        where instr(${text}, substr(${x}, instr(${x}, '_') + 1)) > 0)`,
    ) === 1
  );
}

/** True when every value of the column is the id of a row of a copied table (and there is one). */
function holdsOnlySaleIds(db: BetterSqlite3.Database, table: string, column: string): boolean {
  const c = quote(column);
  const row = db
    .prepare(
      `select count(${c}) as present,
        sum(case when ${c} is not null and ${c} not in (select id from seed_ids) then 1 else 0 end) as other
       from main.${quote(table)}`,
    )
    .get() as { present: number; other: number | null };
  return row.present > 0 && (row.other ?? 0) === 0;
}
