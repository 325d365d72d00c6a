/** How final scores spread over the bands, per case study: a chart, and the same counts as a table. */
import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Button, Collapse, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId, useMemo } from "react";
import { ScrollTable } from "../../components/ScrollTable";
import { BAND_LABELS, distribution } from "./score-bands";

const COLORS = ["blue.6", "teal.6", "grape.6", "orange.6", "cyan.7", "pink.6", "lime.8", "indigo.6", "red.6", "yellow.7"];

export interface Scored {
  final_score: number;
  case_study_id: string;
}

export function ScoreDistribution({
  grades,
  caseStudyName,
}: {
  grades: readonly Scored[];
  caseStudyName: (id: string) => string;
}) {
  const titleId = useId();
  const tableId = useId();
  const [showTable, { toggle }] = useDisclosure(false);
  const { groups, counts } = useMemo(
    () => distribution(grades, (grade) => grade.final_score, (grade) => grade.case_study_id),
    [grades],
  );
  // Series are keyed by position: a title may hold characters the chart reads as a path.
  const series = groups.map((id, column) => ({
    name: `case${column}`,
    label: caseStudyName(id),
    color: COLORS[column % COLORS.length] ?? "blue.6",
  }));
  const data = BAND_LABELS.map((band, row) => {
    const point: Record<string, string | number> = { band };
    series.forEach((serie, column) => {
      point[serie.name] = counts[row]?.[column] ?? 0;
    });
    return point;
  });

  return (
    <Stack component="figure" gap="xs" m={0} aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId}>
        Score distribution
      </Title>
      {grades.length === 0 ? (
        <Text c="dimmed">No grades to chart.</Text>
      ) : (
        <>
          <div
            role="img"
            aria-label={`Bar chart: how many of ${grades.length} grades fall in each score band, per case study. The counts are also in a table.`}
          >
            <BarChart
              h={260}
              data={data}
              dataKey="band"
              series={series}
              type="stacked"
              withLegend={series.length > 1}
              legendProps={{ verticalAlign: "bottom" }}
              xAxisLabel="Final score"
              yAxisLabel="Grades"
              yAxisProps={{ allowDecimals: false }}
              barChartProps={{ accessibilityLayer: false }}
            />
          </div>
          <div>
            <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={showTable} aria-controls={tableId}>
              {showTable ? "Hide the counts" : "Show the counts as a table"}
            </Button>
          </div>
          <Collapse expanded={showTable} id={tableId}>
            <ScrollTable label="Score counts" minWidth={Math.max(320, 120 + 110 * series.length)}>
              <Table withTableBorder striped>
                <Table.Caption>Grades per score band and case study</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Final score</Table.Th>
                    {series.map((serie) => (
                      <Table.Th scope="col" key={serie.name}>
                        {serie.label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {BAND_LABELS.map((band, row) => (
                    <Table.Tr key={band}>
                      <Table.Th scope="row">{band}</Table.Th>
                      {series.map((serie, column) => (
                        <Table.Td key={serie.name}>{counts[row]?.[column] ?? 0}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Collapse>
        </>
      )}
    </Stack>
  );
}
