/**
 * Planted clustered studies for the design-aware fidelity tests: teachers in schools, drawn from
 * the library's seeded generator (so every run is the same).
 */
import { createRandom } from '../../src/_lib/random.js';

export interface PlantedStudy {
  readonly fidelity: number[];
  readonly outcome: number[];
  readonly baseline: number[];
  readonly clusters: string[];
  /** School support (the confound of study b), per teacher. */
  readonly support: number[];
}

export interface PlantedOptions {
  readonly schools: number;
  /** Teachers per school: the school's index picks one of these sizes in turn. */
  readonly sizes: readonly number[];
  /** SD of the school part of fidelity, and of the school intercept of the outcome. */
  readonly schoolFidelitySd: number;
  readonly schoolOutcomeSd: number;
  /** Outcome = school + confound·support + hingeSlope·max(f − hingeAt, 0) + noise. */
  readonly confound?: number;
  readonly hingeSlope?: number;
  readonly hingeAt?: number;
  readonly noiseSd?: number;
}

/** One planted study from `seed`. */
export function plantedStudy(seed: number, options: PlantedOptions): PlantedStudy {
  const random = createRandom(seed);
  const normal = () => {
    const u = random.nextFloat() || Number.MIN_VALUE;
    const v = random.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const out: PlantedStudy = { fidelity: [], outcome: [], baseline: [], clusters: [], support: [] };
  for (let j = 0; j < options.schools; j += 1) {
    const support = normal();
    const schoolF = options.schoolFidelitySd * normal() + (options.confound ? 0.12 * support : 0);
    const schoolY = options.schoolOutcomeSd * normal() + (options.confound ?? 0) * support;
    const size = options.sizes[j % options.sizes.length] as number;
    for (let i = 0; i < size; i += 1) {
      const f = Math.round(Math.min(1, Math.max(0, 0.6 + schoolF + 0.15 * normal())) * 20) / 20;
      const baseline = Math.round((50 + 8 * normal()) * 10) / 10;
      const hinge = (options.hingeSlope ?? 0) * Math.max(0, f - (options.hingeAt ?? 0.6));
      const y = schoolY + hinge + (options.noiseSd ?? 1) * normal();
      out.fidelity.push(f);
      out.baseline.push(baseline);
      out.outcome.push(Math.round(y * 1000) / 1000);
      out.clusters.push(`school-${j}`);
      out.support.push(support);
    }
  }
  return out;
}
