/**
 * The clustered view of {@link analyzeFidelityOutcome}: ICC(1) of fidelity and outcome, the
 * Scott–Holt design effect, the correlation's inference at the effective n, and the correlation of
 * cluster means.
 *
 * @internal
 * @module
 */
import { correlationT, fisherInterval, twoSidedT, twoSidedZ } from '../_lib/inference.js';
import { note } from '../_lib/notes.js';
import type { Series } from '../_lib/series.js';
import { type CorrelationMethod, type CorrelationResult, correlate, icc1 } from '../stats/index.js';
import { finiteMean } from './_finite.js';
import type { ClusteredFidelityInference } from './_outcomeSchema.js';
import type { FidelityPolicy } from './fidelityPolicy.js';

function adjustedInference(
  correlation: CorrelationResult,
  effectiveN: number,
  designEffect: number,
  level: number,
): ClusteredFidelityInference['adjusted'] {
  const r = correlation.estimate;
  if (r === null) return null;
  if (correlation.method === 'kendall') {
    const statistic = correlation.statistic === null ? null : correlation.statistic / Math.sqrt(designEffect);
    return {
      statistic,
      df: null,
      pValue: statistic === null ? null : twoSidedZ(statistic),
      confidenceInterval: fisherInterval(
        r,
        effectiveN > 4 ? Math.sqrt(0.437 / (effectiveN - 4)) : Number.POSITIVE_INFINITY,
        level,
      ),
    };
  }
  const df = effectiveN - 2;
  if (df <= 0) return { statistic: null, df: null, pValue: null, confidenceInterval: [-1, 1] };
  const statistic = correlationT(r, df);
  const se =
    correlation.method === 'spearman' ? Math.sqrt((1 + (r * r) / 2) / (effectiveN - 3)) : 1 / Math.sqrt(effectiveN - 3);
  return {
    statistic,
    df,
    pValue: statistic === null ? 0 : twoSidedT(statistic, df),
    confidenceInterval: fisherInterval(r, effectiveN > 3 ? se : Number.POSITIVE_INFINITY, level),
  };
}

/** The clustered view: ICCs, the design effect, the adjusted inference and the cluster-level correlation. */
export function clustered(
  fidelity: readonly (number | null)[],
  outcome: Series,
  clusters: readonly (string | number)[],
  correlation: CorrelationResult,
  method: CorrelationMethod,
  level: number,
  policy: FidelityPolicy,
): ClusteredFidelityInference {
  const groups = new Map<string | number, { f: number[]; y: number[] }>();
  for (let i = 0; i < fidelity.length; i += 1) {
    const f = fidelity[i];
    const y = outcome[i];
    if (f === null || f === undefined || y === null || y === undefined || Number.isNaN(y)) continue;
    const key = clusters[i] as string | number;
    const group = groups.get(key) ?? { f: [], y: [] };
    group.f.push(f);
    group.y.push(y);
    groups.set(key, group);
  }
  const clusterCount = groups.size;
  const none = {
    clusterCount,
    n0: null,
    iccFidelity: null,
    iccOutcome: null,
    designEffect: null,
    effectiveN: null,
    adjusted: null,
    clusterLevel: null,
  };
  if (clusterCount < policy.minClusters) {
    return {
      ...none,
      notes: [
        note(
          'TOO_FEW_CLUSTERS',
          `${clusterCount} cluster(s) hold the data; at least ${policy.minClusters} are needed to estimate ICCs and adjust the inference, so the plain correlation overstates the evidence by an unknown amount`,
          'adjusted',
        ),
      ],
    };
  }
  const list = [...groups.values()];
  const iccFidelity = icc1(list.map((group) => group.f));
  const iccOutcome = icc1(list.map((group) => group.y));
  const clusterLevel = correlate(
    list.map((group) => finiteMean(group.f)),
    list.map((group) => finiteMean(group.y)),
    { method, confidenceLevel: level },
  );
  const n0 = iccFidelity.n0;
  // An ICC that is not a finite number (outcomes past ≈ 1e154 in icc1) gives no design effect either.
  if (
    iccFidelity.estimate === null ||
    iccOutcome.estimate === null ||
    n0 === null ||
    !Number.isFinite(iccFidelity.estimate) ||
    !Number.isFinite(iccOutcome.estimate)
  ) {
    return {
      ...none,
      n0,
      iccFidelity,
      iccOutcome,
      clusterLevel,
      notes: [
        note(
          'NO_ICC',
          'an ICC(1) could not be estimated (see its notes), so there is no design effect',
          'designEffect',
        ),
      ],
    };
  }
  const designEffect = 1 + (n0 - 1) * Math.max(0, iccFidelity.estimate) * Math.max(0, iccOutcome.estimate);
  const effectiveN = correlation.n / designEffect;
  const adjusted = adjustedInference(correlation, effectiveN, designEffect, level);
  return {
    clusterCount,
    n0,
    iccFidelity,
    iccOutcome,
    designEffect,
    effectiveN,
    adjusted,
    clusterLevel,
    notes:
      adjusted === null
        ? [note('NO_CORRELATION', 'the correlation has no estimate, so nothing to adjust', 'adjusted')]
        : [],
  };
}
