/** The signed-in frame: header, navigation by permission, the screen, sign-out. */
import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense } from "react";
import { Link, NavLink as RouterNavLink, Navigate, Outlet, useLocation } from "react-router";
import { useAuth } from "../lib/auth";
import { Loading } from "../components/Loading";
import { navigationFor } from "./navigation";
import { paths } from "./paths";

export function RequireSignIn() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === "starting") return <Loading label="Signing you in" />;
  if (state.status === "signed-out") {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${paths.signIn}?next=${encodeURIComponent(next)}`} replace state={{ reason: state.reason }} />;
  }
  return <Layout />;
}

function Layout() {
  const { me, signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const items = navigationFor(me);
  const groups = [...new Set(items.map((item) => item.group))];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h4">
              <Link to={paths.home} className="brand">
                Mentora
              </Link>
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" truncate maw={220}>
              {me?.name}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea>
          <Stack gap="md">
            {groups.map((group) => (
              <nav key={group} aria-label={group}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                  {group}
                </Text>
                {items
                  .filter((item) => item.group === group)
                  .map((item) => (
                    <NavLink key={item.to} component={RouterNavLink} to={item.to} label={item.label} onClick={close} />
                  ))}
              </nav>
            ))}
            <nav aria-label="Account">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                Account
              </Text>
              <NavLink component={RouterNavLink} to={paths.changePassword} label="Change password" onClick={close} />
            </nav>
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
