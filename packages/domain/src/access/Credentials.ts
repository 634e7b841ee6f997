/**
 * Passwords and sign-in: the complexity a chosen password must have and how repeated failures are
 * throttled. Security settings, not law; the source each follows is named.
 *
 * @since 0.3.0
 */

/**
 * What a password must satisfy. 《信息安全技术 网络安全等级保护基本要求》GB/T 22239-2019 §8.1.4.1 a)
 * asks that 身份鉴别信息具有复杂度要求并定期更换; the figures follow common practice for 等保 level 3.
 *
 * @category models
 */
export interface PasswordPolicy {
  readonly minLength: number
  readonly maxLength: number
  /** Of lower-case letters, upper-case letters, digits and other characters. */
  readonly minClasses: number
  readonly source: string
}

/** @category constructors */
export const passwordPolicy: PasswordPolicy = {
  minLength: 10,
  maxLength: 128,
  minClasses: 3,
  source: "GB/T 22239-2019《网络安全等级保护基本要求》8.1.4.1 a)"
}

const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/] as const

/**
 * Why a new password is refused, in Chinese (empty when it is acceptable).
 *
 * @category rules
 */
export const passwordProblems = (
  password: string,
  username: string,
  policy: PasswordPolicy = passwordPolicy
): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const length = Array.from(password).length
  if (length < policy.minLength) problems.push(`密码长度不得少于 ${policy.minLength} 位`)
  if (length > policy.maxLength) problems.push(`密码长度不得超过 ${policy.maxLength} 位`)
  if (classes.filter((c) => c.test(password)).length < policy.minClasses)
    problems.push(`密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 类`)
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push("密码不得包含用户名")
  return problems
}

/**
 * How failed sign-ins are throttled: after `maxFailures` consecutive failures for one account name
 * within `windowMinutes`, sign-in for that name is refused for `lockMinutes`; one address may try at
 * most `perAddressPerMinute` times a minute. OWASP Authentication Cheat Sheet ("account lockout",
 * "login throttling").
 *
 * @category models
 */
export interface LoginThrottling {
  readonly maxFailures: number
  readonly windowMinutes: number
  readonly lockMinutes: number
  readonly perAddressPerMinute: number
}

/** @category constructors */
export const defaultLoginThrottling: LoginThrottling = {
  maxFailures: 5,
  windowMinutes: 15,
  lockMinutes: 15,
  perAddressPerMinute: 20
}
