import type { SessionDetailOut } from "@mentora/client";
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title, VisuallyHidden } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { paths } from "../../app/paths";
import { Loading } from "../../components/Loading";
import { ErrorState, NotFoundView, ReactionView, UnavailableNotice } from "../../components/Problem";
import { useMe } from "../../lib/auth";
import { can } from "../../lib/permissions";
import { Conversation } from "./Conversation";
import { EndSessionButton } from "./EndSessionButton";
import { formatDateTime } from "../../lib/format";
import { gradeLink } from "./grade-anchor";
import { learningKeys, useCaseStudyTitles, useSession, useSessionGrade } from "./queries";
import { endedBecause, SessionStatus } from "./SessionStatus";
import { TimeLeft } from "./TimeLeft";
import { type Turn, useTurn } from "./use-turn";

// The server's limit on one message.
const MAX_MESSAGE_LENGTH = 4000;
const NO_TURN: Turn = { phase: "idle" };

export function SessionPage() {
  const { sessionId } = useParams();
  if (sessionId === undefined) return <NotFoundView />;
  return <SessionScreen key={sessionId} sessionId={sessionId} />;
}

function SessionScreen({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);
  const titleOf = useCaseStudyTitles();
  if (session.isPending) return <Loading label="Loading the session" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const title = titleOf(session.data.case_study_id);
  return session.data.status === "active" ? (
    <ActiveSession session={session.data} title={title} />
  ) : (
    <EndedSession session={session.data} title={title} />
  );
}

function SessionHeading({ session, title }: { session: SessionDetailOut; title: string }) {
  return (
    <Group justify="space-between" align="flex-start" gap="xs">
      <Stack gap={2}>
        <Title order={2}>{title}</Title>
        <Text size="sm" c="dimmed">
          Started {formatDateTime(session.started_at)}
        </Text>
      </Stack>
      <SessionStatus session={session} />
    </Group>
  );
}

function ActiveSession({ session, title }: { session: SessionDetailOut; title: string }) {
  const queryClient = useQueryClient();
  const { turn, send, announcement } = useTurn(session.id);
  const [draft, setDraft] = useState("");
  const sending = turn.phase === "sending";

  const sendDraft = async () => {
    const content = draft.trim();
    if (content === "" || sending) return;
    setDraft("");
    // A message the server never stored goes back in the box, unless something new is being written there.
    if ((await send(content)) === "unsent") setDraft((current) => (current === "" ? content : current));
  };
  const retry = (content: string) => void send(content);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void sendDraft();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void sendDraft();
    }
  };
  const timeIsUp = () => void queryClient.invalidateQueries({ queryKey: learningKeys.session(session.id), exact: true });

  return (
    <Stack>
      <SessionHeading session={session} title={title} />
      <Group justify="space-between" gap="xs">
        <TimeLeft expiresAt={session.expires_at} onExpired={timeIsUp} />
        <EndSessionButton sessionId={session.id} disabled={sending} />
      </Group>
      <Conversation session={session} turn={turn} onRetry={sending ? undefined : retry} />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <TurnProblemNotice turn={turn} onResendDraft={() => void sendDraft()} onRetry={retry} />
      <Paper component="form" onSubmit={onSubmit} withBorder p="sm" radius="md" aria-label="Send a message">
        <Stack gap="xs">
          <Textarea
            label="Your message"
            description="Enter sends it; Shift+Enter starts a new line."
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={MAX_MESSAGE_LENGTH}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={sending} disabled={draft.trim() === ""}>
              Send
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

interface TurnProblemNoticeProps {
  turn: Turn;
  /** Send what is in the box again: where a message the server never stored was put back. */
  onResendDraft: () => void;
  onRetry: (content: string) => void;
}

function TurnProblemNotice({ turn, onResendDraft, onRetry }: TurnProblemNoticeProps) {
  if (turn.phase !== "failed") return null;
  const { problem, kept, content } = turn;
  if (problem.kind === "dropped") {
    return (
      <Alert color="orange" title="The connection was lost before the reply arrived" role="alert">
        {kept
          ? "Your message is kept: select Retry under it to get the tutor's reply."
          : "Your message is back in the box: send it again."}
      </Alert>
    );
  }
  const { reaction } = problem;
  // The Retry under the kept message resends it; a second button here would do the same.
  if (reaction.kind === "unavailable") return <UnavailableNotice reaction={reaction} />;
  return <ReactionView reaction={reaction} onRetry={kept ? () => onRetry(content) : onResendDraft} />;
}

function EndedSession({ session, title }: { session: SessionDetailOut; title: string }) {
  const me = useMe();
  const seesGrades = can(me, "GRADES.can_view");
  const grade = useSessionGrade(session.id, seesGrades);
  return (
    <Stack>
      <SessionHeading session={session} title={title} />
      <Alert color="gray" title="This session has ended" role="status">
        <Stack gap="xs">
          <Text size="sm">
            {endedBecause(session)}
            {session.ended_at !== null && ` on ${formatDateTime(session.ended_at)}`}. The conversation is kept below,
            read-only.
          </Text>
          {seesGrades &&
            (grade.data ? (
              <Group>
                <Button component={Link} to={gradeLink(session.id)} variant="light">
                  See your grade
                </Button>
              </Group>
            ) : grade.isError ? (
              <ErrorState error={grade.error} onRetry={() => void grade.refetch()} />
            ) : (
              <Text size="sm">Your grade will appear here and under My grades once grading has finished.</Text>
            ))}
          <Anchor component={Link} to={paths.mySessions} size="sm">
            Back to my sessions
          </Anchor>
        </Stack>
      </Alert>
      <Conversation session={session} turn={NO_TURN} />
    </Stack>
  );
}
