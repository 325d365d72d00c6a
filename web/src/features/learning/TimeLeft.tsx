import { Text, VisuallyHidden } from "@mantine/core";
import { useMemo } from "react";
import { useCountdown } from "../../components/Problem";
import { clockTime, spokenTime } from "../../lib/format";

// When screen readers hear how long is left: not every second, only as the end nears.
const WARNINGS_SECONDS = [300, 60] as const;

/** The time a session has left; `onExpired` once it reaches zero. */
export function TimeLeft({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const startingSeconds = useMemo(
    () => Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 1000)),
    [expiresAt],
  );
  const left = useCountdown(startingSeconds, onExpired);
  const warning = WARNINGS_SECONDS.filter((threshold) => left <= threshold).at(-1);
  return (
    <>
      <Text role="timer" aria-label={`Time left: ${spokenTime(left)}`} fw={600} c={left <= 60 ? "red.8" : "inherit"}>
        Time left: {clockTime(left)}
      </Text>
      <VisuallyHidden role="status">
        {warning === undefined ? "" : `${spokenTime(warning)} left in this session.`}
      </VisuallyHidden>
    </>
  );
}
