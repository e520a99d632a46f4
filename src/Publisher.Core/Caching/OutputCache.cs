using System.Collections.Concurrent;
using System.Text;
using Publisher.Core.IO;

namespace Publisher.Core.Caching;

/// <summary>
/// The persistent record behind incremental builds, kept in <c>.publisher-cache/</c>: for every output file of the
/// last successful build, the hash of the inputs it was made from (when its producer declared them) and the hash
/// of its bytes. An output whose inputs key is unchanged is not rendered again; an output whose bytes are
/// unchanged is not written again. Output is a pure function of inputs, so an incremental build is byte-identical
/// to a clean one by construction, as long as producers declare every input in their key.
/// </summary>
public sealed class OutputCache
{
    /// <summary>Metadata key: a hash of exactly the inputs a document's output depends on (set by its producer).</summary>
    public const string InputsKey = "publisher.inputs-key";

    /// <summary>Metadata key: true when the output file was kept from the previous build and not rendered again.</summary>
    public const string KeptKey = "publisher.kept";

    private const string Header = "publisher-output-cache 2";

    // Read on a thread of its own while the build starts: at 50,000 documents the record holds 134,000 outputs and
    // took 0.6–0.8 s to read and parse before the first module could start; nothing asks for it until the first
    // page is kept, seconds later.
    private readonly Task<IReadOnlyDictionary<string, Entry>> _previousRead;
    private readonly ConcurrentDictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private readonly string _manifestPath;
    private readonly BuildMemory? _memory;
    private readonly Lazy<ILookup<string, string>> _previousByInputs;
    private readonly ConcurrentDictionary<string, bool> _differing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _added = new(StringComparer.Ordinal);
    private readonly bool _fingerprintStored;
    private int _kept;

    private OutputCache(string cacheDirectory, string targetDirectory, string fingerprint, Task<IReadOnlyDictionary<string, Entry>> previous, bool readNotes, bool fingerprintStored, BuildMemory? memory, SpillFile? spill, bool outputsUntouched)
    {
        _fingerprintStored = fingerprintStored;
        _memory = memory;
        CacheDirectory = cacheDirectory;
        TargetDirectory = targetDirectory;
        Fingerprint = fingerprint;
        _previousRead = previous;
        _previousByInputs = new(() => Previous.Where(p => p.Value.InputsKey is not null).ToLookup(p => p.Value.InputsKey!, p => p.Key, StringComparer.Ordinal));
        _manifestPath = ManifestPath(cacheDirectory, targetDirectory);
        // Every note's key holds the fingerprint: under another one, none of the previous notes could be found.
        Notes = new BuildNotes(RecordPath(cacheDirectory, targetDirectory, "notes-", ".bin"), readNotes && fingerprintStored, memory, spill);
        Sources = new SourceStamps(RecordPath(cacheDirectory, targetDirectory, "sources-", ".txt"), readNotes, memory);
        UsesPreviousBuild = readNotes;
        OutputsUntouched = outputsUntouched;
    }

    /// <summary>
    /// True when no one but the previous build of this process has written the output folder since that build (a
    /// preview server's own folder, after its first build): an output it recorded is taken to be on disk without
    /// asking the file system, 28,000 look-ups in every rebuild of a 10,000-document site.
    /// </summary>
    public bool OutputsUntouched { get; }

    /// <summary>
    /// False for a <c>--clean</c> build, which must use nothing a previous build left in the cache folder (a module
    /// that keeps a cache file of its own reads it only when this is true, and may always write it).
    /// </summary>
    public bool UsesPreviousBuild { get; }

    /// <summary>
    /// True when the previous build's record of this output folder is there to be read (it is read in the
    /// background; <see cref="IsIncremental"/> waits for it): this build is likely to reuse most of its outputs.
    /// </summary>
    public bool HasPreviousRecord { get; private init; }

    /// <summary>
    /// The length in bytes of the previous build's record of its outputs (0 without one), a measure of the site's
    /// size: taken from the file, so asking for it does not wait for the record to be read (that runs beside the build).
    /// </summary>
    public long PreviousRecordLength { get; private init; }

    /// <summary>
    /// True when the previous build of this output folder, whose record is there, had this build's
    /// <see cref="Fingerprint"/>: no change to the code, settings, theme or office records, so only the outputs of
    /// changed sources are made again. False after such a change (every page is rendered again) and for a clean build.
    /// </summary>
    public bool FingerprintUnchanged => HasPreviousRecord && _fingerprintStored;

    /// <summary>The cache folder.</summary>
    public string CacheDirectory { get; }

    /// <summary>The live output folder the previous build produced.</summary>
    public string TargetDirectory { get; }

    /// <summary>A hash of everything every output depends on (code, settings, theme); part of every inputs key.</summary>
    public string Fingerprint { get; }

    /// <summary>What the previous build learnt about its inputs (kept whether or not its output is still there).</summary>
    public BuildNotes Notes { get; }

    /// <summary>The length, times and hash of each source file the previous build read, so unchanged files need not be read.</summary>
    public SourceStamps Sources { get; }

    /// <summary>True when the previous build's output is present and recorded, so outputs may be kept from it.</summary>
    public bool IsIncremental => Previous.Count > 0;

    /// <summary>How many outputs were kept from the previous build (not rendered or not written again).</summary>
    public int KeptCount => Volatile.Read(ref _kept);

    /// <summary>True when this build recorded an output at <paramref name="destination"/>.</summary>
    public bool IsRecorded(string destination) => _current.ContainsKey(destination);

    /// <summary>
    /// How many of the previous build's outputs this build did not record (so far): counted, not looked for, so
    /// that a build that removed none (most rebuilds) need not check 28,000 paths to know it.
    /// </summary>
    public int UnrecordedPreviousCount => Previous.Count - (_current.Count - _added.Count);

    /// <summary>
    /// The destinations the previous build left in the output folder (its whole output: every successful build
    /// records one, a <c>--clean</c> build included).
    /// </summary>
    public IEnumerable<string> PreviousPaths => Previous.Keys;

    /// <summary>
    /// Opens the cache for an output folder. The previous record is ignored (a clean build follows) when it is
    /// missing, unreadable, when the output folder is gone, or when a previous sync of the output was interrupted.
    /// </summary>
    /// <param name="cacheDirectory">The cache folder.</param>
    /// <param name="targetDirectory">The live output folder.</param>
    /// <param name="fingerprint">A hash of everything every output depends on.</param>
    /// <param name="memory">What an earlier build of this process kept (a preview server's), or null.</param>
    /// <param name="spill">Where the notes this build makes wait until they are saved, or null to keep them in memory.</param>
    /// <param name="outputsUntouched">True when only the previous build of this process has written the output folder (<see cref="OutputsUntouched"/>).</param>
    public static OutputCache Open(string cacheDirectory, string targetDirectory, string fingerprint, BuildMemory? memory = null, SpillFile? spill = null, bool outputsUntouched = false) =>
        Open(cacheDirectory, targetDirectory, fingerprint, usePrevious: true, memory, spill, outputsUntouched);

    /// <summary>
    /// Opens the cache for a build that renders everything (<c>--clean</c>): nothing of the previous build is used,
    /// neither its outputs nor its notes, but this build is recorded so that the next one can be incremental.
    /// </summary>
    /// <param name="cacheDirectory">The cache folder.</param>
    /// <param name="targetDirectory">The live output folder.</param>
    /// <param name="fingerprint">A hash of everything every output depends on.</param>
    /// <param name="spill">Where the notes this build makes wait until they are saved, or null to keep them in memory.</param>
    public static OutputCache OpenForCleanBuild(string cacheDirectory, string targetDirectory, string fingerprint, SpillFile? spill = null) =>
        Open(cacheDirectory, targetDirectory, fingerprint, usePrevious: false, memory: null, spill, outputsUntouched: false);

    private static OutputCache Open(string cacheDirectory, string targetDirectory, string fingerprint, bool usePrevious, BuildMemory? memory, SpillFile? spill, bool outputsUntouched)
    {
        cacheDirectory = Path.GetFullPath(cacheDirectory);
        targetDirectory = Path.GetFullPath(targetDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var manifestPath = ManifestPath(cacheDirectory, targetDirectory);
        var hasRecord = usePrevious && Directory.Exists(targetDirectory) && !File.Exists(SyncMarkerPath(cacheDirectory, targetDirectory)) && File.Exists(manifestPath);
        var previous = !hasRecord ? Task.FromResult<IReadOnlyDictionary<string, Entry>>(new Dictionary<string, Entry>(StringComparer.Ordinal))
            : memory?.Recall<IReadOnlyDictionary<string, Entry>>(manifestPath) is { } kept ? Task.FromResult(kept)
            : Task.Factory.StartNew(() => ReadManifest(manifestPath, memory), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var fingerprintStored = usePrevious && ReadFingerprint(FingerprintPath(cacheDirectory, targetDirectory)) == fingerprint;
        return new OutputCache(cacheDirectory, targetDirectory, fingerprint, previous, readNotes: usePrevious, fingerprintStored, memory, spill, outputsUntouched) { HasPreviousRecord = hasRecord, PreviousRecordLength = hasRecord ? new FileInfo(manifestPath).Length : 0 };
    }

    private static string? ReadFingerprint(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The previous build's record; empty (a clean build follows) when it cannot be read. Kept in
    /// <paramref name="memory"/> for the next build of this process (it is never changed: a build records its
    /// outputs apart).
    /// </summary>
    private static IReadOnlyDictionary<string, Entry> ReadManifest(string manifestPath, BuildMemory? memory)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            Read(File.ReadAllText(manifestPath, Encoding.UTF8), entries);
            memory?.Keep(manifestPath, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            entries.Clear();
        }

        return entries;
    }

    /// <summary>
    /// Reads the record's lines (path, inputs key, content hash, separated by tabs) without a string per line: at
    /// 50,000 documents it holds 134,000 outputs, and every build reads it. An inputs key many outputs share (the
    /// search index's files) is one string.
    /// </summary>
    private static void Read(string text, Dictionary<string, Entry> entries)
    {
        var lines = text.AsSpan();
        if (!lines.StartsWith(Header + "\n", StringComparison.Ordinal))
        {
            return;
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in lines[(Header.Length + 1)..].Split('\n'))
        {
            var line = lines[(Header.Length + 1)..][range];
            var first = line.IndexOf('\t');
            var second = first < 0 ? -1 : line[(first + 1)..].IndexOf('\t');
            if (second < 0 || line[(first + 1 + second + 1)..].Contains('\t'))
            {
                continue;
            }

            var key = line.Slice(first + 1, second);
            string? inputsKey = null;
            if (key.Length > 0 && !keys.TryGetValue(key, out inputsKey))
            {
                inputsKey = key.ToString();
                keys[key] = inputsKey;
            }

            entries[line[..first].ToString()] = new Entry(inputsKey, line[(first + 1 + second + 1)..].ToString());
        }
    }

    /// <summary>
    /// Keeps the previous output at <paramref name="destination"/> when it was made from the same inputs and is
    /// still on disk; the caller then skips producing it.
    /// </summary>
    public bool TryKeep(string destination, string inputsKey)
    {
        if (Previous.TryGetValue(destination, out var entry) && entry.InputsKey == inputsKey && OnDisk(destination))
        {
            _current[destination] = entry;
            Interlocked.Increment(ref _kept);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Keeps every previous output made from <paramref name="inputsKey"/> (the whole output of a module that
    /// produces many files from one set of inputs, such as a search index) when there was at least one and all
    /// are still on disk; returns their destinations, or null when the caller must produce them again.
    /// </summary>
    public IReadOnlyList<string>? TryKeepAll(string inputsKey)
    {
        // Looked up by key: a scan of every previous output for each of the six modules asking took 2% of a one-edit rebuild.
        var destinations = _previousByInputs.Value[inputsKey].Order(StringComparer.Ordinal).ToList();
        if (destinations.Count == 0 || !destinations.All(OnDisk))
        {
            return null;
        }

        foreach (var destination in destinations)
        {
            _current[destination] = Previous[destination];
            Interlocked.Increment(ref _kept);
        }

        return destinations;
    }

    /// <summary>
    /// The hash of the bytes the previous build published at <paramref name="destination"/> (as
    /// <see cref="ContentHash.Of"/> gives it), when it recorded that output: a module that changes its previous
    /// output instead of making it again checks with it that the files it reads are the ones it wrote. The disk is
    /// not looked at: the caller checks that the file is still there (one listing of a folder of many files costs
    /// less than a look-up of each).
    /// </summary>
    public string? RecordedContentHash(string destination) =>
        Previous.TryGetValue(destination, out var entry) ? entry.ContentHash : null;

    /// <summary>
    /// Keeps the previous output at <paramref name="destination"/> as it is, without a key of its own (the
    /// producer checked with <see cref="RecordedContentHash"/> that it is still good; <see cref="DeclareInputs"/>
    /// may give it one).
    /// </summary>
    public void KeepPrevious(string destination)
    {
        if (Previous.TryGetValue(destination, out var entry))
        {
            _current[destination] = entry;
            Interlocked.Increment(ref _kept);
        }
    }

    /// <summary>
    /// Records a produced output; returns true when the previous output has exactly these bytes and is still on
    /// disk, so the caller need not write it again.
    /// </summary>
    public bool RecordAndCheckUnchanged(string destination, string? inputsKey, string contentHash)
    {
        var entry = new Entry(inputsKey, contentHash);
        _current[destination] = entry;
        var known = Previous.TryGetValue(destination, out var previous);
        NoteDifference(destination, !known || previous != entry);
        if (!known)
        {
            _added[destination] = true;
        }

        if (known && previous!.ContentHash == contentHash && OnDisk(destination))
        {
            Interlocked.Increment(ref _kept);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Declares the inputs key of an output already recorded (by a module that wrote its files before the
    /// <see cref="Modules.MemoizeAll"/> around it knew what to call them), so the next build can keep it.
    /// </summary>
    public void DeclareInputs(string destination, string inputsKey)
    {
        if (_current.TryGetValue(destination, out var entry))
        {
            var declared = entry with { InputsKey = inputsKey };
            _current[destination] = declared;
            NoteDifference(destination, !Previous.TryGetValue(destination, out var previous) || previous != declared);
        }
    }

    /// <summary>Marks the output folder as being changed in place; a build that finds the mark starts clean.</summary>
    public void BeginSync()
    {
        Directory.CreateDirectory(CacheDirectory);
        File.WriteAllText(SyncMarker, TargetDirectory);
    }

    /// <summary>Writes this build's record (atomically) and clears the sync mark.</summary>
    /// <remarks>
    /// The output record, the notes and the source stamps are separate files: they are written at once, on three
    /// threads, as this is the last step of every build (the notes alone are 47 MB at 10,000 documents).
    /// </remarks>
    public void Save()
    {
        Directory.CreateDirectory(CacheDirectory);
        // GetResult, not Wait: a failure comes out as itself (an IOException), not wrapped.
        Task.WhenAll(Task.Run(SaveManifest), Task.Run(Notes.Save), Task.Run(Sources.Save)).GetAwaiter().GetResult();
        if (!_fingerprintStored)
        {
            File.WriteAllText(FingerprintPath(CacheDirectory, TargetDirectory), Fingerprint);
        }

        File.Delete(SyncMarker);
        StaleRecords.Name(CacheDirectory, FolderKey(TargetDirectory), TargetDirectory);
        StaleRecords.Prune(CacheDirectory, FolderKey(TargetDirectory));
    }

    /// <summary>Writes the record unless it says what the previous one says; either way the process keeps it for its next build.</summary>
    /// <remarks>
    /// The outputs recorded with another entry than the previous build's are known as they are recorded
    /// (<see cref="NoteDifference"/>), so a build that changed one page does not compare all 28,000 entries (at
    /// 10,000 documents) to find that out. Every other way of recording an output takes the previous build's entry.
    /// </remarks>
    private void SaveManifest()
    {
        if (_differing.IsEmpty && _current.Count == Previous.Count && File.Exists(_manifestPath))
        {
            _memory?.Keep(_manifestPath, Previous);
            return;
        }

        var temporary = _manifestPath + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
        {
            writer.Write(Header);
            writer.Write('\n');
            // In no particular order: only a build reads it, into a dictionary (sorting 28,000 paths was a third of
            // the time a one-edit rebuild spent on its record).
            foreach (var (path, entry) in _current)
            {
                writer.Write(path);
                writer.Write('\t');
                writer.Write(entry.InputsKey);
                writer.Write('\t');
                writer.Write(entry.ContentHash);
                writer.Write('\n');
            }
        }

        File.Move(temporary, _manifestPath, overwrite: true);
        _memory?.Keep(_manifestPath, _current); // not changed after this: the build is over
    }

    /// <summary>Notes whether an output's entry, as now recorded, differs from the previous build's (it may be recorded twice: written, then declared).</summary>
    private void NoteDifference(string destination, bool differs)
    {
        if (differs)
        {
            _differing[destination] = true;
        }
        else if (!_differing.IsEmpty)
        {
            _differing.TryRemove(destination, out _);
        }
    }

    /// <summary>
    /// The path in the cache folder of a record a module keeps about this output folder's build (each output
    /// folder has its own, as it has its own manifest): <c>&lt;prefix&gt;&lt;folder hash&gt;&lt;extension&gt;</c>.
    /// </summary>
    public string RecordPath(string prefix, string extension) => RecordPath(CacheDirectory, TargetDirectory, prefix, extension);

    private static string ManifestPath(string cacheDirectory, string targetDirectory) => RecordPath(cacheDirectory, targetDirectory, "outputs-", ".txt");

    private static string FingerprintPath(string cacheDirectory, string targetDirectory) => RecordPath(cacheDirectory, targetDirectory, "fingerprint-", ".txt");

    private static string RecordPath(string cacheDirectory, string targetDirectory, string prefix, string extension) =>
        Path.Combine(cacheDirectory, prefix + FolderKey(targetDirectory) + extension);

    private static string FolderKey(string targetDirectory) => ContentHash.OfParts([targetDirectory])[..16];

    private string SyncMarker => SyncMarkerPath(CacheDirectory, TargetDirectory);

    // One mark per output folder, as the record is: a build of another folder (a preview's) clears only its own.
    private static string SyncMarkerPath(string cacheDirectory, string targetDirectory) => RecordPath(cacheDirectory, targetDirectory, "sync-in-progress-", ".txt");

    private string Target(string destination) => Path.Combine(TargetDirectory, destination);

    /// <summary>True when a recorded output is still in the output folder (taken as so when <see cref="OutputsUntouched"/>).</summary>
    private bool OnDisk(string destination) => OutputsUntouched || File.Exists(Target(destination));

    /// <summary>The previous build's record, waiting for its reading to finish the first time it is asked for.</summary>
    private IReadOnlyDictionary<string, Entry> Previous => _previousRead.GetAwaiter().GetResult();

    private sealed record Entry(string? InputsKey, string ContentHash);
}
