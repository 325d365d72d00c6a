/** The tenant's roles, read once and shared by the users and roles screens. */
import type { RoleOut } from "@mentora/client";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";

// A tenant has a handful of roles; one page of the largest size holds them all.
const ALL_ROLES = { limit: 100 };

export const ROLES_KEY = ["admin", "roles"] as const;

export function useRoles() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: async (): Promise<RoleOut[]> => (await api.roles.list(ALL_ROLES)).data,
  });
}
