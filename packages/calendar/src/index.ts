/**
 * `@fundguard/calendar`: mainland China's working-day calendar (public holidays and 调休 from the
 * `chinese-days` data) as the domain's `WorkingCalendar` service, and the bureau's live clock.
 *
 * @since 0.1.0
 */
export * from "./ChineseWorkingCalendar.js"
