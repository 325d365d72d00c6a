/**
 * A write-only secret (an API key, LMS credentials): the page says only whether one is
 * stored. "Replace" opens an empty field whose value is sent only when typed; "Clear"
 * removes the stored one on save. Nothing stored is ever shown or prefilled.
 */
import { Button, Group, Input, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { StateBadge } from "../../components/StateBadge";
import type { SecretChange } from "./institution-draft";

export function SecretField<T>({
  label,
  stored,
  storedDetail,
  change,
  emptyReplacement,
  onChange,
  error,
  disabled,
  children,
}: {
  label: string;
  stored: boolean;
  /** E.g. the names of the stored credentials (names are not secret). */
  storedDetail?: string;
  change: SecretChange<T>;
  emptyReplacement: T;
  onChange: (change: SecretChange<T>) => void;
  error: string | undefined;
  disabled: boolean;
  /** The field for the new value, while replacing. */
  children: ReactNode;
}) {
  const status = stored ? "Set" : "Not set";
  return (
    <Input.Wrapper label={label} error={error} component="div">
      <Stack gap="xs" mt={4}>
        <Group gap="xs">
          <StateBadge color={stored ? "green" : "gray"}>
            {status}
          </StateBadge>
          {stored && storedDetail !== undefined && (
            <Text size="sm" c="dimmed">
              {storedDetail}
            </Text>
          )}
          {!disabled && change.kind === "keep" && (
            <>
              <Button size="compact-sm" variant="light" onClick={() => onChange({ kind: "replace", value: emptyReplacement })}>
                {stored ? `Replace ${label}` : `Set ${label}`}
              </Button>
              {stored && (
                <Button size="compact-sm" variant="light" color="red" onClick={() => onChange({ kind: "clear" })}>
                  Clear {label}
                </Button>
              )}
            </>
          )}
          {change.kind !== "keep" && (
            <Button size="compact-sm" variant="subtle" onClick={() => onChange({ kind: "keep" })}>
              {stored ? `Keep the stored ${label}` : "Cancel"}
            </Button>
          )}
        </Group>
        {change.kind === "clear" && (
          <Text size="sm" c="red.9" role="status">
            The stored {label} will be removed when you save.
          </Text>
        )}
        {change.kind === "replace" && children}
      </Stack>
    </Input.Wrapper>
  );
}
