using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Cadence.Sample.Cli;

namespace Cadence.Sample.Store;

/// <summary>
/// The data file on disk. Reads need no lock (writes are atomic renames, so a reader sees a whole file); a change is
/// read, applied and written under an exclusive lock on <c>FILE.lock</c> next to the real file (through symbolic
/// links, so a writer on a link and one on the real path take the same lock), so two processes (a <c>log</c> while
/// <c>serve</c> saves its feed state) never lose each other's changes. A read-only file is refused, never replaced.
/// </summary>
internal sealed class DiaryStore(string path, TextWriter? notes = null, TimeSpan? lockTimeout = null, string? directory = null)
{
    /// <summary>The file read and written: the path as given, from <c>directory</c> (the working directory by default).</summary>
    private readonly string _file = System.IO.Path.GetFullPath(path, directory ?? Environment.CurrentDirectory);

    private readonly TextWriter _notes = notes ?? Console.Error;

    /// <summary>How long a writer waits for one holder of the lock (30 s): the wait starts again whenever the data file changes (another writer got through), so a queue of writers on a loaded machine never times out while it moves.</summary>
    private readonly TimeSpan _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Path { get; } = path;

    /// <summary>The lock file, next to the real file the path leads to.</summary>
    public string LockPath => AtomicFile.RealPath(_file) + ".lock";

    public bool Exists => File.Exists(_file);

    /// <summary>Reads the data file.</summary>
    /// <exception cref="UserException">It is missing, unreadable, not JSON, not a diary, or of a newer format.</exception>
    public DiaryData Load() => Parse(ReadBytes());

    /// <summary>
    /// Reads, changes and writes the data file under the lock. <paramref name="change"/> returns the new data, or
    /// <see langword="null"/> to leave the file as it is; if it throws, nothing is written.
    /// </summary>
    public T Update<T>(Func<DiaryData, (DiaryData? Next, T Result)> change) => Update((data, _) => change(data));

    /// <summary>Reads the data file and its bytes, without the lock (to work on it before taking the lock to write).</summary>
    public (DiaryData Data, byte[] Bytes) LoadWithBytes()
    {
        byte[] bytes = ReadBytes();
        return (Parse(bytes), bytes);
    }

    /// <summary>As <see cref="Update{T}(Func{DiaryData, ValueTuple{DiaryData, T}})"/>, with the bytes read under the lock too (to see whether the file changed since it was read without it).</summary>
    public T Update<T>(Func<DiaryData, byte[], (DiaryData? Next, T Result)> change)
    {
        using var held = Lock();
        byte[] before = ReadBytes();
        var (next, result) = change(Parse(before), before);
        if (next is not null)
        {
            byte[] after = DiaryJson.Write(next);
            if (!after.AsSpan().SequenceEqual(before))
            {
                CheckWritable();
                Save(after);
            }
        }

        StampAfterUpdate = Stamp();
        return result;
    }

    /// <summary>The file's <see cref="Stamp"/> as the last <see cref="Update{T}"/> left it, taken under the lock.</summary>
    public (long Length, DateTime Written) StampAfterUpdate { get; private set; }

    /// <summary>The data file's length and last write time (through links): what says it changed, for a stat's cost.</summary>
    public (long Length, DateTime Written) Stamp()
    {
        var file = new FileInfo(AtomicFile.RealPath(_file));
        return (file.Exists ? file.Length : -1, file.Exists ? file.LastWriteTimeUtc : default);
    }

    /// <summary>Writes a new data file (for <c>init</c>), under the lock; fails if one exists.</summary>
    public void Create(DiaryData data)
    {
        using var held = Lock();
        if (File.Exists(_file))
        {
            throw new UserException($"{Path} already exists; remove it first or choose another file with --data.");
        }

        Save(DiaryJson.Write(data));
    }

    /// <summary>A file its owner made read-only stays so: refused, as editors and SQLite refuse it.</summary>
    private void CheckWritable()
    {
        string real = AtomicFile.RealPath(_file);
        bool readOnly = OperatingSystem.IsWindows()
            ? File.GetAttributes(real).HasFlag(FileAttributes.ReadOnly)
            : (File.GetUnixFileMode(real) & UnixFileMode.UserWrite) == 0;
        if (readOnly)
        {
            throw new UserException($"{Path} is read-only; make it writable (chmod u+w) to change it.");
        }

        if (AtomicFile.LinkCount(real) is > 1 and var links)
        {
            throw new UserException(
                $"{Path} has {links} hard links; writing it would give this name the change and leave the others without: use a symbolic link instead.");
        }
    }

    private void Save(byte[] bytes)
    {
        try
        {
            // Under the lock no write is under way: temporary files still there are an interrupted write's.
            int leftovers = AtomicFile.RemoveLeftovers(_file);
            if (leftovers > 0)
            {
                _notes.Write($"{CommandLine.Program}: note: removed {leftovers} temporary {(leftovers == 1 ? "file" : "files")} left next to {Path} by an interrupted write.\n");
            }

            AtomicFile.Write(_file, bytes, ownerOnly: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"Could not write {Path}: {Messages.OneLine(e)}");
        }
    }

    private byte[] ReadBytes()
    {
        try
        {
            return File.ReadAllBytes(_file);
        }
        catch (FileNotFoundException)
        {
            throw new UserException($"No data file at {Path}; run `Cadence.Diary init --data {Path}` to create one.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"Could not read {Path}: {Messages.OneLine(e)}");
        }
    }

    private DiaryData Parse(byte[] bytes)
    {
        try
        {
            return DiaryJson.Read(bytes);
        }
        catch (DataFileException e)
        {
            throw new UserException($"The data file {Path} {e.Message.TrimEnd('.')}.");
        }
    }

    /// <summary>
    /// Takes the exclusive lock (an advisory lock on FILE.lock, released when the handle closes, so a killed process
    /// leaves no stale lock), waiting while others hold it: it gives up only when 30 s pass with no change to the data
    /// file (one holder stuck, not a queue of writers that moves slowly on a busy machine). The lock file is owner-only,
    /// and a symbolic link planted in its place is refused rather than followed.
    /// </summary>
    private FileStream Lock()
    {
        string lockPath = LockPath;
        if (new FileInfo(lockPath).LinkTarget is not null)
        {
            throw new UserException($"{lockPath} is a symbolic link; a lock file must be a plain file: remove it.");
        }

        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var clock = Stopwatch.StartNew();
        var seen = Stamp();
        while (true)
        {
            try
            {
                var held = new FileStream(lockPath, options);
                if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(lockPath) != options.UnixCreateMode)
                {
                    File.SetUnixFileMode(lockPath, options.UnixCreateMode!.Value); // one made by an older version
                }

                return held;
            }
            catch (DirectoryNotFoundException)
            {
                throw new UserException($"Could not lock {Path}: its directory does not exist.");
            }
            catch (IOException) when (clock.Elapsed < _lockTimeout || Stamp() != seen)
            {
                // Another writer saved since the wait began: the queue moves, so the wait starts again.
                var now = Stamp();
                if (now != seen)
                {
                    (seen, clock) = (now, Stopwatch.StartNew());
                }

                Thread.Sleep(25);
            }
            catch (IOException)
            {
                throw new UserException($"{Path} is in use by another Cadence.Diary (it holds {lockPath}); try again.");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UserException($"Could not lock {Path}: {Messages.OneLine(e)}");
            }
        }
    }
}
