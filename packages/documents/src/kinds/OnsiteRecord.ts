/**
 * 现场检查笔录: when and where, the inspectors (at least two, with their 执法证号), who of the
 * institution was present, each checklist item with its result, what was found, how many insured
 * persons were sampled and how many photos and documents were taken, and the signatures.
 *
 * @see 《中华人民共和国行政处罚法》第四十二条 (执法人员不得少于两人)、第五十五条 (出示执法证件；检查应当制作笔录)
 * @since 0.1.0
 */
import { documentKindLabel, field, fields, heading, list, paragraph, signature, type DocumentModel } from "../Model.js"
import { officersText, partyRows, requireCount, type AtLeastTwo, type OfficerData, type PartyData } from "../Parties.js"
import { blank, blankDate, recordTime } from "../Text.js"

/**
 * The institution's person present during the inspection.
 *
 * @category models
 */
export interface PresentPerson {
  readonly name: string
  readonly position: string
  readonly phone?: string | null
}

/**
 * One checklist item and what the inspectors found for it (`符合`, `不符合：…`, `未检查`).
 *
 * @category models
 */
export interface ChecklistResult {
  readonly item: string
  readonly result: string
}

/**
 * What a 现场检查笔录 needs. Dates `yyyy-MM-dd`, times `HH:mm`.
 *
 * @category models
 */
export interface OnsiteRecordData {
  readonly bureauName: string
  readonly number: string | null
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly place: string
  /** The institution inspected. */
  readonly party: PartyData
  readonly inspectors: AtLeastTwo<OfficerData>
  readonly recorder: string
  readonly presentPerson: PresentPerson
  readonly checklist: ReadonlyArray<ChecklistResult>
  readonly findings: ReadonlyArray<string>
  readonly sampledInsuredCount: number
  readonly photoCount: number
  readonly documentCount: number
}

/**
 * Builds a 现场检查笔录.
 *
 * @throws RangeError when fewer than two inspectors are given.
 * @category constructors
 */
export const onsiteRecord = (data: OnsiteRecordData): DocumentModel => {
  const inspectors = requireCount(data.inspectors, 2, "现场检查笔录的检查人员")
  const present = data.presentPerson
  return {
    kind: "onsite_record",
    bureauName: data.bureauName,
    title: documentKindLabel.onsite_record,
    number: data.number,
    blocks: [
      fields([
        field("检查时间", recordTime(data.date, data.startTime, data.endTime)),
        field("检查地点", data.place),
        ...partyRows(data.party, "被检查单位"),
        field(
          "现场负责人",
          `${present.name}（${present.position}${present.phone === undefined || present.phone === null ? "" : `，联系电话：${present.phone}`}）`
        ),
        field("检查人员", officersText(inspectors)),
        field("记录人", data.recorder)
      ]),
      paragraph(
        `检查人员已向被检查单位出示执法证件，告知其如实提供情况、配合检查的义务，以及认为检查人员与本案有直接利害关系或者有其他关系可能影响公正执法时申请回避的权利（《中华人民共和国行政处罚法》第四十三条、第五十五条）。现场负责人${present.name}表示已知悉。`
      ),
      heading("检查事项及结果"),
      data.checklist.length === 0
        ? paragraph("本次检查未使用检查清单。")
        : fields(data.checklist.map((c) => field(c.item, c.result))),
      heading("检查发现的问题"),
      data.findings.length === 0 ? paragraph("本次检查未发现问题。") : list(data.findings),
      paragraph(
        `本次检查抽查参保人员${data.sampledInsuredCount}人次，现场拍摄照片${data.photoCount}张，调取（复制）资料${data.documentCount}份。`
      ),
      fields([field("被检查单位对笔录的意见", "", 2)]),
      signature(
        [
          `检查人员（签名）：${inspectors.map(() => blank).join("\u3000")}`,
          `记录人（签名）：${blank}`,
          `被检查单位在场人员（签名）：${blank}`
        ],
        blankDate,
        false
      )
    ]
  }
}
