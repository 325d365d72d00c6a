import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls sideways inside its own box, never the page. The box
 * is a named, focusable region, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
