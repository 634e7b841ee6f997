/**
 * The organisation and its jurisdiction: read, edit one entity, import a spreadsheet, export one.
 */
import * as Application from "@fundguard/application"
import { loadOrganisation } from "@fundguard/db"
import { problemsOf, orgKindLabel } from "@fundguard/domain/kernel"
import {
  Area,
  AreaAssignment,
  decodeOrganisationSheets,
  Jurisdiction,
  organisationHeaders,
  OrgUnit,
  Placement,
  unitKindLabel,
  areaKindLabel,
  type OrganisationChange
} from "@fundguard/domain/responsibilities"
import { Organisation } from "@fundguard/contracts"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf, contextOf, type ResponsibilityOptions } from "./context.js"
import { attachment, readSheets, rowProblems, workbookOf, xlsxBytes, xlsxType } from "./sheets.js"

const decodeOr400 = <A, I>(schema: Schema.Schema<A, I>, value: unknown): A => {
  const decoded = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(value)
  if (Either.isRight(decoded)) return decoded.right
  throw new Problem("InvalidRequest", "输入有误", problemsOf(decoded.left))
}

/** Every change goes through the one use case; a refusal (`OrganisationRejected`) names each row at fault. */
const write = async (
  app: FastifyInstance,
  request: Parameters<typeof actorOf>[0],
  change: OrganisationChange,
  source: string
) => {
  const result = await app.run(
    Application.Responsibilities.changeOrganisation({ change, source, actor: actorOf(request) })
  )
  return { written: result.written, organisation: result.organisation }
}

/** The organisation routes. */
export const organisationRoutes = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  const ctx = contextOf(options)

  mount(app, Organisation.getOrganisation, async () => loadOrganisation(ctx.db))

  mount(app, Organisation.putUnit, async ({ params, body, request }) => {
    const { jurisdictions, ...fields } = body
    const unit = decodeOr400(OrgUnit, {
      parentId: null,
      areaCode: null,
      institutionCode: null,
      head: null,
      phone: null,
      active: true,
      ...fields,
      id: params.id
    })
    const list = (jurisdictions ?? []).map((j) => Jurisdiction.make({ ...j, unitId: unit.id }))
    return write(
      app,
      request,
      {
        units: [unit],
        ...(jurisdictions === undefined ? {} : { jurisdictions: list, replaceJurisdictionsOf: [unit.id] })
      },
      "api"
    )
  })

  mount(app, Organisation.putArea, async ({ params, body, request }) =>
    write(app, request, { areas: [decodeOr400(Area, { ...body, code: params.code })] }, "api")
  )

  mount(app, Organisation.deleteArea, async ({ params, request }) =>
    write(app, request, { removeAreas: [params.code] }, "api")
  )

  mount(app, Organisation.putAssignment, async ({ params, body, request }) =>
    write(app, request, { assignments: [decodeOr400(AreaAssignment, { ...body, areaCode: params.areaCode })] }, "api")
  )

  mount(app, Organisation.deleteAssignment, async ({ params, request }) =>
    write(app, request, { removeAssignments: [params.areaCode] }, "api")
  )

  mount(app, Organisation.putPlacement, async ({ params, body, request }) =>
    write(app, request, { placements: [decodeOr400(Placement, { ...body, institutionCode: params.code })] }, "api")
  )

  mount(app, Organisation.importOrganisation, async ({ body, request }) => {
    const csvSheet = organisationHeaders[body.table ?? "units"].sheet
    const sheets = await readSheets(body, csvSheet)
    const decoded = decodeOrganisationSheets(sheets)
    if (Either.isLeft(decoded))
      throw new Problem(
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
    const result = await write(app, request, change, `import:${body.fileName}`)
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
  })

  mount(app, Organisation.exportOrganisation, async ({ reply }) => {
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
  })
}
