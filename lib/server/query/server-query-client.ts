import "server-only";
import { cache } from "react";
import { makeQueryClient } from "@/lib/queries/query-client";

/** One QueryClient per server request, shared by the server components that render it. */
export const getServerQueryClient = cache(makeQueryClient);
