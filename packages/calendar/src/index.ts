/**
 * `@fundguard/calendar`: mainland China's working-day calendar (public holidays and 调休 from the
 * `chinese-days` data) as the domain's `WorkingCalendar` service, the bureau's live clock, and clocks
 * reading a given time (`clocksReading`).
 *
 * @since 0.1.0
 */
export * from "./ChineseWorkingCalendar.js"
export * from "./Clocks.js"
