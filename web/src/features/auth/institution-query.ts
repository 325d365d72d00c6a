/** Which institution this address names, if any: decides whether sign-in asks for one. */
import { TenantError } from "@mentora/client";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";

export interface PublicInstitution {
  slug: string;
  name: string;
  registration_open: boolean;
}

/** The institution the host names, or null when the person has to name it. */
export function useHostInstitution() {
  return useQuery({
    queryKey: ["host-institution"],
    queryFn: async (): Promise<PublicInstitution | null> => {
      try {
        const body = await api.request<{ data: PublicInstitution }>("GET", "/v1/institution", { authenticated: false });
        return body.data;
      } catch (error) {
        if (error instanceof TenantError) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
