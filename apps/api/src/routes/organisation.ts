/**
 * The organisation and its jurisdiction: read, edit one entity, import a spreadsheet, export one.
 */
import { changeOrganisation, loadOrganisation, OrganisationRejected, type OrganisationChange } from "@fundguard/db"
import {
  Area,
  AreaAssignment,
  decodeOrganisationSheets,
  Jurisdiction,
  organisationHeaders,
  OrgUnit,
  orgKindLabel,
  Placement,
  unitKindLabel,
  areaKindLabel,
  type OrganisationTable
} from "@fundguard/domain"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { FastifyInstance } from "fastify"
import { HttpProblem } from "../plugins/errors.js"
import { actorOf, contextOf, uploadSchema, type ResponsibilityOptions } from "../responsibilities/context.js"
import {
  attachment,
  readSheets,
  rowProblems,
  workbookOf,
  xlsxBytes,
  xlsxType,
  type Upload
} from "../responsibilities/sheets.js"

const decodeOr400 = <A, I>(schema: Schema.Schema<A, I>, value: unknown): A => {
  const decoded = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(value)
  if (Either.isRight(decoded)) return decoded.right
  const problems = ParseResult.ArrayFormatter.formatErrorSync(decoded.left).map((i) => ({
    path: `$${i.path.map((k) => `.${String(k)}`).join("")}`,
    message: i.message
  }))
  throw new HttpProblem(400, "InvalidRequest", "输入有误", problems)
}

const rejected = (error: unknown): never => {
  if (error instanceof OrganisationRejected)
    throw new HttpProblem(400, "OrganisationRejected", "组织机构数据不一致，未作任何修改", rowProblems(error.problems))
  throw error
}

const write = async (
  options: ResponsibilityOptions,
  request: Parameters<typeof actorOf>[0],
  change: OrganisationChange,
  source: string
) => {
  try {
    const result = await changeOrganisation(options.db, actorOf(request), change, source)
    return { written: result.written, organisation: result.organisation }
  } catch (error) {
    return rejected(error)
  }
}

const tags = ["organisation"]

/** The organisation routes. */
export const organisationRoutes = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  const ctx = contextOf(options)
  app.get(
    "/api/v1/organisation",
    {
      config: { permission: "duties:read" },
      schema: {
        tags,
        summary:
          "The organisation: areas, units, jurisdictions, leaders and sections per street, institution placements"
      }
    },
    async () => loadOrganisation(ctx.db)
  )

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    "/api/v1/organisation/units/:id",
    {
      config: { permission: "organisation:write" },
      schema: {
        tags,
        summary: "Create or update a unit, with its jurisdictions (replacing the unit's current ones)",
        params: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
        body: {
          type: "object",
          properties: {
            name: { type: "string" },
            kind: { type: "string", enum: Object.keys(unitKindLabel) },
            parentId: { type: ["string", "null"] },
            areaCode: { type: ["string", "null"] },
            institutionCode: { type: ["string", "null"] },
            head: { type: ["string", "null"] },
            phone: { type: ["string", "null"] },
            active: { type: "boolean" },
            jurisdictions: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  areaCode: { type: "string" },
                  orgKinds: { type: "array", items: { type: "string", enum: Object.keys(orgKindLabel) } }
                },
                required: ["areaCode", "orgKinds"]
              }
            }
          },
          required: ["name", "kind"]
        }
      }
    },
    async (request) => {
      const { jurisdictions, ...fields } = request.body as { jurisdictions?: ReadonlyArray<Record<string, unknown>> }
      const unit = decodeOr400(OrgUnit, {
        parentId: null,
        areaCode: null,
        institutionCode: null,
        head: null,
        phone: null,
        active: true,
        ...fields,
        id: request.params.id
      })
      const list = (jurisdictions ?? []).map((j, i) => {
        try {
          return decodeOr400(Jurisdiction, { ...j, unitId: unit.id })
        } catch (error) {
          if (error instanceof HttpProblem)
            throw new HttpProblem(
              400,
              "InvalidRequest",
              "辖区有误",
              (error.problems ?? []).map((p) => ({ ...p, path: p.path.replace("$", `$.jurisdictions[${i}]`) }))
            )
          throw error
        }
      })
      return write(
        options,
        request,
        {
          units: [unit],
          ...(jurisdictions === undefined ? {} : { jurisdictions: list, replaceJurisdictionsOf: [unit.id] })
        },
        "api"
      )
    }
  )

  app.put<{ Params: { code: string }; Body: Record<string, unknown> }>(
    "/api/v1/organisation/areas/:code",
    {
      config: { permission: "organisation:write" },
      schema: {
        tags,
        summary: "Create or update a township or street",
        params: { type: "object", properties: { code: { type: "string" } }, required: ["code"] },
        body: {
          type: "object",
          properties: { name: { type: "string" }, kind: { type: "string", enum: Object.keys(areaKindLabel) } },
          required: ["name", "kind"]
        }
      }
    },
    async (request) =>
      write(options, request, { areas: [decodeOr400(Area, { ...request.body, code: request.params.code })] }, "api")
  )

  app.delete<{ Params: { code: string } }>(
    "/api/v1/organisation/areas/:code",
    {
      config: { permission: "organisation:write" },
      schema: { tags, summary: "Remove an area (refused while anything refers to it)" }
    },
    async (request) => write(options, request, { removeAreas: [request.params.code] }, "api")
  )

  app.put<{ Params: { areaCode: string }; Body: Record<string, unknown> }>(
    "/api/v1/organisation/assignments/:areaCode",
    {
      config: { permission: "organisation:write" },
      schema: {
        tags,
        summary: "Assign a leader and a section to a street (seed 000 §三(一))",
        body: {
          type: "object",
          properties: {
            sectionId: { type: "string" },
            leaderName: { type: "string" },
            leaderTitle: { type: "string" }
          },
          required: ["sectionId", "leaderName", "leaderTitle"]
        }
      }
    },
    async (request) =>
      write(
        options,
        request,
        { assignments: [decodeOr400(AreaAssignment, { ...request.body, areaCode: request.params.areaCode })] },
        "api"
      )
  )

  app.delete<{ Params: { areaCode: string } }>(
    "/api/v1/organisation/assignments/:areaCode",
    { config: { permission: "organisation:write" }, schema: { tags, summary: "Remove a street's assignment" } },
    async (request) => write(options, request, { removeAssignments: [request.params.areaCode] }, "api")
  )

  app.put<{ Params: { code: string }; Body: Record<string, unknown> }>(
    "/api/v1/organisation/placements/:code",
    {
      config: { permission: "organisation:write" },
      schema: {
        tags,
        summary: "Place a designated institution in a township or street",
        body: { type: "object", properties: { areaCode: { type: "string" } }, required: ["areaCode"] }
      }
    },
    async (request) =>
      write(
        options,
        request,
        { placements: [decodeOr400(Placement, { ...request.body, institutionCode: request.params.code })] },
        "api"
      )
  )

  app.post<{ Body: Upload & { table?: OrganisationTable } }>(
    "/api/v1/organisation/import",
    {
      config: { permission: "organisation:write" },
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        summary: "Import the organisation from a spreadsheet (all or nothing; every bad row named)",
        description:
          ".xlsx with sheets 区域, 单位, 辖区, 片区责任, 机构归属 (headers as in the export), or a .csv of one table named by `table`. Rows are created or updated by their key; a unit's jurisdictions in the file replace its stored ones.",
        body: {
          type: "object",
          properties: {
            ...uploadSchema.properties,
            table: { type: "string", enum: ["areas", "units", "jurisdictions", "assignments", "placements"] }
          },
          required: ["fileName", "contentBase64"],
          additionalProperties: false
        }
      }
    },
    async (request) => {
      const csvSheet = organisationHeaders[request.body.table ?? "units"].sheet
      const sheets = await readSheets(request.body, csvSheet)
      const decoded = decodeOrganisationSheets(sheets)
      if (Either.isLeft(decoded))
        throw new HttpProblem(
          400,
          "ImportRejected",
          `导入文件有 ${decoded.left.length} 处错误，未作任何修改`,
          rowProblems(decoded.left)
        )
      const d = decoded.right as {
        areas?: Array<Area>
        units?: Array<OrgUnit>
        jurisdictions?: Array<Jurisdiction>
        assignments?: Array<AreaAssignment>
        placements?: Array<Placement>
      }
      const change: OrganisationChange = {
        ...(d.areas === undefined ? {} : { areas: d.areas }),
        ...(d.units === undefined ? {} : { units: d.units }),
        ...(d.jurisdictions === undefined
          ? {}
          : {
              jurisdictions: d.jurisdictions,
              replaceJurisdictionsOf: [...new Set(d.jurisdictions.map((j) => j.unitId))]
            }),
        ...(d.assignments === undefined ? {} : { assignments: d.assignments }),
        ...(d.placements === undefined ? {} : { placements: d.placements })
      }
      const result = await write(options, request, change, `import:${request.body.fileName}`)
      return {
        written: result.written,
        counts: {
          areas: d.areas?.length ?? 0,
          units: d.units?.length ?? 0,
          jurisdictions: d.jurisdictions?.length ?? 0,
          assignments: d.assignments?.length ?? 0,
          placements: d.placements?.length ?? 0
        }
      }
    }
  )

  app.get(
    "/api/v1/organisation/export.xlsx",
    {
      config: { permission: "duties:read" },
      schema: { tags, summary: "The organisation as a spreadsheet (the import template)", produces: [xlsxType] }
    },
    async (_request, reply) => {
      const org = await loadOrganisation(ctx.db)
      const h = organisationHeaders
      const workbook = workbookOf([
        {
          name: h.areas.sheet,
          headers: h.areas.headers,
          rows: org.areas.map((a) => [a.code, a.name, areaKindLabel[a.kind]])
        },
        {
          name: h.units.sheet,
          headers: h.units.headers,
          rows: org.units.map((u) => [
            u.id,
            u.name,
            unitKindLabel[u.kind],
            u.parentId ?? "",
            u.areaCode ?? "",
            u.institutionCode ?? "",
            u.head ?? "",
            u.phone ?? "",
            u.active ? "是" : "否"
          ])
        },
        {
          name: h.jurisdictions.sheet,
          headers: h.jurisdictions.headers,
          rows: org.jurisdictions.map((j) => [
            j.unitId,
            j.areaCode === "*" ? "全县" : j.areaCode,
            j.orgKinds.map((k) => orgKindLabel[k]).join("、")
          ])
        },
        {
          name: h.assignments.sheet,
          headers: h.assignments.headers,
          rows: org.assignments.map((a) => [a.areaCode, a.sectionId, a.leaderName, a.leaderTitle])
        },
        {
          name: h.placements.sheet,
          headers: h.placements.headers,
          rows: org.placements.map((p) => [p.institutionCode, p.areaCode])
        }
      ])
      return reply
        .header("content-type", xlsxType)
        .header("content-disposition", attachment("组织机构与辖区.xlsx"))
        .send(await xlsxBytes(workbook))
    }
  )
}
