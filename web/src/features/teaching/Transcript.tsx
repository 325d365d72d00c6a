/** A session's conversation as stored, read-only: the tutor's opening, then each turn. */
import { Stack, Text } from "@mantine/core";
import type { SessionDetailOut } from "@mentora/client";
import { MessageBubble, MessageNote } from "../../components/MessageBubble";

export function Transcript({ session, studentName }: { session: SessionDetailOut; studentName: string }) {
  const empty = session.first_message === null && session.messages.length === 0;
  if (empty) return <Text c="dimmed">Nothing was said in this session.</Text>;
  return (
    <Stack component="ol" aria-label="Transcript" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {session.first_message !== null && (
        <MessageBubble speaker="Tutor" student={false}>
          {session.first_message}
        </MessageBubble>
      )}
      {session.messages.map((message) => (
        <MessageBubble
          key={message.id}
          speaker={message.role === "student" ? studentName : "Tutor"}
          student={message.role === "student"}
          at={message.created_at}
          note={<MessageNote message={message} />}
        >
          {message.content}
        </MessageBubble>
      ))}
    </Stack>
  );
}
