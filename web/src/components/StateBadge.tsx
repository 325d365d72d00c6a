import { Badge } from "@mantine/core";
import type { ReactNode } from "react";

export type StateColor = "green" | "gray" | "red" | "blue" | "grape";

/**
 * A short state word in a table cell ("Active", "Dead"): never cut short when the table is
 * squeezed. Its colour is a dot beside words in the text colour: coloured words on a light
 * badge fall short of 4.5:1 contrast.
 */
export function StateBadge({ color, children }: { color: StateColor; children: ReactNode }) {
  return (
    <Badge color={color} variant="dot" miw="max-content">
      {children}
    </Badge>
  );
}
