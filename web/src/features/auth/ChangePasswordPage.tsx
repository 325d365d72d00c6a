import { Alert, Button, Paper, PasswordInput, Stack, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { FormProblems } from "../../components/FormProblems";
import { api } from "../../lib/api";
import { useApiForm } from "../../lib/use-api-form";

// A wrong current password is a VALIDATION_ERROR on `current_password`, so it lands under its field.
const FIELDS = ["current_password", "new_password"] as const;

export function ChangePasswordPage() {
  const form = useApiForm(FIELDS);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [changed, setChanged] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    if (next !== confirmation) {
      form.clear();
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const done = await form.submit(() => api.me.changePassword({ current_password: current, new_password: next }));
    if (done) {
      setCurrent("");
      setNext("");
      setConfirmation("");
      setChanged(true);
    }
  };

  return (
    <Stack maw={480}>
      <Title order={2}>Change password</Title>
      {changed && (
        // What the server does: every other sign-in of this account ends; this one goes on.
        <Alert color="green" title="Your password has been changed" role="status">
          You are still signed in here. Anywhere else you were signed in, such as other browsers or devices, has been
          signed out: sign in there with your new password.
        </Alert>
      )}
      <Paper
        withBorder
        p="lg"
        radius="md"
        component="form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-label="Change password"
      >
        <Stack>
          <FormProblems problems={form.problems} />
          <PasswordInput
            label="Current password"
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={form.fieldError("current_password")}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label="New password"
            description="At least 8 characters. Changing it signs you out everywhere else."
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={form.fieldError("new_password")}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label="Confirm new password"
            value={confirmation}
            onChange={(event) => {
              setConfirmation(event.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? "This does not match the new password." : undefined}
            autoComplete="new-password"
            required
          />
          <Button type="submit" loading={form.pending}>
            Change password
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
