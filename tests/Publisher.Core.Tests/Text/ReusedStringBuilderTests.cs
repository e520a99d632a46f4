using Publisher.Core.Text;

namespace Publisher.Core.Tests.Text;

public sealed class ReusedStringBuilderTests
{
    [Fact]
    public void Should_Give_An_Empty_Builder_After_One_Was_Returned_With_Text()
    {
        // Given
        var first = ReusedStringBuilder.Rent();
        first.Append("第一页");
        var text = ReusedStringBuilder.ToStringAndReturn(first);

        // When
        var second = ReusedStringBuilder.Rent();

        // Then
        Assert.Equal("第一页", text);
        Assert.Same(first, second);
        Assert.Equal(0, second.Length);
        ReusedStringBuilder.Return(second);
    }

    [Fact]
    public void Should_Not_Keep_A_Builder_That_Grew_Past_The_Limit()
    {
        // Given
        var huge = ReusedStringBuilder.Rent();
        huge.Append('页', ReusedStringBuilder.MaxKeptCapacity + 1);
        ReusedStringBuilder.ToStringAndReturn(huge);

        // When
        var next = ReusedStringBuilder.Rent();

        // Then
        Assert.NotSame(huge, next);
        Assert.True(next.Capacity <= ReusedStringBuilder.MaxKeptCapacity);
        ReusedStringBuilder.Return(next);
    }

    [Fact]
    public void Should_Give_Two_Builders_Rented_At_Once_Apart()
    {
        // When
        var a = ReusedStringBuilder.Rent();
        var b = ReusedStringBuilder.Rent();

        // Then
        Assert.NotSame(a, b);
        ReusedStringBuilder.Return(a);
        ReusedStringBuilder.Return(b);
    }
}
