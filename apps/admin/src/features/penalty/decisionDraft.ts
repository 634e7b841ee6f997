/**
 * The 行政处罚决定书 draft of the penalty page. Its wording lives in `@fundguard/documents`, where the
 * same text also makes the printable and PDF 行政处罚决定书 (`penaltyDecision`); the page imports it from
 * the package's browser entry, which carries no PDF renderer.
 */
export {
  decisionDraft,
  itemDecision,
  type DecisionDraft,
  type DraftParty,
  type DraftSection
} from "@fundguard/documents/browser"
