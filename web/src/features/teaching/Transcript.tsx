/** A session's conversation as stored, read-only: the tutor's opening, then each turn. */
import { Badge, Box, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import type { MessageOut, SessionDetailOut } from "@mentora/client";
import type { ReactNode } from "react";
import { formatDateTime } from "../../lib/format";

// A turn that did not end as "answered"/"complete" is worth a word to whoever grades it.
const UNFINISHED: Partial<Record<MessageOut["status"], string>> = {
  failed: "Not answered",
  pending: "No reply",
  incomplete: "Reply cut off",
};

export function Transcript({ session, studentName }: { session: SessionDetailOut; studentName: string }) {
  const empty = session.first_message === null && session.messages.length === 0;
  if (empty) return <Text c="dimmed">Nothing was said in this session.</Text>;
  return (
    <Box component="ol" aria-label="Transcript" p={0} m={0} style={{ listStyle: "none" }}>
      <Stack gap="sm">
        {session.first_message !== null && (
          <Turn speaker="Tutor" student={false}>
            {session.first_message}
          </Turn>
        )}
        {session.messages.map((message) => {
          const unfinished = UNFINISHED[message.status];
          return (
            <Turn
              key={message.id}
              speaker={message.role === "student" ? studentName : "Tutor"}
              student={message.role === "student"}
              at={message.created_at}
              note={unfinished === undefined ? null : <Badge color="orange" variant="light">{unfinished}</Badge>}
            >
              {message.content}
            </Turn>
          );
        })}
      </Stack>
    </Box>
  );
}

function Turn({
  speaker,
  student,
  at,
  note = null,
  children,
}: {
  speaker: string;
  student: boolean;
  at?: string;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="li" style={{ alignSelf: student ? "flex-end" : "flex-start", maxWidth: "min(42rem, 92%)" }}>
      <Paper
        p="sm"
        radius="md"
        withBorder
        bg={student ? "blue.0" : "gray.0"}
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
      >
        <Group gap="xs" mb={4} justify="space-between" wrap="wrap">
          <Text size="xs" fw={700} component="span">
            {speaker}
            <VisuallyHidden>:</VisuallyHidden>
          </Text>
          <Group gap="xs">
            {note}
            {at !== undefined && (
              <Text size="xs" c="dimmed" component="time" dateTime={at}>
                {formatDateTime(at)}
              </Text>
            )}
          </Group>
        </Group>
        <div>{children}</div>
      </Paper>
    </Box>
  );
}
