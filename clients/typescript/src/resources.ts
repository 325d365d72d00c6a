/**
 * Typed methods, one thin wrapper per route. Each names its operation by method and path
 * template, so the compiler checks bodies, parameters and results against the spec; a new
 * route is a few lines here. They know their client only as a `Requester` (`requester.ts`).
 */
import { errorFromEnvelope } from "./errors.js";
import type {
  CaseStudyCreate,
  CaseStudyOut,
  CaseStudyStaffOut,
  CaseStudyUpdate,
  ChangePasswordIn,
  ErrorCodeOut,
  FirstAdminIn,
  GradeOut,
  HealthOut,
  InitializeIn,
  InvitedUserOut,
  JobDetailOut,
  JobOut,
  LoginIn,
  MeOut,
  MeUpdate,
  MessageIn,
  Operation,
  Page,
  QueryOf,
  RegisterIn,
  RoleCreate,
  RoleOut,
  RoleUpdate,
  SessionDetailOut,
  SessionOut,
  TenantCreate,
  TenantOut,
  TenantUpdate,
  TokenPair,
  TurnOut,
  UserInvite,
  UserOut,
  UserUpdate,
} from "./operations.js";
import type { Requester } from "./requester.js";
import type { Tokens } from "./session.js";
import type { ServerSentEvent } from "./sse.js";

export interface PageQuery {
  skip?: number;
  limit?: number;
}

export interface Cancellable {
  signal?: AbortSignal;
}

abstract class Resource {
  protected readonly client: Requester;

  constructor(client: Requester) {
    this.client = client;
  }
}

export class Auth extends Resource {
  /**
   * Sign in; the client keeps the tokens and refreshes them when they expire. With
   * `refreshCookie`, the API keeps the refresh token in its cookie and `refresh_token` is null.
   */
  async login(body: LoginIn): Promise<TokenPair> {
    const { data } = await this.client.call("post", "/v1/auth/login", { body: this.#withCookie(body), authenticated: false });
    this.client.setTokens({ accessToken: data.access_token, refreshToken: data.refresh_token });
    return data;
  }

  /** Create a student account and sign it in. */
  async register(body: RegisterIn): Promise<TokenPair> {
    const { data } = await this.client.call("post", "/v1/auth/register", { body: this.#withCookie(body), authenticated: false });
    this.client.setTokens({ accessToken: data.access_token, refreshToken: data.refresh_token });
    return data;
  }

  /** Refresh the access token now (requests also do it by themselves when they need to). */
  async refresh(): Promise<Tokens | null> {
    await this.client.refreshTokens();
    return this.client.tokens;
  }

  /**
   * On a page load (`refreshCookie`): without an access token, sign in from the API's
   * refresh cookie. True once signed in; false when the server has no sign-in for this
   * browser (AUTHENTICATION_ERROR), which is no session ending: `onAuthFailure` does not
   * run. Other errors reject. Without `refreshCookie`: whether the client holds tokens.
   */
  resume(): Promise<boolean> {
    return this.client.resumeSession();
  }

  /** End the sign-in on the server and forget the tokens, whatever the server says. */
  async logout(): Promise<void> {
    const tokens = this.client.tokens;
    try {
      if (this.client.refreshCookie) {
        // Also without tokens: a page that never resumed may still hold the cookie.
        await this.client.call("post", "/v1/auth/logout", { body: {}, headers: this.client.csrfHeaders(), authenticated: false });
      } else if (tokens !== null && tokens.refreshToken !== null) {
        const body = { refresh_token: tokens.refreshToken };
        await this.client.call("post", "/v1/auth/logout", { body, authenticated: false });
      }
    } finally {
      this.client.setTokens(null);
    }
  }

  #withCookie<B extends LoginIn | RegisterIn>(body: B): B {
    return this.client.refreshCookie ? { ...body, refresh_cookie: true } : body;
  }
}

export class Me extends Resource {
  async get(): Promise<MeOut> {
    return (await this.client.call("get", "/v1/users/me")).data;
  }

  async update(body: MeUpdate): Promise<UserOut> {
    return (await this.client.call("patch", "/v1/users/me", { body })).data;
  }

  async changePassword(body: ChangePasswordIn): Promise<void> {
    await this.client.call("post", "/v1/users/me/change-password", { body });
  }
}

export interface UserQuery extends PageQuery {
  role?: string;
  is_active?: boolean;
  q?: string;
}

/** The tenant's users (`/v1/console/users`). */
export class Users extends Resource {
  list(query: UserQuery = {}): Promise<Page<UserOut>> {
    return this.client.call("get", "/v1/console/users", { query });
  }

  async invite(body: UserInvite): Promise<InvitedUserOut> {
    return (await this.client.call("post", "/v1/console/users", { body })).data;
  }

  async get(userId: string): Promise<UserOut> {
    return (await this.client.call("get", "/v1/console/users/{user_id}", { path: { user_id: userId } })).data;
  }

  async update(userId: string, body: UserUpdate): Promise<UserOut> {
    return (await this.client.call("patch", "/v1/console/users/{user_id}", { path: { user_id: userId }, body })).data;
  }

  async delete(userId: string): Promise<void> {
    await this.client.call("delete", "/v1/console/users/{user_id}", { path: { user_id: userId } });
  }

  async deactivate(userId: string): Promise<UserOut> {
    const path = { user_id: userId };
    return (await this.client.call("post", "/v1/console/users/{user_id}/deactivate", { path })).data;
  }
}

/** The tenant's roles (`/v1/console/roles`). */
export class Roles extends Resource {
  list(query: PageQuery = {}): Promise<Page<RoleOut>> {
    return this.client.call("get", "/v1/console/roles", { query });
  }

  async create(body: RoleCreate): Promise<RoleOut> {
    return (await this.client.call("post", "/v1/console/roles", { body })).data;
  }

  async get(roleId: string): Promise<RoleOut> {
    return (await this.client.call("get", "/v1/console/roles/{role_id}", { path: { role_id: roleId } })).data;
  }

  async update(roleId: string, body: RoleUpdate): Promise<RoleOut> {
    return (await this.client.call("patch", "/v1/console/roles/{role_id}", { path: { role_id: roleId }, body })).data;
  }

  async delete(roleId: string): Promise<void> {
    await this.client.call("delete", "/v1/console/roles/{role_id}", { path: { role_id: roleId } });
  }
}

export interface TenantQuery extends PageQuery {
  include_inactive?: boolean;
}

/** Institutions (`/v1/console/tenants`), for the platform operator. */
export class Tenants extends Resource {
  list(query: TenantQuery = {}): Promise<Page<TenantOut>> {
    return this.client.call("get", "/v1/console/tenants", { query });
  }

  async create(body: TenantCreate): Promise<TenantOut> {
    return (await this.client.call("post", "/v1/console/tenants", { body })).data;
  }

  async get(tenantId: string): Promise<TenantOut> {
    return (await this.client.call("get", "/v1/console/tenants/{tenant_id}", { path: { tenant_id: tenantId } })).data;
  }

  async update(tenantId: string, body: TenantUpdate): Promise<TenantOut> {
    const path = { tenant_id: tenantId };
    return (await this.client.call("patch", "/v1/console/tenants/{tenant_id}", { path, body })).data;
  }

  async deactivate(tenantId: string): Promise<void> {
    await this.client.call("delete", "/v1/console/tenants/{tenant_id}", { path: { tenant_id: tenantId } });
  }

  async createAdmin(tenantId: string, body: FirstAdminIn): Promise<InvitedUserOut> {
    const path = { tenant_id: tenantId };
    return (await this.client.call("post", "/v1/console/tenants/{tenant_id}/admins", { path, body })).data;
  }
}

/** The case studies a learner may start (`/v1/case-studies`). */
export class CaseStudies extends Resource {
  list(query: PageQuery = {}): Promise<Page<CaseStudyOut>> {
    return this.client.call("get", "/v1/case-studies", { query });
  }

  async get(caseStudyId: string): Promise<CaseStudyOut> {
    const path = { case_study_id: caseStudyId };
    return (await this.client.call("get", "/v1/case-studies/{case_study_id}", { path })).data;
  }
}

/** Authoring case studies (`/v1/console/case-studies`), with the fields staff see. */
export class ConsoleCaseStudies extends Resource {
  list(query: PageQuery = {}): Promise<Page<CaseStudyStaffOut>> {
    return this.client.call("get", "/v1/console/case-studies", { query });
  }

  async create(body: CaseStudyCreate): Promise<CaseStudyStaffOut> {
    return (await this.client.call("post", "/v1/console/case-studies", { body })).data;
  }

  async get(caseStudyId: string): Promise<CaseStudyStaffOut> {
    const path = { case_study_id: caseStudyId };
    return (await this.client.call("get", "/v1/console/case-studies/{case_study_id}", { path })).data;
  }

  async update(caseStudyId: string, body: CaseStudyUpdate): Promise<CaseStudyStaffOut> {
    const path = { case_study_id: caseStudyId };
    return (await this.client.call("patch", "/v1/console/case-studies/{case_study_id}", { path, body })).data;
  }

  async delete(caseStudyId: string): Promise<void> {
    const path = { case_study_id: caseStudyId };
    await this.client.call("delete", "/v1/console/case-studies/{case_study_id}", { path });
  }
}

export interface SessionQuery extends PageQuery {
  user_id?: string;
}

/** Tutoring sessions (`/v1/sessions`). */
export class Sessions extends Resource {
  /** Start a session on a case study, or resume the active one (`session_id`). */
  async initialize(body: InitializeIn): Promise<SessionDetailOut> {
    return (await this.client.call("post", "/v1/sessions/initialize", { body })).data;
  }

  list(query: SessionQuery = {}): Promise<Page<SessionOut>> {
    return this.client.call("get", "/v1/sessions", { query });
  }

  async get(sessionId: string): Promise<SessionDetailOut> {
    return (await this.client.call("get", "/v1/sessions/{session_id}", { path: { session_id: sessionId } })).data;
  }

  async end(sessionId: string): Promise<SessionDetailOut> {
    return (await this.client.call("post", "/v1/sessions/{session_id}/end", { path: { session_id: sessionId } })).data;
  }

  /** Send a turn and wait for the whole answer. */
  async sendMessage(sessionId: string, body: MessageIn): Promise<TurnOut> {
    const path = { session_id: sessionId };
    return (await this.client.call("post", "/v1/sessions/{session_id}/messages", { path, body })).data;
  }

  /**
   * Send a turn and read the answer as it is written: `meta`, `delta`..., then `done`.
   * An `error` event is thrown as its typed error (e.g. ExternalServiceError).
   */
  async *streamMessage(sessionId: string, body: MessageIn, options: Cancellable = {}): AsyncGenerator<ServerSentEvent> {
    const path = `/v1/sessions/${encodeURIComponent(sessionId)}/messages`;
    for await (const event of this.client.stream("POST", path, { body, signal: options.signal })) {
      if (event.event === "error") {
        const error = errorFromEnvelope(JSON.parse(event.data) as Record<string, unknown>);
        await this.client.report(error);
        throw error;
      }
      yield event;
    }
  }
}

export interface GradeQuery extends PageQuery {
  user_id?: string;
  case_study_id?: string;
}

/** Grades of tutoring sessions (`/v1/grades`; publishing is `/v1/console/grades`). */
export class Grades extends Resource {
  list(query: GradeQuery = {}): Promise<Page<GradeOut>> {
    return this.client.call("get", "/v1/grades", { query });
  }

  async forSession(sessionId: string): Promise<GradeOut> {
    const path = { session_id: sessionId };
    return (await this.client.call("get", "/v1/grades/session/{session_id}", { path })).data;
  }

  /** Publish now (to the LMS), without waiting for the scheduled time. */
  async publish(gradeId: string): Promise<GradeOut> {
    const path = { grade_id: gradeId };
    return (await this.client.call("post", "/v1/console/grades/{grade_id}/publish", { path })).data;
  }
}

/** `status` is one of the spec's job states. */
export type JobQuery = NonNullable<QueryOf<Operation<"/v1/console/jobs", "get">>>;

/** Background jobs (`/v1/console/jobs`), e.g. grading and LMS publishing. */
export class Jobs extends Resource {
  list(query: JobQuery = {}): Promise<Page<JobOut>> {
    return this.client.call("get", "/v1/console/jobs", { query });
  }

  async get(jobId: string): Promise<JobDetailOut> {
    return (await this.client.call("get", "/v1/console/jobs/{job_id}", { path: { job_id: jobId } })).data;
  }

  /** Run a dead job again. */
  async retry(jobId: string): Promise<JobDetailOut> {
    return (await this.client.call("post", "/v1/console/jobs/{job_id}/retry", { path: { job_id: jobId } })).data;
  }
}

export class Meta extends Resource {
  async errorCodes(): Promise<ErrorCodeOut[]> {
    return (await this.client.call("get", "/v1/meta/error-codes", { authenticated: false })).data;
  }

  async health(): Promise<HealthOut> {
    return (await this.client.call("get", "/healthz", { authenticated: false })).data;
  }
}
