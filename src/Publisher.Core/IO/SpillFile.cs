using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Publisher.Core.IO;

/// <summary>
/// Text a build makes early and needs again only late (a body's HTML when its page is rendered, the notes when
/// they are saved), set aside in a temporary file instead of the heap. Every rendered body of a 10,000-document
/// site held from the moment it was rendered to the end of the build was 68 MB of strings, and the collector
/// keeps more than that committed: the largest part of the build's peak memory that was not in use. The file
/// sits in the cache folder (on disk, not in memory), holds UTF-16 code units as they are (no transcoding either
/// way), is written and read at explicit offsets so any thread may do either at any time, and is deleted when it
/// is disposed or the process ends.
/// </summary>
public sealed class SpillFile : IDisposable
{
    private readonly SafeFileHandle _handle;
    private long _length;

    private SpillFile(SafeFileHandle handle) => _handle = handle;

    /// <summary>Creates an empty spill file in <paramref name="folder"/> (created if missing).</summary>
    public static SpillFile Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"spill-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        return new SpillFile(File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose));
    }

    /// <summary>How many bytes were set aside so far.</summary>
    public long Length => Interlocked.Read(ref _length);

    /// <summary>Sets <paramref name="text"/> aside and returns where it is.</summary>
    public SpilledText Write(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        var offset = Interlocked.Add(ref _length, bytes.Length) - bytes.Length;
        RandomAccess.Write(_handle, bytes, offset);
        return new SpilledText(this, offset, text.Length);
    }

    /// <summary>Copies the text set aside at <paramref name="offset"/> into <paramref name="destination"/> (its whole length).</summary>
    internal void Read(long offset, Span<char> destination)
    {
        if (_handle.IsClosed)
        {
            throw new ObjectDisposedException(nameof(SpillFile), "Text set aside during a build is gone once the build has ended; read it while the build runs.");
        }

        var bytes = MemoryMarshal.AsBytes(destination);
        while (bytes.Length > 0)
        {
            var read = RandomAccess.Read(_handle, bytes, offset);
            if (read == 0)
            {
                throw new EndOfStreamException("The spill file is shorter than the text set aside in it.");
            }

            bytes = bytes[read..];
            offset += read;
        }
    }

    /// <summary>Closes and deletes the file.</summary>
    public void Dispose() => _handle.Dispose();
}

/// <summary>Where a text set aside in a <see cref="SpillFile"/> is: read it back with <see cref="ToString"/>.</summary>
/// <param name="File">The spill file.</param>
/// <param name="Offset">The byte offset of its first code unit.</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
public readonly record struct SpilledText(SpillFile File, long Offset, int Length)
{
    /// <summary>Copies the text into <paramref name="destination"/>, which must be <see cref="Length"/> long.</summary>
    public void CopyTo(Span<char> destination) => File.Read(Offset, destination);

    /// <summary>Reads the text back as a new string.</summary>
    public override string ToString() =>
        Length == 0 ? string.Empty : string.Create(Length, this, static (chars, spilled) => spilled.CopyTo(chars));
}
