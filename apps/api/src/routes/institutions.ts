import { OrgKind } from "@fundguard/domain"
import { listInstitutions, type Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"

const institutionSchema = {
  type: "object",
  properties: {
    code: { type: "string" },
    name: { type: "string" },
    orgKind: { type: "string" },
    hospitalLevel: { type: ["string", "null"] },
    admdvs: { type: "string" },
    approvedBeds: { type: ["integer", "null"] },
    supervisorCode: { type: ["string", "null"] }
  },
  required: ["code", "name", "orgKind", "hospitalLevel", "admdvs", "approvedBeds", "supervisorCode"]
} as const

interface Query {
  q?: string
  orgKind?: OrgKind
  page?: number
  pageSize?: number
}

/** The institution register. */
export const institutionRoutes = async (app: FastifyInstance, options: { readonly db: Db }) => {
  app.get<{ Querystring: Query }>(
    "/api/v1/institutions",
    {
      config: { permission: "institutions:read" },
      schema: {
        tags: ["institutions"],
        summary: "List designated institutions (定点医药机构)",
        querystring: {
          type: "object",
          properties: {
            q: { type: "string", maxLength: 100 },
            orgKind: { type: "string", enum: [...OrgKind.literals] },
            page: { type: "integer", minimum: 1 },
            pageSize: { type: "integer", minimum: 1, maximum: 500 }
          },
          additionalProperties: false
        },
        response: {
          200: {
            type: "object",
            properties: { items: { type: "array", items: institutionSchema }, total: { type: "integer" } },
            required: ["items", "total"]
          }
        }
      }
    },
    async (request) => listInstitutions(options.db, request.query)
  )
}
