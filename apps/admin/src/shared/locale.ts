/**
 * Simplified-Chinese words for the SVAR components (core controls, calendar, DataGrid, Pager).
 *
 * The `cn` locales that ship as `@svar-ui/core-locales` / `@svar-ui/grid-locales` are transitive
 * dependencies only (not importable from this package without adding them), and the grid one mixes
 * in traditional characters (複製, 貼, 撤銷); this object follows the core `cn` locale and writes the
 * grid words in simplified Chinese. Passed to `<Locale words={zhCN}>` at the root of the app.
 */
export const zhCN = {
  lang: "zh-CN",
  core: {
    ok: "确定",
    cancel: "取消",
    select: "选择",
    "No data": "暂无数据",
    "Rows per page": "每页行数",
    "Total pages": "总页数"
  },
  calendar: {
    monthFull: ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
    monthShort: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    dayFull: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    dayShort: ["日", "一", "二", "三", "四", "五", "六"],
    hours: "小时",
    minutes: "分钟",
    done: "完成",
    clear: "清除",
    today: "今天",
    am: ["上午", "上午"],
    pm: ["下午", "下午"],
    weekStart: 1,
    clockFormat: 24
  },
  formats: {
    timeFormat: "%H:%i",
    dateFormat: "%Y-%m-%d",
    monthYearFormat: "%Y年 %F",
    yearFormat: "%Y年"
  },
  grid: {
    "Add before": "在上方添加",
    "Add after": "在下方添加",
    Copy: "复制",
    Cut: "剪切",
    Paste: "粘贴",
    Delete: "删除",
    "New row": "新行",
    "Move up": "上移",
    "Move down": "下移",
    Undo: "撤销",
    Redo: "重做",
    selected: "已选"
  }
} as const
