"""pandas groupby for bench/reach_engines.ts: the same count rows DuckDB's GROUP BY makes
(district, school, mask, eligible, min(engagements, 10)) with COUNT and SUM, from the raw
little-endian columns the bench wrote. Prints the median of 3 timings in ms (after a warm-up)."""

import sys
import time

import numpy as np
import pandas as pd

d = sys.argv[1]
school = np.fromfile(f"{d}/school.u32", dtype="<u4")
mask = np.fromfile(f"{d}/mask.u8", dtype="u1")
e = np.fromfile(f"{d}/e.u16", dtype="<u2")
eligible = np.fromfile(f"{d}/eligible.u8", dtype="u1")


def run():
    df = pd.DataFrame(
        {
            "district": school // 9,
            "school": school,
            "mask": mask,
            "eligible": eligible,
            "bin": np.minimum(e, 10),
            "e": e.astype("i8"),
        }
    )
    counts = df.groupby(["district", "school", "mask", "eligible", "bin"], sort=False)["e"].agg(["size", "sum"])
    return len(counts)


run()
times = []
for _ in range(3):
    t = time.perf_counter()
    run()
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(times[1])
