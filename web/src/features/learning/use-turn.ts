/**
 * One turn of a tutoring session: the student's message out, the tutor's reply streaming
 * in as it is written (`meta`, `delta`..., then `done` or `error`).
 *
 * The server stores the message before it asks the tutor, and answers a resend of the same
 * text as a retry of that stored turn (not a second copy), so a failed turn is retried by
 * sending its text again. Whether a failed message was stored is read from the transcript.
 */
import { ApiError, type SessionDetailOut, eventJson } from "@mentora/client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../lib/api";
import { type Reaction, reactionTo } from "../../lib/errors";
import { learningKeys } from "./queries";

export type TurnProblem =
  /** The connection ended before the reply did: nothing from the server says why. */
  | { kind: "dropped" }
  | { kind: "refused"; reaction: Reaction };

export type Turn =
  | { phase: "idle" }
  | { phase: "sending"; content: string; reply: string }
  /** `kept`: the message is in the transcript, so resending it retries that turn. */
  | { phase: "failed"; content: string; problem: TurnProblem; kept: boolean };

/** What became of a message that got no reply: kept in the transcript, or never stored. */
export type Outcome = "answered" | "kept" | "unsent" | "abandoned";

class StreamEndedEarly extends Error {
  override name = "StreamEndedEarly";
}

export function useTurn(sessionId: string) {
  const queryClient = useQueryClient();
  const [turn, setTurn] = useState<Turn>({ phase: "idle" });
  /** The last finished reply, for screen readers: read once, whole, not delta by delta. */
  const [announcement, setAnnouncement] = useState("");
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  /** The stored transcript, replacing what was shown while the reply streamed in. */
  const reloadTranscript = useCallback(async (): Promise<SessionDetailOut | undefined> => {
    const key = learningKeys.session(sessionId);
    await queryClient.refetchQueries({ queryKey: key, exact: true });
    void queryClient.invalidateQueries({ queryKey: learningKeys.mySessions });
    return queryClient.getQueryData<SessionDetailOut>(key);
  }, [queryClient, sessionId]);

  const send = useCallback(
    async (content: string): Promise<Outcome> => {
      const controller = new AbortController();
      inFlight.current = controller;
      setTurn({ phase: "sending", content, reply: "" });
      setAnnouncement("");
      let reply = "";
      try {
        let done = false;
        const events = api.sessions.streamMessage(sessionId, { content }, { signal: controller.signal });
        for await (const event of events) {
          if (event.event === "delta") {
            reply += eventJson<{ text: string }>(event).text;
            setTurn({ phase: "sending", content, reply });
          } else if (event.event === "done") {
            done = true;
          }
        }
        if (!done) throw new StreamEndedEarly("The reply stream ended without its last event");
      } catch (error) {
        if (controller.signal.aborted) return "abandoned";
        const transcript = await reloadTranscript();
        const problem: TurnProblem =
          error instanceof ApiError ? { kind: "refused", reaction: reactionTo(error) } : { kind: "dropped" };
        const kept = waitingTurn(transcript)?.content === content;
        setTurn({ phase: "failed", content, problem, kept });
        return kept ? "kept" : "unsent";
      }
      await reloadTranscript();
      setTurn({ phase: "idle" });
      setAnnouncement(`The tutor replied: ${reply}`);
      return "answered";
    },
    [reloadTranscript, sessionId],
  );

  return { turn, send, announcement };
}

/**
 * The student's last message if the tutor has not answered it: stored, and retried by
 * sending its text again. A "pending" one belongs to a request that is still running or
 * died; the server says which when it is resent.
 */
export function waitingTurn(session: SessionDetailOut | undefined) {
  const students = (session?.messages ?? []).filter((message) => message.role === "student");
  const lastStudent = students[students.length - 1];
  if (lastStudent === undefined || lastStudent.status === "answered") return null;
  return lastStudent;
}
