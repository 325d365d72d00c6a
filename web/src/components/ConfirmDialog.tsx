/**
 * "Are you sure?" for an action that cannot simply be undone (deactivate, delete). The
 * dialog stays open until the server has answered, so a refusal (a CONFLICT such as
 * "the role is still assigned to users") is read where the action was asked for.
 */
import { Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { FormProblems } from "./FormProblems";
import { useApiForm } from "../lib/use-api-form";
import { Dialog } from "../components/Dialog";

const NO_FIELDS: readonly string[] = [];

export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  return (
    <Dialog opened={opened} onClose={onClose} title={title}>
      <Confirmation confirmLabel={confirmLabel} onConfirm={onConfirm} onClose={onClose}>
        {children}
      </Confirmation>
    </Dialog>
  );
}

function Confirmation({
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const form = useApiForm(NO_FIELDS);
  const confirm = async () => {
    if (await form.submit(onConfirm)) onClose();
  };
  return (
    <Stack>
      <Text component="div">{children}</Text>
      <FormProblems problems={form.problems} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" loading={form.pending} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
