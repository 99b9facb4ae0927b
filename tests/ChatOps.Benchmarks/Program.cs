Console.WriteLine("Benchmarks: see README.md.");
