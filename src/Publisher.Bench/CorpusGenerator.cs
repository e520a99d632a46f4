using System.Globalization;
using System.Text;

namespace Publisher.Bench;

/// <summary>
/// Generates a realistic, deterministic benchmark corpus in Publisher's content model: 200 offices, years
/// 2015–2025, 30% full reports of about 12 KB and 70% disclosure items of about 1.5 KB, with Chinese text drawn
/// from the seed reports. Document <c>i</c> depends only on (seed, i), so a smaller corpus is a prefix of a
/// larger one (the same shape as <c>shared/bench/gen_corpus.py</c>, which writes Hugo's content model).
/// </summary>
public sealed class CorpusGenerator
{
    private const int OfficeCount = 200;
    private const string Numerals = "一二三四五六七八九十";

    private static readonly string[] Districts = ["黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区"];
    private static readonly string[] DistrictsEn = ["Huangpu", "Xuhui", "Changning", "Jing'an", "Putuo", "Hongkou", "Yangpu", "Minhang", "Baoshan", "Jiading", "Pudong New Area", "Jinshan", "Songjiang", "Qingpu", "Fengxian", "Chongming"];
    private static readonly string NameA = "甘石曹张月长宜真桃万新江宁武康枫林虹梅田华泗泾叶榭朱吕巷廊亭漕山阳";
    private static readonly string NameB = "泉杨庙浦风川定安林梅溪桥湾园港宁华兴和阳";
    private static readonly (string Zh, string En, string Kind)[] Suffixes = [("路街道办事处", "Road Subdistrict Office", "subdistrict"), ("镇人民政府", "Town Government", "town"), ("新村街道办事处", "Xincun Subdistrict Office", "subdistrict"), ("街道办事处", "Subdistrict Office", "subdistrict")];
    private static readonly string[] DisclosureTopics = ["政府信息公开工作年度报告", "行政执法数据公示", "重大行政决策事项目录公开", "行政复议和行政诉讼情况公开", "法治宣传教育工作情况公示", "政务服务事项办理情况公开", "财政预算执行情况公开", "行政许可事项清单公示", "“双随机、一公开”抽查结果公示", "公共法律服务工作情况公开"];
    private static readonly string[] DisclosureHeads = ["基本情况", "公开内容", "主要数据", "工作情况", "存在问题及改进措施", "监督保障"];
    private static readonly string[] ReportHeads = ["基本情况", "主要做法", "主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况", "存在不足与原因", "下一步工作计划"];

    private readonly IReadOnlyList<string> _paragraphs;
    private readonly int _seed;

    /// <summary>Creates a generator over the seed reports (<c>*.txt</c>) in <paramref name="seedsDirectory"/>.</summary>
    /// <exception cref="InvalidOperationException">The folder holds no usable seed text.</exception>
    public CorpusGenerator(string seedsDirectory, int seed = 42)
    {
        _seed = seed;
        _paragraphs = LoadParagraphs(seedsDirectory);
        if (_paragraphs.Count == 0)
        {
            throw new InvalidOperationException($"No seed text (*.txt with Chinese paragraphs) found in '{seedsDirectory}'.");
        }
    }

    /// <summary>
    /// Writes <c>content/offices/*.yml</c> and <paramref name="documents"/> documents under <c>content/</c> of
    /// <paramref name="siteDirectory"/>, and returns what was written.
    /// </summary>
    public CorpusSummary Generate(string siteDirectory, int documents)
    {
        var content = Path.Combine(siteDirectory, "content");
        var offices = Path.Combine(content, "offices");
        Directory.CreateDirectory(offices);
        long bytes = 0;
        for (var i = 1; i <= OfficeCount; i++)
        {
            var office = Office(i);
            bytes += Write(Path.Combine(offices, office.Id + ".yml"), string.Create(
                CultureInfo.InvariantCulture,
                $"id: {office.Id}\nname: {{ zh-CN: {office.Name}, en: {office.NameEn} }}\nshort_name: {{ zh-CN: {office.Short}, en: {office.NameEn} }}\ndistrict: {{ zh-CN: {office.District}, en: {office.DistrictEn} District }}\nkind: {office.Kind}\n"));
        }

        var reports = 0;
        for (var i = 0; i < documents; i++)
        {
            var (relative, text, isReport) = Document(i);
            reports += isReport ? 1 : 0;
            bytes += Write(Path.Combine(content, relative), text);
        }

        return new CorpusSummary(documents, reports, documents - reports, OfficeCount, bytes);
    }

    /// <summary>The path (relative to <c>content/</c>) and text of document <paramref name="index"/>.</summary>
    public (string RelativePath, string Text, bool IsReport) Document(int index)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + (index * 7919)));
        var office = Office(1 + random.Next(OfficeCount));
        var year = random.Next(2015, 2026);
        var isReport = random.NextDouble() < 0.30;
        var issued = new DateOnly(year, random.Next(1, 13), random.Next(1, 29));
        var title = isReport
            ? $"{year}年度{office.Name}法治政府建设情况报告"
            : $"{office.Name}{year}年{DisclosureTopics[random.Next(DisclosureTopics.Length)]}";
        var titleEn = isReport ? $"{year} Report on Building a Law-Based Government, {office.NameEn}" : $"{office.NameEn}: Disclosure {year}-{index:D6}";
        var body = isReport ? Body(random, ReportHeads, random.Next(8600, 13000), subheadings: true) : Body(random, DisclosureHeads, random.Next(900, 1800), subheadings: false);
        var slug = (isReport ? "report-" : "disclosure-") + index.ToString("D6", CultureInfo.InvariantCulture);
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            ---
            title: "{title}"
            title_en: "{titleEn}"
            kind: {(isReport ? "annual-report" : "disclosure")}
            topic: rule-of-law
            office: {office.Id}
            year: {year}
            issued: {issued:yyyy-MM-dd}
            doc_number: "{office.Name[0]}办〔{year}〕{random.Next(1, 121)}号"
            ---

            """) + body;
        return ($"{office.Id}/{year}/{slug}.md", text, isReport);
    }

    private string Body(Random random, string[] heads, int targetBytes, bool subheadings)
    {
        var builder = new StringBuilder();
        var sections = subheadings ? random.Next(3, 6) : 2;
        var perSection = targetBytes / sections;
        var position = random.Next(_paragraphs.Count);
        for (var s = 0; s < sections; s++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"## {Numerals[s]}、{heads[(s + random.Next(2)) % heads.Length]}\n\n");
            var used = 0;
            var sub = 0;
            while (used < perSection)
            {
                if (subheadings && (used == 0 || random.NextDouble() < 0.3))
                {
                    var heading = _paragraphs[random.Next(_paragraphs.Count)];
                    var cut = heading.IndexOfAny(['，', '。', '；']);
                    builder.Append(CultureInfo.InvariantCulture, $"### （{Numerals[sub++ % 10]}）{heading[..Math.Clamp(cut, 4, Math.Min(20, heading.Length))]}\n\n");
                }

                var paragraph = _paragraphs[position++ % _paragraphs.Count];
                var room = perSection - used + 60;
                if (Encoding.UTF8.GetByteCount(paragraph) > room)
                {
                    var end = paragraph.LastIndexOf('。', Math.Min(paragraph.Length - 1, room / 3));
                    paragraph = end > 10 ? paragraph[..(end + 1)] : paragraph[..Math.Min(paragraph.Length, Math.Max(10, room / 3))];
                }

                builder.Append(paragraph).Append("\n\n");
                used += Encoding.UTF8.GetByteCount(paragraph);
                position += random.Next(0, 5);
            }
        }

        return builder.ToString();
    }

    private static OfficeRecord Office(int number)
    {
        var random = new Random(number * 104729);
        var district = random.Next(Districts.Length);
        var suffix = Suffixes[random.Next(Suffixes.Length)];
        var shortName = $"{NameA[random.Next(NameA.Length)]}{NameB[random.Next(NameB.Length)]}";
        var id = $"office-{number:D3}";
        return new OfficeRecord(id, shortName + suffix.Zh, $"Office {number:D3} {suffix.En}", shortName + suffix.Zh.Replace("办事处", string.Empty, StringComparison.Ordinal).Replace("人民政府", string.Empty, StringComparison.Ordinal), Districts[district], DistrictsEn[district], suffix.Kind);
    }

    private static List<string> LoadParagraphs(string seedsDirectory)
    {
        var paragraphs = new List<string>();
        foreach (var file in Directory.EnumerateFiles(seedsDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var current = new StringBuilder();
            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.Trim().Replace("\u3000", string.Empty, StringComparison.Ordinal);
                if (line.Length == 0)
                {
                    continue;
                }

                current.Append(line);
                if (line.EndsWith('。'))
                {
                    var paragraph = current.ToString();
                    current.Clear();
                    if (paragraph.Length >= 30 && !paragraph.Contains("签发人", StringComparison.Ordinal) && !paragraph.StartsWith('#'))
                    {
                        paragraphs.Add(paragraph);
                    }
                }
            }
        }

        return paragraphs;
    }

    private static long Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        File.WriteAllBytes(path, bytes);
        return bytes.LongLength;
    }

    private sealed record OfficeRecord(string Id, string Name, string NameEn, string Short, string District, string DistrictEn, string Kind);
}
