/**
 * Who is recorded as acting in the audit log (执法全过程记录): a signed-in person, or the system itself
 * (`id: null`, e.g. the nightly worker or the command line).
 *
 * @since 0.3.0
 */

/**
 * The audit log's actor: the user's id (null for the system), the name shown, and the address the
 * request came from (null when there was none).
 *
 * @category models
 */
export interface Actor {
  readonly id: string | null
  readonly name: string
  readonly ip: string | null
}
