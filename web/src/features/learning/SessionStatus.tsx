import type { SessionOut } from "@mentora/client";
import { Badge, Stack, Text } from "@mantine/core";

type SessionState = Pick<SessionOut, "status" | "end_reason">;

export function endedBecause(session: SessionState): string {
  return session.end_reason === "time_limit" ? "Time ran out" : "You ended it";
}

export function SessionStatus({ session }: { session: SessionState }) {
  if (session.status === "active") return <Badge color="teal.9">Active</Badge>;
  return (
    <Stack gap={2} align="flex-start">
      <Badge color="gray.7">
        Ended
      </Badge>
      <Text size="xs" c="dimmed">
        {endedBecause(session)}
      </Text>
    </Stack>
  );
}
