/** Access: the audit log (执法全过程记录). */
export { verifyAuditLog } from "./verifyAuditLog.js"
