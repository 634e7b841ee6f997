import { AssessmentInput, assessPenalty, violationCatalogue } from "@fundguard/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as JSONSchema from "effect/JSONSchema"
import type { FastifyInstance } from "fastify"

// The body is decoded by the domain's Schema (every problem with its JSON path), not by Fastify's
// validator; the JSON Schema below only documents it in OpenAPI.
const assessmentInputJsonSchema = JSONSchema.make(AssessmentInput)
const decodeInDomain = () => (data: unknown) => ({ value: data })

/** Penalty assessment and the violation catalogue. */
export const penaltyRoutes = async (app: FastifyInstance) => {
  app.post(
    "/api/v1/penalties/assess",
    {
      config: { permission: "penalties:assess" },
      validatorCompiler: decodeInDomain,
      schema: {
        tags: ["penalties"],
        summary: "Assess the lawful penalty for a case (penalty-assessment.md)",
        description:
          "Same input and output as the library's assessPenalty and `pnpm fundguard penalty assess`. 400 lists every problem with its JSON path.",
        body: assessmentInputJsonSchema
      }
    },
    async (request) => {
      const exit = await Effect.runPromiseExit(assessPenalty(request.body))
      if (Exit.isSuccess(exit)) return exit.value
      throw Cause.squash(exit.cause)
    }
  )

  app.get(
    "/api/v1/violations",
    {
      config: { permission: "penalties:assess" },
      schema: { tags: ["penalties"], summary: "The violation catalogue" }
    },
    async () => ({
      items: violationCatalogue.map((v) => ({
        code: v.code,
        article: v.article,
        clause: v.clause,
        behaviour: v.behaviour,
        subject: v.subject,
        track: v.track,
        toHealthCommissionItem: v.toHealthCommissionItem,
        fromHealthCommissionItem: v.fromHealthCommissionItem,
        citations: v.citations
      }))
    })
  )
}
