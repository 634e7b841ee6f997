/**
 * Transfers in the demo county: one to the county health commission (卫健委) sent after a decision and
 * signed for, with the commission's request for one more document waiting on the bureau; one from the
 * commission (卫健 → 医保: 挂床住院) waiting for the bureau's receipt; one to the police drafted and
 * waiting for the head's approval. Every step through the use cases, by the demo users who may take it;
 * the commission's steps as its demo account (县卫健委接口).
 */
import * as Application from "@fundguard/application"
import type { Db } from "@fundguard/db"
import type { TransferActor } from "@fundguard/domain/departments"
import * as Effect from "effect/Effect"
import { runUseCase, type DemoOptions } from "./responsibilities.js"

/** What the transfers demo loaded. */
export interface TransfersDemo {
  readonly transfers: number
}

const actorOf = async (db: Db, username: string, canApprove: boolean): Promise<TransferActor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } })
  const department = user.role === "department" ? ("health_commission" as const) : null
  return {
    id: user.id,
    name: user.displayName,
    side: department === null ? "bureau" : "department",
    department,
    canApprove
  }
}

/** Loads the transfers demo once (nothing when a transfer exists). */
export const seedTransfersDemo = async (db: Db, options: DemoOptions): Promise<TransfersDemo> => {
  if ((await db.transfer.count()) > 0) return { transfers: 0 }
  const institutions = await db.institution.findMany({
    where: { orgKind: { in: ["township_health_center", "public_hospital"] } },
    orderBy: { code: "asc" },
    take: 2
  })
  const [first, second] = institutions
  if (first === undefined || second === undefined) return { transfers: 0 }
  const lookup = (code: string) =>
    Effect.promise(async () => {
      const row = await db.institution.findUnique({ where: { code } })
      return row === null ? null : { code: row.code, name: row.name, region: row.admdvs }
    })
  const [jihe, admin, weijian] = [
    await actorOf(db, "jihe", false),
    await actorOf(db, "admin", true),
    await actorOf(db, "weijian", false)
  ]
  const at = (hour: number) => new Date(`${options.today}T${String(hour).padStart(2, "0")}:00:00+08:00`)
  const run = <A, E>(effect: Parameters<typeof runUseCase<A, E>>[2]) => runUseCase(db, options, effect)
  const step = async (id: string, actor: TransferActor, stepBody: unknown, hour: number) => {
    const { revision } = await db.transfer.findUniqueOrThrow({ where: { id } })
    await run(Application.Departments.takeTransferStep({ id, revision, step: stepBody, actor, ip: null, at: at(hour) }))
  }

  // 医保 → 卫健: over-examination found at the first institution, decided, handed over.
  const health = await run(
    Application.Departments.draftTransfer({
      draft: {
        department: "health_commission",
        institutionCode: first.code,
        decisionDate: options.today,
        violations: ["A38-2-OVER_EXAMINATION"],
        listItems: [4, 5],
        facts: "2026年1—9月无指征开展CT检查，涉及参保人员312人次",
        amount: 48_200,
        officers: [jihe.name, "张稽核"],
        materials: [
          { kind: "transfer_letter", title: "医保基金使用违法违规案件移送书", pages: 2 },
          { kind: "problem_list", title: "违法违规问题清单", pages: 3 },
          { kind: "transfer_report", title: "书面移交报告", pages: 4 },
          { kind: "evidence", title: "违法违规明细及证据材料", pages: 36 }
        ]
      },
      institution: lookup,
      bureauRegion: first.admdvs,
      actor: { id: jihe.id, name: jihe.name, ip: null },
      at: at(9)
    })
  )
  await step(health.id, admin, { _tag: "approve", note: "同意移送" }, 10)
  await step(health.id, jihe, { _tag: "send" }, 11)
  await step(health.id, weijian, { _tag: "receive", signedBy: "县卫健委 刘某" }, 14)
  await step(health.id, weijian, { _tag: "request_supplement", missing: ["CT检查适应证鉴定意见"] }, 15)

  // 卫健 → 医保: 挂床住院 found in the commission's own inspection.
  await run(
    Application.Departments.registerIncomingTransfer({
      department: "health_commission",
      transfer: {
        number: "奉卫移〔2026〕3号",
        institutionCode: second.code,
        discoveredOn: options.today,
        violations: ["A38-1-BED_HANGING"],
        listItems: [1],
        facts: "行业检查发现住院患者3人不在床，疑似挂床住院",
        materials: [
          { kind: "transfer_letter", title: "移送书", pages: 1 },
          { kind: "evidence", title: "现场检查记录及照片", pages: 6 }
        ]
      },
      institution: lookup,
      bureauRegion: second.admdvs,
      actor: { id: weijian.id, name: weijian.name, ip: null },
      recordedBy: "department",
      at: at(16)
    })
  )

  // 医保 → 公安: a suspected fraud, reported by two officers, waiting for the head (3 days).
  await run(
    Application.Departments.draftTransfer({
      draft: {
        department: "police",
        institutionCode: second.code,
        violations: ["A40-3-FICTITIOUS_SERVICE"],
        facts: "虚构康复理疗项目，骗取医保基金",
        amount: 86_400,
        officers: [jihe.name, "张稽核"],
        materials: [
          { kind: "transfer_letter", title: "涉嫌犯罪案件移送书", pages: 2 },
          { kind: "investigation_report", title: "涉嫌犯罪案件情况的调查报告", pages: 14 }
        ]
      },
      institution: lookup,
      bureauRegion: second.admdvs,
      actor: { id: jihe.id, name: jihe.name, ip: null },
      at: at(17)
    })
  )
  return { transfers: 3 }
}
