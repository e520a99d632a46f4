using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Publisher.Content.Configuration;
using Publisher.Content.Text;
using Publisher.Core.Diagnostics;

namespace Publisher.Cli.Commands;

/// <summary><c>publisher new report|office|page</c>: scaffolds a file with valid front matter at the right path.</summary>
internal static partial class NewCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create()
    {
        var command = new Command("new", "Create a report, an office or a page with valid front matter, ready to edit.");
        command.Subcommands.Add(Report());
        command.Subcommands.Add(Office());
        command.Subcommands.Add(Page());
        return command;
    }

    private static Option<string> ConfigOption() =>
        new("--config") { Description = "The site settings file.", DefaultValueFactory = _ => "site.config.json" };

    private static Command Report()
    {
        var config = ConfigOption();
        var office = new Option<string>("--office") { Description = "The office id: the name of a file in content/offices/ without .yml.", Required = true };
        var year = new Option<int>("--year") { Description = "The year the report covers, e.g. 2024.", Required = true };
        var title = new Option<string?>("--title") { Description = "The Chinese title (default: <year>年度<office>法治政府建设情况报告)." };
        var slug = new Option<string>("--slug") { Description = "The file name without .md.", DefaultValueFactory = _ => "rule-of-law-report" };
        var command = new Command("report", "Create content/<office>/<year>/<slug>.md, an annual rule-of-law report.") { office, year, title, slug, config };
        command.SetAction(parse =>
        {
            var site = Site.Open(parse.GetValue(config)!, parse.InvocationConfiguration.Error);
            if (site is null)
            {
                return CliApp.ContentErrors;
            }

            var officeId = parse.GetValue(office)!;
            var reportYear = parse.GetValue(year);
            var error = parse.InvocationConfiguration.Error;
            if (reportYear is < 1949 or > 2100)
            {
                error.WriteLine($"publisher: --year {reportYear} is not a plausible year; give the year the report covers, e.g. --year {DateTime.Now.Year - 1}.");
                return CliApp.UsageError;
            }

            var offices = site.OfficeIds();
            if (!offices.Contains(officeId, StringComparer.Ordinal))
            {
                var suggestion = Suggestions.DidYouMean(officeId, offices);
                error.WriteLine($"publisher: unknown office '{officeId}'. {suggestion}".TrimEnd());
                error.WriteLine(offices.Count == 0
                    ? $"There are no offices yet; create one with: publisher new office {officeId}"
                    : $"Known offices: {string.Join(", ", offices)}. To add one: publisher new office {officeId}");
                return CliApp.ContentErrors;
            }

            var fileSlug = parse.GetValue(slug)!;
            if (!SlugPattern().IsMatch(fileSlug))
            {
                error.WriteLine($"publisher: '{fileSlug}' cannot be used in a web address; use lower-case letters a-z, digits and '-'.");
                return CliApp.UsageError;
            }

            var shortName = site.OfficeShortName(officeId);
            var reportTitle = parse.GetValue(title) ?? $"{reportYear}年度{shortName}法治政府建设情况报告";
            var today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var text = $"""
                ---
                title: {Quote(reportTitle)}
                title_en: {Quote($"{reportYear} Report on Building a Law-Based Government")}
                kind: annual-report
                topic: rule-of-law
                office: {officeId}
                year: {reportYear}
                issued: {today}
                summary: {Quote($"{reportYear}年度法治政府建设工作情况。")}
                ---

                {reportYear}年，我单位在区委、区政府的领导下，深入推进法治政府建设。现将有关情况报告如下。

                ## 一、{reportYear}年度推进法治政府建设的主要举措和成效

                ### （一）

                ## 二、存在的不足和原因

                ## 三、主要负责人履行推进法治建设第一责任人职责情况

                ## 四、{reportYear + 1}年度推进法治政府建设的主要安排

                """;
            return site.Create(Path.Combine(site.ContentDirectory, officeId, reportYear.ToString(System.Globalization.CultureInfo.InvariantCulture), fileSlug + ".md"), text, parse.InvocationConfiguration.Output, error);
        });
        return command;
    }

    private static Command Office()
    {
        var config = ConfigOption();
        var id = new Argument<string>("id") { Description = "The office id used in addresses, e.g. ganquan-road." };
        var name = new Option<string?>("--name") { Description = "The Chinese name, e.g. 甘泉路街道办事处." };
        var nameEn = new Option<string?>("--name-en") { Description = "The English name, e.g. Ganquan Road Subdistrict Office." };
        var district = new Option<string?>("--district") { Description = "The Chinese district name, e.g. 普陀区." };
        var kind = new Option<string>("--kind") { Description = "subdistrict, town, district or department.", DefaultValueFactory = _ => "subdistrict" };
        kind.AcceptOnlyFromAmong("subdistrict", "town", "district", "department");
        var command = new Command("office", "Create content/offices/<id>.yml, an office that reports can name.") { id, name, nameEn, district, kind, config };
        command.SetAction(parse =>
        {
            var site = Site.Open(parse.GetValue(config)!, parse.InvocationConfiguration.Error);
            if (site is null)
            {
                return CliApp.ContentErrors;
            }

            var officeId = parse.GetValue(id)!;
            if (!SlugPattern().IsMatch(officeId))
            {
                parse.InvocationConfiguration.Error.WriteLine($"publisher: '{officeId}' cannot be used in a web address; use lower-case letters a-z, digits and '-', e.g. ganquan-road.");
                return CliApp.UsageError;
            }

            var zhName = parse.GetValue(name) ?? "请填写机构全称（例如：甘泉路街道办事处）";
            var text = $"""
                id: {officeId}
                name: {"{"} zh-CN: {Quote(zhName)}, en: {Quote(parse.GetValue(nameEn) ?? "Write the English name")} {"}"}
                short_name: {"{"} zh-CN: {Quote(parse.GetValue(name) ?? "请填写简称")}, en: {Quote(parse.GetValue(nameEn) ?? "Write the short English name")} {"}"}
                district: {"{"} zh-CN: {Quote(parse.GetValue(district) ?? "请填写所属区")}, en: {Quote("Write the district in English")} {"}"}
                kind: {parse.GetValue(kind)}
                # parent: putuo
                # website: https://

                """;
            return site.Create(Path.Combine(site.ContentDirectory, "offices", officeId + ".yml"), text, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private static Command Page()
    {
        var config = ConfigOption();
        var slug = new Argument<string>("slug") { Description = "The page's address, e.g. disclosure-guide for /disclosure-guide/." };
        var title = new Option<string?>("--title") { Description = "The Chinese title." };
        var english = new Option<bool>("--en") { Description = "Also create the English page <slug>.en.md." };
        var command = new Command("page", "Create content/pages/<slug>.md, a standalone page such as a guide.") { slug, title, english, config };
        command.SetAction(parse =>
        {
            var site = Site.Open(parse.GetValue(config)!, parse.InvocationConfiguration.Error);
            if (site is null)
            {
                return CliApp.ContentErrors;
            }

            var pageSlug = parse.GetValue(slug)!;
            if (!SlugPattern().IsMatch(pageSlug))
            {
                parse.InvocationConfiguration.Error.WriteLine($"publisher: '{pageSlug}' cannot be used in a web address; use lower-case letters a-z, digits and '-', e.g. disclosure-guide.");
                return CliApp.UsageError;
            }

            var pageTitle = parse.GetValue(title) ?? "请填写标题";
            var text = $"""
                ---
                title: {Quote(pageTitle)}
                kind: page
                ---

                在这里写正文。

                """;
            var folder = Path.Combine(site.ContentDirectory, "pages");
            var result = site.Create(Path.Combine(folder, pageSlug + ".md"), text, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (result == CliApp.Ok && parse.GetValue(english))
            {
                result = site.Create(Path.Combine(folder, pageSlug + ".en.md"), "---\ntitle: Write the English title\n---\n\nWrite the English text here.\n", parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            }

            return result;
        });
        return command;
    }

    // A double-quoted YAML scalar: safe for any title, including ones with ':' or '#'.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private sealed partial class Site
    {
        private Site(string root, SiteOptions options)
        {
            Root = root;
            ContentDirectory = Path.Combine(root, options.ContentDirectory);
        }

        public string Root { get; }

        public string ContentDirectory { get; }

        public static Site? Open(string configPath, TextWriter error)
        {
            try
            {
                var options = SiteOptionsLoader.Load(configPath);
                return new Site(Path.GetDirectoryName(Path.GetFullPath(configPath))!, options);
            }
            catch (ContentException ex)
            {
                error.WriteLine(ex.Diagnostic.ToString());
                error.WriteLine("Run the command in the site's folder (the one with site.config.json), or pass --config.");
                return null;
            }
        }

        public IReadOnlyList<string> OfficeIds()
        {
            var folder = Path.Combine(ContentDirectory, "offices");
            return Directory.Exists(folder)
                ? [.. Directory.EnumerateFiles(folder, "*.yml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
                : [];
        }

        public string OfficeShortName(string id)
        {
            // The office file was validated by the build; a plain line scan is enough for a default title.
            foreach (var line in File.ReadLines(Path.Combine(ContentDirectory, "offices", id + ".yml")))
            {
                var match = ShortNamePattern().Match(line);
                if (match.Success)
                {
                    return match.Groups[1].Value.Trim('"', '\'', ' ');
                }
            }

            return id;
        }

        public int Create(string path, string text, TextWriter output, TextWriter error)
        {
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
            if (File.Exists(path))
            {
                error.WriteLine($"publisher: {shown} already exists; it was not changed. Choose another name, or edit the file.");
                return CliApp.ContentErrors;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                var bytes = Utf8.GetBytes(text.ReplaceLineEndings("\n"));
                stream.Write(bytes);
            }

            output.WriteLine($"Created {shown}");
            return CliApp.Ok;
        }

        [GeneratedRegex(@"^short_name:\s*\{\s*zh-CN:\s*([^,}]+)")]
        private static partial Regex ShortNamePattern();
    }
}
