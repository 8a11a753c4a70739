"use client";

import { useSearchParamState } from "@/lib/hooks/use-search-param-state";
import {
  COST_FORMULAS_PARAM,
  COST_RANGE_PARAM,
  costRangeParamValue,
  parseCostRange,
  parseShowFormulas,
  showFormulasParamValue,
  type CostRangeChoice,
} from "@/lib/cost/cost-view-state";

export type CostViewState = {
  range: CostRangeChoice;
  setRange: (range: CostRangeChoice) => void;
  showFormulas: boolean;
  setShowFormulas: (show: boolean) => void;
};

/** The Cost section's range (`?cost=`) and printed formulas (`?costFormulas=on`), kept in the URL so a link shares the view. */
export function useCostViewState(): CostViewState {
  const [rangeText, setRangeText] = useSearchParamState(COST_RANGE_PARAM);
  const [formulasText, setFormulasText] = useSearchParamState(COST_FORMULAS_PARAM);
  return {
    range: parseCostRange(rangeText || null),
    setRange: (range) => setRangeText(costRangeParamValue(range)),
    showFormulas: parseShowFormulas(formulasText || null),
    setShowFormulas: (show) => setFormulasText(showFormulasParamValue(show)),
  };
}
