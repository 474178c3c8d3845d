import type { Unit } from "@tessera/core";
import type { StudioBrand } from "../views/view-renderer";

/** A unit's pages carry the studio's name, linking to its all-plans page, not the product's. */
export function studioBrand(unit: Unit): StudioBrand {
  return { name: unit.name, href: `/u/${unit.slug}` };
}
