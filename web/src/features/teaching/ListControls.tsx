/** The filter choice every teaching list shares. */
import { Select } from "@mantine/core";
import { reactionTo } from "../../lib/errors";
import type { Names } from "./roster";

/** A choice among the tenant's students or case studies; "everything" when none is chosen. */
export function FilterSelect({
  label,
  everything,
  names,
  value,
  onChange,
}: {
  label: string;
  /** What no choice means, e.g. "All students". */
  everything: string;
  names: Names;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  // Without the list the filter cannot be offered, but the page it filters still works.
  const unavailable = names.error === null ? undefined : `Could not load the choices: ${reactionTo(names.error).message}`;
  return (
    <Select
      label={label}
      placeholder={names.isPending ? "Loading…" : everything}
      data={names.choices}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ "aria-label": `Clear ${label.toLowerCase()}` }}
      nothingFoundMessage="No match"
      disabled={names.isPending || unavailable !== undefined}
      error={unavailable}
      w={{ base: "100%", sm: 260 }}
    />
  );
}
