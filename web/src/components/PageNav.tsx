/** Pages of a list, with a count: one navigator for every paged list. */
import { Group, Pagination, Text } from "@mantine/core";

const CONTROL_NAMES = { first: "First page", previous: "Previous page", next: "Next page", last: "Last page" } as const;

/** Pages of a list; `label` names the list for screen readers ("Pages of grades"). */
export function PageNav({
  label,
  page,
  totalPages,
  total,
  onChange,
}: {
  label: string;
  page: number;
  totalPages: number;
  total: number;
  onChange: (page: number) => void;
}) {
  return (
    <Group component="nav" aria-label={label} justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? "Nothing to show" : `Page ${Math.min(page, totalPages)} of ${totalPages} · ${total} in all`}
      </Text>
      {totalPages > 1 && (
        <Pagination
          total={totalPages}
          value={page}
          onChange={onChange}
          size="sm"
          siblings={0}
          getItemProps={(item) => ({ "aria-label": `Page ${item}`, "aria-current": item === page ? "page" : undefined })}
          getControlProps={(control) => ({ "aria-label": CONTROL_NAMES[control] })}
        />
      )}
    </Group>
  );
}
