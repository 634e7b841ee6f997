/**
 * The default duties, each from a seed document: 000 (奉节, the county this product is set up for),
 * 001 (奈曼旗's 2020 campaign, kept as the template of a campaign's phases and coverage targets), 003
 * (a district plan: 双随机 and 四不两直 checks) and 004 (宁夏: joint work with the health commission).
 * Each carries the area its document binds (`source.region`): a bureau takes on only the duties of documents
 * that bind its division (`dutiesIn`) — 宁夏's duties are not a 重庆 county's.
 * A bureau edits these through the UI, the API or a spreadsheet; this file only seeds them.
 *
 * Unit ids refer to the county's organisation (`SEC-JJJG` 基金监管科, the four street 社保所).
 *
 * @since 0.1.0
 */
import type { DutyJson, EvidenceField } from "./Duty.js"
import type { OrgKind } from "../kernel/Institution.js"

/**
 * The seed documents other rules cite: their titles and the day each took effect (seed 000: its
 * issue date; seed 001: the campaign's start).
 *
 * @category statute
 */
export const seedDocuments = {
  s000: {
    document: "奉节医保发〔2023〕48号《规范医保门诊统筹费用使用问题整改方案》",
    effectiveFrom: "2023-08-09",
    // The county's code as the contracts' examples and the demo use it (precheck.md, claims-extract.md).
    region: "500235"
  },
  s001: {
    document: "《2020年奈曼旗打击欺诈骗取医疗保障基金专项治理工作实施方案》",
    effectiveFrom: "2020-04-01",
    region: "150525"
  },
  // 宁夏回族自治区: the joint-mechanism notice binds its cities and counties only.
  s004: { region: "640000" }
} as const

const S000 = seedDocuments.s000.document
const S001 = seedDocuments.s001.document
const S003 = "《XX区医保基金监管安全规范年实施方案》（种子003 篇四）"
const S004 = "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》（2022年8月5日）"

const count = (key: string, label: string, min: number | null, required = true): EvidenceField => ({
  key,
  label,
  type: "count",
  required,
  min
})
const flag = (key: string, label: string, required = true): EvidenceField => ({
  key,
  label,
  type: "flag",
  required,
  min: null
})
const files = (label: string, min: number | null, required: boolean): EvidenceField => ({
  key: "files",
  label,
  type: "files",
  required,
  min
})
const problems = count("problemsFound", "发现问题数", 0)
const rectified = count("rectificationsVerified", "整改核实数", 0, false)

const institutions = (orgKinds: ReadonlyArray<OrgKind>, hospitalLevels: ReadonlyArray<"1" | "2" | "3" | "9"> = []) =>
  ({ kind: "institutions", orgKinds: [...orgKinds], hospitalLevels: [...hospitalLevels], withBeds: false }) as const
const none = { kind: "none" } as const
const every = (unit: "month" | "quarter" | "half_year" | "year") => ({ kind: "every", unit }) as const
const periodEnd = { kind: "period_end" } as const

const allKinds: ReadonlyArray<OrgKind> = [
  "public_hospital",
  "private_hospital",
  "township_health_center",
  "community_health_center",
  "village_clinic",
  "clinic",
  "pharmacy"
]
const streetOffices = ["SSO-KUIZHOU", "SSO-YONGAN", "SSO-YUFU", "SSO-KUIMEN"]

type Base = Omit<DutyJson, "version" | "effectiveTo" | "campaign" | "requiredCount" | "coverageTarget" | "scope"> &
  Partial<Pick<DutyJson, "campaign" | "requiredCount" | "coverageTarget" | "scope" | "effectiveTo">>

const duty = (d: Base): DutyJson => ({
  version: 1,
  effectiveTo: null,
  campaign: null,
  requiredCount: 1,
  coverageTarget: 1,
  scope: d.object.kind === "none" ? "unit" : "each_object",
  ...d
})

const from000 = seedDocuments.s000.effectiveFrom

/** The duties of a document that binds `region` only (see `dutyAppliesIn`). */
const boundTo =
  (region: string) =>
  (d: DutyJson): DutyJson => ({ ...d, source: { ...d.source, region } })

/** Seed 000 (奉节): what the 社保所, the 卫生院 and the bureau's sections must do, and when. */
const seed000: ReadonlyArray<DutyJson> = [
  duty({
    code: "FJ-SSO-CLINIC-CHECK-Q",
    title: "每季度对辖区个体诊所和零售药店现场检查（抽查参保人不少于10人）",
    description:
      "按检查标准核查医师/药师在岗、购销存台账、进货发票、盗刷医保卡购买非医药物品、门诊登记，如实记录检查情况，发现违规立即报告县医保局。",
    category: "inspection",
    source: {
      seed: "000",
      document: S000,
      clause: "二（三）",
      text: "各乡镇社保所协助县医保局每季度对辖区个体诊所和零售药店按照检查标准开展1次现场检查（抽查人数不得低于10人），如实记录现场检查情况"
    },
    effectiveFrom: from000,
    responsible: { unitKind: "social_security_office", unitIds: [] },
    object: institutions(["clinic", "pharmacy"]),
    frequency: every("quarter"),
    deadline: periodEnd,
    evidence: [
      count("personsSampled", "抽查参保人数", 10),
      problems,
      rectified,
      files("现场检查记录（扫描件）", null, false)
    ]
  }),
  duty({
    code: "FJ-HC-VILLAGE-CHECK-Q",
    title: "每季度对辖区村卫生室现场检查",
    description:
      "按门诊统筹费用检查内容规范村卫生室行为（购销存台账、进货发票、串换药品耗材、套取基金购买非医药物品、门诊登记），发现违规立即报告县医保局。",
    category: "inspection",
    source: {
      seed: "000",
      document: S000,
      clause: "二（四）",
      text: "各乡镇卫生院（社区卫生服务中心）每季度对辖区内村卫生室进行1次现场检查"
    },
    effectiveFrom: from000,
    responsible: { unitKind: "health_centre", unitIds: [] },
    object: institutions(["village_clinic"]),
    frequency: every("quarter"),
    deadline: periodEnd,
    evidence: [problems, rectified, files("现场检查记录（扫描件）", null, false)]
  }),
  duty({
    code: "FJ-HC-VILLAGE-REVIEW-M",
    title: "每月审查核实村卫生室医保基金使用情况（核实无误后方可申报）",
    description:
      "期限默认为次月前5个工作日（申报时间以医保中心通知为准，可修改）；发现违规问题以书面形式及时申请医保中心暂停支付。",
    category: "review",
    source: {
      seed: "000",
      document: S000,
      clause: "一（二）7；二（四）",
      text: "每月对辖区内村卫室发生医保基金情况进行审查核实，经核实无误后可申报基金使用"
    },
    effectiveFrom: from000,
    responsible: { unitKind: "health_centre", unitIds: [] },
    object: institutions(["village_clinic"]),
    frequency: every("month"),
    deadline: { kind: "working_days_after_period_end", days: 5 },
    evidence: [problems, flag("suspensionRequested", "已书面申请医保中心暂停支付", false)]
  }),
  ...(["social_security_office", "health_centre"] as const).map((unitKind) =>
    duty({
      code: unitKind === "health_centre" ? "FJ-HC-LEDGER-M" : "FJ-SSO-LEDGER-M",
      title: "每月5日前报送上月检查台账（电子件和加盖鲜章的纸质件）",
      description: "报县医保局基金监管科。",
      category: "report",
      source: {
        seed: "000",
        document: S000,
        clause: "二（六）",
        text: "建立检查台账，每月5日前将上月检查情况的电子件和纸质件（加盖鲜章）报县医保局基金监管科"
      },
      effectiveFrom: from000,
      responsible: { unitKind, unitIds: [] },
      object: none,
      frequency: every("month"),
      deadline: { kind: "day_of_following_month", day: 5 },
      evidence: [files("检查台账电子件", 1, true), flag("paperSealed", "纸质件已加盖鲜章报送")]
    })
  ),
  duty({
    code: "FJ-HC-SELF-INSPECTION-Y",
    title: "每年开展一次自查自纠",
    description: "",
    category: "self_inspection",
    source: { seed: "000", document: S000, clause: "一（二）1", text: "每年开展一次自查自纠" },
    effectiveFrom: from000,
    responsible: { unitKind: "health_centre", unitIds: [] },
    object: none,
    frequency: every("year"),
    deadline: periodEnd,
    evidence: [problems, rectified, files("自查报告", null, false)]
  }),
  duty({
    code: "FJ-HC-TRAINING-Y",
    title: "每年对辖区村卫生室开展两次以上医保政策宣传业务培训",
    description: "每次培训记录一次完成。",
    category: "training",
    source: {
      seed: "000",
      document: S000,
      clause: "一（二）2",
      text: "每年对辖区内村卫生室开展两次以上医保政策宣传业务培训"
    },
    effectiveFrom: from000,
    responsible: { unitKind: "health_centre", unitIds: [] },
    object: none,
    frequency: every("year"),
    requiredCount: 2,
    deadline: periodEnd,
    evidence: [count("participants", "参训人数", 1), files("签到表、培训材料", null, false)]
  }),
  duty({
    code: "FJ-SEC-AREA-CHECK-Y",
    title: "责任科室每年对责任片区至少开展1次现场检查",
    description: "对医保中心提供的疑点数据和问题及时现场检查，发现违法违规问题按程序调查处理。",
    category: "inspection",
    source: {
      seed: "000",
      document: S000,
      clause: "二（五）；三（一）",
      text: "医保局责任科室和街道社保所每年对责任片区至少开展1次现场检查"
    },
    effectiveFrom: from000,
    responsible: { unitKind: "section", unitIds: [] },
    object: { kind: "areas" },
    frequency: every("year"),
    deadline: periodEnd,
    evidence: [problems, rectified]
  }),
  duty({
    code: "FJ-SSO-AREA-CHECK-Y",
    title: "街道社保所每年对责任片区至少开展1次现场检查",
    description: "",
    category: "inspection",
    source: {
      seed: "000",
      document: S000,
      clause: "二（五）；三（三）",
      text: "医保局责任科室和街道社保所每年对责任片区至少开展1次现场检查"
    },
    effectiveFrom: from000,
    responsible: { unitKind: "social_security_office", unitIds: streetOffices },
    object: { kind: "areas" },
    frequency: every("year"),
    deadline: periodEnd,
    evidence: [problems, rectified]
  }),
  duty({
    code: "FJ-CENTRE-ANALYSIS-M",
    title: "每月对门诊统筹费用进行分析比对，疑点交片区责任科室和社保所稽核",
    description: "期限默认为次月前10个工作日（可修改）。",
    category: "review",
    source: {
      seed: "000",
      document: S000,
      clause: "二（二）",
      text: "医保中心每月对门诊统筹费用进行分析比对，对疑点数据和问题交医保局片区责任科室和乡镇（街道）社保中心进行全面稽核"
    },
    effectiveFrom: from000,
    responsible: { unitKind: "handling_centre", unitIds: [] },
    object: none,
    frequency: every("month"),
    deadline: { kind: "working_days_after_period_end", days: 10 },
    evidence: [count("suspiciousItems", "疑点数量", 0), flag("handedOver", "已移交片区责任科室和社保所")]
  })
]

const from003 = "2023-05-01"
const from004 = "2022-08-05"

/** Seeds 003 and 004: the bureau's own checks and its work with the health commission (基金监管科). */
const seed003and004: ReadonlyArray<DutyJson> = [
  duty({
    code: "SJ-DOUBLE-RANDOM-Y",
    title: "“双随机、一公开”检查二级医疗机构，比例不低于50%",
    description: "随机抽取检查对象和执法检查人员，检查结果向社会公开。",
    category: "inspection",
    source: {
      seed: "003",
      document: S003,
      clause: "三（七）",
      text: "继续实施“双随机、一公开”监管，二级医疗机构检查比例不低于50%"
    },
    effectiveFrom: from003,
    responsible: { unitKind: "section", unitIds: ["SEC-JJJG"] },
    object: institutions(["public_hospital", "private_hospital"], ["2"]),
    frequency: every("year"),
    coverageTarget: 0.5,
    deadline: periodEnd,
    evidence: [problems, rectified, flag("published", "检查结果已公开")]
  }),
  duty({
    code: "SJ-UNANNOUNCED-Y",
    title: "对有床位的医疗机构至少开展4次“四不两直”检查",
    description:
      "不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场；每次检查记录一次完成并写明被检查机构。",
    category: "inspection",
    source: { seed: "003", document: S003, clause: "三（七）", text: "对有床位的医疗机构至少开展4次四不两直检查" },
    effectiveFrom: from003,
    responsible: { unitKind: "section", unitIds: ["SEC-JJJG"] },
    object: {
      kind: "institutions",
      orgKinds: ["public_hospital", "private_hospital", "township_health_center", "community_health_center"],
      hospitalLevels: [],
      withBeds: true
    },
    scope: "unit",
    frequency: every("year"),
    requiredCount: 4,
    deadline: periodEnd,
    evidence: [
      { key: "institutions", label: "被检查机构", type: "institutions", required: true, min: 1 },
      problems,
      rectified
    ]
  }),
  duty({
    code: "NX-JOINT-INSPECTION-Y",
    title: "每年与卫生健康部门开展1次以上联合专项检查",
    description: "年初联合制定检查方案，联合筛查疑点数据，派强派齐医保医师。",
    category: "joint_inspection",
    source: { seed: "004", document: S004, clause: "三（一）1", text: "每年开展1次以上联合专项检查" },
    effectiveFrom: from004,
    responsible: { unitKind: "section", unitIds: ["SEC-JJJG"] },
    object: none,
    frequency: every("year"),
    deadline: periodEnd,
    evidence: [flag("withHealthCommission", "卫生健康部门参加"), problems, files("联合检查方案及记录", null, false)]
  }),
  duty({
    code: "NX-TRANSFER-REPORT-Y",
    title: "每年1月15日前报送上一年度移送卫健部门的线索或问题及处理结果",
    description: "报上级医保部门；期间为上一年度。",
    category: "report",
    source: {
      seed: "004",
      document: S004,
      clause: "三（一）3",
      text: "各市、县(区)医保局于每年1月15日前，向自治区医保局报送上一年度移送同级卫健部门的线索或问题及处理结果"
    },
    effectiveFrom: from004,
    responsible: { unitKind: "section", unitIds: ["SEC-JJJG"] },
    object: none,
    frequency: every("year"),
    deadline: { kind: "day_of_following_month", day: 15 },
    evidence: [count("cluesTransferred", "移送线索（问题）数", 0), files("报送材料", 1, true)]
  })
]

const campaign001 = { code: "NM-2020-ZXZL", name: "2020年打击欺诈骗取医疗保障基金专项治理（奈曼旗）" }

/**
 * Seed 001's campaign (its own county and dates): the phases with their windows and the coverage of
 * the 专项检查 phase — village clinics 50 %, every other designated institution 100 %. A bureau copies
 * it for its own campaign with its own dates.
 */
export const campaignPhases = (
  campaign: { readonly code: string; readonly name: string },
  year: number,
  codePrefix: string,
  source: { readonly seed: string | null; readonly document: string; readonly region?: string | null }
): ReadonlyArray<DutyJson> => {
  const window = (from: string, to: string) =>
    ({ kind: "window", from: `${year}-${from}`, to: `${year}-${to}` }) as const
  const base = {
    effectiveFrom: `${year}-04-01`,
    effectiveTo: `${year}-10-20`,
    responsible: { unitKind: "section", unitIds: ["SEC-JJJG"] },
    deadline: periodEnd
  } as const
  const cite = (clause: string, text: string) => ({ ...source, clause, text })
  return [
    duty({
      ...base,
      code: `${codePrefix}-MOBILISE`,
      title: "动员部署：制定专项治理方案并开展集中宣传",
      description: "",
      category: "report",
      source: cite("三（一）", "制定全旗医疗保障基金专项治理行动方案……开展广泛的宣传活动"),
      object: none,
      frequency: window("04-01", "04-10"),
      evidence: [files("专项治理方案", 1, true)],
      campaign: { ...campaign, phase: "动员部署" }
    }),
    duty({
      ...base,
      code: `${codePrefix}-AGENCY-SELF`,
      title: "自查自纠：经办机构自查并上报自查情况统计表",
      description: "",
      category: "self_inspection",
      source: cite("三（二）2；四", "经办机构……形成自查整改报告上报；于4月20日前上报自查情况统计表"),
      responsible: { unitKind: "handling_centre", unitIds: [] },
      object: none,
      frequency: window("04-11", "04-20"),
      evidence: [problems, files("自查情况统计表", 1, true)],
      campaign: { ...campaign, phase: "自查自纠" }
    }),
    duty({
      ...base,
      code: `${codePrefix}-CHECK-VILLAGE`,
      title: "专项检查：村卫生室检查覆盖率50%",
      description: "采取“双随机一公开”方法，重点抽查数据筛查发现异常的机构。",
      category: "inspection",
      source: cite("三（三）", "除了对村卫生室检查覆盖率50%外，对其他定点医药机构检查覆盖率100%"),
      object: institutions(["village_clinic"]),
      frequency: window("04-21", "07-31"),
      coverageTarget: 0.5,
      evidence: [problems, rectified],
      campaign: { ...campaign, phase: "专项检查" }
    }),
    duty({
      ...base,
      code: `${codePrefix}-CHECK-OTHERS`,
      title: "专项检查：其他定点医药机构检查覆盖率100%",
      description: "",
      category: "inspection",
      source: cite("三（三）", "对其他定点医药机构检查覆盖率100%，不留死角"),
      object: institutions(allKinds.filter((k) => k !== "village_clinic")),
      frequency: window("04-21", "07-31"),
      evidence: [problems, rectified],
      campaign: { ...campaign, phase: "专项检查" }
    }),
    duty({
      ...base,
      code: `${codePrefix}-SUMMARY`,
      title: "迎检及总结：整理归档检查档案，形成工作总结",
      description: "",
      category: "report",
      source: cite("三（四）", "做好专项治理检查工作档案的整理和归档工作，对专项治理工作进行全面总结归纳"),
      object: none,
      frequency: window("08-01", "10-20"),
      evidence: [files("工作总结", 1, true)],
      campaign: { ...campaign, phase: "迎检及总结" }
    })
  ]
}

/**
 * Every default duty, as JSON (decode with `decodeDuty`).
 *
 * @category data
 */
export const defaultDuties: ReadonlyArray<DutyJson> = [
  ...seed000.map(boundTo(seedDocuments.s000.region)),
  // Seed 003 is an anonymised district's plan ("XX区"): no area is known, so it stands as a model any bureau
  // may adopt as its own.
  ...seed003and004.map((d) => (d.source.seed === "004" ? boundTo(seedDocuments.s004.region)(d) : d)),
  ...campaignPhases(campaign001, 2020, "NM2020", { seed: "001", document: S001, region: seedDocuments.s001.region })
]
