import "@mantine/charts/styles.css";
import type { GradeOut } from "@mentora/client";
import { BarChart } from "@mantine/charts";
import { Anchor, Box, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { Link, useLocation } from "react-router";
import { paths } from "../../app/paths";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { formatDateTime } from "../../lib/format";
import { useCaseStudyTitles, useMyGrades } from "./queries";
import { gradeAnchor } from "./grade-anchor";
import { percent, rubricScores, scoreText } from "../../lib/grades";

export function MyGradesPage() {
  const grades = useMyGrades();
  const titleOf = useCaseStudyTitles();
  useScrollToHash(grades.isSuccess);
  return (
    <Stack>
      <Title order={2}>My grades</Title>
      {grades.isPending ? (
        <Loading label="Loading your grades" />
      ) : grades.isError ? (
        <ErrorState error={grades.error} onRetry={() => void grades.refetch()} />
      ) : grades.data.length === 0 ? (
        <Text>
          No grades yet. A session is graded shortly after it ends.{" "}
          <Anchor component={Link} to={paths.caseStudies} underline="always">
            Start a session
          </Anchor>
        </Text>
      ) : (
        grades.data.map((grade) => <GradeCard key={grade.id} grade={grade} title={titleOf(grade.case_study_id)} />)
      )}
    </Stack>
  );
}

function GradeCard({ grade, title }: { grade: GradeOut; title: string }) {
  const anchor = gradeAnchor(grade.session_id);
  const headingId = `${anchor}-title`;
  const scores = rubricScores(grade);
  const chartData = scores.map(({ criterion, score }) => ({
    criterion: `${criterion.label} (${percent(criterion.weight)})`,
    score,
  }));
  const summary = scores.map(({ criterion, score }) => `${criterion.label} ${scoreText(score)}`).join(", ");

  return (
    <Card withBorder radius="md" padding="lg" component="article" id={anchor} aria-labelledby={headingId} tabIndex={-1}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} id={headingId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              Graded {formatDateTime(grade.graded_at)} ·{" "}
              <Anchor component={Link} to={paths.session(grade.session_id)} size="sm" underline="always">
                See the session
              </Anchor>
            </Text>
          </Stack>
          <Text fw={700} fz="xl">
            Final score: {scoreText(grade.final_score)} / 100
          </Text>
        </Group>

        {/* The chart is a picture of the table below, which is what screen readers get. */}
        <Box role="img" aria-label={`Bar chart of your rubric scores out of 100: ${summary}.`}>
          <BarChart
            h={180}
            data={chartData}
            dataKey="criterion"
            orientation="vertical"
            series={[{ name: "score", label: "Score", color: "blue.6" }]}
            xAxisProps={{ domain: [0, 100] }}
            yAxisProps={{ width: 150 }}
            withBarValueLabel
            withTooltip={false}
            accessibilityLayer={false}
            gridAxis="x"
          />
        </Box>

        <Table withTableBorder>
          <Table.Caption>Rubric scores, out of 100</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Criterion</Table.Th>
              <Table.Th scope="col">Weight</Table.Th>
              <Table.Th scope="col">Score</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scores.map(({ criterion, score }) => (
              <Table.Tr key={criterion.key}>
                <Table.Th scope="row" fw={400}>
                  {criterion.label}
                </Table.Th>
                <Table.Td>{percent(criterion.weight)}</Table.Td>
                <Table.Td>{scoreText(score)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Stack gap={4}>
          <Title order={4}>Feedback</Title>
          <Text style={{ whiteSpace: "pre-line" }}>{grade.summary}</Text>
        </Stack>
      </Stack>
    </Card>
  );
}

/** A link to one grade (from its session) lands on it once the list has loaded. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash === "") return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
  }, [ready, hash]);
}
