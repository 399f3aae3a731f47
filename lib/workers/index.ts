/**
 * Workers and contracts — shared by C60.7 requests (lib/c607/requests) and the FOREM register.
 *
 * Public API (import from "@/lib/workers" only):
 * - `findOrCreateWorker(tx, { entityId, niss, firstName, lastName, birthDate?, audit })`
 *     → `{ worker, isNew }`. One Worker per (centre, NISS). The NISS is validated, sealed
 *     (AES-256-GCM) and found again by its keyed blind index; it is never stored in clear, never
 *     logged, never put in an audit summary. An existing worker's names are updated to the ones
 *     given (the latest encoding wins) and the change is audited.
 * - `findWorkerByNiss(tx, { entityId, niss })` → `Worker | null` (scoped to the centre).
 * - `revealWorkerNiss(worker)` → the 11 digits, for display to an authorised user only.
 * - `findOrCreateContract(tx, { entityId, workerId, kind, terms, createdById, audit })`
 *     → `{ contract, isNew }`: same worker, kind and start date = same contract.
 * - `updateContractTerms(tx, { entityId, contractId, terms, audit })`: dates and schedule.
 * - `contractTermsOf(contract)` → `ContractTerms` (calendar-date strings, numbers).
 * Every write takes the caller's transaction and writes its audit event in it.
 */
export { findOrCreateWorker, findWorkerByNiss, revealWorkerNiss } from "./workers";
export { contractTermsOf, findOrCreateContract, updateContractTerms, type ContractTerms } from "./contracts";
