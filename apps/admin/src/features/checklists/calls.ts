/** The checklist calls, each an endpoint of `@fundguard/contracts` called through the shared client. */
import * as Checklists from "@fundguard/contracts/Checklists"
import type { ChecklistDraft } from "@fundguard/domain/enforcement"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** The checklist calls over a client. */
export const checklistsCalls = (api: ApiClient) => ({
  list: async () => (await api.call(Checklists.listChecklists)).items,
  save: (draft: typeof ChecklistDraft.Encoded) =>
    api.call(Checklists.saveChecklist, {
      params: { code: draft.code },
      body: checkBody(Checklists.saveChecklist, draft)
    })
})
