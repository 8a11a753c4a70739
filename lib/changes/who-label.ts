import type { TableChange } from "./change-types";

/** "deploy (ci-42)" for an assumed role, the user name for an IAM user, else the ARN's last part; digests as they are. Client-safe. */
export function whoLabel(change: Pick<TableChange, "who" | "whoDigested">): string {
  if (change.whoDigested) return change.who;
  const role = /:assumed-role\/([^/]+)\/(.+)$/.exec(change.who);
  if (role) return `${role[1] ?? ""} (${role[2] ?? ""})`;
  const user = /:user\/(.+)$/.exec(change.who);
  if (user) return user[1] ?? change.who;
  return change.who.split(/[:/]/).pop() || change.who;
}
