/** Create or change a custom role: its name, description and permissions. */
import { Button, Group, Stack, TextInput, Textarea } from "@mantine/core";
import type { RoleCreate, RoleOut } from "@mentora/client";
import { type FormEvent, useState } from "react";
import { FormProblems } from "../../components/FormProblems";
import { api } from "../../lib/api";
import type { Me } from "../../lib/permissions";
import { useApiForm } from "../../lib/use-api-form";
import { Dialog } from "../../components/Dialog";
import { PermissionMatrix } from "./PermissionMatrix";
import type { Grantable } from "./role-permissions";

const FIELDS = ["name", "description", "permissions"] as const;

/** `role` null: a new role. */
export function RoleEditorModal({
  opened,
  role,
  me,
  onClose,
  onSaved,
}: {
  opened: boolean;
  role: RoleOut | null;
  me: Me;
  onClose: () => void;
  onSaved: () => void;
}) {
  return (
    <Dialog opened={opened} onClose={onClose} title={role === null ? "New role" : `Edit ${role.name}`} size="lg">
      <RoleEditor role={role} me={me} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function RoleEditor({ role, me, onClose, onSaved }: { role: RoleOut | null; me: Me; onClose: () => void; onSaved: () => void }) {
  const form = useApiForm(FIELDS);
  const [name, setName] = useState(role?.name ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [granted, setGranted] = useState<ReadonlySet<string>>(() => new Set(role?.permissions ?? []));

  const toggle = (permission: Grantable, checked: boolean) =>
    setGranted((current) => {
      const next = new Set(current);
      if (checked) next.add(permission);
      else next.delete(permission);
      return next;
    });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: RoleCreate = { name, description, permissions: [...granted] as Grantable[] };
    const saved = await form.submit(() => (role === null ? api.roles.create(body) : api.roles.update(role.id, body)));
    if (saved) {
      onSaved();
      onClose();
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={role === null ? "New role" : `Edit ${role.name}`}>
      <Stack>
        <FormProblems problems={form.problems} />
        <TextInput
          label="Name"
          description="Capital letters, digits and underscores, e.g. TEACHING_ASSISTANT"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={form.fieldError("name")}
          autoComplete="off"
          required
        />
        <Textarea
          label="Description"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={form.fieldError("description")}
          autosize
          minRows={2}
        />
        <PermissionMatrix label="Permissions" granted={granted} editing={{ me, onToggle: toggle }} />
        {form.fieldError("permissions") !== undefined && (
          <Stack gap={0} role="alert" c="red.9" fz="sm">
            {form.fieldError("permissions")}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.pending}>
            {role === null ? "Create role" : "Save role"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
