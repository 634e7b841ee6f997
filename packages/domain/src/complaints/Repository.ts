/**
 * Where complaints, their informants' identities (kept apart) and rewards are kept. Every write
 * carries its audit entry in the same transaction; a reveal of an identity is itself written to the
 * audit log in the transaction that reads it.
 *
 * @since 0.5.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { Actor } from "../kernel/Actor.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import type {
  ComplaintIntake,
  ComplaintNotFound,
  ComplaintOutcome,
  ComplaintRefused,
  ComplaintReply,
  InformantIdentity,
  InvalidComplaintInput,
  RetaliationReport,
  StoredComplaint,
  TriageDecision
} from "./Complaints.js"
import type { ComplaintImportRefused } from "./NationalImport.js"
import type { RewardPayment, RewardRefused, StoredReward } from "./Rewards.js"

/**
 * The token a complaint's own 立案 marks it with while its case is being opened (`claimForCase`), in place of the
 * case's id until the case exists.
 *
 * @category models
 */
export const caseClaimToken = (unique: string): string => `claim-${unique}`

/**
 * Whether a complaint's `caseId` is a claim (`caseClaimToken`) and not yet a case.
 *
 * @category rules
 */
export const isCaseClaim = (caseId: string): boolean => caseId.startsWith("claim-")

/**
 * The complaints store.
 *
 * @category services
 */
export class ComplaintRepository extends Context.Tag("@fundguard/domain/ComplaintRepository")<
  ComplaintRepository,
  {
    /**
     * Records a complaint and, apart, its informant; an unknown institution is refused at its field, a
     * channel reference already recorded is refused.
     */
    readonly intake: (request: {
      readonly id: string
      readonly intake: ComplaintIntake
      readonly actor: Actor
    }) => Effect.Effect<{ readonly number: string }, ComplaintRefused | InvalidComplaintInput>
    /** Records a whole import file in one transaction, or nothing (a known 举报编号 or institution refuses it). */
    readonly importMany: (request: {
      readonly file: string
      readonly items: ReadonlyArray<{ readonly id: string; readonly line: number; readonly intake: ComplaintIntake }>
      readonly actor: Actor
    }) => Effect.Effect<void, ComplaintImportRefused>
    readonly load: (id: string) => Effect.Effect<StoredComplaint, ComplaintNotFound>
    /** Records the triage decision only while the complaint is still received. */
    readonly triage: (request: {
      readonly id: string
      readonly decision: TriageDecision
      readonly on: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<void, ComplaintRefused>
    /**
     * Claims an accepted complaint for a case about to be opened (`token` marks the claim), only if no
     * case is linked or claimed: of two people opening a case on it at once, one is refused before
     * any case is written.
     */
    readonly claimForCase: (request: {
      readonly id: string
      readonly token: string
    }) => Effect.Effect<void, ComplaintRefused>
    /** Releases a claim whose case could not be opened. */
    readonly releaseClaim: (request: { readonly id: string; readonly token: string }) => Effect.Effect<void>
    /** Replaces the claim by the case opened on the complaint, with its audit entry. */
    readonly linkCase: (request: {
      readonly id: string
      readonly token: string
      readonly caseId: string
      readonly actor: Actor
    }) => Effect.Effect<void, ComplaintRefused>
    readonly recordOutcome: (request: {
      readonly id: string
      readonly outcome: ComplaintOutcome
      readonly actor: Actor
    }) => Effect.Effect<void, ComplaintRefused>
    readonly recordReply: (request: {
      readonly id: string
      readonly reply: ComplaintReply
      readonly actor: Actor
    }) => Effect.Effect<void, ComplaintRefused>
    readonly recordRetaliation: (request: {
      readonly id: string
      readonly report: RetaliationReport
      readonly actor: Actor
    }) => Effect.Effect<void>
    /** The identity, read and audited (informant.reveal) in one transaction. */
    readonly revealInformant: (request: {
      readonly id: string
      readonly reason: string
      readonly actor: Actor
    }) => Effect.Effect<InformantIdentity, ComplaintNotFound>
    /** The identity masked, for the default view (no audit: nothing personal is shown). */
    readonly maskedInformant: (id: string) => Effect.Effect<InformantIdentity, ComplaintNotFound>
    /** Complaints carried into a case with retaliation recorded, for the case's aggravating factor. */
    readonly retaliationsOfCase: (
      caseId: string
    ) => Effect.Effect<ReadonlyArray<{ readonly complaintNumber: string; readonly report: RetaliationReport }>>
    readonly rewardsOf: (complaintId: string) => Effect.Effect<ReadonlyArray<StoredReward>>
    readonly loadReward: (id: string) => Effect.Effect<StoredReward, ComplaintNotFound>
    readonly proposeReward: (request: {
      readonly id: string
      readonly complaintId: string
      readonly amount: number
      readonly caseValue: number
      readonly insider: boolean
      readonly basis: string
      readonly on: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<void, RewardRefused>
    /** Takes a review step only from the status it was decided in (two people at once: one is refused). */
    readonly rewardStep: (request: {
      readonly id: string
      readonly step: "review" | "approve" | "reject"
      readonly from: StoredReward["status"]
      readonly note: string
      readonly on: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<void, RewardRefused>
    readonly payReward: (request: {
      readonly id: string
      readonly payment: RewardPayment
      readonly actor: Actor
    }) => Effect.Effect<void, RewardRefused>
  }
>() {}
