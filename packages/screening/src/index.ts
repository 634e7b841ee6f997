/**
 * FundGuard screening: imports a claims extract into DuckDB and runs the screening rules over it,
 * writing suspicions (疑点) as `screening-rules.md` defines them.
 *
 * @since 0.1.0
 */
export {
  ClaimsExtracts,
  defaultMemoryLimit,
  DuckDbClaimsExtracts,
  type ExtractHandle,
  isMemoryLimit,
  type ImportOptions,
  importExtract,
  importExtractScoped
} from "./Extract.js"
export { ExtractInvalid, ExtractProblem, formatProblem } from "./ExtractProblem.js"
export { DuckDbClaimFrames, readClaimFrame } from "./ClaimFrame.js"
export { Manifest, readManifest } from "./Manifest.js"
export { filterOutput, keyedTables, Partition, partitionKeyColumn, partitionOf, partitionViews } from "./Partition.js"
export {
  combinePreparedPartitions,
  importPreparedPartition,
  openPreparedPartition,
  type PreparedCopy,
  type PreparedPartition,
  preparedPartitionRules,
  type PreparedRunOptions,
  prepareProvincePartitions,
  type PrepareOptions,
  type PartitionJobKind,
  PartitionsManifest,
  partitionsManifestFile,
  ProvincePartitionsError,
  preparedFromOtherExtract,
  readPartitionsManifest,
  rulesOfJob,
  runPreparedPartition
} from "./ProvincePartitions.js"
export {
  type Bilingual,
  type CompiledRule,
  defineRule,
  type ParamIssue,
  parseIssues,
  type PartitionKey,
  type Rule,
  type RuleKind,
  type RuleSpec,
  stageFactsRelation
} from "./Rule.js"
export { findRule, ruleLibrary } from "./RuleLibrary.js"
export { priceOverCap } from "./rules/PriceOverCap.js"
export { SupplyDaysParameters, SupplyLimit } from "./rules/SupplyDaysExceeded.js"
export { preparedRelations, type PreparedRelation } from "./Prepared.js"
export {
  readRegionParams,
  RegionParams,
  regionParamsDir,
  regionParamsJsonSchema,
  regionParamsPath
} from "./RegionParams.js"
export {
  type RuleRun,
  neededRelations,
  RuleFailed,
  runScreening,
  type ScreeningOptions,
  type ScreeningProgress,
  type ScreeningResult
} from "./Runner.js"
export {
  ConfigProblem,
  resolveConfig,
  type ScreeningConfig,
  type ScreeningConfigInput,
  ScreeningConfigInvalid
} from "./ScreeningConfig.js"
export { sqlMacros } from "./SqlMacros.js"
export {
  maxKeyPartitions,
  runStageVerdict,
  StageFactsMissing,
  type StageFactsOptions,
  stageFactsReady,
  StagedRunError,
  type StageVerdictOptions,
  writeStageFacts
} from "./Staged.js"
export { suspicionsToJsonl, suspicionToJson, SuspicionsWriteFailed, writeSuspicionsJsonl } from "./SuspicionsJsonl.js"
export {
  type ColumnSpec,
  type ColumnType,
  isTableName,
  type TableName,
  tableNames,
  type TableSpec,
  tableSpec,
  tableSpecs
} from "./Tables.js"
export {
  type JobOptions,
  type JobProgress,
  type JobResult,
  RecordingFailed,
  type RunRecorder,
  screenAndRecord
} from "./Job.js"
export { demoExtractDir, demoRegister, readInstitutions, RegisterInvalid } from "./Register.js"
export * from "./precheck/Claim.js"
export {
  checkClaim,
  memoryHistory,
  type MemoryHistory,
  type PrecheckRule,
  precheckRules,
  type RuleHit
} from "./precheck/Evaluate.js"
export { type ComparedWarning, comparedHit, comparedWarning, precheckDifferences } from "./precheck/Equivalence.js"
export {
  extractRequests,
  loadReferenceDir,
  readReference,
  readVisits,
  replayExtract,
  type ReplayHit
} from "./precheck/Replay.js"
export {
  answerPrecheck,
  claimOfEncounter,
  decodePrecheckMessage,
  type GivenWarning,
  type PrecheckSetting
} from "./precheck/Interface.js"
