/** Every institution on the platform, for its operator: add one, give it an administrator, deactivate it. */
import { Button, Group, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { FirstAdminIn, TenantCreate, TenantOut } from "@mentora/client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ScrollTable } from "../../components/ScrollTable";
import { FormProblems } from "../../components/FormProblems";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useMe } from "../../lib/auth";
import { can } from "../../lib/permissions";
import { useApiForm } from "../../lib/use-api-form";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog } from "../../components/Dialog";
import { StateBadge } from "../../components/StateBadge";
import { type NewAccount, TemporaryPasswordModal } from "../../components/TemporaryPasswordModal";
import { LMS_TYPES, type LmsType } from "../../lib/lms";
import { optionalText } from "../../lib/typed-input";
import { PageNav } from "../../components/PageNav";
import { useFilters } from "../../lib/use-filters";
import { formatDateTime } from "../../lib/format";

const PAGE_SIZE = 20;
const INSTITUTIONS_KEY = ["platform", "institutions"] as const;
const LMS_CHOICES = Object.entries(LMS_TYPES).map(([value, label]) => ({ value, label }));

export function InstitutionsPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const filters = useFilters<never>();
  const [creating, setCreating] = useState(false);
  const [addingAdminTo, setAddingAdminTo] = useState<TenantOut | null>(null);
  const [deactivating, setDeactivating] = useState<TenantOut | null>(null);
  const [newAccount, setNewAccount] = useState<NewAccount | null>(null);
  const query = { skip: (filters.page - 1) * PAGE_SIZE, limit: PAGE_SIZE, include_inactive: true };
  const institutions = useQuery({
    queryKey: [...INSTITUTIONS_KEY, query],
    queryFn: () => api.tenants.list(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: INSTITUTIONS_KEY });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Institutions</Title>
        {can(me, "TENANT_MANAGEMENT.can_create") && <Button onClick={() => setCreating(true)}>New institution</Button>}
      </Group>
      {institutions.isPending ? (
        <Loading label="Loading institutions" />
      ) : institutions.isError ? (
        <ErrorState error={institutions.error} onRetry={() => void institutions.refetch()} />
      ) : (
        <>
          <ScrollTable label="Institutions" minWidth={760}>
            <Table striped highlightOnHover aria-label="Institutions" aria-busy={institutions.isFetching} style={{ whiteSpace: "nowrap" }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Slug</Table.Th>
                  <Table.Th scope="col">Domain</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {institutions.data.data.map((institution) => (
                  <Table.Tr key={institution.id}>
                    <Table.Th scope="row" fw={500}>
                      {institution.name}
                    </Table.Th>
                    <Table.Td>{institution.slug}</Table.Td>
                    <Table.Td>{institution.domain ?? "—"}</Table.Td>
                    <Table.Td>
                      <StateBadge color={institution.is_active ? "green" : "gray"}>
                        {institution.is_active ? "Active" : "Deactivated"}
                      </StateBadge>
                    </Table.Td>
                    <Table.Td>
                      <time dateTime={institution.created_at}>{formatDateTime(institution.created_at)}</time>
                    </Table.Td>
                    <Table.Td>
                      {institution.is_active && (
                        <Group gap="xs" wrap="nowrap">
                          {can(me, "TENANT_MANAGEMENT.can_create") && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              onClick={() => setAddingAdminTo(institution)}
                              aria-label={`Add an administrator to ${institution.name}`}
                            >
                              Add administrator
                            </Button>
                          )}
                          {can(me, "TENANT_MANAGEMENT.can_delete") && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="red"
                              onClick={() => setDeactivating(institution)}
                              aria-label={`Deactivate ${institution.name}`}
                            >
                              Deactivate
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {institutions.data.data.length === 0 && <Text c="dimmed">No institutions yet.</Text>}
          <PageNav
            label="Pages of institutions"
            page={filters.page}
            totalPages={institutions.data.total_pages}
            total={institutions.data.total}
            onChange={filters.setPage}
          />
        </>
      )}
      <CreateInstitutionModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(institution) => {
          setCreating(false);
          void refresh();
          setAddingAdminTo(institution);
        }}
      />
      <AddAdministratorModal
        institution={addingAdminTo}
        onClose={() => setAddingAdminTo(null)}
        onAdded={(account) => {
          setAddingAdminTo(null);
          if (account !== null) setNewAccount(account);
        }}
      />
      <TemporaryPasswordModal account={newAccount} onClose={() => setNewAccount(null)} />
      <ConfirmDialog
        opened={deactivating !== null}
        title="Deactivate institution"
        confirmLabel="Deactivate"
        onConfirm={async () => {
          if (deactivating === null) return;
          await api.tenants.deactivate(deactivating.id);
          await refresh();
        }}
        onClose={() => setDeactivating(null)}
      >
        Deactivate {deactivating?.name}? Everyone at it is signed out and nobody can sign in until it is active again.
      </ConfirmDialog>
    </Stack>
  );
}

const INSTITUTION_FIELDS = ["name", "slug", "domain", "lms_type"] as const;

function CreateInstitutionModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (institution: TenantOut) => void;
}) {
  return (
    <Dialog opened={opened} onClose={onClose} title="New institution">
      <CreateInstitutionForm onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateInstitutionForm({ onClose, onCreated }: { onClose: () => void; onCreated: (institution: TenantOut) => void }) {
  const form = useApiForm(INSTITUTION_FIELDS);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [domain, setDomain] = useState("");
  const [lmsType, setLmsType] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: TenantCreate = {
      name,
      slug,
      domain: optionalText(domain),
      ...(lmsType === null ? {} : { lms_type: lmsType as LmsType }),
    };
    await form.submit(async () => onCreated(await api.tenants.create(body)));
  };
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="New institution">
      <Stack>
        <FormProblems problems={form.problems} />
        <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} error={form.fieldError("name")} required />
        <TextInput
          label="Slug"
          description="What people type to sign in: lowercase letters, digits and hyphens"
          value={slug}
          onChange={(event) => setSlug(event.currentTarget.value)}
          error={form.fieldError("slug")}
          autoComplete="off"
          required
        />
        <TextInput
          label="Domain"
          description="Optional: the host name that opens this institution, e.g. mentora.example.edu"
          value={domain}
          onChange={(event) => setDomain(event.currentTarget.value)}
          error={form.fieldError("domain")}
          autoComplete="off"
        />
        <Select
          label="LMS"
          placeholder="None"
          data={LMS_CHOICES}
          value={lmsType}
          onChange={setLmsType}
          error={form.fieldError("lms_type")}
          clearable
          clearButtonProps={{ "aria-label": "Clear LMS" }}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.pending}>
            Create institution
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ADMIN_FIELDS = ["name", "email", "password"] as const;

function AddAdministratorModal({
  institution,
  onClose,
  onAdded,
}: {
  institution: TenantOut | null;
  onClose: () => void;
  /** The new account, when the server made up its password. */
  onAdded: (account: NewAccount | null) => void;
}) {
  return (
    <Dialog opened={institution !== null} onClose={onClose} title={`Add an administrator to ${institution?.name ?? ""}`}>
      {institution !== null && <AddAdministratorForm institution={institution} onClose={onClose} onAdded={onAdded} />}
    </Dialog>
  );
}

function AddAdministratorForm({
  institution,
  onClose,
  onAdded,
}: {
  institution: TenantOut;
  onClose: () => void;
  onAdded: (account: NewAccount | null) => void;
}) {
  const form = useApiForm(ADMIN_FIELDS);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: FirstAdminIn = { name, email, ...(password === "" ? {} : { password }) };
    await form.submit(async () => {
      const admin = await api.tenants.createAdmin(institution.id, body);
      const temporaryPassword = admin.temporary_password ?? null;
      onAdded(temporaryPassword === null ? null : { name: admin.name, email: admin.email, temporaryPassword });
    });
  };
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Add an administrator">
      <Stack>
        <FormProblems problems={form.problems} />
        <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} error={form.fieldError("name")} required />
        <TextInput
          label="Email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={form.fieldError("email")}
          autoComplete="off"
          required
        />
        <PasswordInput
          label="Password"
          description="Optional: leave empty to get a temporary password to pass on"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={form.fieldError("password")}
          autoComplete="new-password"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.pending}>
            Add administrator
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
