/**
 * Transfers (移送): draft an outgoing transfer (from a case or not), register an incoming one (posted by
 * the department's system, or recorded by the bureau from a paper letter), take a step, and read a
 * transfer with its deadlines. Load → the domain decides → the repository appends the step and its audit
 * entry in one transaction.
 */
import {
  IncomingTransfer,
  InvalidTransferInput,
  planTransferStep,
  sendingProblems,
  TransferDraft,
  TransferRepository,
  TransferStep,
  TransferStepRefused,
  departmentLabel,
  transferDeadlines,
  transferRulesFor,
  transferStatus,
  type Department,
  type TransferActor,
  type TransferRecord
} from "@fundguard/domain/departments"
import { bureauDate, covers, Ids, WorkingCalendar, weekendsBeyondCoverage, type Actor } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { openCase, type CaseRequester } from "../enforcement/cases.js"
import { decodeOr } from "../internal/inputs.js"

/** The institution a transfer is about, as the door found it (name and 医保区划), or null for a person. */
export interface TransferInstitution {
  readonly code: string
  readonly name: string
  readonly region: string
}

/** A case a transfer may refer to, as the door found it within the caller's scope. */
export interface TransferCase {
  readonly institutionCode: string
}

const decode = decodeOr((problems) => new InvalidTransferInput({ problems }))

const calendars = Effect.map(WorkingCalendar, (calendar) => ({
  exact: calendar,
  counting: weekendsBeyondCoverage(calendar)
}))

const subjectOf = (given: string | undefined, institution: TransferInstitution | null) =>
  given ?? institution?.name ?? null

/**
 * Drafts an outgoing transfer (移送报告) for the head's approval. Fails with `InvalidTransferInput` naming the
 * fields: an institution or a case that does not exist (a case outside the caller's scope is answered the
 * same way, so that ids cannot be probed) or is of another institution, too few officers for the police.
 */
export const draftTransfer = Effect.fn("Transfers.draft")(function* (request: {
  readonly draft: unknown
  readonly institution: (code: string) => Effect.Effect<TransferInstitution | null>
  /**
   * The case of that id the caller may see, or null (none, or outside the caller's scope). Without it, a
   * draft naming a case is refused.
   */
  readonly caseOf?: (id: string) => Effect.Effect<TransferCase | null>
  readonly bureauRegion: string
  readonly actor: Actor
  readonly at: Date
}) {
  const draft = yield* decode(TransferDraft, request.draft)
  const institution = draft.institutionCode === undefined ? null : yield* request.institution(draft.institutionCode)
  if (draft.institutionCode !== undefined && institution === null)
    return yield* Effect.fail(
      new InvalidTransferInput({
        problems: [{ path: "$.institutionCode", message: `定点医药机构 ${draft.institutionCode} 不存在` }]
      })
    )
  const subject = subjectOf(draft.subject, institution)
  if (subject === null)
    return yield* Effect.fail(
      new InvalidTransferInput({
        problems: [{ path: "$.subject", message: "请填写被移送的当事人，或选择定点医药机构" }]
      })
    )
  if (draft.caseId !== undefined) {
    const found = request.caseOf === undefined ? null : yield* request.caseOf(draft.caseId)
    if (found === null)
      return yield* new InvalidTransferInput({
        problems: [{ path: "$.caseId", message: `案件 ${draft.caseId} 不存在` }]
      })
    if (institution !== null && found.institutionCode !== institution.code)
      return yield* new InvalidTransferInput({
        problems: [
          {
            path: "$.caseId",
            message: `案件 ${draft.caseId} 不是定点医药机构 ${institution.code} 的案件，移送须与案件属同一机构`
          }
        ]
      })
  }
  // Officers cannot be added by a later step (materials can, 补正材料): too few is refused now.
  const region = institution?.region ?? request.bureauRegion
  const officers = sendingProblems(draft, transferRulesFor(draft.department, region, bureauDate(request.at))).filter(
    (p) => p.path === "$.officers"
  )
  if (officers.length > 0) return yield* new InvalidTransferInput({ problems: officers })
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  const record: Omit<TransferRecord, "revision"> = {
    id,
    number: null,
    direction: "outgoing",
    department: draft.department,
    region,
    institutionCode: institution?.code ?? null,
    institutionName: institution?.name ?? null,
    subject,
    caseId: draft.caseId ?? null,
    decisionDate: draft.decisionDate ?? null,
    discoveredOn: null,
    violations: draft.violations,
    listItems: draft.listItems ?? [],
    facts: draft.facts,
    amount: draft.amount ?? null,
    officers: draft.officers,
    materials: draft.materials,
    createdById: request.actor.id,
    createdByName: request.actor.name,
    createdOn: bureauDate(request.at),
    createdAt: request.at.toISOString(),
    events: []
  }
  yield* Effect.flatMap(TransferRepository, (repo) =>
    repo.create(record, { actorId: request.actor.id, actorName: request.actor.name, ip: request.actor.ip })
  )
  return { id }
})

/**
 * Registers an incoming transfer: sent by `department` now (its system posting it, or the bureau recording
 * a letter received on `sentOn`). Fails with `InvalidTransferInput` naming the fields.
 */
export const registerIncomingTransfer = Effect.fn("Transfers.registerIncoming")(function* (request: {
  readonly department: Department
  readonly transfer: unknown
  readonly institution: (code: string) => Effect.Effect<TransferInstitution | null>
  readonly bureauRegion: string
  /** Who records it: the department's client or user, or a bureau officer copying a letter. */
  readonly actor: Actor
  readonly recordedBy: "department" | "bureau"
  readonly at: Date
}) {
  const incoming = yield* decode(IncomingTransfer, request.transfer)
  const institution =
    incoming.institutionCode === undefined ? null : yield* request.institution(incoming.institutionCode)
  if (incoming.institutionCode !== undefined && institution === null)
    return yield* Effect.fail(
      new InvalidTransferInput({
        problems: [{ path: "$.institutionCode", message: `定点医药机构 ${incoming.institutionCode} 不存在` }]
      })
    )
  const subject = subjectOf(incoming.subject, institution)
  if (subject === null)
    return yield* Effect.fail(
      new InvalidTransferInput({
        problems: [{ path: "$.subject", message: "请填写被移送的当事人，或填写定点医药机构编码" }]
      })
    )
  const on = bureauDate(request.at)
  if (incoming.discoveredOn > on)
    return yield* Effect.fail(
      new InvalidTransferInput({ problems: [{ path: "$.discoveredOn", message: `发现日期不能晚于今天（${on}）` }] })
    )
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  const actorName = request.recordedBy === "department" ? request.actor.name : `${request.actor.name}（登记来函）`
  const record: Omit<TransferRecord, "revision"> = {
    id,
    number: incoming.number ?? null,
    direction: "incoming",
    department: request.department,
    region: institution?.region ?? request.bureauRegion,
    institutionCode: institution?.code ?? null,
    institutionName: institution?.name ?? null,
    subject,
    caseId: null,
    decisionDate: null,
    discoveredOn: incoming.discoveredOn,
    violations: incoming.violations,
    listItems: incoming.listItems ?? [],
    facts: incoming.facts,
    amount: incoming.amount ?? null,
    officers: [],
    materials: incoming.materials,
    createdById: request.actor.id,
    createdByName: actorName,
    createdOn: on,
    createdAt: request.at.toISOString(),
    events: [
      {
        step: { _tag: "send" },
        at: request.at.toISOString(),
        on,
        actorId: request.actor.id,
        actorName,
        side: "department"
      }
    ]
  }
  yield* Effect.flatMap(TransferRepository, (repo) =>
    repo.create(record, { actorId: request.actor.id, actorName, ip: request.actor.ip })
  )
  return { id }
})

/**
 * Takes a step on a transfer. Fails with `TransferNotFound`, `TransferStepRefused` (side, role, status,
 * gate, separation of duties, stale) or `InvalidTransferInput` naming the fields.
 */
export const takeTransferStep = Effect.fn("Transfers.takeStep")(function* (request: {
  readonly id: string
  readonly revision: number
  readonly step: unknown
  readonly actor: TransferActor
  readonly ip: string | null
  readonly at: Date
}) {
  const step = yield* decode(TransferStep, request.step)
  const repo = yield* TransferRepository
  const record = yield* repo.load(request.id)
  const rules = transferRulesFor(record.department, record.region, record.createdOn)
  const event = yield* planTransferStep(
    record,
    rules,
    step,
    request.actor,
    request.at.toISOString(),
    bureauDate(request.at)
  )
  yield* repo.append(record.id, request.revision, event, { ip: request.ip })
  return { status: transferStatus({ ...record, events: [...record.events, event] }) }
})

/** A transfer with its rules' sources, status and deadlines (provisional past the calendar's years). */
export const viewTransfer = Effect.fn("Transfers.view")(function* (request: {
  readonly id: string
  readonly at: Date
}) {
  const record = yield* Effect.flatMap(TransferRepository, (repo) => repo.load(request.id))
  return yield* describeTransfer(record, request.at)
})

/** The status, rules and deadlines of a transfer already loaded. */
export const describeTransfer = (record: TransferRecord, at: Date) =>
  Effect.gen(function* () {
    const { exact, counting } = yield* calendars
    const rules = transferRulesFor(record.department, record.region, record.createdOn)
    const deadlines = transferDeadlines(counting, rules, record, { today: bureauDate(at), at: at.toISOString() })
    if (Either.isLeft(deadlines)) return yield* Effect.die(deadlines.left)
    return {
      record,
      status: transferStatus(record),
      rules,
      deadlines: deadlines.right.map((d) => ({ ...d, provisional: !covers(exact, d.dueOn) }))
    }
  })

/**
 * Opens a case (案源: 其他部门移送) on an incoming transfer the bureau has signed for, and records that the
 * transfer became a lead (seed 004 三(二): 有处理权限的医疗保障部门应当自接受案件之日起进行立案查处). The
 * discovery date of the case is the day the receipt was signed. Fails with `TransferNotFound`,
 * `TransferStepRefused` or `InvalidTransferInput` (a transfer about a person: cases are against institutions).
 */
export const openCaseFromTransfer = Effect.fn("Transfers.openCase")(function* (request: {
  readonly id: string
  readonly revision: number
  readonly actor: TransferActor
  readonly requester: CaseRequester
  readonly ip: string | null
  readonly at: Date
}) {
  const repo = yield* TransferRepository
  const record = yield* repo.load(request.id)
  if (record.revision !== request.revision)
    return yield* new TransferStepRefused({
      step: "open_lead",
      reason: "stale",
      detail: "该移送记录已被他人更新，请刷新后重试"
    })
  const rules = transferRulesFor(record.department, record.region, record.createdOn)
  const plan = (caseId: string) =>
    planTransferStep(
      record,
      rules,
      { _tag: "open_lead", caseId },
      request.actor,
      request.at.toISOString(),
      bureauDate(request.at)
    )
  yield* plan("pending")
  const received = record.events.find((e) => e.step._tag === "receive")
  if (record.institutionCode === null || received === undefined)
    return yield* new InvalidTransferInput({
      problems: [{ path: "$.institutionCode", message: "移送事项未涉及定点医药机构，不能按机构立案，请另行办理" }]
    })
  const { id: caseId } = yield* openCase({
    opening: {
      source: "transfer",
      institutionCode: record.institutionCode,
      discoveredOn: received.on,
      summary:
        `${departmentLabel[record.department]}移送${record.number === null ? "" : `（${record.number}）`}：${record.facts}`.slice(
          0,
          5000
        ),
      references: [record.number ?? record.id]
    },
    ...request.requester
  })
  const event = yield* plan(caseId)
  yield* repo.append(record.id, request.revision, event, { ip: request.ip })
  return { caseId }
})
