/**
 * How the pit stop reads the results of other modules that have no reader of their own there
 * (`readStored`): the scale assessment, the superficial-spread report and run charts.
 *
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import type { StoredType } from '../_lib/stored.js';
import { SuperficialSpreadReport } from '../dimensions/detectSuperficialSpread.js';
import { ScaleAssessment } from '../dimensions/ScaleAssessment.js';
import { RunChartResult } from '../learning/RunChartResult.js';

/** The scale assessment's schema, as the shape its type names. */
export const SCALE_SCHEMA = ScaleAssessment as unknown as z.ZodMiniType<ScaleAssessment>;
/** The superficial-spread report's schema, as the shape its type names. */
export const SPREAD_SCHEMA = SuperficialSpreadReport as unknown as z.ZodMiniType<SuperficialSpreadReport>;

export const SCALE_TYPE: StoredType<ScaleAssessment> = { name: 'scale assessment', version: 1, schema: SCALE_SCHEMA };
export const SPREAD_TYPE: StoredType<SuperficialSpreadReport> = {
  name: 'superficial-spread report',
  version: 1,
  schema: SPREAD_SCHEMA,
};
export const RUN_CHART_TYPE: StoredType<RunChartResult> = { name: 'run chart', version: 1, schema: RunChartResult };
