/**
 * One claim as the pre-settlement check (事前提醒 / 事中审核, `precheck.md`) sees it: a visit with its netted
 * fee lines, the person and the institution, the bureau's reference data, and the history of lines already
 * checked — the same facts the nightly rules read from `fg_fee` / `fg_visit`, for one visit at a time.
 *
 * The helpers here mirror the SQL macros (`SqlMacros.ts`) the nightly rules use, so that a rule's two
 * evaluations (`sql` over an extract, `precheck` over one claim) decide on the same values.
 *
 * @since 0.6.0
 */

/**
 * A fee line still billed after refunds net out (`fg_fee`).
 *
 * @category models
 */
export interface ClaimLine {
  readonly feedetl_sn: string
  readonly med_list_codg: string
  readonly med_chrgitm_type: string
  /** `YYYY-MM-DD HH:MM:SS`. */
  readonly fee_ocur_time: string
  /** `YYYY-MM-DD`. */
  readonly day: string
  /** The count billed and the count refunded since (a request carries the net count and 0). */
  readonly cnt: number
  readonly refunded_cnt: number
  readonly net_cnt: number
  readonly pric: number
  readonly net_amt: number
  readonly prd_days: number | null
}

/**
 * A visit (`fg_visit`) and its lines.
 *
 * @category models
 */
export interface ClaimVisit {
  readonly mdtrt_id: string
  readonly psn_no: string
  readonly fixmedins_code: string
  readonly med_type: string
  /** `YYYY-MM-DD HH:MM:SS`. */
  readonly begntime: string
  readonly endtime: string | null
  readonly atddr_no: string | null
  readonly dise_codg: string | null
  /** Settled and not reversed (a request is never cancelled; a replayed visit may be). */
  readonly cancelled: boolean
  readonly lines: ReadonlyArray<ClaimLine>
}

/** @category models */
export interface ClaimPerson {
  readonly psn_no: string
  readonly gend: string
  /** `YYYY-MM-DD`. */
  readonly brdy: string
}

/** A row of the institution register (`fixmedins`). @category models */
export interface ClaimInstitution {
  readonly fixmedins_code: string
  readonly fixmedins_name: string
  readonly fixmedins_type: string
  readonly hosp_lv: string | null
}

/** A row of the catalogue (`catalog`). @category models */
export interface CatalogItem {
  readonly med_list_codg: string
  readonly name: string
  readonly list_type: string
  readonly pric_uplmt_lv1: number | null
  readonly pric_uplmt_lv2: number | null
  readonly pric_uplmt_lv3: number | null
  readonly pric_uplmt_other: number | null
  readonly lmt_gend: string | null
  readonly lmt_age_min: number | null
  readonly lmt_age_max: number | null
  readonly lmt_med_type: string | null
  readonly max_daily_cnt: number | null
  readonly max_prd_days: number | null
}

/**
 * The bureau's reference data, indexed for one claim at a time.
 *
 * @category models
 */
export interface Reference {
  readonly catalog: ReadonlyMap<string, CatalogItem>
  /** `catalog_pair` `includes`: item_a → the items its price includes. */
  readonly includes: ReadonlyMap<string, ReadonlyArray<string>>
  /** `catalog_pair` `part_of`: bundle (item_a) → its parts. */
  readonly bundles: ReadonlyMap<string, ReadonlyArray<string>>
  readonly institutions: ReadonlyMap<string, ClaimInstitution>
  /** A person's earliest date of death. */
  readonly deaths: ReadonlyMap<string, string>
  readonly persons: ReadonlyMap<string, ClaimPerson>
  /** The tables present (a rule whose tables are absent is skipped, as at night). */
  readonly tables: ReadonlySet<string>
}

/**
 * A line checked before, with its visit.
 *
 * @category models
 */
export interface HistoryLine {
  readonly mdtrt_id: string
  readonly line: ClaimLine
}

/**
 * What the service has already checked (and settled history loaded from extracts).
 *
 * @category models
 */
export interface ClaimHistory {
  /** The person's lines at the institution on the day, from other visits. */
  readonly sameDayLines: (psn_no: string, fixmedins_code: string, day: string) => ReadonlyArray<HistoryLine>
}

/**
 * Everything a rule's pre-settlement check reads.
 *
 * @category models
 */
export interface ClaimContext {
  readonly visit: ClaimVisit
  readonly person: ClaimPerson | null
  readonly institution: ClaimInstitution | null
  readonly reference: Reference
  readonly history: ClaimHistory
}

/**
 * One warning: a rule and the group of lines it flags (`judge_result_detail_dtos`: the lines that break it,
 * and those only involved — the other line of a pair, earlier lines of the day).
 *
 * @category models
 */
export interface ClaimHit {
  readonly mdtrt_id: string
  readonly flagged: ReadonlyArray<string>
  readonly involved: ReadonlyArray<HistoryLine>
  readonly med_list_codg: string | null
  readonly date: string
  /** Computed as the nightly rule computes `amount`. */
  readonly amount: number
  readonly message: string
}

/**
 * A rule's check of one claim.
 *
 * @category models
 */
export type ClaimCheck = (context: ClaimContext) => ReadonlyArray<ClaimHit>

// ---- mirrors of SqlMacros.ts ----

/** `fg_price_tier`. @category rules */
export const priceTier = (fixmedinsType: string | null, hospLv: string | null): "lv1" | "lv2" | "lv3" | "other" =>
  fixmedinsType === "2" ? "other" : hospLv === "1" || hospLv === "2" || hospLv === "3" ? `lv${hospLv}` : "other"

/** `fg_ceiling`. @category rules */
export const ceilingFor = (tier: ReturnType<typeof priceTier>, item: CatalogItem): number | null =>
  tier === "lv1"
    ? item.pric_uplmt_lv1
    : tier === "lv2"
      ? item.pric_uplmt_lv2
      : tier === "lv3"
        ? item.pric_uplmt_lv3
        : item.pric_uplmt_other

/** `fg_tier_label`. @category formatting */
export const tierLabel = (tier: ReturnType<typeof priceTier>, fixmedinsType: string | null): string =>
  tier === "lv1"
    ? "三级医院"
    : tier === "lv2"
      ? "二级医院"
      : tier === "lv3"
        ? "一级医院"
        : fixmedinsType === "2"
          ? "定点药店"
          : "未定级机构"

/** `fg_is_inpatient`. @category rules */
export const isInpatient = (medType: string | null): boolean => medType !== null && /^2[1-9]$/.test(medType)

/** `fg_is_outpatient`. @category rules */
export const isOutpatient = (medType: string | null): boolean => medType !== null && /^1[1-9]$/.test(medType)

/** `fg_visit.pharmacy`: a purchase at a pharmacy. @category rules */
export const isPharmacyVisit = (visit: ClaimVisit, institution: ClaimInstitution | null): boolean =>
  visit.med_type === "41" || institution?.fixmedins_type === "2"

/** `fg_fee.is_drug`. @category rules */
export const isDrugLine = (line: ClaimLine, item: CatalogItem | undefined): boolean =>
  line.med_chrgitm_type === "09" ||
  line.med_chrgitm_type === "10" ||
  line.med_chrgitm_type === "11" ||
  item?.list_type === "drug"

/** `fg_fee.item_name`. @category formatting */
export const itemName = (line: ClaimLine, reference: Reference): string =>
  reference.catalog.get(line.med_list_codg)?.name ?? line.med_list_codg

/** `fg_age`: whole years on a day. @category rules */
export const ageOn = (brdy: string, day: string): number => {
  const [by, bm, bd] = brdy.split("-").map(Number) as [number, number, number]
  const [y, m, d] = day.split("-").map(Number) as [number, number, number]
  return y - by - (m * 100 + d < bm * 100 + bd ? 1 : 0)
}

/** `round(x, 6)` as DuckDB does it, for comparisons the SQL makes at 6 decimals. @category rules */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

/** `fg_yuan`. @category formatting */
export const yuan = (x: number): string => (Math.round(x * 100) / 100).toFixed(2)

/** `fg_price`. @category formatting */
export const price = (x: number): string => {
  const two = Math.round(x * 100) / 100
  const four = Math.round(x * 10000) / 10000
  return two === four ? two.toFixed(2) : four.toFixed(4).replace(/0+$/, "")
}

/** `fg_qty`. @category formatting */
export const qty = (x: number): string =>
  x === Math.round(x) ? String(Math.round(x)) : x.toFixed(4).replace(/0+$/, "").replace(/\.$/, "")

/** `fg_md`. @category formatting */
export const monthDay = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** `medTypeLabel` (`rules/Sql.ts`). @category formatting */
export const medTypeText = (medType: string | null): string =>
  (
    ({
      "11": "普通门诊",
      "12": "门诊挂号",
      "13": "急诊",
      "14": "门诊慢特病",
      "21": "普通住院",
      "22": "外伤住院",
      "23": "转外诊治住院",
      "24": "急诊转住院",
      "41": "定点药店购药",
      "51": "生育门诊",
      "52": "生育住院"
    }) as Record<string, string>
  )[medType ?? ""] ?? `医疗类别${medType ?? "?"}`

/** Lines grouped by a key, in their order. @category rules */
export const groupLines = (
  lines: ReadonlyArray<ClaimLine>,
  key: (line: ClaimLine) => string
): ReadonlyMap<string, ReadonlyArray<ClaimLine>> => {
  const groups = new Map<string, Array<ClaimLine>>()
  for (const line of lines) {
    const k = key(line)
    const list = groups.get(k)
    if (list === undefined) groups.set(k, [line])
    else list.push(line)
  }
  return groups
}

/** Compares two strings by code unit, as DuckDB orders VARCHAR. @category rules */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Days from one `YYYY-MM-DD` to another. @category rules */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
