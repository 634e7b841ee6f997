/**
 * `@fundguard/documents/browser`: everything of the package but the PDF renderer — the document model,
 * the builders, the wording helpers and `renderHtml` — with no Node module and no PDF library behind it,
 * so a browser bundle (the admin) can import it.
 *
 * @since 0.1.0
 */
export * from "./Model.js"
export * from "./Text.js"
export * from "./Parties.js"
export * from "./Html.js"
export * from "./kinds/FilingApproval.js"
export * from "./kinds/OnsiteRecord.js"
export * from "./kinds/InquiryRecord.js"
export * from "./kinds/PenaltyNotice.js"
export * from "./kinds/HearingNotice.js"
export * from "./kinds/PenaltyDecision.js"
export * from "./kinds/ServiceReceipt.js"
export * from "./kinds/RectificationNotice.js"
export * from "./kinds/Transfer.js"
