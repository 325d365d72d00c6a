/** The app's screens. Each feature is its own chunk, loaded when first visited. */
import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { Container } from "@mantine/core";
import { Navigate, createBrowserRouter, useRouteError } from "react-router";
import { NotFoundView, SupportNotice } from "../components/Problem";
import { useAuth } from "../lib/auth";
import { Loading } from "../components/Loading";
import { RequireSignIn } from "./Layout";
import { startPageFor } from "./navigation";
import { paths } from "./paths";
import { SignInPage } from "../features/auth/SignInPage";

function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const RegisterPage = page(() => import("../features/auth/RegisterPage"), "RegisterPage");
const ChangePasswordPage = page(() => import("../features/auth/ChangePasswordPage"), "ChangePasswordPage");
const CaseStudiesPage = page(() => import("../features/learning/CaseStudiesPage"), "CaseStudiesPage");
const SessionPage = page(() => import("../features/learning/SessionPage"), "SessionPage");
const MySessionsPage = page(() => import("../features/learning/MySessionsPage"), "MySessionsPage");
const MyGradesPage = page(() => import("../features/learning/MyGradesPage"), "MyGradesPage");
const StaffSessionsPage = page(() => import("../features/teaching/StaffSessionsPage"), "StaffSessionsPage");
const StaffSessionPage = page(() => import("../features/teaching/StaffSessionPage"), "StaffSessionPage");
const StaffGradesPage = page(() => import("../features/teaching/StaffGradesPage"), "StaffGradesPage");
const ManageCaseStudiesPage = page(() => import("../features/teaching/ManageCaseStudiesPage"), "ManageCaseStudiesPage");
const UsersPage = page(() => import("../features/admin/UsersPage"), "UsersPage");
const RolesPage = page(() => import("../features/admin/RolesPage"), "RolesPage");
const InstitutionPage = page(() => import("../features/admin/InstitutionPage"), "InstitutionPage");
const JobsPage = page(() => import("../features/admin/JobsPage"), "JobsPage");
const InstitutionsPage = page(() => import("../features/platform/InstitutionsPage"), "InstitutionsPage");

function StartPage() {
  const { me, state } = useAuth();
  if (state.status === "starting") return <Loading />;
  return <Navigate to={startPageFor(me)} replace />;
}

/** A screen that failed to render or load (e.g. a chunk gone after a new release). */
function ScreenFailed() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <SupportNotice requestId={null} message={`This screen could not be shown (${describe(error)}). Reload the page to get the current version.`} />
    </Container>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createRouter() {
  return createBrowserRouter([
    { path: paths.signIn, element: <SignInPage />, errorElement: <ScreenFailed /> },
    { path: paths.register, element: <RegisterPage />, errorElement: <ScreenFailed /> },
    {
      element: <RequireSignIn />,
      errorElement: <ScreenFailed />,
      children: [
        { path: paths.home, element: <StartPage /> },
        { path: paths.changePassword, element: <ChangePasswordPage /> },
        { path: paths.caseStudies, element: <CaseStudiesPage /> },
        { path: "/sessions/:sessionId", element: <SessionPage /> },
        { path: paths.mySessions, element: <MySessionsPage /> },
        { path: paths.myGrades, element: <MyGradesPage /> },
        { path: paths.staffSessions, element: <StaffSessionsPage /> },
        { path: "/staff/sessions/:sessionId", element: <StaffSessionPage /> },
        { path: paths.staffGrades, element: <StaffGradesPage /> },
        { path: paths.manageCaseStudies, element: <ManageCaseStudiesPage /> },
        { path: paths.users, element: <UsersPage /> },
        { path: paths.roles, element: <RolesPage /> },
        { path: paths.institution, element: <InstitutionPage /> },
        { path: paths.jobs, element: <JobsPage /> },
        { path: paths.institutions, element: <InstitutionsPage /> },
        { path: "*", element: <NotFoundView /> },
      ],
    },
  ]);
}
