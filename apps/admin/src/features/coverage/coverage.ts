/**
 * 检查覆盖率's logic, free of the browser: shares as percentages and the coverage chart's options.
 */
import type { CoverageView } from "@fundguard/contracts/Reports"

/** A share as a percentage with one decimal, or a dash. */
export const percent = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? "—" : `${Math.round(n * 1000) / 10}%`

/** ECharts option: each unit's coverage of one duty against its target. */
export const coverageChart = (rows: ReadonlyArray<CoverageView>, dutyCode: string, periodKey: string) => {
  const mine = rows.filter((r) => r.dutyCode === dutyCode && r.periodKey === periodKey)
  const target = mine[0]?.target ?? 1
  return {
    tooltip: { trigger: "axis" as const },
    grid: { left: 50, right: 20, top: 30, bottom: 60 },
    xAxis: { type: "category" as const, data: mine.map((r) => r.unitName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: "value" as const, max: 100, name: "%" },
    series: [
      {
        type: "bar" as const,
        name: "覆盖率",
        barMaxWidth: 40,
        label: { show: true, position: "top" as const, formatter: "{c}%" },
        data: mine.map((r) => ({
          value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10,
          itemStyle: { color: r.status === "behind" ? "#c0392b" : r.unitId === null ? "#173e73" : "#5b8bd0" }
        })),
        markLine: {
          symbol: "none",
          label: { formatter: `目标 ${Math.round(target * 100)}%` },
          lineStyle: { color: "#8a5a00", type: "dashed" as const },
          data: [{ yAxis: Math.round(target * 100) }]
        }
      }
    ]
  }
}
