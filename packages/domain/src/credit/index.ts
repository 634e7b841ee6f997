/**
 * Credit (信用) and points: institution credit events, 医保支付资格 points of doctors and pharmacists with
 * their consequences, joint-punishment notices (联合惩戒) and publication (曝光).
 *
 * @since 0.5.0
 */
export * from "./PaymentQualification.js"
export * from "./Credit.js"
