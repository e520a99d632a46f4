namespace Publisher.Content.Diagnostics;

/// <summary>
/// The Chinese texts of the diagnostics, next to the English the checks write. When a check's wording changes,
/// change its line here too: <c>DiagnosticCatalogTests</c> fails for any PUB01xx text left untranslated.
/// </summary>
internal static class DiagnosticTexts
{
    public static IReadOnlyList<MessageTemplate> All { get; } =
    [
        // Attachments.
        new("PUB1111", "attachment '{0}' does not exist in {1}/.", "附件“{0}”不在 {1}/ 里。"),
        new("PUB1111", "Files there: {0}. Check the name, or put the file beside the document.", "那里的文件有：{0}。请检查文件名，或把文件放在文档旁边。"),
        new("PUB1111", "Put the file beside the document, in the same folder.", "请把文件放在文档旁边的同一个文件夹里。"),

        // Settings.
        new("PUB0010", "the site settings file does not exist.", "站点设置文件不存在。"),
        new("PUB0010", "Pass --config with the path of site.config.json.", "请用 --config 指定 site.config.json 的路径。"),
        new("PUB0011", "the site settings file is empty.", "站点设置文件是空的。"),
        new("PUB0011", "the site settings are not valid JSON for Publisher: {0}", "站点设置不是 Publisher 能读的 JSON：{0}"),
        new("PUB0011", "Check the JSON syntax and the setting names in the README.", "请检查 JSON 语法，并对照 README 核对设置项名称。"),
        new("PUB0012", "defaultLanguage '{0}' is not listed in languages.", "defaultLanguage“{0}”不在 languages 列表里。"),
        new("PUB0012", "Add it to \"languages\".", "请把它加入 \"languages\"。"),
        new("PUB0013", "baseUrl '{0}' is not an absolute URL.", "baseUrl“{0}”不是完整的网址。"),
        new("PUB0013", "Write it as https://host/ or https://host/path/.", "请写成 https://host/ 或 https://host/path/。"),

        // Reading files.
        new("PUB0100", "the file could not be read: {0}", "无法读取文件：{0}"),
        new("PUB0100", "Check that the file exists and is readable.", "请确认文件存在并且可以读取。"),
        new("PUB0105", "the folder could not be read: {0}", "无法读取文件夹：{0}"),
        new("PUB0105", "Check that the user who runs Publisher can read this folder and the folders in it.", "请确认运行 Publisher 的用户可以读取这个文件夹及其中的文件夹。"),
        new("PUB0101", "the file is not where Publisher looks for documents.", "文件不在 Publisher 查找文档的位置。"),
        new("PUB0101", "Put documents at content/<office>/<year>/<slug>.md and standalone pages at content/pages/<slug>.md.", "文档请放在 content/<机构>/<年份>/<文件名>.md，独立页面请放在 content/pages/<文件名>.md。"),
        new("PUB0102", "the file is not valid UTF-8: byte {0} at byte offset {1} cannot be decoded.", "文件不是有效的 UTF-8 编码：第 {1} 字节处的 {0} 无法解码。"),
        new("PUB0102", "Save the file as UTF-8 (in VS Code: 'Save with Encoding' → UTF-8).", "请把文件另存为 UTF-8（VS Code 中：“通过编码保存”→ UTF-8）。"),
        new("PUB0103", "the file does not start with front matter.", "文件开头没有前置元数据（front matter）。"),
        new("PUB0103", "Put a YAML block between two '---' lines at the very top, e.g. ---\\ntitle: …\\nkind: annual-report\\n---", "请在文件最上方用两行“---”包住一段 YAML，例如 ---\\ntitle: …\\nkind: annual-report\\n---"),
        new("PUB0104", "the front matter is not closed.", "前置元数据没有结束。"),
        new("PUB0104", "Add a line with only '---' after the last front-matter field.", "请在最后一个字段之后加一行只有“---”的行。"),
        new("PUB0106", "'{0}' cannot be used in a web address.", "“{0}”不能用在网址里。"),
        new("PUB0106", "Name files and folders with lower-case letters a-z, digits and '-', e.g. rule-of-law-report.md.", "文件和文件夹名只能用小写字母 a-z、数字和“-”，例如 rule-of-law-report.md。"),
        new("PUB0116", "'{0}' is a translation into '{1}', a language the site does not publish.", "“{0}”是“{1}”译本，但本站不发布这种语言。"),
        new("PUB0116", "Add \"{0}\" to \"languages\" in site.config.json, or move the file out of the content folder.", "请把 \"{0}\" 加入 site.config.json 的 \"languages\"，或把这个文件移出内容文件夹。"),
        new("PUB0107", "the file is {0} bytes, more than the limit of {1}.", "文件有 {0} 字节，超过了 {1} 字节的上限。"),
        new("PUB0107", "Split the document, or raise maxFileBytes in site.config.json.", "请拆分文档，或在 site.config.json 中调高 maxFileBytes。"),
        new("PUB0108", "the file is encoded as {0}; it was converted to UTF-8 for this build.", "文件的编码是 {0}；本次构建已把它转换为 UTF-8。"),
        new("PUB0108", "Save the file as UTF-8 so every tool reads it the same way.", "请把文件另存为 UTF-8，让所有工具都能正确读取。"),
        new("PUB0109", "the file changed while the build was running, or its bytes changed while its length and modification time stayed the same.", "构建过程中文件被修改了，或者文件内容变了而大小和修改时间保持不变。"),
        new("PUB0109", "Build again: the next build reads every source file.", "请重新构建：下一次构建会重新读取所有源文件。"),

        // YAML.
        new("PUB0110", "the front matter has a tab character: {0}", "前置元数据里有制表符（Tab）：{0}"),
        new("PUB0110", "YAML must be indented with spaces; replace the tab with spaces.", "YAML 只能用空格缩进，请把 Tab 换成空格。"),
        new("PUB0110", "the front matter is not valid YAML: a '[' or '{' on this line is never closed.", "前置元数据不是有效的 YAML：这一行的“[”或“{”没有闭合。"),
        new("PUB0110", "the front matter is not valid YAML.", "前置元数据不是有效的 YAML。"),
        new("PUB0110", "the front matter is not valid YAML: {0}", "前置元数据不是有效的 YAML：{0}"),
        new("PUB0110", "a key appears twice in the front matter: {0}", "前置元数据里有重复的字段：{0}"),
        new("PUB0110", "Keep one of the two lines.", "请只保留其中一行。"),
        new("PUB0110", "Close the bracket, or put the value in quotes if the bracket is part of the text.", "请补上闭合括号；如果括号是正文的一部分，请给值加上引号。"),
        new("PUB0110", "Check the line: each field is 'name: value'; quote values that start with special characters such as : { [ * & ! | > ' \" % @ `.", "请检查这一行：每个字段写成“名称: 值”；以 : { [ * & ! | > ' \" % @ ` 等特殊字符开头的值要加引号。"),
        new("PUB0111", "a key appears twice in the front matter: {0}", "前置元数据里有重复的字段：{0}"),
        new("PUB0111", "'{0}' appears twice in the front matter.", "字段“{0}”在前置元数据里出现了两次。"),
        new("PUB0111", "Keep one of the two lines.", "请只保留其中一行。"),
        new("PUB0112", "the front matter holds more than one YAML document.", "前置元数据里有不止一个 YAML 文档。"),
        new("PUB0112", "Remove the extra '---' line inside the front matter.", "请删掉前置元数据中间多出来的“---”行。"),
        new("PUB0113", "the front matter must be a list of 'key: value' lines.", "前置元数据必须是一行一个“字段: 值”。"),
        new("PUB0113", "Write each field as 'name: value' on its own line.", "请把每个字段写成单独一行的“名称: 值”。"),
        new("PUB0114", "YAML anchors and aliases (&name, *name) are not allowed in front matter.", "前置元数据里不能使用 YAML 锚点和别名（&name、*name）。"),
        new("PUB0114", "Write the value out in full.", "请把值完整写出来。"),
        new("PUB0115", "the front matter is nested more than {0} levels deep.", "前置元数据嵌套超过了 {0} 层。"),
        new("PUB0115", "Front-matter fields are flat; check the indentation.", "前置元数据的字段是平铺的，请检查缩进。"),

        // Fields.
        new("PUB0120", "unknown front-matter field '{0}' is ignored.", "未知字段“{0}”，已忽略。"),
        new("PUB0120", "{0}", "{0}"),
        new("PUB0121", "'{0}' must be a single text value.", "“{0}”必须是一段文字。"),
        new("PUB0121", "Write it on one line: {0}: …", "请写在一行里：{0}: …"),
        new("PUB0122", "'{0}' is not a valid {1}.", "“{0}”不是有效的 {1}。"),
        new("PUB0122", "Use one of: {0}. {1}", "可用的值：{0}。{1}"),
        new("PUB0122", "Use one of: {0}.", "可用的值：{0}。"),
        new("PUB0123", "'{0}' must be a whole number from {1} to {2}, not '{3}'.", "“{0}”必须是 {1} 到 {2} 之间的整数，而不是“{3}”。"),
        new("PUB0123", "Write it as digits, e.g. {0}", "请用数字书写，例如 {0}"),
        new("PUB0124", "'{0}' is not a real date: '{1}'.", "“{0}”不是一个存在的日期：“{1}”。"),
        new("PUB0124", "Write a date that exists as yyyy-mm-dd, e.g. {0}", "请按 yyyy-mm-dd 写一个存在的日期，例如 {0}"),
        new("PUB0125", "'{0}' must give the text per language.", "“{0}”必须按语言分别给出文字。"),
        new("PUB0125", "'{0}' must map a language code to a text.", "“{0}”必须是“语言代码: 文字”的形式。"),
        new("PUB0125", "Write it as {0}", "请写成 {0}"),
        new("PUB0126", "'{0}' has no '{1}' text.", "“{0}”缺少“{1}”的文字。"),
        new("PUB0126", "Add {0}: … inside {1}.", "请在 {1} 里加上 {0}: …"),
        new("PUB0127", "'{0}' must be a list.", "“{0}”必须是一个列表。"),
        new("PUB0127", "each item of '{0}' must be a set of fields.", "“{0}”的每一项都必须是一组字段。"),
        new("PUB0127", "Write each item on its own line starting with '- '.", "请每项单独一行，并以“- ”开头。"),
        new("PUB0127", "Write items as '- { file: report.pdf, title: … }'.", "请把每项写成“- { file: report.pdf, title: … }”。"),
        new("PUB0130", "the required field '{0}' is missing or empty.", "缺少必填字段“{0}”，或它是空的。"),
        new("PUB0130", "Add a line '{0}: …' to the front matter.", "请在前置元数据里加一行“{0}: …”。"),
        new("PUB0131", "attachment path '{0}' is not allowed: {1}.", "附件路径“{0}”不允许使用：{1}。"),
        new("PUB0131", "Name a file in the document's own folder, e.g. file: report.pdf", "请填写与文档同一文件夹中的文件名，例如 file: report.pdf"),
        new("PUB0132", "the file is in folder '{0}' but names office '{1}'.", "文件在文件夹“{0}”里，但 office 写的是“{1}”。"),
        new("PUB0132", "Move the file to content/{0}/… or set office: {1}.", "请把文件移到 content/{0}/…，或把 office 改成 {1}。"),
        new("PUB0133", "the file is in folder '{0}' but says year {1}.", "文件在“{0}”文件夹里，但 year 写的是 {1}。"),
        new("PUB0133", "Move the file to the {0} folder or set year: {1}.", "请把文件移到 {0} 文件夹，或把 year 改成 {1}。"),
        new("PUB0140", "the office id '{0}' does not match the file name '{1}'.", "机构 id“{0}”与文件名“{1}”不一致。"),
        new("PUB0140", "Rename the file to {0}.yml or set id: {1}.", "请把文件改名为 {0}.yml，或把 id 改成 {1}。"),

        // References between files.
        new("PUB0150", "unknown office '{0}'.", "未知机构“{0}”。"),
        new("PUB0150", "{0}Offices are the files in content/offices/; add content/offices/{1}.yml if this is a new office.", "{0}机构由 content/offices/ 下的文件定义；如果这是新机构，请添加 content/offices/{1}.yml（可用 publisher new office {1}）。"),
        new("PUB0151", "this translation has no original: '{0}' does not exist.", "这个译文没有原文：“{0}”不存在。"),
        new("PUB0151", "A translation <slug>.en.md must sit beside its original <slug>.md; rename it or add the original.", "译文 <文件名>.en.md 必须和原文 <文件名>.md 放在同一文件夹；请改名或补上原文。"),
        new("PUB0152", "two files claim the same address: {0}.", "两个文件的网址相同：{0}。"),
        new("PUB0152", "Rename one of them.", "请给其中一个改名。"),
        new("PUB0153", "addresses differ only in letter case: {0}.", "网址只有大小写不同：{0}。"),
        new("PUB0153", "Some hosts treat them as one address; rename one of them.", "有些服务器会把它们当作同一个网址，请给其中一个改名。"),

        // Editor checks.
    ];
}
