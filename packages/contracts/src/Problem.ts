/**
 * One error model for every door. Each expected failure has a tag; this table gives each tag its
 * HTTP status, its Chinese title and the CLI's exit code. The API answers an RFC 9457 problem
 * (`application/problem+json`) whose `code` is the tag and whose `errors` name the fields by JSON
 * path; the CLI prints the title and detail and exits with the code.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { FieldProblem } from "./Endpoint.js"

/** What a tag means at each door. @category models */
export interface ProblemType {
  readonly status: number
  readonly title: string
  /** The CLI's exit code: 2 for input the person must correct, 1 for everything else. */
  readonly exit: 1 | 2
}

const input = (title: string, status = 400): ProblemType => ({ status, title, exit: 2 })
const refusal = (status: number, title: string): ProblemType => ({ status, title, exit: 1 })

/**
 * Every expected failure, by tag.
 *
 * @category models
 */
export const problemTypes = {
  // The request itself.
  InvalidRequest: input("请求有误"),
  InvalidJson: input("请求内容不是有效的 JSON"),
  BodyTooLarge: input("请求内容过大", 413),
  UnsupportedMediaType: input("不支持的内容类型", 415),
  TooManyRows: input("结果过多，请缩小范围"),
  UnsupportedFile: input("不支持的文件"),
  UnreadableFile: input("无法读取文件"),
  ImportRejected: input("导入文件有误，未作任何修改"),
  // Who is asking.
  Unauthenticated: refusal(401, "未登录或登录已过期"),
  InvalidCredentials: refusal(401, "用户名或密码错误"),
  AccountLocked: refusal(429, "账户已暂时锁定"),
  TooManyRequests: refusal(429, "请求过于频繁"),
  PasswordCheckBusy: refusal(503, "登录请求过多，请稍后再试"),
  Forbidden: refusal(403, "无权执行此操作"),
  OutOfScope: refusal(403, "超出本人数据范围"),
  PasswordChangeRequired: refusal(403, "请先修改初始密码"),
  // Accounts.
  UserNotFound: refusal(404, "用户不存在"),
  InvalidAccount: input("账户信息有误"),
  UsernameTaken: input("用户名已被使用", 409),
  WrongPassword: input("当前密码不正确"),
  WeakPassword: input("密码不符合要求"),
  // Things that are not there, or gone.
  NotFound: refusal(404, "不存在"),
  SuspicionNotFound: refusal(404, "疑点不存在"),
  TaskNotFound: refusal(404, "任务不存在"),
  RunNotFound: refusal(404, "筛查批次不存在"),
  CaseNotFound: refusal(404, "案件不存在"),
  InspectionNotFound: refusal(404, "检查、计划或抽取结果不存在"),
  SampleNotFound: refusal(404, "抽样不存在"),
  EvidenceUnavailable: refusal(410, "证据文件已不可用"),
  // The domain's rules.
  InvalidAssessmentInput: input("案件信息有误"),
  InvalidBenchmark: input("裁量基准文件有误"),
  InvalidDuty: input("职责定义有误"),
  InvalidRankingScheme: input("排名办法有误"),
  InvalidCompletion: input("佐证不完整或有误，未记录"),
  InvalidReviewInput: input("输入有误，请根据提示修改"),
  OrganisationRejected: input("组织机构数据不一致，未作任何修改"),
  AssigneeNotFound: input("承办人不存在或无权办理"),
  DrawRefused: input("抽取条件有误，未抽取"),
  CaseOpeningRefused: input("案源信息有误，未登记"),
  InvalidCaseInput: input("办案信息有误，请根据提示修改"),
  CaseStepRefused: refusal(409, "不能办理此步骤"),
  StaleCase: refusal(409, "案件已被他人更新，请刷新后重试"),
  InvalidInspectionInput: input("检查计划或检查人员信息有误"),
  InvalidOnsiteRecord: input("现场检查笔录有误，请根据提示修改"),
  InspectionStateRefused: refusal(409, "当前状态不能执行此操作"),
  InvalidSampleInput: input("抽样或审核信息有误，请根据提示修改"),
  ClaimFrameUnavailable: input("数据包中无法取得该机构的结算记录"),
  SampleStepRefused: refusal(409, "抽样当前状态不能执行此操作"),
  DocumentNotReady: refusal(409, "尚未到出具该文书的环节"),
  FollowUpRefused: refusal(409, "当前状态不能办理此事项"),
  InvalidChecklist: input("检查清单有误，未保存"),
  FollowUpNotFound: refusal(404, "不存在"),
  // Complaints and tips (举报投诉) and rewards.
  ComplaintNotFound: refusal(404, "举报不存在"),
  InvalidComplaintInput: input("举报信息有误，请根据提示修改"),
  ComplaintRefused: refusal(409, "当前状态不能办理此事项"),
  ComplaintImportRefused: input("导入文件有误，未导入任何记录"),
  RewardRefused: refusal(409, "不能办理此举报奖励事项"),
  // Credit and points.
  CreditNotFound: refusal(404, "不存在"),
  CreditRefused: refusal(409, "当前状态不能办理此事项"),
  InvalidCreditInput: input("信用或记分信息有误，请根据提示修改"),
  // Transfers and other departments.
  TransferNotFound: refusal(404, "移送记录不存在"),
  DepartmentClientNotFound: refusal(404, "接口账户不存在或已停用"),
  // The pre-settlement check.
  InstitutionClientNotFound: refusal(404, "机构接口账户不存在或已停用"),
  UnknownInstitution: input("定点医药机构不在机构名录中", 422),
  InvalidTransferInput: input("移送信息有误，请根据提示修改"),
  TransferStepRefused: refusal(409, "当前状态不能办理此移送步骤"),
  StaleTransfer: refusal(409, "该移送记录已被他人更新，请刷新后重试"),
  CalendarYearNotCovered: refusal(422, "工作日历尚未覆盖该年度"),
  StaleRevision: refusal(409, "该疑点已被他人处理，请刷新后重试"),
  WrongStatus: refusal(409, "当前状态不能执行此步骤"),
  WrongCategory: refusal(409, "此类疑点不适用该步骤"),
  NotYetDue: refusal(409, "尚未到期，不能执行此步骤"),
  SeparationOfDuties: refusal(403, "三级审核：同一人不得兼任初审、复审和审批"),
  NotAssignee: refusal(403, "该步骤已分派给他人"),
  RunNotRerunnable: refusal(409, "该批次不能重新筛查"),
  // The server.
  InternalError: refusal(500, "服务器内部错误，请联系系统管理员")
} as const satisfies Record<string, ProblemType>

/** @category models */
export type ProblemTag = keyof typeof problemTypes

/** Whether a tag is one of the table's. @category guards */
export const isProblemTag = (tag: unknown): tag is ProblemTag =>
  typeof tag === "string" && Object.prototype.hasOwnProperty.call(problemTypes, tag)

/** The `type` URI of a problem: stable, one per tag. @category formatting */
export const problemTypeUri = (tag: ProblemTag): string =>
  `urn:fundguard:problem:${tag.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()}`

/** An RFC 9457 problem as every error answer carries it. @category models */
export const ProblemDetails = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Number,
  detail: Schema.String,
  /** The tag: what a program branches on. */
  code: Schema.String,
  /** The fields at fault, by JSON path (`$.proposal.deductionAmount`, `$.query.page`). */
  errors: Schema.optionalWith(Schema.Array(FieldProblem), { exact: true })
})
/** @category models */
export type ProblemDetails = typeof ProblemDetails.Type

/** The problem body of a tag. @category constructors */
export const problemDetails = (
  tag: ProblemTag,
  detail: string,
  errors?: ReadonlyArray<FieldProblem>
): ProblemDetails => ({
  type: problemTypeUri(tag),
  title: problemTypes[tag].title,
  status: problemTypes[tag].status,
  detail: detail === "" ? problemTypes[tag].title : detail,
  code: tag,
  ...(errors === undefined || errors.length === 0 ? {} : { errors })
})
