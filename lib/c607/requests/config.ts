import { env } from "@/lib/env";

/**
 * Working days ONEM has to answer (seed 001: five, counted from the working day after receipt).
 * Configured by C607_PROCESSING_WORKING_DAYS (default 5); the deadline is stored on the request
 * when it is sent, so a change applies to requests received afterwards.
 */
export const processingWorkingDays = (): number => env().C607_PROCESSING_WORKING_DAYS;

/** Rows per page of the lists and of the ONEM queue. */
export const PAGE_SIZE = 50;
