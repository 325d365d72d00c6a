/** The institution's roles and what each allows; custom roles can be created, changed and deleted. */
import { Accordion, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import type { RoleOut } from "@mentora/client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useMe } from "../../lib/auth";
import { type Me, can } from "../../lib/permissions";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PermissionMatrix } from "./PermissionMatrix";
import { RoleEditorModal } from "./RoleEditorModal";
import { canGrantAll } from "./role-permissions";
import { ROLES_KEY, useRoles } from "./roles-query";

type Editing = { role: RoleOut | null } | null;

/** Why a role cannot be changed by this person, or null when it can. */
function lockedBecause(role: RoleOut, me: Me): string | null {
  if (role.is_system) return "A system role: it cannot be changed.";
  if (role.name === me.role) return "Your own role: someone else has to change it.";
  // The server lets only someone holding all of a role's permissions change what its holders may do.
  if (!canGrantAll(me, role.permissions)) return "It holds permissions you do not have, so you cannot change it.";
  return null;
}

export function RolesPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<RoleOut | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ROLES_KEY });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Roles</Title>
        {can(me, "ROLE_MANAGEMENT.can_create") && <Button onClick={() => setEditing({ role: null })}>New role</Button>}
      </Group>
      {roles.isPending ? (
        <Loading label="Loading roles" />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <Accordion variant="separated" multiple chevronPosition="left">
          {roles.data.map((role) => {
            const locked = lockedBecause(role, me);
            return (
              <Accordion.Item key={role.id} value={role.id}>
                <Accordion.Control aria-label={`${role.name}, ${role.permissions.length} permissions`}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{role.name}</Text>
                    {role.is_system && (
                      <Badge variant="light" color="gray">
                        System
                      </Badge>
                    )}
                    <Text size="sm" c="dimmed">
                      {role.permissions.length} permissions
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {role.description !== "" && <Text size="sm">{role.description}</Text>}
                    <PermissionMatrix label={`Permissions of ${role.name}`} granted={new Set(role.permissions)} />
                    {locked !== null ? (
                      <Text size="sm" c="dimmed">
                        {locked}
                      </Text>
                    ) : (
                      <Group gap="xs">
                        {can(me, "ROLE_MANAGEMENT.can_edit") && (
                          <Button size="compact-sm" variant="light" onClick={() => setEditing({ role })} aria-label={`Edit ${role.name}`}>
                            Edit
                          </Button>
                        )}
                        {can(me, "ROLE_MANAGEMENT.can_delete") && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            onClick={() => setDeleting(role)}
                            aria-label={`Delete ${role.name}`}
                          >
                            Delete
                          </Button>
                        )}
                      </Group>
                    )}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
      <RoleEditorModal
        opened={editing !== null}
        role={editing?.role ?? null}
        me={me}
        onClose={() => setEditing(null)}
        onSaved={() => void refresh()}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete role"
        confirmLabel="Delete"
        onConfirm={async () => {
          if (deleting === null) return;
          await api.roles.delete(deleting.id);
          await refresh();
        }}
        onClose={() => setDeleting(null)}
      >
        Delete the role {deleting?.name}? A role still assigned to users cannot be deleted.
      </ConfirmDialog>
    </Stack>
  );
}
