namespace Publisher.Safety.Tests;

/// <summary>The checker the other tests rely on must itself catch what a browser would run.</summary>
public sealed class ScriptVectorsTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<script src=\"https://evil.example/x.js\"></script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\" JaVa&#x53;cript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#9;script:alert(1)\">x</a>")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("<p style=\"color:red\">x</p>")]
    [InlineData("<style>p{}</style>")]
    [InlineData("<object data=\"x\"></object>")]
    [InlineData("<a href=\"data:text/html,x\">x</a>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">")]
    [InlineData("<form action=\"https://evil.example/\"></form>")]
    public void Should_Find_A_Script_Vector_When_Html_Carries_One(string html)
    {
        // Given
        var page = html;

        // When
        var problems = ScriptVectors.InDocument(page, fragment: true);

        // Then
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void Should_Find_Nothing_When_Html_Is_Plain()
    {
        // Given
        var page = "<p><a href=\"/offices/\">办事处</a> <img src=\"/assets/a.png\" alt=\"\"></p><script src=\"/assets/js/site.js\"></script>"
            + "<form action=\"/search/\" method=\"get\"><input name=\"q\"></form><iframe src=\"https://player.example.gov.cn/v\"></iframe>";

        // When
        var problems = ScriptVectors.InDocument(page, ["player.example.gov.cn"], fragment: true);

        // Then
        Assert.Empty(problems);
    }
}
