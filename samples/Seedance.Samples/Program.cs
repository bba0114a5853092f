using System;
using Seedance;
using Seedance.Samples;

// Validates the guide's ten templates with the same rules the analyzers apply at compile time, and
// prints each request as the API will receive it.
var failures = 0;
foreach (var (name, request) in GuideTemplates.All)
{
    var problems = VideoClient.Models.Check(request);
    var model = VideoClient.Models.Find(request.Model)!;
    var cost = model.EstimateCost(request.Duration ?? model.DefaultDuration, request.Quality?.Value ?? model.DefaultQuality);
    Console.WriteLine($"{name,-32} {request.Model,-34} {request.Duration,3} s {request.Quality,-5} ~${cost:0.00}  {(problems.Count == 0 ? "ok" : string.Join("; ", problems))}");
    failures += problems.Count;
}
return failures == 0 ? 0 : 1;
