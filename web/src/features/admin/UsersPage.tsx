/** The institution's people: find them, invite them, change their role, deactivate them. */
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import type { RoleOut, UserOut } from "@mentora/client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ScrollTable } from "../../components/ScrollTable";
import { FormProblems } from "../../components/FormProblems";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useMe } from "../../lib/auth";
import { type Me, can } from "../../lib/permissions";
import { useApiForm } from "../../lib/use-api-form";
import { PageNav } from "../../components/PageNav";
import { useFilters } from "../../lib/use-filters";
import { formatDateTime } from "../../lib/format";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog } from "../../components/Dialog";
import { InviteUserModal } from "./InviteUserModal";
import { StateBadge } from "../../components/StateBadge";
import { type NewAccount, TemporaryPasswordModal } from "../../components/TemporaryPasswordModal";
import { roleChoices } from "./role-choices";
import { useRoles } from "./roles-query";

const PAGE_SIZE = 20;
const USERS_KEY = ["admin", "users"] as const;
const STATUS_CHOICES = [
  { value: "true", label: "Active" },
  { value: "false", label: "Deactivated" },
];
const SEARCH_DELAY_MS = 300;

export function UsersPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const filters = useFilters<"q" | "role" | "active">();
  const roles = useRoles();
  const [search, setSearch] = useState(filters.value("q") ?? "");
  const applySearch = useDebouncedCallback((text: string) => filters.set("q", text.trim()), SEARCH_DELAY_MS);
  const [inviting, setInviting] = useState(false);
  const [newAccount, setNewAccount] = useState<NewAccount | null>(null);
  const [changingRole, setChangingRole] = useState<UserOut | null>(null);
  const [deactivating, setDeactivating] = useState<UserOut | null>(null);

  const q = filters.value("q");
  const role = filters.value("role");
  const active = filters.value("active");
  const query = {
    skip: (filters.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(q === null ? {} : { q }),
    ...(role === null ? {} : { role }),
    ...(active === null ? {} : { is_active: active === "true" }),
  };
  const users = useQuery({
    queryKey: [...USERS_KEY, query],
    queryFn: () => api.users.list(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });
  const roleList = roles.data ?? [];
  const filtered = q !== null || role !== null || active !== null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Users</Title>
        {can(me, "USER_MANAGEMENT.can_create") && <Button onClick={() => setInviting(true)}>Invite a user</Button>}
      </Group>
      <Group align="flex-end" gap="md" role="search" aria-label="Filter users">
        <TextInput
          label="Search"
          description="Part of a name or email"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          w={{ base: "100%", sm: 260 }}
        />
        <Select
          label="Role"
          placeholder="All roles"
          data={roleList.map((item) => item.name)}
          value={role}
          onChange={(value) => filters.set("role", value)}
          clearable
          clearButtonProps={{ "aria-label": "Clear role" }}
          w={{ base: "100%", sm: 200 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Status"
          placeholder="Active and deactivated"
          data={STATUS_CHOICES}
          value={active}
          onChange={(value) => filters.set("active", value)}
          clearable
          clearButtonProps={{ "aria-label": "Clear status" }}
          w={{ base: "100%", sm: 220 }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {users.isPending ? (
        <Loading label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <ScrollTable label="Users" minWidth={760}>
            <Table striped highlightOnHover aria-label="Users" aria-busy={users.isFetching} style={{ whiteSpace: "nowrap" }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Last sign-in</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.data.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Th scope="row" fw={500}>
                      {user.name}
                    </Table.Th>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{user.role}</Table.Td>
                    <Table.Td>
                      <StateBadge color={user.is_active ? "green" : "gray"}>
                        {user.is_active ? "Active" : "Deactivated"}
                      </StateBadge>
                    </Table.Td>
                    <Table.Td>
                      {user.last_login_at === null ? (
                        "Never"
                      ) : (
                        <time dateTime={user.last_login_at}>{formatDateTime(user.last_login_at)}</time>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <UserActions
                        user={user}
                        me={me}
                        onChangeRole={() => setChangingRole(user)}
                        onDeactivate={() => setDeactivating(user)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {users.data.data.length === 0 && <Text c="dimmed">{filtered ? "No users match these filters." : "No users yet."}</Text>}
          <PageNav
            label="Pages of users"
            page={filters.page}
            totalPages={users.data.total_pages}
            total={users.data.total}
            onChange={filters.setPage}
          />
        </>
      )}
      <InviteUserModal
        opened={inviting}
        roles={roleList}
        me={me}
        onClose={() => setInviting(false)}
        onInvited={(invited) => {
          setInviting(false);
          void refresh();
          if (invited.temporary_password) {
            setNewAccount({ name: invited.name, email: invited.email, temporaryPassword: invited.temporary_password });
          }
        }}
      />
      <TemporaryPasswordModal account={newAccount} onClose={() => setNewAccount(null)} />
      <ChangeRoleModal
        user={changingRole}
        roles={roleList}
        me={me}
        onClose={() => setChangingRole(null)}
        onChanged={() => void refresh()}
      />
      <ConfirmDialog
        opened={deactivating !== null}
        title="Deactivate user"
        confirmLabel="Deactivate"
        onConfirm={async () => {
          if (deactivating === null) return;
          await api.users.deactivate(deactivating.id);
          await refresh();
        }}
        onClose={() => setDeactivating(null)}
      >
        {deactivating?.name} ({deactivating?.email}) will be signed out and can no longer sign in. Their sessions and
        grades are kept.
      </ConfirmDialog>
    </Stack>
  );
}

function UserActions({
  user,
  me,
  onChangeRole,
  onDeactivate,
}: {
  user: UserOut;
  me: Me;
  onChangeRole: () => void;
  onDeactivate: () => void;
}) {
  // Nobody changes their own role or account here: the server refuses, and one slip would lock them out.
  if (user.id === me.id) return <Text size="sm" c="dimmed">You</Text>;
  if (!can(me, "USER_MANAGEMENT.can_edit")) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="compact-sm" variant="light" onClick={onChangeRole} aria-label={`Change role of ${user.name}`}>
        Change role
      </Button>
      {user.is_active && (
        <Button size="compact-sm" variant="light" color="red" onClick={onDeactivate} aria-label={`Deactivate ${user.name}`}>
          Deactivate
        </Button>
      )}
    </Group>
  );
}

const ROLE_FIELDS = ["role"] as const;

function ChangeRoleModal({
  user,
  roles,
  me,
  onClose,
  onChanged,
}: {
  user: UserOut | null;
  roles: RoleOut[];
  me: Me;
  onClose: () => void;
  onChanged: () => void;
}) {
  return (
    <Dialog opened={user !== null} onClose={onClose} title={`Change role of ${user?.name ?? ""}`}>
      {user !== null && <ChangeRoleForm user={user} roles={roles} me={me} onClose={onClose} onChanged={onChanged} />}
    </Dialog>
  );
}

function ChangeRoleForm({
  user,
  roles,
  me,
  onClose,
  onChanged,
}: {
  user: UserOut;
  roles: RoleOut[];
  me: Me;
  onClose: () => void;
  onChanged: () => void;
}) {
  const form = useApiForm(ROLE_FIELDS);
  const [role, setRole] = useState<string | null>(user.role);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === null) return;
    const changed = await form.submit(() => api.users.update(user.id, { role }));
    if (changed) {
      onChanged();
      onClose();
    }
  };
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Change role">
      <Stack>
        <FormProblems problems={form.problems} />
        <Select
          label="Role"
          data={roleChoices(roles, me)}
          value={role}
          onChange={setRole}
          error={form.fieldError("role")}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.pending}>
            Save role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
