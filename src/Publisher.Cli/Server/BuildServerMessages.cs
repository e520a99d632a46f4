using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Publisher.Cli.Server;

/// <summary>What a command line asks the build server: run <c>publisher build</c> with these arguments in this folder, or stop.</summary>
/// <param name="Kind"><see cref="Build"/> or <see cref="Stop"/>.</param>
/// <param name="WorkingDirectory">The caller's folder: relative paths in the arguments are relative to it.</param>
/// <param name="Arguments">The arguments after <c>build</c>.</param>
internal sealed record BuildServerRequest(string Kind, string WorkingDirectory, IReadOnlyList<string> Arguments)
{
    public const string Build = "build";
    public const string Stop = "stop";
}

/// <summary>What the build server answers: the exit code and the text the build wrote to each stream.</summary>
/// <param name="ExitCode">The exit code the command line exits with.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Builds">How many builds the server has run (the answer to <see cref="BuildServerRequest.Stop"/>).</param>
internal sealed record BuildServerResponse(int ExitCode, string Output, string Error, int Builds = 0);

/// <summary>Each message is one line of JSON over the socket (JSON escapes the line breaks of the text it carries).</summary>
internal static class BuildServerMessages
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync<T>(Stream connection, T message, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(message, typeof(T), BuildServerJson.Default) + "\n";
        await connection.WriteAsync(Utf8.GetBytes(line), cancellationToken).ConfigureAwait(false);
        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next message, or null when the other side closed the connection first.</summary>
    public static async Task<T?> ReadAsync<T>(Stream connection, CancellationToken cancellationToken)
        where T : class
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var count = await connection.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return null;
            }

            var end = Array.IndexOf(buffer, (byte)'\n', 0, count);
            received.Write(buffer, 0, end < 0 ? count : end);
            if (end >= 0)
            {
                return (T?)JsonSerializer.Deserialize(received.GetBuffer().AsSpan(0, (int)received.Length), typeof(T), BuildServerJson.Default);
            }
        }
    }
}

/// <summary>Serialization made at compile time: reflection-based JSON took a tenth of a command line's time to warm up.</summary>
[JsonSerializable(typeof(BuildServerRequest))]
[JsonSerializable(typeof(BuildServerResponse))]
internal sealed partial class BuildServerJson : JsonSerializerContext;
