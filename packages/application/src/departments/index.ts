/** Work with other departments: transfers (移送) with their receipts, supplements, results and deadlines. */
export {
  describeTransfer,
  draftTransfer,
  openCaseFromTransfer,
  registerIncomingTransfer,
  takeTransferStep,
  viewTransfer,
  type TransferCase,
  type TransferInstitution
} from "./transfers.js"
