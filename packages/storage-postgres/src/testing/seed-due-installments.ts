import type pg from "pg";

/**
 * `count` awaiting installments, all due on 2026-03-01, for one customer of one unit — with
 * the organization, unit and customer they need — written by two `INSERT … SELECT
 * generate_series` statements, so 10,000 items take milliseconds. The storage reads them
 * like any others; ids (`ins_seed_000001`) sort in due order.
 */
export async function seedDueInstallments(client: pg.Client, schema: string, count: number): Promise<void> {
  const at = "2026-03-01T00:00:00.000Z";
  await client.query(`set search_path to "${schema}"`);
  await client.query("insert into organizations (id, name, created_at) values ('org_seed', 'Seed', $1)", [
    at,
  ]);
  await client.query(
    `insert into units (id, organization_id, name, slug, time_zone, currency, locale, notification_emails,
       client_fee_basis_points, payment_methods, checkout_fields, created_at, updated_at)
     values ('unit_seed', 'org_seed', 'Seed', 'seed', 'America/Sao_Paulo', 'BRL', 'pt-BR', '[]', 0, '[]', '[]', $1, $1)`,
    [at],
  );
  await client.query(
    `insert into customers (id, organization_id, name, email, source, attachments, extra_fields, created_at, updated_at, version)
     values ('cus_seed', 'org_seed', 'Seed', 'seed@example.com', 'staff', '[]', '{}', $1, $1, 0)`,
    [at],
  );
  await client.query(
    `insert into installments (id, unit_id, customer_id, sequence, kind, amount, currency, due_date, status,
       failed_attempts, lease_version, created_at, updated_at, version)
     select 'ins_seed_' || lpad(n::text, 6, '0'), 'unit_seed', 'cus_seed', n, 'period', 10000, 'BRL',
       '2026-03-01', 'awaiting', 0, 0, $1, $1, 0
     from generate_series(1, $2::int) as n`,
    [at, count],
  );
}
