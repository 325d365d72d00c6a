/**
 * Invite a user: the form sends what was typed (it is `noValidate`), so every problem is
 * the server's VALIDATION_ERROR or CONFLICT, each under its field.
 */
import { Button, Group, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import type { InvitedUserOut, RoleOut, UserInvite } from "@mentora/client";
import { type FormEvent, useState } from "react";
import { FormProblems } from "../../components/FormProblems";
import { api } from "../../lib/api";
import type { Me } from "../../lib/permissions";
import { useApiForm } from "../../lib/use-api-form";
import { Dialog } from "../../components/Dialog";
import { roleChoices } from "./role-choices";
import { typedNumber } from "../../lib/typed-input";

const FIELDS = ["name", "email", "role", "password", "settings.max_sessions"] as const;
const DEFAULT_ROLE = "STUDENT";

export function InviteUserModal({
  opened,
  roles,
  me,
  onClose,
  onInvited,
}: {
  opened: boolean;
  roles: RoleOut[];
  me: Me;
  onClose: () => void;
  onInvited: (user: InvitedUserOut) => void;
}) {
  return (
    <Dialog opened={opened} onClose={onClose} title="Invite a user">
      <InviteUserForm roles={roles} me={me} onClose={onClose} onInvited={onInvited} />
    </Dialog>
  );
}

function InviteUserForm({
  roles,
  me,
  onClose,
  onInvited,
}: {
  roles: RoleOut[];
  me: Me;
  onClose: () => void;
  onInvited: (user: InvitedUserOut) => void;
}) {
  const form = useApiForm(FIELDS);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string | null>(DEFAULT_ROLE);
  const [maxSessions, setMaxSessions] = useState("");
  const [password, setPassword] = useState("");

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: UserInvite = {
      name,
      email,
      ...(role === null ? {} : { role }),
      ...(password === "" ? {} : { password }),
      ...(maxSessions.trim() === "" ? {} : { settings: { max_sessions: typedNumber(maxSessions) } }),
    };
    await form.submit(async () => onInvited(await api.users.invite(body)));
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Invite a user">
      <Stack>
        <FormProblems problems={form.problems} />
        <TextInput
          label="Name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={form.fieldError("name")}
          autoComplete="off"
          required
        />
        <TextInput
          label="Email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={form.fieldError("email")}
          autoComplete="off"
          required
        />
        <Select
          label="Role"
          data={roleChoices(roles, me)}
          value={role}
          onChange={setRole}
          error={form.fieldError("role")}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Max sessions"
          description="Sessions per case study for this person; empty: the institution's setting"
          inputMode="numeric"
          value={maxSessions}
          onChange={(event) => setMaxSessions(event.currentTarget.value)}
          error={form.fieldError("settings.max_sessions")}
          autoComplete="off"
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
            Invite
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
