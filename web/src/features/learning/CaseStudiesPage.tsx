import type { CaseStudyOut } from "@mentora/client";
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { paths } from "../../app/paths";
import { FormProblems } from "../../components/FormProblems";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useApiForm } from "../../lib/use-api-form";
import { formatMinutes } from "../../lib/format";
import { learningKeys, useCaseStudies } from "./queries";

export function CaseStudiesPage() {
  const caseStudies = useCaseStudies();
  return (
    <Stack>
      <Title order={2}>Case studies</Title>
      {caseStudies.isPending ? (
        <Loading label="Loading case studies" />
      ) : caseStudies.isError ? (
        <ErrorState error={caseStudies.error} onRetry={() => void caseStudies.refetch()} />
      ) : caseStudies.data.length === 0 ? (
        <Text>There are no case studies to work on yet. Your teachers will add them.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {caseStudies.data.map((caseStudy) => (
            <CaseStudyCard key={caseStudy.id} caseStudy={caseStudy} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

// The server names why a start was refused under `content_id` (the session limit).
const START_FIELDS = ["content_id"] as const;

function CaseStudyCard({ caseStudy }: { caseStudy: CaseStudyOut }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useApiForm(START_FIELDS);
  const titleId = `case-study-${caseStudy.id}`;
  const { activeSessionId } = start.problems;
  const refusal = start.fieldError("content_id");

  const onStart = () =>
    void start.submit(async () => {
      const session = await api.sessions.initialize({ content_id: caseStudy.id });
      queryClient.setQueryData(learningKeys.session(session.id), session);
      void queryClient.invalidateQueries({ queryKey: learningKeys.mySessions });
      await navigate(paths.session(session.id));
    });

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Title order={3} id={titleId}>
          {caseStudy.title}
        </Title>
        <Text style={{ whiteSpace: "pre-line" }}>{caseStudy.description}</Text>
        <Text size="sm" c="dimmed">
          {caseStudy.time_limit_minutes === null
            ? "Time limit: your institution's usual session length"
            : `Time limit: ${formatMinutes(caseStudy.time_limit_minutes)}`}
        </Text>
        {activeSessionId !== null ? (
          <Alert color="blue" role="alert" title="You already have an active session">
            <Stack gap="xs">
              <Text size="sm">Carry on where you left off in your session on this case study.</Text>
              <Group>
                <Button component={Link} to={paths.session(activeSessionId)}>
                  Resume your active session
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <FormProblems problems={start.problems} />
        )}
        {refusal !== undefined && (
          <Text size="sm" c="red.9" role="alert">
            This session cannot be started: {refusal}.
          </Text>
        )}
        <Group mt="auto">
          <Button onClick={onStart} loading={start.pending} aria-label={`Start session: ${caseStudy.title}`}>
            Start session
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
