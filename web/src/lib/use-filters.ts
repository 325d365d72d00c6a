/**
 * A list's filters and page, kept in the address: a filtered list can be bookmarked or
 * shared, and Back returns to the same rows after opening one.
 */
import { useCallback } from "react";
import { useSearchParams } from "react-router";

export interface Filters<K extends string> {
  value(key: K): string | null;
  page: number;
  /** Set a filter (null clears it); the list starts again at its first page. */
  set(key: K, value: string | null): void;
  setPage(page: number): void;
}

const PAGE = "page";

export function useFilters<K extends string>(): Filters<K> {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get(PAGE) ?? "1", 10) || 1);

  const set = useCallback(
    (key: K, value: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
        next.delete(PAGE);
        return next;
      }),
    [setParams],
  );

  const setPage = useCallback(
    (target: number) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (target <= 1) next.delete(PAGE);
        else next.set(PAGE, String(target));
        return next;
      }),
    [setParams],
  );

  return { value: (key) => params.get(key), page, set, setPage };
}
