using System.Diagnostics;
using Publisher.Testing;

namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HtmlValidityTests(SiteServerFixture site)
{
    [SkippableFact]
    public async Task Should_ReportNoErrors_When_NuCheckerValidatesEveryPageOfTheSite()
    {
        // Given
        var jar = FindVnuJar();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", site.Output })
        {
            start.ArgumentList.Add(argument);
        }

        // When
        using var process = StartJava(start);
        var errors = process.StandardError.ReadToEndAsync();
        var standard = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var report = (await errors + standard).Trim();

        // Then
        Assert.True(process.ExitCode == 0 && report.Length == 0, "PUB0640: the Nu HTML checker found errors:" + Environment.NewLine + report);
        Assert.True(site.AllPagePaths().Count >= 30);
    }

    private static Process StartJava(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            SiteServerFixture.RequireTool("PUB0641: java not found; install it with: sudo apt-get install -y default-jre-headless (" + e.Message + ")");
            throw;
        }
    }

    /// <summary>VNU_JAR, else vnu-jar installed by npm under .tools/vnu (as .ci/run does) or the repository root.</summary>
    private static string FindVnuJar()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("VNU_JAR") ?? "",
            Path.Combine(RepositoryRoot.Path, ".tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
            Path.Combine(RepositoryRoot.Path, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
        };
        var jar = candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(c));
        SiteServerFixture.RequireTool(jar is null
            ? "PUB0642: the W3C Nu checker (vnu.jar) was not found. Install it with: npm install --prefix .tools/vnu vnu-jar (or set VNU_JAR to the jar's path)."
            : null);
        return jar!;
    }
}
