/** One turn of a tutoring conversation, as students and staff both see it. */
import { Badge, Box, Group, Paper, Text, VisuallyHidden } from "@mantine/core";
import type { MessageOut } from "@mentora/client";
import type { ReactNode, Ref } from "react";
import { formatDateTime } from "../lib/format";

interface MessageBubbleProps {
  /** Who spoke, as read out: "You", "Tutor", a student's name. */
  speaker: string;
  /** The student's side of the conversation (right, filled). */
  student: boolean;
  children: ReactNode;
  note?: ReactNode;
  /** When it was said, for a transcript read afterwards. */
  at?: string | undefined;
  /** Still being written: screen readers wait for the whole reply. */
  busy?: boolean;
  ref?: Ref<HTMLLIElement>;
}

export function MessageBubble({ speaker, student, children, note = null, at, busy = false, ref }: MessageBubbleProps) {
  return (
    <Box
      component="li"
      ref={ref}
      aria-busy={busy || undefined}
      style={{ alignSelf: student ? "flex-end" : "flex-start", maxWidth: "min(42rem, 90%)" }}
    >
      <Paper
        p="sm"
        radius="md"
        bg={student ? "blue.8" : "gray.1"}
        c={student ? "white" : "inherit"}
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
              <Text size="xs" c={student ? "white" : "dimmed"} component="time" dateTime={at}>
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

// A turn that did not end as "answered"/"complete" says so, to the student and to whoever grades it.
const UNFINISHED: Partial<Record<MessageOut["status"], { label: string; color: string }>> = {
  failed: { label: "Not answered", color: "red.9" },
  pending: { label: "No reply yet", color: "gray.7" },
  incomplete: { label: "Reply cut off", color: "red.9" },
};

export function MessageNote({ message }: { message: MessageOut }) {
  const unfinished = UNFINISHED[message.status];
  return unfinished === undefined ? null : <Badge color={unfinished.color}>{unfinished.label}</Badge>;
}
