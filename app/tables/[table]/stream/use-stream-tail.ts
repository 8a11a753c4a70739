"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef } from "react";
import { useScope } from "@/components/layout/scope-context";
import { fetchJson } from "@/lib/queries/fetch-json";
import { streamKeys } from "@/lib/queries/stream-queries";
import { withScope } from "@/lib/scope/scope";
import { STREAM_EVENT_NAMES, type StreamEventName, type StreamRecordsResponse } from "@/lib/streams/stream-types";
import { applyTailResponse, tailPollInterval, tailRequestParams, TAIL_MAX_ROWS, type TailSnapshot } from "@/lib/streams/tail-rows";

type Options = {
  table: string;
  events: readonly StreamEventName[];
  keyPrefix: string;
  paused: boolean;
  /** Ask the server to start the tail on the first request (engineers: opening the page starts it). */
  startOnLoad: boolean;
};

/**
 * The live tail: polls GET /api/tables/:table/stream/records with `after=<cursor>` about once a second and merges
 * newer records on top of what the page holds (see applyTailResponse). Each poll also tells the server someone is
 * still watching; a minute without one and it stops reading the stream.
 *
 * The filters are part of the query key, so changing them starts from the server's latest matching records. Nothing
 * is kept once the tail is off screen (gcTime 0): a page of 500 records with images is not worth holding.
 */
export function useStreamTail({ table, events, keyPrefix, paused, startOnLoad }: Options) {
  const scope = useScope();
  const queryClient = useQueryClient();
  // Sent once with the next request, then cleared: a resume is an action, not a state.
  const resumeNext = useRef(startOnLoad);
  const eventsKey = events.join(",");
  // Not streamQueries.records: its key holds the cursor, and the tail needs one key per filter whose data accumulates.
  const queryKey = useMemo(() => [...streamKeys.all(scope, table), "tail", eventsKey, keyPrefix] as const, [scope, table, eventsKey, keyPrefix]);
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<TailSnapshot>(queryKey);
      const resume = resumeNext.current;
      const params = tailRequestParams({ limit: TAIL_MAX_ROWS, after: previous?.cursor ?? null, events: eventsKey.split(",") as StreamEventName[], keyPrefix, resume }, STREAM_EVENT_NAMES);
      const response = await fetchJson<StreamRecordsResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/stream/records?${params.toString()}`, scope), { signal });
      if (resume) resumeNext.current = false;
      return applyTailResponse(previous, response);
    },
    refetchInterval: (current) => tailPollInterval(current.state.data, paused),
    // Polling alone decides when to ask again; a focus or remount must not fetch out of turn.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnReconnect: false,
  });

  /** Freezes the rows: no more polls, and a poll in flight is dropped so nothing lands after the click. */
  const pause = useCallback(() => void queryClient.cancelQueries({ queryKey }), [queryClient, queryKey]);
  /** Polls at once; `start` also asks the server to (re)start reading (engineers only). */
  const resume = useCallback(
    (start: boolean) => {
      resumeNext.current = start;
      void query.refetch();
    },
    [query],
  );
  return { query, pause, resume };
}
