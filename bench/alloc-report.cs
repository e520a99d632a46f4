#:property ManagePackageVersionsCentrally=false
#:package Microsoft.Diagnostics.Tracing.TraceEvent@3.1.21
// Where a build allocates (issue #6): reads a trace of allocation ticks and prints the bytes by type, by the
// innermost Publisher frame, by every Publisher frame on the stack (inclusive), and what went to the large-object
// heap (each such allocation counts towards a gen2 collection). Optionally, the types and innermost non-System
// frames under one frame. Run:
//   dotnet tool install -g dotnet-trace
//   dotnet-trace collect --providers Microsoft-Windows-DotNETRuntime:0x1:5 -o build.nettrace -- <publisher> build ...
//   dotnet run bench/alloc-report.cs -- build.nettrace [frame substring, e.g. "PageRenderer+<RenderAsync>"]
// The ticks are samples (about one per 100 KB allocated), so the figures are estimates of the totals.
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

var under = args.Length > 1 ? args[1] : null;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, long>();
var byLeaf = new Dictionary<string, long>();
var byFrame = new Dictionary<string, long>();
var large = new Dictionary<string, long>();
var underType = new Dictionary<string, long>();
var underFrame = new Dictionary<string, long>();
long total = 0;
foreach (var traceEvent in log.Events)
{
    if (traceEvent is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    var amount = tick.AllocationAmount64;
    var type = tick.TypeName ?? "?";
    total += amount;
    Add(byType, type, amount);
    var frames = new List<string>();
    for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
    {
        if (frame.CodeAddress.FullMethodName is { Length: > 0 } name)
        {
            frames.Add(name);
        }
    }

    var leaf = frames.FirstOrDefault(f => f.Contains("Publisher.", StringComparison.Ordinal)) ?? "(no Publisher frame)";
    Add(byLeaf, leaf, amount);
    foreach (var name in frames.Where(f => f.Contains("Publisher.", StringComparison.Ordinal)).Distinct())
    {
        Add(byFrame, name, amount);
    }

    if (tick.AllocationKind == GCAllocationKind.Large)
    {
        Add(large, type + " at " + leaf, amount);
    }

    if (under is not null && frames.Any(f => f.Contains(under, StringComparison.Ordinal)))
    {
        Add(underType, type, amount);
        Add(underFrame, frames.FirstOrDefault(f => !f.StartsWith("System.", StringComparison.Ordinal)) ?? "?", amount);
    }
}

Console.WriteLine($"allocated (sampled): {total / 1e6:F0} MB");
Print("by type", byType, 20);
Print("by innermost Publisher frame", byLeaf, 40);
Print("by Publisher frame, inclusive", byFrame, 40);
Print("large-object heap", large, 20);
if (under is not null)
{
    Print("types under " + under, underType, 20);
    Print("innermost non-System frame under " + under, underFrame, 20);
}

static void Add(Dictionary<string, long> totals, string key, long amount) => totals[key] = totals.GetValueOrDefault(key) + amount;

static void Print(string title, Dictionary<string, long> totals, int count)
{
    Console.WriteLine("== " + title);
    foreach (var (key, bytes) in totals.OrderByDescending(t => t.Value).Take(count))
    {
        Console.WriteLine($"{bytes / 1e6,8:F1} MB  {(key.Length > 200 ? key[..200] : key)}");
    }
}
