/**
 * Types of an operation of the generated spec (`schema.ts`), by method and path template:
 * what its body, path and query parameters are, and what its success response holds.
 */
import type { components, paths } from "./schema.js";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** The path templates that have an operation for `M`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

export type Operation<P extends keyof paths, M extends HttpMethod> = Extract<paths[P][M], { responses: unknown }>;

type JsonContent<R> = R extends { content: { "application/json": infer J } } ? J : never;

/** The JSON body of the operation's 2xx response: the success (or list) envelope. */
export type SuccessBody<O> = O extends { responses: infer R } ? JsonContent<R[Extract<keyof R, 200 | 201 | 202>]> : never;

/** The `data` of the success envelope. */
export type DataOf<O> = SuccessBody<O> extends { data: infer D } ? D : never;

export type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer B } } } ? B : undefined;

export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? ([Q] extends [never] ? undefined : Q) : undefined;

export type PathParamsOf<O> = O extends { parameters: { path: infer Q } } ? ([Q] extends [never] ? undefined : Q) : undefined;

/** A page of a list endpoint: the list envelope. */
export interface Page<T> {
  data: T[];
  total: number;
  page: number;
  page_size: number;
  total_pages: number;
  message?: string | null;
}

type Schemas = components["schemas"];
export type ErrorCodeOut = Schemas["ErrorCodeOut"];
export type HealthOut = Schemas["HealthOut"];
export type TokenPair = Schemas["TokenPair"];
export type LoginIn = Schemas["LoginIn"];
export type RegisterIn = Schemas["RegisterIn"];
export type UserOut = Schemas["UserOut"];
export type MeOut = Schemas["MeOut"];
export type InvitedUserOut = Schemas["InvitedUserOut"];
export type UserInvite = Schemas["UserInvite"];
export type UserUpdate = Schemas["UserUpdate"];
export type MeUpdate = Schemas["MeUpdate"];
export type ChangePasswordIn = Schemas["ChangePasswordIn"];
export type RoleOut = Schemas["RoleOut"];
export type RoleCreate = Schemas["RoleCreate"];
export type RoleUpdate = Schemas["RoleUpdate"];
export type TenantOut = Schemas["TenantOut"];
export type TenantCreate = Schemas["TenantCreate"];
export type TenantUpdate = Schemas["TenantUpdate"];
export type FirstAdminIn = Schemas["FirstAdminIn"];
export type CaseStudyOut = Schemas["CaseStudyOut"];
export type CaseStudyStaffOut = Schemas["CaseStudyStaffOut"];
export type CaseStudyCreate = Schemas["CaseStudyCreate"];
export type CaseStudyUpdate = Schemas["CaseStudyUpdate"];
export type InitializeIn = Schemas["InitializeIn"];
export type SessionOut = Schemas["SessionOut"];
export type SessionDetailOut = Schemas["SessionDetailOut"];
export type MessageIn = Schemas["MessageIn"];
export type MessageOut = Schemas["MessageOut"];
export type TurnOut = Schemas["TurnOut"];
export type GradeOut = Schemas["GradeOut"];
export type JobOut = Schemas["JobOut"];
export type JobDetailOut = Schemas["JobDetailOut"];
