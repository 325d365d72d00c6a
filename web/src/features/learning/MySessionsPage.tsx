import type { SessionOut } from "@mentora/client";
import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { paths } from "../../app/paths";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { formatDateTime } from "../../lib/format";
import { useCaseStudyTitles, useMySessions } from "./queries";
import { SessionStatus } from "./SessionStatus";

/** Active sessions first (they can still be worked on), then the newest. */
function byActiveThenNewest(a: SessionOut, b: SessionOut): number {
  if (a.status !== b.status) return a.status === "active" ? -1 : 1;
  return b.started_at.localeCompare(a.started_at);
}

export function MySessionsPage() {
  const sessions = useMySessions();
  const titleOf = useCaseStudyTitles();
  return (
    <Stack>
      <Title order={2}>My sessions</Title>
      {sessions.isPending ? (
        <Loading label="Loading your sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <Text>
          You have not started a session yet.{" "}
          <Anchor component={Link} to={paths.caseStudies} underline="always">
            Choose a case study
          </Anchor>
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Caption>Your tutoring sessions, active ones first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Case study</Table.Th>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...sessions.data].sort(byActiveThenNewest).map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <Anchor component={Link} to={paths.session(session.id)}>
                    {titleOf(session.case_study_id)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDateTime(session.started_at)}</Table.Td>
                <Table.Td>
                  <SessionStatus session={session} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
