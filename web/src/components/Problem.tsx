/**
 * The screens of `lib/errors.ts`: one component per reaction a person can meet.
 * `ErrorState` picks the right one for a failed page load; forms use `FormProblems`.
 */
import { Alert, Button, Code, CopyButton, Group, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { INSTITUTION_PROBLEMS, type Reaction, UNAVAILABLE, reactionTo } from "../lib/errors";
import { describePermission } from "../lib/permissions";

export function AccessDenied({ required, message }: { required: string | null; message: string }) {
  return (
    <Stack gap="sm" role="region" aria-labelledby="access-denied-title">
      <Title order={2} id="access-denied-title">
        Access denied
      </Title>
      <Text>{message}</Text>
      {required !== null && (
        <Text>
          You need the permission to {describePermission(required)} (<Code>{required}</Code>). Ask your institution's
          administrator if you should have it.
        </Text>
      )}
      <Group>
        <Button component={Link} to="/" variant="light">
          Go to the start page
        </Button>
      </Group>
    </Stack>
  );
}

export function NotFoundView({ message = "We could not find this page." }: { message?: string }) {
  return (
    <Stack gap="sm" role="region" aria-labelledby="not-found-title">
      <Title order={2} id="not-found-title">
        Not found
      </Title>
      <Text>{message} It may have been removed, or the link may be wrong.</Text>
      <Group>
        <Button component={Link} to="/" variant="light">
          Go to the start page
        </Button>
      </Group>
    </Stack>
  );
}

/** DATABASE_ERROR, INTERNAL_ERROR and the unexpected: what support needs, one click to copy. */
export function SupportNotice({ requestId, message }: { requestId: string | null; message: string }) {
  return (
    <Alert color="red" title="Something went wrong" role="alert">
      <Stack gap="xs">
        <Text size="sm">{message} Please try again in a moment.</Text>
        {requestId !== null && (
          <Group gap="xs">
            <Text size="sm">
              If it keeps happening, contact support with this reference: <Code>{requestId}</Code>
            </Text>
            <CopyButton value={requestId}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" color={copied ? "teal" : "red"} onClick={copy}>
                  {copied ? "Copied" : "Copy reference"}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** RATE_LIMIT_EXCEEDED: count down from Retry-After, then `onDone` (the automatic retry). */
export function WaitNotice({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const left = useCountdown(seconds, onDone);
  return (
    <Alert color="yellow" title="Too many requests" role="status">
      Please wait: trying again in {left} {left === 1 ? "second" : "seconds"}.
    </Alert>
  );
}

export function useCountdown(seconds: number, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    setLeft(seconds);
    const endsAt = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        done.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

export function UnavailableNotice({ reaction, onRetry }: { reaction: Extract<Reaction, { kind: "unavailable" }>; onRetry?: () => void }) {
  return (
    <Alert color="orange" title={UNAVAILABLE[reaction.service]} role="alert">
      <Stack gap="xs">
        <Text size="sm">Nothing was lost. Try again in a moment.</Text>
        {onRetry !== undefined && (
          <Group>
            <Button size="compact-sm" variant="light" color="orange" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** A failed page load, as the person should see it. Sign-in failures are the auth provider's. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ReactionView reaction={reactionTo(error)} {...(onRetry === undefined ? {} : { onRetry })} />;
}

export function ReactionView({ reaction, onRetry }: { reaction: Reaction; onRetry?: () => void }) {
  switch (reaction.kind) {
    case "sign-in":
      return null;
    case "access-denied":
      return <AccessDenied required={reaction.required} message={reaction.message} />;
    case "not-found":
      return <NotFoundView />;
    case "wait":
      return <WaitNotice seconds={reaction.seconds} onDone={() => onRetry?.()} />;
    case "unavailable":
      return <UnavailableNotice reaction={reaction} {...(onRetry === undefined ? {} : { onRetry })} />;
    case "institution":
      return (
        <Alert color="red" title="Institution" role="alert">
          {INSTITUTION_PROBLEMS[reaction.problem]}
        </Alert>
      );
    case "fields":
    case "conflict":
      return (
        <Alert color="red" title="This request was not accepted" role="alert">
          {[reaction.message, ...Object.values(reaction.details)].join(" ")}
        </Alert>
      );
    case "support":
      return <SupportNotice requestId={reaction.requestId} message={reaction.message} />;
  }
}
