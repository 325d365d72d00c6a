/** Which institution this address names, if any: decides whether sign-in asks for one. */
import type { components } from "@mentora/client";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";

export type PublicInstitution = components["schemas"]["PublicInstitutionOut"];

/** The institution the host names, or null when the person has to name it. */
export function useHostInstitution() {
  return useQuery({
    queryKey: ["host-institution"],
    queryFn: async (): Promise<PublicInstitution | null> =>
      (await api.call("get", "/v1/institution", { authenticated: false })).data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
