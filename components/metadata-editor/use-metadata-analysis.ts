import { useMemo } from "react";
import { onDemandModule } from "@/components/ui/on-demand";
import type { ServicePolicy } from "@/lib/registration/policy";
import type { AnalyzedText, MetadataAnalysis } from "./analysis";

const analyzer = onDemandModule(() => import("./analysis"));

/** Starts fetching the analysis code ahead of the first edit (the editor calls it when the administrator turns to it). */
export const preloadMetadataAnalysis = () => void analyzer.preload().catch(() => undefined);

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
 * rules) is fetched when the text first differs from the one the page was rendered with (or earlier, see
 * `preloadMetadataAnalysis`), not with the page: that text keeps the analysis the server made of it (`initial`),
 * and any other text is pending until the code has arrived.
 */
export function useMetadataAnalysis(text: string, policy: ServicePolicy, initial: AnalyzedText): MetadataAnalysis {
  const loaded = analyzer.useModule(text !== initial.text);
  return useMemo(() => (loaded ? loaded.analyzeMetadataText(text, policy) : text === initial.text ? initial.analysis : pendingAnalysis(text)), [loaded, text, policy, initial]);
}
