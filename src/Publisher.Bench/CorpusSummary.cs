namespace Publisher.Bench;

/// <summary>What <see cref="CorpusGenerator.Generate"/> wrote.</summary>
/// <param name="Documents">Documents written.</param>
/// <param name="Reports">Full reports among them (about 12 KB each).</param>
/// <param name="DisclosureItems">Disclosure items among them (about 1.5 KB each).</param>
/// <param name="Offices">Office records written.</param>
/// <param name="Bytes">Bytes written.</param>
public sealed record CorpusSummary(int Documents, int Reports, int DisclosureItems, int Offices, long Bytes);
