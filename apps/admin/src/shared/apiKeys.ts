/**
 * The interface accounts other systems call the API with (departments' `fgd_` keys, institutions' `fgi_`
 * keys), as the admin lists and manages them.
 */

/** An interface account as listed (no secret: only its public id). */
export interface ApiKeyRow {
  readonly id: string
  readonly name: string
  readonly keyId: string
  readonly createdOn: string
  readonly lastUsedAt: string | null
  readonly revokedAt: string | null
}

/**
 * Runs a key action (create, rotate, revoke) and says which secret to show once: the new one, or none.
 * `reload` refreshes the list after it; a failure goes to `fail` and shows nothing.
 */
export const keyAction = async (
  work: () => Promise<{ readonly key: string } | void>,
  reload: () => Promise<void>,
  fail: (error: unknown) => void
): Promise<string | null> => {
  try {
    const answer = await work()
    await reload()
    return answer ? answer.key : null
  } catch (error) {
    fail(error)
    return null
  }
}
