import { paths } from "../../app/paths";

/** Where one session's grade sits on the grades page. */
export function gradeAnchor(sessionId: string): string {
  return `grade-${sessionId}`;
}

export function gradeLink(sessionId: string): string {
  return `${paths.myGrades}#${gradeAnchor(sessionId)}`;
}
