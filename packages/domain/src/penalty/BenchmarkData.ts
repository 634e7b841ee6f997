/**
 * The bundled benchmark files, generated from `benchmarks/*.json` by `scripts/bundle-benchmarks.mjs` —
 * edit the JSON files, not this module.
 *
 * @since 0.2.0
 */
import type { BenchmarkFileJson } from "./Benchmark.js"

/**
 * The JSON of every bundled benchmark file, in file-name order.
 *
 * @category benchmarks
 */
export const bundledBenchmarkJson: ReadonlyArray<BenchmarkFileJson> = [
  // benchmarks/000000-national-default.json
  {
    id: "cn-national-default",
    regions: ["000000"],
    name: "国家默认裁量基准（法定幅度内分档，不作省级细化）",
    version: "2021-05-01",
    effectiveFrom: "2021-05-01",
    source:
      "《医疗保障基金使用监督管理条例》(国务院令第735号)第三十六条至第四十八条；《规范医疗保障基金使用监督管理行政处罚裁量权办法》(医保发〔2021〕35号)；《中华人民共和国行政处罚法》第二十九条、第三十二条至第三十七条、第五十八条、第六十三条",
    confidence: "unverified",
    notes: [
      "医保发〔2021〕35号把具体裁量基准交由省级医保部门制定（第三条、第七条）；本文件只在法定幅度内分档，不虚构省级数字。",
      "“一般”覆盖整个法定幅度、取中间值；“从轻”“从重”分别取靠近下限、上限的30%（参考资料称为常见做法，属于假设 ⚠️，省级文件可覆盖）。",
      "“减轻”只在《行政处罚法》第三十二条法定情形下适用，幅度为法定下限以下（0至下限），取中间值；达到 reduceBelowFloorFromGrounds 个法定情形才减轻，否则从轻 ⚠️。",
      "听证、法制审核的金额标准由各省规定；本文件的默认值（公民5000元、法人10万元）不是法定数字 ⚠️，本省有规定的应覆盖。"
    ],
    bands: {
      减轻: { from: 0, to: 1, recommend: "middle" },
      从轻: { from: 0, to: 0.3, recommend: "floor" },
      一般: { from: 0, to: 1, recommend: "middle" },
      从重: { from: 0.7, to: 1, recommend: "stepped", step: 0.5 }
    },
    tables: [],
    factors: {
      statutoryMitigation: [
        "selfReported",
        "coercedOrLured",
        "confessedUnknownFacts",
        "meritoriousConduct",
        "otherStatutoryMitigation"
      ],
      mitigation: ["firstOffence", "refundedInFullByDeadline", "cooperated"],
      aggravation: [
        "obstructedInspection",
        "destroyedEvidence",
        "repeatWithin12Months",
        "duringEmergency",
        "leaderRole",
        "retaliatedAgainstInformant",
        "ignoredSelfCheckList"
      ],
      reduceBelowFloorFromGrounds: 2
    },
    firstOffence: { slightHarmMaxAmount: null },
    agreementTermination: { recommendFrom: "从重" },
    settlementSuspension: {
      requiresLoss: false,
      source:
        "《医疗保障基金使用监督管理条例》第四十一条第一款：责令改正；造成损失的，责令退回；属于参保人员的，暂停联网结算——三项以分号并列，暂停不以损失为条件（文义解释；是否需要损失存疑 ⚠️）"
    },
    limitation: {
      fraudFiveYears: false,
      source:
        "《中华人民共和国行政处罚法》第三十六条：涉及公民生命健康安全、金融安全且有危害后果的延长至五年；医保骗保是否属于“金融安全”未见权威解释 ⚠️，默认二年"
    },
    article43: {
      majorLossAmount: null,
      source:
        "《医疗保障基金使用监督管理条例》第四十三条未量化“重大损失” ⚠️：由办案人员以 majorLossOrSeriousImpact 认定，省级文件可设金额"
    },
    criminal: {
      fraud: {
        classes: [
          {
            name: "全国下限（本地区未配置诈骗数额标准）",
            regions: [],
            large: 3000,
            huge: 30000,
            especiallyHuge: 500000
          }
        ],
        nationalFloor: true,
        source:
          "两高《关于办理诈骗刑事案件具体应用法律若干问题的解释》(法释〔2011〕7号)第一条：数额较大3000元至1万元以上、数额巨大3万元至10万元以上、数额特别巨大50万元以上，各省在幅度内确定；未配置时取全国下限"
      },
      concealment: {
        threshold: 50000,
        source:
          "两高《关于办理危害药品安全刑事案件适用法律若干问题的解释》(2022)：明知是医保骗保购买的药品而收购、销售，金额5万元以上的，以掩饰、隐瞒犯罪所得罪（刑法第三百一十二条）定罪 🔶；两高一部《关于办理医保骗保刑事案件若干问题的指导意见》(法发〔2024〕6号) 🔶"
      }
    },
    hearing: {
      citizen: 5000,
      organisation: 100000,
      source:
        "《中华人民共和国行政处罚法》第六十三条（“较大数额罚款”由省级规定；本地区未提供本省标准时，系统默认公民5000元、法人或者其他组织10万元 ⚠️，暂停、解除服务协议等同样告知听证权）"
    },
    legalReview: {
      citizen: 5000,
      organisation: 100000,
      onTermination: true,
      source:
        "《中华人民共和国行政处罚法》第五十八条（重大执法决定须法制审核；具体金额由各地规定，本地区未提供时系统默认公民5000元、法人或者其他组织10万元，解除服务协议须审核 ⚠️）"
    },
    healthCommission: {
      workingDays: 7,
      source:
        "全国未规定医疗保障部门向卫生健康部门移交的时限；系统默认下达行政处罚决定书后7个工作日内移交（非法定时限 ⚠️，本省联动机制文件在本省基准中规定并覆盖）；《医疗保障基金使用监督管理条例》第三十八条、第三十九条（违反其他法律、行政法规的，由有关主管部门依法处理）"
    },
    precedents: {
      enabled: true,
      minimumComparable: 3,
      source:
        "同类公开行政处罚决定（packages/domain/precedents/decisions.json，公开来源逐件载明）；建议倍数取同类案例中位数并限定在本档幅度内（docs/domain/penalties.md）"
    },
    pointScoring: {
      effectiveFrom: "2025-01-01",
      agreementPenalty: { min: 1, max: 3 },
      article38or39: { min: 4, max: 6 },
      repeat: { min: 7, max: 9 },
      article40: { min: 10, max: 12 },
      source:
        "国家医保局等《关于建立定点医药机构相关人员医保支付资格管理制度的指导意见》(医保发〔2024〕23号)；《医疗保障定点医药机构相关人员医保支付资格管理经办规程(试行)》(医保办发〔2024〕34号) 🔶；全国文件未列明事件与分档的对应，系统默认按“协议处理1–3分、第三十八条或第三十九条4–6分、重复违规7–9分、第四十条10–12分”分档 ⚠️，各省实施细则在本省基准中规定；施行日期取2025-01-01 ⚠️"
    },
    agreementActions: {
      减轻: ["约谈"],
      从轻: ["约谈", "限期整改"],
      一般: ["约谈", "限期整改"],
      从重: ["限期整改", "支付违约金", "中止相关责任人员或者所在部门涉及医保基金使用的医药服务"]
    }
  },
  // benchmarks/350000-fujian-2025.json
  {
    id: "fj-payment-qualification-2025",
    regions: ["350000"],
    name: "福建省（医保支付资格记分细则；裁量分档取国家默认）",
    version: "2025-03-01",
    effectiveFrom: "2025-03-01",
    source:
      "福建省定点医药机构相关人员医保支付资格管理实施细则（2025-03-01起施行），http://news.xmhouse.com/bd/202503/t20250305_753376.htm；https://315jiage.cn/mn573192p2.aspx",
    confidence: "secondary",
    notes: [
      "记分事件：受协议处理并支付违约金 1–3分；机构因条例第三十八条、第三十九条受处罚 4–6分；同年重复 7–9分；因条例第四十条受处罚 10–12分。",
      "福建的“应当从轻或者减轻”清单另列“主动投案、如实交代”，本系统没有对应情节，按“其他应当从轻或者减轻”填写并在情节说明中写明依据。"
    ],
    pointScoring: {
      effectiveFrom: "2025-03-01",
      agreementPenalty: { min: 1, max: 3 },
      article38or39: { min: 4, max: 6 },
      repeat: { min: 7, max: 9 },
      article40: { min: 10, max: 12 },
      source: "福建省医保支付资格管理实施细则(2025) 🔶 http://news.xmhouse.com/bd/202503/t20250305_753376.htm"
    }
  },
  // benchmarks/410000-henan-2022.json
  {
    id: "ha-2022",
    regions: ["410000"],
    name: "河南省医疗保障基金使用监督管理行政处罚裁量基准",
    version: "2022-11-03",
    effectiveFrom: "2022-11-03",
    source:
      "《河南省医疗保障基金使用监督管理行政处罚裁量基准》一、依据《中华人民共和国社会保险法》第八十七条、《医疗保障基金使用监督管理条例》第三十七条的行政处罚【二】实施细则，济源市医疗保障局转载 http://ybj.jiyuan.gov.cn/zc/zcfg/t867225.html（发布日期2022-11-03）",
    confidence: "secondary",
    notes: [
      "只读到第一部分（条例第三十七条，经办机构骗取，法定2–5倍）的从轻、一般、从重三档；第三十八条、第四十条等部分未能读到，取国家默认。",
      "施行日期取济源市医疗保障局转载的发布日期 2022-11-03 ⚠️（省文件本身的文号、施行日期未见）。",
      "从轻档原文为“初次违法且骗取医保基金2000元以下并及时改正的”：本系统以“从轻”档（初次违法等从轻情节）与金额2000元以下共同认定；2000元以上、5000元以下的从轻案件按原文“不具备从轻或从重情形”的一般档处理 ⚠️。",
      "“以上/以下”按惯例含本数，5000元同时落入一般档（以下）和从重档（以上）：本系统按对当事人有利归入一般档 ⚠️。",
      "原文从重档只以金额（5000元以上）界定；5000元以下有从重情节的，原文未规定，取国家默认的从重档 ⚠️。"
    ],
    tables: [
      { liability: "37", grades: ["从轻"], amountUpTo: 2000, min: 2, max: 3 },
      { liability: "37", grades: ["从轻", "一般"], amountUpTo: 5000, min: 3, max: 4 },
      { liability: "37", grades: ["从轻", "一般", "从重"], amountOver: 5000, min: 4, max: 5 }
    ]
  },
  // benchmarks/440000-guangdong.json
  {
    id: "gd-fraud-thresholds",
    regions: ["440000"],
    name: "广东省（诈骗数额标准分一类、二类地区；裁量分档取国家默认）",
    version: "2011-04-08",
    effectiveFrom: "2011-04-08",
    source:
      "广东省诈骗罪数额标准：一类地区（广州、深圳、珠海、佛山、中山、东莞…）6000元/10万元/50万元，二类地区4000元/6万元/50万元，https://www.lawparks.com/ask/standards-of-fraud-cases-in-gd",
    confidence: "secondary",
    notes: [
      "一类地区名单在来源中被截断（“…”）⚠️：未列出的城市按二类地区（较低标准）判断，宁可多移送（应移尽移）。",
      "本省数额标准的施行日期未能核实 ⚠️，取法释〔2011〕7号施行日。",
      "听证、法制审核金额的来源为广东省某市程序办法（城市未识别），已作为国家默认值使用，此处不重复。"
    ],
    criminal: {
      fraud: {
        classes: [
          {
            name: "一类地区",
            regions: ["440100", "440300", "440400", "440600", "441900", "442000"],
            large: 6000,
            huge: 100000,
            especiallyHuge: 500000
          },
          { name: "二类地区", regions: [], large: 4000, huge: 60000, especiallyHuge: 500000 }
        ],
        nationalFloor: false,
        source:
          "广东省诈骗罪数额标准 🔶 https://www.lawparks.com/ask/standards-of-fraud-cases-in-gd；法释〔2011〕7号第一条"
      },
      concealment: { threshold: 50000, source: "两高《关于办理危害药品安全刑事案件适用法律若干问题的解释》(2022) 🔶" }
    }
  },
  // benchmarks/500000-chongqing.json
  {
    id: "cq-fraud-thresholds",
    regions: ["500000"],
    name: "重庆市（诈骗数额标准；医保裁量基准原文未读到，裁量分档取国家默认）",
    version: "2013-07-01",
    effectiveFrom: "2013-07-01",
    source:
      "重庆市高级人民法院、重庆市人民检察院《关于办理诈骗刑事案件数额标准的规定》（2013年7月1日起施行）：数额较大5000元、数额巨大7万元、数额特别巨大50万元。两院官网原文未能读到，据全文转载核对（如 https://freewechat.com/a/MzA5NTQ2MTI5Nw==/2649303748/1 、http://cqhclaw.com/lore/xingshi/758503.html）",
    confidence: "secondary",
    notes: [
      "重庆市有《重庆市医疗保障基金使用监督管理行政处罚裁量基准（暂行）》及其《行政处罚裁量细则》：云阳医保处罚字〔2025〕第145号依该细则第2项，对第三十八条超量开药、串换诊疗项目处造成损失金额1倍罚款（http://www.yunyang.gov.cn/zwgk_257/zfxxgkml/cfqz/cfqzxxhz/xybj_303635/202509/t20250918_15019541.html）。两文件的裁量表原文未能读到（第2项的适用条件不明），不能编为分档，分档取国家默认 ⚠️；类案校准中的重庆公开决定（黔江、云阳）反映其实践。",
      "数额标准据两院规定的全文转载核对（施行日2013-07-01），官方发布页未能读到 🔶。"
    ],
    criminal: {
      fraud: {
        classes: [{ name: "重庆市", regions: [], large: 5000, huge: 70000, especiallyHuge: 500000 }],
        nationalFloor: false,
        source:
          "重庆市高级人民法院、重庆市人民检察院《关于办理诈骗刑事案件数额标准的规定》（2013年7月1日起施行） 🔶；法释〔2011〕7号第一条"
      },
      concealment: { threshold: 50000, source: "两高《关于办理危害药品安全刑事案件适用法律若干问题的解释》(2022) 🔶" }
    }
  },
  // benchmarks/640000-ningxia-2022.json
  {
    id: "nx-linkage-2022",
    regions: ["640000"],
    name: "宁夏回族自治区（医保—卫健联动移交时限；裁量分档取国家默认）",
    version: "2022-08-05",
    effectiveFrom: "2022-08-05",
    source: "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》(2022-08-05)",
    confidence: "primary",
    notes: ["移交清单见违法行为目录（seed 004）；本文件只载明本区自己的移交时限。"],
    healthCommission: {
      workingDays: 7,
      source:
        "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》三(二)：在向定点医疗机构下达行政处罚决定书的7个工作日内移交"
    }
  },
  // benchmarks/650000-xinjiang-2025.json
  {
    id: "xj-2025",
    regions: ["650000", "660000"],
    name: "新疆维吾尔自治区（含新疆生产建设兵团）医疗保障基金使用监督管理行政处罚实施标准",
    version: "2025-01-08",
    effectiveFrom: "2025-01-08",
    source:
      "《医疗保障基金使用监督管理行政处罚实施标准》（新疆）第三十七条一行，http://m.boteman.cn/paper/418514513.html；新疆+兵团裁量基准(2025-01-08) http://pjdwzx.cn/fgk/jrfg/202507284582402.shtml",
    confidence: "secondary",
    notes: [
      "只读到第三十七条（经办机构骗取，法定2–5倍）一行，其余条款未能读到，取国家默认。",
      "施行日期取新疆+兵团裁量基准的日期 2025-01-08 ⚠️（实施标准本身的日期未见）。",
      "“以上/以下”按惯例含本数：3000元归入第一档（对当事人有利） ⚠️。"
    ],
    tables: [
      { liability: "37", amountUpTo: 3000, refundedInFullByDeadline: true, min: 3, max: 3 },
      { liability: "37", amountUpTo: 3000, refundedInFullByDeadline: false, min: 3.5, max: 3.5 },
      { liability: "37", amountOver: 3000, amountUpTo: 10000, refundedInFullByDeadline: true, min: 4, max: 4 },
      { liability: "37", amountOver: 3000, amountUpTo: 10000, refundedInFullByDeadline: false, min: 4.5, max: 4.5 },
      { liability: "37", amountOver: 10000, min: 5, max: 5 }
    ]
  }
]

/** The file each entry of `bundledBenchmarkJson` was generated from. */
export const bundledBenchmarkFiles: ReadonlyArray<string> = [
  "000000-national-default.json",
  "350000-fujian-2025.json",
  "410000-henan-2022.json",
  "440000-guangdong.json",
  "500000-chongqing.json",
  "640000-ningxia-2022.json",
  "650000-xinjiang-2025.json"
]
