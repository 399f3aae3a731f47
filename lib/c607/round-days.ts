/**
 * Days of the 6-day scheme are fractions (6/5, 19/38 …) summed in floating point. EPSILON keeps
 * 311.99999999 from losing a whole day when rounding down; cleanDays strips that noise from the
 * figures shown to users. Neither ever rounds a real fraction of a day up.
 */
export const EPSILON = 1e-9;

export function cleanDays(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The texts count whole days: a partial day is dropped, and the steps say so. */
export function floorDays(value: number): number {
  return Math.floor(value + EPSILON);
}
