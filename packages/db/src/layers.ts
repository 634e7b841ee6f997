/**
 * The repositories of this database as one layer: what the application's use cases need from
 * storage. The API, the worker and the CLI each provide it, with the calendar and the clock, to the
 * same use cases (`@fundguard/application`).
 */
import type { AccountRepository, AuditLog, Passwords, SessionRepository } from "@fundguard/domain/access"
import type {
  DutyRepository,
  OrganisationRepository,
  RankingSchemeRepository,
  TaskGenerationRepository,
  TaskRepository
} from "@fundguard/domain/responsibilities"
import type {
  CaseRepository,
  ChecklistRepository,
  FollowUpRepository,
  InspectionRepository
} from "@fundguard/domain/enforcement"
import type { SampleRepository } from "@fundguard/domain/enforcement"
import type { ComplaintRepository } from "@fundguard/domain/complaints"
import type { CreditRepository } from "@fundguard/domain/credit"
import type { ReviewRepository } from "@fundguard/domain/review"
import type { ScreeningRunRepository } from "@fundguard/domain/screening"
import { Ids } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import type { TransferRepository } from "@fundguard/domain/departments"
import * as Layer from "effect/Layer"
import { randomUUID } from "node:crypto"
import { AuditLogLive } from "./access/audit.js"
import { AccountRepositoryLive, SessionRepositoryLive } from "./access/auth.js"
import { PasswordsLive } from "./access/password.js"
import type { Db } from "./client.js"
import { DutyRepositoryLive, RankingSchemeRepositoryLive } from "./responsibilities/duties.js"
import { OrganisationRepositoryLive } from "./responsibilities/organisation.js"
import { CaseRepositoryLive } from "./enforcement/cases.js"
import { CreditRepositoryLive } from "./credit/credit.js"
import { ChecklistRepositoryLive, FollowUpRepositoryLive } from "./enforcement/followUp.js"
import { InspectionRepositoryLive } from "./enforcement/inspections.js"
import { SampleRepositoryLive } from "./enforcement/samples.js"
import { ComplaintRepositoryLive } from "./complaints/complaints.js"
import { TransferRepositoryLive } from "./departments/transfers.js"
import { ReviewRepositoryLive } from "./review/review.js"
import { ScreeningRunRepositoryLive } from "./screening/runs.js"
import { TaskGenerationRepositoryLive, TaskRepositoryLive } from "./responsibilities/tasks.js"

/** New ids as this database's tables make them: UUID v4. */
export const IdsLive: Layer.Layer<Ids> = Layer.succeed(Ids, { next: Effect.sync(() => randomUUID()) })

/** Every repository the use cases need, implemented on this database, the password KDF and ids. */
export type Repositories =
  | Ids
  | ReviewRepository
  | CaseRepository
  | FollowUpRepository
  | ChecklistRepository
  | InspectionRepository
  | SampleRepository
  | ComplaintRepository
  | TransferRepository
  | CreditRepository
  | TaskRepository
  | TaskGenerationRepository
  | OrganisationRepository
  | DutyRepository
  | RankingSchemeRepository
  | ScreeningRunRepository
  | AccountRepository
  | SessionRepository
  | Passwords
  | AuditLog

/** The repositories of a database (SQLite or PostgreSQL) as a layer. */
export const repositoriesLayer = (db: Db): Layer.Layer<Repositories> =>
  Layer.mergeAll(
    ReviewRepositoryLive(db),
    CaseRepositoryLive(db),
    FollowUpRepositoryLive(db),
    ChecklistRepositoryLive(db),
    InspectionRepositoryLive(db),
    SampleRepositoryLive(db),
    ComplaintRepositoryLive(db),
    TransferRepositoryLive(db),
    CreditRepositoryLive(db),
    TaskRepositoryLive(db),
    TaskGenerationRepositoryLive(db),
    OrganisationRepositoryLive(db),
    DutyRepositoryLive(db),
    RankingSchemeRepositoryLive(db),
    ScreeningRunRepositoryLive(db),
    AccountRepositoryLive(db),
    SessionRepositoryLive(db),
    PasswordsLive,
    IdsLive,
    AuditLogLive(db)
  )
