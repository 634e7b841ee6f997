/**
 * Who may do what: roles and permissions, masking of personal data, password and sign-in rules.
 *
 * @since 0.3.0
 */
export * from "./Access.js"
export * from "./Accounts.js"
export * from "./AuditLog.js"
export * from "./Credentials.js"
export * from "./Sessions.js"
export * from "./Separation.js"
