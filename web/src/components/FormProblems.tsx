import { Alert, List } from "@mantine/core";
import type { FormProblemState } from "../lib/use-api-form";
import { ReactionView } from "./Problem";

/** The top of a form: messages no field holds, and any other problem the last send met. */
export function FormProblems({ problems }: { problems: FormProblemState }) {
  const { messages, reaction, retry } = problems;
  return (
    <>
      {messages.length > 0 && (
        <Alert color="red" title="Please check the form" role="alert">
          {messages.length === 1 ? messages[0] : (
            <List size="sm">
              {messages.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {reaction !== null && (
        <ReactionView reaction={reaction} {...(retry === null ? {} : { onRetry: retry })} />
      )}
    </>
  );
}
