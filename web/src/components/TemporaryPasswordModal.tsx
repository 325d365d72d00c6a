/**
 * A new account's temporary password, shown once: the server keeps only its hash, so
 * once this closes nobody can read it again (a new one means setting a password anew).
 */
import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { Dialog } from "../components/Dialog";

export interface NewAccount {
  name: string;
  email: string;
  temporaryPassword: string;
}

export function TemporaryPasswordModal({ account, onClose }: { account: NewAccount | null; onClose: () => void }) {
  return (
    <Dialog opened={account !== null} onClose={onClose} title="Temporary password" closeOnClickOutside={false}>
      {account !== null && (
        <Stack>
          <Text>
            {account.name} ({account.email}) can sign in with this password. Pass it on securely: it is shown only
            now, and they should change it after signing in.
          </Text>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label="Temporary password"
              value={account.temporaryPassword}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              style={{ flex: 1 }}
            />
            <CopyButton value={account.temporaryPassword}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? "teal" : "blue"} onClick={copy}>
                  {copied ? "Copied" : "Copy password"}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" role="note">
            Once you close this, the password cannot be shown again.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Dialog>
  );
}
