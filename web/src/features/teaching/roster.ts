/**
 * Who and what the teaching screens name: the tenant's students and case studies, read
 * once and shared by every screen (the filters' choices, and names instead of ids).
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../lib/api";
import { fetchAllPages } from "../../lib/all-pages";

// Enough for a large course; past it a filter still works, a name shows as its id.
const MAX_NAMED = 2000;
const ROSTER_STALE_MS = 5 * 60_000;

export interface Choice {
  value: string;
  label: string;
}

export interface Names {
  choices: Choice[];
  nameOf(id: string): string;
  isPending: boolean;
  error: unknown;
}

interface Named {
  id: string;
  name: string;
  /** Tells two of the same name apart in a list of choices. */
  detail?: string;
}

function useNames(named: Named[] | undefined, query: { isPending: boolean; error: unknown }): Names {
  const lookup = useMemo(() => {
    const byId = new Map((named ?? []).map((entry) => [entry.id, entry]));
    const choices = [...byId.values()]
      .map((entry) => ({ value: entry.id, label: entry.detail === undefined ? entry.name : `${entry.name} (${entry.detail})` }))
      .sort((a, b) => a.label.localeCompare(b.label));
    return { choices, nameOf: (id: string) => byId.get(id)?.name ?? `Unknown (${id.slice(0, 8)})` };
  }, [named]);
  return { ...lookup, isPending: query.isPending, error: query.error };
}

export function useStudents(): Names {
  const query = useQuery({
    queryKey: ["teaching", "students"],
    queryFn: async () => {
      const { rows } = await fetchAllPages((page) => api.users.list({ ...page, role: "STUDENT" }), MAX_NAMED);
      return rows.map((user): Named => ({ id: user.id, name: user.name, detail: user.email }));
    },
    staleTime: ROSTER_STALE_MS,
  });
  return useNames(query.data, query);
}

export function useCaseStudies(): Names {
  const query = useQuery({
    queryKey: ["teaching", "case-studies"],
    queryFn: async () => {
      const { rows } = await fetchAllPages((page) => api.consoleCaseStudies.list(page), MAX_NAMED);
      return rows.map((caseStudy): Named => ({ id: caseStudy.id, name: caseStudy.title }));
    },
    staleTime: ROSTER_STALE_MS,
  });
  return useNames(query.data, query);
}
