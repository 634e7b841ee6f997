/**
 * Complaints in the database (the domain's `ComplaintRepository`): the complaint, its informant in a
 * table of its own, retaliation, rewards; each write with its audit entry in one transaction, and a
 * reveal of an identity audited in the transaction that reads it. Also the list queries.
 */
import {
  ComplaintImportRefused,
  ComplaintNotFound,
  complaintNumber,
  ComplaintRefused,
  ComplaintRepository,
  InvalidComplaintInput,
  isCaseClaim,
  maskedInformant,
  RewardRefused,
  type ComplaintChannel,
  type ComplaintIntake,
  type ComplaintStatus,
  type InformantIdentity,
  type ImportProblem,
  type RewardStatus,
  type StoredComplaint,
  type StoredReward
} from "@fundguard/domain/complaints"
import type { Actor, IsoDate } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"
import { attempt } from "../effects.js"

type ComplaintRow = NonNullable<Awaited<ReturnType<Db["complaint"]["findUnique"]>>>
type RewardRow = NonNullable<Awaited<ReturnType<Db["complaintReward"]["findUnique"]>>>

const complaintOf = (
  c: ComplaintRow,
  retaliations: ReadonlyArray<{ occurredOn: string; by: string; description: string }>
): StoredComplaint => ({
  id: c.id,
  number: c.number,
  channel: c.channel as ComplaintChannel,
  receivedOn: c.receivedOn as IsoDate,
  subject: {
    kind: c.subjectKind as "institution" | "person",
    ...(c.institutionCode === null ? {} : { institutionCode: c.institutionCode }),
    ...(c.personName === null ? {} : { personName: c.personName }),
    ...(c.subjectDescription === null ? {} : { description: c.subjectDescription })
  },
  institutionCode: c.institutionCode,
  content: c.content,
  amountInvolved: c.amountInvolved,
  anonymous: c.anonymous,
  externalRef: c.externalRef,
  status: c.status as ComplaintStatus,
  triagedOn: c.triagedOn as IsoDate | null,
  triageReason: c.triageReason,
  forwardTo: c.forwardTo,
  mergedInto: c.mergedInto,
  // A claim (a case being opened on it right now) is not yet a case.
  caseId: c.caseId === null || isCaseClaim(c.caseId) ? null : c.caseId,
  outcome:
    c.outcome === null || c.outcomeOn === null
      ? null
      : {
          result: c.outcome as "verified" | "unfounded",
          on: c.outcomeOn as IsoDate,
          ...(c.verifiedAmount === null ? {} : { verifiedAmount: c.verifiedAmount }),
          note: c.outcomeNote ?? ""
        },
  repliedOn: c.repliedOn as IsoDate | null,
  retaliations: retaliations.map((r) => ({ on: r.occurredOn as IsoDate, by: r.by, description: r.description }))
})

/** A reward row as the domain's `StoredReward`. */
export const rewardOf = (r: RewardRow): StoredReward => ({
  id: r.id,
  complaintId: r.complaintId,
  status: r.status as RewardStatus,
  amount: r.amount,
  caseValue: r.caseValue,
  insider: r.insider,
  basis: r.basis,
  proposedById: r.proposedById,
  proposedOn: r.proposedOn as IsoDate,
  reviewedById: r.reviewedById,
  approvedById: r.approvedById,
  approvedOn: r.approvedOn as IsoDate | null
})

const identityOf = (i: {
  anonymous: boolean
  name: string | null
  phone: string | null
  idNumber: string | null
  address: string | null
}): InformantIdentity => ({
  anonymous: i.anonymous,
  ...(i.name === null ? {} : { name: i.name }),
  ...(i.phone === null ? {} : { phone: i.phone }),
  ...(i.idNumber === null ? {} : { idNumber: i.idNumber }),
  ...(i.address === null ? {} : { address: i.address })
})

const loadComplaint = async (db: Db, id: string): Promise<StoredComplaint> => {
  const c = await db.complaint.findUnique({
    where: { id },
    include: { retaliations: { orderBy: { createdAt: "asc" } } }
  })
  if (c === null) throw new ComplaintNotFound({ id })
  return complaintOf(c, c.retaliations)
}

/** Writes one complaint and, apart, its informant; the number from the year's sequence. */
const insertComplaint = async (tx: Db, id: string, intake: ComplaintIntake, actor: Actor): Promise<string> => {
  const year = Number(intake.receivedOn.slice(0, 4))
  const seq = await tx.complaintSequence.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } }
  })
  const number = complaintNumber(year, seq.last)
  await tx.complaint.create({
    data: {
      id,
      number,
      channel: intake.channel,
      receivedOn: intake.receivedOn,
      subjectKind: intake.subject.kind,
      institutionCode: intake.subject.institutionCode ?? null,
      personName: intake.subject.personName ?? null,
      subjectDescription: intake.subject.description ?? null,
      content: intake.content,
      amountInvolved: intake.amountInvolved ?? null,
      anonymous: intake.informant.anonymous,
      externalRef: intake.externalRef ?? null,
      status: "received",
      recordedById: actor.id,
      recordedByName: actor.name
    }
  })
  await tx.complaintInformant.create({
    data: {
      complaintId: id,
      anonymous: intake.informant.anonymous,
      name: intake.informant.name ?? null,
      phone: intake.informant.phone ?? null,
      idNumber: intake.informant.idNumber ?? null,
      address: intake.informant.address ?? null
    }
  })
  return number
}

const changed = (
  count: number,
  detail: string,
  error: (d: string) => Error = (d) => new ComplaintRefused({ detail: d })
) => {
  if (count !== 1) throw error(detail)
}

/** The complaint repository on this database. */
export const complaintRepository = (db: Db): ComplaintRepository["Type"] => ({
  intake: ({ id, intake, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const code = intake.subject.institutionCode
          if (code !== undefined && (await tx.institution.findUnique({ where: { code } })) === null)
            throw new InvalidComplaintInput({
              problems: [{ path: "$.subject.institutionCode", message: `定点医药机构 ${code} 不存在` }]
            })
          if (
            intake.externalRef !== undefined &&
            (await tx.complaint.findFirst({ where: { channel: intake.channel, externalRef: intake.externalRef } })) !==
              null
          )
            throw new ComplaintRefused({ detail: `该渠道的举报编号 ${intake.externalRef} 已登记` })
          const number = await insertComplaint(tx, id, intake, actor)
          await recordAudit(tx, actor, {
            action: "complaint.intake",
            entityType: "complaint",
            entityId: id,
            details: {
              number,
              channel: intake.channel,
              institutionCode: code ?? null,
              anonymous: intake.informant.anonymous
            }
          })
          return { number }
        }),
      ComplaintRefused
    ).pipe(
      Effect.catchAllDefect((defect) =>
        defect instanceof InvalidComplaintInput ? Effect.fail(defect) : Effect.die(defect)
      )
    ),
  importMany: ({ file, items, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const problems: Array<ImportProblem> = []
          const codes = [...new Set(items.flatMap((i) => i.intake.subject.institutionCode ?? []))]
          const known = new Set(
            (await tx.institution.findMany({ where: { code: { in: codes } }, select: { code: true } })).map(
              (i) => i.code
            )
          )
          const refs = items.flatMap((i) => i.intake.externalRef ?? [])
          const existing = new Set(
            (
              await tx.complaint.findMany({
                where: { channel: "national_platform", externalRef: { in: refs } },
                select: { externalRef: true }
              })
            ).map((c) => c.externalRef)
          )
          for (const item of items) {
            const code = item.intake.subject.institutionCode
            if (code !== undefined && !known.has(code))
              problems.push({ file, line: item.line, column: "fixmedins_code", message: `定点医药机构 ${code} 不存在` })
            if (item.intake.externalRef !== undefined && existing.has(item.intake.externalRef))
              problems.push({
                file,
                line: item.line,
                column: "rpt_no",
                message: `举报编号 ${item.intake.externalRef} 已导入`
              })
          }
          if (problems.length > 0) throw new ComplaintImportRefused({ file, lines: problems })
          const numbers: Array<string> = []
          for (const item of items) numbers.push(await insertComplaint(tx, item.id, item.intake, actor))
          await recordAudit(tx, actor, {
            action: "complaint.import",
            entityType: "complaint",
            entityId: null,
            details: { file, count: items.length, first: numbers[0] ?? null, last: numbers.at(-1) ?? null }
          })
        }),
      ComplaintImportRefused
    ),
  load: (id) => attempt(() => loadComplaint(db, id), ComplaintNotFound),
  triage: ({ id, decision, on, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          if (decision.decision === "merge") {
            const into = await tx.complaint.findUnique({ where: { id: decision.mergeInto! } })
            if (into === null) throw new ComplaintRefused({ detail: `并入的举报 ${decision.mergeInto} 不存在` })
            if (into.status === "merged")
              throw new ComplaintRefused({ detail: `举报 ${into.number} 本身已合并，请并入其主举报` })
          }
          const status =
            decision.decision === "accept"
              ? "accepted"
              : decision.decision === "not_accept"
                ? "not_accepted"
                : decision.decision === "forward"
                  ? "forwarded"
                  : "merged"
          const updated = await tx.complaint.updateMany({
            where: { id, status: "received" },
            data: {
              status,
              triagedOn: on,
              triageReason: decision.reason ?? null,
              forwardTo: decision.forwardTo ?? null,
              mergedInto: decision.mergeInto ?? null
            }
          })
          changed(updated.count, "该举报已由他人作出受理决定")
          await recordAudit(tx, actor, {
            action: `complaint.${decision.decision}`,
            entityType: "complaint",
            entityId: id,
            details: {
              on,
              reason: decision.reason ?? null,
              forwardTo: decision.forwardTo ?? null,
              mergeInto: decision.mergeInto ?? null
            }
          })
        }),
      ComplaintRefused
    ),
  claimForCase: ({ id, token }) =>
    attempt(async () => {
      const updated = await db.complaint.updateMany({
        where: { id, caseId: null, status: "accepted" },
        data: { caseId: token }
      })
      changed(updated.count, "该举报已登记为案件或正由他人登记")
    }, ComplaintRefused),
  releaseClaim: ({ id, token }) =>
    Effect.promise(() => db.complaint.updateMany({ where: { id, caseId: token }, data: { caseId: null } })).pipe(
      Effect.asVoid
    ),
  linkCase: ({ id, token, caseId, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const updated = await tx.complaint.updateMany({ where: { id, caseId: token }, data: { caseId } })
          changed(updated.count, "该举报的案件登记已被撤回")
          await recordAudit(tx, actor, {
            action: "complaint.open_case",
            entityType: "complaint",
            entityId: id,
            details: { caseId }
          })
        }),
      ComplaintRefused
    ),
  recordOutcome: ({ id, outcome, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const updated = await tx.complaint.updateMany({
            where: { id, status: "accepted", outcome: null },
            data: {
              outcome: outcome.result,
              outcomeOn: outcome.on,
              verifiedAmount: outcome.verifiedAmount ?? null,
              outcomeNote: outcome.note
            }
          })
          changed(updated.count, "查处结果已登记")
          await recordAudit(tx, actor, {
            action: "complaint.outcome",
            entityType: "complaint",
            entityId: id,
            details: { result: outcome.result, on: outcome.on, verifiedAmount: outcome.verifiedAmount ?? null }
          })
        }),
      ComplaintRefused
    ),
  recordReply: ({ id, reply, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const updated = await tx.complaint.updateMany({
            where: { id, repliedOn: null },
            data: { repliedOn: reply.on, replyMethod: reply.method, replyContent: reply.content }
          })
          changed(updated.count, "已登记告知举报人")
          await recordAudit(tx, actor, {
            action: "complaint.reply",
            entityType: "complaint",
            entityId: id,
            details: { on: reply.on, method: reply.method }
          })
        }),
      ComplaintRefused
    ),
  recordRetaliation: ({ id, report, actor }) =>
    Effect.promise(() =>
      db.$transaction(async (t) => {
        const tx = t as unknown as Db
        await tx.complaintRetaliation.create({
          data: {
            complaintId: id,
            occurredOn: report.on,
            by: report.by,
            description: report.description,
            recordedByName: actor.name
          }
        })
        await recordAudit(tx, actor, {
          action: "complaint.retaliation",
          entityType: "complaint",
          entityId: id,
          details: { on: report.on, by: report.by }
        })
      })
    ),
  revealInformant: ({ id, reason, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const row = await tx.complaintInformant.findUnique({ where: { complaintId: id } })
          if (row === null) throw new ComplaintNotFound({ id })
          const identity = identityOf(row)
          await recordAudit(tx, actor, {
            action: "informant.reveal",
            entityType: "complaint",
            entityId: id,
            details: {
              reason,
              fields: Object.keys(identity).filter((k) => k !== "anonymous")
            }
          })
          return identity
        }),
      ComplaintNotFound
    ),
  maskedInformant: (id) =>
    attempt(async () => {
      const row = await db.complaintInformant.findUnique({ where: { complaintId: id } })
      if (row === null) throw new ComplaintNotFound({ id })
      return maskedInformant(identityOf(row))
    }, ComplaintNotFound),
  retaliationsOfCase: (caseId) =>
    Effect.promise(async () => {
      const rows = await db.complaint.findMany({
        where: { caseId },
        include: { retaliations: { orderBy: { createdAt: "asc" } } }
      })
      return rows.flatMap((c) =>
        c.retaliations.map((r) => ({
          complaintNumber: c.number,
          report: { on: r.occurredOn as IsoDate, by: r.by, description: r.description }
        }))
      )
    }),
  rewardsOf: (complaintId) =>
    Effect.promise(async () =>
      (await db.complaintReward.findMany({ where: { complaintId }, orderBy: { createdAt: "asc" } })).map(rewardOf)
    ),
  loadReward: (id) =>
    attempt(async () => {
      const r = await db.complaintReward.findUnique({ where: { id } })
      if (r === null) throw new ComplaintNotFound({ id })
      return rewardOf(r)
    }, ComplaintNotFound),
  proposeReward: ({ id, complaintId, amount, caseValue, insider, basis, on, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const running = await tx.complaintReward.count({ where: { complaintId, status: { not: "rejected" } } })
          if (running > 0) throw new RewardRefused({ detail: "该举报已有在办或已发放的奖励" })
          await tx.complaintReward.create({
            data: {
              id,
              complaintId,
              status: "proposed",
              amount,
              caseValue,
              insider,
              basis,
              proposedById: actor.id,
              proposedByName: actor.name,
              proposedOn: on
            }
          })
          await recordAudit(tx, actor, {
            action: "complaint_reward.propose",
            entityType: "complaint_reward",
            entityId: id,
            details: { complaintId, amount, caseValue, insider }
          })
        }),
      RewardRefused
    ),
  rewardStep: ({ id, step, from, note, on, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const data =
            step === "review"
              ? {
                  status: "reviewed",
                  reviewedById: actor.id,
                  reviewedByName: actor.name,
                  reviewedOn: on,
                  reviewNote: note
                }
              : step === "approve"
                ? {
                    status: "approved",
                    approvedById: actor.id,
                    approvedByName: actor.name,
                    approvedOn: on,
                    approvalNote: note
                  }
                : { status: "rejected", rejectedByName: actor.name, rejectedOn: on, rejectReason: note }
          const updated = await tx.complaintReward.updateMany({ where: { id, status: from }, data })
          changed(updated.count, "该奖励已由他人办理，请刷新后重试", (d) => new RewardRefused({ detail: d }))
          await recordAudit(tx, actor, {
            action: `complaint_reward.${step}`,
            entityType: "complaint_reward",
            entityId: id,
            details: { note }
          })
        }),
      RewardRefused
    ),
  payReward: ({ id, payment, actor }) =>
    attempt(
      () =>
        db.$transaction(async (t) => {
          const tx = t as unknown as Db
          const updated = await tx.complaintReward.updateMany({
            where: { id, status: "approved" },
            data: {
              status: "paid",
              paidOn: payment.paidOn,
              paidAmount: payment.amount,
              paymentMethod: payment.method,
              paymentReference: payment.reference,
              paidByName: actor.name
            }
          })
          changed(updated.count, "该奖励已登记发放", (d) => new RewardRefused({ detail: d }))
          await recordAudit(tx, actor, {
            action: "complaint_reward.pay",
            entityType: "complaint_reward",
            entityId: id,
            details: {
              paidOn: payment.paidOn,
              amount: payment.amount,
              method: payment.method,
              reference: payment.reference
            }
          })
        }),
      RewardRefused
    )
})

/** The complaint repository as a layer. */
export const ComplaintRepositoryLive = (db: Db): Layer.Layer<ComplaintRepository> =>
  Layer.succeed(ComplaintRepository, complaintRepository(db))

/**
 * Complaints within a scope (null: all), newest first: those about an institution in the scope and
 * those about no institution (a person reported) unless `persons` is false — the API lists these only for the bureau
 * and its sections. No informant identity is read.
 */
export const listComplaints = async (db: Db, institutions: ReadonlyArray<string> | null, persons: boolean = true) =>
  (
    await db.complaint.findMany({
      where: {
        AND: [
          institutions === null
            ? {}
            : { OR: [{ institutionCode: null }, { institutionCode: { in: [...institutions] } }] },
          persons ? {} : { institutionCode: { not: null } }
        ]
      },
      include: { retaliations: { orderBy: { createdAt: "asc" } } },
      orderBy: [{ receivedOn: "desc" }, { number: "desc" }],
      take: 1000
    })
  ).map((c) => complaintOf(c, c.retaliations))

/** The institution a complaint is about: undefined when there is no such complaint, null for none. */
export const institutionOfComplaint = async (db: Db, id: string): Promise<string | null | undefined> => {
  const c = await db.complaint.findUnique({ where: { id }, select: { institutionCode: true } })
  return c === null ? undefined : c.institutionCode
}

/** The complaint a reward belongs to, or undefined. */
export const complaintOfReward = async (db: Db, id: string): Promise<string | undefined> =>
  (await db.complaintReward.findUnique({ where: { id }, select: { complaintId: true } }))?.complaintId

/** A complaint's rewards with who took each step, for the views. */
export const rewardRows = (db: Db, complaintIds: ReadonlyArray<string>) =>
  db.complaintReward.findMany({ where: { complaintId: { in: [...complaintIds] } }, orderBy: { createdAt: "asc" } })
