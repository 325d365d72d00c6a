/**
 * The learning screens' server state. One key per thing, so a turn, an end or a grade
 * refreshes every screen that shows it.
 */
import type { CaseStudyOut, GradeOut, SessionDetailOut, SessionOut } from "@mentora/client";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";
import { reactionTo } from "../../lib/errors";

// The server's largest page; a student has far fewer case studies, sessions or grades.
const WHOLE_LIST = { limit: 100 } as const;
// Grading runs in the background after a session ends: look again until the grade is there.
const GRADE_POLL_MS = 5000;

export const learningKeys = {
  caseStudies: ["case-studies", "active"] as const,
  session: (sessionId: string) => ["session", sessionId] as const,
  mySessions: ["my-sessions"] as const,
  myGrades: ["my-grades"] as const,
  sessionGrade: (sessionId: string) => ["session-grade", sessionId] as const,
};

export function useCaseStudies() {
  return useQuery({
    queryKey: learningKeys.caseStudies,
    queryFn: async (): Promise<CaseStudyOut[]> => (await api.caseStudies.list(WHOLE_LIST)).data,
  });
}

/** Case study titles by id. A session or grade can outlive its case study's time on offer. */
export function useCaseStudyTitles(): (caseStudyId: string) => string {
  const caseStudies = useCaseStudies();
  const titles = new Map((caseStudies.data ?? []).map((caseStudy) => [caseStudy.id, caseStudy.title]));
  return (caseStudyId) => titles.get(caseStudyId) ?? "A case study no longer offered";
}

export function useSession(sessionId: string) {
  return useQuery({
    queryKey: learningKeys.session(sessionId),
    queryFn: (): Promise<SessionDetailOut> => api.sessions.get(sessionId),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: learningKeys.mySessions,
    queryFn: async (): Promise<SessionOut[]> => (await api.sessions.list(WHOLE_LIST)).data,
  });
}

export function useMyGrades() {
  return useQuery({
    queryKey: learningKeys.myGrades,
    queryFn: async (): Promise<GradeOut[]> => (await api.grades.list(WHOLE_LIST)).data,
  });
}

/** The grade of an ended session; null while grading has not finished. */
export function useSessionGrade(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: learningKeys.sessionGrade(sessionId),
    queryFn: async (): Promise<GradeOut | null> => {
      try {
        return await api.grades.forSession(sessionId);
      } catch (error) {
        if (reactionTo(error).kind === "not-found") return null;
        throw error;
      }
    },
    enabled,
    refetchInterval: (query) => (query.state.data === null ? GRADE_POLL_MS : false),
  });
}
