/**
 * The inspection calls (register, plans, draws, today's inspections, the on-site record and its
 * files), each an endpoint of `@fundguard/contracts` called through the shared client.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import * as Inspections from "@fundguard/contracts/Inspections"
import type { ApiClient } from "../../shared/api.js"

/** The inspection calls over a client. */
export const inspectionsCalls = (api: ApiClient) => ({
  inspectors: async () => (await api.call(Inspections.listInspectors)).items,
  saveInspector: (code: string, body: BodyOf<typeof Inspections.saveInspector>) =>
    api.call(Inspections.saveInspector, { params: { code }, body }),
  plans: async () => (await api.call(Inspections.listPlans)).items,
  createPlan: (body: BodyOf<typeof Inspections.createPlan>) => api.call(Inspections.createPlan, { body }),
  draw: (id: string, body: BodyOf<typeof Inspections.drawPlan>) =>
    api.call(Inspections.drawPlan, { params: { id }, body }),
  getDraw: (id: string) => api.call(Inspections.getDraw, { params: { id } }),
  verify: (id: string) => api.call(Inspections.verifyDraw, { params: { id } }),
  publish: (id: string) => api.call(Inspections.publishDraw, { params: { id } }),
  publicationCsv: (id: string) => api.download(Inspections.drawPublicationCsv, { params: { id } }),
  today: async () => (await api.call(Inspections.listInspections, { query: { view: "today" } })).items,
  detail: (id: string) => api.call(Inspections.getInspection, { params: { id } }),
  record: (id: string, body: BodyOf<typeof Inspections.recordInspection>) =>
    api.call(Inspections.recordInspection, { params: { id }, body }),
  addFile: (id: string, body: BodyOf<typeof Inspections.addInspectionFile>) =>
    api.call(Inspections.addInspectionFile, { params: { id }, body }),
  recordHtml: (id: string) => api.download(Inspections.inspectionRecordHtml, { params: { id } }),
  recordPdf: (id: string) => api.download(Inspections.inspectionRecordPdf, { params: { id } })
})

/** The inspection calls' type. */
export type InspectionsCalls = ReturnType<typeof inspectionsCalls>
