/**
 * The bundled corpus of published decisions, generated from `precedents/decisions.json` by
 * `scripts/bundle-precedents.mjs` — edit the JSON file, not this module.
 *
 * @since 0.5.0
 */
import type { PublishedDecisionJson } from "./Precedents.js"

/**
 * The JSON of every published decision of the corpus, in id order.
 *
 * @category precedents
 */
export const bundledPrecedentJson: ReadonlyArray<PublishedDecisionJson> = [
  {
    id: "bj-beijing-2025-huiren",
    source: {
      url: "https://www.wanbiaoku.com/new/687607312830959616",
      title: "北京市医保局通报打击欺诈骗保专项检查结果（北京商报稿，转载）",
      publisher: "北京市医疗保障局（北京商报报道，第三方网站转载）",
      kind: "repost"
    },
    region: "110000",
    regionName: "北京市",
    decidedOn: null,
    publishedOn: "2025-05-22",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "北京昌平汇仁医院" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医药服务项目骗取医保基金",
        articleCited: null,
        amount: 92300,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 92300,
    refund: null,
    fine: 369100,
    fineMultiple: 4,
    multipleStated: true,
    suspensionMonths: 6,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: true,
    factors: { obstructedInspection: true },
    factorsPublished: "在检查中妨碍执法",
    grade: null,
    notes:
      "页面原文：北京昌平汇仁医院因虚构医药服务项目骗取医保基金约9.23万元，且在检查中妨碍执法，被处四倍罚款36.91万元，并同样面临协议中止6个月的处罚。金额原文为“约9.23万元”；36.91/9.23=3.999，差异来自取整。页面未写退回金额，refund记null。suspensionMonths=6为协议中止6个月。国家医保局2025年第一批医保支付资格管理典型案例中另有“北京市多点执业医师陈某伙同北京东芳茗中医医院、北京昌平博华京康医院、北京昌平汇仁医院欺诈骗保案例”（https://www.163.com/dy/article/KJPHIT7C0552MD9C.html），摘录未显示其处罚，可能是同一事件。页面未写医院性质；北京市属/区属公立医院通常冠“北京市”或区名，此院名不带，按民营医院记录（这是推断）。页面只在京大医院一句写明“依据《医疗保障基金使用监督管理条例》”，其余各句未写依据，articleCited记null。页面写“5月22日，北京市医保局通报”，无年份；同一稿件另见 http://m.shangrongsuo.com/Company/content/2025-05/23/content_9187712.html （网址路径2025-05/23），据此publishedOn记为2025-05-22。页面金额以“万元”表示（两位小数），amountTotal/fine按万元换算为元。"
  },
  {
    id: "bj-beijing-2025-jingbei",
    source: {
      url: "https://www.wanbiaoku.com/new/687607312830959616",
      title: "北京市医保局通报打击欺诈骗保专项检查结果（北京商报稿，转载）",
      publisher: "北京市医疗保障局（北京商报报道，第三方网站转载）",
      kind: "repost"
    },
    region: "110000",
    regionName: "北京市",
    decidedOn: null,
    publishedOn: "2025-05-22",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "北京京北医院" },
    violations: [
      { code: "A38-2-OVER_TREATMENT", published: "过度诊疗", articleCited: null, amount: 0, amountBasis: "loss" },
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 1015700,
    refund: 1015700,
    fine: 1015700,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：北京京北医院、北京脑血管病医院、北京四惠中医医院均因过度诊疗、重复收费等行为，分别造成医保基金损失101.57万元、66.46万元和42.54万元，均被处以等额罚款并追回基金。本院损失101.57万元，“等额罚款”即1倍，fine按同额记录，multipleStated记true。页面未按行为拆分金额，各项记0。refund按“追回基金”记为损失额。页面未写医院性质；北京市属/区属公立医院通常冠“北京市”或区名，此院名不带，按民营医院记录（这是推断）。页面只在京大医院一句写明“依据《医疗保障基金使用监督管理条例》”，其余各句未写依据，articleCited记null。页面写“5月22日，北京市医保局通报”，无年份；同一稿件另见 http://m.shangrongsuo.com/Company/content/2025-05/23/content_9187712.html （网址路径2025-05/23），据此publishedOn记为2025-05-22。页面金额以“万元”表示（两位小数），amountTotal/fine按万元换算为元。"
  },
  {
    id: "bj-beijing-2025-jingda",
    source: {
      url: "https://www.wanbiaoku.com/new/687607312830959616",
      title: "北京市医保局通报打击欺诈骗保专项检查结果（北京商报稿，转载）",
      publisher: "北京市医疗保障局（北京商报报道，第三方网站转载）",
      kind: "repost"
    },
    region: "110000",
    regionName: "北京市",
    decidedOn: null,
    publishedOn: "2025-05-22",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "北京京大医院" },
    violations: [
      {
        code: "A40-1-IMPERSONATION_OR_FAKE_CARE",
        published: "（口腔科）协助他人冒名就医",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 167200,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 167200,
    refund: 167200,
    fine: 334500,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: 6,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：北京京大医院口腔科存在协助他人冒名就医行为，造成医保基金损失16.72万元；依据《医疗保障基金使用监督管理条例》被责令退回医保基金并处两倍罚款33.45万元，同时医保服务协议被中止6个月。33.45/16.72=2.0006，差异来自万元取整。协助冒名就医属第四十条第（一）项，编为A40-1、基数记defrauded；但本案措辞是“造成医保基金损失”，未用“骗取”，所以intentToDefraud记false。suspensionMonths=6记的是“医保服务协议被中止6个月”（协议中止，不是第四十条的暂停医药服务）。refund按“责令退回医保基金”记为损失额，是推断。页面未写医院性质；北京市属/区属公立医院通常冠“北京市”或区名，此院名不带，按民营医院记录（这是推断）。页面只在京大医院一句写明“依据《医疗保障基金使用监督管理条例》”，其余各句未写依据，articleCited记null。页面写“5月22日，北京市医保局通报”，无年份；同一稿件另见 http://m.shangrongsuo.com/Company/content/2025-05/23/content_9187712.html （网址路径2025-05/23），据此publishedOn记为2025-05-22。页面金额以“万元”表示（两位小数），amountTotal/fine按万元换算为元。"
  },
  {
    id: "bj-beijing-2025-naoxueguan",
    source: {
      url: "https://www.wanbiaoku.com/new/687607312830959616",
      title: "北京市医保局通报打击欺诈骗保专项检查结果（北京商报稿，转载）",
      publisher: "北京市医疗保障局（北京商报报道，第三方网站转载）",
      kind: "repost"
    },
    region: "110000",
    regionName: "北京市",
    decidedOn: null,
    publishedOn: "2025-05-22",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "北京脑血管病医院" },
    violations: [
      { code: "A38-2-OVER_TREATMENT", published: "过度诊疗", articleCited: null, amount: 0, amountBasis: "loss" },
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 664600,
    refund: 664600,
    fine: 664600,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：北京京北医院、北京脑血管病医院、北京四惠中医医院均因过度诊疗、重复收费等行为，分别造成医保基金损失101.57万元、66.46万元和42.54万元，均被处以等额罚款并追回基金。本院损失66.46万元，“等额罚款”即1倍，fine按同额记录，multipleStated记true。页面未按行为拆分金额，各项记0。refund按“追回基金”记为损失额。页面未写医院性质；北京市属/区属公立医院通常冠“北京市”或区名，此院名不带，按民营医院记录（这是推断）。页面只在京大医院一句写明“依据《医疗保障基金使用监督管理条例》”，其余各句未写依据，articleCited记null。页面写“5月22日，北京市医保局通报”，无年份；同一稿件另见 http://m.shangrongsuo.com/Company/content/2025-05/23/content_9187712.html （网址路径2025-05/23），据此publishedOn记为2025-05-22。页面金额以“万元”表示（两位小数），amountTotal/fine按万元换算为元。"
  },
  {
    id: "bj-beijing-2025-sihui",
    source: {
      url: "https://www.wanbiaoku.com/new/687607312830959616",
      title: "北京市医保局通报打击欺诈骗保专项检查结果（北京商报稿，转载）",
      publisher: "北京市医疗保障局（北京商报报道，第三方网站转载）",
      kind: "repost"
    },
    region: "110000",
    regionName: "北京市",
    decidedOn: null,
    publishedOn: "2025-05-22",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "北京四惠中医医院" },
    violations: [
      { code: "A38-2-OVER_TREATMENT", published: "过度诊疗", articleCited: null, amount: 0, amountBasis: "loss" },
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 425400,
    refund: 425400,
    fine: 425400,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：北京京北医院、北京脑血管病医院、北京四惠中医医院均因过度诊疗、重复收费等行为，分别造成医保基金损失101.57万元、66.46万元和42.54万元，均被处以等额罚款并追回基金。本院损失42.54万元，“等额罚款”即1倍，fine按同额记录，multipleStated记true。页面未按行为拆分金额，各项记0。refund按“追回基金”记为损失额。页面未写医院性质；北京市属/区属公立医院通常冠“北京市”或区名，此院名不带，按民营医院记录（这是推断）。页面只在京大医院一句写明“依据《医疗保障基金使用监督管理条例》”，其余各句未写依据，articleCited记null。页面写“5月22日，北京市医保局通报”，无年份；同一稿件另见 http://m.shangrongsuo.com/Company/content/2025-05/23/content_9187712.html （网址路径2025-05/23），据此publishedOn记为2025-05-22。页面金额以“万元”表示（两位小数），amountTotal/fine按万元换算为元。"
  },
  {
    id: "bj-beijing-2025-zhongkeyin",
    source: {
      url: "https://www.wanbiaoku.com/new/687607312830959616",
      title: "北京市医保局通报打击欺诈骗保专项检查结果（北京商报稿，转载）",
      publisher: "北京市医疗保障局（北京商报报道，第三方网站转载）",
      kind: "repost"
    },
    region: "110000",
    regionName: "北京市",
    decidedOn: null,
    publishedOn: "2025-05-22",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "clinic", hospitalLevel: null, name: "北京中科印物业管理有限公司卫生所" },
    violations: [
      { code: "A38-2-OVER_TREATMENT", published: "违反诊疗规范", articleCited: null, amount: 0, amountBasis: "loss" },
      { code: "A38-7-OTHER_LOSS", published: "违规结算", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 362700,
    refund: null,
    fine: 362700,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：北京中科印物业管理有限公司卫生所因存在违反诊疗规范及违规结算等违法行为，造成医保基金损失36.27万元，被处以等额罚款。“等额罚款”即1倍。“违规结算”含义不明，编为A38-7（其他造成基金损失的行为），是解读。页面这一句未写退回，refund记null（导语称“违规基金均已被追回”）。卫生所按clinic记录。页面只在京大医院一句写明“依据《医疗保障基金使用监督管理条例》”，其余各句未写依据，articleCited记null。页面写“5月22日，北京市医保局通报”，无年份；同一稿件另见 http://m.shangrongsuo.com/Company/content/2025-05/23/content_9187712.html （网址路径2025-05/23），据此publishedOn记为2025-05-22。页面金额以“万元”表示（两位小数），amountTotal/fine按万元换算为元。"
  },
  {
    id: "cq-qianjiang-2023-03",
    source: {
      url: "https://qianjiang.gov.cn/bmjd/xzfgzbm/qybj/zwgk_49314/fdzdgknr_49316/xzcf_49144/cfgs_49144/202311/t20231110_12545672.html",
      title: "重庆市黔江区医疗保障局 行政处罚决定书 黔江医保处罚字〔2023〕第3号",
      publisher: "重庆市黔江区医疗保障局",
      kind: "bureau_release"
    },
    region: "500114",
    regionName: "重庆市黔江区",
    decidedOn: null,
    publishedOn: "2023-11-10",
    decisionNumber: "黔江医保处罚字〔2023〕第3号",
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "重庆黔江盛颐东蓝医院" },
    violations: [
      {
        code: "A38-2-OVER_TREATMENT",
        published: "违反诊疗规范过度诊疗",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 5066.27,
        amountBasis: "loss",
        multiple: 1
      },
      {
        code: "A38-2-OVER_EXAMINATION",
        published: "过度检查",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 61.06,
        amountBasis: "loss",
        multiple: 1
      },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医保基金支付范围的医药费用纳入医保基金结算",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 595.41,
        amountBasis: "loss",
        multiple: 1
      },
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医药服务项目",
        articleCited: "《医疗保障基金使用监督管理条例》第四十条",
        amount: 220.68,
        amountBasis: "defrauded",
        multiple: 2
      }
    ],
    amountTotal: 5943.42,
    refund: 5943.42,
    fine: 6164.1,
    fineMultiple: 1.04,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Page states the multiples per part: Art.38 items 5722.74 refunded + 1倍罚款 5722.74; 虚构医药服务项目 220.68 refunded + 2倍罚款 441.36; totals 退回5943.42, 罚款6164.1. Overall fineMultiple computed 6164.1/5943.42. Page cites 第三十八条、第四十条 together without clause numbers. The page does not use the word 骗取, so intentToDefraud=false although the fictitious-service part was fined under Art.40 at 2x. orgKind private_hospital inferred from the 91-prefixed (enterprise) credit code; publishedOn from URL path."
  },
  {
    id: "cq-yunyang-2025-145",
    source: {
      url: "http://www.yunyang.gov.cn/zwgk_257/zfxxgkml/cfqz/cfqzxxhz/xybj_303635/202509/t20250918_15019541.html",
      title: "云阳县医疗保障局行政处罚决定书 云阳医保处罚字〔2025〕第145号",
      publisher: "云阳县医疗保障局",
      kind: "bureau_release"
    },
    region: "500235",
    regionName: "重庆市云阳县",
    decidedOn: null,
    publishedOn: "2025-09-18",
    decisionNumber: "云阳医保处罚字〔2025〕第145号",
    subject: { kind: "institution", orgKind: "village_clinic", hospitalLevel: null, name: "云阳县栖霞镇福星村卫生室" },
    violations: [
      {
        code: "A38-2-OVER_PRESCRIPTION",
        published: "超量开药（将“藿香正气口服液”超量开取）",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第（二）款",
        amount: 13791.6,
        amountBasis: "loss"
      },
      {
        code: "A38-4-SWAP",
        published: "串换诊疗项目（颈椎病、肩周炎推拿治疗串换成腰椎间盘突出推拿治疗）",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第（四）款",
        amount: 1087.5,
        amountBasis: "loss"
      }
    ],
    amountTotal: 14879.1,
    refund: 14879.1,
    fine: 14879.1,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "publishedOn taken from the URL path (t20250918); decision date not in the part of the page read. Page states per item: refund 13791.60 + fine 13791.60 (1倍) and refund 1087.50 + fine 1087.50 (1倍); amountTotal/refund/fine are the sums of the two items. Acts 2023-01-01 to 2024-12-31; case opened 2025-07-09. Page cites 重庆市医疗保障基金使用监督管理行政处罚裁量基准（暂行）及裁量细则第2项."
  },
  {
    id: "gd-foshan-2022-01",
    source: {
      url: "http://hsa.gd.gov.cn/ygzwpt/glgk/content/post_4013786.html",
      title: "2022年广东省医保局第三批曝光典型案件(10例)",
      publisher: "广东省医疗保障局",
      kind: "typical_cases"
    },
    region: "440600",
    regionName: "广东省佛山市",
    decidedOn: null,
    publishedOn: "2022-09-16",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "pharmacy",
      hospitalLevel: null,
      name: "佛山市顺德区龙江镇坦西质康药店盈信分店"
    },
    violations: [
      {
        code: "A38-4-SWAP",
        published: "为参保人使用医保卡购买生活用品提供便利",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 7600,
        amountBasis: "loss"
      }
    ],
    amountTotal: 7600,
    refund: 7600,
    fine: 7600,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Amounts published as 0.76万元 (converted). Mapped to A38-4 (以医保结算换取生活用品); could also be read as A38-5 (提供便利)."
  },
  {
    id: "gd-foshan-2022-02",
    source: {
      url: "https://e993.com/caijing_7303d29303d223230323_mqqsmrn8135603",
      title: "这家眼科医院违规使用医保基金被罚40万!集团近三年受到行政处罚80项……",
      publisher: "上观新闻(转载)",
      kind: "repost"
    },
    region: "440600",
    regionName: "广东省佛山市",
    decidedOn: "2022-08-04",
    publishedOn: null,
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "佛山爱尔眼科医院有限公司"
    },
    violations: [
      {
        code: "A38-3-DUPLICATE_CHARGE",
        published: "重复收费",
        articleCited: null,
        amount: 310900,
        amountBasis: "loss"
      },
      { code: "A38-4-SWAP", published: "串换诊疗项目", articleCited: null, amount: 0, amountBasis: "loss" },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "超标准收费",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-5-RESALE_FACILITATION",
        published: "为参保人员利用其享受医疗保障待遇的机会接受返还实物提供便利",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 310900,
    refund: 310900,
    fine: 406900,
    fineMultiple: 1.31,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Amounts published as 退回医保基金31.09万余元 and 罚款40.69万元; the loss is approximate ('余'), so the computed multiple (1.31) is approximate. Decision date given as 今年8月4日; year 2022 inferred from the violation period 2021-05-01..2022-04-30 and the article context. Article cited not given (only 佛山市医疗保障局). Total placed on first item. orgKind private_hospital inferred (company-run hospital)."
  },
  {
    id: "gd-shantou-2022-01",
    source: {
      url: "http://hsa.gd.gov.cn/ygzwpt/glgk/content/post_4013786.html",
      title: "2022年广东省医保局第三批曝光典型案件(10例)",
      publisher: "广东省医疗保障局",
      kind: "typical_cases"
    },
    region: "440500",
    regionName: "广东省汕头市",
    decidedOn: null,
    publishedOn: "2022-09-16",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "village_clinic",
      hospitalLevel: null,
      name: "汕头市澄海区莲下镇窖东村卫生站"
    },
    violations: [
      {
        code: "A40-2-FORGED_RECORDS",
        published: "伪造医保处方、伪造门诊就诊记录",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 18100,
        amountBasis: "defrauded"
      },
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构诊疗服务",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "defrauded"
      },
      {
        code: "A40-1-IMPERSONATION_OR_FAKE_CARE",
        published: "虚开费用单据",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 18100,
    refund: 18100,
    fine: 36200,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: 6,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Amounts published as 1.81万元 / 3.62万元 (converted to yuan). Total on first item. Suspension: 暂停6个月医保服务协议. Agreement termination done by 医保经办机构 under the service agreement."
  },
  {
    id: "gd-shantou-2023-01",
    source: {
      url: "https://club.st001.com/thread-1066-11581718.html",
      title: "虚构医药服务项目、骗取医疗保障基金支出...汕头曝光一批典型案例",
      publisher: "汕头市医疗保障局(汕头论坛转载)",
      kind: "repost"
    },
    region: "440500",
    regionName: "广东省汕头市",
    decidedOn: "2023-09-23",
    publishedOn: null,
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "clinic", hospitalLevel: null, name: "汕头市潮南区怡康医疗有限公司" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医药服务项目,涉及20人次",
        articleCited: "《医疗保障基金使用监督管理条例》第四十条",
        amount: 1998.93,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 1998.93,
    refund: 1998.93,
    fine: 2598.61,
    fineMultiple: 1.3,
    multipleStated: true,
    suspensionMonths: 6,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "《广东省医疗保障局行政执法减免责清单》“减轻处罚清单”第3款",
    grade: "减轻",
    notes:
      "orgKind guessed (clinic) from name 医疗有限公司. 串换药品或诊疗项目 part (2225.46元) was handed to the agency, not fined, so excluded from amountTotal. Fine below the 2x floor because of the 减轻 list."
  },
  {
    id: "gd-shenzhen-2022-01",
    source: {
      url: "http://www.jcys.com/jrgz/119720.html",
      title: "一批诊所被通报,罚了4万元",
      publisher: "基层医师公社(转载深圳市医疗保障局曝光典型案例)",
      kind: "repost"
    },
    region: "440300",
    regionName: "广东省深圳市",
    decidedOn: null,
    publishedOn: "2022-04-13",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "clinic", hospitalLevel: null, name: "深圳玲鑫中医诊所" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医疗服务",
        articleCited: null,
        amount: 2716,
        amountBasis: "defrauded"
      },
      {
        code: "A40-2-FORGED_RECORDS",
        published: "伪造医学文书",
        articleCited: null,
        amount: 0,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 2716,
    refund: 2716,
    fine: 13580,
    fineMultiple: 5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: ["health_commission"],
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "articleCited null: page says only 依据相关条例 (cnaicao.com repost says 深圳市医疗保障局依据相关条例). Single total amount placed on first item. Agreement termination and 通报卫生健康行政部门 were done by 深圳市医疗保险基金管理中心 (agency), per cnaicao.com repost. refund = amount stated 已全部追回. Multiple 5 computed, not stated."
  },
  {
    id: "gd-shenzhen-2022-02",
    source: {
      url: "http://www.jcys.com/jrgz/119720.html",
      title: "一批诊所被通报,罚了4万元",
      publisher: "基层医师公社(转载深圳市医疗保障局曝光典型案例)",
      kind: "repost"
    },
    region: "440300",
    regionName: "广东省深圳市",
    decidedOn: null,
    publishedOn: "2022-04-13",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "clinic", hospitalLevel: null, name: "深圳市益康堂中医(综合)诊所" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医疗服务骗取医疗保障基金支出",
        articleCited: null,
        amount: 3236,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 3236,
    refund: 3236,
    fine: 16180,
    fineMultiple: 5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes: "Page says 依据相关条例 only. refund = amount stated 已全部追回. Multiple 5 computed."
  },
  {
    id: "gd-shenzhen-2022-03",
    source: {
      url: "http://www.jcys.com/jrgz/119720.html",
      title: "一批诊所被通报,罚了4万元",
      publisher: "基层医师公社(转载深圳市医疗保障局曝光典型案例)",
      kind: "repost"
    },
    region: "440300",
    regionName: "广东省深圳市",
    decidedOn: null,
    publishedOn: "2022-04-13",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "clinic", hospitalLevel: null, name: "深圳德元康诊所" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医疗服务骗取医疗保障基金支出",
        articleCited: null,
        amount: 3282.8,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 3282.8,
    refund: 3282.8,
    fine: 11489.8,
    fineMultiple: 3.5,
    multipleStated: false,
    suspensionMonths: 10.5,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Suspension stated as 暂停涉及医疗保障基金使用的医药服务10个半月 (10.5 months). Multiple 3.5 computed. refund = 已全部追回 amount."
  },
  {
    id: "gd-shenzhen-2023-01",
    source: {
      url: "http://ejewel.cn/press_center/exhibition_ews/3874.html",
      title: "广东省医保局曝光10个典型案例(转载)",
      publisher: "广东省医疗保障局(转载)",
      kind: "repost"
    },
    region: "440300",
    regionName: "广东省深圳市",
    decidedOn: null,
    publishedOn: "2023-12-25",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "pharmacy",
      hospitalLevel: null,
      name: "深圳市南北药行连锁有限公司翡翠东湾分店"
    },
    violations: [
      {
        code: "A38-4-SWAP",
        published: "串换药品",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 13546,
        amountBasis: "loss"
      }
    ],
    amountTotal: 13546,
    refund: 13546,
    fine: 13546,
    fineMultiple: 1,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes: "publishedOn is the repost's 发布时间. 约谈该药店负责人 also stated. Multiple 1 computed."
  },
  {
    id: "gd-zhanjiang-2024-01",
    source: {
      url: "http://tzchery.com/bmxxgk/ylbzj/gzdt/content/post_1976311.html",
      title: "湛江市医疗保障局公开曝光5起违法违规使用医保基金典型案例",
      publisher: "湛江市医疗保障局(镜像转载)",
      kind: "repost"
    },
    region: "440811",
    regionName: "广东省湛江市麻章区",
    decidedOn: "2024-07-29",
    publishedOn: null,
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "township_health_center",
      hospitalLevel: null,
      name: "湛江市麻章区湖光镇卫生院"
    },
    violations: [
      {
        code: "A38-2-OVER_TREATMENT",
        published: "违反诊疗规范过度诊疗",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 67527.9,
        amountBasis: "loss"
      },
      {
        code: "A38-3-UNBUNDLED_CHARGE",
        published: "分解项目收费",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-4-SWAP",
        published: "串换检验项目",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 67527.9,
    refund: null,
    fine: 67527.9,
    fineMultiple: 1,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: ["discipline_commission"],
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Amount published as 违规金额; total on first item. 线索移交当地纪检部门. Deciding bureau 麻章区医疗保障局. Page is a mirror of the 湛江 bureau site (host name unrelated)."
  },
  {
    id: "gd-zhanjiang-2024-02",
    source: {
      url: "http://m.lifeandworkafterretirement.com/bmxxgk/ylbzj/gzdt/content/post_1976314.html",
      title: "湛江市医疗保障局2024年第二批违法违规使用医保基金的5宗案例通报",
      publisher: "湛江市医疗保障局(镜像转载)",
      kind: "repost"
    },
    region: "440800",
    regionName: "广东省湛江市",
    decidedOn: "2024-10-09",
    publishedOn: null,
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "雷州安泰医院" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构检验项目",
        articleCited: "《中华人民共和国社会保险法》、《医疗保障基金使用监督管理条例》",
        amount: 279514.1,
        amountBasis: "defrauded"
      },
      {
        code: "A40-2-FORGED_RECORDS",
        published: "伪造彩超报告",
        articleCited: "《中华人民共和国社会保险法》、《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 279514.1,
    refund: null,
    fine: 978299.35,
    fineMultiple: 3.5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes: "orgKind private_hospital inferred from name. Multiple 3.5 computed. Total on first item."
  },
  {
    id: "gd-zhuhai-2023-01",
    source: {
      url: "https://daydaynews.cc/zh-tw/regimen/3633439.html",
      title: "珠海市医疗保障局通报一批违法违规使用医保基金的案例(南都转载)",
      publisher: "珠海市医疗保障局(南方都市报转载)",
      kind: "repost"
    },
    region: "440400",
    regionName: "广东省珠海市",
    decidedOn: null,
    publishedOn: "2023-04-24",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "clinic", hospitalLevel: null, name: "珠海健和诺贝尔口腔门诊部有限公司" },
    violations: [
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published:
          "将参保人在非定点医疗机构发生的诊疗费用,通过其医保个账消费pos机刷取参保人医保凭证,为非定点医疗机构进行医保个账结算",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 60600,
        amountBasis: "loss"
      }
    ],
    amountTotal: 60600,
    refund: 60600,
    fine: 90900,
    fineMultiple: 1.5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Amounts published as 6.06万元 / 9.09万元. Page gives 4月24日 without year; year 2023 inferred from the case period (2022年7月至11月). Agreement termination (解除定点资格) done by 珠海市社会保险基金管理中心 under the service agreement. Mapping to A38-6 is an interpretation (could be A38-7)."
  },
  {
    id: "gd-zhuhai-2023-02",
    source: {
      url: "https://3g.163.com/dy/article/J0VRF38R05129QAF.html",
      title: "珠海市医保局选取5个违法违规使用医保基金典型案例予以曝光(南都讯)",
      publisher: "珠海市医疗保障局(南方都市报/网易转载)",
      kind: "repost"
    },
    region: "440400",
    regionName: "广东省珠海市",
    decidedOn: null,
    publishedOn: "2023-04-24",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "珠海微创外科医院有限公司"
    },
    violations: [
      {
        code: "A38-4-SWAP",
        published: "串换诊疗项目和服务设施",
        articleCited: "《医疗保障基金使用监督管理条例》第十五条",
        amount: 19753,
        amountBasis: "loss"
      },
      {
        code: "A38-2-OVER_TREATMENT",
        published: "违反诊疗规范过度诊疗",
        articleCited: "《医疗保障基金使用监督管理条例》第十五条",
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 19753,
    refund: 19753,
    fine: 29629.5,
    fineMultiple: 1.5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Violation period 2021-06-01..2021-12-31. The page states the 1.5倍 multiple and the fine; it cites only Art.15 (the duty) — Art.38 is implied. publishedOn: this page gives no date (it says 4月 is the 宣传月 with the 2023 theme); 2023-04-24 is taken from the parallel 南都 report of the same 珠海 notice (daydaynews, gd-zhuhai-2023-01) — treat the date as approximate. Total placed on first item; orgKind inferred from name."
  },
  {
    id: "gs-lanzhou-2023-aier",
    source: {
      url: "http://big5.china.com.cn/gate/big5/sl.china.com.cn/2023/1113/185056.shtml",
      title: "违法违规使用医保基金 4家医院被通报（兰州市医疗保障局通报4起典型案例，中国网转载）",
      publisher: "兰州市医疗保障局（中国网转载）",
      kind: "repost"
    },
    region: "620100",
    regionName: "甘肃省兰州市",
    decidedOn: null,
    publishedOn: "2023-11-13",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "兰州爱尔眼科医院有限公司"
    },
    violations: [
      {
        code: "A38-3-DUPLICATE_CHARGE",
        published: "重复收费",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第三项",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "超标准收费",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第三项",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-4-SWAP",
        published: "串换诊疗项目收费",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第四项",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第六项",
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 38981.43,
    refund: 38981.43,
    fine: 50675.85,
    fineMultiple: 1.3,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：2021年1月1日至2021年12月31日存在重复收费、超标准收费、串换诊疗项目收费、将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算的行为，涉及违规金额38981.43元；医疗保障部门依据《条例》第三十八条第三、四、六项及《行政处罚法》第三十二条第五项、第五十七条，责令改正、约谈，责令退回38981.43元，处罚款50675.85元。页面未写倍数，fineMultiple按50675.85÷38981.43计算（1.3）。页面引用行政处罚法第三十二条第五项（应当从轻或减轻的其他情形），但未说明依据的是哪项法规规章或具体情节，所以没有记入factors（otherStatutoryMitigation需要写明依据），grade记null。publishedOn取自转载页网址路径（2023/1113），决定日期未写。页面未按行为拆分金额，各项记0。"
  },
  {
    id: "gs-lanzhou-2023-sanyuantang",
    source: {
      url: "http://big5.china.com.cn/gate/big5/sl.china.com.cn/2023/1113/185056.shtml",
      title: "违法违规使用医保基金 4家医院被通报（兰州市医疗保障局通报4起典型案例，中国网转载）",
      publisher: "兰州市医疗保障局（中国网转载）",
      kind: "repost"
    },
    region: "620100",
    regionName: "甘肃省兰州市",
    decidedOn: null,
    publishedOn: "2023-11-13",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "永登三元堂医院" },
    violations: [
      {
        code: "A38-4-SWAP",
        published: "串换诊疗项目",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第四项",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条第六项",
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 44399,
    refund: 44399,
    fine: 57718.7,
    fineMultiple: 1.3,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：2021年1月1日至2021年12月31日存在串换诊疗项目、将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算的行为；依据《条例》第三十八条第四、六项及《行政处罚法》第三十二条第五项、第五十七条，责令改正、约谈，责令退回造成医疗保障基金损失的金额44399元，处罚款57718.70元。页面同样引用行政处罚法第三十二条第五项，但未写具体从轻依据，未记入factors。fineMultiple按57718.70÷44399计算（1.3）。作出决定的是兰州市通报中的“医疗保障部门”，未写具体机关，region按兰州市记（该院在永登县，620121）。页面未写医院性质，按院名（堂号）推断为民营，是推断。publishedOn取自转载页网址路径。"
  },
  {
    id: "gs-yuzhong-2025-01",
    source: {
      url: "http://www.digipub.cc/dy/article/KJT7OO0P0550FADZ.html?f=post2020_dy_recommends",
      title: "兰州市医疗保障局通报三起医保基金违规典型案例（转载）",
      publisher: "兰州市医疗保障局（第三方平台转载）",
      kind: "repost"
    },
    region: "620123",
    regionName: "甘肃省兰州市榆中县",
    decidedOn: null,
    publishedOn: "2026-01-20",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "pharmacy",
      hospitalLevel: null,
      name: "甘肃众友健康医药连锁有限公司第七十五分店"
    },
    violations: [
      {
        code: "A40-1-IMPERSONATION_OR_FAKE_CARE",
        published:
          "为他人提供虚假发票骗取医保基金；虚开票据（开具9张票据共14549.89元，实际购药3442.80元，相差11107.09元）",
        articleCited: null,
        amount: 11107.09,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 11107.09,
    refund: null,
    fine: 22214.18,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: 6,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "处罚由榆中县医疗保障局作出；页面只写“依据相关规定”，未写条款。页面原文：暂停该单位6个月医疗保障基金使用的医药服务，处违规金额11107.09元2倍的罚款，计22214.18元。页面没有写责令退回或追回，因此refund为null。虚开票据编为A40-1（提供虚假证明材料／虚开费用单据）。页面只写“1月20日，兰州市医疗保障局通报”，没有年份；同页另一案写明“2025年2月15日国家医疗保障局药店专项检查移交线索”，通报必在其后，所以推定为2026-01-20（年份是推定的）。同一内容另见 http://yaochangyun.com/YPYiLiao/Item8edd37395360fdcd.html 。同页第二案（方田诊所、泰和源药业二分店）只有追回、解除或中止协议，没有罚款，未收录；第三案（甘肃创伤骨科医院）的处理结果在摘录中被截断，未收录。"
  },
  {
    id: "hb-changli-2023-01",
    source: {
      url: "https://www.clxzf.gov.cn/single/5/27704.html",
      title: "昌黎县医疗保障局对两家定点医疗机构行政处理情况公示（描述性标题，原页标题未在摘录中显示）",
      publisher: "昌黎县医疗保障局",
      kind: "bureau_release"
    },
    region: "130322",
    regionName: "河北省秦皇岛市昌黎县",
    decidedOn: null,
    publishedOn: "2023-06-01",
    decisionNumber: "昌医保罚决字〔2023〕第02号",
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "昌黎县人民医院" },
    violations: [
      {
        code: "A38-2-OVER_PRESCRIPTION",
        published: "超量开药",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 14061.6,
        amountBasis: "loss"
      }
    ],
    amountTotal: 14061.6,
    refund: 14061.6,
    fine: 14061.6,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：责令改正，退回造成医保基金损失金额¥14061.60，处造成医保基金损失金额一倍的罚款¥14061.60。同一页面的昌黎县中医院重复收费一案是不予处罚（昌医保不罚决字〔2023〕第01号，依《河北省医疗保障领域轻微违法行为包容免罚清单》），因无罚款未收录。publishedOn是公示落款日期2023年6月1日。按县人民医院记为public_hospital；页面未写医院等级。"
  },
  {
    id: "hb-huangshi-2025-01",
    source: {
      url: "http://www.sdszqzjx.cn/zt/cwcw/cxdx/202511/t20251120_1281595.html",
      title: "黄石市医保局曝光5起典型违规案例（案例一：黄石字祥医院违规使用医保基金案）",
      publisher: "repost of 黄石市医疗保障局 notice (host sdszqzjx.cn)",
      kind: "repost"
    },
    region: "420200",
    regionName: "湖北省黄石市",
    decidedOn: null,
    publishedOn: "2025-11-20",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "黄石字祥医院" },
    violations: [
      {
        code: "A38-3-DUPLICATE_CHARGE",
        published: "重复收费",
        articleCited: null,
        amount: 32100,
        amountBasis: "loss",
        multiple: 1.5
      },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医疗保障基金支付范围的医药费用纳入医保基金结算",
        articleCited: null,
        amount: 0,
        amountBasis: "loss",
        multiple: 1.5
      },
      {
        code: "A38-2-OVER_EXAMINATION",
        published: "过度检查",
        articleCited: null,
        amount: 0,
        amountBasis: "loss",
        multiple: 1.5
      },
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医药服务项目",
        articleCited: null,
        amount: 39000,
        amountBasis: "defrauded",
        multiple: 3.5
      }
    ],
    amountTotal: 71100,
    refund: 71100,
    fine: 184700,
    fineMultiple: 2.6,
    multipleStated: false,
    suspensionMonths: 6,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Page gives only the total loss 7.11万元 (recorded as 71100; figures rounded to 0.01万 on the page), so the total is put on the first item and 0 on the others. Fines stated per part: 重复收费/非支付范围/过度检查 1.5倍 4.82万元; 虚构医药服务项目 3.5倍 13.65万元; fine = 48200+136500 = 184700; overall multiple computed. Suspension: 精神科（男一区）6个月. Page cites only 《医疗保障基金使用监督管理条例》相关规定. Case found 2024-12 to 2025-01 in 欺诈骗保疑点数据核查; page does not call the hospital's act 骗取, so intentToDefraud=false. orgKind private_hospital is a guess from the name (ownership not stated). publishedOn from URL path; the page is a repost (Traditional-character mirror) of a 黄石 notice. Per-part multiples recorded on the items: the 3.5倍 part's amount is 13.65万 ÷ 3.5 = 39000; the 1.5倍 part takes the rest of the stated total, 71100 − 39000 = 32100, on its first item (4.82万 ÷ 1.5 = 32133 on the page's rounded figures)."
  },
  {
    id: "hb-huangshi-2025-02",
    source: {
      url: "http://www.sdszqzjx.cn/zt/cwcw/cxdx/202511/t20251120_1281595.html",
      title: "黄石市医保局曝光5起典型违规案例（案例二：大冶燕舞血液透析服务管理有限公司违规使用医保基金案）",
      publisher: "repost of 黄石市医疗保障局 notice (host sdszqzjx.cn)",
      kind: "repost"
    },
    region: "420200",
    regionName: "湖北省黄石市",
    decidedOn: null,
    publishedOn: "2025-11-20",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "大冶燕舞血液透析服务管理有限公司"
    },
    violations: [
      { code: "A38-2-OVER_EXAMINATION", published: "过度检查", articleCited: null, amount: 38000, amountBasis: "loss" },
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 38000,
    refund: 38000,
    fine: 56900,
    fineMultiple: 1.5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Loss 3.8万元 and fine 5.69万元 as published (rounded 万 figures; 56900/38000=1.497, the page states 1.5倍). Found by 省飞行检查组 2025-06; deciding bureau not named (大冶市 or 黄石市), region set to 黄石市 420200. Also 医保支付资格记分 for responsible staff. Independent haemodialysis company: orgKind private_hospital is an approximation. publishedOn from URL path."
  },
  {
    id: "hb-wuhan-2022-tongji",
    source: {
      url: "https://github.com/dropod/issues/issues/22691",
      title: "关于对华中科技大学同济医学院附属同济医院开展专项飞行检查的情况通报",
      publisher:
        "国家医疗保障局（GitHub dropod/issues 存档转载，原文 https://mp.weixin.qq.com/s/_YpJ2LUEB4DjBNu1Irya3g）",
      kind: "repost"
    },
    region: "420100",
    regionName: "湖北省武汉市",
    decidedOn: null,
    publishedOn: "2022-04-20",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "public_hospital",
      hospitalLevel: null,
      name: "华中科技大学同济医学院附属同济医院"
    },
    violations: [
      {
        code: "A40-4-OTHER_FRAUD",
        published: "串换、虚记骨科高值医用耗材，骗取医保基金支付（该院自查并主动退回的骗取医保基金金额）",
        articleCited: "《中华人民共和国社会保险法》《医疗保障基金使用监督管理条例》",
        amount: 19157462.1,
        amountBasis: "defrauded",
        multiple: 2
      },
      {
        code: "A40-4-OTHER_FRAUD",
        published: "串换、虚记骨科高值医用耗材，骗取医保基金支付（检查发现的骗取金额）",
        articleCited: "《中华人民共和国社会保险法》《医疗保障基金使用监督管理条例》",
        amount: 4186147.54,
        amountBasis: "defrauded",
        multiple: 5
      }
    ],
    amountTotal: 23343609.64,
    refund: 23343609.64,
    fine: 59245661.9,
    fineMultiple: 2.54,
    multipleStated: true,
    suspensionMonths: 8,
    agreementTerminated: false,
    transfers: ["police", "market_regulation", "health_commission", "discipline_commission"],
    intentToDefraud: true,
    factors: { selfReported: true },
    factorsPublished:
      "对该院自查并主动退回骗取医保基金金额19157462.10元处2倍罚款38314924.20元；对检查发现的骗取金额4186147.54元处5倍罚款20930737.70元",
    grade: null,
    notes:
      "National 飞行检查 (2022年3月) of 同济医院; 武汉市医保局 decided under 社会保险法 and 条例: 骗取医保基金支付23343609.64元 (2017-01 to 2020-09 acts, decided 2022). The page fines the two parts at stated multiples: self-reported and voluntarily refunded 19157462.10 at 2倍 = 38314924.20; found by inspection 4186147.54 at 5倍 = 20930737.70; 合计59245661.90. fineMultiple 2.54 = 59245661.90/23343609.64 (2.538). selfReported applies only to the 19157462.10 part. suspensionMonths 8 = 暂停骨科8个月涉及医疗保障基金使用的医药服务 (a department, not the whole hospital). Transfers: 向公安、市场监管、药监、卫生健康、纪检监察等有关部门移送 (药监 has no code). Refund: 医保基金损失已全部退回. Code A40-4 chosen because the page joins 串换 and 虚记 with 骗取 and does not split the amount by behaviour. orgKind from the name (university-affiliated public hospital); level not stated on the page. publishedOn = the archive/original WeChat date 2022-04-20. The further 9107.41万元 (2021) still under verification is not recorded."
  },
  {
    id: "he-shenze-2023-01",
    source: {
      url: "http://shenze.gov.cn/columns/7aea1e37-a1b5-4248-9aa2-baaadc0408ae/202304/11/802ae448-7a31-41d2-bee2-c39c74dcf350.html",
      title: "深泽县医疗保障局 行政处理决定书 深医保处字〔2023〕第1号",
      publisher: "深泽县医疗保障局",
      kind: "bureau_release"
    },
    region: "130128",
    regionName: "河北省石家庄市深泽县",
    decidedOn: null,
    publishedOn: "2023-04-11",
    decisionNumber: "深医保处字〔2023〕第1号",
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "深泽平安医院" },
    violations: [
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "精神科诊疗项目心理治疗应收51.2元/次，实收52元/次，存在超标准收费的违法行为",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 22362,
        amountBasis: "loss"
      }
    ],
    amountTotal: 22362,
    refund: 22362,
    fine: 44724,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：依据《医疗保障基金使用监督管理条例》第三十八条和《规范医疗保障基金使用监督管理行政处罚裁量权办法》（医保发〔2021〕35号）第十五条第（二）项规定，对你（单位）处造成医疗保障基金损失2倍的罚款44724元，并退回造成的医疗保障基金损失22362元；“从轻、减轻处罚的理由：无”；当事人不陈述不申辩。调查期间2023年3月15日至4月6日，责令2023年4月11日前改正。文书名为“行政处理决定书”但内容是罚款。页面引用裁量权办法第十五条第（二）项，未写出对应的具体情节，故未记入factors，grade记null。publishedOn取自网址路径（202304/11），决定日期未在摘录中。院名“平安医院”、登记号非统一社会信用代码，页面未写性质，按民营医院记录（推断）。"
  },
  {
    id: "hi-province-2024-01",
    source: {
      url: "https://wxredian.com/art?id=c3df6fa38a128461ba04426e6219ec21",
      title: "海南省医保局曝光1起违法违规使用医保基金典型案例",
      publisher: "海南省医疗保障局(公众号转载)",
      kind: "repost"
    },
    region: "460000",
    regionName: "海南省",
    decidedOn: null,
    publishedOn: "2024-10-10",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "海南省妇女儿童医学中心" },
    violations: [
      {
        code: "A38-2-OVER_EXAMINATION",
        published: "过度检查",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 1700718.68,
        amountBasis: "loss"
      },
      {
        code: "A38-4-SWAP",
        published: "串换收费",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-3-DUPLICATE_CHARGE",
        published: "重复收费",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "耗材超标准收费",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-7-OTHER_LOSS",
        published: "耗材溢库、药品溢库和其他违法行为(无资质开展精神科项目收费)",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 1700718.68,
    refund: 4569373.06,
    fine: 1700718.68,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Total 违规金额 4569373.06 was recovered (refund); the fine is 1倍 on 违规使用医保基金 1700718.68元, which is used as amountTotal (the fine base); the rest presumably handled under the service agreement (page cites both). publishedOn is the repost date (2024-10-10); 立案 2024-03. public_hospital inferred (provincial women and children centre). hospitalLevel not stated."
  },
  {
    id: "hlj-wuchang-2023-01",
    source: {
      url: "https://ybzffs.com/page41?article_id=27122",
      title: "黑龙江省医疗保障局2023年第三期曝光典型案件（十三例）",
      publisher:
        "黑龙江省医疗保障局（第三方网站转载，原文 https://ybj.hlj.gov.cn/ybj/c105387/202311/c00_31688343.shtml）",
      kind: "repost"
    },
    region: "230184",
    regionName: "黑龙江省哈尔滨市五常市",
    decidedOn: null,
    publishedOn: "2023-10-24",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "township_health_center",
      hospitalLevel: null,
      name: "五常市沙河子镇卫生院"
    },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "为患者办理虚假住院、虚假检查等违法违规行为",
        articleCited: null,
        amount: 21600,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 21600,
    refund: 21600,
    fine: 75600,
    fineMultiple: 3.5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文是“处造成医保基金损失金额3.5倍罚款75600万元”。“万元”明显是笔误：3.5×21600=75600元，所以fine记为75600元（此处是解读，原文写的是“75600万元”）。页面只写依据《医疗保障基金使用监督管理条例》等相关规定，未写条款。虚假住院、虚假检查属于虚构医药服务，3.5倍也只在第四十条2–5倍区间内，因此编为A40-3、基数记defrauded，但页面措辞是“造成医保基金损失金额”，也没有用“骗取”一词，所以intentToDefraud记false。线索来自纪委通报，违法期间为2022-02-01至2023-03-15，2023年7月查处。"
  },
  {
    id: "hn-hengyang-2021-hengnan2",
    source: {
      url: "https://www.hengyang.gov.cn/ylbzj/xxgk/tzgg/20220406/i2659607.html",
      title: "关于2021年度下半年打击欺诈骗保 典型案例的通报",
      publisher: "衡阳市医疗保障局",
      kind: "typical_cases"
    },
    region: "430400",
    regionName: "湖南省衡阳市",
    decidedOn: null,
    publishedOn: "2022-04-06",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "衡南县第二人民医院" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚假住院",
        articleCited: null,
        amount: 2030.5,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 2030.5,
    refund: 2030.5,
    fine: 10152.5,
    fineMultiple: 5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: ["discipline_commission", "health_commission"],
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Only the 虚假住院 part was fined (追回2030.5元，并处5倍罚款10152.5元). The rest is agreement handling, not recorded as penalty: 拒付低于协议在床率 90644元; 不合理检查7538元 3倍拒付 30152元. Legal basis not cited on the page; case listed among those 查处 in 2021 H2 (after 2021-05-01). Inspected by 市医保局 jointly with 衡南县医保局: deciding bureau unclear, region set to 衡阳市 430400. Transfers: 移交衡南县纪委监委驻人社局纪检组; violation 函告县卫健局 (a notification letter, recorded as health_commission). orgKind public_hospital inferred from the name (县第二人民医院)."
  },
  {
    id: "hn-provincial-2023-xiangya",
    source: {
      url: "https://www.chinapeace.org.cn/gdyw/202312/061294634.html",
      title: "中南大学湘雅医院被罚超98万元",
      publisher: "中国长安网 (chinapeace.org.cn) repost of 湖南省医疗保障局 decision",
      kind: "repost"
    },
    region: "430000",
    regionName: "湖南省（湖南省医疗保障局）",
    decidedOn: null,
    publishedOn: "2023-12-06",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "中南大学湘雅医院" },
    violations: [
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "违规收费（多收费和乱收费）和药品管理不规范等涉嫌违规使用医保基金问题",
        articleCited: null,
        amount: 983953.72,
        amountBasis: "loss"
      }
    ],
    amountTotal: 983953.72,
    refund: null,
    fine: 983953.72,
    fineMultiple: 1,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Page: 造成医保支付基金损失983953.72元，湖南省医疗保障局处以罚款983953.72元 (news summary of a 行政处罚决定书 disclosed by 湖南省医疗保障局). Code mapping approximate (page only says 违规收费/药品管理不规范). Refund not stated. hospitalLevel not stated on the page (left null). An English repost (bactf.com) says the acts were in 2022 and the decision was announced on Monday 4 Dec."
  },
  {
    id: "hn-xiangtan-2023-zhonglupu",
    source: {
      url: "http://yaochangyun.com/ypYiYao/Itemb2f4196ec93b430.html",
      title: "湖南省医疗保障局曝光台2023年第三期典型案件(5例)",
      publisher: "湖南省医疗保障局（医药资讯网站转载）",
      kind: "repost"
    },
    region: "430321",
    regionName: "湖南省湘潭市湘潭县",
    decidedOn: null,
    publishedOn: "2023-10-08",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "township_health_center",
      hospitalLevel: null,
      name: "湘潭县中路铺镇中心卫生院"
    },
    violations: [
      {
        code: "A38-4-SWAP",
        published: "在中医科、内科、外科开展中医定向透药治疗，使用的介质是“理疗电极片”（械字号），属于串换诊疗项目",
        articleCited: "《医疗保障基金使用监督管理条例》相关规定",
        amount: 62527,
        amountBasis: "loss"
      }
    ],
    amountTotal: 62527,
    refund: 62527,
    fine: 125054,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Case 1 of 湖南省医保局曝光台2023年第三期. Page: 2022-10-24 湘潭县医疗保障局在日常监管中发现; 2022年1月至9月 2017人次，涉及费用62527元; 处理: 1.责令整改 2.对造成医疗保障基金损失的62527元由医保经办机构予以拒付 3.对造成医疗保障基金损失金额62527元处2倍罚款计125054元. refund=62527 records the 拒付 by the 经办机构 (not a refund paid back by the party). Deciding bureau taken as 湘潭县医疗保障局 (the page says 医保部门处理如下 after naming it), region 430321. publishedOn is the repost's 发布时间 2023-10-08; decision date not stated (after 2022-10-24). Not the same as 湘乡/湘潭 decisions elsewhere."
  },
  {
    id: "hn-yueyanglou-2025-43",
    source: {
      url: "https://yylq.gov.cn/21487/21535/21748/61233/61239/content_2351330.html",
      title: "2026年案件目录(稽核)(1)",
      publisher: "岳阳楼区医疗保障局",
      kind: "bureau_release"
    },
    region: "430602",
    regionName: "湖南省岳阳市岳阳楼区",
    decidedOn: null,
    publishedOn: "2026-01-06",
    decisionNumber: "岳楼医保行决字〔2025〕43号",
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "益民医院" },
    violations: [
      {
        code: "A38-2-LOW_INDICATION_ADMISSION",
        published: "低指征入院，共1个问题，涉嫌违规金2046.56元，其中医保基金支付1352.55元",
        articleCited: "《医疗保障基金使用监督管理条例》第(二)项、第(七)项（条号原文缺失）",
        amount: 1352.55,
        amountBasis: "loss"
      }
    ],
    amountTotal: 1352.55,
    refund: 1352.55,
    fine: 1352.55,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      'Table row 1. The page also lists 拒付金额 1352.55 (the refund). Article number is missing in the page text ("第(二)项、第(七)项"); read as Art.38(2)/(7). Also cites 湘医保发【2024】14号 裁量基准适用办法. orgKind private_hospital is a guess from the name (ownership not stated).'
  },
  {
    id: "hn-yueyanglou-2025-muligang",
    source: {
      url: "https://yylq.gov.cn/21487/21535/21748/61233/61239/content_2351330.html",
      title: "2026年案件目录(稽核)(1)",
      publisher: "岳阳楼区医疗保障局",
      kind: "bureau_release"
    },
    region: "430602",
    regionName: "湖南省岳阳市岳阳楼区",
    decidedOn: null,
    publishedOn: "2026-01-06",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "community_health_center",
      hospitalLevel: null,
      name: "木里港社区卫生服务中心"
    },
    violations: [
      {
        code: "A38-2-LOW_INDICATION_ADMISSION",
        published: "低指征入院，共3个问题，涉嫌违规金5369.16元，其中医保基金支付3933.32元",
        articleCited: "《医疗保障基金使用监督管理条例》第(二)项、第(七)项（条号原文缺失）",
        amount: 3933.32,
        amountBasis: "loss"
      }
    ],
    amountTotal: 3933.32,
    refund: 3933.32,
    fine: 3933.32,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      'Table row 2; its 处罚决定书号 is cut off in the text read (starts "岳楼…"), so decisionNumber is null. Article number missing in the page text; read as Art.38(2)/(7).'
  },
  {
    id: "jx-nanchang-xihu-2026-01",
    source: {
      url: "https://www.163.com/dy/article/KL82A1K6055319R5.html",
      title: "湖北襄阳恒泰康医院涉嫌骗保…南昌爱尔眼科医院医保处罚(网易号文章)",
      publisher: "网易号(转引企查查公示的行政处罚信息)",
      kind: "repost"
    },
    region: "360103",
    regionName: "江西省南昌市西湖区",
    decidedOn: "2026-01-23",
    publishedOn: null,
    decisionNumber: "西医保处字(2026)第3号",
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "南昌爱尔眼科医院有限公司"
    },
    violations: [
      {
        code: "A38-3-DUPLICATE_CHARGE",
        published: "玻璃体切除术、神经阻滞麻醉、心电监测等项目存在重复收费问题,涉及违规人次12057次",
        articleCited: null,
        amount: 98020.26,
        amountBasis: "loss"
      },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "鼻腔泪囊吻合术、眼压检查、床位费等项目存在超标准收费问题,涉及违规人次4865次",
        articleCited: null,
        amount: 110972.91,
        amountBasis: "loss"
      },
      {
        code: "A38-4-SWAP",
        published: "眼前段重建术、白内障超声乳化摘除术等项目存在串换收费问题,涉及违规人次279次",
        articleCited: null,
        amount: 179225.79,
        amountBasis: "loss"
      },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "止血祛瘀明目片、雷珠单抗注射液等项目存在超医保政策支付范围问题,涉及违规人次362次",
        articleCited: null,
        amount: 70891.3,
        amountBasis: "loss"
      },
      {
        code: "A38-2-OVER_EXAMINATION",
        published: "糖化血红蛋白检测、血浆D-二聚体测定等项目存在过度检查问题,涉及违规人次4107次",
        articleCited: null,
        amount: 45547.18,
        amountBasis: "loss"
      },
      {
        code: "A38-7-OTHER_LOSS",
        published: "存在超执业范围开展执(业)…(excerpt cut off here)",
        articleCited: null,
        amount: 10314.51,
        amountBasis: "loss"
      }
    ],
    amountTotal: 514971.95,
    refund: 514971.95,
    fine: 772457.93,
    fineMultiple: 1.5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Deciding bureau 南昌市西湖区医疗保障局. The five listed items sum to 504657.44; the sixth item (超执业范围…) is cut off in the text I read, so its amount is left 0 (remainder to the stated total 514971.95 is 10314.51, not stated). Per-item amounts are the 'used fund' figures the page gives. Source is a news article quoting 企查查, not the bureau itself. 第六项金额在页面中被截断，取总额减去前五项之差 10314.51 元（推算，非页面所载）。"
  },
  {
    id: "jx-pingxiang-2024-01",
    source: {
      url: "https://chyyyygl.com/yigaidongtai/4371.html",
      title: "百年老三甲,违规使用医保基金165万,被医保局通报(附:萍乡市医疗保障局关于七起违规使用医保基金案例的通报)",
      publisher: "第三方医院管理网站(转载萍乡市医疗保障局通报)",
      kind: "repost"
    },
    region: "360300",
    regionName: "江西省萍乡市",
    decidedOn: null,
    publishedOn: "2024-08-01",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: "三级", name: "萍乡市人民医院" },
    violations: [
      {
        code: "A38-3-DUPLICATE_CHARGE",
        published: "重复收费",
        articleCited: "《医疗保障基金使用监督管理条例》有关规定",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算",
        articleCited: "《医疗保障基金使用监督管理条例》有关规定",
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 1653911.73,
    refund: 1653911.73,
    fine: 1669121.63,
    fineMultiple: 1.01,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "2024年6月 市医疗保障局 (萍乡市) found the conduct from 巡察、审计移交线索; 涉及医保基金1653911.73元; 依据条例有关规定 责令退回1653911.73元, 处罚款1669121.63元. The fine is slightly above the amount (1669121.63/1653911.73 = 1.0092); the page gives no multiple and no split, so fineMultiple 1.01 is computed. publishedOn: the repost says the notice was issued '8月1日'; year 2024 inferred from the case (2024年6月 inspection, hospital's 2023 statistics quoted). hospitalLevel 三级 from the repost's description (大型三级甲等综合医院); orgKind public_hospital inferred from the name. The other six cases of the same notice are cut off in the excerpt read."
  },
  {
    id: "nm-wulanchabu-2025-01",
    source: {
      url: "http://blog.lgjyuntun.com/p?id=9574400",
      title: "国家医保局公布十起应用药品追溯码打击回流药专项行动典型案例（转载）",
      publisher: "国家医疗保障局（中新网稿件，第三方网站转载）",
      kind: "repost"
    },
    region: "150900",
    regionName: "内蒙古自治区乌兰察布市",
    decidedOn: null,
    publishedOn: "2025-07-27",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "community_health_center",
      hospitalLevel: null,
      name: "乌兰察布市福华社区卫生服务站"
    },
    violations: [
      {
        code: "A40-4-OTHER_FRAUD",
        published:
          "倒卖医保药品：72个药品追溯码重复结算，医务人员从参保人手中低价购买医保药品再在服务站销售，且无法提供随货同行单及发票",
        articleCited: null,
        amount: 3678,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 3678,
    refund: 3678,
    fine: 7356,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：乌兰察布市医保部门解除该卫生服务站医保服务协议，追回涉及医保基金3678元，并处2倍行政罚款7356元；3名医务人员的医保支付资格分别记4、5、6分。页面没有写条款。编码是解读：回流药在追溯码上重复结算属于骗取基金支出，所以编为A40-4、基数记defrauded；但2倍同时也是第三十八条的上限，也可能按A38-5或A38-7处理。案例名称只写“倒卖医保药品案”，没有用“骗取”一词，所以intentToDefraud记false。页面写“中新网7月27日电”，没有年份；案中销售日期在2025年1–2月，所以记为2025-07-27（年份是推定的）。社区卫生服务站按community_health_center记录。"
  },
  {
    id: "sd-jinan-2025-01",
    source: {
      url: "http://dzb.subaoxw.com/html/2025-02/15/content_346170.htm",
      title: "串换诊疗项目、超标准收费、重复收费……违规使用医保基金,典型案件曝光",
      publisher: "济南商报(报道济南市医疗保障局通报的典型案件)",
      kind: "repost"
    },
    region: "370100",
    regionName: "山东省济南市",
    decidedOn: null,
    publishedOn: "2025-02-15",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "山东省康复医院" },
    violations: [
      {
        code: "A38-4-SWAP",
        published: "存在串换诊疗项目等违规行为",
        articleCited: null,
        amount: 3128.98,
        amountBasis: "loss"
      }
    ],
    amountTotal: 3128.98,
    refund: 3128.98,
    fine: 3128.98,
    fineMultiple: 1,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Page (济南商报 e-paper, 2025-02-15, reporting 济南市医保局's first typical-case notice of 2025): acts 2021-07-01 to 2022-06-30, 涉及医保基金3128.98元; 济南市医保部门 责令限期整改, 约谈负责人, 追回3128.98元, 并处罚金3128.98元 (the page says 罚金; recorded as the administrative fine). Multiple 1 computed, not stated. No article cited on the page. Decision date not stated; publishedOn is the newspaper date (URL path). orgKind public_hospital inferred (provincial 康复医院; ownership not stated on the page)."
  },
  {
    id: "sd-jinan-changqing-2025-01",
    source: {
      url: "http://dzb.subaoxw.com/html/2025-02/15/content_346170.htm",
      title: "串换诊疗项目、超标准收费、重复收费……违规使用医保基金,典型案件曝光",
      publisher: "济南商报(报道济南市医疗保障局通报的典型案件)",
      kind: "repost"
    },
    region: "370113",
    regionName: "山东省济南市长清区",
    decidedOn: null,
    publishedOn: "2025-02-15",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "济南市长清区中医医院" },
    violations: [
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "超标准收费",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      },
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 149355.34,
    refund: 149355.34,
    fine: 149355.34,
    fineMultiple: 1,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Found in the 2024 济南市医疗保障基金交叉检查; 涉及医保基金149355.34元 (not split by item, so items carry 0). 济南市长清区医保部门 责令限期整改, 约谈负责人, 追回149355.34元, 并处罚金149355.34元 (page wording 罚金). Multiple 1 computed. Deciding bureau taken as 长清区医保局 (page: 济南市长清区医保部门). Decision date not stated; publishedOn = newspaper date. orgKind public_hospital inferred from the name (区中医医院)."
  },
  {
    id: "sd-jinan-jiyang-2025-01",
    source: {
      url: "http://dzb.subaoxw.com/html/2025-02/15/content_346170.htm",
      title: "串换诊疗项目、超标准收费、重复收费……违规使用医保基金,典型案件曝光",
      publisher: "济南商报(报道济南市医疗保障局通报的典型案件)",
      kind: "repost"
    },
    region: "370115",
    regionName: "山东省济南市济阳区",
    decidedOn: null,
    publishedOn: "2025-02-15",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "济南韶台医疗咨询有限公司济阳闻韶医院"
    },
    violations: [
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "超标准收费",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      },
      { code: "A38-4-SWAP", published: "串换诊疗项目", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 27761.39,
    refund: 27761.39,
    fine: 27761.39,
    fineMultiple: 1,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Acts 2023-09-01 to 2023-12-31; 涉及医保基金27761.39元 (not split). 济南市济阳区医保部门 责令限期整改, 约谈负责人, 追回27761.39元, 并处罚金27761.39元 (page wording 罚金). Multiple 1 computed. orgKind private_hospital from the company name (有限公司). Decision date not stated; publishedOn = newspaper date."
  },
  {
    id: "sd-zibo-zichuan-2022-01",
    source: {
      url: "https://new.qq.com/omn/20220412/20220412A05TSF00.html",
      title: "权威发布|淄博通报8起欺诈骗取医保基金典型案例",
      publisher: "腾讯新闻(转载淄博市政府新闻办发布会、淄博市医疗保障局通报)",
      kind: "repost"
    },
    region: "370300",
    regionName: "山东省淄博市",
    decidedOn: null,
    publishedOn: "2022-04-12",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "township_health_center", hospitalLevel: null, name: "淄川区淄河卫生院" },
    violations: [
      {
        code: "A38-1-BED_HANGING",
        published: "存在挂床住院等违规使用医保基金的行为",
        articleCited: "《医疗保障基金使用监督管理条例》以及医保服务协议",
        amount: 64000,
        amountBasis: "loss"
      }
    ],
    amountTotal: 64000,
    refund: 64000,
    fine: 64000,
    fineMultiple: 1,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: ["discipline_commission"],
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "Page states 涉及医保基金6.40万元, 追回6.40万元, 处罚款6.40万元 (amounts given only to 0.01万元, recorded as 64000). Multiple 1 computed. Deciding body given only as 医保部门; region set to 淄博市 (370300) though the institution is in 淄川区 (370302). 案件线索移交当地纪检监察部门 → discipline_commission. Decision date not stated; published at the 2022-04-12 press conference; the fine is under the 条例 (in force 2021-05-01). The other 7 cases of the same notice are cut off in the excerpt."
  },
  {
    id: "sx-fenyang-2024-cankang",
    source: {
      url: "https://cbyy.org.cn/bgt/2024-05-22/1823.html",
      title: "山西一医院骗保事件已立案（中国保健营养网转载新华社报道）",
      publisher: "汾阳市医疗保障局（新华社报道，第三方网站转载）",
      kind: "repost"
    },
    region: "141182",
    regionName: "山西省吕梁市汾阳市",
    decidedOn: null,
    publishedOn: "2024-05-22",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "汾阳市残康中医医院" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "诱导无病或轻症的农村五保老人住院治疗，存在虚增项目、“挂空床”等行为，涉嫌骗取医保基金",
        articleCited: null,
        amount: 52507.19,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 52507.19,
    refund: 52507.19,
    fine: 262535.95,
    fineMultiple: 5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：汾阳市医保局解除了残康中医医院的医保服务协议，并责令其开展自查；残康中医医院自查后上交违规使用的医保金197601元；汾阳市医保局在后续调查中又追回医保基金52507.19元，并处以罚款262535.95元。罚款恰为52507.19元的5倍（262535.95÷52507.19=5.000），页面未写倍数，multipleStated记false；罚款基数只取后续追回的52507.19元（自查上交的197601元未见罚款），这一对应关系是按算术推断的。页面未写法律条款；5倍在第四十条2–5倍区间内，编为A40-3（虚增项目），但原文只说“涉嫌骗取医保基金”，intentToDefraud记true是按报道用语，属解读。公安机关已对10人采取刑事强制措施，但页面未写医保部门移送，transfers记[]。同一医院另见山西晚报报道称其为“小型的民营中医综合医院”，orgKind记private_hospital。publishedOn取自网址路径（2024-05-22）；新华视点稿件为2024年5月12日。"
  },
  {
    id: "tj-tianjin-2022-fangda-01",
    source: {
      url: "http://izubei.com/ms/content/2023-01/06/content_8897498.htm",
      title: "国家医疗保障局曝光台典型案件（转载，页面标题未在摘录中显示）",
      publisher: "国家医疗保障局（曝光台），第三方网站转载",
      kind: "repost"
    },
    region: "120000",
    regionName: "天津市",
    decidedOn: null,
    publishedOn: "2023-01-06",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "clinic",
      hospitalLevel: null,
      name: "天津医药集团马光医疗投资管理有限公司方达大厦门诊部"
    },
    violations: [
      { code: "A38-4-SWAP", published: "串换诊疗项目", articleCited: null, amount: 605089.17, amountBasis: "loss" },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医保基金支付范围的医药费用纳入医保基金结算",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-7-OTHER_LOSS",
        published: "造成医保基金损失的其他违法违规行为",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 605089.17,
    refund: 605089.17,
    fine: 579344.97,
    fineMultiple: 0.96,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "2022年4月天津市医疗保障局查处；页面只写依据《行政处罚法》《医疗保障基金使用监督管理条例》，未写条款。页面只给总额605089.17元（涉及违法违规使用医保基金，已全部追回），未按行为拆分：总额记在第一项，其余记0。罚款579344.97元低于损失金额（约0.96倍），页面没有解释原因，按原文记录。publishedOn取自转载页网址路径（2023-01/06），是转载日期，不一定是国家医保局原始发布日期。页面标题未在摘录中显示，title为描述性标题。门诊部按clinic记录。"
  },
  {
    id: "tj-tianjin-2025-zhang-01",
    source: {
      url: "http://njzyyy.cn/news/11303/d70fb1f480365763b8ff28d4553bf530.shtml",
      title: "国家医保局通报7起个人欺诈骗保典型案例（转载，描述性标题）",
      publisher: "国家医疗保障局（第三方网站转载）",
      kind: "repost"
    },
    region: "120000",
    regionName: "天津市",
    decidedOn: null,
    publishedOn: "2025-09-11",
    decisionNumber: null,
    subject: { kind: "individual", orgKind: null, hospitalLevel: null, name: "张某" },
    violations: [
      {
        code: "A41-2-IMPERSONATION",
        published: "冒用他人（朋友）医保凭证进行门诊检查、住院和手术，骗取医保基金",
        articleCited: null,
        amount: 11284.99,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 11284.99,
    refund: 11284.99,
    fine: 22569.98,
    fineMultiple: 2,
    multipleStated: false,
    suspensionMonths: 2,
    agreementTerminated: false,
    transfers: ["police"],
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面只写天津市医保部门依据《医疗保障基金使用监督管理条例》相关规定，未写条款，也未写作出决定的具体机关，按天津市记为120000。suspensionMonths=2指“暂停其医疗费用联网结算权限2个月”，这是个人的联网结算暂停，不是机构的医药服务暂停；第四十一条规定3–12个月，这里的2个月低于该区间，按原文记录。页面没有写倍数，fineMultiple按22569.98÷11284.99计算为2。页面写“11日，国家医保局公开通报”，2025年9月11日的日期见 https://www.163.com/dy/article/K9M5PA6N0553Q1S1.html（同一批7起案例）。案件已移交公安机关。"
  },
  {
    id: "xj-yecheng-2025-01",
    source: {
      url: "http://www.xjyc.gov.cn/ycx/c109161/202508/9efb2d158e9c4acaaa3a4ffa54995744.shtml",
      title: "叶城县关于某医院违规使用医保基金典型案例曝光(第二期)",
      publisher: "叶城县医疗保障局（叶城县人民政府网站）",
      kind: "typical_cases"
    },
    region: "653126",
    regionName: "新疆维吾尔自治区喀什地区叶城县",
    decidedOn: null,
    publishedOn: "2025-08-04",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "public_hospital",
      hospitalLevel: null,
      name: "某医院（叶城县，页面未公布名称）"
    },
    violations: [
      {
        code: "A38-7-OTHER_LOSS",
        published:
          "药品进销存不符等违规问题（将患者治疗后剩余药品单独存放并提供给新患者使用，药品数量与实际使用数量不符）",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 26516.96,
        amountBasis: "loss"
      }
    ],
    amountTotal: 26516.96,
    refund: 26516.96,
    fine: 34472.05,
    fineMultiple: 1.3,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：涉及违规金额26516.96元；依据条例第三十八条作出追回违规使用医保基金(26516.96)和约谈有关负责人处理，并依据《新疆维吾尔自治区医疗保障基金使用监督管理行政处罚裁量基准》等作出行政罚款34472.05元。页面未写倍数，fineMultiple按34472.05÷26516.96计算为1.30（26516.96×1.3=34472.048）。publishedOn取页面“发布时间 2025年08月04日”，决定日期未写；线索受理日期页面显示为“202536日”（应为2025年3月6日，字符缺失）。页面把当事人匿名为“某医院”，无从判断公立或民营：orgKind=public_hospital 只是占位（schema要求机构必须有orgKind），不可作为事实使用。进销存不符未写“骗取”，且页面援引第三十八条，故编为A38-7-OTHER_LOSS，intentToDefraud=false。"
  },
  {
    id: "gd-zhanjiang-2024-xuwen-dongping",
    source: {
      url: "http://m.lifeandworkafterretirement.com/bmxxgk/ylbzj/gzdt/content/post_1976314.html",
      title:
        "湛江市医疗保障局2024年第二批违法违规使用医保基金5宗案例通报（案例一：徐闻东平医院欺诈骗取医保基金案；第三方镜像网站转载）",
      publisher: "湛江市医疗保障局（第三方镜像网站转载，繁体乱码页）",
      kind: "repost"
    },
    region: "440800",
    regionName: "广东省湛江市",
    decidedOn: "2024-10-09",
    publishedOn: null,
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "徐闻东平医院" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构理疗和DR检查项目（诈骗医保基金行为）",
        articleCited: "《医疗保障基金使用监督管理条例》《中华人民共和国行政处罚法》等规定",
        amount: 0,
        amountBasis: "defrauded"
      },
      {
        code: "A40-2-FORGED_RECORDS",
        published: "伪造超声报告签名和检验报告（诈骗医保基金行为）",
        articleCited: "《医疗保障基金使用监督管理条例》《中华人民共和国行政处罚法》等规定",
        amount: 0,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 520096.88,
    refund: null,
    fine: 1820339.08,
    fineMultiple: 3.5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面（繁体、部分乱码）原文：徐闻东平医院存在虚构理疗和DR检查项目、伪造超声报告签名和检验报告的诈骗医保基金行为，涉及违法违规使用医保基金[乱码]20096.88元；湛江市医疗保障局于2024年10月9日对该机构作出处理，处行政罚款1820339.08元，同时解除该机构医保定点服务协议。金额首位数字被乱码吞掉（“醫?;?20096.88元”）；记为520096.88元，因为1820339.08÷520096.88=3.5000（恰为3.5倍），与其他首位数字均不成整倍数——这是推断，需核对原页 zhanjiang.gov.cn 的同一通报。倍数未在页面写明，按罚款÷金额计算。页面未写医院性质，名称不带“人民/中心”等公立字样，按民营医院记录（推断）。两项行为页面未分金额，各项amount记0。页面未写退回金额、未写移送。同一页面的雷州安泰医院已在现有语料中（gd-zhanjiang-2024-02）。"
  },
  {
    id: "gd-guangzhou-2024-jinshazhou",
    source: {
      url: "http://1md6i.a899.cn/news/84b899238.html",
      title: "涉医保基金超200万元！广东医保发布5起违法违规典型案例（广东省医疗保障局2024年10月典型案例，第三方转载）",
      publisher: "广东省医疗保障局（时讯视界稿，第三方网站转载，正文夹杂广告字样）",
      kind: "repost"
    },
    region: "440100",
    regionName: "广东省广州市",
    decidedOn: null,
    publishedOn: "2024-10-31",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "广州中医药大学金沙洲医院" },
    violations: [
      { code: "A38-4-SWAP", published: "串换项目", articleCited: null, amount: 0, amountBasis: "loss" },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "将不属于医疗保障基金支付范围的费用纳入医疗保障基金结算",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 717741.36,
    refund: 717741.36,
    fine: 717741.36,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文（去掉插入的广告字样）：广州中医药大学金沙洲医院，涉嫌存在串换项目、将不属于医疗保障基金支付范围的费用纳入医疗保障基金结算等违法违规使用医保基金行为，涉及医保基金717741.36元。当地医保部门依据有关规定，责令当事人立即改正，退回医保基金，并处等额罚金717741.36元。“等额”记为1倍、multipleStated=true；refund按“退回医保基金”与涉及金额相同记为717741.36（页面未单列退回数额，这是推断）。页面称“10月31日，广东省医疗保障局发布10月违法违规使用医保基金典型案例”，稿件时间2024-11-14，故publishedOn=2024-10-31；另见 https://c.m.163.com/news/a/JG0BJIDA05129QAF.html （“10月31日傍晚，广东省医疗保障局曝光了10月份……典型案例”）。线索来自广州市医保部门专项检查，region记广州市440100。页面未写依据条文与医院性质；该院为广州中医药大学附属医院，按公立医院记录（推断），等级未写。"
  },
  {
    id: "gd-zhuhai-2024-dongkeng",
    source: {
      url: "https://gd.ifeng.com/c/8XWCfyP5SlI",
      title: "违法违规使用医保基金 珠海一家医疗机构被处罚",
      publisher: "凤凰网广东（报道珠海市医疗保障局曝光案例）",
      kind: "repost"
    },
    region: "440400",
    regionName: "广东省珠海市",
    decidedOn: null,
    publishedOn: "2024-02-27",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "community_health_center",
      hospitalLevel: null,
      name: "珠海市香洲区凤山街道东坑社区卫生服务站"
    },
    violations: [
      {
        code: "A40-2-FORGED_RECORDS",
        published:
          "将非签约患者姓名更改为签约患者姓名，将6名非签约患者的门诊费用按门诊统筹政策进行医保结算，骗取医保基金",
        articleCited: "《医疗保障基金使用监督管理条例》第四十条第一款第（二）项",
        amount: 1207.69,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 1207.69,
    refund: 1207.69,
    fine: 3623.07,
    fineMultiple: 3,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：2023年3月22日至4月10日期间……骗取医保基金支出合计1207.69元。该卫生服务站的行为违反了《医疗保障基金使用监督管理条例》第四十条第一款第（二）项规定。珠海市医疗保障局作出如下处理：责令当事人改正；退回骗取的医保基金1207.69元；处骗取金额3倍数额罚款即人民币3623.07元。同时，珠海市医保中心与其解除定点医疗机构医疗服务协议。日期存疑：页面只写“2月27日，珠海市医疗保障局曝光一起……典型案例”，未写年份；违法行为发生在2023年3—4月，故曝光不早于2024年2月27日，凤凰网文章编号（8X…）也与2024年初相符，publishedOn记2024-02-27是推断，也可能是2025年。解除协议由珠海市医保中心（经办机构）作出。社区卫生服务站记为community_health_center。"
  },
  {
    id: "nm-huhehaote-2023-ruichen",
    source: {
      url: "http://big5.china.com.cn/gate/big5/health.china.com.cn/2023-03/31/content_42315712.htm",
      title:
        "国家医保局：十家药店违规使用医保基金被处理，多家是连锁药店（国家医保局2023年3月30日曝光10起定点零售药店典型案例，案例一）",
      publisher: "国家医疗保障局（央视网稿，中国网健康频道转载，繁体）",
      kind: "repost"
    },
    region: "150100",
    regionName: "内蒙古自治区呼和浩特市",
    decidedOn: null,
    publishedOn: "2023-03-30",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "pharmacy", hospitalLevel: null, name: "内蒙古瑞辰药业有限公司" },
    violations: [
      {
        code: "A38-7-OTHER_LOSS",
        published: "部分药品（二丁颗粒、黄芪精颗粒、十全大补膏、芪斛楂颗粒等）进销存不符，多收取医保基金",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 23004.5,
        amountBasis: "loss"
      }
    ],
    amountTotal: 23004.5,
    refund: 23004.5,
    fine: 46009,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文（繁体）：2021年8月，内蒙古自治区呼和浩特市医疗保障局收到举报线索……发现该药店部分药品进销存不符，共多收取医保基金23004.50元。依据《医疗保障基金使用监督管理条例》，当地医保部门处理结果如下：1、追回该药店违法违规使用的医保基金并处以违法违规金额2倍罚款；2、约谈该药店负责人并责令限期整改……损失的医保基金23004.50元已全部追回，行政罚款46009.00元已全部上缴。倍数页面写明（2倍）。页面说国家医保局网站3月30日曝光，发布时间2023-03-31，故publishedOn=2023-03-30；决定日期未写。“进销存不符”页面未写骗取，按造成损失的其他违法行为A38-7记录，未记intentToDefraud。决定机关写“当地医保部门”，前文是呼和浩特市医疗保障局，region记150100。"
  },
  {
    id: "jl-changchun-kuancheng-2023-chenghui",
    source: {
      url: "https://crfgs.com/shenghuo/wanxiang/630352.html",
      title: "国家医保局公布10例违法违规使用医保基金典型案件（国家医疗保障局曝光台2023年第三期，案例一；第三方转载）",
      publisher: "国家医疗保障局曝光台（第三方网站转载）",
      kind: "repost"
    },
    region: "220103",
    regionName: "吉林省长春市宽城区",
    decidedOn: null,
    publishedOn: "2023-04-06",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "pharmacy", hospitalLevel: null, name: "长春市诚惠大药房" },
    violations: [
      {
        code: "A38-7-OTHER_LOSS",
        published: "为非医保定点机构提供医保结算，共计结算金额360.70元",
        articleCited:
          "《医疗保障基金使用监督管理条例》《2021年度长春市医疗保障定点零售药店服务协议》《2021年度长春市医疗保障定点零售药店考核细则》",
        amount: 360.7,
        amountBasis: "loss"
      }
    ],
    amountTotal: 360.7,
    refund: 360.7,
    fine: 541.05,
    fineMultiple: 1.5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：2021年6月，吉林省长春市医疗保障局宽城分局……经查，该药房存在为非医保定点机构提供医保结算，共计结算金额360.70元；调取……11种药品随货同行单金额均小于医保上传数据，差额累计169234.52元。依据《条例》及长春市定点零售药店服务协议、考核细则，处理结果：1、追回该药房违法违规使用的医保基金，处造成医保基金损失金额1.5倍罚款541.05元；2、追回该药房医保上传金额大于药品随货同行单金额产生的违规费用169234.52元；3、解除该药房医保服务协议；4、扣除年度考评分15分。罚款只以360.70元为基数（541.05=1.5×360.70），169234.52元为按协议追回的违规费用，不计入amountTotal，refund只记360.70。解除协议按服务协议作出（页面未分清行政/协议），agreementTerminated=true。页面写“今天（4月6日）……公布了2023年第三期”，据案情年份记2023-04-06；另见 http://m.ytbyz.com/ask/659407IwB9DQrRd （新京报稿，称该期含诚惠大药房与苏州兴盛药店）。“为非定点机构提供医保结算”在条例第三十八条各项中无专项，按第（七）项造成损失的其他违法行为记录（推断）。决定机关为长春市医疗保障局宽城分局，region记宽城区220103。"
  },
  {
    id: "js-wuxi-2024-hongqiao",
    source: {
      url: "https://feifmx.com/socialgd/10000169/20241106/47527974.html",
      title: "无锡虹桥医院有限公司被无锡市医疗保障局罚款5895万余元并被吊销医疗机构执业许可证（第三方转载报道）",
      publisher: "无锡市医疗保障局（新闻报道，第三方网站转载）",
      kind: "repost"
    },
    region: "320200",
    regionName: "江苏省无锡市",
    decidedOn: null,
    publishedOn: "2024-11-06",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "private_hospital", hospitalLevel: null, name: "无锡虹桥医院有限公司" },
    violations: [
      {
        code: "A40-1-IMPERSONATION_OR_FAKE_CARE",
        published: "虚假就医（勾结中介或以免费体检为名拉拢诱导参保人员虚假住院）",
        articleCited: null,
        amount: 0,
        amountBasis: "defrauded"
      },
      {
        code: "A40-2-FORGED_RECORDS",
        published: "伪造变造资料（以伪造医学文书方式骗取医疗保障基金支出；重复使用MRI、CT等影像）",
        articleCited: null,
        amount: 0,
        amountBasis: "defrauded"
      },
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published: "虚构医药服务项目",
        articleCited: null,
        amount: 0,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 11792000,
    refund: null,
    fine: 58950000,
    fineMultiple: 5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: ["police", "health_commission"],
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文（繁体转载）：无锡虹桥医院有限公司被无锡市医疗保障局罚款5895万余元，并被无锡市卫生健康委员会吊销医疗机构执业许可证。今年9月27日，无锡市卫生健康委收到无锡市医保局移交给无锡市公安局的一份涉嫌犯罪案件移送书……该单位以伪造医学文书方式骗取医疗保障基金支出。在2022年1月1日至2024年9月22日期间，存在虚假就医、伪造变造资料、虚构医药服务项目的行为。此前国家医保局通报……涉嫌违法违规使用医保基金2228.4万元，其中……涉嫌欺诈骗取医保基金1179.2万元（最终金额以实际核实为准）。【存疑/解释】页面未写罚款所依据的骗取金额，也未写倍数：amountTotal取同页所引国家医保局通报的“涉嫌欺诈骗取1179.2万元”，fine取“5895万余元”的下限58950000元；58950000/11792000=4.9992，与5倍吻合，故fineMultiple记5、multipleStated=false（倍数为推算）。最终核实金额可能与1179.2万元略有出入。transfers：页面明写医保局向公安局移送涉嫌犯罪案件（police）；卫健委收到该移送书并吊销执业许可证，记health_commission（解释）。agreementTerminated=true 来自另一报道（https://www.chinadailyhk.com/hk/article/594887：Wuxi has terminated its medical insurance service agreement），本页未写。违法行为三项未分金额，各项记0。publishedOn取网址路径20241106。医院等级页面未写。"
  },
  {
    id: "fj-shanghang-2022-tang",
    source: {
      url: "https://ybzffs.com/page41?article_id=8871",
      title:
        "龙岩市医疗保障局曝光台通报行政执法典型案例（2例）之一：上杭县白砂中心卫生院职工唐某骗取医疗保障基金案（转载龙岩医疗保障公众号）",
      publisher: "龙岩市医疗保障局（公众号“龙岩医疗保障”，第三方网站转载）",
      kind: "repost"
    },
    region: "350823",
    regionName: "福建省龙岩市上杭县",
    decidedOn: "2022-05-30",
    publishedOn: "2022-08-24",
    decisionNumber: null,
    subject: { kind: "individual", orgKind: null, hospitalLevel: null, name: "唐某（上杭县白砂中心卫生院收费员）" },
    violations: [
      {
        code: "A41-2-FORGERY",
        published:
          "违规骗取医保基金（普通门诊报销费用存在收费项目异常及年龄异常；单日内同一医师对同一患者开具诊查费累计2次以上）",
        articleCited: "《医疗保障基金使用监督管理条例》第二十条",
        amount: 12169.82,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 12169.82,
    refund: null,
    fine: 24339.64,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: true,
    factors: { cooperated: true },
    factorsPublished:
      "该院收费员唐某得知医保部门与医院在核查收费数据后主动向院方承认自己的违法行为，并向上杭管理部说明骗取医保基金的作案方法",
    grade: null,
    notes:
      "页面原文：经统计，唐某涉嫌骗取医保基金总金额为12169.82元。依据《医疗保障基金使用监督管理条例》第二十条，2022年5月30日龙岩市上杭医保局对唐某违规骗取医保基金案作出行政处罚决定，处骗取金额12169.82元二倍罚款计24339.64元。【解释】当事人是卫生院职工（收费员）而非机构，处罚落在个人身上，按个人记录（subject.kind=individual）；页面只引第二十条（禁止性规定），未写罚则条款，二倍罚款与第四十一条第二款相符。作案方法页面未具体写出（只写收费项目异常、年龄异常），按“伪造…资料或虚构医药服务项目”记A41-2-FORGERY，属推断。退回金额页面未写，refund记null。页面未写是否移送，transfers=null。cooperated依“主动向院方承认…并说明作案方法”记录（系在得知核查后，不是自首前置）。publishedOn为公众号发布日期2022-08-24。同页案例二（永定区虎岗镇卫生院）摘录被截断，未收录。"
  },
  {
    id: "ha-zhengzhou-2021-liuyuan",
    source: {
      url: "http://www.readke.com/c/0RQ061Q2021.html",
      title: "郑州市六院骨科主任被举报后续：五倍罚款（转载河南省医保局曝光台通报）",
      publisher: "河南省医疗保障局曝光台（第三方网站转载）",
      kind: "repost"
    },
    region: "410100",
    regionName: "河南省郑州市",
    decidedOn: null,
    publishedOn: "2021-09-15",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: null, name: "郑州市第六人民医院" },
    violations: [
      {
        code: "A40-2-FORGED_RECORDS",
        published:
          "为62名患者实施传统开放式骨科手术，植入459枚普通椎弓根螺钉，但按微创型椎弓根螺钉（长尾型）招采、登记、贴标、收费，涉嫌以伪造证明材料的方式骗取医保基金支出",
        articleCited: null,
        amount: 1741491.5,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 1741491.5,
    refund: 1741491.5,
    fine: 8707457.5,
    fineMultiple: 5,
    multipleStated: true,
    suspensionMonths: 6,
    agreementTerminated: false,
    transfers: ["discipline_commission", "police", "market_regulation"],
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：郑州市医保局根据举报线索展开调查，发现郑州市第六人民医院骨科、骨结核科在2020年4月~2021年4月期间……违规金额合计1741491.50元。当地医保部门处理如下：1.追回违规结算的医保基金；2.对该院处以五倍行政罚款；3.取消该院骨科主任陈某某和骨结核科主任钱某某医保医师资格；4.责令该院暂停骨科和骨结核科6个月涉及医疗保障基金使用的医药服务；5.将该案移送纪委监委、公安、市场监管部门进一步处理。目前，该院违规结算的医保基金1741491.50元已全部追回，行政罚款已全部到账。【解释】罚款金额页面未写，按5×1741491.50=8707457.50元计算（multipleStated=true）。决定日期页面未写；publishedOn取国家医保局曝光台2021年第五期转载此案的日期（英文转载 https://www.tellerreport.com/news/2021-09-15-the-national-medical-insurance-bureau-exposes-10-typical-cases-of-hospital-insurance-fraud-and-violations.HkeX_-O1mY.html ，该页称处理依据为《社会保险法》、郑州市定点医疗机构服务协议等，且自2021年4月28日起暂停骨科结算），readke转载本身无日期。【存疑】调查始于2021年4月，决定可能在条例施行（2021-05-01）前后，国家医保局文本引用的是社会保险法而非条例；“暂停6个月涉及医疗保障基金使用的医药服务”为条例第四十条用语。“伪造证明材料”按条例第四十条第二项（伪造…有关资料）记A40-2，属归类解释。医院等级页面未写。"
  },
  {
    id: "ha-zhongmou-2022-muzhou",
    source: {
      url: "http://jghr.ca/p/view.php?u=150648245527758",
      title: "院长住院8次？医院竟虚设病区捏造病例“套医保”（新京报，第三方转载）",
      publisher: "郑州市医疗保障局中牟分局（新京报记者采访回应，第三方网站转载）",
      kind: "repost"
    },
    region: "410122",
    regionName: "河南省郑州市中牟县",
    decidedOn: "2022-09-01",
    publishedOn: "2023-12-14",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "郑州牟州医院（原中牟县第二人民医院）"
    },
    violations: [
      {
        code: "A38-7-OTHER_LOSS",
        published: "套取医保基金（报道称：设置不存在的病区，冒用他人身份信息办理虚假住院）",
        articleCited: null,
        amount: 6140200,
        amountBasis: "loss"
      }
    ],
    amountTotal: 6140200,
    refund: null,
    fine: 6140200,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: ["police"],
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：2023年12月12日，郑州市医保局中牟分局相关工作人员回应新京报记者称，查实牟州医院套取医保基金共计614.02万元，已于2022年9月份，对该院做出拒付违规套取的医保基金和1倍罚款的处罚。对相关人员涉嫌违法犯罪的行为，2023年1月，已移交至中牟县公安局调查。【解释/存疑】罚款额页面未写，按1倍×614.02万元=6140200元计算（multipleStated=true）；decidedOn只有月份，记2022-09-01。医保局用语为“套取”，页面未写依据条款；1倍罚款只在条例第三十八条（1–2倍）范围内，故按A38-7、amountBasis=loss、intentToDefraud=false记录——但报道所述行为（虚设病区、冒用身份虚假住院）实质上属第四十条骗保情形，这是以欺诈事实按第三十八条低档处罚的样本，使用时需注意。“拒付”是经办扣拨而非退回，refund记null。医院性质页面未写（原为县第二人民医院，现名“郑州牟州医院”），按民营医院记录属推断。publishedOn为新京报稿件日期2023-12-14。"
  },
  {
    id: "gz-liupanshui-2024-zhongyiyuan",
    source: {
      url: "http://ylqxzb.com/zbZcfg/Itembd676988d2a966.html",
      title: "六盘水市某中医院涉嫌骗取医保基金举报线索查处情况（线索来源及描述、调查过程、查实情况、处理结果）",
      publisher: "六盘水市属地医疗保障局（第三方网站ylqxzb.com转载，页面未署原发布机构与日期）",
      kind: "repost"
    },
    region: "520200",
    regionName: "贵州省六盘水市",
    decidedOn: null,
    publishedOn: "2024-09-01",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "public_hospital",
      hospitalLevel: null,
      name: "六盘水市某中医院（页面未公布名称）"
    },
    violations: [
      {
        code: "A38-1-BED_HANGING",
        published:
          "挂床住院、超标准收费、将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算（一般违规部分，造成医保基金损失92849.35元）",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 92849.35,
        amountBasis: "loss",
        multiple: 2
      },
      {
        code: "A40-2-FORGED_RECORDS",
        published: "伪造医学文书、虚构医药服务项目（欺诈骗保部分，造成医保基金损失49662.03元）",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 49662.03,
        amountBasis: "defrauded",
        multiple: 5
      }
    ],
    amountTotal: 142511.38,
    refund: 142511.38,
    fine: 434008.85,
    fineMultiple: 3.05,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: true,
    transfers: ["police"],
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：一般违规部分造成医保基金损失92849.35元，欺诈骗保部分造成医保基金损失49662.03元；责令退回142511.38元；针对一般违规部分处2倍行政罚款185698.70元；针对伪造医学文书、虚构医药服务项目部分处5倍行政罚款248310.15元；解除医保服务协议；全市通报批评；将该案件移送六盘水市公安局进一步处理。罚款合计434008.85元（两项相加），总倍数434008.85/142511.38≈3.05为计算值，故multipleStated=false；分项倍数2倍、5倍为页面所写，记在各项multiple。一般违规部分含挂床住院、超标准收费、超支付范围结算三类，页面未分拆金额，统一记在A38-1-BED_HANGING（页面列第一项）；欺诈部分含伪造医学文书、虚构医药服务项目，未分拆，记在A40-2-FORGED_RECORDS。页面写明处理依据仅为“第三十八条”（第四十条第二款规定以骗取为目的实施第38条行为按第40条处理），articleCited按页面原文记。日期存疑：页面无发布/决定日期，只写“2024年9月，接到群众举报线索”；publishedOn=2024-09-01仅为下限（决定必在此之后），不是页面所写的发布日期。机构名称未公布（“某中医院”），orgKind=public_hospital为推断（名称为“中医院”，多为公立），页面未写性质。区域码用六盘水市520200（“属地医保局”可能是县级局）。"
  },
  {
    id: "qh-haidong-minhe-2025-bianqiang",
    source: {
      url: "https://cbgc.scol.com.cn/news/7115426",
      title: "青海省违法违规使用医保基金典型案例（医保基金管理突出问题专项整治“百日行动”，公开曝光6起）",
      publisher: "青海省医保部门（川观新闻转载；繁体副本 http://www.0859xyzj.com/news/7115426）",
      kind: "repost"
    },
    region: "630222",
    regionName: "青海省海东市民和回族土族自治县",
    decidedOn: null,
    publishedOn: "2025-08-01",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "village_clinic",
      hospitalLevel: null,
      name: "海东市民和县川口镇边墙村卫生室"
    },
    violations: [
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "超医保限定支付范围",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      },
      { code: "A38-4-SWAP", published: "串换项目收费", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 26500,
    refund: 26500,
    fine: 13200,
    fineMultiple: 0.5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：2025年5月，海东市民和县医保局根据药品追溯码重复扫码疑点数据线索，对民和县川口镇边墙村卫生室进行现场检查，该卫生室存在超医保限定支付范围、串换项目收费等违法违规使用医保基金行为，涉及违规金额2.65万元；根据《医疗保障基金使用监督管理条例》等相关规定，作出追回违规医保基金2.65万元，行政处罚1.32万元的处理决定。金额以万元（两位小数）表示，换算为26500元、13200元；倍数1.32/2.65≈0.498，计为0.5，为计算值（页面未写倍数）。0.5倍低于第三十八条1倍下限，页面未写减轻理由，可能为减轻处罚或取整所致，存疑。页面未分拆两项金额，各项记0。页面未写是否移送，transfers=null。日期存疑：页面无发布日期；同一通报案例一写“2025年8月”接举报，故通报不早于2025年8月，publishedOn=2025-08-01仅为下限；本案检查在2025年5月，决定日期未写。"
  },
  {
    id: "xz-shannan-2022-hongyan",
    source: {
      url: "https://www.ybzffs.com/page41?article_id=9560",
      title: "关于对山南市红燕大药房欺诈骗取医疗保障基金行为的情况通报",
      publisher: "山南市医疗保障局（“山南医保”公众号稿，第三方网站转载）",
      kind: "repost"
    },
    region: "540500",
    regionName: "西藏自治区山南市",
    decidedOn: null,
    publishedOn: "2022-10-14",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "pharmacy", hospitalLevel: null, name: "山南市红燕大药房" },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published:
          "串换药品、虚构医药服务项目，将参保职工购买土特产、保健品等消费品串换为药品刷医保凭证等欺诈骗取医疗保障基金；店内滞留参保人员医保凭证每天固定刷卡",
        articleCited: "第四十条",
        amount: 102625,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 102625,
    refund: 102625,
    fine: 205250,
    fineMultiple: 2,
    multipleStated: true,
    suspensionMonths: 6,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：山南市医疗保障局根据《条例》第四十条，责令退回“虚购医药服务项目”骗取的医疗保障基金102625元；处骗取医保基金金额2倍的罚款共计205250元；暂停医疗保障基金使用的医药服务6个月；损失的102625元已追回，罚款已缴纳。串换+虚构混合，页面按第四十条定性为骗取，记为A40-3一项。publishedOn=公众号发表日期2022-10-14（页面显示“2022-10-14 17:30发表于西藏”）。立案2022年6月。页面未写移送情况，transfers=null。"
  },
  {
    id: "ha-tangyin-2025-hengtaikang",
    source: {
      url: "https://reportify.cn/news/1217245400952606720",
      title: "恒泰康系精神病医院骗保事件梳理：关联公司医保违规历史（媒体报道摘要）",
      publisher: "reportify.cn（转述新京报等媒体报道及企业行政处罚记录）",
      kind: "repost"
    },
    region: "410523",
    regionName: "河南省安阳市汤阴县",
    decidedOn: "2025-01-09",
    publishedOn: null,
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "private_hospital",
      hospitalLevel: null,
      name: "河南汤阴恒泰康精神卫生专科医院"
    },
    violations: [
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "超标准收费",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 133800,
    refund: null,
    fine: 200600,
    fineMultiple: 1.5,
    multipleStated: false,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：河南汤阴恒泰康精神卫生专科医院（恒泰康控股70%）在2022年1月1日至2023年12月31日期间，因重复收费、超标准收费造成医保基金损失13.38万元，于2025年1月9日被处罚20.06万元。金额以“万元”两位小数表示，换算为元；20.06/13.38=1.499，约1.5倍（未写倍数，multipleStated=false；因取整，按元计算的倍数为1.5）。页面未写作出处罚的机关，按医院所在地汤阴县记region（推断）；“2025年1月9日被处罚”记为decidedOn；页面发布日期未知，publishedOn=null。民营（控股公司所有）→private_hospital。页面另提到该院2023-2025年期间的第二起处罚，摘录被截断，未记录。未写移送、退回情况。"
  },
  {
    id: "hn-provincial-2023-zhongyifuyi",
    source: {
      url: "http://honglinkj.com/zwgk/21872/content_2053379.html",
      title: "湖南集中曝光15起欺诈骗保、违规使用医保基金典型案件（人民网稿，第三方网站转载）",
      publisher: "湖南省医疗保障局（人民网报道，第三方网站转载）",
      kind: "repost"
    },
    region: "430000",
    regionName: "湖南省",
    decidedOn: null,
    publishedOn: "2023-04-04",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "public_hospital",
      hospitalLevel: null,
      name: "湖南中医药大学第一附属医院"
    },
    violations: [
      { code: "A38-3-DUPLICATE_CHARGE", published: "重复收费", articleCited: null, amount: 0, amountBasis: "loss" },
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "超支付范围支付",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "超标准收费",
        articleCited: null,
        amount: 0,
        amountBasis: "loss"
      },
      { code: "A38-3-UNBUNDLED_CHARGE", published: "分解收费", articleCited: null, amount: 0, amountBasis: "loss" },
      { code: "A38-2-OVER_EXAMINATION", published: "过度检查", articleCited: null, amount: 0, amountBasis: "loss" },
      { code: "A38-4-SWAP", published: "串换诊疗服务项目", articleCited: null, amount: 0, amountBasis: "loss" }
    ],
    amountTotal: 1515656.71,
    refund: 4495018.7,
    fine: 1515656.71,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面为人民网2023-04-07稿的第三方转载，原文：“4月4日，湖南省医疗保障局对2022年查结的一批欺诈骗保、违规使用医保基金典型案件进行集中曝光”，案例1：2022年12月省医保局调查，该院2020年6月1日至2022年9月30日期间骨科、心内科、血液透析科等存在重复收费、超支付范围支付、超标准收费、分解收费、过度检查、串换诊疗服务项目等行为，涉及金额4495018.7元；处理：责令整改；责令将违规金额4495018.7元退回医保基金专户（记为refund）；对2021年5月1日《条例》实施以来至2022年9月30日止造成的医保基金损失1515656.71元处1倍罚款1515656.71元。amountTotal取罚款基数1515656.71元（仅条例施行后的损失），不是退回的4495018.7元。页面未分项列金额，各违法行为amount记0。publishedOn取省医保局曝光日4月4日（年份据稿件日期2023-04-07）；决定日期未写，decidedOn记null（调查在2022年12月，案件为“2022年查结”）。页面未写条款号，articleCited记null；决定机关为湖南省医疗保障局，region记430000。页面未写医院等级，hospitalLevel记null。页面未说是否移送，transfers记null。"
  },
  {
    id: "hi-province-2023-hainanyixueyuan1fy",
    source: {
      url: "http://big5.china.com.cn/gate/big5/health.china.com.cn/2023-08/31/content_42504154.htm",
      title:
        "存在超医保限制天数用药、超标准收费等违规问题 海南医学院第一附属医院被罚970余万元（央广网稿，中国网健康频道转载）",
      publisher: "海南省医疗保障局（央广网报道，中国网健康频道转载）",
      kind: "repost"
    },
    region: "460000",
    regionName: "海南省（海南省医疗保障局）",
    decidedOn: null,
    publishedOn: "2023-08-31",
    decisionNumber: "琼医保处字[2023]第8号",
    subject: { kind: "institution", orgKind: "public_hospital", hospitalLevel: "三级", name: "海南医学院第一附属医院" },
    violations: [
      {
        code: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
        published: "超医保限制天数用药、超医保限制用药",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-3-DUPLICATE_CHARGE",
        published: "重复收费",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-3-OVER_STANDARD_CHARGE",
        published: "超标准收费",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-4-SWAP",
        published: "串换诊疗项目收费、串换医用耗材收费",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-2-OVER_EXAMINATION",
        published: "过度检查",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 0,
        amountBasis: "loss"
      },
      {
        code: "A38-7-OTHER_LOSS",
        published: "其他造成医保基金损失",
        articleCited: "《医疗保障基金使用监督管理条例》第三十八条",
        amount: 0,
        amountBasis: "loss"
      }
    ],
    amountTotal: 6487767.32,
    refund: null,
    fine: 9731650.98,
    fineMultiple: 1.5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文（经big5网关呈现为繁体，此处按简体转录）：海南省医疗保障局行政处理决定书（琼医保处字[2023]）第8号显示，海南医学院第一附属医院存在超医保限制天数用药、超医保限制用药、重复收费、超标准收费、串换诊疗项目收费、串换医用耗材收费、过度检查及其他造成医保基金损失等违规问题，违反条例第十五条、第三十八条；依据条例第三十八条、《海南省医疗保障基金使用监督管理行政处罚自由裁量权适用规则》，处以责令整改，并处违规使用的医保基金1.5倍的罚款，罚款金额共计9731650.98元。【存疑】页面未直接写出违规使用医保基金金额：amountTotal=9731650.98÷1.5=6487767.32（整除到分，6487767.32×1.5=9731650.98），系由页面所述倍数与罚款反算，非页面原文数字；倍数1.5为页面明文。文件名为“行政处理决定书”，但内容为依条例第三十八条的罚款。publishedOn取转载页发布时间2023-08-31（原稿“近日”）；决定日期未写。页面称该院为三级甲等综合医院，据此hospitalLevel记三级、orgKind记公立医院（公立属性为推断）。页面未写退回金额与是否移送，refund、transfers记null。各项违规未分列金额，amount记0。"
  },
  {
    id: "gz-liupanshui-2025-shuikuang",
    source: {
      url: "http://app.myzaker.com/news/article.php?pk=69468d3a8e9f095bd20492d0",
      title: "国家医保局发布第三批定点医药机构相关人员欺诈骗保典型案例（ZAKER新闻转载）",
      publisher: "国家医疗保障局（ZAKER新闻转载）",
      kind: "repost"
    },
    region: "520200",
    regionName: "贵州省六盘水市",
    decidedOn: null,
    publishedOn: "2025-12-20",
    decisionNumber: null,
    subject: {
      kind: "institution",
      orgKind: "public_hospital",
      hospitalLevel: null,
      name: "六盘水市水旷医院（现六盘水水矿医院）"
    },
    violations: [
      {
        code: "A40-3-FICTITIOUS_SERVICE",
        published:
          "医生休假未在院，病程记录有查房签名；康复治疗师虚构诊疗服务项目收取费用并进行医保结算；虚记“磁热疗法”治疗项目穴位数量等欺诈骗保问题",
        articleCited: null,
        amount: 0,
        amountBasis: "defrauded"
      }
    ],
    amountTotal: 876000,
    refund: null,
    fine: 4380000,
    fineMultiple: 5,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: ["police", "health_commission"],
    intentToDefraud: true,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "【金额为近似：罚款“438万余元”取下限，骗取金额由5倍反算】页面原文：2025年6月，贵州省六盘水市医保局根据群众举报线索对该院进行了现场检查，后根据相关法规责令该院退回造成损失的医保基金，对虚构诊疗服务项目等行为处骗取金额5倍罚款438万余元；对负主要责任张某某、董某分别记11分、10分，暂停医保支付资格6个月、3个月；案件线索同步移送公安及卫生健康部门。页面未写骗取金额与退回金额：fine按“438万余元”取下限4380000，amountTotal=4380000÷5=876000为反算，均非页面精确数字；倍数5为页面明文。publishedOn：页面写“12月20日，国家医保局官网发布”，年份据同批新华社稿（av069.com 2025-12-20）定为2025年。医院为贵州水矿控股集团所属医院（另见六盘水市医保局2023通报中的“贵州水矿控股集团有限公司总医院”），orgKind记公立医院为推断。暂停6个月/3个月为个人医保支付资格，非机构暂停，suspensionMonths记null。"
  },
  {
    id: "gd-guangzhou-2023-qijiu",
    source: {
      url: "https://c.m.163.com/news/a/IFJAV6IG0534KUHR.html",
      title: "广东省医保局曝光10个典型案例（网易转载，来源：广东医保）",
      publisher: "广东省医疗保障局（网易新闻转载，页面注“来源:广东医保”）",
      kind: "repost"
    },
    region: "440100",
    regionName: "广东省广州市",
    decidedOn: null,
    publishedOn: "2023-03-25",
    decisionNumber: null,
    subject: { kind: "institution", orgKind: "clinic", hospitalLevel: null, name: "广州市柒玖医疗门诊部" },
    violations: [
      {
        code: "A38-7-OTHER_LOSS",
        published:
          "未执行实名就医造成医保基金损失（引导参保人将职工门诊统筹额度预先记账，折算成无记名无标识面值的“中医理疗券”，理疗券存在非记账参保人使用情况）",
        articleCited: "《医疗保障基金使用监督管理条例》",
        amount: 77862.08,
        amountBasis: "loss"
      }
    ],
    amountTotal: 77862.08,
    refund: 77862.08,
    fine: 77862.08,
    fineMultiple: 1,
    multipleStated: true,
    suspensionMonths: null,
    agreementTerminated: false,
    transfers: null,
    intentToDefraud: false,
    factors: {},
    factorsPublished: "",
    grade: null,
    notes:
      "页面原文：“查实广州市柒玖医疗门诊部存在未执行实名就医造成医保基金损失的违法行为……涉及金额77862.08元”；“依据《医疗保障基金使用监督管理条例》等有关规定，当地医保部门作出以下处理：1.责令当事人立即改正违法违规行为，退回违法违规使用医保基金77862.08元；2.对当事人处以违法违规使用医保基金金额1倍罚款”。页面只写倍数、没有写罚款金额：fine=77862.08元是按页面所写1倍推算的（1×77862.08），不是页面原文数字。页面未写条款项，“未执行实名就医造成医保基金损失”编为A38-7（造成医保基金损失的其他违法行为），属解读；1倍也在第三十八条1–2倍区间内，页面没有“骗取”一词，intentToDefraud记false。日期存疑：页面没有发布日期、决定日期；同页案例二写明笋西德康社康的行为发生在“2023年2月8日至3月25日间”，本通报必在其后，publishedOn=2023-03-25只是下限（仿gz-liupanshui-2024-zhongyiyuan的做法），不是页面所写的日期。网易文章号IFJAV6IG按网易docid的时间编码粗估约在2023年下半年，未能核实。门诊部按clinic记录（与tj-tianjin-2022-fangda-01一致）。页面是广东省医保局10个典型案例的转载，摘录中只读到前三例：案例二（笋西德康社康，移送公安，无罚款）、案例三（阳江黄某，追回并移送公安，无罚款）均不收录，其余七例在摘录之外。"
  }
]
