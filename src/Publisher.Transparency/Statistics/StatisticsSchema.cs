namespace Publisher.Transparency.Statistics;

/// <summary>
/// A format of the statistics of a 政府信息公开工作年度报告. Two are known: the national format of
/// 国办公开办函〔2021〕30号 (reports on 2021 onwards) and the earlier one of 国办公开办函〔2019〕60号 (reports on
/// 2019 and 2020), whose table 二 has other columns and whose 三（六）其他处理 has no sub-rows.
/// </summary>
/// <param name="Key">The value of <c>format:</c>.</param>
/// <param name="Name">The format's name.</param>
/// <param name="Tables">Tables 二, 三 and 四.</param>
public sealed record StatisticsSchema(string Key, Label Name, IReadOnlyList<TableSchema> Tables)
{
    /// <summary>The key of table 三 (requests) in the YAML.</summary>
    public const string Requests = "requests";

    /// <summary>The key of table 四 (reconsideration and litigation) in the YAML.</summary>
    public const string Appeals = "appeals";

    /// <summary>The key of table 二 (proactive disclosure) in the YAML.</summary>
    public const string Proactive = "proactive";

    /// <summary>The total column of table 三.</summary>
    public const string TotalColumn = "total";

    private static readonly Label Content = new("信息内容", "Information");

    /// <summary>The format of 国办公开办函〔2021〕30号.</summary>
    public static readonly StatisticsSchema National2021 = new(
        "national-2021",
        new Label("国办公开办函〔2021〕30号格式（2021年度起）", "National format of 2021 (reports on 2021 onwards)"),
        [Proactive2021(), RequestsTable(otherHasSubRows: true), AppealsTable()]);

    /// <summary>The format of 国办公开办函〔2019〕60号, used for reports on 2019 and 2020.</summary>
    public static readonly StatisticsSchema National2019 = new(
        "national-2019",
        new Label("国办公开办函〔2019〕60号格式（2019、2020年度）", "National format of 2019 (reports on 2019 and 2020)"),
        [Proactive2019(), RequestsTable(otherHasSubRows: false), AppealsTable()]);

    /// <summary>Every known format.</summary>
    public static readonly IReadOnlyList<StatisticsSchema> All = [National2021, National2019];

    /// <summary>The format with this key, or null.</summary>
    public static StatisticsSchema? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>The format a report on <paramref name="year"/> is expected to use.</summary>
    public static StatisticsSchema ForYear(int year) => year >= 2021 ? National2021 : National2019;

    /// <summary>A table by key.</summary>
    public TableSchema Table(string key) => Tables.First(t => t.Key == key);

    private static HeaderGroup G(string key, string zh, string en) => new(key, new Label(zh, en));

    private static RowSchema R(string key, string zh, string en, params HeaderGroup[] groups) => new(key, new Label(zh, en), groups);

    private static ColumnSchema C(string key, string zh, string en, CellKind kind = CellKind.Count, params HeaderGroup[] groups) =>
        new(key, new Label(zh, en), groups, kind);

    private static TableSchema Proactive2021() => new(
        Proactive,
        new Label("二、主动公开政府信息情况", "2. Proactive disclosure"),
        [
            new BlockSchema(
                "p1",
                new Label("第二十条第（一）项", "Article 20 (1): rules and normative documents"),
                Content,
                [C("issued", "本年制发件数", "Issued this year"), C("repealed", "本年废止件数", "Repealed this year"), C("in_force", "现行有效件数", "In force")],
                [R("rules", "规章", "Rules"), R("normative_documents", "行政规范性文件", "Administrative normative documents")]),
            new BlockSchema(
                "p5",
                new Label("第二十条第（五）项", "Article 20 (5): licensing"),
                Content,
                [C("decisions", "本年处理决定数量", "Decisions this year")],
                [R("licensing", "行政许可", "Administrative licensing")]),
            new BlockSchema(
                "p6",
                new Label("第二十条第（六）项", "Article 20 (6): penalties and enforcement"),
                Content,
                [C("decisions", "本年处理决定数量", "Decisions this year")],
                [R("penalties", "行政处罚", "Administrative penalties"), R("enforcement", "行政强制", "Administrative enforcement")]),
            new BlockSchema(
                "p8",
                new Label("第二十条第（八）项", "Article 20 (8): fees"),
                Content,
                [C("amount", "本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)", CellKind.Amount)],
                [R("fees", "行政事业性收费", "Administrative fees")]),
        ]);

    private static TableSchema Proactive2019()
    {
        ColumnSchema[] items = [C("previous_items", "上一年项目数量", "Items last year"), C("change", "本年增/减", "Change this year", CellKind.Change)];
        return new(
            Proactive,
            new Label("二、主动公开政府信息情况", "2. Proactive disclosure"),
            [
                new BlockSchema(
                    "p1",
                    new Label("第二十条第（一）项", "Article 20 (1): rules and normative documents"),
                    Content,
                    [C("made", "本年新制作数量", "Made this year"), C("published", "本年新公开数量", "Published this year"), C("total_public", "对外公开总数量", "Public in total")],
                    [R("rules", "规章", "Rules"), R("normative_documents", "规范性文件", "Normative documents")]),
                new BlockSchema(
                    "p5",
                    new Label("第二十条第（五）项", "Article 20 (5): licensing"),
                    Content,
                    [.. items, C("decisions", "本年处理决定数量", "Decisions this year")],
                    [R("licensing", "行政许可", "Administrative licensing"), R("other_actions", "其他对外管理服务事项", "Other external management and services")]),
                new BlockSchema(
                    "p6",
                    new Label("第二十条第（六）项", "Article 20 (6): penalties and enforcement"),
                    Content,
                    [.. items, C("decisions", "本年处理决定数量", "Decisions this year")],
                    [R("penalties", "行政处罚", "Administrative penalties"), R("enforcement", "行政强制", "Administrative enforcement")]),
                new BlockSchema(
                    "p8",
                    new Label("第二十条第（八）项", "Article 20 (8): fees"),
                    Content,
                    items,
                    [R("fees", "行政事业性收费", "Administrative fees")]),
                new BlockSchema(
                    "p9",
                    new Label("第二十条第（九）项", "Article 20 (9): government procurement"),
                    Content,
                    [C("items", "采购项目数量", "Procurement projects"), C("amount", "采购总金额（单位：万元）", "Total procurement (10,000 yuan)", CellKind.Amount)],
                    [R("procurement", "政府集中采购", "Centralised government procurement")]),
            ]);
    }

    private static TableSchema RequestsTable(bool otherHasSubRows)
    {
        var applicants = G("applicants", "申请人情况", "Applicants");
        var legal = G("legal_persons", "法人或其他组织", "Legal persons or other organisations");
        var results = G("results", "三、本年度办理结果", "3. Outcomes this year");
        var withheld = G("withheld", "（三）不予公开", "(3) Not disclosed");
        var unavailable = G("unavailable", "（四）无法提供", "(4) Cannot be provided");
        var notProcessed = G("not_processed", "（五）不予处理", "(5) Not processed");
        var other = G("other", "（六）其他处理", "(6) Handled otherwise");
        List<RowSchema> rows =
        [
            R("new", "一、本年新收政府信息公开申请数量", "1. New requests received this year"),
            R("carried_over", "二、上年结转政府信息公开申请数量", "2. Requests carried over from last year"),
            R("disclosed", "（一）予以公开", "(1) Disclosed in full", results),
            R("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(2) Partly disclosed (counted only here)", results),
            R("withheld_state_secret", "1.属于国家秘密", "1. State secret", results, withheld),
            R("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", "2. Barred by other laws and regulations", results, withheld),
            R("withheld_security_stability", "3.危及“三安全一稳定”", "3. Would endanger security or stability", results, withheld),
            R("withheld_third_party", "4.保护第三方合法权益", "4. Protects a third party's rights", results, withheld),
            R("withheld_internal_affairs", "5.属于三类内部事务信息", "5. Internal affairs", results, withheld),
            R("withheld_process_information", "6.属于四类过程性信息", "6. Process information", results, withheld),
            R("withheld_enforcement_files", "7.属于行政执法案卷", "7. Law-enforcement case files", results, withheld),
            R("withheld_query_matters", "8.属于行政查询事项", "8. Administrative query matters", results, withheld),
            R("unavailable_not_held", "1.本机关不掌握相关政府信息", "1. Not held by this office", results, unavailable),
            R("unavailable_needs_creation", "2.没有现成信息需要另行制作", "2. Would have to be newly made", results, unavailable),
            R("unavailable_unclear", "3.补正后申请内容仍不明确", "3. Still unclear after correction", results, unavailable),
            R("not_processed_petition", "1.信访举报投诉类申请", "1. Petitions, reports and complaints", results, notProcessed),
            R("not_processed_repeated", "2.重复申请", "2. Repeated requests", results, notProcessed),
            R("not_processed_publications", "3.要求提供公开出版物", "3. Requests for published material", results, notProcessed),
            R("not_processed_excessive", "4.无正当理由大量反复申请", "4. Mass repeated requests without good reason", results, notProcessed),
            R("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "5. Requests to confirm or reissue information already obtained", results, notProcessed),
        ];
        if (otherHasSubRows)
        {
            rows.AddRange(
            [
                R("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1. Applicant did not complete the request in time", results, other),
                R("other_unpaid_fees", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2. Applicant did not pay the fee in time", results, other),
                R("other_other", "3.其他", "3. Other", results, other),
            ]);
        }
        else
        {
            rows.Add(R("other", "（六）其他处理", "(6) Handled otherwise", results));
        }

        rows.Add(R("total", "（七）总计", "(7) Total", results));
        rows.Add(R("carried_forward", "四、结转下年度继续办理", "4. Carried forward to next year"));
        return new TableSchema(
            Requests,
            new Label("三、收到和处理政府信息公开申请情况", "3. Requests received and handled"),
            [
                new BlockSchema(
                    "requests",
                    new Label("三、收到和处理政府信息公开申请情况（单位：件）", "Requests for government information received and handled (number of requests)"),
                    new Label("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", "Row (1) + row (2) = row 3 (7) + row (4)"),
                    [
                        C("natural_persons", "自然人", "Natural persons", CellKind.Count, applicants),
                        C("businesses", "商业企业", "Businesses", CellKind.Count, applicants, legal),
                        C("research", "科研机构", "Research institutions", CellKind.Count, applicants, legal),
                        C("public_interest", "社会公益组织", "Public-interest organisations", CellKind.Count, applicants, legal),
                        C("legal_services", "法律服务机构", "Legal-service organisations", CellKind.Count, applicants, legal),
                        C("others", "其他", "Others", CellKind.Count, applicants, legal),
                        C(TotalColumn, "总计", "Total", CellKind.Count, applicants),
                    ],
                    rows),
            ]);
    }

    private static TableSchema AppealsTable()
    {
        var litigation = G("litigation", "行政诉讼", "Administrative litigation");
        return new(
            Appeals,
            new Label("四、政府信息公开行政复议、行政诉讼情况", "4. Administrative reconsideration and litigation"),
            [
                new BlockSchema(
                    "appeals",
                    new Label("四、政府信息公开行政复议、行政诉讼情况（单位：件）", "Reconsideration and litigation about disclosure (number of cases)"),
                    new Label("类别", "Kind"),
                    [
                        C("maintained", "结果维持", "Upheld"),
                        C("corrected", "结果纠正", "Corrected"),
                        C("other", "其他结果", "Other outcome"),
                        C("pending", "尚未审结", "Pending"),
                        C(TotalColumn, "总计", "Total"),
                    ],
                    [
                        R("reconsideration", "行政复议", "Administrative reconsideration"),
                        R("litigation_direct", "未经复议直接起诉", "Sued without reconsideration", litigation),
                        R("litigation_after_reconsideration", "复议后起诉", "Sued after reconsideration", litigation),
                    ]),
            ]);
    }
}
