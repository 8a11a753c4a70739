"use client";

import { createContext, useContext, type ReactNode } from "react";

export type Role = "engineer" | "viewer";

// Defaults to the least privilege, so a component rendered outside the provider never offers engineer-only actions.
const RoleContext = createContext<Role>("viewer");

/** The caller's role as the server resolved it, for UI conveniences only: the server enforces every rule itself. */
export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext value={role}>{children}</RoleContext>;
}

export function useRole(): Role {
  return useContext(RoleContext);
}
