/**
 * Data for one case of the 奉节县 bureau, as each builder takes it.
 */
import type {
  FilingApprovalData,
  HearingNoticeData,
  InquiryRecordData,
  OfficerData,
  OnsiteRecordData,
  PartyData,
  PenaltyNoticeData,
  RectificationNoticeData,
  ServiceReceiptData
} from "../../src/index.js"

export const bureauName = "奉节县医疗保障局"

export const party: PartyData = {
  name: "奉节县某某医院",
  code: "52500236MJ1234567X",
  address: "重庆市奉节县永安街道某某路88号",
  legalRepresentative: "赵某某"
}

export const wang: OfficerData = { name: "王稽核", certificateNumber: "50023601001" }
export const li: OfficerData = { name: "李执法", certificateNumber: "50023601002" }

export const contact = { name: "王稽核", phone: "023-56551234" }

export const filing: FilingApprovalData = {
  bureauName,
  number: "奉医保立〔2026〕3号",
  caseNumber: "奉医保案〔2026〕3号",
  caseName: "奉节县某某医院涉嫌超量开药案",
  caseSource: "智能监控疑点",
  party,
  factSummary: "智能监控发现该院2024年度门诊慢特病处方超量开药，涉及参保人员36人次。",
  amountInvolved: 13791.6,
  proposedArticles: ["《医疗保障基金使用监督管理条例》第三十八条第二项"],
  handlers: ["王稽核", "李执法"],
  handlerOpinion: "符合立案条件，建议立案调查。",
  handlerDate: "2026-12-01",
  approvals: { first_review: { name: "陈科长", opinion: "同意立案。", date: "2026-12-02" } }
}

export const onsite: OnsiteRecordData = {
  bureauName,
  number: null,
  date: "2026-12-03",
  startTime: "09:30",
  endTime: "11:20",
  place: "奉节县某某医院门诊药房",
  party,
  inspectors: [wang, li],
  recorder: "李执法",
  presentPerson: { name: "孙主任", position: "医保办主任", phone: "13800000000" },
  checklist: [
    { item: "处方与结算明细是否一致", result: "不一致：抽查处方12张，8张超量" },
    { item: "药品进销存台账", result: "符合" }
  ],
  findings: ["门诊慢特病处方单次开药超过30日用量", "部分处方无医师签名"],
  sampledInsuredCount: 36,
  photoCount: 14,
  documentCount: 5
}

export const inquiry: InquiryRecordData = {
  bureauName,
  number: null,
  date: "2026-12-04",
  startTime: "14:00",
  endTime: "15:10",
  place: "奉节县医疗保障局询问室",
  inquirers: [wang, li],
  recorder: "李执法",
  subject: {
    name: "孙某某",
    idNumber: "500236********1234",
    employer: "奉节县某某医院",
    position: "医保办主任",
    phone: "13800000000"
  },
  caseName: "奉节县某某医院涉嫌超量开药一案",
  recusalAnswer: "不申请。",
  exchanges: [
    { question: "你院门诊慢特病处方由谁审核？", answer: "由药房药师审核。" },
    { question: "为何单次开药超过30日用量？", answer: "部分患者路远，医生多开了。" }
  ]
}

export const notice: PenaltyNoticeData = {
  bureauName,
  number: "奉医保罚告〔2026〕3号",
  date: "2026-12-06",
  party,
  facts: ["2024年1月1日至12月31日，你院门诊慢特病处方超量开药，造成医疗保障基金损失13,791.60元。"],
  evidence: ["现场检查笔录1份", "询问笔录1份", "处方及结算明细复印件36份"],
  violatedArticles: ["《医疗保障基金使用监督管理条例》第十五条第一款"],
  basis: ["《医疗保障基金使用监督管理条例》第三十八条第二项"],
  proposedPenalty: ["责令改正", "责令退回医疗保障基金13,791.60元", "罚款13,791.60元"],
  statementDays: 3,
  hearingAvailable: true,
  contact
}

export const hearing: HearingNoticeData = {
  bureauName,
  number: "奉医保听〔2026〕1号",
  date: "2026-12-10",
  party,
  caseName: "你院涉嫌超量开药一案",
  requestedOn: "2026-12-08",
  hearing: { date: "2026-12-20", time: "09:30", place: "奉节县医疗保障局三楼会议室", public: true },
  hearingOfficer: "周法规",
  clerk: "吴记录",
  contact
}

export const receipt: ServiceReceiptData = {
  bureauName,
  number: null,
  documents: [{ title: "行政处罚决定书", number: "奉医保罚〔2026〕3号" }],
  recipient: "奉节县某某医院",
  receivedBy: null,
  place: "奉节县某某医院行政办公室",
  method: "left_at_premises",
  date: "2026-12-28",
  servers: ["王稽核", "李执法"],
  remarks: "当事人拒绝签收，邀请社区工作人员见证。"
}

export const rectification: RectificationNoticeData = {
  bureauName,
  number: "奉医保改〔2026〕7号",
  date: "2026-12-06",
  institution: party,
  occasion: "2026年12月3日对你单位开展的现场检查",
  problems: ["门诊慢特病处方超量开药", "处方缺少医师签名"],
  basis: ["《医疗保障基金使用监督管理条例》第三十八条"],
  deadline: "2027-01-05",
  reportContents: ["问题产生的原因分析；", "已采取的整改措施；"],
  contact
}
