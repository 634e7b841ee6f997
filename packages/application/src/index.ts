/**
 * FundGuard's use cases, one folder per context. Each is an `Effect` that needs services (the
 * domain's repository tags, the working calendar, the clock) and nothing else; the doors provide
 * them as layers (`packages/db` for PostgreSQL and SQLite).
 *
 * @since 0.1.0
 */
import type { AccountRepository, AuditLog, Passwords, SessionRepository } from "@fundguard/domain/access"
import type {
  CaseRepository,
  ChecklistRepository,
  FollowUpRepository,
  InspectionRepository
} from "@fundguard/domain/enforcement"
import type { SampleRepository } from "@fundguard/domain/enforcement"
import type { TransferRepository } from "@fundguard/domain/departments"
import type { BureauClock, Ids, WorkingCalendar } from "@fundguard/domain/kernel"
import type {
  DutyRepository,
  EvidenceStore,
  OrganisationRepository,
  RankingSchemeRepository,
  TaskGenerationRepository,
  TaskRepository
} from "@fundguard/domain/responsibilities"
import type { ComplaintRepository } from "@fundguard/domain/complaints"
import type { CreditRepository } from "@fundguard/domain/credit"
import type { ReviewRepository } from "@fundguard/domain/review"
import type { ScreeningRunRepository } from "@fundguard/domain/screening"

export * as Access from "./access/index.js"
export * as Complaints from "./complaints/index.js"
export * as Credit from "./credit/index.js"
export * as Departments from "./departments/index.js"
export * as Enforcement from "./enforcement/index.js"
export * as Responsibilities from "./responsibilities/index.js"
export * as Review from "./review/index.js"
export * as Screening from "./screening/index.js"

/**
 * Every service a use case may need: the repositories, the password KDF, the evidence store, the
 * working calendar and the bureau's clock. A door that provides all of them can run any use case.
 */
export type Services =
  | Ids
  | AccountRepository
  | Passwords
  | SessionRepository
  | ReviewRepository
  | CaseRepository
  | FollowUpRepository
  | ChecklistRepository
  | InspectionRepository
  | SampleRepository
  | TransferRepository
  | ComplaintRepository
  | CreditRepository
  | TaskRepository
  | TaskGenerationRepository
  | OrganisationRepository
  | DutyRepository
  | RankingSchemeRepository
  | ScreeningRunRepository
  | AuditLog
  | EvidenceStore
  | WorkingCalendar
  | BureauClock
