"""pandas groupby for bench/reach.bench.ts: reads the columns the bench wrote (raw little-endian
arrays) and prints the median of 5 timings in ms of the same rollup by school and by district."""

import sys
import time

import numpy as np
import pandas as pd

d = sys.argv[1]
school = np.fromfile(f"{d}/school.u16", dtype="<u2")
mask = np.fromfile(f"{d}/mask.u8", dtype="u1")
e = np.fromfile(f"{d}/e.u8", dtype="u1")


def run():
    df = pd.DataFrame({"school": school, "district": school // 9, "mask": mask})
    r = (e >= 2).astype("u1")
    df["r"] = r
    for bit, name in ((1, "1"), (2, "2"), (4, "3")):
        f = ((mask & bit) != 0).astype("u1")
        df["n" + name] = f
        df["r" + name] = f * r
    u = (mask != 0).astype("u1")
    df["nu"] = u
    df["ru"] = u * r
    cols = ["r", "n1", "r1", "n2", "r2", "n3", "r3", "nu", "ru"]
    by_school = df.groupby(["district", "school"])[cols].sum()
    by_school["n"] = df.groupby(["district", "school"]).size()
    by_district = df.groupby("district")[cols].sum()
    return len(by_school), len(by_district)


times = []
for _ in range(6):
    t = time.perf_counter()
    run()
    times.append((time.perf_counter() - t) * 1000)
times = sorted(times[1:])
print(times[len(times) // 2])
