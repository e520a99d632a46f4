using Publisher.Core.Caching;

namespace Publisher.Core.Tests.Caching;

public sealed class NoteTextTests
{
    [Fact]
    public void Should_Read_Back_Every_Value_In_The_Order_It_Was_Written()
    {
        // Given: the values that are easy to get wrong (signs, extremes, empty against null, the format's own marks)
        var note = new NoteWriter()
            .Number(int.MinValue).Number(int.MaxValue).Number(0).Number((int?)null).Number(-7)
            .Text(null).Text(string.Empty).Text("~").Text("3:ab;c").Text("甘泉路\u001f\r\n😀")
            .Flag(true).Flag(false).Date(null).Date(DateOnly.MinValue).Date(new DateOnly(2021, 12, 30)).Date(DateOnly.MaxValue)
            .ToString();

        // When
        var reader = new NoteReader(note);
        var read = (
            reader.Number(), reader.Number(), reader.Number(), reader.NullableNumber(), reader.NullableNumber(),
            reader.Text(), reader.Text(), reader.Text(), reader.Text(), reader.Text(),
            reader.Flag(), reader.Flag(), reader.Date(), reader.Date(), reader.Date(), reader.Date());

        // Then
        Assert.Equal(
            (int.MinValue, int.MaxValue, 0, (int?)null, (int?)-7, (string?)null, string.Empty, "~", "3:ab;c", "甘泉路\u001f\r\n😀", true, false, (DateOnly?)null, (DateOnly?)DateOnly.MinValue, (DateOnly?)new DateOnly(2021, 12, 30), (DateOnly?)DateOnly.MaxValue),
            read);
        Assert.True(reader.AtEnd);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("x;")]
    [InlineData(";")]
    [InlineData("99999999999;")]
    public void Should_Throw_When_A_Number_Is_Not_There(string note)
    {
        Assert.Throws<FormatException>(() => new NoteReader(note).Number());
    }

    [Theory]
    [InlineData("5:abc")]
    [InlineData("-1:")]
    [InlineData("2;ab")]
    [InlineData("~")]
    public void Should_Throw_When_A_Required_String_Is_Not_There(string note)
    {
        Assert.Throws<FormatException>(() => new NoteReader(note).RequiredText());
    }

    [Theory]
    [InlineData("2;")]
    [InlineData("-1;")]
    public void Should_Throw_When_A_Flag_Is_Neither_Set_Nor_Unset(string note)
    {
        Assert.Throws<FormatException>(() => new NoteReader(note).Flag());
    }

    [Theory]
    [InlineData("-1;")]
    [InlineData("99999999;")]
    public void Should_Throw_When_A_Date_Is_Out_Of_Range(string note)
    {
        Assert.Throws<FormatException>(() => new NoteReader(note).Date());
    }

    [Fact]
    public void Should_Throw_When_A_Count_Is_Longer_Than_What_Follows()
    {
        Assert.Throws<FormatException>(() => new NoteReader("5;ab").Count());
    }
}
