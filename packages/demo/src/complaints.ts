/**
 * Complaints in the demo county (举报投诉): a real-name phone complaint on a pharmacy, accepted and
 * opened as a case, with retaliation against the informant recorded (the case's 从重 factor); a letter
 * on a village clinic received long ago and not yet decided (its acceptance deadline shown in red);
 * an anonymous web tip about a person (bureau-wide). Every step through the use cases, by the demo
 * users who may take it. Loaded once.
 */
import * as Application from "@fundguard/application"
import type { Db } from "@fundguard/db"
import { addDays, type IsoDate } from "@fundguard/domain/kernel"
import { runUseCase, type DemoOptions } from "./responsibilities.js"

/** What the complaints demo loaded. */
export interface ComplaintsDemo {
  readonly complaints: number
  readonly caseId: string | null
}

/** Loads the complaints demo once (nothing when a complaint exists or the register has no pharmacy or village clinic). */
export const seedComplaintsDemo = async (db: Db, options: DemoOptions): Promise<ComplaintsDemo> => {
  if ((await db.complaint.count()) > 0) return { complaints: 0, caseId: null }
  const pharmacy = await db.institution.findFirst({ where: { orgKind: "pharmacy" }, orderBy: { code: "desc" } })
  const clinic = await db.institution.findFirst({ where: { orgKind: "village_clinic" }, orderBy: { code: "asc" } })
  if (pharmacy === null || clinic === null) return { complaints: 0, caseId: null }
  const user = async (username: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { username } })
    return { actor: { id: u.id, name: u.displayName, ip: null }, role: u.role as "admin" | "supervisor" | "reviewer" }
  }
  const shenhe = await user("shenhe")
  const run = <A, E>(effect: Parameters<typeof runUseCase<A, E>>[2]) => runUseCase(db, options, effect)
  const daysAgo = (n: number): IsoDate => addDays(options.today as IsoDate, -n)

  const phone = await run(
    Application.Complaints.intakeComplaint({
      input: {
        channel: "phone",
        receivedOn: daysAgo(6),
        subject: { kind: "institution", institutionCode: pharmacy.code },
        content: "该药店用医保卡为顾客刷取生活用品（洗发水、食用油），按药品名目结算，约持续三个月。",
        amountInvolved: 8600,
        informant: {
          anonymous: false,
          name: "陈晓梅",
          phone: "13983560000",
          idNumber: "500236198805120026",
          address: "重庆市奉节县永安街道滨江路18号"
        }
      },
      actor: shenhe.actor
    })
  )
  await run(
    Application.Complaints.triageComplaint({ id: phone.id, input: { decision: "accept" }, actor: shenhe.actor })
  )
  const { caseId } = await run(Application.Complaints.openCaseFromComplaint({ id: phone.id, ...shenhe }))
  await run(
    Application.Complaints.recordRetaliation({
      id: phone.id,
      input: {
        on: daysAgo(2),
        by: "被举报药店负责人",
        description: "到举报人家中质问并威胁“以后不让在这买药”"
      },
      actor: shenhe.actor
    })
  )
  await run(
    Application.Complaints.intakeComplaint({
      input: {
        channel: "letter",
        receivedOn: daysAgo(40),
        subject: { kind: "institution", institutionCode: clinic.code },
        content: "来信反映村卫生室为未就诊村民登记门诊并刷卡，村民本人不知情。",
        informant: { anonymous: false, name: "刘德明", address: "奉节县草堂镇某村三组" }
      },
      actor: shenhe.actor
    })
  )
  await run(
    Application.Complaints.intakeComplaint({
      input: {
        channel: "web",
        receivedOn: daysAgo(1),
        subject: { kind: "person", personName: "周某", description: "疑似冒用他人医保卡住院" },
        content: "周某持其亲属医保卡在外地住院结算。",
        amountInvolved: 12000,
        informant: { anonymous: true }
      },
      actor: shenhe.actor
    })
  )
  return { complaints: 3, caseId }
}
