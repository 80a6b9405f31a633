/** A reach target naming a focal group on a ticket that declares none; describeValue's long strings; yielding without a timer. */
import { describe, expect, it } from 'vitest';
import { riverbendTripTicket } from '../../examples/sampleDistrict.js';
import { describeValue } from '../../src/_lib/validate.js';
import { yieldToHost } from '../../src/_lib/yieldControl.js';
import { safeParseTripTicket } from '../../src/framework/index.js';

describe('TripTicket: focal groups of a reach target', () => {
  it('a target naming a focal group on a ticket without any is refused, the message saying (none)', () => {
    const target = riverbendTripTicket.destination.reach?.[0];
    const result = safeParseTripTicket({
      ...riverbendTripTicket,
      focalGroups: [],
      destination: { ...riverbendTripTicket.destination, reach: [{ ...target, focalGroups: ['el'] }] },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.path).toEqual(['destination', 'reach', 0, 'focalGroups', 0]);
    expect(result.error.message).toContain("the ticket's focal groups are: (none)");
  });
});

describe('describeValue', () => {
  it('quotes a short string and names a long one without quoting it', () => {
    expect(describeValue('x'.repeat(40))).toBe(JSON.stringify('x'.repeat(40)));
    expect(describeValue('x'.repeat(41))).toBe('a long string');
  });
});

describe('yieldToHost', () => {
  it('resolves on a microtask where the host has no setTimeout', async () => {
    const host = globalThis as { setTimeout?: unknown };
    const saved = host.setTimeout;
    let pending: Promise<void>;
    host.setTimeout = undefined;
    try {
      pending = yieldToHost();
    } finally {
      host.setTimeout = saved;
    }
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(true);
  });
});
