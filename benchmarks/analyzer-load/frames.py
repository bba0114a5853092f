"""Where the time under Seedance's frames goes, from a speedscope file of dotnet-trace's sampled thread time.

Between two events of a thread, the elapsed time belongs to the stack open at that moment. Time below the outermost
Seedance frame of a stack counts, inclusively for every frame from there down, and exclusively for the leaf.
"""
import collections
import json
import sys

data = json.load(open(sys.argv[1]))
frames = [f["name"] for f in data["shared"]["frames"]]
seedance = [("Seedance" in n and "Seedance.Journal" not in n) for n in frames]
inclusive = collections.Counter()
exclusive = collections.Counter()
under = 0.0
for profile in data["profiles"]:
    if profile.get("type") != "evented":
        continue
    stack = []
    last = profile["startValue"]
    for event in profile["events"]:
        t = event["at"]
        dt = t - last
        last = t
        if dt > 0 and stack:
            first = next((k for k, f in enumerate(stack) if seedance[f]), None)
            if first is not None:
                under += dt
                for f in set(stack[first:]):
                    inclusive[frames[f]] += dt
                exclusive[frames[stack[-1]]] += dt
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            stack.pop()

print(f"thread time under a Seedance frame: {under:.0f} ms")
print("-- inclusive, top 45")
for n, w in inclusive.most_common(45):
    print(f"{w:9.1f}  {n[:170]}")
print("-- exclusive (leaf frames), top 25")
for n, w in exclusive.most_common(25):
    print(f"{w:9.1f}  {n[:170]}")
