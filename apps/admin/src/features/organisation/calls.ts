/**
 * The calls of 组织机构 (read, save, import and export the organisation), each an endpoint of
 * `@fundguard/contracts` called through the shared client's `call` and `download`: paths and shapes
 * are the contract's.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import * as Organisation from "@fundguard/contracts/Organisation"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** The calls of 组织机构. */
export const organisationCalls = (api: ApiClient) => ({
  organisation: () => api.call(Organisation.getOrganisation),
  /** Saves a unit edited in the page (JSON), checked against the contract first. */
  saveUnit: async (id: string, unit: unknown) =>
    api.call(Organisation.putUnit, { params: { id }, body: checkBody(Organisation.putUnit, unit) }),
  importOrganisation: (upload: BodyOf<typeof Organisation.importOrganisation>) =>
    api.call(Organisation.importOrganisation, { body: upload }),
  exportOrganisation: () => api.download(Organisation.exportOrganisation)
})

export type OrganisationCalls = ReturnType<typeof organisationCalls>
