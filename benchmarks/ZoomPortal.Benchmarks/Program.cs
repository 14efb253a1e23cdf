using BenchmarkDotNet.Running;
using ZoomPortal.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(SigningBenchmarks).Assembly).Run(args);
