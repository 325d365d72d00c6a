/** The institution's own settings: its name and look, sessions, rate limits, AI tutor and LMS. */
import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { FormProblems } from "../../components/FormProblems";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { api } from "../../lib/api";
import { useMe } from "../../lib/auth";
import { can } from "../../lib/permissions";
import { LMS_TYPES } from "../../lib/lms";
import { useApiForm } from "../../lib/use-api-form";
import { SecretField } from "./SecretField";
import {
  type Credential,
  type Institution,
  type InstitutionDraft,
  RATE_LIMITS,
  WIDGET_POSITIONS,
  draftOf,
  formFields,
  rateLimitPath,
  updateOf,
} from "./institution-draft";

const INSTITUTION_KEY = ["admin", "institution"] as const;

/** Scroll to the first field marked invalid (focusing it), or to the problems at the top of the form. */
function showFirstProblem(form: HTMLFormElement | null): void {
  const problem = form?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
  problem?.scrollIntoView({ block: "center" });
  problem?.focus({ preventScroll: true });
}

function choices(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export function InstitutionPage() {
  const me = useMe();
  const institution = useQuery({
    queryKey: INSTITUTION_KEY,
    queryFn: async () => (await api.call("get", "/v1/console/institution")).data,
  });
  const [saved, setSaved] = useState(false);
  const [saves, setSaves] = useState(0);

  return (
    <Stack>
      <Title order={2}>Institution</Title>
      {institution.isPending ? (
        <Loading label="Loading the institution" />
      ) : institution.isError ? (
        <ErrorState error={institution.error} onRetry={() => void institution.refetch()} />
      ) : (
        // Keyed by the saves: after one the form starts again from what the server kept, secrets untouched.
        <InstitutionForm
          key={saves}
          institution={institution.data}
          editable={can(me, "SETTINGS.can_edit")}
          saved={saved}
          onSaved={() => {
            setSaved(true);
            setSaves((count) => count + 1);
          }}
          onEdited={() => setSaved(false)}
        />
      )}
    </Stack>
  );
}

function InstitutionForm({
  institution,
  editable,
  saved,
  onSaved,
  onEdited,
}: {
  institution: Institution;
  editable: boolean;
  /** Nothing was changed since the last save. */
  saved: boolean;
  onSaved: () => void;
  onEdited: () => void;
}) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<InstitutionDraft>(() => draftOf(institution));
  const form = useApiForm(formFields(draft));
  const edit = (change: (current: InstitutionDraft) => InstitutionDraft) => {
    onEdited();
    setDraft(change);
  };
  const text = (path: string) => ({
    value: draft.text[path] ?? "",
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      edit((current) => ({ ...current, text: { ...current.text, [path]: value } }));
    },
    error: form.fieldError(path),
  });
  const choice = (path: string) => ({
    value: draft.text[path] || null,
    onChange: (value: string | null) => edit((current) => ({ ...current, text: { ...current.text, [path]: value ?? "" } })),
    error: form.fieldError(path),
    allowDeselect: false,
    comboboxProps: { withinPortal: true },
  });
  const setOrigins = (origins: string[]) => edit((current) => ({ ...current, allowedOrigins: origins }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = updateOf(draft, institution);
    const accepted = await form.submit(async () => {
      const { data } = await api.call("patch", "/v1/console/institution", { body });
      queryClient.setQueryData(INSTITUTION_KEY, data);
      onSaved();
    });
    // The form is long: take the person to the first problem, which may be far above the button.
    if (!accepted) requestAnimationFrame(() => showFirstProblem(formRef.current));
  };

  const { ai_config: ai, lms_config: lms } = institution;
  // The server drops a stored secret whose address changes, unless the same save sends a new one.
  const aiKeyAtRisk = ai.api_key_set === true && draft.apiKey.kind === "keep" && (draft.text["ai_config.base_url"] ?? "") !== (ai.base_url ?? "");
  const storedCredentials = lms.credentials_set ?? [];
  const credentialsAtRisk =
    storedCredentials.length > 0 &&
    draft.credentials.kind === "keep" &&
    ((draft.text["lms_config.base_url"] ?? "") !== (lms.base_url ?? "") ||
      (draft.text["lms_config.token_url"] ?? "") !== (lms.token_url ?? ""));
  const movedSecret = "Changing this address removes the stored secret unless you enter it again.";

  return (
    <form ref={formRef} onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Institution settings">
      <Stack>
        {!editable && (
          <Alert color="blue" role="note">
            You can view these settings; changing them needs the permission to edit institution settings.
          </Alert>
        )}
        <FormProblems problems={form.problems} />
        <Fieldset legend="General" disabled={!editable}>
          <Stack>
            <TextInput label="Name" {...text("name")} required />
            <Text size="sm" c="dimmed">
              Address name (slug): {institution.slug}
              {institution.domain === null ? "" : ` · Domain: ${institution.domain}`}
            </Text>
          </Stack>
        </Fieldset>

        <Fieldset legend="Branding" disabled={!editable}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Logo URL" type="url" {...text("branding.logo_url")} />
            <Select label="Widget position" data={choices(WIDGET_POSITIONS)} {...choice("branding.widget_position")} />
            <TextInput label="Primary colour" description="e.g. #1c7ed6" {...text("branding.primary_color")} />
            <TextInput label="Secondary colour" description="e.g. #f59f00" {...text("branding.secondary_color")} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Sessions" disabled={!editable}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Max sessions" description="Per student per case study" inputMode="numeric" {...text("settings.max_sessions")} />
            <TextInput label="Session minutes" description="Default time limit" inputMode="numeric" {...text("settings.session_minutes")} />
            <TextInput
              label="Daily message quota"
              description="AI turns per student per day; 0: none"
              inputMode="numeric"
              {...text("settings.daily_message_quota")}
            />
          </SimpleGrid>
          <Switch
            mt="md"
            label="Students may create their own account"
            checked={draft.registrationOpen}
            onChange={(event) => {
              const open = event.currentTarget.checked;
              edit((current) => ({ ...current, registrationOpen: open }));
            }}
            error={form.fieldError("settings.registration_open")}
          />
        </Fieldset>

        <Fieldset legend="Rate limits" disabled={!editable}>
          <Text size="sm" c="dimmed" mb="sm">
            Like 10/minute (per second, minute, hour or day). Empty: the deployment's limit.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {Object.entries(RATE_LIMITS).map(([name, label]) => (
              <TextInput key={name} label={label} {...text(rateLimitPath(name as keyof typeof RATE_LIMITS))} />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="AI tutor" disabled={!editable}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="AI base URL"
                description={aiKeyAtRisk ? movedSecret : "An OpenAI-compatible endpoint; empty: the offline tutor"}
                type="url"
                {...text("ai_config.base_url")}
              />
              <TextInput label="Model" {...text("ai_config.model")} />
              <TextInput label="Temperature" description="0 to 2" inputMode="decimal" {...text("ai_config.temperature")} />
              <TextInput label="Max tokens" inputMode="numeric" {...text("ai_config.max_tokens")} />
            </SimpleGrid>
            <SecretField
              label="API key"
              stored={ai.api_key_set === true}
              change={draft.apiKey}
              emptyReplacement=""
              onChange={(apiKey) => edit((current) => ({ ...current, apiKey }))}
              error={form.fieldError("ai_config.api_key")}
              disabled={!editable}
            >
              <PasswordInput
                label="New API key"
                value={draft.apiKey.kind === "replace" ? draft.apiKey.value : ""}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  edit((current) => ({ ...current, apiKey: { kind: "replace", value } }));
                }}
                autoComplete="off"
              />
            </SecretField>
          </Stack>
        </Fieldset>

        <Fieldset legend="Learning management system" disabled={!editable}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label="LMS" placeholder="None" data={choices(LMS_TYPES)} {...choice("lms_type")} />
              <TextInput
                label="LMS base URL"
                type="url"
                {...text("lms_config.base_url")}
                {...(credentialsAtRisk ? { description: movedSecret } : {})}
              />
              <TextInput label="Client ID" {...text("lms_config.client_id")} />
              <TextInput label="Deployment ID" {...text("lms_config.deployment_id")} />
              <TextInput
                label="Token URL"
                type="url"
                {...text("lms_config.token_url")}
                {...(credentialsAtRisk ? { description: movedSecret } : {})}
              />
            </SimpleGrid>
            <SecretField
              label="LMS credentials"
              stored={storedCredentials.length > 0}
              storedDetail={storedCredentials.join(", ")}
              change={draft.credentials}
              emptyReplacement={storedCredentials.length > 0 ? storedCredentials.map((name) => ({ name, value: "" })) : [{ name: "", value: "" }]}
              onChange={(credentials) => edit((current) => ({ ...current, credentials }))}
              error={form.fieldError("lms_config.credentials")}
              disabled={!editable}
            >
              {draft.credentials.kind === "replace" && (
                <CredentialRows
                  rows={draft.credentials.value}
                  onChange={(value) => edit((current) => ({ ...current, credentials: { kind: "replace", value } }))}
                />
              )}
            </SecretField>
            {form.fieldError("lms_config.course_mapping") !== undefined && (
              <Text size="sm" c="red.9" role="alert">
                Course mapping: {form.fieldError("lms_config.course_mapping")}
              </Text>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend="Allowed origins" disabled={!editable}>
          <OriginList
            origins={draft.allowedOrigins}
            onChange={setOrigins}
            errorAt={(index) => form.fieldError(`allowed_origins.${index}`)}
            listError={form.fieldError("allowed_origins")}
            editable={editable}
          />
        </Fieldset>

        {editable && (
          <Group justify="flex-end">
            <Text size="sm" c="teal" role="status">
              {saved ? "Settings saved." : ""}
            </Text>
            <Button type="submit" loading={form.pending}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function OriginList({
  origins,
  onChange,
  errorAt,
  listError,
  editable,
}: {
  origins: string[];
  onChange: (origins: string[]) => void;
  errorAt: (index: number) => string | undefined;
  listError: string | undefined;
  editable: boolean;
}) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Web pages at these origins (like https://lms.example.edu) may embed Mentora and call its API.
      </Text>
      {origins.map((origin, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label={`Origin ${index + 1}`}
            type="url"
            value={origin}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange(origins.map((current, at) => (at === index ? value : current)));
            }}
            error={errorAt(index)}
            style={{ flex: 1 }}
          />
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              size="lg"
              aria-label={`Remove origin ${index + 1}`}
              onClick={() => onChange(origins.filter((_, at) => at !== index))}
            >
              ✕
            </ActionIcon>
          )}
        </Group>
      ))}
      {listError !== undefined && (
        <Text size="sm" c="red.9" role="alert">
          {listError}
        </Text>
      )}
      {editable && (
        <Group>
          <Button size="compact-sm" variant="light" onClick={() => onChange([...origins, ""])}>
            Add origin
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function CredentialRows({ rows, onChange }: { rows: Credential[]; onChange: (rows: Credential[]) => void }) {
  const update = (index: number, change: Partial<Credential>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        The new credentials replace all stored ones. Rows left without a value are not saved.
      </Text>
      {rows.map((row, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={`Name of credential ${index + 1}`}
            description="e.g. api_token or private_key"
            value={row.name}
            onChange={(event) => update(index, { name: event.currentTarget.value })}
            autoComplete="off"
            style={{ flex: "1 1 180px" }}
          />
          <PasswordInput
            label={`Value of credential ${index + 1}`}
            value={row.value}
            onChange={(event) => update(index, { value: event.currentTarget.value })}
            autoComplete="off"
            style={{ flex: "1 1 180px" }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove credential ${index + 1}`}
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="compact-sm" variant="light" onClick={() => onChange([...rows, { name: "", value: "" }])}>
          Add credential
        </Button>
      </Group>
    </Stack>
  );
}
