import type { SessionDetailOut } from "@mentora/client";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { MessageBubble, MessageNote } from "../../components/MessageBubble";
import { type Turn, waitingTurn } from "./use-turn";

const SPEAKER_NAMES: Record<"student" | "tutor", string> = { student: "You", tutor: "Tutor" };

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
      {session.first_message !== null && (
        <MessageBubble speaker={SPEAKER_NAMES.tutor} student={false}>
          {session.first_message}
        </MessageBubble>
      )}
      {session.messages.map((message) => (
        <MessageBubble
          key={message.id}
          speaker={SPEAKER_NAMES[message.role]}
          student={message.role === "student"}
          note={<MessageNote message={message} />}
        >
          {message.content}
          {message.id === waiting?.id && onRetry !== undefined && (
            <Group mt="xs">
              <Button size="compact-sm" variant="white" onClick={() => onRetry(message.content)}>
                Retry
              </Button>
            </Group>
          )}
        </MessageBubble>
      ))}
      {sending !== null && !resending && (
        <MessageBubble speaker={SPEAKER_NAMES.student} student>
          {sending.content}
        </MessageBubble>
      )}
      {sending !== null && <StreamingReply text={sending.reply} />}
    </Stack>
  );
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
    <MessageBubble speaker={SPEAKER_NAMES.tutor} student={false} busy ref={end}>
      {text === "" ? (
        <Text component="span" c="dimmed" fs="italic">
          The tutor is writing…
        </Text>
      ) : (
        text
      )}
    </MessageBubble>
  );
}
