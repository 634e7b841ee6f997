/**
 * The shared kernel: calendar dates, money, periods, the institution register's kinds, the working-day calendar and clock services, and how input problems are told.
 *
 * @since 0.3.0
 */
export * from "./Institution.js"
export * from "./IsoDate.js"
export * from "./Money.js"
export * from "./Period.js"
export * from "./Problems.js"
export * from "./WorkingCalendar.js"
export * from "./Actor.js"
export * from "./Ids.js"
