import type { RoleOut } from "@mentora/client";
import type { Me } from "../../lib/permissions";
import { canGrantAll } from "./role-permissions";

/**
 * Roles to pick from for a user. A role holding a permission the person lacks is shown but
 * not offered: the server refuses handing out more than one holds.
 */
export function roleChoices(roles: RoleOut[], me: Me) {
  return roles.map((role) => {
    const grantable = canGrantAll(me, role.permissions);
    return {
      value: role.name,
      label: grantable ? role.name : `${role.name} (holds permissions you do not have)`,
      disabled: !grantable,
    };
  });
}
