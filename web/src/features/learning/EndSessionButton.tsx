import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { FormProblems } from "../../components/FormProblems";
import { api } from "../../lib/api";
import { useApiForm } from "../../lib/use-api-form";
import { learningKeys } from "./queries";

const NO_FIELDS: readonly string[] = [];

export function EndSessionButton({ sessionId, disabled }: { sessionId: string; disabled: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const end = useApiForm(NO_FIELDS);

  const onClose = () => {
    end.clear();
    close();
  };

  const onConfirm = async () => {
    const ended = await end.submit(async () => {
      queryClient.setQueryData(learningKeys.session(sessionId), await api.sessions.end(sessionId));
    });
    void queryClient.invalidateQueries({ queryKey: learningKeys.mySessions });
    if (ended) close();
    // Refused, perhaps because it had already ended (another tab, the time limit): show what is stored now.
    else void queryClient.invalidateQueries({ queryKey: learningKeys.session(sessionId), exact: true });
  };

  return (
    <>
      <Button color="red" variant="light" onClick={open} disabled={disabled}>
        End session
      </Button>
      <Modal
        opened={opened}
        onClose={onClose}
        title="End this session?"
        centered
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <Stack>
          <Text>You will not be able to send more messages. Your conversation will then be graded.</Text>
          <FormProblems problems={end.problems} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep working
            </Button>
            <Button color="red" onClick={() => void onConfirm()} loading={end.pending}>
              End session
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
