// Generated from the Mentora OpenAPI document by scripts/generate-types.mjs. Do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Healthz
         * @description The process is up.
         */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readyz
         * @description The database answers; DATABASE_ERROR when it does not.
         */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login
         * @description Exchange email and password for an access token and a refresh token.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Logout
         * @description End the sign-in the refresh token belongs to: it and its access tokens stop working.
         *
         *     The token comes from the body, or else from the `mentora_refresh` cookie, whose
         *     cookies are then cleared. Signing out what is not signed in (no token, an unknown
         *     or ended one) succeeds and changes nothing.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh
         * @description Rotate a refresh token: the new pair replaces it, and it cannot be used again.
         *
         *     The token comes from the body, or else from the `mentora_refresh` cookie; through the
         *     cookie, the new one is set as the cookie again (and `refresh_token` is null), and a
         *     token refused with AUTHENTICATION_ERROR has its cookies cleared.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register
         * @description Create a student account in the tenant the request names, and sign it in.
         *     AUTHORIZATION_ERROR when the institution has closed registration (``settings.registration_open``).
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/case-studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Active Case Studies
         * @description The tenant's active case studies.
         */
        get: operations["list_active_case_studies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/case-studies/{case_study_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Active Case Study
         * @description One active case study.
         */
        get: operations["get_active_case_study"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/case-studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Case Studies
         * @description Every case study of the tenant, inactive ones too, with their prompts.
         */
        get: operations["list_case_studies"];
        put?: never;
        /**
         * Create Case Study
         * @description Add a case study.
         */
        post: operations["create_case_study"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/case-studies/{case_study_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Case Study
         * @description One case study, with its prompt.
         */
        get: operations["get_case_study"];
        put?: never;
        post?: never;
        /**
         * Delete Case Study
         * @description Delete a case study that no session used (deactivate it otherwise).
         */
        delete: operations["delete_case_study"];
        options?: never;
        head?: never;
        /**
         * Update Case Study
         * @description Change a case study; sessions already running keep the time limit they started with.
         */
        patch: operations["update_case_study"];
        trace?: never;
    };
    "/v1/console/grades/{grade_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish Grade Now
         * @description Publish a grade to the LMS now; an LMS failure answers EXTERNAL_SERVICE_ERROR at once.
         */
        post: operations["publish_grade_now"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/institution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Institution
         * @description The caller's own institution; secrets show only as ``api_key_set`` and ``credentials_set``.
         *     NOT_FOUND for the platform operators, whose tenant is no institution.
         */
        get: operations["get_institution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Institution
         * @description Change the caller's own institution as the operator would, but for its slug, domain and
         *     activation. An omitted secret keeps its stored value, a null one clears it; a new AI or
         *     LMS URL drops the stored secret unless the request sends one.
         */
        patch: operations["update_institution"];
        trace?: never;
    };
    "/v1/console/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Jobs
         * @description The tenant's background jobs (grading, LMS publishing), newest first.
         */
        get: operations["list_jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Job
         * @description One job with every attempt it took.
         */
        get: operations["get_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/jobs/{job_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry Dead Job
         * @description Queue a dead job again now, with a fresh budget of attempts.
         */
        post: operations["retry_dead_job"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Roles
         * @description The system roles and the tenant's custom roles, with their permissions.
         */
        get: operations["list_roles"];
        put?: never;
        /**
         * Create Role
         * @description Add a custom role to the tenant.
         */
        post: operations["create_role"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/roles/{role_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Role
         * @description One role.
         */
        get: operations["get_role"];
        put?: never;
        post?: never;
        /**
         * Delete Role
         * @description Delete a custom role that no user holds.
         */
        delete: operations["delete_role"];
        options?: never;
        head?: never;
        /**
         * Update Role
         * @description Change a custom role; its users' permissions follow on their next request.
         */
        patch: operations["update_role"];
        trace?: never;
    };
    "/v1/console/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tenants
         * @description Every institution; deactivated ones only with ``include_inactive``.
         */
        get: operations["list_tenants"];
        put?: never;
        /**
         * Create Tenant
         * @description Add an institution. Secrets in ``ai_config``/``lms_config`` are stored encrypted and never returned.
         */
        post: operations["create_tenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/tenants/{tenant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Tenant
         * @description One institution.
         */
        get: operations["get_tenant"];
        put?: never;
        post?: never;
        /**
         * Deactivate Tenant
         * @description Deactivate an institution (soft delete): its users' tokens stop working.
         */
        delete: operations["deactivate_tenant"];
        options?: never;
        head?: never;
        /**
         * Update Tenant
         * @description Change an institution; an omitted secret keeps its stored value, a null one clears it.
         */
        patch: operations["update_tenant"];
        trace?: never;
    };
    "/v1/console/tenants/{tenant_id}/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Tenant Admin
         * @description Give an institution an administrator (its first, typically).
         */
        post: operations["create_tenant_admin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description The tenant's users.
         */
        get: operations["list_users"];
        put?: never;
        /**
         * Invite User
         * @description Add a user to the tenant, with a role the caller may grant.
         */
        post: operations["invite_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get User
         * @description One user of the tenant.
         */
        get: operations["get_user"];
        put?: never;
        post?: never;
        /**
         * Delete User
         * @description Delete a user for good.
         */
        delete: operations["delete_user"];
        options?: never;
        head?: never;
        /**
         * Update User
         * @description Change a user's name, role, status or session limit.
         */
        patch: operations["update_user"];
        trace?: never;
    };
    "/v1/console/users/{user_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate User
         * @description Deactivate a user: their tokens stop working on their next request.
         */
        post: operations["deactivate_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Grades
         * @description Your grades (staff who grade: the tenant's, by user, case study and LMS status), newest first.
         */
        get: operations["list_grades"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grades/session/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Session Grade
         * @description The grade of one session (NOT_FOUND until grading has finished).
         */
        get: operations["get_session_grade"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/institution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find Institution
         * @description The institution a sign-in names (host, ``X-Tenant`` or ``slug``): its name, branding and
         *     whether students may register; ``null`` when nothing names one. TENANT_ERROR as login
         *     answers it: ``unknown``, ``inactive``.
         */
        get: operations["find_institution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meta/error-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Error Codes
         * @description The catalog of error codes: code, HTTP status, description and the frontend's action.
         */
        get: operations["list_error_codes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Sessions
         * @description Your sessions, newest first (staff who grade see the tenant's, by student and case study).
         */
        get: operations["list_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Session
         * @description One session with its transcript.
         */
        get: operations["get_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{session_id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End Session
         * @description End your session.
         */
        post: operations["end_session"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{session_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Message
         * @description Send your turn and get the tutor's answer; streamed as server-sent events when you
         *     accept ``text/event-stream``. Your turn is stored before the tutor is asked, so if the
         *     AI fails (EXTERNAL_SERVICE_ERROR) send the same text again to retry that turn.
         */
        post: operations["send_message"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/initialize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Initialize Session
         * @description Start a session on a case study, or resume the active one given as ``session_id`` (200).
         *
         *     A second active session on the same case study is CONFLICT naming the active
         *     ``session_id``; so is going past the session limit (the user's, else the tenant's).
         */
        post: operations["initialize_session"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Me
         * @description The signed-in user, with the permissions they hold now.
         */
        get: operations["get_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Me
         * @description Change your own profile (name). Role, tenant, status and limits are not yours to set.
         */
        patch: operations["update_me"];
        trace?: never;
    };
    "/v1/users/me/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Password
         * @description Change your password; your current one must be given.
         */
        post: operations["change_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AIConfigIn */
        AIConfigIn: {
            /**
             * Api Key
             * @description Write-only; omit to keep the stored one, null to clear it
             */
            api_key?: string | null;
            /**
             * Base Url
             * @description OpenAI-compatible endpoint; unset: the offline tutor
             */
            base_url?: string | null;
            /**
             * Max Tokens
             * @default 800
             */
            max_tokens?: number;
            /** Model */
            model?: string | null;
            /**
             * Temperature
             * @default 0.7
             */
            temperature?: number;
        };
        /** AIConfigOut */
        AIConfigOut: {
            /**
             * Api Key Set
             * @default false
             */
            api_key_set?: boolean;
            /** Base Url */
            base_url?: string | null;
            /**
             * Max Tokens
             * @default 800
             */
            max_tokens?: number;
            /** Model */
            model?: string | null;
            /**
             * Temperature
             * @default 0.7
             */
            temperature?: number;
        };
        /** AuthenticationErrorResponse */
        AuthenticationErrorResponse: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "AUTHENTICATION_ERROR";
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /** AuthorizationDetails */
        AuthorizationDetails: {
            /**
             * Required
             * @description The permission the route needs, as MODULE.action
             */
            required: string;
        };
        /** AuthorizationErrorResponse */
        AuthorizationErrorResponse: {
            /**
             * Code
             * @default AUTHORIZATION_ERROR
             * @constant
             */
            code: "AUTHORIZATION_ERROR";
            details: components["schemas"]["AuthorizationDetails"];
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /** Branding */
        Branding: {
            /** Logo Url */
            logo_url?: string | null;
            /** Primary Color */
            primary_color?: string | null;
            /** Secondary Color */
            secondary_color?: string | null;
            /**
             * Widget Position
             * @default bottom-right
             * @enum {string}
             */
            widget_position?: "bottom-right" | "bottom-left" | "top-right" | "top-left";
        };
        /** CaseStudyCreate */
        CaseStudyCreate: {
            /**
             * Description
             * @default
             */
            description?: string;
            /** First Message */
            first_message?: string | null;
            /** Instructions */
            instructions?: string[];
            /**
             * Is Active
             * @default true
             */
            is_active?: boolean;
            /**
             * Llm Model
             * @description Unset: the tenant's configured model
             */
            llm_model?: string | null;
            /** Slug */
            slug: string;
            /**
             * System Prompt
             * @default
             */
            system_prompt?: string;
            /**
             * Time Limit Minutes
             * @description Unset: the tenant's session_minutes
             */
            time_limit_minutes?: number | null;
            /** Title */
            title: string;
        };
        /**
         * CaseStudyOut
         * @description What a student sees: no system prompt.
         */
        CaseStudyOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** First Message */
            first_message: string | null;
            /** Id */
            id: string;
            /** Instructions */
            instructions: string[];
            /** Is Active */
            is_active: boolean;
            /** Slug */
            slug: string;
            /** Time Limit Minutes */
            time_limit_minutes: number | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** CaseStudyStaffOut */
        CaseStudyStaffOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** First Message */
            first_message: string | null;
            /** Id */
            id: string;
            /** Instructions */
            instructions: string[];
            /** Is Active */
            is_active: boolean;
            /** Llm Model */
            llm_model: string | null;
            /** Slug */
            slug: string;
            /** System Prompt */
            system_prompt: string;
            /** Time Limit Minutes */
            time_limit_minutes: number | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** CaseStudyUpdate */
        CaseStudyUpdate: {
            /** Description */
            description?: string | null;
            /** First Message */
            first_message?: string | null;
            /** Instructions */
            instructions?: string[] | null;
            /** Is Active */
            is_active?: boolean | null;
            /** Llm Model */
            llm_model?: string | null;
            /** Slug */
            slug?: string | null;
            /** System Prompt */
            system_prompt?: string | null;
            /** Time Limit Minutes */
            time_limit_minutes?: number | null;
            /** Title */
            title?: string | null;
        };
        /** ChangePasswordIn */
        ChangePasswordIn: {
            /** Current Password */
            current_password: string;
            /** New Password */
            new_password: string;
        };
        /** ConflictResponse */
        ConflictResponse: {
            /**
             * Code
             * @default CONFLICT
             * @constant
             */
            code: "CONFLICT";
            /**
             * Details
             * @description Field path (dot notation; query./path./header. for parameters; _body) -> message
             */
            details: {
                [key: string]: string;
            };
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /** DatabaseErrorResponse */
        DatabaseErrorResponse: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "DATABASE_ERROR";
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /**
         * ErrorCode
         * @enum {string}
         */
        ErrorCode: "AUTHENTICATION_ERROR" | "TOKEN_EXPIRED" | "AUTHORIZATION_ERROR" | "NOT_FOUND" | "VALIDATION_ERROR" | "CONFLICT" | "RATE_LIMIT_EXCEEDED" | "TENANT_ERROR" | "EXTERNAL_SERVICE_ERROR" | "DATABASE_ERROR" | "INTERNAL_ERROR";
        /** ErrorCodeOut */
        ErrorCodeOut: {
            /** Action */
            action: string;
            code: components["schemas"]["ErrorCode"];
            /** Description */
            description: string;
            /** Status */
            status: number;
        };
        /** ExternalServiceDetails */
        ExternalServiceDetails: {
            /**
             * Reason
             * @enum {string}
             */
            reason: "timeout" | "unavailable" | "rejected" | "bad_response" | "circuit_open";
            /**
             * Service
             * @description ai, lms, ...
             */
            service: string;
        };
        /** ExternalServiceErrorResponse */
        ExternalServiceErrorResponse: {
            /**
             * Code
             * @default EXTERNAL_SERVICE_ERROR
             * @constant
             */
            code: "EXTERNAL_SERVICE_ERROR";
            details: components["schemas"]["ExternalServiceDetails"];
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /** FirstAdminIn */
        FirstAdminIn: {
            /**
             * Email
             * Format: email
             */
            email: string;
            /** Name */
            name: string;
            /** Password */
            password?: string | null;
        };
        /** GradeOut */
        GradeOut: {
            /** Case Study Id */
            case_study_id: string;
            /** Communication */
            communication: number;
            /** Comprehension */
            comprehension: number;
            /** Critical Thinking */
            critical_thinking: number;
            /**
             * Final Score
             * @description 40% critical thinking, 30% comprehension, 30% communication
             */
            final_score: number;
            /**
             * Graded At
             * Format: date-time
             */
            graded_at: string;
            /** Grader */
            grader: string;
            /** Id */
            id: string;
            /**
             * Lms Status
             * @enum {string}
             */
            lms_status: "pending" | "published" | "not_configured";
            /** Published At */
            published_at: string | null;
            /** Session Id */
            session_id: string;
            /** Summary */
            summary: string;
            /** User Id */
            user_id: string;
        };
        /** HealthOut */
        HealthOut: {
            /**
             * Status
             * @default ok
             * @constant
             */
            status?: "ok";
        };
        /** InitializeIn */
        InitializeIn: {
            /**
             * Content Id
             * @description The case study
             */
            content_id: string;
            /**
             * Session Id
             * @description Resume this active session
             */
            session_id?: string | null;
        };
        /**
         * InstitutionUpdate
         * @description What an institution's own administrators may change; how it is reached and whether
         *     it is active stay the platform operator's (``TenantUpdate``).
         */
        InstitutionUpdate: {
            ai_config?: components["schemas"]["AIConfigIn"] | null;
            /** Allowed Origins */
            allowed_origins?: string[] | null;
            branding?: components["schemas"]["Branding"] | null;
            lms_config?: components["schemas"]["LMSConfigIn"] | null;
            /** Lms Type */
            lms_type?: ("canvas" | "moodle" | "blackboard" | "lti") | null;
            /** Name */
            name?: string | null;
            settings?: components["schemas"]["TenantSettings"] | null;
        };
        /** InternalErrorResponse */
        InternalErrorResponse: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "INTERNAL_ERROR";
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /** InvitedUserOut */
        InvitedUserOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /** Id */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Name */
            name: string;
            /** Role */
            role: string;
            /** Role Id */
            role_id: string;
            settings: components["schemas"]["UserSettings"];
            /**
             * Temporary Password
             * @description Shown once, when no password was given
             */
            temporary_password?: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** JobAttemptOut */
        JobAttemptOut: {
            /** Error */
            error: string | null;
            /** Finished At */
            finished_at: string | null;
            /** Number */
            number: number;
            /**
             * Outcome
             * @enum {string}
             */
            outcome: "running" | "succeeded" | "failed" | "abandoned";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** Worker */
            worker: string;
        };
        /** JobDetailOut */
        JobDetailOut: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Finished At */
            finished_at: string | null;
            /** History */
            history: components["schemas"]["JobAttemptOut"][];
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            /** Last Error */
            last_error: string | null;
            /** Max Attempts */
            max_attempts: number;
            /** Payload */
            payload: {
                [key: string]: unknown;
            };
            /**
             * Run At
             * Format: date-time
             */
            run_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "dead";
        };
        /** JobOut */
        JobOut: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Finished At */
            finished_at: string | null;
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            /** Last Error */
            last_error: string | null;
            /** Max Attempts */
            max_attempts: number;
            /** Payload */
            payload: {
                [key: string]: unknown;
            };
            /**
             * Run At
             * Format: date-time
             */
            run_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "dead";
        };
        /** ListEnvelope[CaseStudyOut] */
        ListEnvelope_CaseStudyOut_: {
            /** Data */
            data: components["schemas"]["CaseStudyOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** ListEnvelope[CaseStudyStaffOut] */
        ListEnvelope_CaseStudyStaffOut_: {
            /** Data */
            data: components["schemas"]["CaseStudyStaffOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** ListEnvelope[GradeOut] */
        ListEnvelope_GradeOut_: {
            /** Data */
            data: components["schemas"]["GradeOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** ListEnvelope[JobOut] */
        ListEnvelope_JobOut_: {
            /** Data */
            data: components["schemas"]["JobOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** ListEnvelope[RoleOut] */
        ListEnvelope_RoleOut_: {
            /** Data */
            data: components["schemas"]["RoleOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** ListEnvelope[SessionOut] */
        ListEnvelope_SessionOut_: {
            /** Data */
            data: components["schemas"]["SessionOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** ListEnvelope[TenantOut] */
        ListEnvelope_TenantOut_: {
            /** Data */
            data: components["schemas"]["TenantOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** ListEnvelope[UserOut] */
        ListEnvelope_UserOut_: {
            /** Data */
            data: components["schemas"]["UserOut"][];
            /** Message */
            message: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
            /** Total */
            total: number;
            /** Total Pages */
            total_pages: number;
        };
        /** LMSConfigIn */
        LMSConfigIn: {
            /** Base Url */
            base_url?: string | null;
            /** Client Id */
            client_id?: string | null;
            /**
             * Course Mapping
             * @description case study id -> LMS line item / assignment
             */
            course_mapping?: {
                [key: string]: string;
            };
            /**
             * Credentials
             * @description Write-only (private key, API token, ...); omit to keep the stored ones, null to clear
             */
            credentials?: {
                [key: string]: string;
            } | null;
            /** Deployment Id */
            deployment_id?: string | null;
            /** Token Url */
            token_url?: string | null;
        };
        /** LMSConfigOut */
        LMSConfigOut: {
            /** Base Url */
            base_url?: string | null;
            /** Client Id */
            client_id?: string | null;
            /** Course Mapping */
            course_mapping?: {
                [key: string]: string;
            };
            /**
             * Credentials Set
             * @description Names of the stored credentials
             */
            credentials_set?: string[];
            /** Deployment Id */
            deployment_id?: string | null;
            /** Token Url */
            token_url?: string | null;
        };
        /** LoginIn */
        LoginIn: {
            /** Email */
            email: string;
            /** Password */
            password: string;
            /**
             * Refresh Cookie
             * @description Deliver the refresh token as an HttpOnly cookie instead of in the body (browser apps). Default false.
             */
            refresh_cookie?: boolean;
            /** Tenant Slug */
            tenant_slug?: string | null;
        };
        /** MeOut */
        MeOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /** Id */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Name */
            name: string;
            /**
             * Permissions
             * @description What the user may do now (MODULE.action), for showing or hiding what they cannot
             */
            permissions: string[];
            /** Role */
            role: string;
            /** Role Id */
            role_id: string;
            settings: components["schemas"]["UserSettings"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** MessageIn */
        MessageIn: {
            /** Content */
            content: string;
        };
        /** MessageOut */
        MessageOut: {
            /** Content */
            content: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: string;
            /** Reply To */
            reply_to: string | null;
            /**
             * Role
             * @enum {string}
             */
            role: "student" | "tutor";
            /** Sequence */
            sequence: number;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "answered" | "failed" | "complete" | "incomplete";
        };
        /**
         * MeUpdate
         * @description What a user may change about themselves: not their role, tenant, status or limits.
         */
        MeUpdate: {
            /** Name */
            name?: string | null;
        };
        /** NotFoundResponse */
        NotFoundResponse: {
            /**
             * Code
             * @default NOT_FOUND
             * @constant
             */
            code: "NOT_FOUND";
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /**
         * PublicInstitutionOut
         * @description What anyone may learn about an institution before signing in: enough to show its sign-in screen.
         */
        PublicInstitutionOut: {
            branding: components["schemas"]["Branding"];
            /** Name */
            name: string;
            /** Registration Open */
            registration_open: boolean;
            /** Slug */
            slug: string;
        };
        /** RateLimitDetails */
        RateLimitDetails: {
            /** Limit */
            limit: number;
            /**
             * Retry After
             * @description Seconds to wait before retrying
             */
            retry_after: number;
            /**
             * Scope
             * @description What the limit counts: ip, user, tenant, login, ...
             */
            scope: string;
            /**
             * Window
             * @description Window length in seconds
             */
            window: number;
        };
        /** RateLimitExceededResponse */
        RateLimitExceededResponse: {
            /**
             * Code
             * @default RATE_LIMIT_EXCEEDED
             * @constant
             */
            code: "RATE_LIMIT_EXCEEDED";
            details: components["schemas"]["RateLimitDetails"];
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /**
         * RateLimitOverrides
         * @description Per-tenant overrides of the deployment's rate limits (MENTORA_RATE_LIMIT_*).
         */
        RateLimitOverrides: {
            /**
             * Ai Turns
             * @description e.g. 10/minute; unset: the deployment's
             */
            ai_turns?: string | null;
            /**
             * Anonymous
             * @description e.g. 10/minute; unset: the deployment's
             */
            anonymous?: string | null;
            /**
             * Login
             * @description e.g. 10/minute; unset: the deployment's
             */
            login?: string | null;
            /**
             * Login Account
             * @description e.g. 10/minute; unset: the deployment's
             */
            login_account?: string | null;
            /**
             * Login Ip
             * @description e.g. 10/minute; unset: the deployment's
             */
            login_ip?: string | null;
            /**
             * Tenant
             * @description e.g. 10/minute; unset: the deployment's
             */
            tenant?: string | null;
            /**
             * User
             * @description e.g. 10/minute; unset: the deployment's
             */
            user?: string | null;
        };
        /** RefreshIn */
        RefreshIn: {
            /**
             * Refresh Token
             * @description Leave it out to use the `mentora_refresh` cookie instead, which then needs `X-CSRF-Token` (browser apps)
             */
            refresh_token?: string | null;
        };
        /** RegisterIn */
        RegisterIn: {
            /**
             * Email
             * Format: email
             */
            email: string;
            /** Name */
            name: string;
            /** Password */
            password: string;
            /**
             * Refresh Cookie
             * @description Deliver the refresh token as an HttpOnly cookie instead of in the body (browser apps). Default false.
             */
            refresh_cookie?: boolean;
            /** Tenant Slug */
            tenant_slug?: string | null;
        };
        /** RoleCreate */
        RoleCreate: {
            /**
             * Description
             * @default
             */
            description?: string;
            /**
             * Name
             * @description UPPER_SNAKE_CASE
             */
            name: string;
            /** Permissions */
            permissions: ("CASE_STUDIES.can_create" | "CASE_STUDIES.can_delete" | "CASE_STUDIES.can_edit" | "CASE_STUDIES.can_view" | "GRADES.can_create" | "GRADES.can_delete" | "GRADES.can_edit" | "GRADES.can_view" | "LMS.can_create" | "LMS.can_delete" | "LMS.can_edit" | "LMS.can_view" | "ROLE_MANAGEMENT.can_create" | "ROLE_MANAGEMENT.can_delete" | "ROLE_MANAGEMENT.can_edit" | "ROLE_MANAGEMENT.can_view" | "SESSIONS.can_create" | "SESSIONS.can_delete" | "SESSIONS.can_edit" | "SESSIONS.can_view" | "SETTINGS.can_edit" | "SETTINGS.can_view" | "USER_MANAGEMENT.can_create" | "USER_MANAGEMENT.can_delete" | "USER_MANAGEMENT.can_edit" | "USER_MANAGEMENT.can_view")[];
        };
        /** RoleOut */
        RoleOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Id */
            id: string;
            /** Is System */
            is_system: boolean;
            /** Name */
            name: string;
            /** Permissions */
            permissions: string[];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** RoleUpdate */
        RoleUpdate: {
            /** Description */
            description?: string | null;
            /** Name */
            name?: string | null;
            /** Permissions */
            permissions?: ("CASE_STUDIES.can_create" | "CASE_STUDIES.can_delete" | "CASE_STUDIES.can_edit" | "CASE_STUDIES.can_view" | "GRADES.can_create" | "GRADES.can_delete" | "GRADES.can_edit" | "GRADES.can_view" | "LMS.can_create" | "LMS.can_delete" | "LMS.can_edit" | "LMS.can_view" | "ROLE_MANAGEMENT.can_create" | "ROLE_MANAGEMENT.can_delete" | "ROLE_MANAGEMENT.can_edit" | "ROLE_MANAGEMENT.can_view" | "SESSIONS.can_create" | "SESSIONS.can_delete" | "SESSIONS.can_edit" | "SESSIONS.can_view" | "SETTINGS.can_edit" | "SETTINGS.can_view" | "USER_MANAGEMENT.can_create" | "USER_MANAGEMENT.can_delete" | "USER_MANAGEMENT.can_edit" | "USER_MANAGEMENT.can_view")[] | null;
        };
        /** SessionDetailOut */
        SessionDetailOut: {
            /** Case Study Id */
            case_study_id: string;
            /** End Reason */
            end_reason: ("student" | "time_limit") | null;
            /** Ended At */
            ended_at: string | null;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** First Message */
            first_message: string | null;
            /** Id */
            id: string;
            /** Messages */
            messages: components["schemas"]["MessageOut"][];
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "ended";
            /**
             * Tutor
             * @description Which tutor answers: offline, or the configured provider
             */
            tutor: string;
            /** User Id */
            user_id: string;
        };
        /** SessionOut */
        SessionOut: {
            /** Case Study Id */
            case_study_id: string;
            /** End Reason */
            end_reason: ("student" | "time_limit") | null;
            /** Ended At */
            ended_at: string | null;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Id */
            id: string;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "ended";
            /**
             * Tutor
             * @description Which tutor answers: offline, or the configured provider
             */
            tutor: string;
            /** User Id */
            user_id: string;
        };
        /** SuccessEnvelope[CaseStudyOut] */
        SuccessEnvelope_CaseStudyOut_: {
            data: components["schemas"]["CaseStudyOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[CaseStudyStaffOut] */
        SuccessEnvelope_CaseStudyStaffOut_: {
            data: components["schemas"]["CaseStudyStaffOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[GradeOut] */
        SuccessEnvelope_GradeOut_: {
            data: components["schemas"]["GradeOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[HealthOut] */
        SuccessEnvelope_HealthOut_: {
            data: components["schemas"]["HealthOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[InvitedUserOut] */
        SuccessEnvelope_InvitedUserOut_: {
            data: components["schemas"]["InvitedUserOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[JobDetailOut] */
        SuccessEnvelope_JobDetailOut_: {
            data: components["schemas"]["JobDetailOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[list[ErrorCodeOut]] */
        SuccessEnvelope_list_ErrorCodeOut__: {
            /** Data */
            data: components["schemas"]["ErrorCodeOut"][];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[MeOut] */
        SuccessEnvelope_MeOut_: {
            data: components["schemas"]["MeOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[NoneType] */
        SuccessEnvelope_NoneType_: {
            /** Data */
            data: null;
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[RoleOut] */
        SuccessEnvelope_RoleOut_: {
            data: components["schemas"]["RoleOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[SessionDetailOut] */
        SuccessEnvelope_SessionDetailOut_: {
            data: components["schemas"]["SessionDetailOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[TenantOut] */
        SuccessEnvelope_TenantOut_: {
            data: components["schemas"]["TenantOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[TokenPair] */
        SuccessEnvelope_TokenPair_: {
            data: components["schemas"]["TokenPair"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[TurnOut] */
        SuccessEnvelope_TurnOut_: {
            data: components["schemas"]["TurnOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[Union[PublicInstitutionOut, NoneType]] */
        SuccessEnvelope_Union_PublicInstitutionOut__NoneType__: {
            data: components["schemas"]["PublicInstitutionOut"] | null;
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** SuccessEnvelope[UserOut] */
        SuccessEnvelope_UserOut_: {
            data: components["schemas"]["UserOut"];
            /** Message */
            message: string | null;
            /**
             * Success
             * @default true
             * @constant
             */
            success: true;
        };
        /** TenantCreate */
        TenantCreate: {
            ai_config?: components["schemas"]["AIConfigIn"];
            /** Allowed Origins */
            allowed_origins?: string[];
            branding?: components["schemas"]["Branding"];
            /** Domain */
            domain?: string | null;
            lms_config?: components["schemas"]["LMSConfigIn"];
            /** Lms Type */
            lms_type?: ("canvas" | "moodle" | "blackboard" | "lti") | null;
            /** Name */
            name: string;
            settings?: components["schemas"]["TenantSettings"];
            /** Slug */
            slug: string;
        };
        /** TenantErrorDetails */
        TenantErrorDetails: {
            /**
             * Reason
             * @enum {string}
             */
            reason: "missing" | "unknown" | "inactive";
        };
        /** TenantErrorResponse */
        TenantErrorResponse: {
            /**
             * Code
             * @default TENANT_ERROR
             * @constant
             */
            code: "TENANT_ERROR";
            details: components["schemas"]["TenantErrorDetails"];
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /** TenantOut */
        TenantOut: {
            ai_config: components["schemas"]["AIConfigOut"];
            /** Allowed Origins */
            allowed_origins: string[];
            branding: components["schemas"]["Branding"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Domain */
            domain: string | null;
            /** Id */
            id: string;
            /** Is Active */
            is_active: boolean;
            lms_config: components["schemas"]["LMSConfigOut"];
            /** Lms Type */
            lms_type: string | null;
            /** Name */
            name: string;
            settings: components["schemas"]["TenantSettings"];
            /** Slug */
            slug: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** TenantSettings */
        TenantSettings: {
            /**
             * Daily Message Quota
             * @description AI turns per student per day; 0: no quota
             * @default 200
             */
            daily_message_quota?: number;
            /**
             * Max Sessions
             * @description Sessions per student per case study
             * @default 5
             */
            max_sessions?: number;
            rate_limits?: components["schemas"]["RateLimitOverrides"];
            /**
             * Registration Open
             * @description Students may create their own account with POST /v1/auth/register
             * @default true
             */
            registration_open?: boolean;
            /**
             * Session Minutes
             * @description Default time limit of a tutoring session
             * @default 60
             */
            session_minutes?: number;
        };
        /** TenantUpdate */
        TenantUpdate: {
            ai_config?: components["schemas"]["AIConfigIn"] | null;
            /** Allowed Origins */
            allowed_origins?: string[] | null;
            branding?: components["schemas"]["Branding"] | null;
            /** Domain */
            domain?: string | null;
            /** Is Active */
            is_active?: boolean | null;
            lms_config?: components["schemas"]["LMSConfigIn"] | null;
            /** Lms Type */
            lms_type?: ("canvas" | "moodle" | "blackboard" | "lti") | null;
            /** Name */
            name?: string | null;
            settings?: components["schemas"]["TenantSettings"] | null;
            /** Slug */
            slug?: string | null;
        };
        /** TokenExpiredResponse */
        TokenExpiredResponse: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "TOKEN_EXPIRED";
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
        /** TokenPair */
        TokenPair: {
            /** Access Token */
            access_token: string;
            /**
             * Expires In
             * @description Seconds until the access token expires
             */
            expires_in: number;
            /**
             * Refresh Token
             * @description null when it is set as the `mentora_refresh` cookie instead: asked for with `refresh_cookie`, or refreshed through the cookie
             */
            refresh_token: string | null;
            /**
             * Token Type
             * @default bearer
             * @constant
             */
            token_type?: "bearer";
        };
        /** TurnOut */
        TurnOut: {
            reply: components["schemas"]["MessageOut"];
            student_message: components["schemas"]["MessageOut"];
        };
        /** UserInvite */
        UserInvite: {
            /**
             * Email
             * Format: email
             */
            email: string;
            /** Name */
            name: string;
            /**
             * Password
             * @description Unset: a temporary one is returned
             */
            password?: string | null;
            /**
             * Role
             * @description Role name or id
             * @default STUDENT
             */
            role?: string;
            settings?: components["schemas"]["UserSettings"];
        };
        /** UserOut */
        UserOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /** Id */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Name */
            name: string;
            /** Role */
            role: string;
            /** Role Id */
            role_id: string;
            settings: components["schemas"]["UserSettings"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** UserSettings */
        UserSettings: {
            /**
             * Lms User Id
             * @description The user's id in the LMS; null: Mentora's id
             */
            lms_user_id?: string | null;
            /**
             * Max Sessions
             * @description Sessions per case study for this user; null: the tenant's setting
             */
            max_sessions?: number | null;
        };
        /** UserUpdate */
        UserUpdate: {
            /** Is Active */
            is_active?: boolean | null;
            /** Name */
            name?: string | null;
            /**
             * Role
             * @description Role name or id
             */
            role?: string | null;
            settings?: components["schemas"]["UserSettings"] | null;
        };
        /** ValidationErrorResponse */
        ValidationErrorResponse: {
            /**
             * Code
             * @default VALIDATION_ERROR
             * @constant
             */
            code: "VALIDATION_ERROR";
            /**
             * Details
             * @description Field path (dot notation; query./path./header. for parameters; _body) -> message
             */
            details: {
                [key: string]: string;
            };
            /**
             * Error
             * @description A message safe to show a person
             */
            error: string;
            /**
             * Success
             * @default false
             * @constant
             */
            success: false;
        };
    };
    responses: never;
    parameters: {
        /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
        IdempotencyKey: string;
        /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
        XTenant: string;
    };
    requestBodies: never;
    headers: {
        /** @description `true` when this is the kept response to an earlier request with the same `Idempotency-Key`. */
        IdempotentReplayed: "true";
        /** @description Requests the applying rate-limit policy allows in its window. */
        RateLimitLimit: number;
        /** @description Requests left in the window. */
        RateLimitRemaining: number;
        /** @description Seconds until the window has room again. */
        RateLimitReset: number;
        /** @description Seconds to wait before trying again (as `details.retry_after`). */
        RetryAfter: number;
        /** @description This request's id, as in the server's logs (the caller's own `X-Request-ID` when it is short and plain). Quote it in a bug report. */
        XRequestID: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthz: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_HealthOut_"];
                };
            };
            /** @description INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_HealthOut_"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description Success. Set-Cookie: With `refresh_cookie`, the refresh token's cookies: `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    /** @description With `refresh_cookie`, the refresh token's cookies: `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
                    "Set-Cookie"?: string;
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TokenPair_"];
                };
            };
            /** @description TENANT_ERROR: Tenant could not be resolved from the request */
            400: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description The value of the `mentora_csrf` cookie: required when the `mentora_refresh` cookie is used, else AUTHORIZATION_ERROR. */
                "X-CSRF-Token"?: string | null;
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: {
                /** @description The refresh token, when `refresh_cookie` put it in this cookie (browser apps). Used only when the body has no `refresh_token`, and then only with `X-CSRF-Token`. */
                mentora_refresh?: string | null;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshIn"];
            };
        };
        responses: {
            /** @description Success. Set-Cookie: Without `refresh_token` in the body, both cookies, cleared (`Max-Age=0`): `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    /** @description Without `refresh_token` in the body, both cookies, cleared (`Max-Age=0`): `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
                    "Set-Cookie"?: string;
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_NoneType_"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description The value of the `mentora_csrf` cookie: required when the `mentora_refresh` cookie is used, else AUTHORIZATION_ERROR. */
                "X-CSRF-Token"?: string | null;
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: {
                /** @description The refresh token, when `refresh_cookie` put it in this cookie (browser apps). Used only when the body has no `refresh_token`, and then only with `X-CSRF-Token`. */
                mentora_refresh?: string | null;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshIn"];
            };
        };
        responses: {
            /** @description Success. Set-Cookie: Through the cookie, the new refresh token's cookies: `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    /** @description Through the cookie, the new refresh token's cookies: `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
                    "Set-Cookie"?: string;
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TokenPair_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterIn"];
            };
        };
        responses: {
            /** @description Success. Set-Cookie: With `refresh_cookie`, the refresh token's cookies: `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    /** @description With `refresh_cookie`, the refresh token's cookies: `mentora_refresh` (HttpOnly, `Path=/v1/auth`) and `mentora_csrf` (readable by the page, `Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each. */
                    "Set-Cookie"?: string;
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TokenPair_"];
                };
            };
            /** @description TENANT_ERROR: Tenant could not be resolved from the request */
            400: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantErrorResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_active_case_studies: {
        parameters: {
            query?: {
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description Rows to skip */
                skip?: number;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_CaseStudyOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_active_case_study: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                case_study_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_CaseStudyOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_case_studies: {
        parameters: {
            query?: {
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description Rows to skip */
                skip?: number;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_CaseStudyStaffOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    create_case_study: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseStudyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_CaseStudyStaffOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_case_study: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                case_study_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_CaseStudyStaffOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    delete_case_study: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                case_study_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_NoneType_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    update_case_study: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                case_study_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseStudyUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_CaseStudyStaffOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    publish_grade_now: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                grade_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_GradeOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
            /** @description EXTERNAL_SERVICE_ERROR: A downstream service (AI, LMS, etc.) failed */
            502: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalServiceErrorResponse"];
                };
            };
        };
    };
    get_institution: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TenantOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    update_institution: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstitutionUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TenantOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_jobs: {
        parameters: {
            query?: {
                kind?: string | null;
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description Rows to skip */
                skip?: number;
                status?: ("queued" | "running" | "succeeded" | "dead") | null;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_JobOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_job: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_JobDetailOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    retry_dead_job: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_JobDetailOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_roles: {
        parameters: {
            query?: {
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description Rows to skip */
                skip?: number;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_RoleOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    create_role: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_RoleOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_role: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                role_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_RoleOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    delete_role: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                role_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_NoneType_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    update_role: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                role_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_RoleOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_tenants: {
        parameters: {
            query?: {
                include_inactive?: boolean;
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description Rows to skip */
                skip?: number;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_TenantOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    create_tenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TenantOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_tenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TenantOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    deactivate_tenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_NoneType_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    update_tenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TenantOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    create_tenant_admin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FirstAdminIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_InvitedUserOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_users: {
        parameters: {
            query?: {
                is_active?: boolean | null;
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description Part of the email or name */
                q?: string | null;
                /** @description Role name or id */
                role?: string | null;
                /** @description Rows to skip */
                skip?: number;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_UserOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    invite_user: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserInvite"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_InvitedUserOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_user: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_UserOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    delete_user: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_NoneType_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    update_user: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_UserOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    deactivate_user: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_UserOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_grades: {
        parameters: {
            query?: {
                case_study_id?: string | null;
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description e.g. pending: not yet in the LMS */
                lms_status?: ("pending" | "published" | "not_configured") | null;
                /** @description Rows to skip */
                skip?: number;
                user_id?: string | null;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_GradeOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_session_grade: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_GradeOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    find_institution: {
        parameters: {
            query?: {
                /** @description What the person typed; unset: the host or X-Tenant */
                slug?: string | null;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_Union_PublicInstitutionOut__NoneType__"];
                };
            };
            /** @description TENANT_ERROR: Tenant could not be resolved from the request */
            400: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_error_codes: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_list_ErrorCodeOut__"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    list_sessions: {
        parameters: {
            query?: {
                /** @description Only this case study's */
                case_study_id?: string | null;
                /** @description Rows per page (1..100) */
                limit?: number;
                /** @description Rows to skip */
                skip?: number;
                /** @description Staff only: one student's */
                user_id?: string | null;
            };
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope_SessionOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_session: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_SessionDetailOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    end_session: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_SessionDetailOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    send_message: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageIn"];
            };
        };
        responses: {
            /** @description JSON, or with `Accept: text/event-stream` the events meta, delta..., then done or error */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_TurnOut_"];
                    /**
                     * @example event: meta
                     *     data: {...}
                     *
                     *     event: delta
                     *     data: {"text": "..."}
                     *
                     *     event: done
                     *     data: {...}
                     */
                    "text/event-stream": string;
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorResponse"];
                };
            };
            /** @description EXTERNAL_SERVICE_ERROR: A downstream service (AI, LMS, etc.) failed */
            502: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalServiceErrorResponse"];
                };
            };
        };
    };
    initialize_session: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InitializeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_SessionDetailOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description AUTHORIZATION_ERROR: User’s role lacks permission for this endpoint */
            403: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationErrorResponse"];
                };
            };
            /** @description NOT_FOUND: The requested resource does not exist */
            404: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    get_me: {
        parameters: {
            query?: never;
            header?: {
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_MeOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    update_me: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_UserOut_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
    change_password: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response for this key (per tenant and user) is kept for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, path and body. The same key with another request is VALIDATION_ERROR on `header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, 401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is VALIDATION_ERROR. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The tenant's slug (case-insensitive). Without a token (register, login) it names the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or `tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it. */
                "X-Tenant"?: components["parameters"]["XTenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope_NoneType_"];
                };
            };
            /** @description AUTHENTICATION_ERROR: Missing, malformed, or invalid token; TOKEN_EXPIRED: Access token has expired */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticationErrorResponse"] | components["schemas"]["TokenExpiredResponse"];
                };
            };
            /** @description CONFLICT: Resource already exists (e.g. duplicate email) */
            409: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictResponse"];
                };
            };
            /** @description VALIDATION_ERROR: Request body failed validation */
            422: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: Too many requests in the time window */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitExceededResponse"];
                };
            };
            /** @description DATABASE_ERROR: Internal database failure; INTERNAL_ERROR: Unhandled server error */
            500: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseErrorResponse"] | components["schemas"]["InternalErrorResponse"];
                };
            };
        };
    };
}
