import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, Navigate } from "react-router";
import { paths } from "../../app/paths";
import { FormProblems } from "../../components/FormProblems";
import { Loading } from "../../components/Loading";
import { ErrorState } from "../../components/Problem";
import { useAuth } from "../../lib/auth";
import { rememberedInstitution } from "../../lib/institution";
import { INSTITUTION_FIELD, useApiForm } from "../../lib/use-api-form";
import { useHostInstitution } from "./institution-query";

const FIELDS = ["name", "email", "password"] as const;
const FIELDS_WITH_INSTITUTION = [...FIELDS, INSTITUTION_FIELD] as const;

export function RegisterPage() {
  const auth = useAuth();
  const host = useHostInstitution();
  // Where the host names the institution there is no field: its problems go at the top.
  const form = useApiForm(host.data === null ? FIELDS_WITH_INSTITUTION : FIELDS);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [institution, setInstitution] = useState(rememberedInstitution);

  if (auth.state.status === "starting" || host.isPending) return <Loading />;
  if (auth.state.status === "signed-in") return <Navigate to={paths.home} replace />;
  if (host.isError) {
    return (
      <Container size={420} py="xl">
        <ErrorState error={host.error} onRetry={() => void host.refetch()} />
      </Container>
    );
  }

  const named = host.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() => auth.register({ name, email, password, institution: named === null ? institution : "" }));
  };

  return (
    <Container size={420} py="xl" component="main">
      <Stack>
        <Title order={1} ta="center">
          Create your Mentora account
        </Title>
        {named !== null && (
          <Text ta="center" c="dimmed">
            {named.name}
          </Text>
        )}
        {named !== null && !named.registration_open ? (
          <Alert color="blue" title="Accounts are created by your institution" role="status">
            {named.name} does not let students create their own accounts. Ask your teacher or your institution's
            administrator for one.
          </Alert>
        ) : (
          <Paper
            withBorder
            p="lg"
            radius="md"
            component="form"
            onSubmit={onSubmit}
            noValidate
            aria-label="Create an account"
          >
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
                label="Name"
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={form.fieldError("name")}
                autoComplete="name"
                required
              />
              <TextInput
                label="Email"
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={form.fieldError("email")}
                autoComplete="email"
                required
              />
              <PasswordInput
                label="Password"
                description="At least 8 characters"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={form.fieldError("password")}
                autoComplete="new-password"
                required
              />
              <Button type="submit" loading={form.pending} fullWidth>
                Create account
              </Button>
            </Stack>
          </Paper>
        )}
        <Text ta="center" size="sm">
          Already have an account?{" "}
          <Anchor component={Link} to={paths.signIn}>
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
