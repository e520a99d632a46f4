using Publisher.Core.IO;
using Publisher.Testing;

namespace Publisher.Core.Tests.IO;

public sealed class SpillFileTests
{
    [Fact]
    public async Task Should_Give_Back_Each_Text_Written_From_Many_Threads()
    {
        // Given: texts of every length from empty to 40,000 chars, Chinese and surrogate pairs among them
        using var temp = new TempDirectory();
        using var spill = SpillFile.Create(temp.Combine("cache"));
        var texts = Enumerable.Range(0, 400).Select(i => string.Concat(Enumerable.Repeat($"第{i}段：法治政府𠮷", i * 10))).ToArray();

        // When: they are set aside at the same time on four threads, and read back in another order
        var spilled = new SpilledText[texts.Length];
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = t; i < texts.Length; i += 4)
            {
                spilled[i] = spill.Write(texts[i]);
            }
        })));

        // Then
        for (var i = texts.Length - 1; i >= 0; i--)
        {
            Assert.Equal(texts[i], spilled[i].ToString());
        }

        Assert.Equal(texts.Sum(t => (long)t.Length * sizeof(char)), spill.Length);
    }

    [Fact]
    public void Should_Delete_Its_File_And_Refuse_Reads_Once_Disposed()
    {
        // Given
        using var temp = new TempDirectory();
        var folder = temp.Combine("cache");
        var spill = SpillFile.Create(folder);
        var text = spill.Write("报告正文");
        Assert.Single(Directory.GetFiles(folder));

        // When
        spill.Dispose();

        // Then: no file is left behind, and a late read says why it fails
        Assert.Empty(Directory.GetFiles(folder));
        var error = Assert.Throws<ObjectDisposedException>(() => text.ToString());
        Assert.Contains("build has ended", error.Message, StringComparison.Ordinal);
    }
}
