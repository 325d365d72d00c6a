/**
 * The tenant's grades: filtered by student, case study and LMS status; their spread per case
 * study; a CSV of exactly what the filter holds; and publishing each to the LMS.
 */
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import type { GradeOut, JobOut } from "@mentora/client";
import { type UseQueryResult, keepPreviousData, useQuery } from "@tanstack/react-query";
import { Suspense, lazy, useMemo, useState } from "react";
import { Link } from "react-router";
import { ScrollTable } from "../../components/ScrollTable";
import { paths } from "../../app/paths";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useMe } from "../../lib/auth";
import { can } from "../../lib/permissions";
import { PageNav } from "../../components/PageNav";
import { FilterSelect } from "./ListControls";
import { GRADES_KEY, LmsOutcome } from "./LmsOutcome";
import { type AllRows, fetchAllPages } from "../../lib/all-pages";
import { type Cell, datedFileName, downloadCsv, toCsv } from "./csv";
import { useFilters } from "../../lib/use-filters";
import { formatDateTime, formatScore } from "../../lib/format";
import { type Names, useCaseStudies, useStudents } from "./roster";
import { LMS_STATUS_LABELS, RUBRIC } from "../../lib/grades";

// The chart library is most of the page's weight: the table need not wait for it.
const ScoreDistribution = lazy(async () => ({ default: (await import("./ScoreDistribution")).ScoreDistribution }));

const PAGE_SIZE = 20;
// The chart and the export read the whole filter; past this many they say they stopped.
const MAX_EXPORTED = 5000;
// A grade waiting for the LMS is looked at again every few seconds, for a while.
const POLL_EVERY_MS = 4000;
const POLL_FOR_MS = 3 * 60_000;

type LmsStatus = GradeOut["lms_status"];
const LMS_CHOICES = (Object.keys(LMS_STATUS_LABELS) as LmsStatus[]).map((value) => ({ value, label: LMS_STATUS_LABELS[value] }));

function isLmsStatus(value: string | null): value is LmsStatus {
  return value !== null && value in LMS_STATUS_LABELS;
}

export function StaffGradesPage() {
  const me = useMe();
  const filters = useFilters<"student" | "case" | "lms">();
  const students = useStudents();
  const caseStudies = useCaseStudies();
  const student = filters.value("student");
  const caseStudy = filters.value("case");
  const lmsParam = filters.value("lms");
  const lmsStatus = isLmsStatus(lmsParam) ? lmsParam : null;
  const filter = {
    ...(student === null ? {} : { user_id: student }),
    ...(caseStudy === null ? {} : { case_study_id: caseStudy }),
    ...(lmsStatus === null ? {} : { lms_status: lmsStatus }),
  };

  const pageQuery = { ...filter, skip: (filters.page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const polling = usePollingWindow();
  const grades = useQuery({
    queryKey: [...GRADES_KEY, "page", pageQuery],
    queryFn: () => api.call("get", "/v1/grades", { query: pageQuery }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => polling.interval(hasWaiting(query.state.data?.data)),
  });
  const everyGrade = useQuery({
    queryKey: [...GRADES_KEY, "all", filter],
    queryFn: () => fetchAllPages((page) => api.call("get", "/v1/grades", { query: { ...filter, ...page } }), MAX_EXPORTED),
  });
  const waiting = hasWaiting(grades.data?.data);
  const publishJobs = usePublishJobs(waiting && can(me, "LMS.can_view"), polling.interval(waiting));
  const canPublish = can(me, "LMS.can_create");

  return (
    <Stack>
      <Title order={2}>Grades</Title>
      <Group align="flex-end" gap="md" role="search" aria-label="Filter grades">
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
        <Select
          label="LMS status"
          placeholder="Any status"
          data={LMS_CHOICES}
          value={lmsStatus}
          onChange={(value) => filters.set("lms", value)}
          clearable
          clearButtonProps={{ "aria-label": "Clear LMS status" }}
          w={{ base: "100%", sm: 220 }}
        />
      </Group>
      {grades.isPending ? (
        <Loading label="Loading grades" />
      ) : grades.isError ? (
        <ErrorState error={grades.error} onRetry={() => void grades.refetch()} />
      ) : (
        <>
          <GradesTable
            grades={grades.data.data}
            busy={grades.isFetching}
            students={students}
            caseStudies={caseStudies}
            jobs={publishJobs}
            canPublish={canPublish}
          />
          {grades.data.data.length === 0 && (
            <Text c="dimmed">{Object.keys(filter).length === 0 ? "No grades yet." : "No grades match these filters."}</Text>
          )}
          <PageNav
            label="Pages of grades"
            page={filters.page}
            totalPages={grades.data.total_pages}
            total={grades.data.total}
            onChange={filters.setPage}
          />
        </>
      )}
      <WholeFilter
        query={everyGrade}
        students={students}
        caseStudies={caseStudies}
      />
    </Stack>
  );
}

function GradesTable({
  grades,
  busy,
  students,
  caseStudies,
  jobs,
  canPublish,
}: {
  grades: GradeOut[];
  busy: boolean;
  students: Names;
  caseStudies: Names;
  jobs: Map<string, JobOut>;
  canPublish: boolean;
}) {
  return (
    <ScrollTable label="Grades" minWidth={980}>
      <Table striped highlightOnHover aria-label="Grades" aria-busy={busy} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {GRADE_COLUMNS.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
            <Table.Th scope="col">LMS</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grades.map((grade) => {
            const who = students.nameOf(grade.user_id);
            const what = caseStudies.nameOf(grade.case_study_id);
            return (
              <Table.Tr key={grade.id}>
                <Table.Td>
                  <Anchor component={Link} to={paths.staffSession(grade.session_id)} aria-label={`${who}: transcript of the session on ${what}`}>
                    {who}
                  </Anchor>
                </Table.Td>
                <Table.Td>{what}</Table.Td>
                <Table.Td fw={700}>{formatScore(grade.final_score)}</Table.Td>
                {RUBRIC.map((part) => (
                  <Table.Td key={part.key}>{formatScore(grade[part.key])}</Table.Td>
                ))}
                <Table.Td>
                  <time dateTime={grade.graded_at}>{formatDateTime(grade.graded_at)}</time>
                </Table.Td>
                <Table.Td>
                  <LmsOutcome grade={grade} job={jobs.get(grade.id)} canPublish={canPublish} describedAs={`${who}'s grade for ${what}`} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The table's columns before the LMS one; the CSV has the same, in the same order. */
const GRADE_COLUMNS = ["Student", "Case study", "Final score", ...RUBRIC.map((part) => part.label), "Graded"];

function csvOf(grades: readonly GradeOut[], students: Names, caseStudies: Names): string {
  const header = [...GRADE_COLUMNS, "LMS status", "Published", "Summary"];
  const rows = grades.map((grade): Cell[] => [
    students.nameOf(grade.user_id),
    caseStudies.nameOf(grade.case_study_id),
    grade.final_score,
    ...RUBRIC.map((part) => grade[part.key]),
    grade.graded_at,
    LMS_STATUS_LABELS[grade.lms_status],
    grade.published_at,
    grade.summary,
  ]);
  return toCsv(header, rows);
}

/** What needs every grade of the filter, not one page: the chart and the export. */
function WholeFilter({
  query,
  students,
  caseStudies,
}: {
  query: UseQueryResult<AllRows<GradeOut>>;
  students: Names;
  caseStudies: Names;
}) {
  if (query.isPending) return <Loading label="Loading the score distribution" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { rows, total } = query.data;
  const cut = total > rows.length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="All grades of this filter">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Text size="sm">
            {rows.length === 1 ? "1 grade" : `${rows.length} grades`} in this filter
            {cut && ` (the first ${rows.length} of ${total})`}
          </Text>
          <Button
            variant="default"
            size="sm"
            disabled={rows.length === 0}
            onClick={() => downloadCsv(datedFileName("grades"), csvOf(rows, students, caseStudies))}
          >
            Export CSV
          </Button>
        </Group>
        {cut && (
          <Alert color="yellow" role="status">
            Only the first {rows.length} grades are charted and exported. Narrow the filter to see the rest.
          </Alert>
        )}
        <Suspense fallback={<Loading label="Loading the chart" />}>
          <ScoreDistribution grades={rows} caseStudyName={caseStudies.nameOf} />
        </Suspense>
      </Stack>
    </Paper>
  );
}

function hasWaiting(grades: GradeOut[] | undefined): boolean {
  return grades?.some((grade) => grade.lms_status === "pending") ?? false;
}

/**
 * How often to look again at grades that wait on the LMS: bounded, so a publication that keeps
 * failing stops being asked about after a while (its row says why); reloading starts again.
 */
function usePollingWindow(): { interval: (waiting: boolean) => number | false } {
  const [since] = useState(() => Date.now());
  return useMemo(
    () => ({ interval: (waiting: boolean) => (waiting && Date.now() - since < POLL_FOR_MS ? POLL_EVERY_MS : false) }),
    [since],
  );
}

/** The latest publication job of each grade, by grade id (only for people who may see jobs). */
function usePublishJobs(enabled: boolean, refetchInterval: number | false): Map<string, JobOut> {
  const jobs = useQuery({
    queryKey: ["teaching", "publish-jobs"],
    queryFn: () => api.jobs.list({ kind: "publish_grade", limit: 100 }),
    enabled,
    refetchInterval,
  });
  return useMemo(() => {
    const latest = new Map<string, JobOut>();
    // Newest first: the first job seen for a grade is its latest.
    for (const job of jobs.data?.data ?? []) {
      const gradeId = job.payload["grade_id"];
      if (typeof gradeId === "string" && !latest.has(gradeId)) latest.set(gradeId, job);
    }
    return latest;
  }, [jobs.data]);
}
