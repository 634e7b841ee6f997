import { ApiError } from "./api.js"

/** Any thrown value as an `ApiError` (a programming error becomes a generic one, logged). */
export const asApiError = (error: unknown): ApiError => {
  if (error instanceof ApiError) return error
  console.error(error)
  return new ApiError({ status: -1, detail: error instanceof Error ? error.message : String(error) })
}
