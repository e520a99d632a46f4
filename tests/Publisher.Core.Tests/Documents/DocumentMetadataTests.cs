using Publisher.Core.Documents;

namespace Publisher.Core.Tests.Documents;

public sealed class DocumentMetadataTests
{
    [Fact]
    public void Should_Keep_Each_Version_Of_A_Document_With_Its_Own_Values()
    {
        // Given
        var first = new Document { Source = "a.md" }.WithMetadata("title", "One").WithMetadata("year", 2024);

        // When
        var second = first.WithMetadata("title", "Two").WithMetadata("office", "pudong");

        // Then
        Assert.Equal("One", first.Get<string>("title"));
        Assert.Null(first.Get<string>("office"));
        Assert.Equal("Two", second.Get<string>("title"));
        Assert.Equal(2024, second.Get<int>("year"));
        Assert.Equal("pudong", second.GetRequired<string>("office"));
    }

    [Fact]
    public void Should_List_Its_Values_In_Key_Order_Whatever_Order_They_Were_Set_In()
    {
        // Given
        var keys = new[] { "year", "Body", "office", "a", "title", "b", "year" };

        // When
        var metadata = keys.Aggregate(DocumentMetadata.Empty, (m, key) => m.With(key, key.Length));

        // Then
        Assert.Equal(["Body", "a", "b", "office", "title", "year"], metadata.Select(p => p.Key));
    }

    [Fact]
    public void Should_Tell_A_Missing_Value_From_A_Value_Of_Another_Type()
    {
        // Given
        var document = new Document().WithMetadata("count", 3).WithMetadata("none", null);

        // When
        var missing = Assert.Throws<InvalidOperationException>(() => document.GetRequired<string>("count"));

        // Then
        Assert.Contains("'count'", missing.Message);
        Assert.True(document.Metadata.TryGetValue("none", out var value));
        Assert.Null(value);
        Assert.False(document.Metadata.TryGetValue("other", out _));
    }
}
