namespace Publisher.Content.Diagnostics;

/// <summary>
/// One text of a diagnostic in English and Chinese. Placeholders <c>{0}</c>, <c>{1}</c>… stand for the parts that
/// vary (a field name, a value); the English side is matched against the diagnostic's text to recover them.
/// </summary>
/// <param name="Code">The diagnostic code, e.g. <c>PUB0150</c>.</param>
/// <param name="English">The English text as the check writes it, with placeholders.</param>
/// <param name="Chinese">The same text in Chinese, with the same placeholders.</param>
public sealed record MessageTemplate(string Code, string English, string Chinese);
