/**
 * Pharmacy and inventory rules (进销存, 追溯码) and the statistical rules on hand-made extracts.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { afterAll } from "vitest"
import { cleanupDirs } from "../utils/extract.js"
import { extract, H4, Item, MAN, PHARMACY, PHARMACY2, PHARMACY3, screen, WOMAN } from "../utils/builder.js"

afterAll(cleanupDirs)

/** A pharmacy purchase of amoxicillin ×30 and ibuprofen ×5 on 10 January, with stock records. */
const shop = () => {
  const b = extract()
  const v = b.visit({ id: "V1", psn: MAN, inst: PHARMACY, begin: "2025-01-10 10:00:00" })
  b.line(v, { item: Item.AMOXICILLIN, cnt: 30, pric: 15 })
  b.line(v, { item: Item.IBUPROFEN, cnt: 5, pric: 18 })
  b.add("inv_stock", { fixmedins_code: PHARMACY, med_list_codg: Item.AMOXICILLIN, invdate: "2024-12-31", inv_cnt: 5 })
  b.add("inv_stock", { fixmedins_code: PHARMACY, med_list_codg: Item.AMOXICILLIN, invdate: "2024-11-30", inv_cnt: 500 })
  b.add("inv_purchase", {
    fixmedins_code: PHARMACY,
    med_list_codg: Item.AMOXICILLIN,
    purc_retn_cnt: 20,
    purc_retn_stoin_time: "2025-01-05 10:00:00"
  })
  b.add("inv_purchase", {
    fixmedins_code: PHARMACY,
    med_list_codg: Item.IBUPROFEN,
    purc_retn_cnt: 5,
    purc_retn_stoin_time: "2025-01-05 10:00:00"
  })
  return { b, setl: b.settlementsOf(v)[0]! }
}

describe("INVENTORY_SHORTFALL", () => {
  it.effect("flags an item settled beyond opening stock + purchases − returns over the period", () =>
    Effect.gen(function* () {
      const { b } = shop()
      b.add("inv_purchase_return", {
        fixmedins_code: PHARMACY,
        med_list_codg: Item.AMOXICILLIN,
        purc_retn_cnt: 2,
        purc_retn_stoin_time: "2025-01-06 10:00:00"
      })
      const result = yield* screen(b.period("2025-01-01", "2025-01-31"), "INVENTORY_SHORTFALL")
      assert.deepStrictEqual(result.suspicions, [
        {
          rule: "INVENTORY_SHORTFALL",
          ruleVersion: 1,
          level: "item",
          fixmedins_code: PHARMACY,
          psn_no: null,
          mdtrt_id: null,
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: Item.AMOXICILLIN,
          date: null,
          amount: 105,
          violation: "A38-4-SWAP",
          evidence: {
            med_list_name: "阿莫西林胶囊",
            period_from: "2025-01-01",
            period_to: "2025-01-31",
            opening_stock: 5,
            opening_stock_date: "2024-12-31",
            purchased: 20,
            purchase_returned: 2,
            available: 23,
            settled: 30,
            settled_lines: 1,
            shortfall: 7,
            avg_pric: 15,
            T: 0
          },
          message: "阿莫西林胶囊：1月1日至1月31日医保结算 30，超过期初库存 5 + 采购 20 − 退货 2 = 23，短少 7"
        }
      ])
    })
  )

  it.effect("does not flag a balance within T, or an institution that reports no inventory", () =>
    Effect.gen(function* () {
      // No manifest: the period runs from the first purchase (5 January); short by exactly 5.
      const { b } = shop()
      b.line(b.visit({ inst: PHARMACY2, begin: "2025-01-10" }), { item: Item.AMOXICILLIN, cnt: 100, pric: 15 })
      assert.deepStrictEqual((yield* screen(b, "INVENTORY_SHORTFALL", { T: 5 })).suspicions, [])
      const [s] = (yield* screen(b, "INVENTORY_SHORTFALL", { T: 4 })).suspicions
      assert.deepStrictEqual([s!.evidence.period_from, s!.evidence.shortfall, s!.amount], ["2025-01-05", 5, 75])
    })
  )

  it.effect("counts settled quantities net of refunds and without reversed visits", () =>
    Effect.gen(function* () {
      const { b } = shop()
      b.refund("V1", "0001", 5) // 25 of 25 available
      const extra = b.visit({ inst: PHARMACY, begin: "2025-01-11" })
      b.line(extra, { item: Item.AMOXICILLIN, cnt: 10, pric: 15 })
      b.reverse(b.settlementsOf(extra)[0]!)
      assert.deepStrictEqual((yield* screen(b, "INVENTORY_SHORTFALL")).suspicions, [])
    })
  )
})

describe("SETTLED_NOT_SOLD", () => {
  it.effect("flags a pharmacy settlement whose drug has no sale record", () =>
    Effect.gen(function* () {
      const { b, setl } = shop()
      b.add("inv_sale", {
        fixmedins_code: PHARMACY,
        med_list_codg: Item.IBUPROFEN,
        sel_retn_cnt: 5,
        sel_retn_time: "2025-01-10 10:20:00",
        rtal_docno: "R1",
        setl_id: setl
      })
      assert.deepStrictEqual((yield* screen(b, "SETTLED_NOT_SOLD")).suspicions, [
        {
          rule: "SETTLED_NOT_SOLD",
          ruleVersion: 1,
          level: "settlement",
          fixmedins_code: PHARMACY,
          psn_no: MAN,
          mdtrt_id: "V1",
          setl_id: setl,
          feedetl_sn: ["0001"],
          med_list_codg: Item.AMOXICILLIN,
          date: "2025-01-10",
          amount: 450,
          violation: "A38-4-SWAP",
          evidence: {
            setl_time: "2025-01-10 10:30:00",
            missing_items: [Item.AMOXICILLIN],
            lines: [
              {
                mdtrt_id: "V1",
                feedetl_sn: "0001",
                med_list_codg: Item.AMOXICILLIN,
                fee_ocur_time: "2025-01-10 10:00:00",
                cnt: 30,
                pric: 15,
                amount: 450
              }
            ],
            reported_sales: [{ med_list_codg: Item.IBUPROFEN, cnt: 5 }]
          },
          message: "结算中阿莫西林胶囊在进销存销售记录中无对应销售（结算 S0001，金额 450.00 元）"
        }
      ])
    })
  )

  it.effect("does not flag a settlement whose drugs were all sold, nor a hospital settlement", () =>
    Effect.gen(function* () {
      const { b, setl } = shop()
      for (const item of [Item.AMOXICILLIN, Item.IBUPROFEN])
        b.add("inv_sale", {
          fixmedins_code: PHARMACY,
          med_list_codg: item,
          sel_retn_cnt: 1,
          sel_retn_time: "2025-01-10 10:20:00",
          rtal_docno: `R-${item}`,
          setl_id: setl
        })
      b.line(b.visit({ inst: H4, begin: "2025-01-10" }), { item: Item.IBUPROFEN, pric: 18 })
      assert.deepStrictEqual((yield* screen(b, "SETTLED_NOT_SOLD")).suspicions, [])
    })
  )

  it.effect("ignores a refunded drug line and a reversed settlement", () =>
    Effect.gen(function* () {
      const { b, setl } = shop()
      b.add("inv_sale", {
        fixmedins_code: PHARMACY,
        med_list_codg: Item.IBUPROFEN,
        sel_retn_cnt: 5,
        sel_retn_time: "2025-01-10 10:20:00",
        rtal_docno: "R1",
        setl_id: setl
      })
      b.refund("V1", "0001")
      const other = b.visit({ inst: PHARMACY, begin: "2025-01-12" })
      b.line(other, { item: Item.METFORMIN, pric: 9.6 })
      b.reverse(b.settlementsOf(other)[0]!)
      assert.deepStrictEqual((yield* screen(b, "SETTLED_NOT_SOLD")).suspicions, [])
    })
  )
})

describe("TRACE_CODE_REUSED", () => {
  /** A scan at settlement of the visit's line 0001. */
  const feeScan = (code: string, institution: string, visit: string, time: string) => ({
    drug_trac_codg: code,
    fixmedins_code: institution,
    src: "fee",
    ref: "0001",
    mdtrt_id: visit,
    scan_time: time
  })

  const twoSales = () => {
    const { b } = shop()
    const v2 = b.visit({ id: "V2", psn: WOMAN, inst: PHARMACY2, begin: "2025-01-11 10:00:00" })
    b.line(v2, { item: Item.AMOXICILLIN, cnt: 1, pric: 15.8 })
    b.add(
      "drugtrac",
      feeScan("T1", PHARMACY, "V1", "2025-01-10 10:10:00"),
      feeScan("T1", PHARMACY2, v2, "2025-01-11 10:10:00")
    )
    return b
  }

  it.effect("flags a code scanned in two settlements; evidence lists every scan", () =>
    Effect.gen(function* () {
      const result = yield* screen(twoSales(), "TRACE_CODE_REUSED")
      assert.deepStrictEqual(result.suspicions, [
        {
          rule: "TRACE_CODE_REUSED",
          ruleVersion: 3,
          level: "trace",
          fixmedins_code: PHARMACY,
          psn_no: null,
          mdtrt_id: null,
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-01-10",
          amount: 15.8,
          violation: "A41-1-RESALE",
          evidence: {
            drug_trac_codg: "T1",
            scans: 2,
            institutions: 2,
            refs: [
              {
                src: "fee",
                ref: "0001",
                fixmedins_code: PHARMACY,
                mdtrt_id: "V1",
                setl_id: "S0001",
                scan_time: "2025-01-10 10:10:00",
                counted: true,
                not_counted_because: null
              },
              {
                src: "fee",
                ref: "0001",
                fixmedins_code: PHARMACY2,
                mdtrt_id: "V2",
                setl_id: "S0002",
                scan_time: "2025-01-11 10:10:00",
                counted: true,
                not_counted_because: null
              }
            ]
          },
          message: "追溯码 T1 被扫码销售或结算 2 次（2 家机构），疑似回流药或追溯码重复使用"
        }
      ])
    })
  )

  it.effect("matches a fee scan to the line and settlement of its own institution's visit (version 3)", () =>
    Effect.gen(function* () {
      const { b } = shop()
      // The second scan names V1's line but another institution: it is not V1's line, so it prices nothing and
      // belongs to no settlement (version 2 took V1's price, 15.8, and settlement).
      b.add(
        "drugtrac",
        feeScan("T1", PHARMACY, "V1", "2025-01-10 10:10:00"),
        feeScan("T1", PHARMACY2, "V1", "2025-01-11 10:10:00")
      )
      const [lead] = (yield* screen(b, "TRACE_CODE_REUSED")).suspicions
      assert.strictEqual(lead?.amount, 0)
      const refs = lead?.evidence.refs as ReadonlyArray<Record<string, unknown>>
      assert.deepStrictEqual(
        refs.map((r) => [r.fixmedins_code, r.setl_id, r.counted]),
        [
          [PHARMACY, "S0001", true],
          [PHARMACY2, null, true]
        ]
      )
    })
  )

  it.effect("does not count a sale and its own settlement twice, nor a sale undone by a return", () =>
    Effect.gen(function* () {
      const { b, setl } = shop()
      b.add(
        "inv_sale",
        {
          fixmedins_code: PHARMACY,
          med_list_codg: Item.AMOXICILLIN,
          sel_retn_cnt: 1,
          sel_retn_time: "2025-01-10 10:05:00",
          rtal_docno: "R1",
          setl_id: setl,
          finl_trns_pric: 15
        },
        {
          fixmedins_code: PHARMACY2,
          med_list_codg: Item.AMOXICILLIN,
          sel_retn_cnt: 1,
          sel_retn_time: "2025-01-09 10:05:00",
          rtal_docno: "R0",
          fixmedins_bchno: "B9",
          finl_trns_pric: 15
        }
      )
      b.add("inv_sale_return", {
        fixmedins_code: PHARMACY2,
        med_list_codg: Item.AMOXICILLIN,
        sel_retn_cnt: 1,
        sel_retn_time: "2025-01-09 12:00:00",
        fixmedins_bchno: "B9"
      })
      b.add(
        "drugtrac",
        { drug_trac_codg: "T2", fixmedins_code: PHARMACY2, src: "sale", ref: "R0", scan_time: "2025-01-09 10:05:00" },
        { drug_trac_codg: "T2", fixmedins_code: PHARMACY, src: "sale", ref: "R1", scan_time: "2025-01-10 10:05:00" },
        feeScan("T2", PHARMACY, "V1", "2025-01-10 10:10:00")
      )
      assert.deepStrictEqual((yield* screen(b, "TRACE_CODE_REUSED")).suspicions, [])
    })
  )

  it.effect("prices a sale scan at the lowest priced line of its document, undone when any line is returned", () =>
    Effect.gen(function* () {
      // The scan names the sale document R2, which sold two drugs: which package it was is not known.
      const withSale = (returned: boolean) => {
        const { b } = shop()
        b.add(
          "inv_sale",
          ...[
            { item: Item.AMOXICILLIN, pric: 30, batch: "B1" },
            { item: Item.METFORMIN, pric: 12, batch: "B2" },
            { item: Item.AMOXICILLIN, pric: 45, batch: "B3" },
            { item: Item.IBUPROFEN, pric: 0, batch: "B4" } // a free line (赠品) prices nothing
          ].map((line) => ({
            fixmedins_code: PHARMACY2,
            med_list_codg: line.item,
            sel_retn_cnt: 1,
            sel_retn_time: "2025-01-11 09:00:00",
            rtal_docno: "R2",
            fixmedins_bchno: line.batch,
            finl_trns_pric: line.pric
          }))
        )
        if (returned)
          b.add("inv_sale_return", {
            fixmedins_code: PHARMACY2,
            med_list_codg: Item.METFORMIN,
            sel_retn_cnt: 1,
            sel_retn_time: "2025-01-11 12:00:00",
            fixmedins_bchno: "B2"
          })
        b.add("drugtrac", feeScan("T3", PHARMACY, "V1", "2025-01-10 10:10:00"), {
          drug_trac_codg: "T3",
          fixmedins_code: PHARMACY2,
          src: "sale",
          ref: "R2",
          scan_time: "2025-01-11 09:00:00"
        })
        return b
      }
      const [lead] = (yield* screen(withSale(false), "TRACE_CODE_REUSED")).suspicions
      assert.strictEqual(lead?.amount, 12)
      assert.deepStrictEqual(
        (lead?.evidence as { refs: ReadonlyArray<{ src: string; counted: boolean }> }).refs.map((r) => [
          r.src,
          r.counted
        ]),
        [
          ["fee", true],
          ["sale", true]
        ]
      )
      // The return of the document's second line undoes the sale scan: one counted scan is left.
      assert.deepStrictEqual((yield* screen(withSale(true), "TRACE_CODE_REUSED")).suspicions, [])
    })
  )

  it.effect("does not count the scan of a fully refunded line", () =>
    Effect.gen(function* () {
      const b = twoSales()
      b.refund("V1", "0001")
      assert.deepStrictEqual((yield* screen(b, "TRACE_CODE_REUSED")).suspicions, [])
    })
  )

  it.effect(
    "a code of one sale scan and one fee scan: one dispensing when the sale belongs to the visit's settlement",
    () =>
      Effect.gen(function* () {
        // Such pairs are left out before the scans' facts are looked up (most codes scanned twice are one): a pair of
        // the same settlement is no lead, returned or not; a pair of another settlement, or of none, is.
        const { b, setl } = shop()
        // The returned sale is of another drug, so that its return does not undo the sale of SAME too.
        const sale = (docno: string, setlId: string | null, item: string = Item.AMOXICILLIN) => ({
          fixmedins_code: PHARMACY,
          med_list_codg: item,
          sel_retn_cnt: 1,
          sel_retn_time: "2025-01-10 10:05:00",
          rtal_docno: docno,
          setl_id: setlId,
          fixmedins_bchno: `B-${docno}`,
          finl_trns_pric: 15
        })
        const returned = sale("RETURNED", setl, Item.IBUPROFEN)
        b.add("inv_sale", sale("SAME", setl), returned, sale("OTHER", "S-ELSEWHERE"), sale("NONE", null))
        b.add("inv_sale_return", { ...returned, sel_retn_time: "2025-01-10 12:00:00" })
        const scans = (code: string, docno: string) => [
          { drug_trac_codg: code, fixmedins_code: PHARMACY, src: "sale", ref: docno, scan_time: "2025-01-10 10:05:00" },
          feeScan(code, PHARMACY, "V1", "2025-01-10 10:10:00")
        ]
        b.add(
          "drugtrac",
          ...scans("P-SAME", "SAME"),
          ...scans("P-RETURNED", "RETURNED"),
          ...scans("P-OTHER", "OTHER"),
          ...scans("P-NONE", "NONE")
        )
        const leads = (yield* screen(b, "TRACE_CODE_REUSED")).suspicions
        assert.deepStrictEqual(
          leads.map((l) => [l.evidence.drug_trac_codg, l.evidence.scans]),
          [
            ["P-NONE", 2],
            ["P-OTHER", 2]
          ]
        )
      })
  )
})

describe("NIGHT_SETTLEMENT", () => {
  it.effect("flags a pharmacy settlement at night at a pharmacy not open at night", () =>
    Effect.gen(function* () {
      const b = extract()
      b.visit({ id: "N1", psn: WOMAN, inst: PHARMACY2, begin: "2025-01-11 23:20:00", opter: "T02" })
      assert.deepStrictEqual((yield* screen(b, "NIGHT_SETTLEMENT")).suspicions, [
        {
          rule: "NIGHT_SETTLEMENT",
          ruleVersion: 1,
          level: "settlement",
          fixmedins_code: PHARMACY2,
          psn_no: WOMAN,
          mdtrt_id: "N1",
          setl_id: "S0001",
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-01-11",
          amount: 100,
          violation: "A40-1-IMPERSONATION_OR_FAKE_CARE",
          evidence: {
            setl_time: "2025-01-11 23:50:00",
            clock: "23:50:00",
            night_from: "23:00",
            night_to: "06:00",
            open_24h: "0",
            opter: "T02",
            medfee_sumamt: 200
          },
          message: "奉节县康佰家药店永安店（未批准夜间营业）于 2025-01-11 23:50:00 医保结算，基金支付 100.00 元"
        }
      ])
    })
  )

  it.effect("does not flag 22:59 or 06:00, a 24-hour pharmacy, or a hospital", () =>
    Effect.gen(function* () {
      const b = extract()
      b.visit({ inst: PHARMACY2, begin: "2025-01-11 22:00:00", setlTime: "2025-01-11 22:59:59" })
      b.visit({ inst: PHARMACY2, begin: "2025-01-12 06:00:00", setlTime: "2025-01-12 06:00:00" })
      b.visit({ inst: PHARMACY3, begin: "2025-01-12 02:00:00" })
      b.visit({ inst: H4, medType: "13", begin: "2025-01-12 02:00:00" })
      assert.deepStrictEqual((yield* screen(b, "NIGHT_SETTLEMENT")).suspicions, [])
      const earlier = yield* screen(b, "NIGHT_SETTLEMENT", { H1: "22:30" })
      assert.deepStrictEqual(
        earlier.suspicions.map((s) => s.evidence.clock),
        ["22:59:59"]
      )
      assert.deepStrictEqual(earlier.rules[0]!.params, { H1: "22:30", H2: "06:00" })
    })
  )

  it.effect("ignores a night settlement that was reversed", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ inst: PHARMACY2, begin: "2025-01-12 01:00:00" })
      b.reverse(b.settlementsOf(v)[0]!)
      assert.deepStrictEqual((yield* screen(b, "NIGHT_SETTLEMENT")).suspicions, [])
    })
  )
})

describe("CARD_POOLING", () => {
  /** `n` persons buying the same basket at one till, `gap` minutes apart from 10:00. */
  const pooled = (n: number, gap: number, basket: ReadonlyArray<string> = [Item.AMOXICILLIN, Item.IBUPROFEN]) => {
    const b = extract()
    for (let i = 0; i < n; i++) {
      const p = b.person(`5002350000010${i}`, "1", "1970-01-01")
      const minute = String(i * gap).padStart(2, "0")
      const v = b.visit({
        psn: p,
        inst: PHARMACY,
        begin: `2025-01-10 10:${minute}:00`,
        setlTime: `2025-01-10 10:${minute}:30`,
        opter: "T01",
        fund: 20
      })
      for (const item of basket) b.line(v, { item, pric: 10 })
    }
    return b
  }

  it.effect("flags N persons settling the same basket at one till within M minutes", () =>
    Effect.gen(function* () {
      const result = yield* screen(pooled(5, 2), "CARD_POOLING")
      assert.deepStrictEqual(result.suspicions, [
        {
          rule: "CARD_POOLING",
          ruleVersion: 2,
          level: "institution",
          fixmedins_code: PHARMACY,
          psn_no: null,
          mdtrt_id: null,
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-01-10",
          amount: 100,
          violation: "A40-1-IMPERSONATION_OR_FAKE_CARE",
          evidence: {
            setl_ids: ["S0001", "S0002", "S0003", "S0004", "S0005"],
            episodes: [
              {
                opter: "T01",
                items: [Item.AMOXICILLIN, Item.IBUPROFEN],
                from: "2025-01-10 10:00:30",
                to: "2025-01-10 10:08:30",
                persons: 5,
                settlements: 5,
                setl_ids: ["S0001", "S0002", "S0003", "S0004", "S0005"]
              }
            ],
            N: 5,
            M: 10
          },
          message:
            "1月10日 10:00起，收银台T01 在 10 分钟内为 5 名不同参保人结算相同药品组合（布洛芬缓释胶囊、阿莫西林胶囊）"
        }
      ])
    })
  )

  it.effect("does not flag five settlements spread over more than M minutes, or different baskets", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual((yield* screen(pooled(5, 3), "CARD_POOLING")).suspicions, [])
      const mixed = pooled(4, 1)
      const p = mixed.person("50023500000199", "2", "1980-01-01")
      const v = mixed.visit({
        psn: p,
        inst: PHARMACY,
        begin: "2025-01-10 10:05:00",
        setlTime: "2025-01-10 10:05:30",
        opter: "T01"
      })
      mixed.line(v, { item: Item.AMOXICILLIN, pric: 10 })
      assert.deepStrictEqual((yield* screen(mixed, "CARD_POOLING")).suspicions, [])
    })
  )

  it.effect("does not count a reversed settlement, and compares baskets after refunds", () =>
    Effect.gen(function* () {
      const b = pooled(5, 1)
      b.reverse("S0003")
      assert.deepStrictEqual((yield* screen(b, "CARD_POOLING")).suspicions, [])
      const refunded = pooled(4, 1)
      const p = refunded.person("50023500000198", "2", "1980-01-01")
      const v = refunded.visit({
        psn: p,
        inst: PHARMACY,
        begin: "2025-01-10 10:05:00",
        setlTime: "2025-01-10 10:05:30",
        opter: "T01"
      })
      refunded.line(v, { item: Item.AMOXICILLIN, pric: 10 })
      refunded.line(v, { item: Item.IBUPROFEN, pric: 10 })
      refunded.refund(v, refunded.line(v, { item: Item.METFORMIN, pric: 9.6 }))
      assert.strictEqual((yield* screen(refunded, "CARD_POOLING")).suspicions.length, 1)
    })
  )
})

describe("PHARMACIST_ABSENT", () => {
  const withDuty = () => {
    const { b, setl } = shop()
    /** A pharmacist of the pharmacy with one duty period. */
    const pharmacist = (staff_code: string, staff_name: string, begntime: string, endtime: string) => {
      b.add("staff", { staff_code, staff_type: "pharmacist", fixmedins_code: PHARMACY, staff_name })
      b.add("duty", { staff_code, fixmedins_code: PHARMACY, begntime, endtime })
    }
    pharmacist("Y1", "王药师", "2025-01-10 12:00:00", "2025-01-10 20:00:00")
    const sale = (time: string, rx: string | null = "1") =>
      b.add("inv_sale", {
        fixmedins_code: PHARMACY,
        med_list_codg: Item.IBUPROFEN,
        sel_retn_cnt: 5,
        sel_retn_time: time,
        rtal_docno: `R-${time}`,
        setl_id: setl,
        rx_flag: rx
      })
    return { b, setl, sale, pharmacist }
  }

  it.effect("flags a prescription drug sold outside every pharmacist's duty period", () =>
    Effect.gen(function* () {
      const { b, setl, sale } = withDuty()
      sale("2025-01-10 10:20:00")
      assert.deepStrictEqual((yield* screen(b, "PHARMACIST_ABSENT")).suspicions, [
        {
          rule: "PHARMACIST_ABSENT",
          ruleVersion: 2,
          level: "settlement",
          fixmedins_code: PHARMACY,
          psn_no: MAN,
          mdtrt_id: "V1",
          setl_id: setl,
          feedetl_sn: ["0002"],
          med_list_codg: Item.IBUPROFEN,
          date: "2025-01-10",
          amount: 90,
          violation: "AGR-PHARMACIST_ABSENT",
          evidence: {
            sales: [
              {
                rtal_docno: "R-2025-01-10 10:20:00",
                med_list_codg: Item.IBUPROFEN,
                sel_retn_time: "2025-01-10 10:20:00",
                cnt: 5,
                phar_prac_cert_no: null
              }
            ],
            duty_periods_that_day: [
              {
                staff_code: "Y1",
                staff_name: "王药师",
                begntime: "2025-01-10 12:00:00",
                endtime: "2025-01-10 20:00:00"
              }
            ],
            pharmacists_registered: 1
          },
          message: "2025-01-10 10:20:00 销售处方药 1 种，当时无本店药师在岗登记"
        }
      ])
    })
  )

  // The evidence lists are sorted by a lambda over their entries (`sortedList`); a file's extra column of the same name
  // as the lambda's parameter once took its place.
  it.effect("gives the same lead when the sales file carries an extra column named e", () =>
    Effect.gen(function* () {
      const plain = withDuty()
      plain.sale("2025-01-10 10:20:00")
      const expected = (yield* screen(plain.b, "PHARMACIST_ABSENT")).suspicions
      const { b, setl } = withDuty()
      b.add("inv_sale", {
        fixmedins_code: PHARMACY,
        med_list_codg: Item.IBUPROFEN,
        sel_retn_cnt: 5,
        sel_retn_time: "2025-01-10 10:20:00",
        rtal_docno: "R-2025-01-10 10:20:00",
        setl_id: setl,
        rx_flag: "1",
        e: "extra"
      })
      assert.strictEqual(expected.length, 1)
      assert.deepStrictEqual((yield* screen(b, "PHARMACIST_ABSENT")).suspicions, expected)
    })
  )

  it.effect("does not flag a sale on duty (bounds included) or of a non-prescription drug", () =>
    Effect.gen(function* () {
      const { b, sale } = withDuty()
      sale("2025-01-10 12:00:00")
      sale("2025-01-10 20:00:00")
      sale("2025-01-10 21:00:00", "0")
      assert.deepStrictEqual((yield* screen(b, "PHARMACIST_ABSENT")).suspicions, [])
    })
  )

  it.effect("counts a sale attended by any period that covers it, not only the latest begun", () =>
    Effect.gen(function* () {
      const { b, sale, pharmacist } = withDuty()
      // A short period begun after the long one and ended before the sale: the long one still covers it.
      pharmacist("Y2", "李药师", "2025-01-10 13:00:00", "2025-01-10 14:00:00")
      sale("2025-01-10 15:00:00")
      assert.deepStrictEqual((yield* screen(b, "PHARMACIST_ABSENT")).suspicions, [])
      sale("2025-01-10 21:30:00")
      assert.deepStrictEqual(
        (yield* screen(b, "PHARMACIST_ABSENT")).suspicions.map((s) => s.evidence.sales),
        [
          [
            {
              rtal_docno: "R-2025-01-10 21:30:00",
              med_list_codg: Item.IBUPROFEN,
              sel_retn_time: "2025-01-10 21:30:00",
              cnt: 5,
              phar_prac_cert_no: null
            }
          ]
        ]
      )
    })
  )

  it.effect("ignores the duty of a non-pharmacist and sales on a reversed settlement", () =>
    Effect.gen(function* () {
      const { b, setl, sale } = withDuty()
      b.add("staff", { staff_code: "N1", staff_type: "nurse", fixmedins_code: PHARMACY })
      b.add("duty", {
        staff_code: "N1",
        fixmedins_code: PHARMACY,
        begntime: "2025-01-10 08:00:00",
        endtime: "2025-01-10 12:00:00"
      })
      sale("2025-01-10 10:20:00")
      assert.strictEqual((yield* screen(b, "PHARMACIST_ABSENT")).suspicions.length, 1)
      b.reverse(setl)
      assert.deepStrictEqual((yield* screen(b, "PHARMACIST_ABSENT")).suspicions, [])
    })
  )
})

describe("PEER_COST_OUTLIER", () => {
  const peers = (outlierFund: number, outlierVisits = 30, peerCount = 5) => {
    const b = extract()
    const codes = Array.from({ length: peerCount + 1 }, (_, k) => `H500235001${String(k).padStart(2, "0")}`)
    codes.forEach((c, k) =>
      b.institution({
        fixmedins_code: c,
        fixmedins_name: `测试卫生院${k}`,
        fixmedins_type: "1",
        hosp_lv: "3",
        org_kind: "township_health_center",
        aprv_bed_cnt: 20
      })
    )
    codes.forEach((c, k) => {
      const n = k === 0 ? outlierVisits : 30
      for (let i = 0; i < n; i++)
        b.visit({ inst: c, begin: "2025-01-10", fund: k === 0 ? outlierFund : 100 + k + (i % 3) })
    })
    return { b, outlier: codes[0]! }
  }

  it.effect("flags an institution whose mean payment per visit is a robust outlier among ≥ 5 peers", () =>
    Effect.gen(function* () {
      const { b, outlier } = peers(300)
      assert.deepStrictEqual((yield* screen(b, "PEER_COST_OUTLIER")).suspicions, [
        {
          rule: "PEER_COST_OUTLIER",
          ruleVersion: 1,
          level: "institution",
          fixmedins_code: outlier,
          psn_no: null,
          mdtrt_id: null,
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: null,
          amount: 5880,
          violation: null,
          evidence: {
            group: "outpatient",
            visits: 30,
            mean: 300,
            peer_median: 104,
            mad: 1,
            z_score: 132.2,
            peers: 5,
            org_kind: "township_health_center",
            hosp_lv: "3",
            fund_pay_total: 9000,
            Z: 3.5,
            V: 30
          },
          message: "门诊次均基金支付 300.00 元（30 次），同类机构（5 家）中位数 104.00 元，稳健 Z 值 132.2"
        }
      ])
    })
  )

  it.effect("does not flag with V − 1 visits, with 4 peers, or below Z", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual((yield* screen(peers(300, 29).b, "PEER_COST_OUTLIER")).suspicions, [])
      assert.deepStrictEqual((yield* screen(peers(300, 30, 4).b, "PEER_COST_OUTLIER")).suspicions, [])
      // z = 0.6745 × (108 − 104) / 1 = 2.7
      assert.deepStrictEqual((yield* screen(peers(108).b, "PEER_COST_OUTLIER")).suspicions, [])
    })
  )

  it.effect("uses payments net of reversals and leaves out reversed visits", () =>
    Effect.gen(function* () {
      const { b } = peers(300)
      for (const s of b.setlinfo.filter((r) => r.fund_pay_sumamt === 300).slice(0, 29)) {
        const id = b.reverse(String(s.setl_id))
        void id
      }
      assert.deepStrictEqual((yield* screen(b, "PEER_COST_OUTLIER")).suspicions, [])
    })
  )
})

describe("UNIFORM_TEST_PANEL", () => {
  const panelStays = (n: number, diagnoses: number, extra = 0) => {
    const b = extract()
    for (let i = 0; i < n; i++) {
      const v = b.visit({
        id: `S${String(i).padStart(2, "0")}`,
        inst: H4,
        medType: "21",
        begin: `2025-01-${String(10 + i)} 09:00:00`,
        end: `2025-01-${String(12 + i)} 09:00:00`,
        dise: `J${i % diagnoses}`
      })
      const items = [Item.CBC, Item.URINE, Item.LIVER, Item.GLUCOSE, Item.ECG]
      for (const item of i < extra ? [...items, Item.CT] : items) b.line(v, { item })
      b.line(v, { item: Item.INFUSION })
    }
    return b
  }

  it.effect("flags the same ≥ K-item panel in ≥ P of stays with ≥ D diagnoses", () =>
    Effect.gen(function* () {
      const [s, ...rest] = (yield* screen(panelStays(10, 6, 2), "UNIFORM_TEST_PANEL")).suspicions
      assert.deepStrictEqual(rest, [])
      assert.deepStrictEqual(
        [s!.level, s!.fixmedins_code, s!.date, s!.amount, s!.violation],
        ["institution", H4, null, 8 * (12 + 5 + 40 + 4 + 15), "A38-2-OVER_EXAMINATION"]
      )
      assert.deepStrictEqual(s!.evidence, {
        items: [
          { med_list_codg: Item.ECG, med_list_name: "常规心电图检查" },
          { med_list_codg: Item.CBC, med_list_name: "血细胞分析" },
          { med_list_codg: Item.URINE, med_list_name: "尿液分析" },
          { med_list_codg: Item.LIVER, med_list_name: "肝功能检查" },
          { med_list_codg: Item.GLUCOSE, med_list_name: "血糖测定" }
        ],
        stays_with_panel: 8,
        stays: 10,
        share: 0.8,
        diagnoses: 6,
        diagnosis_codes: ["J0", "J1", "J2", "J3", "J4", "J5"],
        mdtrt_ids: ["S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09"],
        P: 0.8,
        K: 5,
        D: 5
      })
      assert.strictEqual(s!.message, "10 次住院中 8 次（80%）检查检验项目完全相同（5 项），涉及 6 种主要诊断")
    })
  )

  it.effect("does not flag fewer than 10 stays, a share below P, or fewer than D diagnoses", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual((yield* screen(panelStays(9, 6), "UNIFORM_TEST_PANEL")).suspicions, [])
      assert.deepStrictEqual((yield* screen(panelStays(10, 6, 3), "UNIFORM_TEST_PANEL")).suspicions, [])
      assert.deepStrictEqual((yield* screen(panelStays(10, 4), "UNIFORM_TEST_PANEL")).suspicions, [])
    })
  )

  it.effect("compares panels after refunds", () =>
    Effect.gen(function* () {
      const b = panelStays(10, 6, 3)
      b.refund(
        "S00",
        b.feedetail.find((f) => f.mdtrt_id === "S00" && f.med_list_codg === Item.CT)!.feedetl_sn as string
      )
      const [s] = (yield* screen(b, "UNIFORM_TEST_PANEL")).suspicions
      assert.strictEqual(s!.evidence.stays_with_panel, 8)
    })
  )
})
