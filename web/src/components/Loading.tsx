import { Center, Loader, VisuallyHidden } from "@mantine/core";

/** A spinner that screen readers hear as words (the spinner itself is a plain element). */
export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
