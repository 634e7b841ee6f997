/** Access: user accounts and the audit log (执法全过程记录). */
export {
  changeOwnPassword,
  createAccount,
  resetAccountPassword,
  revokeAccountSessions,
  updateAccount
} from "./accounts.js"
export { verifyAuditLog } from "./verifyAuditLog.js"
export { signIn, signOut } from "./sessions.js"
