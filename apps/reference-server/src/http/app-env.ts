import type { StaffMember, SupportedLocale } from "@tessera/core";
import type { Translate } from "../i18n/translator";

/** What the middleware puts on each request's context for the routes after it. */
export interface AppEnv {
  Variables: {
    /** The language this response is written in (see `negotiateLocale`). */
    locale: SupportedLocale;
    t: Translate;
    /** Who is signed in, on the back office's routes behind `requireStaff` (read with `signedInStaff`). */
    staff?: StaffMember;
    /** The CSRF token of that session, which every back-office form carries. */
    csrfToken?: string;
  };
}
