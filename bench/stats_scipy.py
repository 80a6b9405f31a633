"""Times scipy's correlations on the pairs written by bench/stats.bench.ts.

Usage: python3 bench/stats_scipy.py <xfile> <yfile> [kendall]

Both files hold little-endian float64 values. For each of kendalltau (tau-b), pearsonr and
spearmanr: one warm-up call, then the median wall time (time.perf_counter) of 5 calls, and the
estimate. Prints one JSON object; if numpy or scipy cannot be imported, prints {"skipped": reason}.
"""

import json
import platform
import statistics
import sys
import time

try:
    import numpy as np
    import scipy
    from scipy import stats
except ImportError as error:  # the bench prints the reason and carries on
    print(json.dumps({"skipped": f"{type(error).__name__}: {error}"}))
    sys.exit(0)

RUNS = 5


def timed(function):
    result = function()  # warm-up (also the value reported)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return {"ms": statistics.median(times) * 1e3, "estimate": float(result.statistic)}


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: stats_scipy.py <xfile> <yfile> [kendall]")
    kendall_only = len(sys.argv) == 4 and sys.argv[3] == "kendall"
    x = np.fromfile(sys.argv[1], dtype="<f8")
    y = np.fromfile(sys.argv[2], dtype="<f8")
    report = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "n": int(x.size),
        "kendall": timed(lambda: stats.kendalltau(x, y)),
    }
    if not kendall_only:
        report["pearson"] = timed(lambda: stats.pearsonr(x, y))
        report["spearman"] = timed(lambda: stats.spearmanr(x, y))
    print(json.dumps(report))


main()
