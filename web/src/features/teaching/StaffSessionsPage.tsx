/** The tenant's tutoring sessions, by student and case study; each opens its transcript. */
import { Anchor, Group, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ScrollTable } from "../../components/ScrollTable";
import { paths } from "../../app/paths";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { PageNav } from "../../components/PageNav";
import { FilterSelect } from "./ListControls";
import { useFilters } from "../../lib/use-filters";
import { formatDateTime } from "../../lib/format";
import { useCaseStudies, useStudents } from "./roster";
import { END_REASONS, SessionStatus } from "./session-status";

const PAGE_SIZE = 20;

export function StaffSessionsPage() {
  const filters = useFilters<"student" | "case">();
  const students = useStudents();
  const caseStudies = useCaseStudies();
  const student = filters.value("student");
  const caseStudy = filters.value("case");
  const query = {
    skip: (filters.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(student === null ? {} : { user_id: student }),
    ...(caseStudy === null ? {} : { case_study_id: caseStudy }),
  };
  const sessions = useQuery({
    queryKey: ["teaching", "sessions", query],
    queryFn: () => api.call("get", "/v1/sessions", { query }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Title order={2}>Sessions</Title>
      <Group align="flex-end" gap="md" role="search" aria-label="Filter sessions">
        <FilterSelect
          label="Student"
          everything="All students"
          names={students}
          value={student}
          onChange={(value) => filters.set("student", value)}
        />
        <FilterSelect
          label="Case study"
          everything="All case studies"
          names={caseStudies}
          value={caseStudy}
          onChange={(value) => filters.set("case", value)}
        />
      </Group>
      {sessions.isPending ? (
        <Loading label="Loading sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <>
          <ScrollTable label="Sessions" minWidth={760}>
            <Table striped highlightOnHover aria-label="Sessions" aria-busy={sessions.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Student</Table.Th>
                  <Table.Th scope="col">Case study</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Started</Table.Th>
                  <Table.Th scope="col">Ended</Table.Th>
                  <Table.Th scope="col">Transcript</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.data.map((session) => {
                  const who = students.nameOf(session.user_id);
                  const what = caseStudies.nameOf(session.case_study_id);
                  return (
                    <Table.Tr key={session.id}>
                      <Table.Td>{who}</Table.Td>
                      <Table.Td>{what}</Table.Td>
                      <Table.Td>
                        <SessionStatus status={session.status} />
                      </Table.Td>
                      <Table.Td>
                        <time dateTime={session.started_at}>{formatDateTime(session.started_at)}</time>
                      </Table.Td>
                      <Table.Td>
                        {session.ended_at === null ? (
                          "—"
                        ) : (
                          <Stack gap={0}>
                            <time dateTime={session.ended_at}>{formatDateTime(session.ended_at)}</time>
                            {session.end_reason !== null && (
                              <Text size="xs" c="dimmed">
                                {END_REASONS[session.end_reason]}
                              </Text>
                            )}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={paths.staffSession(session.id)}
                          aria-label={`Transcript of ${who} on ${what}, ${formatDateTime(session.started_at)}`}
                        >
                          Open
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {sessions.data.data.length === 0 && (
            <Text c="dimmed">{student === null && caseStudy === null ? "No sessions yet." : "No sessions match these filters."}</Text>
          )}
          <PageNav
            label="Pages of sessions"
            page={filters.page}
            totalPages={sessions.data.total_pages}
            total={sessions.data.total}
            onChange={filters.setPage}
          />
        </>
      )}
    </Stack>
  );
}
