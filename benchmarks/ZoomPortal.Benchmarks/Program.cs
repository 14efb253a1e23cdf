using BenchmarkDotNet.Running;
using ZoomPortal.Benchmarks;

if (args is ["joinlog", ..])
{
    await JoinLogBenchmark.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SigningBenchmarks).Assembly).Run(args);
