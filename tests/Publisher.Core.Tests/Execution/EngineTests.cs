using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Core.Pipelines;

namespace Publisher.Core.Tests.Execution;

public sealed class EngineTests
{
    private static Engine CreateEngine(int parallelism = 4) =>
        new(new EngineOptions { InputDirectory = Path.GetTempPath(), OutputDirectory = Path.GetTempPath(), MaxDegreeOfParallelism = parallelism });

    private static Pipeline Source(string name, params string[] contents)
    {
        var pipeline = new Pipeline(name);
        pipeline.Input.Add(new ExecuteAll((_, _) => [.. contents.Select(c => new Document { Source = c, Content = c })]));
        return pipeline;
    }

    [Fact]
    public async Task Should_Run_Phases_In_Order_And_Keep_Document_Order()
    {
        // Given
        var pipeline = Source("Letters", "a", "b", "c");
        pipeline.Process.Add(new Upper());
        pipeline.PostProcess.Add(new ExecuteAll((docs, _) => [.. docs.Select(d => d.WithContent(d.Content + "!"))]));

        // When
        var result = await CreateEngine().RunAsync([pipeline]);

        // Then
        Assert.True(result.Succeeded);
        Assert.Equal(["A!", "B!", "C!"], result.Outputs["Letters"].Select(d => d.Content));
    }

    [Fact]
    public async Task Should_Let_A_Pipeline_Read_Its_Dependency_In_Process_Phase()
    {
        // Given
        var words = Source("Words", "x", "y");
        var count = new Pipeline("Count");
        count.DependencyNames.Add("Words");
        count.Process.Add(new ExecuteAll((_, context) => [new Document { Content = context.GetOutputs("Words").Count.ToString() }]));

        // When
        var result = await CreateEngine().RunAsync([count, words]);

        // Then
        Assert.Equal("2", Assert.Single(result.Outputs["Count"]).Content);
    }

    [Fact]
    public async Task Should_Report_Reading_A_Pipeline_That_Is_Not_A_Dependency()
    {
        // Given
        var words = Source("Words", "x");
        var reader = new Pipeline("Reader");
        reader.Process.Add(new ExecuteAll((_, context) => context.GetOutputs("Words")));

        // When
        var result = await CreateEngine().RunAsync([reader, words]);

        // Then
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("add the dependency"));
    }

    [Fact]
    public async Task Should_Refuse_A_Dependency_Cycle_With_Its_Path()
    {
        // Given
        var a = new Pipeline("A");
        a.DependencyNames.Add("B");
        var b = new Pipeline("B");
        b.DependencyNames.Add("A");

        // When
        var error = await Assert.ThrowsAsync<PipelineCycleException>(() => CreateEngine().RunAsync([a, b]));

        // Then
        Assert.Contains("A -> B -> A", error.Message);
    }

    [Fact]
    public async Task Should_Refuse_A_Missing_Dependency()
    {
        // Given
        var a = new Pipeline("A");
        a.DependencyNames.Add("Nope");

        // When
        var error = await Assert.ThrowsAsync<PipelineCycleException>(() => CreateEngine().RunAsync([a]));

        // Then
        Assert.Contains("'Nope'", error.Message);
    }

    [Fact]
    public async Task Should_Drop_Only_The_Bad_Document_And_Report_Its_Location()
    {
        // Given
        var pipeline = Source("Docs", "good-1", "bad", "good-2");
        pipeline.Process.Add(new FailOn("bad"));

        // When
        var result = await CreateEngine().RunAsync([pipeline]);

        // Then
        Assert.Equal(["good-1", "good-2"], result.Outputs["Docs"].Select(d => d.Content));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("bad:3:7: error TEST1: broken", diagnostic.ToString());
    }

    [Fact]
    public async Task Should_Name_The_File_When_A_Module_Fails_Unexpectedly()
    {
        // Given
        var pipeline = Source("Docs", "content/x.md");
        pipeline.Process.Add(new Crash());

        // When
        var result = await CreateEngine().RunAsync([pipeline]);

        // Then
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Location.File == "content/x.md" && d.Message.Contains("boom"));
    }

    [Fact]
    public async Task Should_Point_To_The_Disk_Not_To_A_Bug_When_A_File_Cannot_Be_Written()
    {
        // Given
        var pipeline = Source("Docs", "content/x.md", "content/y.md");
        pipeline.Process.Add(new DiskFull());
        var crashing = Source("Other", "content/z.md");
        crashing.Process.Add(new Crash());

        // When
        var result = await CreateEngine().RunAsync([pipeline, crashing]);

        // Then
        var full = Assert.Single(result.Diagnostics, d => d.Location.File == "content/x.md");
        Assert.Contains("No space left on device", full.Message, StringComparison.Ordinal);
        Assert.Contains("free space and free inodes", full.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("bug", full.Hint, StringComparison.Ordinal);
        var bug = Assert.Single(result.Diagnostics, d => d.Location.File == "content/z.md");
        Assert.Contains("This is a bug", bug.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Process_Documents_In_Parallel_Within_The_Bound()
    {
        // Given
        var probe = new ConcurrencyProbe();
        var pipeline = Source("Docs", [.. Enumerable.Range(0, 24).Select(i => i.ToString())]);
        pipeline.Process.Add(probe);

        // When
        await CreateEngine(parallelism: 3).RunAsync([pipeline]);

        // Then
        Assert.InRange(probe.Maximum, 2, 3);
    }

    [Fact]
    public async Task Should_Process_Synchronous_Documents_In_Parallel_Within_The_Bound_And_Keep_Their_Order()
    {
        // Given
        var probe = new SyncConcurrencyProbe();
        var contents = Enumerable.Range(0, 24).Select(i => i.ToString()).ToArray();
        var pipeline = Source("Docs", contents);
        pipeline.Process.Add(probe);

        // When
        var result = await CreateEngine(parallelism: 3).RunAsync([pipeline]);

        // Then
        Assert.InRange(probe.Maximum, 2, 3);
        Assert.Equal(contents, result.Outputs["Docs"].Select(d => d.Content));
    }

    [Fact]
    public async Task Should_Run_Independent_Pipelines_Concurrently()
    {
        // Given: two pipelines that each wait for the other to start
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var a = new Pipeline("A");
        a.Process.Add(new Rendezvous(first, second));
        var b = new Pipeline("B");
        b.Process.Add(new Rendezvous(second, first));

        // When
        var run = CreateEngine().RunAsync([a, b]);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));

        // Then
        Assert.Same(run, finished);
        Assert.True((await run).Succeeded);
    }

    [Fact]
    public async Task Should_Time_Each_Module_Span_So_A_Dependent_Starts_After_Its_Dependency_Finished()
    {
        // Given: a slow source and a pipeline that reads it
        var words = new Pipeline("Words");
        words.Input.Add(new ExecuteAll((_, _) =>
        {
            Thread.Sleep(50);
            return [new Document { Content = "x" }];
        }));
        var count = new Pipeline("Count");
        count.DependencyNames.Add("Words");
        count.Process.Add(new ExecuteAll((_, context) => [new Document { Content = context.GetOutputs("Words").Count.ToString() }]));

        // When
        var result = await CreateEngine().RunAsync([count, words]);

        // Then: the timeline shows the wait, which summed module times cannot
        var spans = result.Statistics.ModuleSpans;
        var source = spans["Words/Input/ExecuteAll"];
        var reader = spans["Count/Process/ExecuteAll"];
        Assert.True(source.Finished - source.Started >= TimeSpan.FromMilliseconds(45), $"source span {source}");
        Assert.True(reader.Started >= source.Finished, $"reader {reader} began before source {source} ended");
        Assert.True(result.Statistics.ModuleTimes["Words/Input/ExecuteAll"] >= TimeSpan.FromMilliseconds(45));
    }

    private sealed class Upper : SyncModule
    {
        protected override Document? Execute(Document input, IExecutionContext context) => input.WithContent(input.Content.ToUpperInvariant());
    }

    private sealed class FailOn(string content) : SyncModule
    {
        protected override Document? Execute(Document input, IExecutionContext context) =>
            input.Content == content ? throw new ContentException("TEST1", new SourceSpan(input.Source, 3, 7), "broken") : input;
    }

    private sealed class Crash : SyncModule
    {
        protected override Document? Execute(Document input, IExecutionContext context) => throw new InvalidOperationException("boom");
    }

    private sealed class DiskFull : SyncModule
    {
        protected override Document? Execute(Document input, IExecutionContext context) => throw new IOException("No space left on device : '/site/_site/x'");
    }

    private sealed class ConcurrencyProbe : Module
    {
        private int _current;
        private int _maximum;

        public int Maximum => _maximum;

        protected override async Task<IEnumerable<Document>> ExecuteDocumentAsync(Document input, IExecutionContext context)
        {
            var now = Interlocked.Increment(ref _current);
            InterlockedMax(ref _maximum, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref _current);
            return [input];
        }

        internal static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private sealed class SyncConcurrencyProbe : SyncModule
    {
        private int _current;
        private int _maximum;

        public int Maximum => _maximum;

        protected override Document? Execute(Document input, IExecutionContext context)
        {
            var now = Interlocked.Increment(ref _current);
            ConcurrencyProbe.InterlockedMax(ref _maximum, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref _current);
            return input;
        }
    }

    private sealed class Rendezvous(TaskCompletionSource mine, TaskCompletionSource other) : IModule
    {
        public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
        {
            mine.TrySetResult();
            await other.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a guard against waiting for ever, not a speed target
            return inputs;
        }
    }
}
