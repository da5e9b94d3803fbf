"""The main thread's CPU samples that pass through the extension, per start (profile-start.sh's collapsed stacks).

A stack counts when one of its frames is the extension's: its classes (io/quarkiverse/claude, not the bench apps'
io/quarkiverse/claude/bench), the classes generated for it (config implementations, beans) and its recorded build
steps. Framework work done for it without one of its frames on the stack (ArC loading its bean classes, SmallRye
Config loading its mapping classes) is not counted: a lower bound.

Usage: python3 extension_share.py <interval ms> '<glob of .collapsed>' ...
"""
import glob
import statistics
import sys

PATTERNS = ['quarkiverse/claude', 'ClaudeBeansProcessor', 'isMapped$quarkus$claude']


def one_start(path, interval_ms):
    total = ext = 0
    for line in open(path):
        if not line.startswith('[main'):
            continue
        stack, n = line.rstrip('\n').rsplit(' ', 1)
        n = int(n)
        total += n
        own = stack.replace('quarkiverse/claude/bench', '')
        if any(p in own for p in PATTERNS):
            ext += n
    return total * interval_ms, ext * interval_ms


interval = float(sys.argv[1])
for pattern in sys.argv[2:]:
    runs = [one_start(f, interval) for f in sorted(glob.glob(pattern))]
    shares = [e / t * 100 for t, e in runs]
    print("%-26s starts %2d  main thread %6.0f ms (profiled)  extension %5.1f ms  share %.2f %% (sd %.2f)" % (
        pattern, len(runs), statistics.median([t for t, _ in runs]), statistics.median([e for _, e in runs]),
        statistics.mean(shares), statistics.stdev(shares) if len(shares) > 1 else 0))
