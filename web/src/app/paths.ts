/** Every screen's address, in one place: routes, navigation and links use these. */
export const paths = {
  home: "/",
  signIn: "/sign-in",
  register: "/register",
  changePassword: "/account/password",
  // Students
  caseStudies: "/case-studies",
  session: (id: string) => `/sessions/${encodeURIComponent(id)}`,
  mySessions: "/sessions",
  myGrades: "/grades",
  // Staff who grade
  staffSessions: "/staff/sessions",
  staffSession: (id: string) => `/staff/sessions/${encodeURIComponent(id)}`,
  staffGrades: "/staff/grades",
  // Administrators
  users: "/admin/users",
  roles: "/admin/roles",
  manageCaseStudies: "/admin/case-studies",
  institution: "/admin/institution",
  jobs: "/admin/jobs",
  // The platform operator
  institutions: "/operator/institutions",
} as const;
