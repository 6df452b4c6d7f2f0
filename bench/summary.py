"""Min / median / max per scenario and figure over the runs of a bench/run.sh results file."""
import re
import statistics
import sys
from collections import defaultdict

figures = defaultdict(lambda: defaultdict(list))
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("RESULT "):
        continue
    fields = dict(re.findall(r"(\w+)=([-\w.]+)", line))
    scenario = fields.pop("scenario")
    fields.pop("run", None)
    for name, value in fields.items():
        try:
            figures[scenario][name].append(float(value))
        except ValueError:
            pass

print(f"{'scenario':<12} {'figure':<16} {'min':>10} {'median':>10} {'max':>10}  runs")
for scenario, values in figures.items():
    for name, numbers in values.items():
        print(f"{scenario:<12} {name:<16} {min(numbers):>10.1f} {statistics.median(numbers):>10.1f} {max(numbers):>10.1f}  {len(numbers)}")
