import { Badge } from "@mantine/core";
import type { SessionOut } from "@mentora/client";

export const END_REASONS: Record<NonNullable<SessionOut["end_reason"]>, string> = {
  student: "Ended by the student",
  time_limit: "Time ran out",
};

// A badge clips its text to fit; in a narrow table column it would read "END…".
const WHOLE = { miw: "max-content" } as const;

export function SessionStatus({ status }: { status: SessionOut["status"] }) {
  return status === "active" ? (
    <Badge color="green" variant="light" {...WHOLE}>
      Active
    </Badge>
  ) : (
    <Badge color="gray" variant="light" {...WHOLE}>
      Ended
    </Badge>
  );
}
