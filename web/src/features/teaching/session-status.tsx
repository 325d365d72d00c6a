import type { SessionOut } from "@mentora/client";
import { StateBadge } from "../../components/StateBadge";

export const END_REASONS: Record<NonNullable<SessionOut["end_reason"]>, string> = {
  student: "Ended by the student",
  time_limit: "Time ran out",
};

export function SessionStatus({ status }: { status: SessionOut["status"] }) {
  return status === "active" ? <StateBadge color="green">Active</StateBadge> : <StateBadge color="gray">Ended</StateBadge>;
}
