import {
  type ActivationCode,
  type CalendarDate,
  type Customer,
  isCalendarDate,
  isTesseraError,
  normalizeActivationCode,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import { formText, readFormBody } from "../http/read-form-body";
import { errorTexts } from "../i18n/error-texts";
import type { MessageKey } from "../i18n/message-catalog";
import { formatCalendarDate, formatInstant } from "../notifications/mail-dates";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";
import { findVisitors } from "./visitor-search";

interface ActivationDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

type AttachErrors = Partial<
  Record<"code" | "customerId" | "validFrom" | "validUntil" | "visitor" | "form", MessageKey>
>;

interface ActivationState {
  /** What staff typed or scanned in the code-or-barcode field. */
  code: string;
  visitor: string;
  validFrom: string;
  validUntil: string;
  customerId: string;
  errors: AttachErrors;
  status: 200 | 404 | 409 | 422;
}

/** The code staff typed, if it is one of the unit's: case, spaces and dashes do not matter. */
async function codeOfUnit(tessera: Tessera, unit: Unit, typed: string): Promise<ActivationCode | null> {
  const bare = typed.replace(/[\s-]/g, "");
  return /^[0-9A-Za-z]{4,20}$/.test(bare) ? tessera.activation.find(unit.id, bare) : null;
}

async function renderActivation(
  c: Context<BackOfficeEnv>,
  deps: ActivationDeps,
  unit: Unit,
  state: ActivationState,
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const staff = signedInStaff(c).staff;
  const day = (date: CalendarDate | null) =>
    date ? formatCalendarDate(date, locale) : t("admin.activation.openEnded");
  const unattached = await deps.tessera.activation.listUnattached(unit.id);
  const errors: AttachErrors = { ...state.errors };
  const found = state.code === "" ? null : await codeOfUnit(deps.tessera, unit, state.code);
  if (state.code !== "" && !found) errors.code ??= "error.activation_code_unknown";
  const attachedTo = found?.attachedCustomerId
    ? await deps.tessera.customers.get(found.attachedCustomerId)
    : null;
  let visitors: Customer[] = [];
  if (found?.status === "unattached" && state.visitor !== "") {
    visitors = await findVisitors(deps.tessera, staff, unit, state.visitor);
    if (visitors.length === 0) errors.visitor = "admin.activation.noVisitors";
  }
  const texts = errorTexts(errors as Record<string, MessageKey>, t);
  return c.html(
    deps.views.render("admin-activation", {
      ...backOfficePageData(c, t("admin.activation.title", { unit: unit.name })),
      unit: { name: unit.name, slug: unit.slug },
      action: `/admin/u/${unit.slug}/activation`,
      attachAction: `/admin/u/${unit.slug}/activation/attach`,
      attached: c.req.query("attached") ?? null,
      unattached: unattached.map((code) => ({
        code: code.code,
        createdAt: code.createdAt,
        created: formatInstant(code.createdAt, locale, unit.timeZone),
        href: `/admin/u/${unit.slug}/activation?code=${encodeURIComponent(code.code)}`,
      })),
      found: found
        ? {
            code: found.code,
            status: found.status,
            attachedTo: attachedTo?.name ?? null,
            validFrom: found.validFrom ? day(found.validFrom) : null,
            validUntil: found.validFrom ? day(found.validUntil) : null,
          }
        : null,
      visitors: visitors.map((customer) => ({
        id: customer.id,
        name: customer.name,
        phone: customer.phone ?? "",
        email: customer.email,
      })),
      values: {
        code: state.code,
        visitor: state.visitor,
        validFrom: state.validFrom,
        validUntil: state.validUntil,
        customerId: state.customerId,
      },
      errors: texts,
    }),
    state.status,
  );
}

/**
 * GET /admin/u/:unit/activation — the unit's unattached passes; one field takes a code typed
 * or scanned from its barcode (`?code=`), then a visitor is searched by name or phone
 * (`?visitor=`) and chosen, with the pass's validity (Otmechalka: "Закрепление абонемента").
 */
export function activationPage(deps: ActivationDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const code = (c.req.query("code") ?? "").trim().slice(0, 40);
    return renderActivation(c, deps, unit, {
      code,
      visitor: (c.req.query("visitor") ?? "").trim().slice(0, 100),
      validFrom: "",
      validUntil: "",
      customerId: "",
      errors: {},
      status: code !== "" && !(await codeOfUnit(deps.tessera, unit, code)) ? 404 : 200,
    });
  };
}

const dateOrEmpty = (typed: string): CalendarDate | undefined | "invalid" =>
  typed === "" ? undefined : isCalendarDate(typed) ? typed : "invalid";

/** POST /admin/u/:unit/activation/attach — attaches the pass to the chosen visitor for its validity. */
export function attachActivationCode(deps: ActivationDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const body = await readFormBody(c);
    const state: ActivationState = {
      code: formText(body, "code", 40),
      visitor: formText(body, "visitor", 100),
      validFrom: formText(body, "validFrom", 10),
      validUntil: formText(body, "validUntil", 10),
      customerId: formText(body, "customerId", 40),
      errors: {},
      status: 422,
    };
    const validFrom = dateOrEmpty(state.validFrom);
    const validUntil = dateOrEmpty(state.validUntil);
    if (validFrom === "invalid") state.errors.validFrom = "admin.activation.error.date";
    if (validUntil === "invalid") state.errors.validUntil = "admin.activation.error.date";
    if (!/^cus_[0-9A-Za-z]{10,40}$/.test(state.customerId))
      state.errors.customerId = "admin.activation.error.chooseVisitor";
    if (state.code === "") state.errors.code = "form.error.required";
    if (Object.keys(state.errors).length > 0 || validFrom === "invalid" || validUntil === "invalid")
      return renderActivation(c, deps, unit, state);
    try {
      const attached = await deps.tessera.activation.attach({
        unitId: unit.id,
        code: state.code,
        customerId: state.customerId,
        ...(validFrom ? { validFrom } : {}),
        ...(validUntil ? { validUntil } : {}),
      });
      await recordStaffAction(
        c,
        deps.tessera,
        "activation_code.attached",
        { kind: "activation_code", id: attached.id },
        {
          code: attached.code,
          customerId: state.customerId,
          validFrom: attached.validFrom,
          validUntil: attached.validUntil,
        },
      );
      return c.redirect(
        `/admin/u/${unit.slug}/activation?attached=${encodeURIComponent(normalizeActivationCode(attached.code))}`,
        303,
      );
    } catch (error) {
      if (isTesseraError(error, "activation_code_unknown")) {
        return renderActivation(c, deps, unit, {
          ...state,
          errors: { code: "error.activation_code_unknown" },
          status: 404,
        });
      }
      if (isTesseraError(error, "activation_code_used")) {
        return renderActivation(c, deps, unit, {
          ...state,
          errors: { code: "error.activation_code_used" },
          status: 409,
        });
      }
      if (isTesseraError(error, "validation_failed")) {
        const errors: AttachErrors = {};
        for (const issue of error.details.issues ?? []) {
          const field = String(issue.path[0]);
          if (field === "validUntil") errors.validUntil = "admin.activation.error.untilBeforeFrom";
          else if (field === "validFrom") errors.validFrom = "admin.activation.error.date";
          else if (field === "customerId") errors.customerId = "admin.activation.error.chooseVisitor";
        }
        if (Object.keys(errors).length === 0) errors.form = "form.error.invalid";
        return renderActivation(c, deps, unit, { ...state, errors });
      }
      throw error;
    }
  };
}
