/**
 * Pilot evidence drawn from the source documents (numbers invented where the texts give none):
 * the rural district's STEM coaching pilot (Digital Promise, *Consider a Pilot Stage*: 3 of 18
 * schools, all three certified), REL Appalachia's promising pilot whose teachers struggle, a pilot
 * that fails to benefit students, the same with low fidelity, and a strong pilot whose teachers'
 * workload got clearly worse. Shared by the pilot tests and the contract table.
 */
import type { PilotEvidenceInput } from '../../src/pilot/index.js';

/** The rural district's pilot: 3 of 18 schools, every one earned the state STEM certification; no comparison group. */
export const ruralStemPilot = {
  id: 'dlp-coaching-pilot',
  intervention: 'Dynamic Learning Project coaching',
  design: 'pre-post',
  assignment: { unit: 'school' },
  outcomes: [],
  sites: {
    total: 18,
    pilot: [
      { id: 'pine-ridge', label: 'Pine Ridge Elementary', score: 4 },
      { id: 'river-bend', label: 'River Bend Middle', score: 3 },
      { id: 'oak-hill', label: 'Oak Hill Elementary', score: 2 },
    ],
  },
  team: [
    { id: 'superintendent', role: 'senior-leader' },
    { id: 'coach-pine-ridge', role: 'coach', siteId: 'pine-ridge' },
    { id: 'principal-pine-ridge', role: 'principal', siteId: 'pine-ridge' },
    { id: 'coach-river-bend', role: 'coach', siteId: 'river-bend' },
    { id: 'principal-oak-hill', role: 'principal', siteId: 'oak-hill' },
    { id: 'teacher-1', role: 'teacher', experience: 'veteran', siteId: 'oak-hill' },
  ],
  localGoals: [
    {
      id: 'stem-certification',
      description: 'The state designation of STEM certified',
      sitesMet: ['pine-ridge', 'river-bend', 'oak-hill'],
    },
  ],
} as const satisfies PilotEvidenceInput;

/** A faithful student-level RCT: the base of the other scenarios (adequate fidelity, a balanced team, low attrition). */
const faithfulRct = {
  design: 'rct',
  assignment: { unit: 'student' },
  attrition: {
    students: { treatment: { assigned: 420, analyzed: 400 }, comparison: { assigned: 420, analyzed: 400 } },
  },
  implementation: { fidelity: { level: 0.7, shareAtLevel: 0.72, interval: [0.6, 0.82] } },
  educatorExperience: [
    { id: 'fits-routines', question: 'The routines fit my classroom', respondents: 24, favourable: 19 },
  ],
  team: [
    { id: 'chief-academic-officer', role: 'senior-leader' },
    { id: 'pl-director', role: 'professional-learning-lead' },
    { id: 'teacher-a', role: 'teacher', experience: 'veteran' },
    { id: 'teacher-b', role: 'teacher', experience: 'early-adopter' },
  ],
  sites: { total: 12, pilot: [{ id: 'north' }, { id: 'south' }], comparison: [{ id: 'east' }, { id: 'west' }] },
  balancingMeasures: [
    {
      id: 'minutes-from-science',
      label: 'Minutes a week taken from science',
      direction: 'lowerIsBetter',
      harmMargin: 10,
      estimate: 2,
      confidenceInterval: [-3, 7],
    },
  ],
} as const satisfies Omit<PilotEvidenceInput, 'id' | 'outcomes'>;

/** REL Appalachia's promising pilot whose teachers struggle: a useful effect, not yet significant; most teachers find it hard. */
export const promisingButStruggling = {
  ...faithfulRct,
  id: 'reading-routines-pilot',
  design: 'qed',
  assignment: { unit: 'school', clusters: { treatment: 3, comparison: 3 } },
  attrition: undefined,
  outcomes: [
    {
      id: 'reading',
      treatment: { mean: 213.0, sd: 10, n: 180 },
      comparison: { mean: 209.5, sd: 10, n: 175 },
      baseline: { treatment: { mean: 200.2, sd: 10, n: 180 }, comparison: { mean: 200.0, sd: 10, n: 175 } },
    },
  ],
  educatorExperience: [
    { id: 'easy-to-use', question: 'The routines are easy to carry out', respondents: 12, favourable: 4 },
    { id: 'worth-it', question: 'The routines are worth the time', respondents: 12, favourable: 9 },
  ],
} as const satisfies PilotEvidenceInput;

/** A faithful pilot that fails to benefit students: the effect's upper bound is below the useful effect. */
export const failsToBenefit = {
  ...faithfulRct,
  id: 'math-app-pilot',
  outcomes: [
    {
      id: 'math',
      treatment: { mean: 50.1, sd: 10, n: 400 },
      comparison: { mean: 50.0, sd: 10, n: 400 },
    },
  ],
} as const satisfies PilotEvidenceInput;

/** The same null outcomes, but only a quarter of the teachers reached the fidelity level: the plan was not done. */
export const lowFidelityNull = {
  ...failsToBenefit,
  id: 'math-app-low-fidelity',
  implementation: { fidelity: { level: 0.7, shareAtLevel: 0.25, interval: [0.15, 0.38] } },
  supports: [
    { id: 'coaching', description: 'Weekly coaching on the app', provided: false, cost: 18000 },
    { id: 'devices', description: 'A device per student', provided: true, cost: 42000 },
  ],
} as const satisfies PilotEvidenceInput;

/** A strong pilot: a large, significant effect, faithful, teachers content — but teacher workload got clearly worse. */
export const strongButWorkloadWorse = {
  ...faithfulRct,
  id: 'feedback-protocol-pilot',
  outcomes: [
    {
      id: 'writing',
      treatment: { mean: 54.2, sd: 10, n: 400 },
      comparison: { mean: 50.0, sd: 10, n: 400 },
    },
  ],
  balancingMeasures: [
    {
      id: 'teacher-hours',
      label: 'Teacher hours a week outside class',
      direction: 'lowerIsBetter',
      harmMargin: 0.5,
      estimate: 2.1,
      confidenceInterval: [1.4, 2.8],
    },
  ],
} as const satisfies PilotEvidenceInput;

/** The strong pilot without the workload harm: scale-up. */
export const strongPilot = {
  ...strongButWorkloadWorse,
  id: 'feedback-protocol-clean',
  balancingMeasures: faithfulRct.balancingMeasures,
} as const satisfies PilotEvidenceInput;
