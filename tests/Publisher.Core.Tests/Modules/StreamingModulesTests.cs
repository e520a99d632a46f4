using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;
using Publisher.Core.Pipelines;

namespace Publisher.Core.Tests.Modules;

public sealed class StreamingModulesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("publisher-streaming-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Output => Path.Combine(_root, "out");

    private static Pipeline Pages(int count, params IModule[] process)
    {
        var pipeline = new Pipeline("Pages");
        pipeline.Input.Add(new ExecuteAll((_, _) => [.. Enumerable.Range(0, count).Select(i => new Document { Destination = $"p/{i}/index.html", Content = $"page {i}" })]));
        foreach (var module in process)
        {
            pipeline.Process.Add(module);
        }

        return pipeline;
    }

    private Engine CreateEngine(OutputCache? cache = null, int parallelism = 4) => new(new EngineOptions
    {
        InputDirectory = _root,
        OutputDirectory = Output,
        MaxDegreeOfParallelism = parallelism,
        OutputCache = cache,
    });

    [Fact]
    public async Task Should_Write_Each_Document_Before_The_Chain_Ends_And_Keep_Input_Order()
    {
        // Given: a chain that records, for each document, how many files were on disk when it was upper-cased
        var onDiskWhenRendered = new System.Collections.Concurrent.ConcurrentBag<int>();
        var render = new ExecuteAll((docs, _) =>
        {
            onDiskWhenRendered.Add(Directory.Exists(Output) ? Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Length : 0);
            return [.. docs.Select(d => d.WithContent(d.Content.ToUpperInvariant()))];
        });
        var pipeline = Pages(40, new ForEachDocument(render, new WriteFiles()));

        // When
        var result = await CreateEngine(parallelism: 1).RunAsync([pipeline]);

        // Then: with one thread, page i is rendered when i pages are already written, and content is released
        Assert.True(result.Succeeded);
        Assert.Equal(Enumerable.Range(0, 40), onDiskWhenRendered.Order());
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"p/{i}/index.html"), result.Outputs["Pages"].Select(d => d.Destination));
        Assert.All(result.Outputs["Pages"], d => Assert.Equal(string.Empty, d.Content));
        Assert.Equal("PAGE 7", File.ReadAllText(Path.Combine(Output, "p/7/index.html")));
    }

    [Fact]
    public async Task Should_Not_Write_A_Streamed_Document_Twice()
    {
        // Given: pages written in the process phase and a second WriteFiles in the output phase
        var pipeline = Pages(3, new ForEachDocument(new WriteFiles()));
        pipeline.Output.Add(new WriteFiles());

        // When
        var result = await CreateEngine().RunAsync([pipeline]);

        // Then: the files keep their content (an empty rewrite would have blanked them) and count once
        Assert.Equal("page 2", File.ReadAllText(Path.Combine(Output, "p/2/index.html")));
        Assert.Equal(3, result.Statistics.FilesWritten);
    }

    [Fact]
    public async Task Should_Skip_A_Memoized_Module_Only_While_Its_Key_And_Files_Are_Unchanged()
    {
        // Given: a module that adds two files from one input key, counting its runs
        var runs = 0;
        var key = "v1";
        var fingerprint = "code-and-settings-1";
        IModule Index() => new MemoizeAll(
            new ExecuteAll((docs, _) =>
            {
                Interlocked.Increment(ref runs);
                return [.. docs, new Document { Destination = "index/a.json", Content = key + "a" }, new Document { Destination = "index/b.json", Content = key + "b" }];
            }),
            _ => key);
        var target = Path.Combine(_root, "site");

        async Task BuildAsync()
        {
            var cache = OutputCache.Open(Path.Combine(_root, "cache"), target, fingerprint);
            var staged = StagedOutput.Begin(target);
            var pipeline = new Pipeline("Search");
            pipeline.Process.Add(Index());
            pipeline.Output.Add(new WriteFiles());
            var result = await new Engine(new EngineOptions { InputDirectory = _root, OutputDirectory = staged.Staging, OutputCache = cache }).RunAsync([pipeline]);
            Assert.True(result.Succeeded);
            staged.CommitIncremental(cache);
        }

        // When / Then: second build with the same key does not run the module and keeps both files
        await BuildAsync();
        await BuildAsync();
        Assert.Equal(1, runs);
        Assert.Equal("v1b", File.ReadAllText(Path.Combine(target, "index/b.json")));

        // When / Then: a changed key runs it again
        key = "v2";
        await BuildAsync();
        Assert.Equal(2, runs);
        Assert.Equal("v2a", File.ReadAllText(Path.Combine(target, "index/a.json")));

        // When / Then: a missing output file runs it again although the key is unchanged
        File.Delete(Path.Combine(target, "index/a.json"));
        await BuildAsync();
        Assert.Equal(3, runs);
        Assert.Equal("v2a", File.ReadAllText(Path.Combine(target, "index/a.json")));

        // When / Then: new code, settings or theme (another build fingerprint) run it again although the key is unchanged
        fingerprint = "code-and-settings-2";
        await BuildAsync();
        Assert.Equal(4, runs);
    }
}
