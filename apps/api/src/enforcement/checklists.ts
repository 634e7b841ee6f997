/** Inspection checklists over HTTP: every version, and a new version saved by the bureau. */
import * as Application from "@fundguard/application"
import { Checklists } from "@fundguard/contracts"
import { defaultChecklists } from "@fundguard/domain/enforcement"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { requesterOf } from "./scope.js"

/** The checklist routes. */
export const checklistRoutes = async (app: FastifyInstance) => {
  mount(app, Checklists.listChecklists, async () => ({
    items: (await app.run(Application.Enforcement.listChecklists)).map((c) => ({
      ...c,
      bureau: !defaultChecklists.includes(c)
    }))
  }))
  mount(app, Checklists.saveChecklist, async ({ params, body, request }) => {
    if (body.code !== params.code)
      throw new Problem("InvalidRequest", "请求体中的清单编码与路径不一致", [
        { path: "$.code", message: `应为 ${params.code}` }
      ])
    return app.run(
      Application.Enforcement.saveChecklist({ checklist: request.body, actor: requesterOf(request).actor })
    )
  })
}
