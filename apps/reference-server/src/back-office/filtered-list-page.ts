import { type Id, isTesseraError, type Page, type Tessera, type Unit } from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { unitInScope } from "./unit-in-scope";

/** Rows on one page of a unit's sales lists. */
const pageSize = 25;

/** A query value when it is one of `allowed`, else "" (any). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | "" {
  return allowed.includes(value as T) ? (value as T) : "";
}

/** The period a filter form names, as sent (a day's length at most); "" is any day. */
function periodOf(c: Context<BackOfficeEnv>): { from: string; to: string } {
  return {
    from: (c.req.query("from") ?? "").slice(0, 10),
    to: (c.req.query("to") ?? "").slice(0, 10),
  };
}

/** The values chosen, without those left at "" (any). */
const chosenEntries = (values: Record<string, string>) =>
  Object.entries(values).filter(([, value]) => value !== "");

/** The filter a form's values ask for: the ones chosen, without those left at "" (any). */
type ChosenFilter<Values extends Record<string, string>> = {
  [Field in keyof Values]?: Exclude<Values[Field], "">;
};

/** A list call's filter: the values chosen, the page's size, and where it starts. */
type ListFilter<Values extends Record<string, string>> = ChosenFilter<Values> & {
  limit: number;
  cursor?: string;
};

/**
 * Runs a list call for a GET filter form: one page from the address's cursor, filtered by
 * the values chosen. A day core refuses (`from`/`to` not a date, or a period that ends before
 * it starts) is an error beside its field and no rows, answered with 422; any other refusal
 * can only be a hand-edited cursor, and the list starts again from the first page.
 */
async function listForFilterForm<Values extends Record<string, string>, Row>(
  c: Context<BackOfficeEnv>,
  values: Values,
  list: (filter: ListFilter<Values>) => Promise<Page<Row>>,
): Promise<{ page: Page<Row>; errors: Record<string, string>; status: 200 | 422 }> {
  const t = c.get("t");
  const cursor = c.req.query("cursor") ?? "";
  const chosen = Object.fromEntries(chosenEntries(values)) as ChosenFilter<Values>;
  const firstPage = { ...chosen, limit: pageSize };
  const errors: Record<string, string> = {};
  let page: Page<Row> = { items: [], nextCursor: null };
  try {
    page = await list(cursor ? { ...firstPage, cursor } : firstPage);
  } catch (error) {
    if (!isTesseraError(error, "validation_failed")) throw error;
    for (const issue of error.details.issues ?? []) {
      const field = String(issue.path[0] ?? "");
      if (field === "from" || field === "to") {
        errors[field] = t(
          issue.code === "range_reversed" ? "admin.contracts.error.range" : "admin.contracts.error.date",
        );
      }
    }
    // Only a hand-edited cursor is left: start again from the first page.
    if (Object.keys(errors).length === 0) page = await list(firstPage);
  }
  return { page, errors, status: Object.keys(errors).length > 0 ? 422 : 200 };
}

/** The names of the customers of a list's rows, by customer id ("" for one not found). */
async function customerNamesOf(
  tessera: Tessera,
  rows: readonly { customerId: Id<"customer"> }[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const row of rows) {
    if (!names.has(row.customerId))
      names.set(row.customerId, (await tessera.customers.get(row.customerId))?.name ?? "");
  }
  return names;
}

/** The address of the list's next page, keeping the filter chosen; null on the last page. */
function nextPageHref(base: string, values: Record<string, string>, nextCursor: string | null) {
  if (!nextCursor) return null;
  return `${base}?${new URLSearchParams([...chosenEntries(values), ["cursor", nextCursor]])}`;
}

/** A filter's selects: each field's allowed values. */
type Choices = Record<string, readonly string[]>;

/** The form's values as sent: each select's value ("" is any) and the period. */
type FormValues<C extends Choices> = { [Field in keyof C]: C[Field][number] | "" } & {
  from: string;
  to: string;
};

/** What one filtered list page is made of; the rest is the same for every one. */
export interface FilteredList<C extends Choices, Row> {
  /** The list's name: its address under the unit's, its view `admin-<name>`, its messages `admin.<name>.…`. */
  name: "contracts" | "orders";
  /** The selects of its filter form, in the form's order, each labelled `admin.<name>.<field>.<value>`. */
  choices: C;
  /** The list call, given the unit's id, the values chosen, the page's size and cursor. */
  list: (filter: ListFilter<FormValues<C>> & { unitId: Id<"unit"> }) => Promise<Page<Row>>;
  /** The view's rows (and anything else of its own), given the unit, the page and the customers' names. */
  rows: (
    c: Context<BackOfficeEnv>,
    list: { unit: Unit; page: Page<Row>; names: Map<string, string> },
  ) => Record<string, unknown>;
}

/**
 * GET /admin/u/:unit/<name> — a unit's filtered list page (its contracts, its orders): the
 * unit in the member's scope (404 otherwise), the filter form's values read from the address
 * (a select's value that is not one of its choices is any), the page `listForFilterForm`
 * reads, the rows' customer names, and the view's frame — the title, the unit's nav, the
 * form as sent with its options and errors (422 beside a refused day), the next page's address.
 */
export function filteredListPage<C extends Choices, Row extends { customerId: Id<"customer"> }>(
  deps: { tessera: Tessera; views: ViewRenderer },
  parts: FilteredList<C, Row>,
) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const selected = Object.entries(parts.choices).map(([field, allowed]) => [
      field,
      oneOf(c.req.query(field), allowed),
    ]);
    const values = { ...Object.fromEntries(selected), ...periodOf(c) } as FormValues<C>;
    const { page, errors, status } = await listForFilterForm(c, values, (filter) =>
      parts.list({ unitId: unit.id, ...filter }),
    );
    const names = await customerNamesOf(deps.tessera, page.items);
    const action = `/admin/u/${unit.slug}/${parts.name}`;
    const options = Object.entries(parts.choices).map(([field, allowed]) => [
      field,
      allowed.map((value) => ({ value, label: t(`admin.${parts.name}.${field}.${value}` as MessageKey) })),
    ]);
    c.status(status);
    return c.html(
      deps.views.render(`admin-${parts.name}`, {
        ...backOfficePageData(c, t(`admin.${parts.name}.title`, { unit: unit.name })),
        unitNav: { slug: unit.slug },
        unit: { name: unit.name },
        action,
        values,
        errors,
        options: Object.fromEntries(options),
        ...parts.rows(c, { unit, page, names }),
        nextHref: nextPageHref(action, values, page.nextCursor),
      }),
    );
  };
}
