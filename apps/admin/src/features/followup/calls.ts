/**
 * The calls of 整改与协议处理 (agreement measures, rectification orders, common problems,
 * self-inspection campaigns), each an endpoint of `@fundguard/contracts` called through the shared
 * client: paths and shapes are the contract's.
 */
import * as FollowUp from "@fundguard/contracts/FollowUp"
import type { CampaignDefinition, MeasureProposal, ReportInput } from "@fundguard/domain/enforcement"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** The follow-up calls over a client. */
export const followUpCalls = (api: ApiClient) => ({
  measures: async () => (await api.call(FollowUp.listMeasures)).items,
  propose: (body: typeof MeasureProposal.Encoded) =>
    api.call(FollowUp.proposeMeasure, { body: checkBody(FollowUp.proposeMeasure, body) }),
  statement: (id: string, statement: string, on: string) =>
    api.call(FollowUp.recordMeasureStatement, { params: { id }, body: { statement, on } }),
  review: (id: string) => api.call(FollowUp.reviewMeasure, { params: { id } }),
  decide: (id: string, decision: string) => api.call(FollowUp.decideMeasure, { params: { id }, body: { decision } }),
  rectifications: async () => (await api.call(FollowUp.listRectifications)).items,
  report: (id: string, on: string, text: string) =>
    api.call(FollowUp.reportRectification, { params: { id }, body: { on, text } }),
  recheck: (id: string, on: string, text: string, passed: boolean) =>
    api.call(FollowUp.recheckRectification, { params: { id }, body: { on, text, passed } }),
  commonProblems: async () => (await api.call(FollowUp.commonProblems)).items,
  campaigns: async () => (await api.call(FollowUp.listCampaigns)).items,
  saveCampaign: (body: typeof CampaignDefinition.Encoded) =>
    api.call(FollowUp.saveCampaign, { params: { code: body.code }, body: checkBody(FollowUp.saveCampaign, body) }),
  saveReport: (code: string, body: typeof ReportInput.Encoded) =>
    api.call(FollowUp.saveReport, { params: { code }, body: checkBody(FollowUp.saveReport, body) }),
  statistics: (code: string) => api.call(FollowUp.campaignStatistics, { params: { code } })
})

/** The follow-up calls' type. */
export type FollowUpCalls = ReturnType<typeof followUpCalls>
