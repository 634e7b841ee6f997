/**
 * The tables of a claims extract (`claims-extract.md`, format version 1): their columns, types,
 * which are required, and primary keys. The importer validates against this list and the rules
 * declare their inputs by these names.
 *
 * @since 0.1.0
 */

/**
 * Column types of the extract format: `C` text, `N` number, `D` date (`yyyy-MM-dd`), `DT`
 * date-time (`yyyy-MM-dd HH:mm:ss`, local time).
 *
 * @category models
 */
export type ColumnType = "C" | "N" | "D" | "DT"

/**
 * One column of the format.
 *
 * @category models
 */
export interface ColumnSpec {
  readonly name: string
  readonly type: ColumnType
  readonly required: boolean
}

/**
 * One table of the format.
 *
 * @category models
 */
export interface TableSpec {
  readonly name: TableName
  /** Required tables must be present in every extract. */
  readonly required: boolean
  readonly columns: ReadonlyArray<ColumnSpec>
  /** Columns whose values must be unique together; empty when the table has no key. */
  readonly primaryKey: ReadonlyArray<string>
}

/**
 * Every table name the format knows, in load order.
 *
 * @category models
 */
export const tableNames = [
  "fixmedins",
  "psn",
  "deaths",
  "mdtrt",
  "diseinfo",
  "feedetail",
  "setlinfo",
  "inv_stock",
  "inv_purchase",
  "inv_purchase_return",
  "inv_sale",
  "inv_sale_return",
  "drugtrac",
  "staff",
  "duty",
  "catalog",
  "catalog_pair"
] as const

/** @category models */
export type TableName = (typeof tableNames)[number]

// Column shorthands: a trailing `*` marks a required column, as the spec's tables do.
const cols = (type: ColumnType, ...names: ReadonlyArray<string>): ReadonlyArray<ColumnSpec> =>
  names.map((n) => ({ name: n.replace(/\*$/, ""), type, required: n.endsWith("*") }))

const table = (
  name: TableName,
  required: boolean,
  primaryKey: ReadonlyArray<string>,
  ...groups: ReadonlyArray<ReadonlyArray<ColumnSpec>>
): TableSpec => ({ name, required, primaryKey, columns: groups.flat() })

const invKey = cols("C", "fixmedins_code*", "med_list_codg*")

/**
 * The format, one entry per table. Column order is the order of the spec; an imported table has
 * these columns first (typed, NULL when an optional one is absent from the file), then any extra
 * columns of the file as text.
 *
 * @category models
 */
export const tableSpecs: ReadonlyArray<TableSpec> = [
  table(
    "fixmedins",
    true,
    ["fixmedins_code"],
    cols("C", "fixmedins_code*", "fixmedins_name*", "fixmedins_type*", "hosp_lv", "org_kind*", "admdvs"),
    cols("N", "aprv_bed_cnt"),
    cols("C", "supervisor_code", "open_24h")
  ),
  table(
    "psn",
    true,
    ["psn_no"],
    cols("C", "psn_no*", "gend*"),
    cols("D", "brdy*"),
    cols("C", "insutype", "psn_type", "insuplc_admdvs")
  ),
  table("deaths", false, [], cols("C", "psn_no*"), cols("D", "die_date*")),
  table(
    "mdtrt",
    true,
    ["mdtrt_id"],
    cols("C", "mdtrt_id*", "psn_no*", "fixmedins_code*", "med_type*"),
    cols("DT", "begntime*", "endtime"),
    cols("C", "dscg_way", "atddr_no", "dept_code", "adm_bed", "dise_codg", "dise_name")
  ),
  table(
    "diseinfo",
    false,
    [],
    cols("C", "mdtrt_id*", "diag_type", "diag_srt_no", "diag_code*", "diag_name", "maindiag_flag")
  ),
  table(
    "feedetail",
    true,
    ["feedetl_sn", "mdtrt_id"],
    cols("C", "feedetl_sn*", "mdtrt_id*", "psn_no*", "fixmedins_code*", "med_list_codg*", "medins_list_codg"),
    cols("C", "med_chrgitm_type*"),
    cols("DT", "fee_ocur_time*"),
    cols("N", "cnt*", "pric*", "det_item_fee_sumamt*", "prd_days"),
    cols("C", "bilg_dr_codg", "bilg_dept_codg", "rxno", "init_feedetl_sn")
  ),
  table(
    "setlinfo",
    true,
    ["setl_id"],
    cols("C", "setl_id*", "mdtrt_id*", "psn_no*", "fixmedins_code*"),
    cols("DT", "setl_time*"),
    cols("C", "med_type*", "insutype"),
    cols("N", "medfee_sumamt*", "hifp_pay*", "fund_pay_sumamt*", "acct_pay", "psn_cash_pay"),
    cols("C", "refd_setl_flag", "opter")
  ),
  table(
    "inv_stock",
    false,
    [],
    invKey,
    cols("D", "invdate*"),
    cols("N", "inv_cnt*"),
    cols("C", "fixmedins_hilist_id", "fixmedins_bchno", "rx_flag")
  ),
  table(
    "inv_purchase",
    false,
    [],
    invKey,
    cols("N", "purc_retn_cnt*"),
    cols("DT", "purc_retn_stoin_time*"),
    cols("C", "fixmedins_bchno", "spler_name", "purc_invo_no"),
    cols("N", "finl_trns_pric"),
    cols("C", "rx_flag")
  ),
  table(
    "inv_purchase_return",
    false,
    [],
    invKey,
    cols("N", "purc_retn_cnt*"),
    cols("DT", "purc_retn_stoin_time*"),
    cols("C", "fixmedins_bchno")
  ),
  table(
    "inv_sale",
    false,
    [],
    invKey,
    cols("N", "sel_retn_cnt*"),
    cols("DT", "sel_retn_time*"),
    cols("C", "rtal_docno*", "setl_id", "psn_no", "rx_flag", "phar_prac_cert_no"),
    cols("N", "finl_trns_pric"),
    cols("C", "fixmedins_bchno")
  ),
  table(
    "inv_sale_return",
    false,
    [],
    invKey,
    cols("N", "sel_retn_cnt*"),
    cols("DT", "sel_retn_time*"),
    cols("C", "setl_id", "fixmedins_bchno")
  ),
  table(
    "drugtrac",
    false,
    [],
    cols("C", "drug_trac_codg*", "fixmedins_code*", "src*", "ref*", "mdtrt_id"),
    cols("DT", "scan_time*")
  ),
  table("staff", false, [], cols("C", "staff_code*", "staff_name", "staff_type*", "fixmedins_code*", "prac_cert_no")),
  table("duty", false, [], cols("C", "fixmedins_code*", "staff_code*"), cols("DT", "begntime*", "endtime*")),
  table(
    "catalog",
    false,
    ["med_list_codg"],
    cols("C", "med_list_codg*", "name*", "list_type*", "category"),
    cols("N", "pric_uplmt_lv1", "pric_uplmt_lv2", "pric_uplmt_lv3", "pric_uplmt_other"),
    cols("C", "lmt_gend"),
    cols("N", "lmt_age_min", "lmt_age_max"),
    cols("C", "lmt_med_type"),
    cols("N", "max_daily_cnt", "max_prd_days"),
    cols("C", "rx_flag")
  ),
  table("catalog_pair", false, [], cols("C", "item_a*", "item_b*", "relation*"))
]

const byName = new Map(tableSpecs.map((t) => [t.name, t]))

/**
 * The spec of one table.
 *
 * @category models
 */
export const tableSpec = (name: TableName): TableSpec => {
  const found = byName.get(name)
  if (found === undefined) throw new Error(`no table spec for ${name}`)
  return found
}

/**
 * Whether a string names a table of the format.
 *
 * @category guards
 */
export const isTableName = (name: string): name is TableName => byName.has(name as TableName)
