/**
 * Work with other departments: transfers (移送) to and from the health commission (卫健委), the police
 * (公安) and the discipline and supervision commission (纪委监委), with their receipts, requests to
 * supplement, results and deadlines; the departments' API clients; the yearly transfer report.
 *
 * @since 0.5.0
 */
export * from "./DepartmentClients.js"
export * from "./JointMechanismLists.js"
export * from "./TransferInputs.js"
export * from "./TransferReport.js"
export * from "./TransferRules.js"
export * from "./Transfers.js"
