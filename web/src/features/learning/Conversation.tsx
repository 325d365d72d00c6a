import type { MessageOut, SessionDetailOut } from "@mentora/client";
import { Badge, Box, Button, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { type ReactNode, type Ref, useEffect, useRef } from "react";
import { type Turn, waitingTurn } from "./use-turn";

type Speaker = "student" | "tutor";

const SPEAKER_NAMES: Record<Speaker, string> = { student: "You", tutor: "Tutor" };

interface ConversationProps {
  session: SessionDetailOut;
  turn: Turn;
  /** Resend the student's unanswered message; absent while a turn is under way or the session has ended. */
  onRetry?: ((content: string) => void) | undefined;
}

/** The transcript as stored, then the turn in progress as it streams in. */
export function Conversation({ session, turn, onRetry }: ConversationProps) {
  const waiting = waitingTurn(session);
  const sending = turn.phase === "sending" ? turn : null;
  const resending = sending !== null && waiting?.content === sending.content;

  return (
    <Stack component="ol" aria-label="Conversation" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {session.first_message !== null && <Bubble speaker="tutor">{session.first_message}</Bubble>}
      {session.messages.map((message) => (
        <Bubble key={message.id} speaker={message.role} note={<MessageNote message={message} />}>
          {message.content}
          {message.id === waiting?.id && onRetry !== undefined && (
            <Group mt="xs">
              <Button size="compact-sm" variant="white" onClick={() => onRetry(message.content)}>
                Retry
              </Button>
            </Group>
          )}
        </Bubble>
      ))}
      {sending !== null && !resending && <Bubble speaker="student">{sending.content}</Bubble>}
      {sending !== null && <StreamingReply text={sending.reply} />}
    </Stack>
  );
}

function MessageNote({ message }: { message: MessageOut }) {
  switch (message.status) {
    case "failed":
      return <Badge color="red.9">Not answered</Badge>;
    case "pending":
      return <Badge color="gray.7">No reply yet</Badge>;
    case "incomplete":
      return <Badge color="red.9">Reply cut off</Badge>;
    default:
      return null;
  }
}

/**
 * Shown as it is written but hidden from the accessibility tree's live updates
 * (`aria-busy`); the finished reply is announced once, whole, by the page.
 */
function StreamingReply({ text }: { text: string }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [text]);
  return (
    <Bubble speaker="tutor" busy ref={end}>
      {text === "" ? (
        <Text component="span" c="dimmed" fs="italic">
          The tutor is writing…
        </Text>
      ) : (
        text
      )}
    </Bubble>
  );
}

interface BubbleProps {
  speaker: Speaker;
  children: ReactNode;
  note?: ReactNode;
  busy?: boolean;
  ref?: Ref<HTMLLIElement>;
}

function Bubble({ speaker, children, note, busy = false, ref }: BubbleProps) {
  const mine = speaker === "student";
  return (
    <Box
      component="li"
      ref={ref}
      aria-busy={busy || undefined}
      style={{ alignSelf: mine ? "flex-end" : "flex-start", maxWidth: "min(42rem, 90%)" }}
    >
      <Paper
        p="sm"
        radius="md"
        bg={mine ? "blue.8" : "gray.1"}
        c={mine ? "white" : "inherit"}
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
      >
        <Group gap="xs" mb={4} justify="space-between" wrap="nowrap">
          <Text size="xs" fw={700} component="span">
            {SPEAKER_NAMES[speaker]}
            <VisuallyHidden>:</VisuallyHidden>
          </Text>
          {note}
        </Group>
        <div>{children}</div>
      </Paper>
    </Box>
  );
}
