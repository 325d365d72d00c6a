/**
 * A grade's place in the LMS, on its own row: its status, the background publication's
 * trouble if it has any, and "publish now" with what came of it. An LMS failure belongs to
 * this grade, not to the page, so it is shown here and the rest of the page goes on working.
 */
import { Button, Stack, Text } from "@mantine/core";
import { ApiError, type GradeOut, type JobOut } from "@mentora/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { StateBadge } from "../../components/StateBadge";
import { api } from "../../lib/api";
import { UNAVAILABLE, reactionTo } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { LMS_STATUS_LABELS } from "../../lib/grades";

/** The words for `details.reason` of an LMS failure. */
const LMS_REASONS: Record<string, string> = {
  timeout: "It did not answer in time.",
  unavailable: "It is not available right now.",
  rejected: "It refused Mentora's credentials or the request.",
  bad_response: "Its answer could not be understood.",
  circuit_open: "It has failed repeatedly, so Mentora is waiting a moment before trying it again.",
};

export const GRADES_KEY = ["teaching", "grades"] as const;

export function LmsOutcome({
  grade,
  job,
  canPublish,
  describedAs,
}: {
  grade: GradeOut;
  /** The background job publishing this grade, if the person may see jobs and one exists. */
  job: JobOut | undefined;
  canPublish: boolean;
  /** Whose grade for what, to name the button for screen readers. */
  describedAs: string;
}) {
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => api.grades.publish(grade.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: GRADES_KEY }),
  });
  const shown = publish.data ?? grade;
  const published = shown.lms_status === "published";

  return (
    <Stack gap={4} align="flex-start">
      <StateBadge color={published ? "green" : shown.lms_status === "pending" ? "blue" : "gray"}>
        {LMS_STATUS_LABELS[shown.lms_status]}
      </StateBadge>
      {published && shown.published_at !== null && (
        <Text size="xs" c="dimmed">
          <time dateTime={shown.published_at}>{formatDateTime(shown.published_at)}</time>
        </Text>
      )}
      <div role="status" aria-live="polite">
        {publish.isPending ? (
          <Text size="xs">Publishing…</Text>
        ) : publish.isError ? (
          <PublishFailure error={publish.error} />
        ) : !published && job !== undefined ? (
          <JobTrouble job={job} />
        ) : null}
      </div>
      {canPublish && (
        <Button
          size="compact-xs"
          variant={published ? "subtle" : "light"}
          loading={publish.isPending}
          onClick={() => publish.mutate()}
          aria-label={`${published ? "Publish again" : "Publish"} ${describedAs} to the LMS`}
        >
          {published ? "Publish again" : "Publish to LMS"}
        </Button>
      )}
    </Stack>
  );
}

function PublishFailure({ error }: { error: unknown }) {
  const reaction = reactionTo(error);
  if (reaction.kind === "sign-in") return null; // the auth provider has taken the person to sign in
  if (reaction.kind !== "unavailable") {
    const reference = reaction.kind === "support" && reaction.requestId !== null ? ` (reference ${reaction.requestId})` : "";
    return (
      <Text size="xs" c="red.9">
        Not published: {reaction.message}
        {reference}
      </Text>
    );
  }
  const reason = error instanceof ApiError ? LMS_REASONS[String(error.details["reason"])] : undefined;
  return (
    <Text size="xs" c="red.9">
      {UNAVAILABLE[reaction.service]} {reason ?? reaction.message}
    </Text>
  );
}

/** What the background publication has met so far, while the grade waits. */
function JobTrouble({ job }: { job: JobOut }) {
  if (job.status === "running") return <Text size="xs">Publishing…</Text>;
  if (job.last_error === null) return null;
  const next =
    job.status === "dead"
      ? `Gave up after ${job.attempts} attempts.`
      : `Trying again at ${formatDateTime(job.run_at)} (attempt ${job.attempts + 1} of ${job.max_attempts}).`;
  return (
    <Text size="xs" c="red.9">
      {UNAVAILABLE.lms} {next}{" "}
      <Text span size="xs" c="dimmed">
        Last error: {job.last_error}
      </Text>
    </Text>
  );
}
