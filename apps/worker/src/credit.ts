/**
 * The daily points pass (医保支付资格): every consequence of a person's points that began or was lifted
 * up to today — 暂停 at 9 points in a year, 终止 at 12, and the day each ends — is recorded once and
 * audited, and logged. The status itself follows from the points on any day (`qualificationStatus`);
 * the pass keeps the record of when each change took effect, even if the worker missed a day.
 */
import * as Application from "@fundguard/application"
import { repositoriesLayer, type Db } from "@fundguard/db"
import { transitionLabel, type QualificationTransition } from "@fundguard/domain/credit"
import { BureauClock } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Log } from "./nightly.js"

/** One pass for `today` (yyyy-MM-dd, China Standard Time); answers what it recorded. */
export const applyPointsConsequences = async (db: Db, today: string, log: Log) => {
  const recorded = await Effect.runPromise(
    Application.Credit.applyQualificationConsequences({ actor: { id: null, name: "worker", ip: null } }).pipe(
      Effect.provide(Layer.mergeAll(repositoriesLayer(db), BureauClock.fixed(today)))
    )
  )
  for (const r of recorded)
    log(
      `POINTS ${r.kind} ${r.on}: practitioner ${r.practitionerId} (${r.institutionCode}) — ${transitionLabel[r.kind as QualificationTransition["kind"]]}（至 ${r.until}）`
    )
  return recorded
}
