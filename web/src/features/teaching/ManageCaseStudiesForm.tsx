/** Create or change a case study: what students read and what the AI tutor is told. */
import { ActionIcon, Button, Group, Stack, Switch, Text, TextInput, Textarea } from "@mantine/core";
import type { CaseStudyCreate, CaseStudyStaffOut } from "@mentora/client";
import { type FormEvent, useState } from "react";
import { FormProblems } from "../../components/FormProblems";
import { api } from "../../lib/api";
import { useApiForm } from "../../lib/use-api-form";
import { Dialog } from "../../components/Dialog";
import { fieldText, optionalNumber, optionalText } from "../../lib/typed-input";

interface Draft {
  title: string;
  slug: string;
  /** Whether the slug was typed, rather than following the title. */
  slugTyped: boolean;
  description: string;
  instructions: string[];
  firstMessage: string;
  timeLimit: string;
  systemPrompt: string;
  model: string;
  active: boolean;
}

function draftOf(caseStudy: CaseStudyStaffOut | null): Draft {
  return {
    title: caseStudy?.title ?? "",
    slug: caseStudy?.slug ?? "",
    slugTyped: caseStudy !== null,
    description: caseStudy?.description ?? "",
    instructions: caseStudy === null ? [""] : [...caseStudy.instructions],
    firstMessage: caseStudy?.first_message ?? "",
    timeLimit: fieldText(caseStudy?.time_limit_minutes),
    systemPrompt: caseStudy?.system_prompt ?? "",
    model: caseStudy?.llm_model ?? "",
    active: caseStudy?.is_active ?? true,
  };
}

/** "The Late Shipment" -> "the-late-shipment": the address name the server accepts. */
function slugOf(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}

function bodyOf(draft: Draft): CaseStudyCreate {
  return {
    title: draft.title,
    slug: draft.slug,
    description: draft.description,
    // A blank line left at the end of the list is not an instruction.
    instructions: draft.instructions.filter((instruction, index) => instruction.trim() !== "" || index < draft.instructions.length - 1),
    first_message: optionalText(draft.firstMessage),
    time_limit_minutes: optionalNumber(draft.timeLimit),
    system_prompt: draft.systemPrompt,
    llm_model: optionalText(draft.model),
    is_active: draft.active,
  };
}

function fieldsOf(draft: Draft): string[] {
  return [
    "title",
    "slug",
    "description",
    "instructions",
    ...draft.instructions.map((_, index) => `instructions.${index}`),
    "first_message",
    "time_limit_minutes",
    "system_prompt",
    "llm_model",
    "is_active",
  ];
}

/** `caseStudy` null: a new one. */
export function ManageCaseStudiesFormModal({
  opened,
  caseStudy,
  onClose,
  onSaved,
}: {
  opened: boolean;
  caseStudy: CaseStudyStaffOut | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const title = caseStudy === null ? "New case study" : `Edit ${caseStudy.title}`;
  return (
    <Dialog opened={opened} onClose={onClose} title={title} size="xl">
      <CaseStudyForm caseStudy={caseStudy} label={title} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function CaseStudyForm({
  caseStudy,
  label,
  onClose,
  onSaved,
}: {
  caseStudy: CaseStudyStaffOut | null;
  label: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(caseStudy));
  const form = useApiForm(fieldsOf(draft));
  const change = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));
  const setInstructions = (instructions: string[]) => change({ instructions });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(draft);
    const saved = await form.submit(() =>
      caseStudy === null ? api.consoleCaseStudies.create(body) : api.consoleCaseStudies.update(caseStudy.id, body),
    );
    if (saved) {
      onSaved();
      onClose();
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={label}>
      <Stack>
        <FormProblems problems={form.problems} />
        <TextInput
          label="Title"
          value={draft.title}
          onChange={(event) => {
            const title = event.currentTarget.value;
            setDraft((current) => ({ ...current, title, ...(current.slugTyped ? {} : { slug: slugOf(title) }) }));
          }}
          error={form.fieldError("title")}
          required
        />
        <TextInput
          label="Slug"
          description="The case study's address name: lowercase letters, digits and hyphens"
          value={draft.slug}
          onChange={(event) => change({ slug: event.currentTarget.value, slugTyped: true })}
          error={form.fieldError("slug")}
          autoComplete="off"
          required
        />
        <Textarea
          label="Description"
          description="The case, as students read it"
          value={draft.description}
          onChange={(event) => change({ description: event.currentTarget.value })}
          error={form.fieldError("description")}
          autosize
          minRows={3}
        />
        <InstructionList
          instructions={draft.instructions}
          onChange={setInstructions}
          errorAt={(index) => form.fieldError(`instructions.${index}`)}
          listError={form.fieldError("instructions")}
        />
        <Textarea
          label="First message"
          description="What the tutor says first; empty: the student starts"
          value={draft.firstMessage}
          onChange={(event) => change({ firstMessage: event.currentTarget.value })}
          error={form.fieldError("first_message")}
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Time limit (minutes)"
            description="Empty: the institution's default"
            inputMode="numeric"
            value={draft.timeLimit}
            onChange={(event) => change({ timeLimit: event.currentTarget.value })}
            error={form.fieldError("time_limit_minutes")}
            autoComplete="off"
          />
          <TextInput
            label="Model"
            description="Empty: the institution's model"
            value={draft.model}
            onChange={(event) => change({ model: event.currentTarget.value })}
            error={form.fieldError("llm_model")}
            autoComplete="off"
          />
        </Group>
        <Textarea
          label="System prompt"
          description="Instructions for the AI tutor; students never see them"
          value={draft.systemPrompt}
          onChange={(event) => change({ systemPrompt: event.currentTarget.value })}
          error={form.fieldError("system_prompt")}
          autosize
          minRows={4}
        />
        <Switch
          label="Active: students can start it"
          checked={draft.active}
          onChange={(event) => change({ active: event.currentTarget.checked })}
          error={form.fieldError("is_active")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.pending}>
            {caseStudy === null ? "Create case study" : "Save case study"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InstructionList({
  instructions,
  onChange,
  errorAt,
  listError,
}: {
  instructions: string[];
  onChange: (instructions: string[]) => void;
  errorAt: (index: number) => string | undefined;
  listError: string | undefined;
}) {
  return (
    <Stack gap="xs" role="group" aria-label="Instructions">
      <Text size="sm" fw={500}>
        Instructions
      </Text>
      <Text size="xs" c="dimmed">
        The steps students work through, in order.
      </Text>
      {instructions.map((instruction, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Textarea
            aria-label={`Instruction ${index + 1}`}
            value={instruction}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange(instructions.map((current, at) => (at === index ? value : current)));
            }}
            error={errorAt(index)}
            autosize
            minRows={1}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove instruction ${index + 1}`}
            onClick={() => onChange(instructions.filter((_, at) => at !== index))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      {listError !== undefined && (
        <Text size="sm" c="red.9" role="alert">
          {listError}
        </Text>
      )}
      <Group>
        <Button size="compact-sm" variant="light" onClick={() => onChange([...instructions, ""])}>
          Add instruction
        </Button>
      </Group>
    </Stack>
  );
}
