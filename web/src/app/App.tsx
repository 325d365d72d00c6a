import { MantineProvider, createTheme } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router";
import { AuthProvider } from "../lib/auth";
import { createQueryClient } from "../lib/query";
import { createRouter } from "./router";

const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 and a darker "dimmed": text and buttons keep a 4.5:1 contrast (WCAG AA).
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  // Visible focus for keyboard users, never for mouse clicks.
  focusRing: "auto",
});

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
