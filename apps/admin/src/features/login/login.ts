/**
 * What the login page says when sign-in fails. Wrong name or password is one message whichever was
 * wrong; a lockout (`AccountLocked`), too many attempts from this address (`TooManyRequests`) and a
 * busy server (`PasswordCheckBusy`) show the server's own message, which says when to try again.
 */
import type { ApiError } from "../../shared/api.js"

export const loginErrorText = (error: ApiError): string => {
  if (error.status === 401) return "用户名或密码错误"
  if (error.status === 429 || error.status === 503) return error.detail ?? error.title
  if (error.status === 400 && error.errors.length > 0) return error.errors.map((p) => p.message).join("；")
  return error.title
}
