using System.Buffers.Binary;
using System.Text;

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

/// <summary>
/// Each message is a frame: its length (4 bytes, little-endian), then its fields as <see cref="BinaryWriter"/>
/// writes them (strings as UTF-8 with their length). Not JSON: the serializer's start-up was a tenth of the time of
/// a command line that hands a build to the server.
/// </summary>
internal static class BuildServerMessages
{
    /// <summary>The largest frame read (a build's output is a few kilobytes; its timings a few more).</summary>
    private const int MaxFrame = 64 << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Task WriteAsync(Stream connection, BuildServerRequest request, CancellationToken cancellationToken) =>
        WriteFrameAsync(connection, writer =>
        {
            writer.Write(request.Kind);
            writer.Write(request.WorkingDirectory);
            writer.Write(request.Arguments.Count);
            foreach (var argument in request.Arguments)
            {
                writer.Write(argument);
            }
        }, cancellationToken);

    public static Task WriteAsync(Stream connection, BuildServerResponse response, CancellationToken cancellationToken) =>
        WriteFrameAsync(connection, writer =>
        {
            writer.Write(response.ExitCode);
            writer.Write(response.Output);
            writer.Write(response.Error);
            writer.Write(response.Builds);
        }, cancellationToken);

    /// <summary>The next request, or null when the other side closed the connection first.</summary>
    public static async Task<BuildServerRequest?> ReadRequestAsync(Stream connection, CancellationToken cancellationToken) =>
        await ReadFrameAsync(connection, reader =>
        {
            var kind = reader.ReadString();
            var workingDirectory = reader.ReadString();
            var arguments = new string[reader.ReadInt32()];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = reader.ReadString();
            }

            return new BuildServerRequest(kind, workingDirectory, arguments);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>The answer, or null when the other side closed the connection first.</summary>
    public static async Task<BuildServerResponse?> ReadResponseAsync(Stream connection, CancellationToken cancellationToken) =>
        await ReadFrameAsync(connection, reader => new BuildServerResponse(reader.ReadInt32(), reader.ReadString(), reader.ReadString(), reader.ReadInt32()), cancellationToken).ConfigureAwait(false);

    private static async Task WriteFrameAsync(Stream connection, Action<BinaryWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        buffer.Write(new byte[4]);
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            write(writer);
        }

        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetBuffer().AsSpan(0, 4), (int)buffer.Length - 4);
        await connection.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T?> ReadFrameAsync<T>(Stream connection, Func<BinaryReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var header = new byte[4];
        if (await connection.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < header.Length)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxFrame)
        {
            throw new InvalidDataException($"a build server message of {length} bytes");
        }

        var body = new byte[length];
        if (await connection.ReadAtLeastAsync(body, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < length)
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(body), Utf8);
        return read(reader);
    }
}
