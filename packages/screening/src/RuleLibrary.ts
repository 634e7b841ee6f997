/**
 * The rule library: every rule of `screening-rules.md` (version 1), by code.
 *
 * @since 0.1.0
 */
import type { Rule } from "./Rule.js"
import { ageRestricted } from "./rules/AgeRestricted.js"
import { bedOverCapacity } from "./rules/BedOverCapacity.js"
import { billingAfterDeath } from "./rules/BillingAfterDeath.js"
import { cardPooling } from "./rules/CardPooling.js"
import { careDuringStay } from "./rules/CareDuringStay.js"
import { careSettingRestricted } from "./rules/CareSettingRestricted.js"
import { chargeOutsideStay } from "./rules/ChargeOutsideStay.js"
import { cumulativeOversupply } from "./rules/CumulativeOversupply.js"
import { doctorDailyOverload } from "./rules/DoctorDailyOverload.js"
import { duplicateCharge } from "./rules/DuplicateCharge.js"
import { frequencyExceeded } from "./rules/FrequencyExceeded.js"
import { frequentPharmacy } from "./rules/FrequentPharmacy.js"
import { genderRestricted } from "./rules/GenderRestricted.js"
import { idleBedDays } from "./rules/IdleBedDays.js"
import { inventoryShortfall } from "./rules/InventoryShortfall.js"
import { lowIndicationAdmission } from "./rules/LowIndicationAdmission.js"
import { nightSettlement } from "./rules/NightSettlement.js"
import { overlappingStays } from "./rules/OverlappingStays.js"
import { peerCostOutlier } from "./rules/PeerCostOutlier.js"
import { pharmacistAbsent } from "./rules/PharmacistAbsent.js"
import { priceOverCap } from "./rules/PriceOverCap.js"
import { settledNotSold } from "./rules/SettledNotSold.js"
import { splitAdmission } from "./rules/SplitAdmission.js"
import { supplyDaysExceeded } from "./rules/SupplyDaysExceeded.js"
import { traceCodeReused } from "./rules/TraceCodeReused.js"
import { unbundledCharge } from "./rules/UnbundledCharge.js"
import { uniformTestPanel } from "./rules/UniformTestPanel.js"

/**
 * Every rule, sorted by code (the order of a run's output).
 *
 * @category rules
 */
export const ruleLibrary: ReadonlyArray<Rule> = [
  // Policy limits (政策限定类)
  priceOverCap,
  duplicateCharge,
  unbundledCharge,
  frequencyExceeded,
  genderRestricted,
  ageRestricted,
  careSettingRestricted,
  supplyDaysExceeded,
  chargeOutsideStay,
  // Behaviour of persons and institutions (行为主体类)
  splitAdmission,
  overlappingStays,
  careDuringStay,
  idleBedDays,
  lowIndicationAdmission,
  billingAfterDeath,
  frequentPharmacy,
  cumulativeOversupply,
  bedOverCapacity,
  doctorDailyOverload,
  // Pharmacies and inventory (进销存, 追溯码)
  inventoryShortfall,
  settledNotSold,
  traceCodeReused,
  nightSettlement,
  cardPooling,
  pharmacistAbsent,
  // Statistical (统计指标类)
  peerCostOutlier,
  uniformTestPanel
].sort((a, b) => (a.code < b.code ? -1 : 1))

/**
 * Finds a rule of `library` by code.
 *
 * @category rules
 */
export const findRule = (code: string, library: ReadonlyArray<Rule> = ruleLibrary): Rule | undefined =>
  library.find((r) => r.code === code)
