/**
 * The call of 修改密码 (one's own password), an endpoint of `@fundguard/contracts` called through the
 * shared client's `call`.
 */
import * as Auth from "@fundguard/contracts/Auth"
import type { ApiClient } from "../../shared/api.js"
import type { ChangePasswordBody } from "./password.js"

export const passwordCalls = (api: ApiClient) => ({
  /** `POST /api/auth/password` (204): other sessions of the user are signed out. */
  changeOwnPassword: (body: ChangePasswordBody) => api.call(Auth.changePassword, { body })
})

export type PasswordCalls = ReturnType<typeof passwordCalls>
