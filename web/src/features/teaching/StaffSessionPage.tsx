/** One session for whoever grades it: who, what, when, how it ended, its grade, the transcript. */
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { GradeOut, SessionDetailOut } from "@mentora/client";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { paths } from "../../app/paths";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { reactionTo } from "../../lib/errors";
import { Transcript } from "./Transcript";
import { formatDateTime, formatScore } from "../../lib/format";
import { useCaseStudies, useStudents } from "./roster";
import { LMS_STATUS_LABELS, RUBRIC } from "../../lib/grades";
import { END_REASONS, SessionStatus } from "./session-status";

export function StaffSessionPage() {
  const { sessionId = "" } = useParams();
  const students = useStudents();
  const caseStudies = useCaseStudies();
  const session = useQuery({
    queryKey: ["teaching", "session", sessionId],
    queryFn: () => api.sessions.get(sessionId),
  });

  if (session.isPending) return <Loading label="Loading the session" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;

  const tutoring = session.data;
  const student = students.nameOf(tutoring.user_id);
  return (
    <Stack>
      <Anchor component={Link} to={paths.staffSessions} size="sm">
        ← All sessions
      </Anchor>
      <Title order={2}>
        {student} · {caseStudies.nameOf(tutoring.case_study_id)}
      </Title>
      <SessionFacts session={tutoring} />
      <GradeOfSession sessionId={tutoring.id} ended={tutoring.status === "ended"} />
      <Title order={3}>Transcript</Title>
      <Transcript session={tutoring} studentName={student} />
    </Stack>
  );
}

function SessionFacts({ session }: { session: SessionDetailOut }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="About this session">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        <Fact term="Status">
          <SessionStatus status={session.status} />
        </Fact>
        <Fact term="Started">
          <time dateTime={session.started_at}>{formatDateTime(session.started_at)}</time>
        </Fact>
        <Fact term={session.ended_at === null ? "Time runs out" : "Ended"}>
          {session.ended_at === null ? (
            <time dateTime={session.expires_at}>{formatDateTime(session.expires_at)}</time>
          ) : (
            <>
              <time dateTime={session.ended_at}>{formatDateTime(session.ended_at)}</time>
              {session.end_reason !== null && ` · ${END_REASONS[session.end_reason]}`}
            </>
          )}
        </Fact>
        <Fact term="Tutor">{session.tutor}</Fact>
      </SimpleGrid>
    </Paper>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={700} tt="uppercase">
        {term}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

function GradeOfSession({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const grade = useQuery({
    queryKey: ["teaching", "session-grade", sessionId],
    queryFn: () => api.grades.forSession(sessionId),
    enabled: ended,
  });
  const body = (() => {
    if (!ended) return <Text c="dimmed">The session is still going: it is graded once it ends.</Text>;
    if (grade.isPending) return <Loading label="Loading the grade" />;
    if (grade.isError) {
      // Grading runs after a session ends, so for a while there is no grade to show.
      if (reactionTo(grade.error).kind === "not-found") return <Text c="dimmed">Not graded yet.</Text>;
      return <ErrorState error={grade.error} onRetry={() => void grade.refetch()} />;
    }
    return <GradeFacts grade={grade.data} />;
  })();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="grade-title">
      <Title order={3} size="h4" id="grade-title" mb="xs">
        Grade
      </Title>
      {body}
    </Paper>
  );
}

function GradeFacts({ grade }: { grade: GradeOut }) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        <Fact term="Final score">
          <Text component="span" fw={700} size="lg">
            {formatScore(grade.final_score)}
          </Text>{" "}
          / 100
        </Fact>
        {RUBRIC.map((part) => (
          <Fact key={part.key} term={part.label}>
            {formatScore(grade[part.key])}
          </Fact>
        ))}
      </SimpleGrid>
      <Text size="sm">{grade.summary}</Text>
      <Group gap="md">
        <Text size="xs" c="dimmed">
          Graded <time dateTime={grade.graded_at}>{formatDateTime(grade.graded_at)}</time> by {grade.grader}
        </Text>
        <Text size="xs" c="dimmed">
          LMS: {LMS_STATUS_LABELS[grade.lms_status]}
          {grade.published_at !== null && (
            <>
              {" "}
              <time dateTime={grade.published_at}>{formatDateTime(grade.published_at)}</time>
            </>
          )}
        </Text>
      </Group>
    </Stack>
  );
}
