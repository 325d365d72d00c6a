import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { startPageFor } from "../../app/navigation";
import { paths } from "../../app/paths";
import { FormProblems } from "../../components/FormProblems";
import { Loading } from "../../components/Loading";
import { useAuth } from "../../lib/auth";
import { rememberedInstitution } from "../../lib/institution";
import { INSTITUTION_FIELD, useApiForm } from "../../lib/use-api-form";
import { useHostInstitution } from "./institution-query";
import { nextPage } from "./next-page";

const FIELDS = ["email", "password"] as const;
const FIELDS_WITH_INSTITUTION = [...FIELDS, INSTITUTION_FIELD] as const;

export function SignInPage() {
  const auth = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const host = useHostInstitution();
  // Where the host names the institution there is no field: its problems go at the top.
  const form = useApiForm(host.data === null ? FIELDS_WITH_INSTITUTION : FIELDS);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [institution, setInstitution] = useState(rememberedInstitution);
  const reason = (location.state as { reason?: string | null } | null)?.reason ?? null;

  if (auth.state.status === "starting" || host.isPending) return <Loading />;
  if (auth.state.status === "signed-in") return <Navigate to={nextPage(location.search, startPageFor(auth.me))} replace />;

  const named = host.data ?? null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() => auth.signIn({ email, password, institution: named === null ? institution : "" }));
  };

  return (
    <Container size={420} py="xl">
      <Stack>
        <Title order={1} ta="center">
          Sign in to Mentora
        </Title>
        {named !== null && (
          <Text ta="center" c="dimmed">
            {named.name}
          </Text>
        )}
        {reason !== null && (
          <Alert color="blue" role="status">
            {reason}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
          <Stack>
            <FormProblems problems={form.problems} />
            {named === null && (
              <TextInput
                label="Institution"
                description="The short name your institution uses for Mentora, e.g. demo"
                value={institution}
                onChange={(event) => setInstitution(event.currentTarget.value)}
                error={form.fieldError(INSTITUTION_FIELD)}
                autoComplete="organization"
                required
              />
            )}
            <TextInput
              label="Email"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={form.fieldError("email")}
              autoComplete="username"
              required
            />
            <PasswordInput
              label="Password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={form.fieldError("password")}
              autoComplete="current-password"
              required
            />
            <Button type="submit" loading={form.pending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </Paper>
        {(named === null || named.registration_open) && (
          <Text ta="center" size="sm">
            New student?{" "}
            <Anchor component={Link} to={paths.register}>
              Create an account
            </Anchor>
          </Text>
        )}
      </Stack>
    </Container>
  );
}
