/** Paging of the server-side lists. */

export const defaultPageSize = 50
export const maxPageSize = 200

/** A page size typed into the pager, kept within 1…200 (the API's limit); nonsense gives the default. */
export const clampPageSize = (size: number): number =>
  Number.isFinite(size) && size >= 1 ? Math.min(maxPageSize, Math.floor(size)) : defaultPageSize

/** The page to show after the total changed (e.g. a filter shrank the list): never past the last page. */
export const clampPage = (page: number, total: number, pageSize: number): number => {
  const last = Math.max(1, Math.ceil(total / clampPageSize(pageSize)))
  return Number.isFinite(page) && page >= 1 ? Math.min(Math.floor(page), last) : 1
}

/**
 * Keeps only the answer to the latest request: `begin()` returns a ticket, `isCurrent(ticket)` says
 * whether a newer request has started since (so a slow, stale answer is dropped).
 */
export const latestOnly = () => {
  let current = 0
  return {
    begin: (): number => ++current,
    isCurrent: (ticket: number): boolean => ticket === current
  }
}
