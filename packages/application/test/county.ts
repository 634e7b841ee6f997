/**
 * A small county for the use cases' tests, set up through the use cases themselves: the bureau, its
 * fund supervision section and 草堂镇's health centre, which oversees the township's two village
 * clinics; the default duties; the tasks of a year up to a day.
 */
import { repositoriesLayer, systemActor, upsertInstitutions, type Db } from "@fundguard/db"
import { WorkingCalendar, isoDate, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import {
  Area,
  defaultDuties,
  Jurisdiction,
  OrgUnit,
  Placement,
  type Organisation
} from "@fundguard/domain/responsibilities"
import { demoRegister } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { changeOrganisation, generateTasks, seedDuties } from "../src/responsibilities/index.js"

const unit = (fields: Readonly<Record<string, string>>) =>
  Schema.decodeUnknownSync(OrgUnit)({
    parentId: null,
    areaCode: null,
    institutionCode: null,
    head: null,
    phone: null,
    active: true,
    ...fields
  })

/** The county's organisation, as one change. */
export const countyOrganisation = (): Organisation => ({
  areas: [Schema.decodeUnknownSync(Area)({ code: "caotang", name: "草堂镇", kind: "town" })],
  units: [
    unit({ id: "BUREAU", name: "奉节县医疗保障局", kind: "bureau" }),
    unit({ id: "SEC-JJJG", name: "基金监管科", kind: "section", parentId: "BUREAU" }),
    unit({
      id: "HC-CAOTANG",
      name: "奉节县草堂镇卫生院",
      kind: "health_centre",
      parentId: "SEC-JJJG",
      areaCode: "caotang",
      institutionCode: "H50023500004"
    })
  ],
  jurisdictions: [
    Schema.decodeUnknownSync(Jurisdiction)({ unitId: "HC-CAOTANG", areaCode: "caotang", orgKinds: ["village_clinic"] })
  ],
  assignments: [],
  placements: ["H50023500004", "H50023500008", "H50023500009"].map((institutionCode) =>
    Schema.decodeUnknownSync(Placement)({ institutionCode, areaCode: "caotang" })
  )
})

/** The actor the set-up is recorded under. */
export const setUpActor = { id: null, name: "测试准备", ip: null } as const

/** Loads the county into a migrated database and generates the tasks of `today`'s year up to it. */
export const setUpCounty = async (
  db: Db,
  options: { readonly calendar: WorkingCalendarShape; readonly today: string }
) => {
  await upsertInstitutions(db, systemActor("test"), demoRegister())
  const layer = Layer.merge(repositoriesLayer(db), Layer.succeed(WorkingCalendar, options.calendar))
  await Effect.runPromise(
    changeOrganisation({ change: countyOrganisation(), source: "test", actor: setUpActor }).pipe(Effect.provide(layer))
  )
  await Effect.runPromise(seedDuties({ duties: defaultDuties, actor: setUpActor }).pipe(Effect.provide(layer)))
  return Effect.runPromise(
    generateTasks({
      from: isoDate(`${options.today.slice(0, 4)}-01-01`),
      through: isoDate(options.today),
      actor: setUpActor
    }).pipe(Effect.provide(layer))
  )
}
