/**
 * The agreement track (协议处理): what the handling agency (经办机构) may do under the service agreement
 * when a designated institution breaks it — 条例 Art.13 (国务院令第735号): urge performance, suspend or
 * refuse payment, claw back 违规费用, suspend the responsible staff's or department's 医保-funded
 * services, up to terminating the agreement; the institution may state its case (陈述、申辩). These
 * are not administrative penalties (Art.36–48, by the 医疗保障行政部门); the two tracks may both apply
 * to the same facts and are kept apart, as the law keeps them.
 *
 * @since 0.4.0
 */
import * as Schema from "effect/Schema"

const R735_13 =
  "《医疗保障基金使用监督管理条例》第十三条：定点医药机构违反医疗保障服务协议的，医疗保障经办机构可以督促其履行服务协议，按照服务协议约定暂停或者不予拨付费用、追回违规费用、中止相关责任人员或者所在部门涉及医疗保障基金使用的医药服务，直至解除服务协议"

/**
 * An action of the agreement track.
 *
 * @category models
 */
export const AgreementAction = Schema.Literal(
  "interview",
  "rectify_by_deadline",
  "withhold_payment",
  "refuse_payment",
  "recover",
  "liquidated_damages",
  "suspend_staff_services",
  "terminate"
)
/** @category models */
export type AgreementAction = typeof AgreementAction.Type

/**
 * Each action: its name, whether the statute names it or only the service agreement does, whether the
 * institution must be heard first, and its basis.
 *
 * @category statute
 */
export const agreementActions: Readonly<
  Record<
    AgreementAction,
    { readonly label: string; readonly inStatute: boolean; readonly hearFirst: boolean; readonly basis: string }
  >
> = {
  interview: { label: "约谈（督促履行协议）", inStatute: true, hearFirst: false, basis: R735_13 },
  rectify_by_deadline: { label: "限期整改", inStatute: true, hearFirst: false, basis: R735_13 },
  withhold_payment: { label: "暂停拨付费用", inStatute: true, hearFirst: false, basis: R735_13 },
  refuse_payment: { label: "不予拨付费用（拒付）", inStatute: true, hearFirst: true, basis: R735_13 },
  recover: { label: "追回违规费用", inStatute: true, hearFirst: true, basis: R735_13 },
  liquidated_damages: {
    label: "支付违约金",
    inStatute: false,
    hearFirst: true,
    basis: "服务协议约定（条例第十三条未列举，依协议条款；金额以协议为准 ⚠️）"
  },
  suspend_staff_services: {
    label: "中止相关责任人员或部门涉及医保基金使用的医药服务",
    inStatute: true,
    hearFirst: true,
    basis: R735_13
  },
  terminate: { label: "解除服务协议", inStatute: true, hearFirst: true, basis: R735_13 }
}

/**
 * 暂停支付申请 (seed 000 二（四）): the health centre's monthly review of a village clinic's outpatient
 * pooled-fund use finds a problem and asks the 医保中心, in writing, to suspend payment until it is
 * verified. What the request must say, and the action it asks for.
 *
 * @category models
 */
export interface SuspensionRequest {
  readonly requestedBy: string
  readonly institution: string
  readonly month: string
  readonly problem: string
  readonly amount: number
}

/**
 * The agreement action a suspension request asks the 医保中心 to take (暂停拨付, until verified), with
 * its basis; the request itself is the seed's written form.
 *
 * @category rules
 */
export const suspensionRequested = (
  request: SuspensionRequest
): { readonly action: AgreementAction; readonly until: string; readonly basis: string } => ({
  action: "withhold_payment",
  until: "医保中心核实清楚后拨付",
  basis: `奉节医保发〔2023〕48号 二（四）：每月对门诊统筹费用使用情况进行审核，发现违规问题以书面形式及时申请医保中心暂停支付（${request.requestedBy} 申请暂停 ${request.institution} ${request.month} 费用 ${request.amount} 元：${request.problem}）；${R735_13}`
})
