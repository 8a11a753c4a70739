"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useScope } from "@/components/layout/scope-context";
import { windowQueryParams, REFRESH_MS, type CapacityViewState } from "@/lib/metrics/capacity-view-state";
import { alarmsQueries } from "@/lib/queries/alarms-queries";
import { changesQueries } from "@/lib/queries/changes-queries";
import { scalingQueries } from "@/lib/queries/scaling-queries";
import { AlarmsCard } from "./alarms-card";
import { ChangesCard } from "../changes/changes-card";
import { ScalingCard } from "../scaling/scaling-card";

/**
 * A table's alarms and auto scaling for the page's window. The capacity charts call this too: the queries are shared,
 * so the cards and the chart overlays always show the same reads.
 */
export function useAlarmsAndScaling(table: string, state: CapacityViewState) {
  const scope = useScope();
  const params = useMemo(() => windowQueryParams(state), [state]);
  const alarms = useQuery(alarmsQueries.table(scope, table, params, REFRESH_MS[state.refresh]));
  const scaling = useQuery(scalingQueries.table(scope, table, params, REFRESH_MS[state.refresh]));
  const changes = useQuery(changesQueries.table(scope, table, params, REFRESH_MS[state.refresh]));
  return { alarms, scaling, changes };
}

/** "Which alarm, since when?", "why didn't the capacity follow?" and "what changed?", side by side under the verdicts. */
export function AlarmsAndScaling({ table, state }: { table: string; state: CapacityViewState }) {
  const { alarms, scaling, changes } = useAlarmsAndScaling(table, state);
  return (
    <div className="grid items-start gap-4 lg:grid-cols-3">
      <AlarmsCard data={alarms.data} error={alarms.isError ? alarms.error.message : null} timeZone={state.tz} />
      <ScalingCard data={scaling.data} error={scaling.isError ? scaling.error.message : null} timeZone={state.tz} />
      <ChangesCard data={changes.data} error={changes.isError ? changes.error.message : null} timeZone={state.tz} />
    </div>
  );
}
