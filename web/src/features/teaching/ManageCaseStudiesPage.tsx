/** Authoring case studies, active or not: what students work on and how the tutor runs it. */
import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { CaseStudyStaffOut } from "@mentora/client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ScrollTable } from "../../components/ScrollTable";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useMe } from "../../lib/auth";
import { can } from "../../lib/permissions";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { StateBadge } from "../../components/StateBadge";
import { PageNav } from "../../components/PageNav";
import { ManageCaseStudiesFormModal } from "./ManageCaseStudiesForm";
import { useFilters } from "../../lib/use-filters";
import { formatDateTime } from "../../lib/format";

const PAGE_SIZE = 20;
const MANAGED_KEY = ["teaching", "manage-case-studies"] as const;
// The roster of case study names other teaching screens read.
const ROSTER_KEY = ["teaching", "case-studies"] as const;

type Editing = { caseStudy: CaseStudyStaffOut | null } | null;

export function ManageCaseStudiesPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const filters = useFilters<never>();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CaseStudyStaffOut | null>(null);
  const query = { skip: (filters.page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const caseStudies = useQuery({
    queryKey: [...MANAGED_KEY, query],
    queryFn: () => api.consoleCaseStudies.list(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: MANAGED_KEY }),
      queryClient.invalidateQueries({ queryKey: ROSTER_KEY }),
    ]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Manage case studies</Title>
        {can(me, "CASE_STUDIES.can_create") && <Button onClick={() => setEditing({ caseStudy: null })}>New case study</Button>}
      </Group>
      {caseStudies.isPending ? (
        <Loading label="Loading case studies" />
      ) : caseStudies.isError ? (
        <ErrorState error={caseStudies.error} onRetry={() => void caseStudies.refetch()} />
      ) : (
        <>
          <ScrollTable label="Case studies" minWidth={720}>
            <Table striped highlightOnHover aria-label="Case studies" aria-busy={caseStudies.isFetching} style={{ whiteSpace: "nowrap" }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Time limit</Table.Th>
                  <Table.Th scope="col">Instructions</Table.Th>
                  <Table.Th scope="col">Updated</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {caseStudies.data.data.map((caseStudy) => (
                  <Table.Tr key={caseStudy.id}>
                    <Table.Th scope="row" fw={500} miw={220} style={{ whiteSpace: "normal" }}>
                      <Stack gap={0}>
                        <span>{caseStudy.title}</span>
                        <Text size="xs" c="dimmed">
                          {caseStudy.slug}
                        </Text>
                      </Stack>
                    </Table.Th>
                    <Table.Td>
                      <StateBadge color={caseStudy.is_active ? "green" : "gray"}>
                        {caseStudy.is_active ? "Active" : "Inactive"}
                      </StateBadge>
                    </Table.Td>
                    <Table.Td>{caseStudy.time_limit_minutes === null ? "Default" : `${caseStudy.time_limit_minutes} min`}</Table.Td>
                    <Table.Td>{caseStudy.instructions.length}</Table.Td>
                    <Table.Td>
                      <time dateTime={caseStudy.updated_at}>{formatDateTime(caseStudy.updated_at)}</time>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {can(me, "CASE_STUDIES.can_edit") && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setEditing({ caseStudy })}
                            aria-label={`Edit ${caseStudy.title}`}
                          >
                            Edit
                          </Button>
                        )}
                        {can(me, "CASE_STUDIES.can_delete") && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            onClick={() => setDeleting(caseStudy)}
                            aria-label={`Delete ${caseStudy.title}`}
                          >
                            Delete
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {caseStudies.data.data.length === 0 && <Text c="dimmed">No case studies yet.</Text>}
          <PageNav
            label="Pages of case studies"
            page={filters.page}
            totalPages={caseStudies.data.total_pages}
            total={caseStudies.data.total}
            onChange={filters.setPage}
          />
        </>
      )}
      <ManageCaseStudiesFormModal
        opened={editing !== null}
        caseStudy={editing?.caseStudy ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => void refresh()}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete case study"
        confirmLabel="Delete"
        onConfirm={async () => {
          if (deleting === null) return;
          await api.consoleCaseStudies.delete(deleting.id);
          await refresh();
        }}
        onClose={() => setDeleting(null)}
      >
        Delete {deleting?.title}? Students can no longer start it. To hide it for now instead, edit it and turn off
        Active.
      </ConfirmDialog>
    </Stack>
  );
}
