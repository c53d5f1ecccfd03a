/** Limits both YAML readers enforce. */

/** Collections nested deeper than this are not converted (a finding says so). */
export const MAX_DEPTH = 1000;
/** Aliases a document may expand before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;
