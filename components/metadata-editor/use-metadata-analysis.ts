import { useMemo } from "react";
import { afterPage } from "@/components/ui/on-demand";
import type { ServicePolicy } from "@/lib/registration/policy";
import type { AnalyzedText, MetadataAnalysis } from "./analysis";

const useAnalyzer = afterPage(() => import("./analysis"));

/** A text not analyzed yet: its JSON document if it parses, no problems known. */
function pendingAnalysis(text: string): MetadataAnalysis {
  try {
    return { problems: [], document: JSON.parse(text) as unknown, pending: true };
  } catch {
    return { problems: [], pending: true };
  }
}

/**
 * The metadata editor's live analysis of `text` (analysis.ts). Its code (the JSON parser, zod and the metadata
 * rules) is fetched just after the page, not with it. Until it has arrived, the text the page was rendered with
 * keeps the analysis the server made of it (`initial`), and any other text is pending.
 */
export function useMetadataAnalysis(text: string, policy: ServicePolicy, initial: AnalyzedText): MetadataAnalysis {
  const analyzer = useAnalyzer();
  return useMemo(() => (analyzer ? analyzer.analyzeMetadataText(text, policy) : text === initial.text ? initial.analysis : pendingAnalysis(text)), [analyzer, text, policy, initial]);
}
