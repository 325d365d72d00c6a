/** Background jobs (grading, LMS publishing): what ran, what failed and why; dead jobs can be run again. */
import { Button, Code, Drawer, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import type { JobDetailOut, JobOut, JobQuery } from "@mentora/client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ScrollTable } from "../../components/ScrollTable";
import { FormProblems } from "../../components/FormProblems";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useMe } from "../../lib/auth";
import { can } from "../../lib/permissions";
import { useApiForm } from "../../lib/use-api-form";
import { PageNav } from "../../components/PageNav";
import { useFilters } from "../../lib/use-filters";
import { formatDateTime } from "../../lib/format";
import { DIALOG_CHROME } from "../../components/Dialog";
import { StateBadge, type StateColor } from "../../components/StateBadge";

type Status = JobOut["status"];
type Outcome = JobDetailOut["history"][number]["outcome"];

const PAGE_SIZE = 20;
const JOB_LIST_KEY = ["admin", "jobs", "list"] as const;
const jobKey = (jobId: string) => ["admin", "jobs", "detail", jobId] as const;
// While a job waits or runs, its outcome is worth watching for.
const WATCH_MS = 2000;

type Shown = { label: string; color: StateColor };

const STATUSES: Record<Status, Shown> = {
  queued: { label: "Queued", color: "blue" },
  running: { label: "Running", color: "grape" },
  succeeded: { label: "Succeeded", color: "green" },
  dead: { label: "Dead", color: "red" },
};
const OUTCOMES: Record<Outcome, Shown> = {
  running: { label: "Running", color: "grape" },
  succeeded: { label: "Succeeded", color: "green" },
  failed: { label: "Failed", color: "red" },
  abandoned: { label: "Abandoned", color: "gray" },
};
const RETRY_OUTCOMES: Record<Status, string> = {
  queued: "Queued again; the outcome shows here when it has run.",
  running: "Running again; the outcome shows here when it has run.",
  succeeded: "The retry succeeded.",
  dead: "The retry failed again; see the last error.",
};
const STATUS_CHOICES = Object.entries(STATUSES).map(([value, { label }]) => ({ value, label }));

/** `publish_grade` -> "Publish grade". */
function describeKind(kind: string): string {
  const words = kind.replace(/[_.]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isStatus(value: string | null): value is Status {
  return value !== null && value in STATUSES;
}

function StatusBadge({ status }: { status: Status }) {
  return (
    <StateBadge color={STATUSES[status].color}>
      {STATUSES[status].label}
    </StateBadge>
  );
}

function watching(status: Status | undefined): boolean {
  return status === "queued" || status === "running";
}

export function JobsPage() {
  const filters = useFilters<"status">();
  const [openJob, setOpenJob] = useState<JobOut | null>(null);
  const status = filters.value("status");
  const query: JobQuery = {
    skip: (filters.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(isStatus(status) ? { status } : {}),
  };
  const jobs = useQuery({
    queryKey: [...JOB_LIST_KEY, query],
    queryFn: () => api.jobs.list(query),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (current.state.data?.data.some((job) => watching(job.status)) ? WATCH_MS : false),
  });

  return (
    <Stack>
      <Title order={2}>Jobs</Title>
      <Group align="flex-end" role="search" aria-label="Filter jobs">
        <Select
          label="Status"
          placeholder="All statuses"
          data={STATUS_CHOICES}
          value={isStatus(status) ? status : null}
          onChange={(value) => filters.set("status", value)}
          clearable
          clearButtonProps={{ "aria-label": "Clear status" }}
          w={{ base: "100%", sm: 220 }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {jobs.isPending ? (
        <Loading label="Loading jobs" />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <>
          <ScrollTable label="Jobs" minWidth={980}>
            <Table striped highlightOnHover aria-label="Jobs" aria-busy={jobs.isFetching} style={{ whiteSpace: "nowrap" }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Job</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Last error</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Finished</Table.Th>
                  <Table.Th scope="col">Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.data.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Th scope="row" fw={500}>
                      {describeKind(job.kind)}
                    </Table.Th>
                    <Table.Td>
                      <StatusBadge status={job.status} />
                    </Table.Td>
                    <Table.Td>
                      {job.attempts} of {job.max_attempts}
                    </Table.Td>
                    <Table.Td miw={160} maw={320}>
                      <Text size="sm" lineClamp={2} style={{ whiteSpace: "normal" }}>
                        {job.last_error ?? "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <time dateTime={job.created_at}>{formatDateTime(job.created_at)}</time>
                    </Table.Td>
                    <Table.Td>
                      {job.finished_at === null ? "—" : <time dateTime={job.finished_at}>{formatDateTime(job.finished_at)}</time>}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setOpenJob(job)}
                        aria-label={`Details of ${describeKind(job.kind)}, ${formatDateTime(job.created_at)}`}
                      >
                        Details
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {jobs.data.data.length === 0 && <Text c="dimmed">{status === null ? "No jobs yet." : "No jobs with this status."}</Text>}
          <PageNav label="Pages of jobs" page={filters.page} totalPages={jobs.data.total_pages} total={jobs.data.total} onChange={filters.setPage} />
        </>
      )}
      <Drawer
        opened={openJob !== null}
        onClose={() => setOpenJob(null)}
        title={openJob === null ? "Job" : describeKind(openJob.kind)}
        position="right"
        size="lg"
        {...DIALOG_CHROME}
      >
        {openJob !== null && <JobDetail jobId={openJob.id} />}
      </Drawer>
    </Stack>
  );
}

const NO_FIELDS: readonly string[] = [];

function JobDetail({ jobId }: { jobId: string }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const retry = useApiForm(NO_FIELDS);
  const [retried, setRetried] = useState(false);
  const job = useQuery({
    queryKey: jobKey(jobId),
    queryFn: () => api.jobs.get(jobId),
    refetchInterval: (current) => (watching(current.state.data?.status) ? WATCH_MS : false),
  });

  if (job.isPending) return <Loading label="Loading the job" />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;

  const detail = job.data;
  const runAgain = async () => {
    const sent = await retry.submit(async () => {
      const refreshed = await api.jobs.retry(jobId);
      queryClient.setQueryData(jobKey(jobId), refreshed);
    });
    if (sent) {
      setRetried(true);
      void queryClient.invalidateQueries({ queryKey: JOB_LIST_KEY });
    }
  };

  return (
    <Stack>
      <Group gap="xs" aria-live="polite">
        <Text fw={500}>Status:</Text>
        <StatusBadge status={detail.status} />
        {retried && (
          <Text size="sm" c="dimmed">
            {RETRY_OUTCOMES[detail.status]}
          </Text>
        )}
      </Group>
      <Text size="sm">
        Attempts: {detail.attempts} of {detail.max_attempts} · Created {formatDateTime(detail.created_at)}
        {detail.finished_at === null ? "" : ` · Finished ${formatDateTime(detail.finished_at)}`}
      </Text>
      {detail.last_error !== null && (
        <Stack gap={4}>
          <Text fw={500}>Last error</Text>
          <Code block>{detail.last_error}</Code>
        </Stack>
      )}
      {detail.status === "dead" && can(me, "LMS.can_edit") && (
        <Stack gap="xs">
          <FormProblems problems={retry.problems} />
          <Group>
            <Button onClick={() => void runAgain()} loading={retry.pending}>
              Retry
            </Button>
          </Group>
        </Stack>
      )}
      <Stack gap={4}>
        <Text fw={500}>What it works on</Text>
        <Code block>{JSON.stringify(detail.payload, null, 2)}</Code>
      </Stack>
      <Title order={3} size="h4">
        Attempts
      </Title>
      <ScrollTable label="Attempts" minWidth={480}>
        <Table aria-label="Attempts" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.history.map((attempt) => (
              <Table.Tr key={attempt.number}>
                <Table.Td>{attempt.number}</Table.Td>
                <Table.Td>
                  <StateBadge color={OUTCOMES[attempt.outcome].color}>
                    {OUTCOMES[attempt.outcome].label}
                  </StateBadge>
                </Table.Td>
                <Table.Td>
                  <time dateTime={attempt.started_at}>{formatDateTime(attempt.started_at)}</time>
                </Table.Td>
                <Table.Td>{attempt.error ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {detail.history.length === 0 && <Text c="dimmed">No attempts yet.</Text>}
    </Stack>
  );
}
