/**
 * 考核排名's logic, free of the browser: a group's chart options and the words of an outcome.
 */
import type { Ranking } from "@fundguard/contracts/Reports"

/** ECharts option: one group's scores, best first, commended green and interviewed red. */
export const rankingChart = (group: Ranking["groups"][number]) => ({
  tooltip: { trigger: "axis" as const },
  grid: { left: 200, right: 40, top: 10, bottom: 30 },
  xAxis: { type: "value" as const, max: 100 },
  yAxis: {
    type: "category" as const,
    inverse: true,
    data: group.rows.map((r) => `${r.rank === null ? "不排名" : `${r.rank}.`} ${r.performance.unitName}`)
  },
  series: [
    {
      type: "bar" as const,
      name: "得分",
      barMaxWidth: 22,
      label: { show: true, position: "right" as const },
      data: group.rows.map((r) => ({
        value: r.score,
        itemStyle: {
          color: r.outcome === "commended" ? "#1e7d3a" : r.outcome === "interviewed" ? "#c0392b" : "#5b8bd0"
        }
      }))
    }
  ]
})

/** The words of a ranking outcome. */
export const outcomeText = (outcome: "commended" | "interviewed" | null): string =>
  outcome === "commended" ? "通报表扬" : outcome === "interviewed" ? "约谈主要负责人" : ""
