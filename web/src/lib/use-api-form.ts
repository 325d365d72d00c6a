/**
 * A form that sends to the API: each VALIDATION_ERROR or CONFLICT message under the field
 * its path names (`placeFieldErrors`), the rest at the top (`FormProblems`); a rate limit
 * counts down and sends again by itself. A sign-in failure is shown only on the sign-in forms: elsewhere the auth
 * provider has already taken the person to sign in.
 */
import { useCallback, useRef, useState } from "react";
import { INSTITUTION_PROBLEMS, type Reaction, reactionTo } from "./errors";
import { placeFieldErrors } from "./field-errors";

export interface ApiForm {
  /** Run `action` (the call), showing whatever it fails with; resolves true when it succeeded. */
  submit(action: () => Promise<unknown>): Promise<boolean>;
  pending: boolean;
  /** The message under a field, for Mantine's `error` prop. */
  fieldError(path: string): string | undefined;
  /** Everything for the top of the form (see `FormProblems`). */
  problems: FormProblemState;
  clear(): void;
}

export interface FormProblemState {
  messages: string[];
  reaction: Reaction | null;
  /** The session a CONFLICT says is already active (start a session). */
  activeSessionId: string | null;
  retry: (() => void) | null;
}

/** The body's name for the institution a sign-in names; forms name their field after it. */
export const INSTITUTION_FIELD = "tenant_slug";

const NO_PROBLEMS: FormProblemState = { messages: [], reaction: null, activeSessionId: null, retry: null };

export function useApiForm(fields: readonly string[]): ApiForm {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FormProblemState>(NO_PROBLEMS);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;

  const clear = useCallback(() => {
    setFieldErrors({});
    setProblems(NO_PROBLEMS);
  }, []);

  const submit = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setPending(true);
      setFieldErrors({});
      setProblems(NO_PROBLEMS);
      try {
        await action();
        return true;
      } catch (error) {
        const reaction = reactionTo(error);
        if (reaction.kind === "fields" || reaction.kind === "conflict") {
          const placed = placeFieldErrors(reaction.details, fieldsRef.current);
          setFieldErrors(placed.fields);
          const messages = placed.form.length > 0 || Object.keys(placed.fields).length > 0 ? placed.form : [reaction.message];
          setProblems({
            messages,
            reaction: null,
            activeSessionId: reaction.kind === "conflict" ? reaction.sessionId : null,
            retry: null,
          });
        } else if (reaction.kind === "sign-in") {
          // Only a sign-in form sees this (anywhere else the auth provider has already taken
          // the person to sign in): "Invalid email or password" and the like.
          setProblems({ ...NO_PROBLEMS, messages: [reaction.message] });
        } else if (reaction.kind === "institution" && fieldsRef.current.includes(INSTITUTION_FIELD)) {
          // Under the institution field; a form without one shows it at the top like the rest.
          setFieldErrors({ [INSTITUTION_FIELD]: INSTITUTION_PROBLEMS[reaction.problem] });
        } else {
          const retry = () => void submit(action);
          setProblems({ messages: [], reaction, activeSessionId: null, retry });
        }
        return false;
      } finally {
        setPending(false);
      }
    },
    [],
  );

  const fieldError = useCallback((path: string) => fieldErrors[path], [fieldErrors]);
  return { submit, pending, fieldError, problems, clear };
}
