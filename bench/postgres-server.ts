import pg from "pg";

/**
 * Why no PostgreSQL server can be used at `url`, or null when one answers: the reason a
 * PostgreSQL benchmark prints when it skips.
 */
export async function postgresUnreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    return `no PostgreSQL answers at ${new URL(url).host} (${reason}); start one or set TESSERA_TEST_DATABASE_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}
